// Light or dark: the desktop's (`prefers-color-scheme`, which WebKitGTK reports from the desktop
// theme) unless the person picked one in Settings. The choice is the window's own preference,
// kept in the webview's storage beside the library; app.css holds both palettes.

export type ThemeChoice = 'system' | 'light' | 'dark';

const STORED = 'strand.theme';
const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The theme a person picked, or the desktop's when they picked none. */
export class ThemeState {
  choice = $state<ThemeChoice>('system');

  readonly #root: HTMLElement;
  readonly #desktopIsLight: MediaQueryList;
  readonly #storage: Storage;

  constructor(
    root: HTMLElement = document.documentElement,
    desktopIsLight: MediaQueryList = matchMedia('(prefers-color-scheme: light)'),
    storage: Storage = localStorage,
  ) {
    this.#root = root;
    this.#desktopIsLight = desktopIsLight;
    this.#storage = storage;
    const stored = storage.getItem(STORED) as ThemeChoice | null;
    this.choice = stored && CHOICES.includes(stored) ? stored : 'system';
    // A desktop switching between light and dark is followed at once while the choice is theirs.
    desktopIsLight.addEventListener('change', () => this.#apply());
    this.#apply();
  }

  /** The theme shown now. */
  get shown(): 'light' | 'dark' {
    if (this.choice !== 'system') return this.choice;
    return this.#desktopIsLight.matches ? 'light' : 'dark';
  }

  choose(choice: ThemeChoice): void {
    this.choice = choice;
    this.#storage.setItem(STORED, choice);
    this.#apply();
  }

  #apply(): void {
    this.#root.dataset.theme = this.shown;
  }
}
