// Dragging an item from the library into a bundle. The library owns the gesture (it follows the
// pointer); a list that takes drops registers here as a zone, shows where the item would land
// while the pointer is over it, and takes it on release.

import type { Item } from '../bindings/Item';

export interface ItemDropZone {
  /** Shows where an item would land with the pointer at (x, y); false if that is outside. */
  hover(x: number, y: number): boolean;
  /** Stops showing it. */
  leave(): void;
  /** Takes `item` where `hover` last showed it would land. */
  drop(item: Item): void;
}

const zones = new Set<ItemDropZone>();

/** Whether the pointer at (x, y) is over `element`. */
export function pointerOver(element: Element | undefined, x: number, y: number): boolean {
  const box = element?.getBoundingClientRect();
  return box !== undefined && x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
}

/** Registers a zone for as long as it is on screen; the function returned unregisters it. */
export function acceptItemDrops(zone: ItemDropZone): () => void {
  zones.add(zone);
  return () => {
    zone.leave();
    zones.delete(zone);
  };
}

/** The zone the pointer at (x, y) is over, which shows the drop; every other zone stops. */
export function hoverItem(x: number, y: number): ItemDropZone | null {
  let under: ItemDropZone | null = null;
  for (const zone of zones) {
    if (under === null && zone.hover(x, y)) under = zone;
    else zone.leave();
  }
  return under;
}

/** The drag ended without a drop: no zone shows one any more. */
export function cancelItemDrag(): void {
  for (const zone of zones) zone.leave();
}
