// An in-memory stand-in for the core, used by the state tests: it keeps bundles the way the core
// does (drafts, keeping gated on the tier) so the state classes are tested against real answers,
// not canned ones.
import { AppError, type Api } from '../api';
import type { Bundle } from '../bindings/Bundle';
import type { Item } from '../bindings/Item';
import type { Tier } from '../bindings/Tier';

export function item(n: number): Item {
  return {
    id: `item-${n}`,
    kind: 'song',
    title: `Song ${n}`,
    creator: 'Tester',
    durationMs: 1000 * n,
    priceCents: null,
    tags: [],
    sourceUri: null,
    colour: '#123456',
  };
}

export class FakeCore {
  bundles = new Map<string, Bundle>();
  items = [item(1), item(2), item(3)];
  tier: Tier = 'free';
  demo = true;
  #nextId = 0;

  #id(prefix: string): string {
    this.#nextId += 1;
    return `${prefix}-${this.#nextId}`;
  }

  #bundle(id: string): Bundle {
    const bundle = this.bundles.get(id);
    if (!bundle) throw new AppError('not_found', `bundle ${id} was not found`);
    return bundle;
  }

  #store(bundle: Bundle): Bundle {
    this.bundles.set(bundle.id, bundle);
    return structuredClone(bundle);
  }

  api: Api = {
    sessionInfo: async () => ({ demo: this.demo, tier: this.tier, policy: 'keep-is-premium' }),
    setDemoTier: async (tier) => {
      this.tier = tier;
      return { demo: this.demo, tier, policy: 'keep-is-premium' };
    },
    listItems: async (offset, limit) => ({ items: this.items.slice(offset, offset + limit), total: this.items.length }),
    listBundles: async () =>
      [...this.bundles.values()].map((b) => ({ id: b.id, name: b.name, state: b.state, entryCount: b.entries.length })),
    getBundle: async (id) => structuredClone(this.#bundle(id)),
    createBundle: async (name) => {
      if (!name.trim()) throw new AppError('invalid', 'name is invalid: a bundle needs a name');
      return this.#store({ id: this.#id('bundle'), name: name.trim(), state: 'draft', createdAt: '', keptAt: null, entries: [] });
    },
    renameBundle: async (id, name) => this.#store({ ...this.#bundle(id), name }),
    addEntry: async (id, itemId) => {
      const found = this.items.find((candidate) => candidate.id === itemId);
      if (!found) throw new AppError('not_found', `item ${itemId} was not found`);
      const bundle = this.#bundle(id);
      return this.#store({ ...bundle, entries: [...bundle.entries, { id: this.#id('entry'), item: found }] });
    },
    removeEntry: async (id, entryId) => {
      const bundle = this.#bundle(id);
      return this.#store({ ...bundle, entries: bundle.entries.filter((entry) => entry.id !== entryId) });
    },
    moveEntry: async (id, entryId, toIndex) => {
      const bundle = this.#bundle(id);
      const entries = bundle.entries.filter((entry) => entry.id !== entryId);
      const moved = bundle.entries.find((entry) => entry.id === entryId);
      if (!moved) throw new AppError('not_found', `entry ${entryId} was not found`);
      entries.splice(toIndex, 0, moved);
      return this.#store({ ...bundle, entries });
    },
    keepBundle: async (id) => {
      const bundle = this.#bundle(id);
      if (this.tier !== 'premium') throw new AppError('premium_required', 'keeping a bundle needs Strand Premium');
      return this.#store({ ...bundle, state: 'kept', keptAt: 'now' });
    },
    appReady: async () => undefined,
  };
}
