import { describe, expect, it, vi } from 'vitest';
import type { Capability } from '../bindings/Capability';
import type { ItemDetails } from '../bindings/ItemDetails';
import { FakeCore, item } from '../../test/fake-core';
import { MAX_PASTED, OwnItemsState } from './own-items.svelte';

function lamp(): ItemDetails {
  return {
    kind: 'product',
    title: 'Brass desk lamp',
    creator: 'Lumen & Co',
    durationMs: null,
    priceCents: 4950,
    currency: 'chf',
    tags: ['home'],
    sourceUri: 'https://shop.example.org/lamp',
    colour: '#aa7733',
  };
}

function setUp() {
  const core = new FakeCore();
  const changed = vi.fn(async () => {});
  const refusals: Capability[] = [];
  const retries: (() => Promise<boolean>)[] = [];
  const own = new OwnItemsState(core.api, {
    changed,
    premiumRequired: (capability, retry) => {
      refusals.push(capability);
      retries.push(retry);
    },
  });
  return { core, own, changed, refusals, retries };
}

async function draftThreading(core: FakeCore, ids: string[]) {
  let bundle = await core.api.createBundle('Mix');
  for (const id of ids) bundle = await core.api.addEntry(bundle.id, id, true);
  return bundle;
}

describe('OwnItemsState', () => {
  it('saves a new item, closes the editor and tells the page the library changed', async () => {
    const { core, own, changed } = setUp();
    own.startNew();
    expect(await own.save(lamp())).toBe(true);
    expect(own.editing).toBeNull();
    expect(core.items.at(-1)?.currency).toBe('CHF');
    expect(changed).toHaveBeenCalledOnce();
  });

  it('keeps the editor open with the field the core names when it refuses', async () => {
    const { core, own, changed } = setUp();
    own.edit(core.items[0]!);
    expect(await own.save({ ...lamp(), colour: 'red' })).toBe(false);
    expect(own.editing).toEqual(core.items[0]);
    expect(own.editorError?.field).toBe('colour');
    expect(core.items[0]?.title).toBe('Song 1');
    expect(changed).not.toHaveBeenCalled();
  });

  it('says what a deletion changes before it, and undoes it as a whole after', async () => {
    const { core, own } = setUp();
    const draft = await draftThreading(core, ['item-1', 'item-2']);
    own.select(core.items[0]!, 'only', core.items);
    await own.askToDelete();
    expect(own.pendingDeletion?.uses).toEqual({ bundles: 1, kept: 0, entries: 1, inTrash: 0 });
    expect(core.items).toHaveLength(3);

    await own.confirmDeletion();
    expect(own.notice).toMatchObject({ kind: 'deleted', gone: { items: 1 } });
    expect(own.selected).toEqual([]);
    expect(core.items.map((kept) => kept.id)).toEqual(['item-2', 'item-3']);
    expect((await core.api.bundleEntries(draft.id, 0, 10)).total).toBe(1);

    await own.undoRemoval();
    expect(own.notice?.kind).toBe('undone');
    expect(core.items).toHaveLength(3);
    expect((await core.api.bundleEntries(draft.id, 0, 10)).total).toBe(2);
  });

  it('picks items alone, toggled with Ctrl and as a range with Shift', () => {
    const { core, own } = setUp();
    const [one, two, three] = [core.items[0]!, core.items[1]!, core.items[2]!];
    own.select(one, 'only', core.items);
    own.select(three, 'range', core.items);
    expect(own.selected).toEqual(['item-1', 'item-2', 'item-3']);
    own.select(two, 'toggle', core.items);
    expect(own.selected).toEqual(['item-1', 'item-3']);
    own.select(one, 'only', core.items);
    own.select(one, 'only', core.items);
    expect(own.selected).toEqual([]);
  });

  it('merges the picked items into the one the person keeps', async () => {
    const { core, own } = setUp();
    const draft = await draftThreading(core, ['item-1', 'item-2']);
    own.select(core.items[0]!, 'only', core.items);
    own.select(core.items[1]!, 'toggle', core.items);
    own.askToMerge(core.items);
    expect(own.merging?.map((picked) => picked.id)).toEqual(['item-1', 'item-2']);
    await own.confirmMerge('item-2');
    const entries = (await core.api.bundleEntries(draft.id, 0, 10)).entries;
    expect(entries.map((entry) => entry.item.id)).toEqual(['item-2', 'item-2']);
    expect(own.notice).toMatchObject({ kind: 'merged', gone: { items: 1 } });
  });

  it('opens the paywall, not an error, when a deletion would edit a kept bundle on the free tier', async () => {
    const { core, own, refusals, retries } = setUp();
    const kept = await draftThreading(core, ['item-1']);
    core.tierOverride = 'premium';
    await core.api.keepBundle(kept.id);
    core.tierOverride = 'free';
    await own.askToDelete(['item-1']);
    expect(own.pendingDeletion?.uses.kept).toBe(1);
    expect(await own.confirmDeletion()).toBe(false);
    expect(refusals).toEqual(['edit_kept_bundle']);
    expect(own.error).toBeNull();
    expect(core.items).toHaveLength(3);

    core.tierOverride = 'premium';
    expect(await retries[0]!()).toBe(true);
    expect(core.items).toHaveLength(2);
  });

  it('makes an item of each pasted address and says how many it could not', async () => {
    const { core, own } = setUp();
    await own.paste('https://radio.example.net/jazz\n\nnot an address\r\n/home/ada/notes.txt\n');
    expect(own.notice).toEqual({ kind: 'pasted', added: 2, refused: 1 });
    expect(core.items.map((held) => held.title).slice(-2)).toEqual(['jazz', 'notes.txt']);

    await own.paste('still not an address');
    expect(own.notice).toBeNull();
    expect(own.error?.field).toBe('address');
  });

  it('stops a huge paste at its limit', async () => {
    const { core, own } = setUp();
    const lines = Array.from({ length: MAX_PASTED + 20 }, (_, n) => `https://example.com/${n}`);
    await own.paste(lines.join('\n'));
    expect(core.items).toHaveLength(3 + MAX_PASTED);
  });

  it('opens an item through the core and shows why one cannot be opened', async () => {
    const { core, own } = setUp();
    core.items.push({ ...item(9), sourceUri: 'https://example.com/nine' });
    expect(await own.open(core.items.at(-1)!)).toBe(true);
    expect(core.opened).toEqual(['item-9']);
    expect(await own.open(core.items[0]!)).toBe(false);
    expect(own.error?.message).toContain('no address');
  });
});
