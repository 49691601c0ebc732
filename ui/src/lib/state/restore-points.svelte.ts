import { toAppError, type Api, type AppError } from '../api';
import type { LibraryHealth } from '../bindings/LibraryHealth';
import type { RestorePoint } from '../bindings/RestorePoint';

type RestoreApi = Pick<Api, 'restorePoints' | 'restoreLibrary' | 'checkLibrary' | 'libraryHealth'>;

/**
 * The library's restore points as Settings lists them, putting one back, and what the library
 * check found, with the restore point it offers. The core checks, makes the points, decides
 * what each holds, keeps a damaged library read-only and sets it aside on restore; this only
 * asks and shows.
 */
export class RestorePointsState {
  points = $state<RestorePoint[]>([]);
  /** What the check found (or a damaged page met since); null while the library is sound. */
  health = $state<LibraryHealth | null>(null);
  /** Whether the findings are on screen (the person may close them and look around). */
  showingHealth = $state(false);
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

  /** The check at start; what it finds is shown. */
  async checkAtStart(): Promise<void> {
    try {
      this.#found(await this.#api.checkLibrary());
    } catch (error) {
      this.error = toAppError(error);
    }
  }

  /** A command answered `damaged`: show what is known, unless it is known already. */
  async noticeDamage(): Promise<void> {
    if (this.health?.readOnly) return;
    try {
      this.#found(await this.#api.libraryHealth());
    } catch (error) {
      this.error = toAppError(error);
    }
  }

  #found(health: LibraryHealth): void {
    this.health = health.problems.length > 0 ? health : null;
    this.showingHealth = this.health !== null;
  }

  showHealth(): void {
    this.showingHealth = this.health !== null;
  }

  hideHealth(): void {
    this.showingHealth = false;
  }

  /** Puts back the restore point the findings offer; true once the library is restored. */
  async restoreOffered(): Promise<boolean> {
    const offered = this.health?.restorePoint;
    if (!offered) return false;
    this.asking = offered;
    const restored = await this.confirm();
    if (restored) {
      this.health = null;
      this.showingHealth = false;
    } else {
      // The refusal shows in the findings; Settings is not left asking.
      this.asking = null;
    }
    return restored;
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
