import { describe, expect, it } from 'vitest';
import { BundlesState } from './bundles.svelte';
import { FakeCore } from '../../test/fake-core';
import { TransferState, type ImportResult } from './transfer.svelte';

function transferWith(core: FakeCore) {
  const bundles = new BundlesState(core.api);
  const imported: ImportResult[] = [];
  const transfer = new TransferState(core.api, async (result) => {
    imported.push(result);
    await bundles.list.refresh();
  });
  return { transfer, bundles, imported };
}

describe('TransferState', () => {
  it('imports a playlist as a draft, reports progress and shows the summary', async () => {
    const core = new FakeCore();
    const { transfer, bundles, imported } = transferWith(core);
    const seen: (number | null)[] = [];
    const release = core.holdImports();
    const running = transfer.importPlaylist();
    expect(transfer.running).toBe('playlist');
    seen.push(transfer.fraction);
    release();
    expect(await running).toBe(true);
    expect(seen).toEqual([0]);
    expect(transfer.running).toBeNull();
    expect(transfer.result?.summary).toEqual({ matched: 1, created: 2, skipped: 0, skippedLines: [] });
    expect(transfer.result?.bundle?.name).toBe('Imported');
    expect(imported).toHaveLength(1);
    expect(bundles.list.summaries).toEqual([expect.objectContaining({ name: 'Imported', entryCount: 3 })]);
  });

  it('a cancelled import changes nothing and says so instead of reporting an error', async () => {
    const core = new FakeCore();
    const { transfer, bundles, imported } = transferWith(core);
    const itemsBefore = core.items.length;
    const release = core.holdImports();
    const running = transfer.importCatalogue();
    await transfer.cancel();
    expect(transfer.cancelling).toBe(true);
    release();
    expect(await running).toBe(false);
    expect(transfer.cancelled).toBe(true);
    expect(transfer.error).toBeNull();
    expect(transfer.result).toBeNull();
    expect(imported).toHaveLength(0);
    expect(core.items).toHaveLength(itemsBefore);
    expect(bundles.list.summaries).toEqual([]);
  });

  it('a dialog closed without a choice is no import and no error', async () => {
    const core = new FakeCore();
    core.dialogAnswer = null;
    const { transfer, imported } = transferWith(core);
    expect(await transfer.importFolder()).toBe(false);
    expect(transfer.result).toBeNull();
    expect(transfer.error).toBeNull();
    expect(imported).toHaveLength(0);
  });

  it('a second import waits for the first instead of running beside it', async () => {
    const core = new FakeCore();
    const { transfer } = transferWith(core);
    const release = core.holdImports();
    const first = transfer.importCatalogue();
    expect(await transfer.importPlaylist()).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(transfer.result?.kind).toBe('catalogue');
  });

  it('a music app’s library opens its first draft and says what its playlists became', async () => {
    const core = new FakeCore();
    const opened: (string | null)[] = [];
    const transfer = new TransferState(core.api, async (result) => {
      opened.push(result.bundle?.name ?? null);
    });
    expect(await transfer.importCollection()).toBe(true);
    expect(transfer.result?.kind).toBe('collection');
    expect(transfer.result?.collection).toEqual({ drafts: 1, folders: 0, builtIn: 2, missing: 0 });
    expect(opened).toEqual(['Imported library']);
  });
});
