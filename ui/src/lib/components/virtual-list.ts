// The arithmetic of a list whose rows all have the same height, so only the rows in view are
// drawn: which positions are in view, and where a dragged row lands.

/** The positions `first` (inclusive) to `last` (exclusive) in view, with `overscan` rows either side. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan: number,
): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

/**
 * Where the row dragged from position `from` lands when the pointer is `y` pixels below the top
 * of the list: the number of *other* rows whose middle is above the pointer.
 */
export function dropIndex(y: number, rowHeight: number, total: number, from: number): number {
  const above = Math.min(total, Math.max(0, Math.ceil(y / rowHeight - 0.5)));
  return above - (from < above ? 1 : 0);
}
