import { toAppError, type Api, type AppError } from '../api';
import type { BundleId } from '../bindings/BundleId';
import type { ImportProgress } from '../bindings/ImportProgress';
import type { ImportSummary } from '../bindings/ImportSummary';

type TransferApi = Pick<
  Api,
  'exportLibrary' | 'importPlaylist' | 'importCatalogue' | 'importAudioFolder' | 'importCollection' | 'cancelImport'
>;

export type ImportKind = 'playlist' | 'catalogue' | 'folder' | 'collection';

/** What an import brought in: the summary, the draft a playlist became (the first, of a music
 * app's library), and for a music app's library what its playlists became. */
export interface ImportResult {
  kind: ImportKind;
  summary: ImportSummary;
  bundle: { id: BundleId; name: string } | null;
  collection?: { drafts: number; folders: number; builtIn: number; missing: number };
  /** Why the cover picture a playlist file carried was left out. */
  coverLeftOut?: string;
}

/** Told what changed, so the bundle list or the library can show it. */
export type OnImported = (result: ImportResult) => Promise<void>;

/**
 * Imports and "export everything". An import runs in the core with a progress bar and a Cancel
 * button; the core rolls a cancelled or failed import back whole, so nothing here needs undoing.
 */
export class TransferState {
  running = $state<ImportKind | null>(null);
  progress = $state<ImportProgress | null>(null);
  cancelling = $state(false);
  result = $state<ImportResult | null>(null);
  error = $state<AppError | null>(null);
  /** Set when the last import was cancelled: nothing changed, and the person is told so. */
  cancelled = $state(false);
  libraryExported = $state(false);

  readonly #api: TransferApi;
  readonly #onImported: OnImported;

  constructor(api: TransferApi, onImported: OnImported) {
    this.#api = api;
    this.#onImported = onImported;
  }

  /** How far the running import got, 0 to 1, or null before the first report. */
  get fraction(): number | null {
    const progress = this.progress;
    if (!progress || progress.total === 0) return null;
    return Math.min(1, progress.done / progress.total);
  }

  importPlaylist(): Promise<boolean> {
    return this.#run('playlist', async (onProgress) => {
      const imported = await this.#api.importPlaylist(onProgress);
      if (!imported) return null;
      const { summary, bundle, coverLeftOut } = imported;
      return { kind: 'playlist', summary, bundle: { id: bundle.id, name: bundle.name }, coverLeftOut: coverLeftOut ?? undefined };
    });
  }

  importCatalogue(): Promise<boolean> {
    return this.#run('catalogue', async (onProgress) => {
      const summary = await this.#api.importCatalogue(onProgress);
      return summary ? { kind: 'catalogue', summary, bundle: null } : null;
    });
  }

  importFolder(): Promise<boolean> {
    return this.#run('folder', async (onProgress) => {
      const summary = await this.#api.importAudioFolder(onProgress);
      return summary ? { kind: 'folder', summary, bundle: null } : null;
    });
  }

  importCollection(): Promise<boolean> {
    return this.#run('collection', async (onProgress) => {
      const imported = await this.#api.importCollection(onProgress);
      if (!imported) return null;
      const { summary, first, ...collection } = imported;
      return { kind: 'collection', summary, bundle: first && { id: first.id, name: first.name }, collection };
    });
  }

  async cancel(): Promise<void> {
    if (!this.running) return;
    this.cancelling = true;
    await this.#api.cancelImport();
  }

  async exportLibrary(): Promise<boolean> {
    this.libraryExported = false;
    try {
      this.libraryExported = await this.#api.exportLibrary();
      this.error = null;
    } catch (reason) {
      this.error = toAppError(reason);
    }
    return this.libraryExported;
  }

  closeResult(): void {
    this.result = null;
    this.cancelled = false;
  }

  dismissError(): void {
    this.error = null;
  }

  /** Runs one import; true when something was imported. */
  async #run(
    kind: ImportKind,
    importFile: (onProgress: (progress: ImportProgress) => void) => Promise<ImportResult | null>,
  ): Promise<boolean> {
    if (this.running) return false;
    this.running = kind;
    this.progress = null;
    this.cancelling = false;
    this.cancelled = false;
    this.result = null;
    this.error = null;
    try {
      const result = await importFile((progress) => (this.progress = progress));
      if (!result) return false;
      await this.#onImported(result);
      this.result = result;
      return true;
    } catch (reason) {
      const error = toAppError(reason);
      if (error.code === 'cancelled') this.cancelled = true;
      else this.error = error;
      return false;
    } finally {
      this.running = null;
      this.cancelling = false;
    }
  }
}
