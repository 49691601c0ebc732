import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../test/memory-storage';
import { rememberRelativePaths, rememberedRelativePaths } from './export-choice';

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
