import { toAppError, type Api, type AppError } from '../api';
import type { DraftBack } from '../bindings/DraftBack';

type DraftsBackApi = Pick<Api, 'draftsLeftBehind' | 'bringBackDrafts' | 'letDraftsGo'>;

/**
 * The drafts a crash left behind, offered back once at the start. The core journals drafts,
 * decides which come back (each only so many times) and brings them back as drafts; this only
 * asks and shows.
 */
export class DraftsBackState {
  /** The drafts offered; empty once answered, or when the last session ended normally. */
  left = $state<DraftBack[]>([]);
  answering = $state(false);
  error = $state<AppError | null>(null);

  readonly #api: DraftsBackApi;
  readonly #afterBringingBack: (first: DraftBack) => Promise<void>;

  /** `afterBringingBack` shows the drafts brought back, opening the first. */
  constructor(api: DraftsBackApi, afterBringingBack: (first: DraftBack) => Promise<void>) {
    this.#api = api;
    this.#afterBringingBack = afterBringingBack;
  }

  async load(): Promise<void> {
    try {
      this.left = await this.#api.draftsLeftBehind();
    } catch (error) {
      this.error = toAppError(error);
    }
  }

  async bringBack(): Promise<void> {
    await this.#answer(async () => {
      const first = this.left[0];
      await this.#api.bringBackDrafts();
      this.left = [];
      if (first) await this.#afterBringingBack(first);
    });
  }

  async letGo(): Promise<void> {
    await this.#answer(async () => {
      await this.#api.letDraftsGo();
      this.left = [];
    });
  }

  async #answer(answer: () => Promise<void>): Promise<void> {
    if (this.answering) return;
    this.answering = true;
    try {
      await answer();
      this.error = null;
    } catch (error) {
      this.error = toAppError(error);
    } finally {
      this.answering = false;
    }
  }
}
