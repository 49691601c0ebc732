import { toAppError, type Api, type AppError } from '../api';
import type { RestorePoint } from '../bindings/RestorePoint';

type RestoreApi = Pick<Api, 'restorePoints' | 'restoreLibrary'>;

/**
 * The library's restore points as Settings lists them, and putting one back. The core makes
 * them, decides what each holds and makes the library as it was a restore point first; this
 * only asks and shows.
 */
export class RestorePointsState {
  points = $state<RestorePoint[]>([]);
  /** The point the person picked and is being asked about. */
  asking = $state<RestorePoint | null>(null);
  restoring = $state(false);
  error = $state<AppError | null>(null);

  readonly #api: RestoreApi;
  readonly #afterRestore: () => void;

  /** `afterRestore` shows the restored library (the window reads everything again). */
  constructor(api: RestoreApi, afterRestore: () => void) {
    this.#api = api;
    this.#afterRestore = afterRestore;
  }

  async load(): Promise<void> {
    try {
      this.points = await this.#api.restorePoints();
      this.error = null;
    } catch (error) {
      this.error = toAppError(error);
    }
  }

  ask(point: RestorePoint): void {
    this.asking = point;
  }

  cancel(): void {
    this.asking = null;
  }

  /** Puts back the point being asked about; true once the library is restored. */
  async confirm(): Promise<boolean> {
    const point = this.asking;
    if (!point) return false;
    this.restoring = true;
    try {
      this.points = await this.#api.restoreLibrary(point.name);
      this.asking = null;
      this.error = null;
      this.#afterRestore();
      return true;
    } catch (error) {
      this.error = toAppError(error);
      return false;
    } finally {
      this.restoring = false;
    }
  }
}
