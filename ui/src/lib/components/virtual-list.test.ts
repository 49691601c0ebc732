import { describe, expect, it } from 'vitest';
import { dropSlot, visibleRange } from './virtual-list';

describe('visibleRange', () => {
  it('covers the rows in view plus the overscan, and never more than the list holds', () => {
    expect(visibleRange(0, 440, 44, 100_000, 10)).toEqual({ first: 0, last: 20 });
    expect(visibleRange(44 * 50_000, 440, 44, 100_000, 10)).toEqual({ first: 49_990, last: 50_020 });
    expect(visibleRange(44 * 99_995, 440, 44, 100_000, 10)).toEqual({ first: 99_985, last: 100_000 });
    expect(visibleRange(0, 440, 44, 3, 10)).toEqual({ first: 0, last: 3 });
    expect(visibleRange(0, 440, 44, 0, 10)).toEqual({ first: 0, last: 0 });
  });

  it('draws the same few dozen rows wherever a 100,000-row list is scrolled', () => {
    for (const scrollTop of [0, 1_234_567, 4_399_560]) {
      const { first, last } = visibleRange(scrollTop, 900, 44, 100_000, 10);
      expect(last - first).toBeLessThan(500);
    }
  });
});

describe('dropSlot', () => {
  it('counts the rows whose middle is above the pointer', () => {
    // Rows of 10 px: middles at 5, 15, 25, 35.
    expect(dropSlot(0, 10, 4)).toBe(0);
    expect(dropSlot(6, 10, 4)).toBe(1);
    expect(dropSlot(16, 10, 4)).toBe(2);
    expect(dropSlot(36, 10, 4)).toBe(4);
  });

  it('stays inside the list when the pointer leaves it', () => {
    expect(dropSlot(-50, 10, 4)).toBe(0);
    expect(dropSlot(500, 10, 4)).toBe(4);
  });
});
