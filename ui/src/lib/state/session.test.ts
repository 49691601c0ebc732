import { describe, expect, it } from 'vitest';
import { FakeCore } from './fake-api';
import { LibraryState } from './library.svelte';
import { SessionState } from './session.svelte';

describe('SessionState', () => {
  it('loads the session and switches tiers in demo mode', async () => {
    const core = new FakeCore();
    const session = new SessionState(core.api);
    await session.load();
    expect(session.demo).toBe(true);
    expect(session.info?.tier).toBe('free');
    await session.setTier('premium');
    expect(session.info?.tier).toBe('premium');
    expect(core.tier).toBe('premium');
  });
});

describe('LibraryState', () => {
  it('loads the first page of the library with its total', async () => {
    const library = new LibraryState(new FakeCore().api);
    await library.load();
    expect(library.items.map((item) => item.title)).toEqual(['Song 1', 'Song 2', 'Song 3']);
    expect(library.total).toBe(3);
  });
});
