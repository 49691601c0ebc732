import type { Api } from '../api';
import type { SessionInfo } from '../bindings/SessionInfo';
import type { Tier } from '../bindings/Tier';

/** Who is using Strand right now: demo or not, and on which tier. */
export class SessionState {
  info = $state<SessionInfo | null>(null);

  readonly #api: Pick<Api, 'sessionInfo' | 'setDemoTier'>;

  constructor(api: Pick<Api, 'sessionInfo' | 'setDemoTier'>) {
    this.#api = api;
  }

  get demo(): boolean {
    return this.info?.demo ?? false;
  }

  async load(): Promise<void> {
    this.info = await this.#api.sessionInfo();
  }

  async setTier(tier: Tier): Promise<void> {
    this.info = await this.#api.setDemoTier(tier);
  }
}
