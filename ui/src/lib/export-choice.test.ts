import { describe, expect, it } from 'vitest';
import { rememberRelativePaths, rememberedRelativePaths } from './export-choice';

class MemoryStorage implements Storage {
  #values = new Map<string, string>();
  get length() {
    return this.#values.size;
  }
  clear() {
    this.#values.clear();
  }
  getItem(key: string) {
    return this.#values.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#values.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#values.delete(key);
  }
  setItem(key: string, value: string) {
    this.#values.set(key, value);
  }
}

describe('the relative-paths choice', () => {
  it('is off until chosen, then remembered either way', () => {
    const storage = new MemoryStorage();
    expect(rememberedRelativePaths(storage)).toBe(false);
    rememberRelativePaths(true, storage);
    expect(rememberedRelativePaths(storage)).toBe(true);
    rememberRelativePaths(false, storage);
    expect(rememberedRelativePaths(storage)).toBe(false);
  });
});
