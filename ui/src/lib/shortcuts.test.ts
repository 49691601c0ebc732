import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor } from './shortcuts';

const press = (key: string, modifiers: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey'>> = {}) =>
  new KeyboardEvent('keydown', { key, ...modifiers });

describe('shortcuts', () => {
  it('maps the window’s keys to their actions', () => {
    expect(shortcutFor(press('n', { ctrlKey: true }), false)).toBe('newBundle');
    expect(shortcutFor(press('S', { ctrlKey: true }), false)).toBe('keep');
    expect(shortcutFor(press('z', { ctrlKey: true }), false)).toBe('undo');
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(shortcutFor(press('y', { ctrlKey: true }), false)).toBe('redo');
    expect(shortcutFor(press(',', { ctrlKey: true }), false)).toBe('settings');
    expect(shortcutFor(press('2', { altKey: true }), false)).toBe('paneLibrary');
    expect(shortcutFor(press('?'), false)).toBe('help');
    expect(shortcutFor(press('x', { ctrlKey: true }), false)).toBeNull();
  });

  it('leaves undo, redo and ? to a field being typed in, but not Ctrl+N or Ctrl+S', () => {
    expect(shortcutFor(press('z', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(press('?'), true)).toBeNull();
    expect(shortcutFor(press('n', { ctrlKey: true }), true)).toBe('newBundle');
    expect(shortcutFor(press('s', { ctrlKey: true }), true)).toBe('keep');
  });

  it('lists every action the handler knows on the sheet', () => {
    const listed = new Set(SHORTCUTS.map((shortcut) => shortcut.action).filter(Boolean));
    for (const action of ['undo', 'redo', 'newBundle', 'keep', 'find', 'settings', 'help'] as const) {
      expect(listed.has(action)).toBe(true);
    }
  });
});
