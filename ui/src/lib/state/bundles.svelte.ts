import { AppError, toAppError, type Api } from '../api';
import type { Bundle } from '../bindings/Bundle';
import type { BundleId } from '../bindings/BundleId';
import type { BundleSummary } from '../bindings/BundleSummary';
import type { EntryId } from '../bindings/EntryId';
import type { ItemId } from '../bindings/ItemId';

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
  | 'exportBundle'
>;

/**
 * The bundle list and the open bundle. Every edit asks the core and shows what it answers; a
 * refusal leaves the open bundle as it was and says why.
 */
export class BundlesState {
  summaries = $state<BundleSummary[]>([]);
  current = $state<Bundle | null>(null);
  /** Set when the core refused to keep with `premium_required`: the UI shows the paywall. */
  paywallOpen = $state(false);
  /** The name of the bundle that was just kept, for the confirmation. */
  justKept = $state<string | null>(null);
  error = $state<AppError | null>(null);
  /** Whether the last export of the open bundle was written. */
  exported = $state(false);

  readonly #api: BundleApi;

  constructor(api: BundleApi) {
    this.#api = api;
  }

  async refresh(): Promise<void> {
    this.summaries = await this.#api.listBundles();
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

  add(itemId: ItemId): Promise<boolean> {
    return this.#applyToCurrent((id) => this.#api.addEntry(id, itemId));
  }

  remove(entryId: EntryId): Promise<boolean> {
    return this.#applyToCurrent((id) => this.#api.removeEntry(id, entryId));
  }

  move(entryId: EntryId, toIndex: number): Promise<boolean> {
    return this.#applyToCurrent((id) => this.#api.moveEntry(id, entryId, toIndex));
  }

  async keep(): Promise<boolean> {
    const kept = await this.#applyToCurrent((id) => this.#api.keepBundle(id));
    if (kept) {
      this.paywallOpen = false;
      this.justKept = this.current?.name ?? null;
    } else if (this.error?.code === 'premium_required') {
      // Not a failure to report: the paywall explains it, and the draft stays as it was.
      this.error = null;
      this.paywallOpen = true;
    }
    return kept;
  }

  /** Forgets the open bundle (after a demo reset removed it). */
  forgetCurrent(): void {
    this.current = null;
    this.justKept = null;
  }

  /** Exports the open bundle through the native save dialog; false if cancelled or refused. */
  async exportCurrent(): Promise<boolean> {
    const current = this.current;
    if (!current) return false;
    try {
      this.exported = await this.#api.exportBundle(current.id);
      return this.exported;
    } catch (reason) {
      this.error = toAppError(reason);
      return false;
    }
  }

  closePaywall(): void {
    this.paywallOpen = false;
  }

  dismissError(): void {
    this.error = null;
  }

  #applyToCurrent(change: (id: BundleId) => Promise<Bundle>): Promise<boolean> {
    const current = this.current;
    if (!current) return Promise.resolve(false);
    return this.#apply(() => change(current.id));
  }

  async #apply(change: () => Promise<Bundle>): Promise<boolean> {
    this.justKept = null;
    this.exported = false;
    try {
      this.current = await change();
      this.error = null;
      await this.refresh();
      return true;
    } catch (reason) {
      this.error = toAppError(reason);
      return false;
    }
  }
}
