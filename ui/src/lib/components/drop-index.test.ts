import { describe, expect, it } from 'vitest';
import { dropIndex } from './drop-index';

describe('dropIndex', () => {
  const middles = [10, 30, 50];

  it('lands first above every other row', () => {
    expect(dropIndex(middles, 0)).toBe(0);
  });

  it('lands between the rows whose middles surround the pointer', () => {
    expect(dropIndex(middles, 40)).toBe(2);
  });

  it('lands last below every other row', () => {
    expect(dropIndex(middles, 99)).toBe(3);
  });
});
