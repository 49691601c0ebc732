// How a person last exported: whether path playlists name local files relative to where they are
// saved. Remembered in the webview's storage beside the library, as the theme is.
import type { ExportFormat } from './bindings/ExportFormat';

const STORED = 'strand.export.relativePaths';

/** The formats that write local files as paths, and so can write them relative. */
export const PATH_FORMATS: readonly ExportFormat[] = ['m3u8', 'pls', 'wpl'];

export function rememberedRelativePaths(storage: Storage = localStorage): boolean {
  return storage.getItem(STORED) === 'true';
}

export function rememberRelativePaths(relative: boolean, storage: Storage = localStorage): void {
  storage.setItem(STORED, String(relative));
}
