import { toAppError, type Api, type AppError } from '../api';
import type { Bundle } from '../bindings/Bundle';
import type { BundleId } from '../bindings/BundleId';
import type { BundleSummary } from '../bindings/BundleSummary';
import type { EntryId } from '../bindings/EntryId';
import type { ExportFormat } from '../bindings/ExportFormat';
import type { ItemId } from '../bindings/ItemId';
import type { SortField } from '../bindings/SortField';

type BundleApi = Pick<
  Api,
  | 'listBundles'
  | 'getBundle'
  | 'createBundle'
  | 'renameBundle'
  | 'addEntry'
  | 'removeEntry'
  | 'moveEntry'
  | 'keepBundle'
  | 'sortBundle'
  | 'undo'
  | 'setBundleDetails'
  | 'redo'
  | 'exportBundle'
  | 'deleteBundle'
  | 'listTrash'
  | 'restoreBundle'
  | 'emptyTrash'
>;

/**
 * The bundle list and the open bundle. Every edit asks the core and shows what it answers; a
 * refusal leaves the open bundle as it was and says why.
 */
export class BundlesState {
  summaries = $state<BundleSummary[]>([]);
  trash = $state<BundleSummary[]>([]);
  /** An item the person tried to add although the open bundle already threads it. */
  pendingDuplicate = $state<ItemId | null>(null);
  /** The bundle just moved to the trash, so the notice can offer to bring it back. */
  justDeleted = $state<BundleSummary | null>(null);
  current = $state<Bundle | null>(null);
  /** Set when the core refused to keep with `premium_required`: the UI shows the paywall. */
  paywallOpen = $state(false);
  /** The name of the bundle that was just kept, for the confirmation. */
  justKept = $state<string | null>(null);
  error = $state<AppError | null>(null);
  /** Whether the last export of the open bundle was written. */
  exported = $state(false);

  readonly #api: BundleApi;
  /** The action the core refused for premium, to run again after upgrading. */
  #refused: (() => Promise<boolean>) | null = null;

  constructor(api: BundleApi) {
    this.#api = api;
  }

  async refresh(): Promise<void> {
    [this.summaries, this.trash] = await Promise.all([this.#api.listBundles(), this.#api.listTrash()]);
  }

  /** Moves the open bundle to the trash; it can be restored from there. */
  deleteCurrent(): Promise<boolean> {
    const current = this.current;
    if (!current) return Promise.resolve(false);
    return this.#attempt(async () => {
      await this.#api.deleteBundle(current.id);
      this.justDeleted = this.summaries.find((summary) => summary.id === current.id) ?? null;
      this.forgetCurrent();
      await this.refresh();
    });
  }

  restore(bundleId: BundleId): Promise<boolean> {
    return this.#apply(() => this.#api.restoreBundle(bundleId));
  }

