import { describe, expect, it } from 'vitest';
import css from '../app.css?raw';
import { ThemeState } from './theme.svelte';

/** The custom properties each theme block of app.css sets. */
function palettes(): Record<'dark' | 'light', Record<string, string>> {
  const block = (selector: string) => {
    const start = css.indexOf(`${selector} {`);
    const body = css.slice(start, css.indexOf('}', start));
    return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
  };
  const dark = block(':root');
  return { dark, light: { ...dark, ...block(":root[data-theme='light']") } };
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

// What the UI draws on what: text 4.5:1, the edges of controls and the focus ring 3:1 (WCAG AA).
const PAIRS: [string, string, number][] = [
  ['text', 'bg', 4.5],
  ['text', 'panel', 4.5],
  ['text', 'panel-2', 4.5],
  ['text', 'selected', 4.5],
  ['muted', 'bg', 4.5],
  ['muted', 'panel', 4.5],
  ['muted', 'panel-2', 4.5],
  ['accent', 'panel', 4.5],
  ['accent', 'bg', 4.5],
  ['on-accent', 'accent', 4.5],
  ['danger-text', 'danger-bg', 4.5],
  ['ok', 'ok-bg', 4.5],
  ['ok', 'panel', 4.5],
  ['accent', 'premium-bg', 4.5],
  ['text', 'premium-bg', 4.5],
  ['edge', 'bg', 3],
  ['edge', 'panel', 3],
  ['edge', 'panel-2', 3],
  ['focus', 'bg', 3],
  ['focus', 'panel', 3],
  // Said in red: refusals under their field, in Settings and the dialogs.
  ['danger', 'panel', 4.5],
  ['danger', 'panel-2', 4.5],
];

describe('themes', () => {
  for (const theme of ['dark', 'light'] as const) {
    it(`the ${theme} theme meets WCAG AA for every pair it draws`, () => {
      const palette = palettes()[theme];
      const failing = PAIRS.filter(([fore, back, least]) => contrast(palette[fore]!, palette[back]!) < least).map(
        ([fore, back]) => `${fore} on ${back}: ${contrast(palette[fore]!, palette[back]!).toFixed(2)}`,
      );
      expect(failing).toEqual([]);
    });
  }

  it('follows the desktop until the person picks one, and remembers the pick', () => {
    const listeners: (() => void)[] = [];
    const desktop = {
      matches: true,
      addEventListener: (_: string, listener: () => void) => listeners.push(listener),
    } as unknown as MediaQueryList;
    const stored = new Map<string, string>();
    const storage = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    } as unknown as Storage;
    const root = document.createElement('html');

    const theme = new ThemeState(root, desktop, storage);
    expect(root.dataset.theme).toBe('light');
    (desktop as { matches: boolean }).matches = false;
    for (const listener of listeners) listener();
    expect(root.dataset.theme).toBe('dark');

    theme.choose('light');
    expect(root.dataset.theme).toBe('light');
    expect(new ThemeState(root, desktop, storage).choice).toBe('light');
  });
});
