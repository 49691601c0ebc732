import { describe, expect, it } from 'vitest';
import { Latest } from './latest';

describe('Latest', () => {
  it('keeps only the newest request current, whatever order the answers come in', () => {
    const latest = new Latest();
    const first = latest.ask();
    expect(latest.isNewest(first)).toBe(true);
    const second = latest.ask();
    expect(latest.isNewest(first)).toBe(false);
    expect(latest.isNewest(second)).toBe(true);
  });
});
