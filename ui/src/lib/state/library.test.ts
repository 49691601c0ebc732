import { describe, expect, it } from 'vitest';
import { FakeCore, item } from '../../test/fake-core';
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

  it('shows only the latest search when answers arrive out of order', async () => {
    const core = new FakeCore();
    const slow = core.api.searchItems;
    let release: () => void = () => {};
    core.api.searchItems = (text, kind, tag, limit) =>
      text === 'Song'
        ? new Promise((resolve) => (release = () => resolve(slow(text, kind, tag, limit))))
        : slow(text, kind, tag, limit);
    const library = new LibraryState(core.api);
    const first = library.search('Song', null);
    await library.search('Song 2', null);
    release();
    await first;
    expect(library.items.map((item) => item.title)).toEqual(['Song 2']);
  });

  it('goes back to the whole library when the search is cleared', async () => {
    const library = new LibraryState(new FakeCore().api);
    await library.search('Song 3', null);
    expect(library.items).toHaveLength(1);
    await library.search('', null);
    expect(library.items).toHaveLength(3);
  });

  it('loads the first page of the library with its total', async () => {
    const library = new LibraryState(new FakeCore().api);
    await library.load();
    expect(library.items.map((item) => item.title)).toEqual(['Song 1', 'Song 2', 'Song 3']);
    expect(library.total).toBe(3);
  });

  it('filters by tag, alone or with words, and back to the whole library without one', async () => {
    const core = new FakeCore();
    core.items = [
      { ...item(1), tags: ['jazz'] },
      { ...item(2), tags: ['indie'] },
      { ...item(3), tags: ['jazz', 'live'] },
    ];
    const library = new LibraryState(core.api);
    await library.search('', null, 'Jazz');
    expect(library.items.map((found) => found.id)).toEqual(['item-1', 'item-3']);
    await library.search('Song 3', null);
    expect(library.items.map((found) => found.id)).toEqual(['item-3']);
    await library.search('', null, ' ');
    expect(library.items).toHaveLength(3);
  });

  it('tries the sample and takes it out again, saying what went and what stays', async () => {
    const core = new FakeCore();
    core.items = [];
    const library = new LibraryState(core.api);
    await library.load();
    expect([library.total, library.sample]).toEqual([0, 0]);

    expect(await library.addSample()).toBe(true);
    expect([library.total, library.sample]).toEqual([3, 3]);
    expect(await library.addSample()).toBe(false);
    expect(library.error?.code).toBe('conflict');

    expect(await library.removeSample()).toBe(true);
    expect(library.removal).toEqual({ removed: 3, kept: 0 });
    expect([library.total, library.sample]).toEqual([0, 0]);
    expect(library.error).toBeNull();
  });
});
