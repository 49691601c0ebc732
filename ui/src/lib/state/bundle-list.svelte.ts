import type { Api, AppError } from '../api';
import type { BundleId } from '../bindings/BundleId';
import type { BundleSummary } from '../bindings/BundleSummary';
import type { Folder } from '../bindings/Folder';
import type { FolderId } from '../bindings/FolderId';
import { reported, type EditQueue } from './edit-queue.svelte';

type BundleListApi = Pick<Api, 'listBundles' | 'listFolders' | 'createFolder' | 'renameFolder' | 'listTrash'>;

/**
 * The bundle list as the core answers it — the bundles (drafts first), the folders they are
 * grouped in, the trash — and the folder edits that change only the list. What changes the open
 * bundle as well (filing it, deleting a folder it is in, the trash) is `BundlesState`'s.
 */
export class BundleListState {
  summaries = $state<BundleSummary[]>([]);
  /** The folders bundles are grouped in, by name. */
  folders = $state<Folder[]>([]);
  trash = $state<BundleSummary[]>([]);
  error = $state<AppError | null>(null);

  readonly #api: BundleListApi;
  readonly #queue: EditQueue;

  constructor(api: BundleListApi, queue: EditQueue) {
    this.#api = api;
    this.#queue = queue;
  }

  async refresh(): Promise<void> {
    [this.summaries, this.trash, this.folders] = await Promise.all([
      this.#api.listBundles(),
      this.#api.listTrash(),
      this.#api.listFolders(),
    ]);
  }

  /** The listed bundle with `bundleId`, if the list has it. */
  named(bundleId: BundleId): BundleSummary | undefined {
    return this.summaries.find((summary) => summary.id === bundleId);
  }

  createFolder(name: string): Promise<boolean> {
    return this.#queue.inTurn(() =>
      reported(this, async () => {
        await this.#api.createFolder(name);
        await this.refresh();
      }),
    );
  }

  renameFolder(folderId: FolderId, name: string): Promise<boolean> {
    return this.#queue.inTurn(() =>
      reported(this, async () => {
        await this.#api.renameFolder(folderId, name);
        await this.refresh();
      }),
    );
  }

  dismissError(): void {
    this.error = null;
  }
}
