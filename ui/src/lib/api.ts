// The only module that talks to Tauri: one typed function per command, and every failure turned
// into an AppError whose `code` the UI can branch on.
import { Channel, convertFileSrc, invoke } from '@tauri-apps/api/core';
import type { BulkAdd } from './bindings/BulkAdd';
import type { Bundle } from './bindings/Bundle';
import type { BundleId } from './bindings/BundleId';
import type { BundleSummary } from './bindings/BundleSummary';
import type { BundleTotals } from './bindings/BundleTotals';
import type { CollectionImport } from './bindings/CollectionImport';
import type { Capability } from './bindings/Capability';
import type { CoverId } from './bindings/CoverId';
import type { DraftBack } from './bindings/DraftBack';
import type { EntryId } from './bindings/EntryId';
import type { EntryPage } from './bindings/EntryPage';
import type { ErrorCode } from './bindings/ErrorCode';
import type { ExportFormat } from './bindings/ExportFormat';
import type { Folder } from './bindings/Folder';
import type { FolderId } from './bindings/FolderId';
import type { FunnelCount } from './bindings/FunnelCount';
import type { Item } from './bindings/Item';
import type { ItemDetails } from './bindings/ItemDetails';
import type { ItemId } from './bindings/ItemId';
import type { ItemKind } from './bindings/ItemKind';
import type { ImportProgress } from './bindings/ImportProgress';
import type { IpcError } from './bindings/IpcError';
import type { ImportSummary } from './bindings/ImportSummary';
import type { ItemPage } from './bindings/ItemPage';
import type { ItemsGone } from './bindings/ItemsGone';
import type { ItemUses } from './bindings/ItemUses';
import type { LibraryHealth } from './bindings/LibraryHealth';
import type { MenuAction } from './bindings/MenuAction';
import type { PlanRow } from './bindings/PlanRow';
import type { PlaylistImport } from './bindings/PlaylistImport';
import type { Policy } from './bindings/Policy';
import type { RestorePoint } from './bindings/RestorePoint';
import type { SampleRemoval } from './bindings/SampleRemoval';
import type { SearchResults } from './bindings/SearchResults';
import type { SessionInfo } from './bindings/SessionInfo';
import type { SortField } from './bindings/SortField';
import type { Tier } from './bindings/Tier';

export class AppError extends Error {
  readonly code: ErrorCode;
  /** With `premium_required`: what the policy reserves for premium. */
  readonly capability?: Capability;
  /** With `invalid`: the argument or field that broke a rule, so a form can show it there. */
  readonly field?: string;

  constructor(code: ErrorCode, message: string, capability?: Capability, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.capability = capability;
    this.field = field;
  }
}

const ERROR_CODES: readonly ErrorCode[] = [
  'premium_required',
  'not_found',
  'invalid',
  'conflict',
  'duplicate',
  'forbidden',
  'cancelled',
  'file',
  'damaged',
  'internal',
];

function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof message === 'string' && ERROR_CODES.includes(code as ErrorCode);
}

/** Any rejection from `invoke` as an AppError. Tauri itself rejects malformed arguments with a bare string. */
export function toAppError(reason: unknown): AppError {
  if (reason instanceof AppError) return reason;
  if (isIpcError(reason)) return new AppError(reason.code, reason.message, reason.capability, reason.field);
  if (typeof reason === 'string') return new AppError('invalid', reason);
  return new AppError('internal', reason instanceof Error ? reason.message : String(reason));
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toAppError(reason);
  }
}

/** Runs an import command, passing its progress reports to `onProgress`; null if the dialog was cancelled. */
function importWith<T>(command: string, onProgress: (progress: ImportProgress) => void): Promise<T | null> {
  const progress = new Channel<ImportProgress>();
  progress.onmessage = onProgress;
  return call<T | null>(command, { progress });
}

