// Dragging entries within a long list: a drag held near the list's top or bottom edge scrolls
// the list, faster the closer the pointer is to (or the further past) the edge, by the time
// between frames rather than per frame — as fast on a busy machine or a 144 Hz screen as on an
// idle 60 Hz one.

/** Within this many pixels of the list's top or bottom edge, a drag scrolls the list. */
export const EDGE = 48;

/** The longest a stalled frame counts for, in milliseconds. */
const LONGEST_FRAME = 100;

/** Pixels per 60th of a second to scroll with the pointer at `pointerY` over a list spanning `box`. */
export function edgeSpeed(pointerY: number, box: { top: number; bottom: number }): number {
  if (pointerY < box.top + EDGE) return -Math.min(EDGE, box.top + EDGE - pointerY) / 2;
  if (pointerY > box.bottom - EDGE) return Math.min(EDGE, pointerY - (box.bottom - EDGE)) / 2;
  return 0;
}

/**
 * Where a list scrolled to `from` is after scrolling at `speed` for `sinceLastFrame` ms (null: the
 * first frame, counted as a 60th of a second), kept between 0 and `end`.
 */
export function scrollStep(from: number, speed: number, sinceLastFrame: number | null, end: number): number {
  const elapsed = sinceLastFrame === null ? 1000 / 60 : Math.min(sinceLastFrame, LONGEST_FRAME);
  return Math.min(end, Math.max(0, from + (speed * elapsed * 60) / 1000));
}
