import { describe, expect, it } from 'vitest';
import { FakeCore, item } from './fake-api';
import { FIRST_PAGE, LIBRARY_PAGE, LibraryState, MAX_RESULTS } from './library.svelte';

function bigLibrary(count: number): LibraryState {
  const core = new FakeCore();
  core.items = Array.from({ length: count }, (_, n) => item(n));
  return new LibraryState(core.api);
}

describe('LibraryState', () => {
  it('loads a first screenful, then page after page as the person scrolls on', async () => {
    const library = bigLibrary(2_000);
    await library.load();
    expect(library.items).toHaveLength(FIRST_PAGE);
    expect(library.total).toBe(2_000);
    expect(library.more).toBe(true);
    await library.loadMore();
    expect(library.items).toHaveLength(FIRST_PAGE + LIBRARY_PAGE);
    expect(library.items[FIRST_PAGE]?.id).toBe(`item-${FIRST_PAGE}`);
    while (library.more) await library.loadMore();
    expect(library.items).toHaveLength(2_000);
  });

  it('loads more search results too, but stops at the core’s limit', async () => {
    const library = bigLibrary(3_000);
    await library.search('song', null);
    expect(library.items).toHaveLength(FIRST_PAGE);
    for (let page = 0; page < 5; page += 1) await library.loadMore();
    expect(library.items).toHaveLength(MAX_RESULTS);
    expect(library.more).toBe(true);
  });
});
