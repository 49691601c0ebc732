import { describe, expect, it } from 'vitest';
import { AppError } from '../api';
import { EditQueue, reported } from './edit-queue.svelte';

describe('EditQueue', () => {
  it('runs edits one after another in the order asked, even after one fails', async () => {
    const queue = new EditQueue();
    const ran: string[] = [];
    let release = () => {};
    const slow = queue.inTurn(
      () =>
        new Promise<void>((resolve) => {
          release = () => {
            ran.push('slow');
            resolve();
          };
        }),
    );
    const failing = queue.inTurn(async () => {
      ran.push('failing');
      throw new Error('refused');
    });
    const last = queue.inTurn(async () => {
      ran.push('last');
    });
    expect(queue.pending).toBe(3);
    await Promise.resolve();
    expect(ran).toEqual([]);
    release();
    await slow;
    await expect(failing).rejects.toThrow('refused');
    await last;
    expect(ran).toEqual(['slow', 'failing', 'last']);
    expect(queue.pending).toBe(0);
  });

  it('shows a failure in the holder and clears it after a success', async () => {
    const holder = { error: null as AppError | null };
    expect(await reported(holder, async () => Promise.reject(new AppError('conflict', 'no')))).toBe(false);
    expect(holder.error?.code).toBe('conflict');
    expect(await reported(holder, async () => {})).toBe(true);
    expect(holder.error).toBeNull();
  });
});
