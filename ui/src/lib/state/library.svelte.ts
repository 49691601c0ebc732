import type { Api } from '../api';
import type { Item } from '../bindings/Item';

/** The most items the library pane loads at once (the core's page limit). */
export const LIBRARY_PAGE = 1000;

/** The library pane's items. */
export class LibraryState {
  items = $state<Item[]>([]);
  total = $state(0);

  readonly #api: Pick<Api, 'listItems'>;

  constructor(api: Pick<Api, 'listItems'>) {
    this.#api = api;
  }

  async load(): Promise<void> {
    const page = await this.#api.listItems(0, LIBRARY_PAGE);
    this.items = page.items;
    this.total = page.total;
  }
}
