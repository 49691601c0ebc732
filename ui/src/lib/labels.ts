// Words for the enums that cross from the core: one place, so every panel names things alike.
import type { Capability } from './bindings/Capability';
import type { FunnelStep } from './bindings/FunnelStep';
import type { Policy } from './bindings/Policy';
import type { Rule } from './bindings/Rule';
import type { Tier } from './bindings/Tier';
import { t, type MessageKey } from './i18n';

const TIERS: Record<Tier, MessageKey> = { free: 'tierFree', trial: 'tierTrial', premium: 'tierPremium', lapsed: 'tierLapsed' };
const POLICIES: Record<Policy, MessageKey> = {
  'keep-is-premium': 'policyKeepIsPremium',
  'three-free': 'policyThreeFree',
  'edit-is-premium': 'policyEditIsPremium',
  'all-free': 'policyAllFree',
};
const CAPABILITIES: Record<Capability, MessageKey> = {
  build_draft: 'capBuildDraft',
  read_kept_bundle: 'capReadKeptBundle',
  keep_bundle: 'capKeepBundle',
  edit_kept_bundle: 'capEditKeptBundle',
};
const STEPS: Record<FunnelStep, MessageKey> = {
  draft_started: 'stepDraftStarted',
  keep_attempted: 'stepKeepAttempted',
  paywall_shown: 'stepPaywallShown',
  trial_started: 'stepTrialStarted',
  licence_activated: 'stepLicenceActivated',
  demo_upgraded: 'stepDemoUpgraded',
  kept: 'stepKept',
};

export const TIER_CHOICES = Object.keys(TIERS) as Tier[];
export const POLICY_CHOICES = Object.keys(POLICIES) as Policy[];

export const tierLabel = (tier: Tier): string => t(TIERS[tier]);
export const policyLabel = (policy: Policy): string => t(POLICIES[policy]);
export const capabilityLabel = (capability: Capability): string => t(CAPABILITIES[capability]);
export const stepLabel = (step: FunnelStep): string => t(STEPS[step]);

export function ruleLabel(rule: Rule): string {
  switch (rule.kind) {
    case 'free':
      return t('ruleFree');
    case 'premium':
      return t('rulePremium');
    case 'freeUpTo':
      return t('ruleFreeUpTo', { limit: rule.limit });
  }
}

/** A date with its time of day, for things made several times a day (restore points). */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(iso));
}
