import { describe, expect, it } from 'vitest';
import type { RestorePoint } from '../bindings/RestorePoint';
import { FakeCore } from './fake-api';
import { RestorePointsState } from './restore-points.svelte';

const point = (name: string, bundles: number): RestorePoint => ({
  name,
  takenAt: '2026-12-02T09:00:00Z',
  reason: 'daily',
  bundles,
  items: 240,
});

describe('RestorePointsState', () => {
  it('puts back only the point the person confirmed, then shows the restored library', async () => {
    const core = new FakeCore();
    core.restorePoints = [point('strand-b.sqlite', 2), point('strand-a.sqlite', 1)];
    let shown = 0;
    const state = new RestorePointsState(core.api, () => (shown += 1));
    await state.load();
    expect(state.points.map((p) => p.name)).toEqual(['strand-b.sqlite', 'strand-a.sqlite']);

    state.ask(state.points[1]!);
    state.cancel();
    expect(await state.confirm()).toBe(false);
    expect(core.restored).toEqual([]);

    state.ask(state.points[1]!);
    expect(await state.confirm()).toBe(true);
    expect(core.restored).toEqual(['strand-a.sqlite']);
    expect(shown).toBe(1);
    expect(state.asking).toBeNull();
  });

  it('keeps the question open and says why when the core refuses', async () => {
    const core = new FakeCore();
    const state = new RestorePointsState(core.api, () => {});
    state.ask(point('strand-gone.sqlite', 1));
    expect(await state.confirm()).toBe(false);
    expect(state.error?.code).toBe('not_found');
    expect(state.asking?.name).toBe('strand-gone.sqlite');
  });
});
