import { toAppError, type Api } from '../api';
import { detectLocale, setLocale } from '../i18n';
import { BundlesState } from './bundles.svelte';
import { LibraryState } from './library.svelte';
import { SessionState } from './session.svelte';

/** Where the open bundle is remembered between starts (the webview's storage, as the theme). */
const LAST_OPEN = 'strand.lastOpenBundle';

/** Remembers the bundle open now (null: none), for the next start to open again. */
export function rememberOpenBundle(bundleId: string | null, storage: Storage = localStorage): void {
  if (bundleId) storage.setItem(LAST_OPEN, bundleId);
  else storage.removeItem(LAST_OPEN);
}

/** What the window shows from its first frame: who is using Strand, the library, the bundles. */
export interface FirstScreen {
  session: SessionState;
  library: LibraryState;
  bundles: BundlesState;
}

/**
 * Loads the first screen before anything is drawn. Mounting first would lay out and paint an
 * empty window, then do it again when the data came, and that first paint holds the main thread
 * that answers the page's calls: the reads came back ~80 ms after they were asked for, instead of
 * ~15 (measured). Waiting for them shows the library sooner, and whole. A failed load still
 * yields a screen, one that says what failed.
 */
export async function loadFirstScreen(api: Api, storage: Storage = localStorage): Promise<FirstScreen> {
  const screen = { session: new SessionState(api), library: new LibraryState(api), bundles: new BundlesState(api) };
  try {
    // The shell decides the language once, for the window and its native dialogs alike.
    const speak = api.desktopLanguage().then((language) => setLocale(detectLocale([language])));
    await Promise.all([speak, screen.session.load(), screen.library.load(), screen.bundles.list.refresh()]);
    // The bundle open when Strand last closed opens again, if it is still there (a draft a quit
    // let go is not).
    const last = storage.getItem(LAST_OPEN);
    if (last && screen.bundles.list.summaries.some((summary) => summary.id === last)) await screen.bundles.open(last);
  } catch (reason) {
    screen.session.error = toAppError(reason);
  }
  return screen;
}
