import { describe, expect, it, vi } from 'vitest';
import { BundlesState, MAX_BEADS, MAX_FOUND, MAX_PICKED } from './bundles.svelte';
import type { BundleId } from '../bindings/BundleId';
import { FakeCore, item } from '../../test/fake-core';

async function draftWithThreeItems(core: FakeCore): Promise<BundlesState> {
  const bundles = new BundlesState(core.api);
  await bundles.create('Road trip');
  for (const item of core.items) await bundles.add(item.id);
  return bundles;
}

/** A bundle "Target" threading item 1, and after it another bundle, `open`, which is open. */
async function targetBeside(core: FakeCore, open: string): Promise<{ bundles: BundlesState; target: BundleId }> {
  const bundles = new BundlesState(core.api);
  await bundles.create('Target');
  const target = bundles.current!.id;
  await bundles.add('item-1');
  await bundles.create(open);
  return { bundles, target };
}

/** A draft of `count` entries, written straight into the fake core, opened. */
async function bigDraft(core: FakeCore, count: number): Promise<BundlesState> {
  const bundles = new BundlesState(core.api);
  await bundles.create('Big');
  const held = core.bundles.get(bundles.current!.id)!;
  held.entries = Array.from({ length: count }, (_, n) => ({
    id: `big-${n}`,
    item: item(n),
    addedAt: '',
    position: n,
    missing: false,
  }));
  await bundles.open(held.id);
  return bundles;
}

