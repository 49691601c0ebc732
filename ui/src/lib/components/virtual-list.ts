// The arithmetic of a list whose rows all have the same height, so only the rows in view are
// drawn: which positions are in view, and where a dragged row lands.

/**
 * The positions `first` (inclusive) to `last` (exclusive) in view, with `overscan` rows either side.
 * `viewportHeight` may exceed the list's own height: the lists pass the window's, which bounds
 * theirs and is known without a layout, whereas measuring a list as it is built forces the whole
 * page to be laid out there and then (~60 ms of start-up, measured). A few rows more are drawn.
 */
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
 * The slot a drag would drop into when the pointer is `y` pixels below the top of the list: the
 * number of rows whose middle is above the pointer (0: before the first, `total`: after the last).
 */
export function dropSlot(y: number, rowHeight: number, total: number): number {
  return Math.min(total, Math.max(0, Math.ceil(y / rowHeight - 0.5)));
}
