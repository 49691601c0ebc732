import { describe, expect, it } from 'vitest';
import type { Item } from '../bindings/Item';
import { acceptItemDrops, cancelItemDrag, hoverItem, type ItemDropZone } from './item-drag';

/** A zone covering x from `left` to `right`, recording what it was told. */
function zone(left: number, right: number) {
  const seen = { showing: false, dropped: [] as Item[] };
  const accepting: ItemDropZone = {
    hover: (x) => (seen.showing = x >= left && x <= right),
    leave: () => (seen.showing = false),
    drop: (item) => seen.dropped.push(item),
  };
  return { seen, unregister: acceptItemDrops(accepting) };
}

describe('dragging an item from the library', () => {
  it('shows the drop in the zone under the pointer only, and none once the drag is cancelled', () => {
    const list = zone(0, 100);
    const other = zone(200, 300);
    expect(hoverItem(50, 0)).not.toBeNull();
    expect([list.seen.showing, other.seen.showing]).toEqual([true, false]);
    hoverItem(250, 0);
    expect([list.seen.showing, other.seen.showing]).toEqual([false, true]);
    expect(hoverItem(150, 0)).toBeNull();
    expect([list.seen.showing, other.seen.showing]).toEqual([false, false]);
    hoverItem(50, 0);
    cancelItemDrag();
    expect(list.seen.showing).toBe(false);
    list.unregister();
    other.unregister();
  });

  it('forgets a zone once it is gone from the screen', () => {
    const list = zone(0, 100);
    list.unregister();
    expect(hoverItem(50, 0)).toBeNull();
    expect(list.seen.showing).toBe(false);
  });
});
