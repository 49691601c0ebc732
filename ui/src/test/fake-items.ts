// What the fake core works out about items as the real one does: the checks a made item passes,
// what deleting items would change, and what a bundle adds up to.
import { AppError } from '../lib/api';
import type { BundleState } from '../lib/bindings/BundleState';
import type { BundleTotals } from '../lib/bindings/BundleTotals';
import type { Entry } from '../lib/bindings/Entry';
import type { Item } from '../lib/bindings/Item';
import type { ItemDetails } from '../lib/bindings/ItemDetails';
import type { ItemUses } from '../lib/bindings/ItemUses';

/** An item's details as the core checks them: a colour must be #rrggbb, a title something. */
export function checkedDetails(details: ItemDetails): ItemDetails {
  if (!/^#[0-9a-f]{6}$/i.test(details.colour)) throw new AppError('invalid', 'colour is invalid: give the colour as #rrggbb', undefined, 'colour');
  if (!details.title.trim()) throw new AppError('invalid', 'item is invalid: it has no title', undefined, 'item');
  return { ...details, title: details.title.trim(), currency: details.currency?.toUpperCase() ?? null };
}

/** Which bundles and entries thread the items, as the core counts them for a confirmation. */
export function usesOf(bundles: Iterable<{ state: BundleState; entries: Entry[] }>, ids: string[]): ItemUses {
  const threading = [...bundles].filter((bundle) => bundle.entries.some((entry) => ids.includes(entry.item.id)));
  return {
    bundles: threading.length,
    kept: threading.filter((bundle) => bundle.state === 'kept').length,
    entries: threading.flatMap((bundle) => bundle.entries).filter((entry) => ids.includes(entry.item.id)).length,
    inTrash: 0,
  };
}

/** The running time and the prices per currency of the items a bundle threads, the largest first. */
export function totalsOf(items: Item[]): BundleTotals {
  const totals: BundleTotals = { durationMs: 0, timed: 0, prices: [] };
  for (const threaded of items) {
    if (threaded.durationMs !== null) {
      totals.durationMs += threaded.durationMs;
      totals.timed += 1;
    }
    if (threaded.priceCents === null) continue;
    const sum = totals.prices.find((price) => price.currency === threaded.currency);
    if (sum) {
      sum.cents += threaded.priceCents;
      sum.entries += 1;
    } else totals.prices.push({ currency: threaded.currency, cents: threaded.priceCents, entries: 1 });
  }
  totals.prices.sort((a, b) => b.cents - a.cents);
  return totals;
}
