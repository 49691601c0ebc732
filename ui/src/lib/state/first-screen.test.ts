import { describe, expect, it } from 'vitest';
import { AppError } from '../api';
import { FakeCore } from '../../test/fake-core';
import { MemoryStorage } from '../../test/memory-storage';
import { currentLocale, setLocale } from '../i18n';
import { loadFirstScreen, rememberOpenBundle } from './first-screen';

describe('loadFirstScreen', () => {
  it('holds the session, the first page of the library and the bundle list before anything is drawn', async () => {
    const core = new FakeCore();
    await core.api.createBundle('Road trip');
    const screen = await loadFirstScreen(core.api);
    expect(screen.session.info?.demo).toBe(true);
    expect(screen.library.items.map((item) => item.id)).toEqual(core.items.map((item) => item.id));
    expect(screen.library.total).toBe(core.items.length);
    expect(screen.bundles.list.summaries.map((summary) => summary.name)).toEqual(['Road trip']);
    expect(screen.session.error).toBeNull();
  });

  it('speaks the language the shell decided on, whatever the webview guesses', async () => {
    const core = new FakeCore();
    core.language = 'de';
    await loadFirstScreen(core.api);
    expect(currentLocale()).toBe('de');
    setLocale('en');
  });

  it('opens the bundle that was open when Strand last closed, if it is still there', async () => {
    const core = new FakeCore();
    const kept = await core.api.createBundle('Road trip');
    const storage = new MemoryStorage();
    rememberOpenBundle(kept.id, storage);
    expect((await loadFirstScreen(core.api, storage)).bundles.current?.name).toBe('Road trip');

    rememberOpenBundle('bundle-gone', storage);
    expect((await loadFirstScreen(core.api, storage)).bundles.current).toBeNull();
    rememberOpenBundle(null, storage);
    expect(storage.length).toBe(0);
  });

  it('still yields a screen when the core refuses, one whose session says why', async () => {
    const core = new FakeCore();
    core.api.listItems = async () => {
      throw new AppError('internal', 'the library file is unreadable');
    };
    const screen = await loadFirstScreen(core.api);
    expect(screen.session.error?.message).toBe('the library file is unreadable');
    expect(screen.library.items).toEqual([]);
  });
});
