import { describe, expect, it } from 'vitest';
import { EDGE, edgeSpeed, scrollStep } from './entry-drag';

const box = { top: 100, bottom: 500 };

describe('edge scrolling while dragging entries', () => {
  it('does not scroll away from the edges and scrolls towards the nearer one', () => {
    expect(edgeSpeed(300, box)).toBe(0);
    expect(edgeSpeed(box.top + 8, box)).toBeLessThan(0);
    expect(edgeSpeed(box.bottom - 8, box)).toBeGreaterThan(0);
  });

  it('scrolls faster closer to the edge, up to a limit past it', () => {
    expect(edgeSpeed(box.top, box)).toBeLessThan(edgeSpeed(box.top + 20, box));
    expect(edgeSpeed(box.top - 500, box)).toBe(-EDGE / 2);
  });

  it('moves by the time between frames, a stalled frame counting for a tenth of a second', () => {
    expect(scrollStep(1000, 10, null, 5000)).toBeCloseTo(1010);
    expect(scrollStep(1000, 10, 1000 / 30, 5000)).toBeCloseTo(1020);
    expect(scrollStep(1000, 10, 5000, 5000)).toBeCloseTo(1060);
  });

  it('never scrolls past either end of the list', () => {
    expect(scrollStep(5, -24, 100, 5000)).toBe(0);
    expect(scrollStep(4990, 24, 100, 5000)).toBe(5000);
  });
});
