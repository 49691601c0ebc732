// An in-memory stand-in for the core, used by the state tests: it keeps bundles the way the core
// does (drafts, keeping gated on the tier) so the state classes are tested against real answers,
// not canned ones.
import { AppError, type Api } from '../lib/api';
import type { MenuAction } from '../lib/bindings/MenuAction';
import type { BulkAdd } from '../lib/bindings/BulkAdd';
import type { Bundle } from '../lib/bindings/Bundle';
import type { BundleSummary } from '../lib/bindings/BundleSummary';
import type { Entry } from '../lib/bindings/Entry';
import type { EntryPage } from '../lib/bindings/EntryPage';
import type { ExportFormat } from '../lib/bindings/ExportFormat';
import type { Folder } from '../lib/bindings/Folder';
import type { ImportProgress } from '../lib/bindings/ImportProgress';
import type { ImportSummary } from '../lib/bindings/ImportSummary';
import type { Item } from '../lib/bindings/Item';
import type { ItemsGone } from '../lib/bindings/ItemsGone';
import type { LibraryHealth } from '../lib/bindings/LibraryHealth';
import type { Policy } from '../lib/bindings/Policy';
import type { RestorePoint } from '../lib/bindings/RestorePoint';
import type { SessionInfo } from '../lib/bindings/SessionInfo';
import type { Tier } from '../lib/bindings/Tier';
import { checkedDetails, totalsOf, usesOf } from './fake-items';

export function item(n: number): Item {
  return {
    id: `item-${n}`,
    kind: 'song',
    title: `Song ${n}`,
    creator: 'Tester',
    durationMs: 1000 * n,
    priceCents: null,
    currency: null,
    tags: [],
    sourceUri: null,
    colour: '#123456',
  };
}

/** A bundle as the fake holds it: with every entry (the real core keeps them in SQLite). */
type Held = Omit<Bundle, 'entryCount'> & { entries: Entry[] };

/** The bundle as the core answers: its head, without entries. */
function head({ entries, ...bundle }: Held): Bundle {
  return { ...structuredClone(bundle), entryCount: entries.length };
}

function page(entries: Entry[], offset: number, limit: number, more = false): EntryPage {
  return {
    entries: structuredClone(entries.slice(offset, offset + limit)),
    total: entries.length,
    more,
  };
}

function summary(bundle: Held): BundleSummary {
  return {
    id: bundle.id,
    name: bundle.name,
    state: bundle.state,
    entryCount: bundle.entries.length,
    cover: bundle.entries.slice(0, 4).map((entry) => entry.item.colour),
    coverImage: bundle.details.coverImage ?? null,
    colour: bundle.details.colour,
    folder: bundle.folder,
  };
}

export class FakeCore {
  bundles = new Map<string, Held>();
  folders: Folder[] = [];
  trash = new Map<string, Held>();
  items = [item(1), item(2), item(3)];
  /** The ids of the items that are the sample catalogue's. */
  sample = new Set<string>();
  tierOverride: Tier | null = null;
  trialStarted = false;
  licensee: string | null = null;
  policy: Policy = 'keep-is-premium';
  days = 0;
  demo = true;
  #nextId = 0;

