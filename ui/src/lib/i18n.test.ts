import { afterEach, describe, expect, it } from 'vitest';
import { detectLocale, setLocale, t } from './i18n';

afterEach(() => setLocale('en'));

describe('i18n', () => {
  it('fills placeholders', () => {
    expect(t('entryCount', { count: 3 })).toBe('3 items');
  });

  it('speaks German to German systems', () => {
    expect(detectLocale(['de-AT', 'en'])).toBe('de');
    expect(detectLocale(['fr-FR'])).toBe('en');
    setLocale('de');
    expect(t('paywallTitle')).toBe('Behalte deine Perlenschnur mit Premium');
  });

  it('leaves an unfilled placeholder visible instead of printing undefined', () => {
    expect(t('entryCount')).toBe('{count} items');
  });
});
