import type { Api, AppError } from '../api';
import type { Item } from '../bindings/Item';
import type { ItemKind } from '../bindings/ItemKind';
import type { SampleRemoval } from '../bindings/SampleRemoval';
import { reported } from './edit-queue.svelte';

/** How many items the library pane loads first: a screenful and some, so start-up is quick. */
export const FIRST_PAGE = 100;
/** How many more it loads as the person scrolls towards the end of what is loaded. */
export const LIBRARY_PAGE = 500;
/** The most search results shown (the core's page limit). */
export const MAX_RESULTS = 1000;

type LibraryApi = Pick<Api, 'listItems' | 'searchItems' | 'addSample' | 'removeSample'>;

/**
 * The library pane: the library by title, loaded page by page as the person scrolls (it may hold
 * a million items), or what a search found; and the sample catalogue, tried and taken out.
 */
export class LibraryState {
  items = $state<Item[]>([]);
  total = $state(0);
  /** Whether more items match than are shown. */
  more = $state(false);
  query = $state('');
  kind = $state<ItemKind | null>(null);
  /** Only items with this tag (empty: any). */
  tag = $state('');
  /** How many items are the sample catalogue's. */
  sample = $state(0);
  /** What taking the sample out did, for the notice. */
  removal = $state<SampleRemoval | null>(null);
  error = $state<AppError | null>(null);

  readonly #api: LibraryApi;
  /** Answers arrive out of order when a person types fast; only the latest one is shown. */
  #latest = 0;

  constructor(api: LibraryApi) {
    this.#api = api;
  }

  async load(): Promise<void> {
    const ticket = ++this.#latest;
    const page = await this.#api.listItems(0, FIRST_PAGE);
    this.total = page.total;
    this.sample = page.sample;
    if (ticket !== this.#latest) return;
    this.items = page.items;
    this.more = page.items.length < page.total;
  }

  async search(query: string, kind: ItemKind | null, tag = this.tag): Promise<void> {
    this.query = query;
    this.kind = kind;
    this.tag = tag;
    if (!this.#searching) return this.load();
    const ticket = ++this.#latest;
    const results = await this.#api.searchItems(query, kind, this.#tagFilter, FIRST_PAGE);
    if (ticket !== this.#latest) return;
    this.items = results.items;
    this.more = results.more;
  }

  /** Reads again what is shown (the library, or the same search) after the library changed. */
  refresh(): Promise<void> {
    return this.search(this.query, this.kind);
  }

  /** Loads the next page of what is shown, if there is more (search results stop at 1,000). */
  async loadMore(): Promise<void> {
    if (!this.more || (this.#searching && this.items.length >= MAX_RESULTS)) return;
    const ticket = ++this.#latest;
    if (this.#searching) {
      const limit = Math.min(MAX_RESULTS, this.items.length + LIBRARY_PAGE);
      const results = await this.#api.searchItems(this.query, this.kind, this.#tagFilter, limit);
      if (ticket !== this.#latest) return;
      this.items = results.items;
      this.more = results.more;
    } else {
      const page = await this.#api.listItems(this.items.length, LIBRARY_PAGE);
      if (ticket !== this.#latest) return;
      this.items = [...this.items, ...page.items];
      this.total = page.total;
      this.more = this.items.length < page.total;
    }
  }

  /** Puts the sample catalogue in, to try Strand with (the welcome's offer). */
  addSample(): Promise<boolean> {
    return reported(this, async () => {
      this.removal = null;
      await this.#api.addSample();
      await this.load();
    });
  }

  /** Takes the sample catalogue out; the items a bundle threads stay, and the notice says so. */
  removeSample(): Promise<boolean> {
    return reported(this, async () => {
      this.removal = await this.#api.removeSample();
      await this.load();
    });
  }

  dismissError(): void {
    this.error = null;
  }

  get #searching(): boolean {
    return this.query.trim() !== '' || this.kind !== null || this.#tagFilter !== null;
  }

  get #tagFilter(): string | null {
    return this.tag.trim() || null;
  }
}
