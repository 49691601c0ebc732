import { toAppError, type Api, type AppError } from '../api';
import type { FunnelCount } from '../bindings/FunnelCount';
import type { PlanRow } from '../bindings/PlanRow';
import type { Policy } from '../bindings/Policy';
import type { SessionInfo } from '../bindings/SessionInfo';
import type { Tier } from '../bindings/Tier';

type SessionApi = Pick<
  Api,
  | 'sessionInfo'
  | 'setDemoTier'
  | 'setDemoPolicy'
  | 'timeTravel'
  | 'resetDemo'
  | 'planMap'
  | 'funnel'
  | 'setFunnelOptIn'
  | 'exportFunnelCsv'
  | 'startTrial'
  | 'activateLicence'
  | 'activateLicenceFile'
>;

const TRIAL_END_TOLD = 'strand.trialEndTold';

/**
 * Who is using Strand right now — tier, licence, trial, clock — and, in demo mode, the controls
 * a product team switches. Everything shown here is what the core derived; nothing is decided here.
 */
export class SessionState {
  info = $state<SessionInfo | null>(null);
  planMap = $state<PlanRow[]>([]);
  funnel = $state<FunnelCount[]>([]);
  error = $state<AppError | null>(null);
  /** Why a licence key or file was refused: shown under the licence field, where it was given. */
  licenceError = $state<AppError | null>(null);

  readonly #api: SessionApi;
  readonly #storage: Storage;
  /** The end of the trial the person has been told of (kept in the webview's storage). */
  #toldOfTrialEnd = $state<string | null>(null);

  constructor(api: SessionApi, storage: Storage = localStorage) {
    this.#api = api;
    this.#storage = storage;
    this.#toldOfTrialEnd = storage.getItem(TRIAL_END_TOLD);
  }

  /**
   * When the trial has just ended and the person has not been told yet: the moment it happens
   * (a session answer, time travel in a demo) or the first start after. Told once per trial.
   */
  get trialEnded(): string | null {
    const access = this.info?.access;
    const ended = access?.trial.endsAt ?? null;
    if (!access || !ended || access.tier !== 'lapsed' || access.licence?.active) return null;
    return ended === this.#toldOfTrialEnd ? null : ended;
  }

  /** The person read that the trial ended. */
  acknowledgeTrialEnd(): void {
    const ended = this.trialEnded;
    if (!ended) return;
    this.#storage.setItem(TRIAL_END_TOLD, ended);
    this.#toldOfTrialEnd = ended;
  }

  get demo(): boolean {
    return this.info?.demo ?? false;
  }

  get tier(): Tier {
    return this.info?.access.tier ?? 'free';
  }

  get isPremium(): boolean {
    return this.tier === 'trial' || this.tier === 'premium';
  }

  async load(): Promise<void> {
    this.info = await this.#api.sessionInfo();
    if (this.demo) await this.refreshInsights();
  }

  /** The plan map and funnel shown in the demo panel. */
  async refreshInsights(): Promise<void> {
    [this.planMap, this.funnel] = await Promise.all([this.#api.planMap(), this.#api.funnel()]);
  }

  setTier(tier: Tier | null): Promise<boolean> {
    return this.#apply(() => this.#api.setDemoTier(tier));
  }

  setPolicy(policy: Policy): Promise<boolean> {
    return this.#apply(() => this.#api.setDemoPolicy(policy));
  }

  travel(days: number): Promise<boolean> {
    return this.#apply(() => this.#api.timeTravel(days));
  }

  reset(): Promise<boolean> {
    return this.#apply(() => this.#api.resetDemo());
  }

  startTrial(): Promise<boolean> {
    return this.#apply(() => this.#api.startTrial());
  }

  activateLicence(key: string): Promise<boolean> {
    return this.#apply(() => this.#api.activateLicence(key), 'licenceError');
  }

  /** Resolves false when the person cancelled the dialog or the file was refused. */
  async activateLicenceFile(): Promise<boolean> {
    let activated = false;
    await this.#apply(async () => {
      const info = await this.#api.activateLicenceFile();
      activated = info !== null;
      return info ?? (await this.#api.sessionInfo());
    }, 'licenceError');
    return activated;
  }

  setFunnelOptIn(optedIn: boolean): Promise<boolean> {
    return this.#apply(() => this.#api.setFunnelOptIn(optedIn));
  }

  async exportFunnel(): Promise<boolean> {
    try {
      return await this.#api.exportFunnelCsv();
    } catch (reason) {
      this.error = toAppError(reason);
      return false;
    }
  }

  dismissError(): void {
    this.error = null;
  }

  /** Asks for `change` and shows the session it answers; a refusal is said in `said`. */
  async #apply(change: () => Promise<SessionInfo>, said: 'error' | 'licenceError' = 'error'): Promise<boolean> {
    try {
      this.info = await change();
      this[said] = null;
      if (this.demo) await this.refreshInsights();
      return true;
    } catch (reason) {
      this[said] = toAppError(reason);
      return false;
    }
  }
}
