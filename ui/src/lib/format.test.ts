import { describe, expect, it } from 'vitest';
import { formatDuration } from './format';

describe('formatDuration', () => {
  it('shows minutes and padded seconds', () => {
    expect(formatDuration(187_000)).toBe('3:07');
  });

  it('shows hours for long streams', () => {
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });
});
