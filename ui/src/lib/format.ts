import type { Item } from './bindings/Item';
import type { ItemKind } from './bindings/ItemKind';
import { t, type MessageKey } from './i18n';

const KIND_LABELS: Record<ItemKind, MessageKey> = {
  song: 'kindSong',
  stream: 'kindStream',
  product: 'kindProduct',
  service: 'kindService',
  link: 'kindLink',
  note: 'kindNote',
};

/** Every kind, in the order filters list them. */
export const KINDS = Object.keys(KIND_LABELS) as ItemKind[];

/** Lower case without accents, for matching as a person expects ("motley" matches "Mötley"). */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function kindLabel(kind: ItemKind): string {
  return t(KIND_LABELS[kind]);
}

/** 3:07, or 1:02:03 for an hour or more. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The short detail shown after an item's creator: its length or its price. */
export function itemDetail(item: Item): string {
  if (item.durationMs !== null) return formatDuration(item.durationMs);
  if (item.priceCents !== null) return `${(item.priceCents / 100).toFixed(2)} €`;
  return '';
}
