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
    expect(t('paywallTitle')).toBe('Behalte dein Bündel mit Premium');
  });

  it('says one thing in the singular and any other number in the plural, in either language', () => {
    expect(t('entryCount', { count: 1 })).toBe('1 item');
    expect(t('entryCount', { count: 0 })).toBe('0 items');
    expect(t('travelDays', { count: 1 })).toBe('+1 day');
    expect(t('emptyTrashBody', { count: 1 })).toBe('The bundle in the trash will be deleted for good. This cannot be undone.');
    setLocale('de');
    expect(t('trialDaysLeft', { count: 1 })).toBe('Testphase · noch 1 Tag');
    expect(t('trialDaysLeft', { count: 2 })).toBe('Testphase · noch 2 Tage');
  });

  it('leaves an unfilled placeholder visible instead of printing undefined', () => {
    expect(t('entryCount')).toBe('{count} items');
  });
});
