import type { Item } from './bindings/Item';
import type { ItemKind } from './bindings/ItemKind';
import { currentLocale, t, type MessageKey } from './i18n';

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

/** A price as the person's language writes it: with its currency, or a plain amount without one. */
export function formatPrice(cents: number, currency: string | null): string {
  const style = currency ? { style: 'currency', currency } : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  return new Intl.NumberFormat(currentLocale(), style as Intl.NumberFormatOptions).format(cents / 100);
}

/** The short detail shown after an item's creator: its length or its price. */
export function itemDetail(item: Item): string {
  if (item.durationMs !== null) return formatDuration(item.durationMs);
  if (item.priceCents !== null) return formatPrice(item.priceCents, item.currency);
  return '';
}

/** A duration typed as m:ss or h:mm:ss (or plain seconds) in milliseconds; null if it is none. */
export function parseDuration(text: string): number | null {
  const parts = text.trim().split(':');
  if (parts.length > 3 || parts.some((part) => !/^\d+$/.test(part))) return null;
  const seconds = parts.reduce((total, part) => total * 60 + Number(part), 0);
  return seconds * 1000;
}

/** A price typed with a dot or a comma (4.95, 4,95) in cents; null if it is none. */
export function parsePrice(text: string): number | null {
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}
