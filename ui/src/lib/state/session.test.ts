import { describe, expect, it } from 'vitest';
import { FakeCore } from '../../test/fake-core';
import { SessionState } from './session.svelte';

describe('SessionState', () => {
  it('loads the session, plan map and funnel in demo mode and switches tiers', async () => {
    const core = new FakeCore();
    const session = new SessionState(core.api);
    await session.load();
    expect(session.demo).toBe(true);
    expect(session.tier).toBe('free');
    expect(session.planMap.map((row) => row.capability)).toContain('keep_bundle');
    await session.setTier('premium');
    expect(session.tier).toBe('premium');
    expect(session.isPremium).toBe(true);
    await session.setTier(null);
    expect(session.tier).toBe('free');
  });

  it('starts the trial once and shows the refusal the second time', async () => {
    const session = new SessionState(new FakeCore().api);
    await session.load();
    expect(await session.startTrial()).toBe(true);
    expect(session.tier).toBe('trial');
    expect(session.info?.access.trial.daysLeft).toBe(14);
    expect(await session.startTrial()).toBe(false);
    expect(session.error?.code).toBe('conflict');
    expect(session.tier).toBe('trial');
  });

  it('lapses when time travels past the trial and refreshes the plan map with the policy', async () => {
    const session = new SessionState(new FakeCore().api);
    await session.load();
    await session.startTrial();
    await session.travel(15);
    expect(session.tier).toBe('lapsed');
    await session.setPolicy('all-free');
    expect(session.planMap.find((row) => row.capability === 'keep_bundle')?.rule.kind).toBe('free');
  });

  it('keeps a refused licence key out and says why', async () => {
    const session = new SessionState(new FakeCore().api);
    await session.load();
    expect(await session.activateLicence('STRAND1.forged')).toBe(false);
    // Said under the key's field, not as a page-wide error behind Settings.
    expect(session.licenceError?.message).toContain('not genuine');
    expect(session.error).toBeNull();
    expect(session.tier).toBe('free');
    expect(await session.activateLicence('STRAND1.valid')).toBe(true);
    expect(session.licenceError).toBeNull();
    expect(session.info?.access.licence?.licensee).toBe('Ada');
  });

  it('treats a cancelled licence file dialog as nothing happening', async () => {
    const session = new SessionState(new FakeCore().api);
    await session.load();
    expect(await session.activateLicenceFile()).toBe(false);
    expect(session.error).toBeNull();
  });

  it('refuses demo controls outside demo mode', async () => {
    const core = new FakeCore();
    core.demo = false;
    const session = new SessionState(core.api);
    await session.load();
    expect(await session.travel(15)).toBe(false);
    expect(session.error?.code).toBe('forbidden');
  });

  it('tells once that the trial ended, when it happens, and remembers it was told', async () => {
    const core = new FakeCore();
    const stored = new Map<string, string>();
    const storage = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    } as unknown as Storage;
    const session = new SessionState(core.api, storage);
    await session.load();
    expect(await session.startTrial()).toBe(true);
    expect(session.trialEnded).toBeNull();

    expect(await session.travel(15)).toBe(true);
    expect(session.tier).toBe('lapsed');
    expect(session.trialEnded).not.toBeNull();
    session.acknowledgeTrialEnd();
    expect(session.trialEnded).toBeNull();

    const nextStart = new SessionState(core.api, storage);
    await nextStart.load();
    expect(nextStart.trialEnded).toBeNull();
  });
});
