import type { Api } from '../api';
import type { Item } from '../bindings/Item';
import type { ItemKind } from '../bindings/ItemKind';

/** How many items the library pane loads first: a screenful and some, so start-up is quick. */
export const FIRST_PAGE = 100;
/** How many more it loads as the person scrolls towards the end of what is loaded. */
export const LIBRARY_PAGE = 500;
/** The most search results shown (the core's page limit). */
export const MAX_RESULTS = 1000;

/**
 * The library pane: the library by title, loaded page by page as the person scrolls (it may hold
 * a million items), or what a search found.
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

  readonly #api: Pick<Api, 'listItems' | 'searchItems'>;
  /** Answers arrive out of order when a person types fast; only the latest one is shown. */
  #latest = 0;

  constructor(api: Pick<Api, 'listItems' | 'searchItems'>) {
    this.#api = api;
  }

  async load(): Promise<void> {
    const ticket = ++this.#latest;
    const page = await this.#api.listItems(0, FIRST_PAGE);
    this.total = page.total;
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

  get #searching(): boolean {
    return this.query.trim() !== '' || this.kind !== null || this.#tagFilter !== null;
  }

  get #tagFilter(): string | null {
    return this.tag.trim() || null;
  }
}
