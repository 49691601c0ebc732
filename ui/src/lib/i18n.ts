// Every string a person reads, in English and German. A plain typed dictionary: the German table
// must have every English key (the compiler checks), and `{name}` placeholders are filled by `t`.

const en = {
  appName: 'Strand',
  demoBadge: 'Demo',
  tierLabel: 'Tier (demo)',
  tierFree: 'Free',
  tierPremium: 'Premium',
  bundlesHeading: 'Bundles',
  newBundlePlaceholder: 'Name a new bundle',
  newBundleButton: 'New bundle',
  noBundles: 'No bundles yet. Name one above to start threading.',
  draftBadge: 'Draft',
  keptBadge: 'Kept',
  entryCount: '{count} items',
  libraryHeading: 'Library',
  libraryCount: '{count} items',
  addToBundle: 'Add',
  addToBundleLabel: 'Add {title} to {bundle}',
  openBundleFirst: 'Open or create a bundle to add items',
  editorEmpty: 'Create a bundle, then add items from the library — like beads on a string.',
  bundleName: 'Bundle name',
  keep: 'Keep',
  kept: 'Kept',
  keptNotice: 'Kept. “{name}” will be here next time you open Strand.',
  beadString: 'Bead string of {name}',
  beadsMore: '+{count} more',
  entriesLabel: 'Entries of {name}',
  emptyBundle: 'This bundle is empty. Add items from the library.',
  moveUp: 'Move {title} up',
  moveDown: 'Move {title} down',
  remove: 'Remove {title}',
  dragHandle: 'Drag to reorder {title}',
  reorderHint: 'Drag the handle, or press Alt+↑ / Alt+↓ to move the focused entry; Delete removes it.',
  paywallTitle: 'Keep your strand with Premium',
  paywallBody:
    'Anyone can build a strand. Keeping it — so it is still here the next time you open Strand — is what Premium is for. Your draft stays open while you decide.',
  paywallDemoUpgrade: 'Switch to Premium (demo) and keep',
  paywallNotNow: 'Not now',
  errorPrefix: 'Something went wrong: {message}',
  dismiss: 'Dismiss',
  kindSong: 'Song',
  kindStream: 'Stream',
  kindProduct: 'Product',
  kindService: 'Service',
  kindLink: 'Link',
  kindNote: 'Note',
} as const;

export type MessageKey = keyof typeof en;

const de: Record<MessageKey, string> = {
  appName: 'Strand',
  demoBadge: 'Demo',
  tierLabel: 'Stufe (Demo)',
  tierFree: 'Kostenlos',
  tierPremium: 'Premium',
  bundlesHeading: 'Bündel',
  newBundlePlaceholder: 'Neues Bündel benennen',
  newBundleButton: 'Neues Bündel',
  noBundles: 'Noch keine Bündel. Gib oben einen Namen ein, um loszulegen.',
  draftBadge: 'Entwurf',
  keptBadge: 'Behalten',
  entryCount: '{count} Einträge',
  libraryHeading: 'Bibliothek',
  libraryCount: '{count} Einträge',
  addToBundle: 'Hinzufügen',
  addToBundleLabel: '{title} zu {bundle} hinzufügen',
  openBundleFirst: 'Öffne oder erstelle ein Bündel, um Einträge hinzuzufügen',
  editorEmpty: 'Erstelle ein Bündel und füge Einträge aus der Bibliothek hinzu – wie Perlen auf einer Schnur.',
  bundleName: 'Name des Bündels',
  keep: 'Behalten',
  kept: 'Behalten',
  keptNotice: 'Behalten. „{name}“ ist beim nächsten Start von Strand noch da.',
  beadString: 'Perlenschnur von {name}',
  beadsMore: '+{count} weitere',
  entriesLabel: 'Einträge von {name}',
  emptyBundle: 'Dieses Bündel ist leer. Füge Einträge aus der Bibliothek hinzu.',
  moveUp: '{title} nach oben',
  moveDown: '{title} nach unten',
  remove: '{title} entfernen',
  dragHandle: '{title} ziehen, um die Reihenfolge zu ändern',
  reorderHint: 'Ziehe am Griff oder drücke Alt+↑ / Alt+↓, um den Eintrag zu verschieben; Entf entfernt ihn.',
  paywallTitle: 'Behalte deine Perlenschnur mit Premium',
  paywallBody:
    'Bauen darf jeder. Behalten – damit sie beim nächsten Start von Strand noch da ist – ist das, wofür Premium da ist. Dein Entwurf bleibt offen, während du überlegst.',
  paywallDemoUpgrade: 'Zu Premium wechseln (Demo) und behalten',
  paywallNotNow: 'Nicht jetzt',
  errorPrefix: 'Etwas ist schiefgegangen: {message}',
  dismiss: 'Schließen',
  kindSong: 'Song',
  kindStream: 'Stream',
  kindProduct: 'Produkt',
  kindService: 'Dienst',
  kindLink: 'Link',
  kindNote: 'Notiz',
};

export type Locale = 'en' | 'de';

const tables: Record<Locale, Record<MessageKey, string>> = { en, de };

export function detectLocale(languages: readonly string[]): Locale {
  return languages[0]?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

let locale: Locale = detectLocale(typeof navigator === 'undefined' ? [] : navigator.languages);

export function setLocale(next: Locale): void {
  locale = next;
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return tables[locale][key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}
