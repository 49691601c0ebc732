import { describe, expect, it } from 'vitest';
import type { DraftBack } from '../bindings/DraftBack';
import { FakeCore } from '../../test/fake-core';
import { DraftsBackState } from './drafts-back.svelte';

function coreWithTwoLeftBehind(): FakeCore {
  const core = new FakeCore();
  for (const [id, name] of [['b-1', 'Road trip'], ['b-2', 'Gifts']] as const) {
    core.leftBehind.push({
      id,
      name,
      state: 'draft',
      createdAt: '2026-12-02T09:00:00Z',
      keptAt: null,
      details: { description: '', colour: null },
      folder: null,
      canUndo: false,
      canRedo: false,
      entries: [],
    });
  }
  return core;
}

describe('DraftsBackState', () => {
  it('brings every draft left behind back and shows the first, then offers nothing more', async () => {
    const core = coreWithTwoLeftBehind();
    const shown: DraftBack[] = [];
    const state = new DraftsBackState(core.api, async (first) => void shown.push(first));
    await state.load();
    expect(state.left.map((draft) => draft.name)).toEqual(['Road trip', 'Gifts']);

    await state.bringBack();
    expect(state.left).toEqual([]);
    expect(shown.map((draft) => draft.id)).toEqual(['b-1']);
    expect((await core.api.listBundles()).map((bundle) => bundle.name)).toEqual(['Road trip', 'Gifts']);
    await state.load();
    expect(state.left).toEqual([]);
  });

  it('lets the drafts go without bringing any back', async () => {
    const core = coreWithTwoLeftBehind();
    let shown = 0;
    const state = new DraftsBackState(core.api, async () => void (shown += 1));
    await state.load();
    await state.letGo();
    expect(state.left).toEqual([]);
    expect(shown).toBe(0);
    expect(await core.api.listBundles()).toEqual([]);
  });
});
