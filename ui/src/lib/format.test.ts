import { describe, expect, it } from 'vitest';
import { foldForSearch, formatDuration } from './format';

describe('formatDuration', () => {
  it('shows minutes and padded seconds', () => {
    expect(formatDuration(187_000)).toBe('3:07');
  });

  it('shows hours for long streams', () => {
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });
});

describe('foldForSearch', () => {
  it('drops accents and case so a plain search finds accented names', () => {
    expect(foldForSearch('Mötley Crüe')).toBe('motley crue');
    expect(foldForSearch('Jonas Öberg')).toContain('oberg');
  });
});
