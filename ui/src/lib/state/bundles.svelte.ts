import { toAppError, type Api, type AppError } from '../api';
import type { Bundle } from '../bindings/Bundle';
import type { BundleId } from '../bindings/BundleId';
import type { BundleSummary } from '../bindings/BundleSummary';
import type { BundleTotals } from '../bindings/BundleTotals';
import type { Capability } from '../bindings/Capability';
import type { Entry } from '../bindings/Entry';
import type { EntryId } from '../bindings/EntryId';
import type { EntryPage } from '../bindings/EntryPage';
import type { FolderId } from '../bindings/FolderId';
import type { ExportFormat } from '../bindings/ExportFormat';
import type { ItemId } from '../bindings/ItemId';
import type { SortField } from '../bindings/SortField';
import { BundleListState } from './bundle-list.svelte';
import { EditQueue, reported } from './edit-queue.svelte';
import { Latest } from './latest';

type BundleApi = Pick<
  Api,
  | 'listBundles'
  | 'getBundle'
  | 'bundleEntries'
  | 'bundleTotals'
  | 'findEntries'
  | 'createBundle'
  | 'renameBundle'
  | 'addEntry'
  | 'addEntryAfter'
  | 'removeEntry'
  | 'removeEntries'
  | 'moveEntries'
  | 'copyEntries'
  | 'moveEntriesTo'
  | 'listFolders'
  | 'createFolder'
  | 'renameFolder'
  | 'deleteFolder'
  | 'moveToFolder'
  | 'setBundleDetails'
  | 'chooseBundleCover'
  | 'removeBundleCover'
  | 'sortBundle'
  | 'undo'
  | 'redo'
  | 'keepBundle'
  | 'resumeKeepBundle'
  | 'deleteBundle'
  | 'listTrash'
  | 'restoreBundle'
  | 'emptyTrash'
  | 'exportBundle'
>;

/** How many of the first entries the bead string shows before it summarises the rest. */
export const MAX_BEADS = 240;
/** Entries loaded beyond what is on screen, either side, so scrolling rarely waits. */
const MARGIN = 100;
/** The most entries one window may hold (the core's page limit). */
const MAX_WINDOW = 1000;
/** The most entries one edit may name (the core's MAX_SELECTED). */
export const MAX_PICKED = 10_000;
/** How many matches a search inside a bundle shows at most. */
export const MAX_FOUND = 200;
/** How long typing in "Find in this bundle" must pause before the core is asked. */
export const FIND_PAUSE_MS = 150;

/** What the editor reports about the last thing done, one at a time. */
export type BundleNotice =
  | { kind: 'kept'; name: string }
  /** Moved to the trash: the notice offers to bring it back. */
  | { kind: 'deleted'; bundle: BundleSummary }
  | { kind: 'exported' }
  /** Entries added, copied or moved to another bundle: how many, and how many it had already. */
  | { kind: 'transferred'; to: string; added: number; skipped: number; how: 'added' | 'copied' | 'moved' };

/**
 * The open bundle, and what changes it from the bundle list (`list`, whose data it shares).
 * Every edit asks the core and shows what it answers; a refusal leaves the open bundle as it
 * was and says why.
 *
 * The open bundle's entries are never all in memory: `window` holds the rows around what the list
 * shows (it says which with `show`), `beads` the first few for the bead string, so a bundle of
 * 100,000 entries costs what is on screen.
 */
export class BundlesState {
  /** The bundles, folders and trash, refreshed after every edit. */
  readonly list: BundleListState;
  /** An item the person tried to add although the open bundle already threads it. */
  pendingDuplicate = $state<ItemId | null>(null);
  /** Where the duplicate being asked about was to go (see `add`). */
  #pendingPlace: EntryId | null | undefined;
  current = $state<Bundle | null>(null);
  /** The loaded entries of the open bundle, from position `window.offset` on. */
  window = $state.raw<{ offset: number; entries: Entry[] }>({ offset: 0, entries: [] });
  /** The open bundle's first entries, for its bead string. */
  beads = $state.raw<Entry[]>([]);
  /** What the open bundle adds up to, shown beside its beads. */
  totals = $state.raw<BundleTotals | null>(null);
  /** The position a bead asked the entry list to show and focus (null: none asked). */
  jump = $state<{ position: number } | null>(null);
  /** What a search inside the open bundle found (null: no search). */
  found = $state.raw<EntryPage | null>(null);
  /** The text searched for inside the open bundle. */
  filter = $state('');
  /** What the core refused with `premium_required`, which the paywall explains; null: closed. */
  paywall = $state<Capability | null>(null);
  /** What the last action did, for the notice; cleared by the next edit. */
  notice = $state<BundleNotice | null>(null);
  error = $state<AppError | null>(null);
  /** Why the picture last chosen for the open bundle's cover was refused. */
  coverError = $state<AppError | null>(null);
  /** The entries picked in the open bundle (Ctrl/Shift+click, Space, Shift+↑/↓). */
  selected = $state.raw<ReadonlySet<EntryId>>(new Set());

