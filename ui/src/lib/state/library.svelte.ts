import type { Api } from '../api';
import type { Item } from '../bindings/Item';
import type { ItemKind } from '../bindings/ItemKind';

/** The most items the library pane loads at once (the core's page limit). */
export const LIBRARY_PAGE = 1000;

/** The library pane: the first page of the library, or of what a search found. */
export class LibraryState {
  items = $state<Item[]>([]);
  total = $state(0);
  /** Whether more items match than are shown. */
  more = $state(false);
  query = $state('');
  kind = $state<ItemKind | null>(null);

  readonly #api: Pick<Api, 'listItems' | 'searchItems'>;
  /** Answers arrive out of order when a person types fast; only the latest one is shown. */
  #latest = 0;

  constructor(api: Pick<Api, 'listItems' | 'searchItems'>) {
    this.#api = api;
  }

  async load(): Promise<void> {
    const ticket = ++this.#latest;
    const page = await this.#api.listItems(0, LIBRARY_PAGE);
    this.total = page.total;
    if (ticket !== this.#latest) return;
    this.items = page.items;
    this.more = page.items.length < page.total;
  }

  async search(query: string, kind: ItemKind | null): Promise<void> {
    this.query = query;
    this.kind = kind;
    if (!query.trim() && kind === null) return this.load();
    const ticket = ++this.#latest;
    const results = await this.#api.searchItems(query, kind, LIBRARY_PAGE);
    if (ticket !== this.#latest) return;
    this.items = results.items;
    this.more = results.more;
  }
}
