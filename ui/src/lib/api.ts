// The only module that talks to Tauri: one typed function per command, and every failure turned
// into an AppError whose `code` the UI can branch on.
import { invoke } from '@tauri-apps/api/core';
import type { Bundle } from './bindings/Bundle';
import type { BundleId } from './bindings/BundleId';
import type { BundleSummary } from './bindings/BundleSummary';
import type { EntryId } from './bindings/EntryId';
import type { ErrorCode } from './bindings/ErrorCode';
import type { FunnelCount } from './bindings/FunnelCount';
import type { ItemId } from './bindings/ItemId';
import type { ItemKind } from './bindings/ItemKind';
import type { ItemPage } from './bindings/ItemPage';
import type { PlanRow } from './bindings/PlanRow';
import type { Policy } from './bindings/Policy';
import type { SearchResults } from './bindings/SearchResults';
import type { SessionInfo } from './bindings/SessionInfo';
import type { SortField } from './bindings/SortField';
import type { Tier } from './bindings/Tier';

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

const ERROR_CODES: readonly ErrorCode[] = [
  'premium_required',
  'clock_behind',
  'not_found',
  'invalid',
  'conflict',
  'forbidden',
  'internal',
];

function isIpcError(value: unknown): value is { code: ErrorCode; message: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof message === 'string' && ERROR_CODES.includes(code as ErrorCode);
}

/** Any rejection from `invoke` as an AppError. Tauri itself rejects malformed arguments with a bare string. */
export function toAppError(reason: unknown): AppError {
  if (reason instanceof AppError) return reason;
  if (isIpcError(reason)) return new AppError(reason.code, reason.message);
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

export const api = {
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
  searchItems: (text: string, kind: ItemKind | null, limit: number) =>
    call<SearchResults>('search_items', { text, kind, limit }),
  listBundles: () => call<BundleSummary[]>('list_bundles'),
  getBundle: (bundleId: BundleId) => call<Bundle>('get_bundle', { bundleId }),
  createBundle: (name: string) => call<Bundle>('create_bundle', { name }),
  renameBundle: (bundleId: BundleId, name: string) => call<Bundle>('rename_bundle', { bundleId, name }),
  addEntry: (bundleId: BundleId, itemId: ItemId) => call<Bundle>('add_entry', { bundleId, itemId }),
  removeEntry: (bundleId: BundleId, entryId: EntryId) => call<Bundle>('remove_entry', { bundleId, entryId }),
  moveEntry: (bundleId: BundleId, entryId: EntryId, toIndex: number) =>
    call<Bundle>('move_entry', { bundleId, entryId, toIndex }),
  sortBundle: (bundleId: BundleId, field: SortField) => call<Bundle>('sort_bundle', { bundleId, field }),
  keepBundle: (bundleId: BundleId) => call<Bundle>('keep_bundle', { bundleId }),
  deleteBundle: (bundleId: BundleId) => call<null>('delete_bundle', { bundleId }),
  listTrash: () => call<BundleSummary[]>('list_trash'),
  restoreBundle: (bundleId: BundleId) => call<Bundle>('restore_bundle', { bundleId }),
  emptyTrash: () => call<number>('empty_trash'),
  /** Opens the native save dialog; false when the person cancelled. */
  exportBundle: (bundleId: BundleId) => call<boolean>('export_bundle', { bundleId }),
  appReady: () => call<void>('app_ready'),
};

export type Api = typeof api;