describe('BundlesState', () => {
  it('holds only a window of a big bundle, and loads the rows the list shows', async () => {
    const bundles = await bigDraft(new FakeCore(), 100_000);
    expect(bundles.current?.entryCount).toBe(100_000);
    expect(bundles.window.entries.length).toBeLessThanOrEqual(1000);
    expect(bundles.beads).toHaveLength(MAX_BEADS);
    await bundles.show(70_000, 30);
    expect(bundles.entryAt(70_000)?.id).toBe('big-70000');
    expect(bundles.entryAt(70_029)?.id).toBe('big-70029');
    expect(bundles.entryAt(10)).toBeUndefined();
    expect(bundles.window.entries.length).toBeLessThanOrEqual(1000);
  });

  it('reloads the rows on screen after an edit far down a big bundle', async () => {
    const bundles = await bigDraft(new FakeCore(), 5_000);
    await bundles.show(4_000, 20);
    await bundles.move(['big-4010'], 'big-4000');
    expect(bundles.entryAt(4_001)?.id).toBe('big-4010');
    expect(bundles.entryAt(4_001)?.position).toBe(4_001);
  });

  it('shows an edit\'s answer only together with the rows it leads to, never the new count over old rows', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    const entries = core.api.bundleEntries;
    const held: (() => void)[] = [];
    core.api.bundleEntries = async (id, offset, limit) => {
      await new Promise<void>((resolve) => held.push(resolve));
      return entries(id, offset, limit);
    };
    const undoing = bundles.undo();
    await vi.waitFor(() => expect(held).toHaveLength(2));
    expect(bundles.current?.entryCount).toBe(3);
    expect(bundles.window.entries).toHaveLength(3);
    held.forEach((release) => release());
    expect(await undoing).toBe(true);
    expect(bundles.current?.entryCount).toBe(2);
    expect(bundles.window.entries.map((entry) => entry.item.id)).toEqual(['item-1', 'item-2']);
  });

  it('asks the core once when a search inside the bundle is typed quickly', async () => {
    const core = new FakeCore();
    const bundles = await bigDraft(core, 100);
    const asked: string[] = [];
    const find = core.api.findEntries;
    core.api.findEntries = (id, text, limit) => {
      asked.push(text);
      return find(id, text, limit);
    };
    await Promise.all(['S', 'So', 'Son', 'Song 9'].map((text) => bundles.find(text)));
    expect(asked).toEqual(['Song 9']);
    expect(bundles.found?.entries.map((entry) => entry.position)).toEqual([9, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99]);
  });

  it('sends edits asked at once to the core one after another, in the order asked, saving meanwhile', async () => {
    const core = new FakeCore();
    const bundles = await bigDraft(core, 10);
    const move = core.api.moveEntries;
    const asked: string[] = [];
    let releaseFirst = (): void => {};
    core.api.moveEntries = async (id, entryIds, after) => {
      asked.push(entryIds[0]!);
      if (asked.length === 1) await new Promise<void>((resolve) => (releaseFirst = resolve));
      return move(id, entryIds, after);
    };
    const first = bundles.move(['big-9'], null);
    const second = bundles.move(['big-8'], null);
    await vi.waitFor(() => expect(asked).toEqual(['big-9']));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toEqual(['big-9']);
    expect(bundles.editing).toBe(2);
    releaseFirst();
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(bundles.editing).toBe(0);
    expect(asked).toEqual(['big-9', 'big-8']);
    expect(bundles.window.entries.slice(0, 2).map((entry) => entry.id)).toEqual(['big-8', 'big-9']);
  });

  it('shows the newest answer to a search inside the bundle when an older one arrives after it', async () => {
    const core = new FakeCore();
    const bundles = await bigDraft(core, 100);
    const find = core.api.findEntries;
    let asked = 0;
    let releaseFirst = (): void => {};
    core.api.findEntries = async (id, text, limit) => {
      const found = await find(id, text, limit);
      // The first answer, read before the move below, is held back until after the second.
      if (++asked === 1) await new Promise<void>((resolve) => (releaseFirst = resolve));
      return found;
    };
    const searching = bundles.find('Song 99');
    await vi.waitFor(() => expect(asked).toBe(1));
    await bundles.move(['big-99'], null);
    expect(bundles.found?.entries.map((entry) => entry.position)).toEqual([0]);
    releaseFirst();
    await searching;
    expect(bundles.found?.entries.map((entry) => entry.position)).toEqual([0]);
  });

  it('searches inside the open bundle and forgets the search when another bundle opens', async () => {
    const core = new FakeCore();
    const bundles = await bigDraft(core, 1_000);
    await bundles.find('Song 99');
    expect(bundles.found?.entries.map((entry) => entry.position)).toEqual([99, 990, 991, 992, 993, 994, 995, 996, 997, 998, 999]);
    await bundles.find('');
    expect(bundles.found).toBeNull();
    await bundles.find('Song');
    expect(bundles.found?.more).toBe(true);
    expect(bundles.found?.entries).toHaveLength(MAX_FOUND);
    await bundles.create('Other');
    expect(bundles.found).toBeNull();
    expect(bundles.filter).toBe('');
  });

  it('creates a draft, threads items onto it and lists it', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    expect(bundles.window.entries.map((entry) => entry.item.id)).toEqual(['item-1', 'item-2', 'item-3']);
    expect(bundles.list.summaries).toEqual([expect.objectContaining({ name: 'Road trip', state: 'draft', entryCount: 3 })]);
  });

  it('moves and removes entries in the open bundle', async () => {
    const bundles = await draftWithThreeItems(new FakeCore());
    const last = bundles.window.entries[2]!;
    await bundles.move([last.id], null);
    expect(bundles.window.entries[0]?.id).toBe(last.id);
    await bundles.remove(last.id);
    expect(bundles.window.entries.map((entry) => entry.item.id)).toEqual(['item-1', 'item-2']);
  });

  it('opens the paywall instead of reporting an error when keeping needs premium, and keeps the draft', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    const before = JSON.parse(JSON.stringify(bundles.current));
    expect(await bundles.keep()).toBe(false);
    expect(bundles.paywall).toBe('keep_bundle');
    expect(bundles.error).toBeNull();
    expect(bundles.current).toEqual(before);
  });

  it('keeps once premium, closes the paywall and confirms', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    await bundles.keep();
    core.tierOverride = 'premium';
    expect(await bundles.keep()).toBe(true);
    expect(bundles.paywall).toBeNull();
    expect(bundles.current?.state).toBe('kept');
    expect(bundles.notice).toEqual({ kind: 'kept', name: 'Road trip' });
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
    const order = bundles.window.entries.map((entry) => entry.id);
    await bundles.move([order[2]!], null);
    await bundles.rename('Renamed');
    expect(bundles.current?.canUndo).toBe(true);
    expect(await bundles.undo()).toBe(true);
    expect(bundles.current?.name).toBe('Road trip');
    expect(await bundles.undo()).toBe(true);
    expect(bundles.window.entries.map((entry) => entry.id)).toEqual(order);
    expect(bundles.current?.canRedo).toBe(true);
    expect(await bundles.redo()).toBe(true);
    expect(bundles.window.entries[0]?.id).toBe(order[2]);
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
    expect(bundles.list.summaries[0]?.colour).toBe('#e4572e');
    expect(await bundles.setDetails('x', 'red')).toBe(false);
    expect(bundles.error?.code).toBe('invalid');
    expect(bundles.current?.details.colour).toBe('#e4572e');
    expect(await bundles.undo()).toBe(true);
    expect(bundles.current?.details).toEqual({ description: '', colour: null });
  });

  it('gives the open bundle a cover picture, shows it in the list, and takes it off again', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    expect(await bundles.chooseCover()).toBe(true);
    const cover = bundles.current?.details.coverImage;
    expect(cover).toBeTruthy();
    expect(bundles.list.summaries[0]?.coverImage).toBe(cover);
    await bundles.setDetails('Night', null);
    expect(bundles.current?.details.coverImage).toBe(cover);
    expect(await bundles.removeCover()).toBe(true);
    expect(bundles.current?.details.coverImage).toBeUndefined();
    expect(await bundles.undo()).toBe(true);
    expect(bundles.current?.details.coverImage).toBe(cover);
  });

  it('says beside the cover why a picture was refused, and a cancelled dialog changes nothing', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    core.coverAnswer = 'cancel';
    expect(await bundles.chooseCover()).toBe(true);
    expect(bundles.current?.details.coverImage).toBeUndefined();
    core.coverAnswer = 'not-a-picture';
    expect(await bundles.chooseCover()).toBe(false);
    expect(bundles.coverError?.message).toContain('cannot be a cover');
    expect(bundles.error).toBeNull();
    await bundles.open(bundles.list.summaries[0]!.id);
    expect(bundles.coverError).toBeNull();
  });

  it('selects every entry of the open bundle, not only those on screen, up to what one edit takes', async () => {
    const core = new FakeCore();
    const bundles = await bigDraft(core, 2500);
    expect(bundles.window.entries.length).toBeLessThan(2500);
    expect(await bundles.selectAll()).toBe(true);
    expect(bundles.selected.size).toBe(2500);
    expect(bundles.selected.has('big-2499')).toBe(true);
    const huge = await bigDraft(core, MAX_PICKED + 5);
    expect(await huge.selectAll()).toBe(true);
    expect(huge.selected.size).toBe(MAX_PICKED);
  });

  it('shows what the open bundle adds up to, again after each edit', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    expect(bundles.totals).toEqual({ durationMs: 6000, timed: 3, prices: [] });
    await bundles.remove(bundles.window.entries[2]!.id);
    expect(bundles.totals).toEqual({ durationMs: 3000, timed: 2, prices: [] });
    bundles.jumpTo(1);
    expect(bundles.jump).toEqual({ position: 1 });
  });

  it('exports the open bundle and forgets the notice at the next edit', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    expect(await bundles.exportCurrent('xspf')).toBe(true);
    expect(bundles.notice).toEqual({ kind: 'exported' });
    expect(await bundles.exportCurrent('m3u8', true)).toBe(true);
    expect(core.exportedAs).toEqual(['xspf', 'm3u8']);
    expect(core.exportedRelative).toEqual([false, true]);
    await bundles.move([bundles.window.entries[0]!.id], bundles.window.entries[1]!.id);
    expect(bundles.notice).toBeNull();
  });

  it('opens the paywall when editing a kept bundle needs premium, and retries the edit after upgrading', async () => {
    const core = new FakeCore();
    core.tierOverride = 'premium';
    const bundles = await draftWithThreeItems(core);
    await bundles.keep();
    core.tierOverride = 'lapsed';
    const first = bundles.window.entries[0]!;
    expect(await bundles.remove(first.id)).toBe(false);
    expect(bundles.paywall).toBe('edit_kept_bundle');
    expect(bundles.window.entries).toHaveLength(3);
    core.trialStarted = true;
    core.tierOverride = null;
    expect(await bundles.retryRefused()).toBe(true);
    expect(bundles.paywall).toBeNull();
    expect(bundles.window.entries.map((entry) => entry.id)).not.toContain(first.id);
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
    expect(bundles.list.summaries).toHaveLength(0);
    expect(bundles.list.trash.map((summary) => summary.name)).toEqual(['Road trip']);
    expect(bundles.notice?.kind === 'deleted' && bundles.notice.bundle.name).toBe('Road trip');
    expect(await bundles.restore(before.id)).toBe(true);
    expect(bundles.current).toEqual(before);
    expect(bundles.list.trash).toHaveLength(0);
  });

  it('empties the trash', async () => {
    const bundles = await draftWithThreeItems(new FakeCore());
    await bundles.deleteCurrent();
    expect(await bundles.emptyTrash()).toBe(true);
    expect(bundles.list.trash).toHaveLength(0);
    expect(bundles.notice).toBeNull();
  });

  it('asks before threading an item the bundle already has, and adds it only when told to', async () => {
    const bundles = await draftWithThreeItems(new FakeCore());
    expect(await bundles.add('item-2')).toBe(false);
    expect(bundles.pendingDuplicate).toBe('item-2');
    expect(bundles.window.entries).toHaveLength(3);
    bundles.cancelDuplicate();
    expect(bundles.pendingDuplicate).toBeNull();
    await bundles.add('item-2');
    expect(await bundles.addDuplicateAnyway()).toBe(true);
    expect(bundles.window.entries.map((entry) => entry.item.id)).toEqual(['item-1', 'item-2', 'item-3', 'item-2']);
    expect(bundles.pendingDuplicate).toBeNull();
  });

  it('threads an item dropped between entries there, and a dropped duplicate there once confirmed', async () => {
    const bundles = await draftWithThreeItems(new FakeCore());
    const [first, second] = bundles.window.entries;
    await bundles.move([second!.id], null);
    expect(await bundles.add('item-3', true, first!.id)).toBe(true);
    expect(bundles.window.entries.map((entry) => entry.item.id)).toEqual(['item-2', 'item-1', 'item-3', 'item-3']);
    expect(await bundles.add('item-1', false, null)).toBe(false);
    expect(bundles.pendingDuplicate).toBe('item-1');
    expect(await bundles.addDuplicateAnyway()).toBe(true);
    expect(bundles.window.entries.map((entry) => entry.item.id)).toEqual(['item-1', 'item-2', 'item-1', 'item-3', 'item-3']);
  });

  it('threads an item dropped on another bundle in the list onto its end, once', async () => {
    const core = new FakeCore();
    const { bundles, target } = await targetBeside(core, 'Open');
    expect(await bundles.addTo(target, 'item-2')).toBe(true);
    expect(bundles.notice).toEqual({ kind: 'transferred', to: 'Target', added: 1, skipped: 0, how: 'added' });
    expect(core.bundles.get(target)!.entries.map((entry) => entry.item.id)).toEqual(['item-1', 'item-2']);
    expect(bundles.list.summaries.find((summary) => summary.id === target)?.entryCount).toBe(2);
    expect(await bundles.addTo(target, 'item-1')).toBe(true);
    expect(bundles.notice).toEqual({ kind: 'transferred', to: 'Target', added: 0, skipped: 1, how: 'added' });
    expect(core.bundles.get(target)!.entries).toHaveLength(2);
    expect(bundles.current?.name).toBe('Open');
  });

  it('opens the paywall when a drop on a kept bundle needs premium, and adds it after upgrading', async () => {
    const core = new FakeCore();
    core.tierOverride = 'premium';
    const bundles = new BundlesState(core.api);
    await bundles.create('Kept');
    await bundles.keep();
    const kept = bundles.current!.id;
    await bundles.create('Open');
    core.tierOverride = 'lapsed';
    expect(await bundles.addTo(kept, 'item-1')).toBe(false);
    expect(bundles.paywall).toBe('edit_kept_bundle');
    expect(core.bundles.get(kept)!.entries).toHaveLength(0);
    core.tierOverride = null;
    core.trialStarted = true;
    expect(await bundles.retryRefused()).toBe(true);
    expect(core.bundles.get(kept)!.entries.map((entry) => entry.item.id)).toEqual(['item-1']);
    expect(bundles.notice).toEqual({ kind: 'transferred', to: 'Kept', added: 1, skipped: 0, how: 'added' });
  });

  it('resumes the keep the paywall interrupted rather than pressing Keep again', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    expect(await bundles.keep()).toBe(false);
    expect(bundles.paywall).toBe('keep_bundle');
    core.tierOverride = 'premium';
    expect(await bundles.retryRefused()).toBe(true);
    expect(core.resumedKeeps).toEqual([bundles.current!.id]);
    expect(bundles.current?.state).toBe('kept');
    expect(bundles.notice).toEqual({ kind: 'kept', name: 'Road trip' });
  });

  it('sorts the open bundle by a field', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    await bundles.move([bundles.window.entries[2]!.id], null);
    expect(await bundles.sort('title')).toBe(true);
    expect(bundles.window.entries.map((entry) => entry.item.title)).toEqual(['Song 1', 'Song 2', 'Song 3']);
  });
});

