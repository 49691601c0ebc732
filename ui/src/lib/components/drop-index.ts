/**
 * Where a dragged entry lands: given the vertical middles of the *other* rows, top to bottom, the
 * index it takes is the number of rows whose middle is above the pointer.
 */
export function dropIndex(otherRowMiddles: readonly number[], pointerY: number): number {
  return otherRowMiddles.filter((middle) => middle < pointerY).length;
}