  #id(prefix: string): string {
    this.#nextId += 1;
    return `${prefix}-${this.#nextId}`;
  }

  /** What the next import dialog answers: a file's items, or null when the person cancels it. */
  dialogAnswer: Item[] | null = [item(1), item(7), item(8)];
  /** What the next cover dialog answers: a picture, a file that is none, or a cancel. */
  coverAnswer: 'picture' | 'not-a-picture' | 'cancel' = 'picture';
  exportedAs: ExportFormat[] = [];
  /** Whether each export asked for relative paths. */
  exportedRelative: boolean[] = [];
  /** The restore points the core lists, and the names put back, in order. */
  restorePoints: RestorePoint[] = [];
  restored: string[] = [];
  /** Drafts a crash left behind: offered until brought back (into `bundles`) or let go. */
  leftBehind: Held[] = [];
  /** The drafts whose interrupted keep was resumed, in order. */
  resumedKeeps: string[] = [];
  /** The items opened in the desktop's default app, by id. */
  opened: string[] = [];
  /** The library and every bundle before the latest deletion or merge, to undo it. */
  #beforeRemoval: { items: Item[]; bundles: Map<string, Held> } | null = null;
  /** What the library check finds; a restore makes the library sound again. */
  health: LibraryHealth = { problems: [], readOnly: false, restorePoint: null };
  #cancelRequested = false;
  #importGate: Promise<void> = Promise.resolve();

  /** Holds the next imports halfway until the returned function is called, as a long import would. */
  holdImports(): () => void {
    let release = () => {};
    this.#importGate = new Promise((resolve) => (release = resolve));
    return release;
  }

  async #importFile(onProgress: (progress: ImportProgress) => void): Promise<Item[] | null> {
    const items = this.dialogAnswer;
    if (!items) return null;
    this.#cancelRequested = false;
    onProgress({ done: 0, total: items.length });
    await this.#importGate;
    if (this.#cancelRequested) throw new AppError('cancelled', 'cancelled; nothing was changed');
    onProgress({ done: items.length, total: items.length });
    return items;
  }

  #addToLibrary(items: Item[]): ImportSummary {
    const fresh = items.filter((imported) => !this.items.some((known) => known.id === imported.id));
    this.items.push(...fresh);
    return { matched: items.length - fresh.length, created: fresh.length, skipped: 0, skippedLines: [] };
  }

  #bundle(id: string): Held {
    const bundle = this.bundles.get(id);
    if (!bundle) throw new AppError('not_found', `bundle ${id} was not found`);
    return bundle;
  }

  /** Each bundle's earlier and undone versions, as the core's history would restore them. */
  #history = new Map<string, { past: Held[]; future: Held[] }>();

  /** Stores an edit of a bundle and remembers the version before it for undo. */
  #edit(bundle: Held): Bundle {
    const history = this.#historyOf(bundle.id);
    history.past.push(this.#bundle(bundle.id));
    history.future = [];
    return this.#store(bundle);
  }

  #historyOf(id: string): { past: Held[]; future: Held[] } {
    let history = this.#history.get(id);
    if (!history) {
      history = { past: [], future: [] };
      this.#history.set(id, history);
    }
    return history;
  }

  #step(id: string, undo: boolean): Bundle {
    const history = this.#historyOf(id);
    const [from, to] = undo ? [history.past, history.future] : [history.future, history.past];
    const previous = from.pop();
    if (!previous) throw new AppError('conflict', `there is nothing to ${undo ? 'undo' : 'redo'} in this bundle`);
    to.push(this.#bundle(id));
    return this.#store({ ...previous, state: this.#bundle(id).state, keptAt: this.#bundle(id).keptAt });
  }

  #store(bundle: Held): Bundle {
    const history = this.#historyOf(bundle.id);
    const entries = bundle.entries.map((entry, position) => ({ ...entry, position }));
    const stored = { ...bundle, entries, canUndo: history.past.length > 0, canRedo: history.future.length > 0 };
    this.bundles.set(bundle.id, stored);
    return head(stored);
  }

  /** The bundle, if the tier may edit it: editing a kept bundle is premium under the default policy. */
  #editable(id: string): Held {
    const bundle = this.#bundle(id);
    if (bundle.state === 'kept' && this.policy === 'keep-is-premium' && !this.#premium()) {
      throw new AppError('premium_required', 'editing a kept bundle needs Strand Premium', 'edit_kept_bundle');
    }
    return bundle;
  }

  /** Threads an item in right after the entry `after` (first, when null), as the core does. */
  #thread(id: string, itemId: string, after: string | null, anyway: boolean): Bundle {
    const found = this.items.find((candidate) => candidate.id === itemId);
    if (!found) throw new AppError('not_found', `item ${itemId} was not found`);
    const bundle = this.#editable(id);
    if (!anyway && bundle.entries.some((entry) => entry.item.id === itemId)) {
      throw new AppError('duplicate', 'this bundle already has this item; add it anyway to thread it twice');
    }
    const inFront = after === null ? -1 : bundle.entries.findIndex((entry) => entry.id === after);
    if (after !== null && inFront < 0) throw new AppError('not_found', `entry ${after} was not found`);
    const entry = { id: this.#id('entry'), item: found, addedAt: new Date().toISOString(), position: inFront + 1, missing: false };
    return this.#edit({ ...bundle, entries: [...bundle.entries.slice(0, inFront + 1), entry, ...bundle.entries.slice(inFront + 1)] });
  }

  /** Threads the items of some entries onto the end of bundle `to`, skipping those it has. */
  #copy(from: string, entryIds: string[], to: string): BulkAdd {
    const target = this.#bundle(to);
    const items = this.#bundle(from)
      .entries.filter((entry) => entryIds.includes(entry.id))
      .map((entry) => entry.item);
    const fresh = items.filter((candidate) => !target.entries.some((entry) => entry.item.id === candidate.id));
    const entries = fresh.map((found) => ({ id: this.#id('entry'), item: found, addedAt: '', position: 0, missing: false }));
    const bundle = this.#edit({ ...target, entries: [...target.entries, ...entries] });
    return { bundle, added: fresh.length, skippedDuplicates: items.length - fresh.length };
  }

  /** Deletes items, their entries rethreaded to `survivor` (a merge) or taken off. */
  #removeItems(ids: string[], survivor: Item | null): ItemsGone {
    for (const id of ids) this.#found(id);
    const uses = usesOf(this.bundles.values(), ids);
    for (const bundle of this.bundles.values()) {
      if (bundle.entries.some((entry) => ids.includes(entry.item.id))) this.#editable(bundle.id);
    }
    this.#beforeRemoval = { items: structuredClone(this.items), bundles: structuredClone(this.bundles) };
    for (const bundle of [...this.bundles.values()]) {
      if (!bundle.entries.some((entry) => ids.includes(entry.item.id))) continue;
      const entries = survivor
        ? bundle.entries.map((entry) => (ids.includes(entry.item.id) ? { ...entry, item: survivor } : entry))
        : bundle.entries.filter((entry) => !ids.includes(entry.item.id));
      this.#edit({ ...bundle, entries });
    }
    this.items = this.items.filter((kept) => !ids.includes(kept.id));
    return { items: ids.length, uses };
  }

  #found(id: string): Item {
    const found = this.items.find((candidate) => candidate.id === id);
    if (!found) throw new AppError('not_found', `item ${id} was not found`);
    return found;
  }

  get tier(): Tier {
    if (this.tierOverride) return this.tierOverride;
    if (this.licensee) return 'premium';
    if (this.trialStarted) return this.days < 14 ? 'trial' : 'lapsed';
    return 'free';
  }

  session(): SessionInfo {
    return {
      demo: this.demo,
      policy: this.policy,
      access: {
        tier: this.tier,
        clockBehind: false,
        lastSeen: null,
        licence: this.licensee ? { licensee: this.licensee, plan: 'premium', expiresAt: null, active: true } : null,
        trial: {
          available: !this.trialStarted,
          // Started on the first day, as every test that starts it does.
          endsAt: this.trialStarted ? new Date(Date.UTC(2026, 0, 15)).toISOString() : null,
          daysLeft: this.trialStarted ? Math.max(0, 14 - this.days) : 0, totalDays: 14 },
      },
      tierOverridden: this.tierOverride !== null,
      now: new Date(Date.UTC(2026, 0, 1 + this.days)).toISOString(),
      timeTravelDays: this.days,
      funnelOptIn: false,
    };
  }

  #premium(): boolean {
    return this.tier === 'premium' || this.tier === 'trial';
  }

  #demoOnly(): void {
    if (!this.demo) throw new AppError('forbidden', 'demo controls only work in demo mode');
  }

  /** The window's title, as the shell set it. */
  windowTitle = 'Strand';
  /** The language the shell decided on. */
  language = 'en';

  /** Where the menu bar's items would go, once the window listens. */
  menuListener: ((action: MenuAction) => void) | null = null;

  api: Api = {
    listenToMenu: async (onAction) => {
      this.menuListener = onAction;
      return null;
    },
    desktopLanguage: async () => this.language,
    titleWindow: async (bundleId) => {
      this.windowTitle = bundleId ? `${this.#bundle(bundleId).name} — Strand` : 'Strand';
      return null;
    },
    sessionInfo: async () => this.session(),
    setDemoTier: async (tier) => {
      this.#demoOnly();
      this.tierOverride = tier;
      return this.session();
    },
    setDemoPolicy: async (policy) => {
      this.#demoOnly();
      this.policy = policy;
      return this.session();
    },
    timeTravel: async (days) => {
      this.#demoOnly();
      this.days = days;
      return this.session();
    },
    resetDemo: async () => {
      this.#demoOnly();
      Object.assign(this, { tierOverride: null, trialStarted: false, licensee: null, days: 0 });
      this.bundles.clear();
      return this.session();
    },
    planMap: async () => [
      { capability: 'build_draft', rule: { kind: 'free' } },
      { capability: 'keep_bundle', rule: this.policy === 'keep-is-premium' ? { kind: 'premium' } : { kind: 'free' } },
    ],
    funnel: async () => [{ step: 'draft_started', count: this.bundles.size }],
    setFunnelOptIn: async () => this.session(),
    exportFunnelCsv: async () => true,
    startTrial: async () => {
      if (this.trialStarted) throw new AppError('conflict', 'the free trial has already been used on this computer');
      this.trialStarted = true;
      return this.session();
    },
    activateLicence: async (key) => {
      if (key !== 'STRAND1.valid') throw new AppError('invalid', 'this licence key is not genuine: its signature does not match');
      this.licensee = 'Ada';
      return this.session();
    },
    activateLicenceFile: async () => null,
    listItems: async (offset, limit) => ({
      items: this.items.slice(offset, offset + limit),
      total: this.items.length,
      sample: this.sample.size,
    }),
    searchItems: async (text, kind, tag, limit) => {
      const needle = text.trim().toLowerCase();
      const items = this.items.filter(
        (candidate) =>
          (!kind || candidate.kind === kind) &&
          (!tag || candidate.tags.includes(tag.toLowerCase())) &&
          candidate.title.toLowerCase().includes(needle),
      );
      return { items: items.slice(0, limit), more: items.length > limit };
    },
    createItem: async (details) => {
      const made = { id: this.#id('item'), ...checkedDetails(details) };
      this.items.push(made);
      return made;
    },
    createItemFromAddress: async (address) => {
      if (!/^(https?:\/\/|\/)/.test(address)) throw new AppError('invalid', `address is invalid: ${address} is not a whole address`, undefined, 'address');
      if (this.items.some((held) => held.sourceUri === address)) throw new AppError('conflict', 'this address is in your library already');
      const title = address.split('/').filter(Boolean).at(-1) ?? address;
      return this.api.createItem({ ...item(0), kind: 'link', title, durationMs: null, sourceUri: address });
    },
    updateItem: async (itemId, details) => {
      const updated = { id: this.#found(itemId).id, ...checkedDetails(details) };
      this.items = this.items.map((held) => (held.id === itemId ? updated : held));
      for (const bundle of this.bundles.values()) {
        bundle.entries = bundle.entries.map((entry) => (entry.item.id === itemId ? { ...entry, item: updated } : entry));
      }
      return updated;
    },
    itemUses: async (itemIds) => usesOf(this.bundles.values(), itemIds),
    deleteItems: async (itemIds) => this.#removeItems(itemIds, null),
    mergeItems: async (survivor, others) => {
      if (others.includes(survivor)) throw new AppError('invalid', 'others is invalid: an item cannot be merged into itself', undefined, 'others');
      return this.#removeItems(others, this.#found(survivor));
    },
    undoItemRemoval: async () => {
      const before = this.#beforeRemoval;
      if (!before) throw new AppError('conflict', 'there is no deletion or merge to undo');
      this.#beforeRemoval = null;
      this.items = before.items;
      this.bundles = before.bundles;
      return { items: 0, uses: { bundles: before.bundles.size, kept: 0, entries: 0, inTrash: 0 } };
    },
    openItem: async (itemId) => {
      if (this.#found(itemId).sourceUri === null) throw new AppError('invalid', 'item is invalid: it has no address to open', undefined, 'item');
      this.opened.push(itemId);
      return null;
    },
    addSample: async () => {
      if (this.sample.size > 0) throw new AppError('conflict', 'the sample catalogue is in your library already');
      const sample = [item(201), item(202), item(203)];
      for (const added of sample) this.sample.add(added.id);
      this.items = [...this.items, ...sample];
      return sample.length;
    },
    removeSample: async () => {
      const threaded = new Set([...this.bundles.values()].flatMap((bundle) => bundle.entries.map((entry) => entry.item.id)));
      const removed = this.items.filter((kept) => this.sample.has(kept.id) && !threaded.has(kept.id));
      this.items = this.items.filter((kept) => !removed.includes(kept));
      for (const gone of removed) this.sample.delete(gone.id);
      return { removed: removed.length, kept: this.sample.size };
    },
    listBundles: async () =>
      [...this.bundles.values()].map(summary),
    getBundle: async (id) => head(this.#bundle(id)),
    bundleEntries: async (id, offset, limit) => page(this.#bundle(id).entries, offset, limit),
    bundleTotals: async (id) => totalsOf(this.#bundle(id).entries.map((entry) => entry.item)),
    findEntries: async (id, text, limit) => {
      const needle = text.trim().toLowerCase();
      const found = this.#bundle(id).entries.filter((entry) => entry.item.title.toLowerCase().includes(needle));
      return { ...page(found, 0, limit, found.length > limit), total: this.#bundle(id).entries.length };
    },
    createBundle: async (name) => {
      if (!name.trim()) throw new AppError('invalid', 'name is invalid: a bundle needs a name');
      return this.#store({
        id: this.#id('bundle'),
        name: name.trim(),
        state: 'draft',
        createdAt: '',
        keptAt: null,
        entries: [],
        details: { description: '', colour: null },
        folder: null,
        canUndo: false,
        canRedo: false,
      });
    },
    renameBundle: async (id, name) => this.#edit({ ...this.#bundle(id), name }),
    addEntry: async (id, itemId, anyway) => this.#thread(id, itemId, this.#bundle(id).entries.at(-1)?.id ?? null, anyway),
    addEntryAfter: async (id, itemId, after, anyway) => this.#thread(id, itemId, after, anyway),
    removeEntry: async (id, entryId) => {
      const bundle = this.#editable(id);
      return this.#edit({ ...bundle, entries: bundle.entries.filter((entry) => entry.id !== entryId) });
    },
    removeEntries: async (id, entryIds) => {
      const bundle = this.#bundle(id);
      return this.#edit({ ...bundle, entries: bundle.entries.filter((entry) => !entryIds.includes(entry.id)) });
    },
    moveEntries: async (id, entryIds, after) => {
      const bundle = this.#bundle(id);
      const moving = bundle.entries.filter((entry) => entryIds.includes(entry.id));
      if (moving.length !== new Set(entryIds).size) throw new AppError('not_found', 'entry was not found');
      if (after !== null && entryIds.includes(after)) throw new AppError('invalid', 'after is invalid');
      const entries = bundle.entries.filter((entry) => !entryIds.includes(entry.id));
      const inFront = after === null ? -1 : entries.findIndex((entry) => entry.id === after);
      if (after !== null && inFront < 0) throw new AppError('not_found', `entry ${after} was not found`);
      entries.splice(inFront + 1, 0, ...moving);
      return this.#edit({ ...bundle, entries });
    },
    copyEntries: async (id, entryIds, to) => this.#copy(id, entryIds, to),
    moveEntriesTo: async (id, entryIds, to) => {
      const added = this.#copy(id, entryIds, to);
      await this.api.removeEntries(id, entryIds);
      return added;
    },
    listFolders: async () => structuredClone(this.folders),
    createFolder: async (name) => {
      if (!name.trim()) throw new AppError('invalid', 'name is invalid: a folder needs a name');
      const folder = { id: this.#id('folder'), name: name.trim() };
      this.folders.push(folder);
      return folder;
    },
    renameFolder: async (folderId, name) => {
      const folder = this.folders.find((candidate) => candidate.id === folderId);
      if (!folder) throw new AppError('not_found', `folder ${folderId} was not found`);
      folder.name = name.trim();
      return { ...folder };
    },
    deleteFolder: async (folderId) => {
      this.folders = this.folders.filter((folder) => folder.id !== folderId);
      for (const bundle of this.bundles.values()) if (bundle.folder === folderId) bundle.folder = null;
      return null;
    },
    moveToFolder: async (id, folderId) => {
      if (folderId && !this.folders.some((folder) => folder.id === folderId)) {
        throw new AppError('not_found', `folder ${folderId} was not found`);
      }
      return this.#edit({ ...this.#bundle(id), folder: folderId });
    },
    setBundleDetails: async (id, description, colour) => {
      if (colour !== null && !/^#[0-9a-f]{6}$/i.test(colour)) throw new AppError('invalid', `colour is invalid: ${colour}`);
      const details = this.#bundle(id).details;
      return this.#edit({ ...this.#bundle(id), details: { ...details, description: description.trim(), colour: colour?.toLowerCase() ?? null } });
    },
    chooseBundleCover: async (id) => {
      if (this.coverAnswer === 'cancel') return null;
      if (this.coverAnswer === 'not-a-picture') {
        throw new AppError('invalid', 'this picture cannot be a cover: it is not a PNG, JPEG or WebP picture', undefined, 'cover');
      }
      const bundle = this.#bundle(id);
      return this.#edit({ ...bundle, details: { ...bundle.details, coverImage: this.#id('cover') } });
    },
    removeBundleCover: async (id) => {
      const bundle = this.#bundle(id);
      return this.#edit({ ...bundle, details: { ...bundle.details, coverImage: undefined } });
    },
    sortBundle: async (id, field) => {
      const bundle = this.#bundle(id);
      const key = (entry: Entry) => (field === 'title' ? entry.item.title : entry.item.creator);
      return this.#edit({ ...bundle, entries: [...bundle.entries].sort((a, b) => key(a).localeCompare(key(b))) });
    },
    undo: async (id) => this.#step(id, true),
    redo: async (id) => this.#step(id, false),
    keepBundle: async (id) => {
      const bundle = this.#bundle(id);
      if (this.policy === 'keep-is-premium' && !this.#premium()) {
        throw new AppError('premium_required', 'keeping a bundle needs Strand Premium', 'keep_bundle');
      }
      return this.#store({ ...bundle, state: 'kept', keptAt: 'now' });
    },
    resumeKeepBundle: async (id) => {
      this.resumedKeeps.push(id);
      return this.api.keepBundle(id);
    },
    deleteBundle: async (id) => {
      this.trash.set(id, this.#bundle(id));
      this.bundles.delete(id);
      return null;
    },
    listTrash: async () =>
      [...this.trash.values()].map(summary),
    restoreBundle: async (id) => {
      const bundle = this.trash.get(id);
      if (!bundle) throw new AppError('not_found', `bundle ${id} was not found`);
      this.trash.delete(id);
      return this.#store(bundle);
    },
    emptyTrash: async () => {
      const count = this.trash.size;
      this.trash.clear();
      return count;
    },
    restorePoints: async () => this.restorePoints,
    restoreLibrary: async (name) => {
      if (!this.restorePoints.some((point) => point.name === name)) {
        throw new AppError('not_found', `restore point ${name} was not found`);
      }
      this.restored.push(name);
      this.health = { problems: [], readOnly: false, restorePoint: null };
      return this.restorePoints;
    },
    checkLibrary: async () => this.health,
    libraryHealth: async () => this.health,
    draftsLeftBehind: async () =>
      this.leftBehind.map((draft) => ({
        id: draft.id,
        name: draft.name,
        entryCount: draft.entries.length,
        createdAt: draft.createdAt,
        lastTime: false,
      })),
    bringBackDrafts: async () => {
      const count = this.leftBehind.length;
      for (const draft of this.leftBehind.splice(0)) this.#store(draft);
      return count;
    },
    letDraftsGo: async () => this.leftBehind.splice(0).length,
    exportBundle: async (id, format, relativePaths) => {
      this.#bundle(id);
      this.exportedAs.push(format);
      this.exportedRelative.push(relativePaths);
      return true;
    },
    exportLibrary: async () => true,
    importPlaylist: async (onProgress) => {
      const items = await this.#importFile(onProgress);
      if (!items) return null;
      const summary = this.#addToLibrary(items);
      let bundle = await this.api.createBundle('Imported');
      for (const imported of items) bundle = await this.api.addEntry(bundle.id, imported.id, true);
      return { bundle, summary, coverLeftOut: null };
    },
    importCatalogue: async (onProgress) => {
      const items = await this.#importFile(onProgress);
      return items && this.#addToLibrary(items);
    },
    importAudioFolder: async (onProgress) => {
      const items = await this.#importFile(onProgress);
      return items && this.#addToLibrary(items);
    },
    importCollection: async (onProgress) => {
      const items = await this.#importFile(onProgress);
      if (!items) return null;
      const summary = this.#addToLibrary(items);
      let first = await this.api.createBundle('Imported library');
      for (const imported of items) first = await this.api.addEntry(first.id, imported.id, true);
      return { summary, drafts: 1, folders: 0, builtIn: 2, missing: 0, first };
    },
    cancelImport: async () => {
      this.#cancelRequested = true;
      return null;
    },
    appReady: async () => undefined,
  };
}
