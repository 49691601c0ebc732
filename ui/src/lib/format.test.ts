import { afterEach, describe, expect, it } from 'vitest';
import { foldForSearch, formatDuration, formatPrice, parseDuration, parsePrice } from './format';
import { setLocale } from './i18n';

afterEach(() => setLocale('en'));

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

describe('formatPrice', () => {
  it('writes a price with its own currency, as the person’s language does', () => {
    expect(formatPrice(4950, 'CHF')).toBe('CHF\u00a049.50');
    expect(formatPrice(123456, 'USD')).toBe('$1,234.56');
    setLocale('de');
    expect(formatPrice(123456, 'EUR')).toBe('1.234,56\u00a0€');
  });

  it('writes a plain amount when the item names no currency', () => {
    expect(formatPrice(5, null)).toBe('0.05');
  });
});

describe('parsing what a person types', () => {
  it('reads durations as m:ss, h:mm:ss or seconds', () => {
    expect(parseDuration('3:07')).toBe(187_000);
    expect(parseDuration('1:02:03')).toBe(3_723_000);
    expect(parseDuration(' 45 ')).toBe(45_000);
    expect(parseDuration('3:0x')).toBeNull();
    expect(parseDuration('')).toBeNull();
  });

  it('reads prices with a dot or a comma', () => {
    expect(parsePrice('4.95')).toBe(495);
    expect(parsePrice('4,5')).toBe(450);
    expect(parsePrice('12')).toBe(1200);
    expect(parsePrice('4.955')).toBeNull();
    expect(parsePrice('-1')).toBeNull();
  });
});