export const api = {
  /** Sends each item chosen in the native menu bar to `onAction`, from now on. */
  listenToMenu: (onAction: (action: MenuAction) => void) => {
    const channel = new Channel<MenuAction>();
    channel.onmessage = onAction;
    return call<null>('listen_to_menu', { channel });
  },
  /** Names the open bundle (none: no bundle) in the window's title. */
  titleWindow: (bundleId: BundleId | null) => call<null>('title_window', { bundleId }),
  /** The language the shell decided on (`de` or `en`): the window speaks it, as the dialogs do. */
  desktopLanguage: () => call<string>('desktop_language'),
  sessionInfo: () => call<SessionInfo>('session_info'),
  setDemoTier: (tier: Tier | null) => call<SessionInfo>('set_demo_tier', { tier }),
  setDemoPolicy: (policy: Policy) => call<SessionInfo>('set_demo_policy', { policy }),
  timeTravel: (days: number) => call<SessionInfo>('time_travel', { days }),
  resetDemo: () => call<SessionInfo>('reset_demo'),
  planMap: () => call<PlanRow[]>('plan_map'),
  funnel: () => call<FunnelCount[]>('funnel'),
  setFunnelOptIn: (optedIn: boolean) => call<SessionInfo>('set_funnel_opt_in', { optedIn }),
  exportFunnelCsv: () => call<boolean>('export_funnel_csv'),
  startTrial: () => call<SessionInfo>('start_trial'),
  activateLicence: (key: string) => call<SessionInfo>('activate_licence', { key }),
  /** Opens the native open dialog; null when the person cancelled. */
  activateLicenceFile: () => call<SessionInfo | null>('activate_licence_file'),
  listItems: (offset: number, limit: number) => call<ItemPage>('list_items', { offset, limit }),
  /** Items matching `text` (word prefixes), of `kind` and tagged `tag` when given. */
  searchItems: (text: string, kind: ItemKind | null, tag: string | null, limit: number) =>
    call<SearchResults>('search_items', { text, kind, tag, limit }),
  createItem: (details: ItemDetails) => call<Item>('create_item', { details }),
  /** A pasted or dropped address: an audio file becomes a song, anything else a link. */
  createItemFromAddress: (address: string) => call<Item>('create_item_from_address', { address }),
  updateItem: (itemId: ItemId, details: ItemDetails) => call<Item>('update_item', { itemId, details }),
  /** What deleting these items would change, for the confirmation. */
  itemUses: (itemIds: ItemId[]) => call<ItemUses>('item_uses', { itemIds }),
  /** Deletes items and the entries threading them, one undoable edit per bundle. */
  deleteItems: (itemIds: ItemId[]) => call<ItemsGone>('delete_items', { itemIds }),
  /** Moves the others' entries to the survivor and deletes the others. */
  mergeItems: (survivor: ItemId, others: ItemId[]) => call<ItemsGone>('merge_items', { survivor, others }),
  /** Undoes the latest deletion or merge as a whole. */
  undoItemRemoval: () => call<ItemsGone>('undo_item_removal'),
  /** Opens the item's own file or address in the desktop's default app. */
  openItem: (itemId: ItemId) => call<null>('open_item', { itemId }),
  /** Puts the sample catalogue into the library; how many items it added. */
  addSample: () => call<number>('add_sample'),
  /** Takes the sample catalogue out, except what a bundle threads. */
  removeSample: () => call<SampleRemoval>('remove_sample'),
  listBundles: () => call<BundleSummary[]>('list_bundles'),
  getBundle: (bundleId: BundleId) => call<Bundle>('get_bundle', { bundleId }),
  /** Up to `limit` entries from position `offset` on: the rows on screen. */
  bundleEntries: (bundleId: BundleId, offset: number, limit: number) =>
    call<EntryPage>('bundle_entries', { bundleId, offset, limit }),
  /** What the bundle adds up to: its running time and its prices per currency. */
  bundleTotals: (bundleId: BundleId) => call<BundleTotals>('bundle_totals', { bundleId }),
  /** The first `limit` entries whose item matches `text`, each with its position. */
  findEntries: (bundleId: BundleId, text: string, limit: number) =>
    call<EntryPage>('find_entries', { bundleId, text, limit }),
  createBundle: (name: string) => call<Bundle>('create_bundle', { name }),
  renameBundle: (bundleId: BundleId, name: string) => call<Bundle>('rename_bundle', { bundleId, name }),
  /** Refused with `duplicate` if the bundle already threads the item, unless `anyway`. */
  addEntry: (bundleId: BundleId, itemId: ItemId, anyway: boolean) =>
    call<Bundle>('add_entry', { bundleId, itemId, anyway }),
  /** As `addEntry`, but right after the entry `after` (first, when null): where it was dropped. */
  addEntryAfter: (bundleId: BundleId, itemId: ItemId, after: EntryId | null, anyway: boolean) =>
    call<Bundle>('add_entry_after', { bundleId, itemId, after, anyway }),
  removeEntry: (bundleId: BundleId, entryId: EntryId) => call<Bundle>('remove_entry', { bundleId, entryId }),
  /** Takes several entries off at once (one undo step). */
  removeEntries: (bundleId: BundleId, entryIds: EntryId[]) => call<Bundle>('remove_entries', { bundleId, entryIds }),
  /** Moves a selection together, in its order, right after `after` (first, when null). */
  moveEntries: (bundleId: BundleId, entryIds: EntryId[], after: EntryId | null) =>
    call<Bundle>('move_entries', { bundleId, entryIds, after }),
  /** Threads the entries' items onto another bundle, skipping items it already has. */
  copyEntries: (bundleId: BundleId, entryIds: EntryId[], to: BundleId) =>
    call<BulkAdd>('copy_entries', { bundleId, entryIds, to }),
  /** Moves entries to the end of another bundle (items it already has are skipped there). */
  moveEntriesTo: (bundleId: BundleId, entryIds: EntryId[], to: BundleId) =>
    call<BulkAdd>('move_entries_to', { bundleId, entryIds, to }),
  listFolders: () => call<Folder[]>('list_folders'),
  createFolder: (name: string) => call<Folder>('create_folder', { name }),
  renameFolder: (folderId: FolderId, name: string) => call<Folder>('rename_folder', { folderId, name }),
  /** Deletes a folder; its bundles stay, in no folder. */
  deleteFolder: (folderId: FolderId) => call<null>('delete_folder', { folderId }),
  /** Files a bundle in a folder (null: none); undoable. */
  moveToFolder: (bundleId: BundleId, folderId: FolderId | null) =>
    call<Bundle>('move_to_folder', { bundleId, folderId }),
  setBundleDetails: (bundleId: BundleId, description: string, colour: string | null) =>
    call<Bundle>('set_bundle_details', { bundleId, description, colour }),
  /** Asks for a picture in the native open dialog and makes it the cover; null if cancelled. */
  chooseBundleCover: (bundleId: BundleId) => call<Bundle | null>('choose_bundle_cover', { bundleId }),
  removeBundleCover: (bundleId: BundleId) => call<Bundle>('remove_bundle_cover', { bundleId }),
  sortBundle: (bundleId: BundleId, field: SortField) => call<Bundle>('sort_bundle', { bundleId, field }),
  undo: (bundleId: BundleId) => call<Bundle>('undo', { bundleId }),
  redo: (bundleId: BundleId) => call<Bundle>('redo', { bundleId }),
  keepBundle: (bundleId: BundleId) => call<Bundle>('keep_bundle', { bundleId }),
  /** Completes the keep the paywall interrupted: the same attempt, so the funnel counts none more. */
  resumeKeepBundle: (bundleId: BundleId) => call<Bundle>('resume_keep_bundle', { bundleId }),
  deleteBundle: (bundleId: BundleId) => call<null>('delete_bundle', { bundleId }),
  listTrash: () => call<BundleSummary[]>('list_trash'),
  restoreBundle: (bundleId: BundleId) => call<Bundle>('restore_bundle', { bundleId }),
  emptyTrash: () => call<number>('empty_trash'),
  /** The library's restore points, newest first. */
  restorePoints: () => call<RestorePoint[]>('restore_points'),
  /** Puts a restore point back (the library as it was becomes one first); the points after it. */
  restoreLibrary: (name: string) => call<RestorePoint[]>('restore_library', { name }),
  /** The check at start (and today's restore point of a sound library); seconds when large. */
  checkLibrary: () => call<LibraryHealth>('check_library'),
  /** What is known to be damaged now, without checking again. */
  libraryHealth: () => call<LibraryHealth>('library_health'),
  /** The drafts a crash left behind, offered back at the start (none after a normal quit). */
  draftsLeftBehind: () => call<DraftBack[]>('drafts_left_behind'),
  /** Brings them back as drafts; how many. */
  bringBackDrafts: () => call<number>('bring_back_drafts'),
  letDraftsGo: () => call<number>('let_drafts_go'),
  /** Opens the native save dialog; false when the person cancelled. With `relativePaths`, M3U8,
   * PLS and WPL name local files from the folder the playlist is saved in. */
  exportBundle: (bundleId: BundleId, format: ExportFormat, relativePaths: boolean) =>
    call<boolean>('export_bundle', { bundleId, format, relativePaths }),
  /** Opens the native save dialog for the whole library; false when the person cancelled. */
  exportLibrary: () => call<boolean>('export_library'),
  /** Opens the native open dialog for a playlist, which becomes a draft. */
  importPlaylist: (onProgress: (progress: ImportProgress) => void) =>
    importWith<PlaylistImport>('import_playlist', onProgress),
  /** Opens the native open dialog for a catalogue file (CSV or Strand JSON). */
  importCatalogue: (onProgress: (progress: ImportProgress) => void) =>
    importWith<ImportSummary>('import_catalogue', onProgress),
  /** Opens the native folder dialog for a folder of music. */
  importAudioFolder: (onProgress: (progress: ImportProgress) => void) =>
    importWith<ImportSummary>('import_audio_folder', onProgress),
  /** Opens the native open dialog for a music app's library (iTunes or Music XML, a Spotify
   * export): its tracks join the library and its playlists become drafts. */
  importCollection: (onProgress: (progress: ImportProgress) => void) =>
    importWith<CollectionImport>('import_collection', onProgress),
  /** Stops the import under way; it answers with a `cancelled` error and changes nothing. */
  cancelImport: () => call<null>('cancel_import'),
  appReady: () => call<void>('app_ready'),

};

export type Api = typeof api;

/** Where the window reads a stored cover picture: the shell serves it over its `cover:` scheme. */
export function coverUrl(id: CoverId): string {
  return convertFileSrc(id, 'cover');
}
