import { toAppError, type Api, type AppError } from '../api';
import type { Capability } from '../bindings/Capability';
import type { Item } from '../bindings/Item';
import type { ItemDetails } from '../bindings/ItemDetails';
import type { ItemId } from '../bindings/ItemId';
import type { ItemsGone } from '../bindings/ItemsGone';
import type { ItemUses } from '../bindings/ItemUses';
import { reported } from './edit-queue.svelte';

type OwnItemsApi = Pick<
  Api,
  | 'createItem'
  | 'createItemFromAddress'
  | 'updateItem'
  | 'itemUses'
  | 'deleteItems'
  | 'mergeItems'
  | 'undoItemRemoval'
  | 'openItem'
>;

/** The most addresses one paste makes into items: a pasted page of text is not a wish list. */
export const MAX_PASTED = 100;

/** What the page does after the library changed: show the new items and the bundles' entries. */
export interface OwnItemsHooks {
  changed: () => Promise<void>;
  /** The core refused for premium (deleting from a kept bundle): open the paywall, with a retry. */
  premiumRequired: (capability: Capability, retry: () => Promise<boolean>) => void;
}

/** What the last action did, for the library's notice; a deletion or merge offers Undo. */
export type OwnItemsNotice =
  | { kind: 'deleted' | 'merged'; gone: ItemsGone }
  | { kind: 'undone'; gone: ItemsGone }
  | { kind: 'pasted'; added: number; refused: number };

/**
 * A person's own items: the editor for a new or existing item, the picked items of the library
 * (Ctrl/Shift+click), deleting them after a confirmation that says what it changes, merging
 * them, pasting addresses, opening one. The core checks every field and says which was wrong;
 * the editor shows it there.
 */
export class OwnItemsState {
  /** The item being edited, a new one (`'new'`), or none. */
  editing = $state<Item | 'new' | null>(null);
  /** Why the core refused what the editor saved, with the field it names. */
  editorError = $state<AppError | null>(null);
  /** The items picked in the library, in the order picked. */
  selected = $state.raw<ItemId[]>([]);
  /** The deletion waiting for the person's say-so, with what it would change. */
  pendingDeletion = $state<{ ids: ItemId[]; uses: ItemUses } | null>(null);
  /** The items about to be merged, while the person chooses which one stays. */
  merging = $state.raw<Item[] | null>(null);
  notice = $state<OwnItemsNotice | null>(null);
  error = $state<AppError | null>(null);

  readonly #api: OwnItemsApi;
  readonly #hooks: OwnItemsHooks;

  constructor(api: OwnItemsApi, hooks: OwnItemsHooks) {
    this.#api = api;
    this.#hooks = hooks;
  }

  startNew(): void {
    this.editorError = null;
    this.editing = 'new';
  }

  edit(item: Item): void {
    this.editorError = null;
    this.editing = item;
  }

  closeEditor(): void {
    this.editing = null;
    this.editorError = null;
  }

  /** Saves what the editor holds; it stays open, saying what is wrong, if the core refuses. */
  async save(details: ItemDetails): Promise<boolean> {
    const editing = this.editing;
    if (editing === null) return false;
    try {
      if (editing === 'new') await this.#api.createItem(details);
      else await this.#api.updateItem(editing.id, details);
    } catch (reason) {
      this.editorError = toAppError(reason);
      return false;
    }
    this.closeEditor();
    await this.#hooks.changed();
    return true;
  }

  /** Picks an item: alone, toggled into the picked ones (Ctrl), or with what lies between (Shift). */
  select(item: Item, how: 'only' | 'toggle' | 'range', shown: readonly Item[]): void {
    if (how === 'only') {
      this.selected = this.selected.length === 1 && this.selected[0] === item.id ? [] : [item.id];
    } else if (how === 'toggle') {
      this.selected = this.selected.includes(item.id)
        ? this.selected.filter((id) => id !== item.id)
        : [...this.selected, item.id];
    } else {
      const anchor = shown.findIndex((candidate) => candidate.id === this.selected.at(-1));
      const here = shown.indexOf(item);
      const [from, to] = anchor < 0 ? [here, here] : [Math.min(anchor, here), Math.max(anchor, here)];
      const between = shown.slice(from, to + 1).map((candidate) => candidate.id);
      this.selected = [...this.selected.filter((id) => !between.includes(id)), ...between];
    }
  }

