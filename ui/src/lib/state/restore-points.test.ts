import { describe, expect, it } from 'vitest';
import type { RestorePoint } from '../bindings/RestorePoint';
import { FakeCore } from '../../test/fake-core';
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

  it('shows nothing after the check at start when the library is sound', async () => {
    const core = new FakeCore();
    const state = new RestorePointsState(core.api, () => {});
    await state.checkAtStart();
    expect(state.health).toBeNull();
    expect(state.showingHealth).toBe(false);
  });

  it('shows what the check at start found and puts back the restore point it offers', async () => {
    const core = new FakeCore();
    const offered = point('strand-good.sqlite', 1);
    core.restorePoints = [offered];
    core.health = { problems: ['the library file is damaged: page 7'], readOnly: true, restorePoint: offered };
    let shown = 0;
    const state = new RestorePointsState(core.api, () => (shown += 1));
    await state.checkAtStart();
    expect(state.showingHealth).toBe(true);
    expect(state.health?.readOnly).toBe(true);

    // Closed to look around read-only, and opened again from the banner.
    state.hideHealth();
    state.showHealth();
    expect(state.showingHealth).toBe(true);

    expect(await state.restoreOffered()).toBe(true);
    expect(core.restored).toEqual(['strand-good.sqlite']);
    expect(shown).toBe(1);
    expect(state.health).toBeNull();
    expect(state.showingHealth).toBe(false);
  });

  it('asks the core what is damaged when a command answers damaged, once', async () => {
    const core = new FakeCore();
    core.health = { problems: ['the library file is damaged: page 7'], readOnly: true, restorePoint: null };
    const state = new RestorePointsState(core.api, () => {});
    await state.noticeDamage();
    expect(state.showingHealth).toBe(true);
    state.hideHealth();
    await state.noticeDamage();
    expect(state.showingHealth).toBe(false);
    expect(await state.restoreOffered()).toBe(false);
  });
});
