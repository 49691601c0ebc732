// Every string a person reads, in English and German (the tables are in ./messages). A plain typed
// dictionary: the German table must have every English key (the compiler checks), and `{name}`
// placeholders are filled by `t`. A message that reads differently for one thing and for several
// is a `Plural`, chosen by its `{count}` with the language's own rules (`Intl.PluralRules`).
import { de } from './messages/de';
import { en, type MessageKey, type Plural, type Message } from './messages/en';

export type { MessageKey };

export type Locale = 'en' | 'de';

const tables: Record<Locale, Record<MessageKey, Message>> = { en, de };

/** The language a locale tag (`de-AT`, `en`) or a list of them names; English unless German. */
export function detectLocale(languages: readonly string[]): Locale {
  return languages[0]?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

let locale: Locale = detectLocale(typeof navigator === 'undefined' ? [] : navigator.languages);

/** The language messages, numbers and prices are written in. */
export function currentLocale(): Locale {
  return locale;
}

export function setLocale(next: Locale): void {
  locale = next;
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const message = tables[locale][key];
  const text = typeof message === 'string' ? message : message[formFor(params.count)];
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

/** Which form of a `Plural` reads right for `count` (the plural form when there is none). */
function formFor(count: string | number | undefined): keyof Plural {
  return typeof count === 'number' && new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
}