  clearSelection(): void {
    this.selected = [];
  }

  /** Asks the core what deleting the items would change, so the confirmation can say it. */
  askToDelete(ids: ItemId[] = this.selected): Promise<boolean> {
    return reported(this, async () => {
      this.pendingDeletion = { ids, uses: await this.#api.itemUses(ids) };
    });
  }

  cancelDeletion(): void {
    this.pendingDeletion = null;
  }

  async confirmDeletion(): Promise<boolean> {
    const pending = this.pendingDeletion;
    this.pendingDeletion = null;
    if (!pending) return false;
    return this.#deleteNow(pending.ids);
  }

  /** Opens the merge: the picked items, of which the person chooses the one that stays. */
  askToMerge(shown: readonly Item[]): void {
    const picked = this.selected
      .map((id) => shown.find((candidate) => candidate.id === id))
      .filter((found): found is Item => found !== undefined);
    if (picked.length >= 2) this.merging = picked;
  }

  cancelMerge(): void {
    this.merging = null;
  }

  async confirmMerge(survivor: ItemId): Promise<boolean> {
    const merging = this.merging;
    this.merging = null;
    if (!merging) return false;
    const others = merging.map((item) => item.id).filter((id) => id !== survivor);
    const merge = () => this.#remove('merged', () => this.#api.mergeItems(survivor, others), merge);
    return merge();
  }

  /** Undoes the latest deletion or merge as a whole. */
  undoRemoval(): Promise<boolean> {
    return reported(this, async () => {
      const gone = await this.#api.undoItemRemoval();
      this.notice = { kind: 'undone', gone };
      await this.#hooks.changed();
    });
  }

  /**
   * Makes an item of each address pasted or dropped (one per line, up to MAX_PASTED): a web
   * address becomes a link, an audio file a song. Text that holds no address says why.
   */
  async paste(text: string): Promise<void> {
    const addresses = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .slice(0, MAX_PASTED);
    let added = 0;
    let firstRefusal: AppError | null = null;
    for (const address of addresses) {
      try {
        await this.#api.createItemFromAddress(address);
        added += 1;
      } catch (reason) {
        firstRefusal ??= toAppError(reason);
      }
    }
    this.error = added === 0 ? firstRefusal : null;
    this.notice = added > 0 ? { kind: 'pasted', added, refused: addresses.length - added } : null;
    if (added > 0) await this.#hooks.changed();
  }

  /** Opens the item's file or address in the desktop's default app. */
  open(item: Item): Promise<boolean> {
    return reported(this, () => this.#api.openItem(item.id).then(() => undefined));
  }

  dismissNotice(): void {
    this.notice = null;
  }

  dismissError(): void {
    this.error = null;
  }

  #deleteNow(ids: ItemId[]): Promise<boolean> {
    return this.#remove('deleted', () => this.#api.deleteItems(ids), () => this.#deleteNow(ids));
  }

  async #remove(kind: 'deleted' | 'merged', change: () => Promise<ItemsGone>, retry: () => Promise<boolean>): Promise<boolean> {
    try {
      const gone = await change();
      this.error = null;
      this.selected = [];
      this.notice = { kind, gone };
    } catch (reason) {
      const error = toAppError(reason);
      if (error.code === 'premium_required') this.#hooks.premiumRequired(error.capability ?? 'edit_kept_bundle', retry);
      else this.error = error;
      return false;
    }
    await this.#hooks.changed();
    return true;
  }
}