describe('BundlesState selection', () => {
  it('picks one, toggles with Ctrl and takes a range with Shift', async () => {
    const bundles = await bigDraft(new FakeCore(), 20);
    const at = (position: number) => bundles.entryAt(position)!;
    bundles.select(at(2), 'only');
    bundles.select(at(9), 'toggle');
    bundles.select(at(2), 'toggle');
    expect([...bundles.selected]).toEqual(['big-9']);
    bundles.select(at(5), 'toggle');
    expect([...bundles.selected]).toEqual(['big-9', 'big-5']);
    // A range runs from the last pick and replaces the selection.
    bundles.select(at(8), 'range');
    expect([...bundles.selected].sort()).toEqual(['big-5', 'big-6', 'big-7', 'big-8']);
    bundles.clearSelection();
    expect(bundles.selected.size).toBe(0);
  });

  it('moves and removes the selection as one edit each, undone in one step', async () => {
    const bundles = await bigDraft(new FakeCore(), 6);
    bundles.select(bundles.entryAt(1)!, 'only');
    bundles.select(bundles.entryAt(3)!, 'toggle');
    await bundles.move([...bundles.selected], 'big-4');
    expect(bundles.window.entries.map((entry) => entry.id)).toEqual(['big-0', 'big-2', 'big-4', 'big-1', 'big-3', 'big-5']);
    expect(bundles.selected.size).toBe(2);
    await bundles.removeSelected();
    expect(bundles.window.entries.map((entry) => entry.id)).toEqual(['big-0', 'big-2', 'big-4', 'big-5']);
    expect(bundles.selected.size).toBe(0);
    await bundles.undo();
    expect(bundles.current?.entryCount).toBe(6);
  });

  it('copies or moves the selection to another bundle and says what happened', async () => {
    const core = new FakeCore();
    const { bundles, target } = await targetBeside(core, 'Source');
    for (const item of core.items) await bundles.add(item.id);
    bundles.select(bundles.entryAt(0)!, 'only');
    bundles.select(bundles.entryAt(1)!, 'toggle');
    expect(await bundles.sendSelected(target, false)).toBe(true);
    expect(bundles.notice).toEqual({ kind: 'transferred', to: 'Target', added: 1, skipped: 1, how: 'copied' });
    expect(bundles.current?.entryCount).toBe(3);
    expect(await bundles.sendSelected(target, true)).toBe(true);
    expect(bundles.notice).toEqual({ kind: 'transferred', to: 'Target', added: 0, skipped: 2, how: 'moved' });
    expect(bundles.current?.entryCount).toBe(1);
    expect(bundles.selected.size).toBe(0);
    expect(bundles.list.summaries.find((summary) => summary.id === target)?.entryCount).toBe(2);
  });
});

