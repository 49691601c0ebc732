import { describe, expect, it } from 'vitest';
import { BundlesState } from './bundles.svelte';
import { FakeCore } from './fake-api';

async function draftWithThreeItems(core: FakeCore): Promise<BundlesState> {
  const bundles = new BundlesState(core.api);
  await bundles.create('Road trip');
  for (const item of core.items) await bundles.add(item.id);
  return bundles;
}

describe('BundlesState', () => {
  it('creates a draft, threads items onto it and lists it', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    expect(bundles.current?.entries.map((entry) => entry.item.id)).toEqual(['item-1', 'item-2', 'item-3']);
    expect(bundles.summaries).toEqual([expect.objectContaining({ name: 'Road trip', state: 'draft', entryCount: 3 })]);
  });

  it('moves and removes entries in the open bundle', async () => {
    const bundles = await draftWithThreeItems(new FakeCore());
    const last = bundles.current!.entries[2]!;
    await bundles.move(last.id, 0);
    expect(bundles.current?.entries[0]?.id).toBe(last.id);
    await bundles.remove(last.id);
    expect(bundles.current?.entries.map((entry) => entry.item.id)).toEqual(['item-1', 'item-2']);
  });

  it('opens the paywall instead of reporting an error when keeping needs premium, and keeps the draft', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    const before = JSON.parse(JSON.stringify(bundles.current));
    expect(await bundles.keep()).toBe(false);
    expect(bundles.paywallOpen).toBe(true);
    expect(bundles.error).toBeNull();
    expect(bundles.current).toEqual(before);
  });

  it('keeps once premium, closes the paywall and confirms', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    await bundles.keep();
    core.tierOverride = 'premium';
    expect(await bundles.keep()).toBe(true);
    expect(bundles.paywallOpen).toBe(false);
    expect(bundles.current?.state).toBe('kept');
    expect(bundles.justKept).toBe('Road trip');
  });

  it('shows other refusals as an error and leaves the open bundle as it was', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    const before = JSON.parse(JSON.stringify(bundles.current));
    expect(await bundles.add('no-such-item')).toBe(false);
    expect(bundles.error?.code).toBe('not_found');
    expect(bundles.current).toEqual(before);
    bundles.dismissError();
    expect(bundles.error).toBeNull();
  });

  it('does nothing to entries while no bundle is open', async () => {
    const bundles = new BundlesState(new FakeCore().api);
    expect(await bundles.add('item-1')).toBe(false);
    expect(bundles.current).toBeNull();
  });

  it('undoes and redoes edits of the open bundle, and says when there is nothing to undo', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    const order = bundles.current!.entries.map((entry) => entry.id);
    await bundles.move(order[2]!, 0);
    await bundles.rename('Renamed');
    expect(bundles.current?.canUndo).toBe(true);
    expect(await bundles.undo()).toBe(true);
    expect(bundles.current?.name).toBe('Road trip');
    expect(await bundles.undo()).toBe(true);
    expect(bundles.current?.entries.map((entry) => entry.id)).toEqual(order);
    expect(bundles.current?.canRedo).toBe(true);
    expect(await bundles.redo()).toBe(true);
    expect(bundles.current?.entries[0]?.id).toBe(order[2]);
    // A new edit ends the redo trail.
    await bundles.remove(order[0]!);
    expect(bundles.current?.canRedo).toBe(false);
    expect(await bundles.redo()).toBe(false);
    expect(bundles.error).toBeNull();
  });

  it('sets a description and colour, refuses a bad colour, and undoes the change', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    expect(await bundles.setDetails(' For the drive ', '#E4572E')).toBe(true);
    expect(bundles.current?.details).toEqual({ description: 'For the drive', colour: '#e4572e' });
    expect(bundles.summaries[0]?.colour).toBe('#e4572e');
    expect(await bundles.setDetails('x', 'red')).toBe(false);
    expect(bundles.error?.code).toBe('invalid');
    expect(bundles.current?.details.colour).toBe('#e4572e');
    expect(await bundles.undo()).toBe(true);
    expect(bundles.current?.details).toEqual({ description: '', colour: null });
  });

  it('exports the open bundle and forgets the notice at the next edit', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    expect(await bundles.exportCurrent('xspf')).toBe(true);
    expect(bundles.exported).toBe(true);
    expect(core.exportedAs).toEqual(['xspf']);
    await bundles.move(bundles.current!.entries[0]!.id, 1);
    expect(bundles.exported).toBe(false);
  });

  it('opens the paywall when editing a kept bundle needs premium, and retries the edit after upgrading', async () => {
    const core = new FakeCore();
    core.tierOverride = 'premium';
    const bundles = await draftWithThreeItems(core);
    await bundles.keep();
    core.tierOverride = 'lapsed';
    const first = bundles.current!.entries[0]!;
    expect(await bundles.remove(first.id)).toBe(false);
    expect(bundles.paywallOpen).toBe(true);
    expect(bundles.current?.entries).toHaveLength(3);
    core.trialStarted = true;
    core.tierOverride = null;
    expect(await bundles.retryRefused()).toBe(true);
    expect(bundles.paywallOpen).toBe(false);
    expect(bundles.current?.entries.map((entry) => entry.id)).not.toContain(first.id);
  });

  it('forgets the refused action when the paywall is dismissed', async () => {
    const bundles = await draftWithThreeItems(new FakeCore());
    await bundles.keep();
    bundles.closePaywall();
    expect(await bundles.retryRefused()).toBe(false);
    expect(bundles.current?.state).toBe('draft');
  });

  it('moves the open bundle to the trash and brings it back exactly', async () => {
    const bundles = await draftWithThreeItems(new FakeCore());
    const before = JSON.parse(JSON.stringify(bundles.current));
    expect(await bundles.deleteCurrent()).toBe(true);
    expect(bundles.current).toBeNull();
    expect(bundles.summaries).toHaveLength(0);
    expect(bundles.trash.map((summary) => summary.name)).toEqual(['Road trip']);
    expect(bundles.justDeleted?.name).toBe('Road trip');
    expect(await bundles.restore(before.id)).toBe(true);
    expect(bundles.current).toEqual(before);
    expect(bundles.trash).toHaveLength(0);
  });

  it('empties the trash', async () => {
    const bundles = await draftWithThreeItems(new FakeCore());
    await bundles.deleteCurrent();
    expect(await bundles.emptyTrash()).toBe(true);
    expect(bundles.trash).toHaveLength(0);
    expect(bundles.justDeleted).toBeNull();
  });

  it('asks before threading an item the bundle already has, and adds it only when told to', async () => {
    const bundles = await draftWithThreeItems(new FakeCore());
    expect(await bundles.add('item-2')).toBe(false);
    expect(bundles.pendingDuplicate).toBe('item-2');
    expect(bundles.current?.entries).toHaveLength(3);
    bundles.cancelDuplicate();
    expect(bundles.pendingDuplicate).toBeNull();
    await bundles.add('item-2');
    expect(await bundles.addDuplicateAnyway()).toBe(true);
    expect(bundles.current?.entries.map((entry) => entry.item.id)).toEqual(['item-1', 'item-2', 'item-3', 'item-2']);
    expect(bundles.pendingDuplicate).toBeNull();
  });

  it('sorts the open bundle by a field', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    await bundles.move(bundles.current!.entries[2]!.id, 0);
    expect(await bundles.sort('title')).toBe(true);
    expect(bundles.current?.entries.map((entry) => entry.item.title)).toEqual(['Song 1', 'Song 2', 'Song 3']);
  });
});