  readonly #api: BundleApi;
  /** The positions the entry list shows, so a reload after an edit loads what is on screen. */
  #wanted = { start: 0, count: 50 };
  /** Loads of the window and of the search, which scrolling and typing ask for between edits. */
  readonly #windowLoads = new Latest();
  readonly #findLoads = new Latest();
  /** Searches typed inside the bundle, so only the last of a burst asks the core. */
  readonly #searches = new Latest();
  /** Where the last single pick was, for Shift to select a range from. */
  #anchor: number | null = null;
  /** Every edit of the list and the open bundle, in the order asked. */
  readonly #queue = new EditQueue();
  /** The action the core refused for premium, to run again after upgrading. */
  #refused: (() => Promise<boolean>) | null = null;

  constructor(api: BundleApi) {
    this.#api = api;
    this.list = new BundleListState(api, this.#queue);
  }

  /** How many edits are asked for and not yet answered (the editor says it is saving). */
  get editing(): number {
    return this.#queue.pending;
  }

  /** Deletes a folder; its bundles stay, in no folder. */
  deleteFolder(folderId: FolderId): Promise<boolean> {
    return this.#attempt(async () => {
      await this.#api.deleteFolder(folderId);
      if (this.current?.folder === folderId) this.current = { ...this.current, folder: null };
      await this.list.refresh();
    });
  }

  /**
   * Moves a bundle into a folder (null: out of any): the open one, from the editor, or `bundleId`,
   * dragged onto a folder in the bundle list. The open bundle stays open; with none open, the
   * moved one opens (its editor then offers the undo).
   */
  moveToFolder(folderId: FolderId | null, bundleId = this.current?.id): Promise<boolean> {
    if (!bundleId) return Promise.resolve(false);
    const current = this.current;
    return this.#apply(async () => {
      const moved = await this.#api.moveToFolder(bundleId, folderId);
      return current && current.id !== bundleId ? this.#api.getBundle(current.id) : moved;
    });
  }

  /** Moves the open bundle to the trash; it can be restored from there. */
  deleteCurrent(): Promise<boolean> {
    const current = this.current;
    if (!current) return Promise.resolve(false);
    return this.#attempt(async () => {
      await this.#api.deleteBundle(current.id);
      const deleted = this.list.named(current.id);
      this.forgetCurrent();
      if (deleted) this.notice = { kind: 'deleted', bundle: deleted };
      await this.list.refresh();
    });
  }

  restore(bundleId: BundleId): Promise<boolean> {
    return this.#apply(() => this.#api.restoreBundle(bundleId));
  }

  emptyTrash(): Promise<boolean> {
    return this.#attempt(async () => {
      await this.#api.emptyTrash();
      this.notice = null;
      await this.list.refresh();
    });
  }

  create(name: string): Promise<boolean> {
    return this.#apply(() => this.#api.createBundle(name));
  }

  open(bundleId: BundleId): Promise<boolean> {
    this.coverError = null;
    return this.#apply(() => this.#api.getBundle(bundleId));
  }

  rename(name: string): Promise<boolean> {
    return this.#applyToCurrent((id) => this.#api.renameBundle(id, name));
  }

  /**
   * Threads an item on: at the end, or right after the entry `after` (first, when null) where it
   * was dropped. If the core says the open bundle already threads it, asks first
   * (`pendingDuplicate`) unless `anyway` — the same item twice is allowed, but rarely meant.
   */
  async add(itemId: ItemId, anyway = false, after?: EntryId | null): Promise<boolean> {
    this.pendingDuplicate = null;
    const added = await this.#applyToCurrent((id) =>
      after === undefined ? this.#api.addEntry(id, itemId, anyway) : this.#api.addEntryAfter(id, itemId, after, anyway),
    );
    if (!added && this.error?.code === 'duplicate') {
      this.error = null;
      this.pendingDuplicate = itemId;
      this.#pendingPlace = after;
    }
    return added;
  }

  /** The person confirmed: add the duplicate after all, where it was to go. */
  addDuplicateAnyway(): Promise<boolean> {
    const itemId = this.pendingDuplicate;
    return itemId ? this.add(itemId, true, this.#pendingPlace) : Promise.resolve(false);
  }

  cancelDuplicate(): void {
    this.pendingDuplicate = null;
  }

  remove(entryId: EntryId): Promise<boolean> {
    return this.#applyToCurrent((id) => this.#api.removeEntry(id, entryId));
  }

  /** Moves entries together, in their order, right after `after` (first, when null). */
  move(entryIds: EntryId[], after: EntryId | null): Promise<boolean> {
    return this.#applyToCurrent((id) => this.#api.moveEntries(id, entryIds, after));
  }

  /**
   * Picks entries: `only` this one, `toggle` this one in or out, or a `range` from the last pick
   * to this one (among the loaded rows, at most a window's worth).
   */
  select(entry: Entry, how: 'only' | 'toggle' | 'range'): void {
    if (how === 'range' && this.#anchor !== null) {
      const [from, to] = [Math.min(this.#anchor, entry.position), Math.max(this.#anchor, entry.position)];
      const range = new Set<EntryId>();
      for (let position = from; position <= to; position += 1) {
        const picked = this.entryAt(position);
        if (picked) range.add(picked.id);
      }
      this.selected = range;
      return;
    }
    const selected = new Set(how === 'toggle' ? this.selected : []);
    if (how === 'toggle' && selected.has(entry.id)) selected.delete(entry.id);
    else selected.add(entry.id);
    this.selected = selected;
    this.#anchor = entry.position;
  }

  /**
   * Picks every entry of the open bundle, read a window at a time — at most `MAX_PICKED`, the
   * most one edit of the core takes (the selection bar says how many were picked).
   */
  selectAll(): Promise<boolean> {
    const current = this.current;
    if (!current) return Promise.resolve(false);
    return this.#attempt(async () => {
      const picked = new Set<EntryId>();
      const wanted = Math.min(current.entryCount, MAX_PICKED);
      for (let offset = 0; offset < wanted; offset += MAX_WINDOW) {
        const page = await this.#api.bundleEntries(current.id, offset, Math.min(MAX_WINDOW, wanted - offset));
        for (const entry of page.entries) picked.add(entry.id);
      }
      if (this.current?.id === current.id) {
        this.selected = picked;
        this.#anchor = null;
      }
    });
  }

  clearSelection(): void {
    this.selected = new Set();
    this.#anchor = null;
  }

  /** Takes the selected entries off the open bundle (one undo step). */
  async removeSelected(): Promise<boolean> {
    const removed = await this.#applyToCurrent((id) => this.#api.removeEntries(id, [...this.selected]));
    if (removed) this.clearSelection();
    return removed;
  }

  /** Copies (or moves) the selected entries to the end of bundle `to`. */
  async sendSelected(to: BundleId, moving: boolean): Promise<boolean> {
    const current = this.current;
    const target = this.list.named(to);
    if (!current || !target || this.selected.size === 0) return false;
    const entryIds = [...this.selected];
    let outcome: { added: number; skippedDuplicates: number } | null = null;
    const sent = await this.#apply(async () => {
      outcome = moving
        ? await this.#api.moveEntriesTo(current.id, entryIds, to)
        : await this.#api.copyEntries(current.id, entryIds, to);
      return this.#api.getBundle(current.id);
    });
    if (sent && outcome) {
      const { added, skippedDuplicates } = outcome;
      this.notice = {
        kind: 'transferred',
        to: target.name,
        added,
        skipped: skippedDuplicates,
        how: moving ? 'moved' : 'copied',
      };
      if (moving) this.clearSelection();
    }
    return sent;
  }

  /**
   * Threads an item onto the end of bundle `to`, dropped on it in the bundle list. One that
   * bundle already threads is not added again (there is no editor open on it to ask in), and the
   * notice says so.
   */
  async addTo(to: BundleId, itemId: ItemId): Promise<boolean> {
    const current = this.current;
    const target = this.list.named(to);
    if (!current || !target) return false;
    let added = 1;
    const sent = await this.#apply(
      async () => {
        try {
          await this.#api.addEntry(to, itemId, false);
        } catch (reason) {
          if (toAppError(reason).code !== 'duplicate') throw reason;
          added = 0;
        }
        return this.#api.getBundle(current.id);
      },
      () => this.addTo(to, itemId),
    );
    if (sent) this.notice = { kind: 'transferred', to: target.name, added, skipped: 1 - added, how: 'added' };
    return sent;
  }

  /** The loaded entry at `position`, if it is loaded. */
  entryAt(position: number): Entry | undefined {
    return this.window.entries[position - this.window.offset];
  }

  /**
   * The list shows positions `start` to `start + count`: loads them (with a margin either side)
   * unless they already are.
   */
  async show(start: number, count: number): Promise<void> {
    this.#wanted = { start, count };
    const { offset, entries } = this.window;
    const total = this.current?.entryCount ?? 0;
    const end = Math.min(start + count, total);
    if (start >= offset && end <= offset + entries.length) return;
    await this.#loadWindow();
  }

  /**
   * Searches inside the open bundle (title, creator and tags, as the library search does), once
   * typing pauses: in a big bundle a search can take a tenth of a second, and a search per
   * keystroke would keep the core's one connection busy with searches already out of date.
   */
  async find(text: string): Promise<void> {
    this.filter = text;
    const search = this.#searches.ask();
    await new Promise((resolve) => setTimeout(resolve, FIND_PAUSE_MS));
    if (this.#searches.isNewest(search)) await this.#loadFound();
  }

  sort(field: SortField): Promise<boolean> {
    return this.#applyToCurrent((id) => this.#api.sortBundle(id, field));
  }

  /** Sets the open bundle's description and colour (null: its cover speaks for it). */
  setDetails(description: string, colour: string | null): Promise<boolean> {
    return this.#applyToCurrent((id) => this.#api.setBundleDetails(id, description, colour));
  }

  /**
   * Asks for a picture (the native dialog) and makes it the open bundle's cover. A picture the
   * core refuses is said beside the cover (`coverError`), where it was chosen.
   */
  async chooseCover(): Promise<boolean> {
    this.coverError = null;
    const chosen = await this.#applyToCurrent(
      async (id) => (await this.#api.chooseBundleCover(id)) ?? this.#api.getBundle(id),
    );
    if (!chosen && (this.error?.field === 'cover' || this.error?.field === 'file')) {
      this.coverError = this.error;
      this.error = null;
    }
    return chosen;
  }

  removeCover(): Promise<boolean> {
    this.coverError = null;
    return this.#applyToCurrent((id) => this.#api.removeBundleCover(id));
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
    const kept = await this.#applyToCurrent((id) => this.#api.keepBundle(id), () => this.#resumeKeep());
    if (kept && this.current) this.notice = { kind: 'kept', name: this.current.name };
    return kept;
  }

  /** The keep the paywall interrupted, completed after an upgrade: the same attempt. */
  async #resumeKeep(): Promise<boolean> {
    const kept = await this.#applyToCurrent((id) => this.#api.resumeKeepBundle(id), () => this.#resumeKeep());
    if (kept && this.current) this.notice = { kind: 'kept', name: this.current.name };
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

  /**
   * Shows again what changed outside the bundle's own edits (an item edited, deleted or merged
   * in the library): the list, and the open bundle's entries and history.
   */
  async reloadAfterLibraryChange(): Promise<void> {
    const current = this.current;
    const reopened = current ? this.#api.getBundle(current.id).then((bundle) => this.#showBundle(bundle)) : null;
    await Promise.all([this.list.refresh(), reopened]);
  }

  /** Opens the paywall for an action refused elsewhere (deleting items from a kept bundle). */
  askForPremium(capability: Capability, retry: () => Promise<boolean>): void {
    this.#refused = retry;
    this.paywall = capability;
  }

  /** Asks the entry list to show the entry at `position` and put the focus on it (a bead's click). */
  jumpTo(position: number): void {
    this.jump = { position };
  }

  /** Forgets the open bundle (after a demo reset removed it). */
  forgetCurrent(): void {
    this.current = null;
    this.notice = null;
    this.clearSelection();
    this.window = { offset: 0, entries: [] };
    this.beads = [];
    this.totals = null;
    this.found = null;
    this.filter = '';
  }

  /** Exports the open bundle through the native save dialog; false if cancelled or refused. */
  async exportCurrent(format: ExportFormat, relativePaths = false): Promise<boolean> {
    const current = this.current;
    if (!current) return false;
    // Not an edit: it waits for no turn, and the editor does not say it is saving while the
    // person picks a file.
    let exported = false;
    await reported(this, async () => {
      exported = await this.#api.exportBundle(current.id, format, relativePaths);
    });
    if (exported) this.notice = { kind: 'exported' };
    return exported;
  }

  closePaywall(): void {
    this.paywall = null;
    this.#refused = null;
  }

  dismissError(): void {
    this.error = null;
  }

  async #loadWindow(): Promise<void> {
    const current = this.current;
    if (!current) return;
    const load = this.#windowLoads.ask();
    const window = await this.#fetchWindow(current.id, this.#wanted);
    if (this.#windowLoads.isNewest(load) && this.current?.id === current.id) this.window = window;
  }

  async #loadFound(): Promise<void> {
    const current = this.current;
    const text = this.filter.trim();
    if (!current || !text) {
      this.found = null;
      return;
    }
    const load = this.#findLoads.ask();
    const found = await this.#api.findEntries(current.id, text, MAX_FOUND);
    if (this.#findLoads.isNewest(load) && this.current?.id === current.id && this.filter.trim() === text) {
      this.found = found;
    }
  }

  /** The rows around positions `wanted` of a bundle, with a margin either side. */
  async #fetchWindow(bundleId: BundleId, wanted: { start: number; count: number }): Promise<BundlesState['window']> {
    const offset = Math.max(0, wanted.start - MARGIN);
    const limit = Math.min(MAX_WINDOW, wanted.count + 2 * MARGIN);
    const page = await this.#api.bundleEntries(bundleId, offset, limit);
    return { offset, entries: page.entries };
  }

  /**
   * Shows `bundle`, as an edit or an open answered it, together with what the list draws of it:
   * its rows on screen, its beads and its search. Fetched first and shown in one go, because a
   * list drawn from the new count and the old rows would briefly show entries no longer there.
   */
  async #showBundle(bundle: Bundle): Promise<void> {
    const opened = bundle.id !== this.current?.id;
    const wanted = opened ? { start: 0, count: this.#wanted.count } : this.#wanted;
    const text = opened ? '' : this.filter.trim();
    const [load, findLoad] = [this.#windowLoads.ask(), this.#findLoads.ask()];
    const [window, beads, found, totals] = await Promise.all([
      this.#fetchWindow(bundle.id, wanted),
      this.#api.bundleEntries(bundle.id, 0, MAX_BEADS),
      text ? this.#api.findEntries(bundle.id, text, MAX_FOUND) : null,
      this.#api.bundleTotals(bundle.id),
    ]);
    if (opened) {
      this.#wanted = wanted;
      this.filter = '';
      this.clearSelection();
    }
    this.current = bundle;
    this.beads = beads.entries;
    this.totals = totals;
    if (this.#windowLoads.isNewest(load)) this.window = window;
    if (this.#findLoads.isNewest(findLoad) && this.filter.trim() === text) this.found = found;
  }

  /** Runs an edit that does not answer with a bundle, in its turn; a failure is shown, not thrown. */
  #attempt(action: () => Promise<void>): Promise<boolean> {
    return this.#queue.inTurn(() => reported(this, action));
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
  #apply(change: () => Promise<Bundle>, again?: () => Promise<boolean>): Promise<boolean> {
    return this.#queue.inTurn(() => this.#show(change, again));
  }

  /** Asks for `change` now and shows the answer (see `#apply`, which waits for its turn). */
  async #show(change: () => Promise<Bundle>, again?: () => Promise<boolean>): Promise<boolean> {
    this.notice = null;
    try {
      const bundle = await change();
      this.error = null;
      this.closePaywall();
      await Promise.all([this.list.refresh(), this.#showBundle(bundle)]);
      return true;
    } catch (reason) {
      const error = toAppError(reason);
      if (error.code === 'premium_required') {
        this.#refused = again ?? (() => this.#apply(change));
        this.paywall = error.capability ?? 'keep_bundle';
        this.error = null;
      } else {
        this.error = error;
      }
      return false;
    }
  }
}