describe('BundlesState folders', () => {
  it('files a bundle dropped on a folder there and leaves the open bundle open', async () => {
    const core = new FakeCore();
    const { bundles, target } = await targetBeside(core, 'Open');
    const open = bundles.current!.id;
    await bundles.list.createFolder('Trips');
    const trips = bundles.list.folders[0]!.id;
    expect(await bundles.moveToFolder(trips, target)).toBe(true);
    expect(bundles.current?.id).toBe(open);
    expect(bundles.current?.folder).toBeNull();
    expect(bundles.list.summaries.find((summary) => summary.id === target)?.folder).toBe(trips);
    expect(await bundles.moveToFolder(null, target)).toBe(true);
    expect(bundles.list.summaries.find((summary) => summary.id === target)?.folder).toBeNull();
  });

  it('files the open bundle in a folder, undoes it, and keeps it when the folder goes', async () => {
    const core = new FakeCore();
    const bundles = await draftWithThreeItems(core);
    expect(await bundles.list.createFolder('  Trips ')).toBe(true);
    expect(bundles.list.folders.map((folder) => folder.name)).toEqual(['Trips']);
    const trips = bundles.list.folders[0]!.id;
    await bundles.moveToFolder(trips);
    expect(bundles.current?.folder).toBe(trips);
    expect(bundles.list.summaries[0]?.folder).toBe(trips);
    await bundles.undo();
    expect(bundles.current?.folder).toBeNull();
    await bundles.redo();
    await bundles.list.renameFolder(trips, 'Holidays');
    expect(bundles.list.folders[0]?.name).toBe('Holidays');
    await bundles.deleteFolder(trips);
    expect(bundles.list.folders).toEqual([]);
    expect(bundles.current?.folder).toBeNull();
    expect(bundles.list.summaries[0]?.folder).toBeNull();
    expect(await bundles.list.createFolder('')).toBe(false);
    expect(bundles.list.error?.code).toBe('invalid');
  });
});