  emptyTrash(): Promise<boolean> {
    return this.#attempt(async () => {
      await this.#api.emptyTrash();
      this.justDeleted = null;
      await this.refresh();
    });
  }

  create(name: string): Promise<boolean> {
    return this.#apply(() => this.#api.createBundle(name));
  }

  open(bundleId: BundleId): Promise<boolean> {
    return this.#apply(() => this.#api.getBundle(bundleId));
  }

  rename(name: string): Promise<boolean> {
    return this.#applyToCurrent((id) => this.#api.renameBundle(id, name));
  }

  /**
   * Threads an item on. If the open bundle already threads it, asks first (`pendingDuplicate`)
   * unless `anyway` — the same item twice is allowed, but rarely meant.
   */
  add(itemId: ItemId, anyway = false): Promise<boolean> {
    if (!anyway && this.current?.entries.some((entry) => entry.item.id === itemId)) {
      this.pendingDuplicate = itemId;
      return Promise.resolve(false);
    }
    this.pendingDuplicate = null;
    return this.#applyToCurrent((id) => this.#api.addEntry(id, itemId));
  }

  /** The person confirmed: add the duplicate after all. */
  addDuplicateAnyway(): Promise<boolean> {
    const itemId = this.pendingDuplicate;
    return itemId ? this.add(itemId, true) : Promise.resolve(false);
  }

  cancelDuplicate(): void {
    this.pendingDuplicate = null;
  }

  remove(entryId: EntryId): Promise<boolean> {
    return this.#applyToCurrent((id) => this.#api.removeEntry(id, entryId));
  }

  move(entryId: EntryId, toIndex: number): Promise<boolean> {
    return this.#applyToCurrent((id) => this.#api.moveEntry(id, entryId, toIndex));
  }

  sort(field: SortField): Promise<boolean> {
    return this.#applyToCurrent((id) => this.#api.sortBundle(id, field));
  }

  /** Sets the open bundle's description and colour (null: its cover speaks for it). */
  setDetails(description: string, colour: string | null): Promise<boolean> {
    return this.#applyToCurrent((id) => this.#api.setBundleDetails(id, description, colour));
  }

  /** Undoes the open bundle's latest edit (kept bundles remember across restarts). */
  undo(): Promise<boolean> {
    if (!this.current?.canUndo) return Promise.resolve(false);
    return this.#applyToCurrent((id) => this.#api.undo(id));
  }

  redo(): Promise<boolean> {
    if (!this.current?.canRedo) return Promise.resolve(false);
    return this.#applyToCurrent((id) => this.#api.redo(id));
  }

  async keep(): Promise<boolean> {
    const kept = await this.#applyToCurrent((id) => this.#api.keepBundle(id), () => this.keep());
    if (kept) this.justKept = this.current?.name ?? null;
    return kept;
  }

  /**
   * Runs again the action the paywall interrupted (after a trial or licence made it premium),
   * so the person lands where they meant to go.
   */
  async retryRefused(): Promise<boolean> {
    const retry = this.#refused;
    this.closePaywall();
    return retry ? retry() : false;
  }

  /** Forgets the open bundle (after a demo reset removed it). */
  forgetCurrent(): void {
    this.current = null;
    this.justKept = null;
  }

  /** Exports the open bundle through the native save dialog; false if cancelled or refused. */
  async exportCurrent(format: ExportFormat): Promise<boolean> {
    const current = this.current;
    if (!current) return false;
    await this.#attempt(async () => {
      this.exported = await this.#api.exportBundle(current.id, format);
    });
    return this.exported;
  }

  closePaywall(): void {
    this.paywallOpen = false;
    this.#refused = null;
  }

  dismissError(): void {
    this.error = null;
  }

  /** Runs an action that does not answer with a bundle; a failure is shown, not thrown. */
  async #attempt(action: () => Promise<void>): Promise<boolean> {
    try {
      await action();
      this.error = null;
      return true;
    } catch (reason) {
      this.error = toAppError(reason);
      return false;
    }
  }

  #applyToCurrent(change: (id: BundleId) => Promise<Bundle>, again?: () => Promise<boolean>): Promise<boolean> {
    const current = this.current;
    if (!current) return Promise.resolve(false);
    return this.#apply(() => change(current.id), again);
  }

  /**
   * Asks the core for a change and shows its answer. A refusal for premium is not an error to
   * report: it opens the paywall, remembering how to try again.
   */
  async #apply(change: () => Promise<Bundle>, again?: () => Promise<boolean>): Promise<boolean> {
    this.justKept = null;
    this.justDeleted = null;
    this.exported = false;
    try {
      this.current = await change();
      this.error = null;
      this.closePaywall();
      await this.refresh();
      return true;
    } catch (reason) {
      const error = toAppError(reason);
      if (error.code === 'premium_required') {
        this.#refused = again ?? (() => this.#apply(change));
        this.paywallOpen = true;
        this.error = null;
      } else {
        this.error = error;
      }
      return false;
    }
  }
}
