// The window's own shortcuts, as one table: what each key does, read by the key handler and
// listed by the shortcut sheet, so the sheet can never miss one. Lists and the editor add their
// own keys where they have the focus (arrows, Space, Delete, Alt+↑/↓), listed here too.
import type { MessageKey } from './i18n';

export type ShortcutAction =
  | 'undo'
  | 'redo'
  | 'newBundle'
  | 'keep'
  | 'find'
  | 'settings'
  | 'help'
  | 'paneBundles'
  | 'paneLibrary'
  | 'paneEditor';

interface Shortcut {
  /** The keys as the sheet shows them. */
  keys: string;
  what: MessageKey;
  /**
   * The window's own action, or none for keys a list or field handles where it has the focus
   * and for those only the menu bar has (its items run the same actions).
   */
  action?: ShortcutAction;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Ctrl+N', what: 'shortcutNewBundle', action: 'newBundle' },
  { keys: 'Ctrl+S', what: 'shortcutKeep', action: 'keep' },
  { keys: 'Ctrl+F', what: 'shortcutFind', action: 'find' },
  { keys: 'Ctrl+Z', what: 'shortcutUndo', action: 'undo' },
  { keys: 'Ctrl+Shift+Z, Ctrl+Y', what: 'shortcutRedo', action: 'redo' },
  { keys: 'Ctrl+,', what: 'shortcutSettings', action: 'settings' },
  { keys: 'Ctrl+E', what: 'shortcutExport' },
  { keys: 'Ctrl+A', what: 'shortcutSelectAll' },
  { keys: 'Ctrl+Q', what: 'shortcutQuit' },
  { keys: 'Alt+1 · Alt+2 · Alt+3', what: 'shortcutPanes' },
  { keys: '↑ ↓ · Page Up/Down · Home · End', what: 'shortcutWalk' },
  { keys: 'Enter', what: 'shortcutEnter' },
  { keys: 'Space · Shift+↑/↓', what: 'shortcutPick' },
  { keys: 'Alt+↑ · Alt+↓', what: 'shortcutMove' },
  { keys: 'Delete', what: 'shortcutDelete' },
  { keys: 'Ctrl+V', what: 'shortcutPaste' },
  { keys: '? · F1', what: 'shortcutHelp', action: 'help' },
];

/**
 * The window's action for a key press, or null. While typing in a field, only the shortcuts
 * that cannot mean something to the field act (Ctrl+N, Ctrl+S, Ctrl+F, Ctrl+,); undo, redo and
 * `?` belong to the field then.
 */
export function shortcutFor(event: KeyboardEvent, typing: boolean): ShortcutAction | null {
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.altKey && !ctrl && !event.shiftKey) {
    return ({ '1': 'paneBundles', '2': 'paneLibrary', '3': 'paneEditor' } as const)[key as '1' | '2' | '3'] ?? null;
  }
  if (!ctrl) return !typing && event.key === '?' ? 'help' : null;
  if (event.altKey) return null;
  if (key === 'n' && !event.shiftKey) return 'newBundle';
  if (key === 's' && !event.shiftKey) return 'keep';
  if (key === 'f' && !event.shiftKey) return 'find';
  if (key === ',') return 'settings';
  if (typing) return null;
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return 'redo';
  return null;
}
