//! The premium model as data: which capabilities each policy reserves for premium, what each tier
//! may do, and the plan map generated from the very same rules — so what a product team shows a
//! customer cannot drift from what the core enforces.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// What a person's access is right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Never had premium: may build drafts, read and export what they kept.
    Free,
    /// In the one-time 14-day trial: premium.
    Trial,
    /// Holds a valid licence: premium.
    Premium,
    /// Had a trial or licence that has ended: free again, and nothing was lost.
    Lapsed,
}

impl Tier {
    /// Whether this tier gets what the policy reserves for premium.
    pub fn is_premium(self) -> bool {
        matches!(self, Tier::Trial | Tier::Premium)
    }
}

/// Something a policy may reserve for premium.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    /// Building a draft and threading items onto it.
    BuildDraft,
    /// Reading and exporting kept bundles — a person's data is theirs, on every tier.
    ReadKeptBundle,
    /// Making a draft durable.
    KeepBundle,
    /// Changing a bundle that is already kept (its name, entries or order).
    EditKeptBundle,
}

impl Capability {
    /// Every capability, in the order the plan map lists them.
    pub const ALL: [Capability; 4] = [
        Capability::BuildDraft,
        Capability::ReadKeptBundle,
        Capability::KeepBundle,
        Capability::EditKeptBundle,
    ];
}

impl fmt::Display for Capability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Capability::BuildDraft => say!("building a draft", "Einen Entwurf bauen"),
            Capability::ReadKeptBundle => {
                say!("reading a kept bundle", "Ein behaltenes Bündel lesen")
            }
            Capability::KeepBundle => say!("keeping a bundle", "Ein Bündel behalten"),
            Capability::EditKeptBundle => {
                say!("editing a kept bundle", "Ein behaltenes Bündel ändern")
            }
        })
    }
}

/// How a policy treats one capability.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Rule {
    /// Everyone may.
    Free,
    /// Only premium tiers may.
    Premium,
    /// Everyone may while fewer than `limit` bundles are kept; beyond that, premium only.
    FreeUpTo {
        /// How many kept bundles are free.
        limit: u32,
    },
}

/// A freemium model: which capabilities are premium. Demo mode switches between these presets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Policy {
    /// The founding story: keeping (and so editing what was kept) is premium.
    #[default]
    KeepIsPremium,
    /// Up to three kept bundles are free; more need premium.
    ThreeFree,
    /// Keeping is free; editing a kept bundle is premium.
    EditIsPremium,
    /// Nothing is premium: the control group.
    AllFree,
}

impl Policy {
    /// Every preset, in the order the demo panel lists them.
    pub const ALL: [Policy; 4] = [
        Policy::KeepIsPremium,
        Policy::ThreeFree,
        Policy::EditIsPremium,
        Policy::AllFree,
    ];

    /// How this policy treats `capability`.
    pub fn rule(self, capability: Capability) -> Rule {
        use Capability::*;
        match (self, capability) {
            (_, BuildDraft | ReadKeptBundle) | (Policy::AllFree, _) => Rule::Free,
            (Policy::KeepIsPremium, KeepBundle | EditKeptBundle) => Rule::Premium,
            (Policy::ThreeFree, KeepBundle) => Rule::FreeUpTo { limit: 3 },
            (Policy::ThreeFree, EditKeptBundle) => Rule::Free,
            (Policy::EditIsPremium, KeepBundle) => Rule::Free,
            (Policy::EditIsPremium, EditKeptBundle) => Rule::Premium,
        }
    }

    /// The plan map: every capability with its rule under this policy.
    pub fn plan_map(self) -> Vec<PlanRow> {
        Capability::ALL
            .into_iter()
            .map(|capability| PlanRow {
                capability,
                rule: self.rule(capability),
            })
            .collect()
    }
}

/// One line of the plan map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanRow {
    /// What.
    pub capability: Capability,
    /// Free, premium, or free up to a limit.
    pub rule: Rule,
}

impl Rule {
    /// Whether a person on `tier` with `kept` bundles kept may use the capability.
    pub fn allows(self, tier: Tier, kept: u32) -> bool {
        match self {
            Rule::Free => true,
            Rule::Premium => tier.is_premium(),
            Rule::FreeUpTo { limit } => kept < limit || tier.is_premium(),
        }
    }
}

/// The gate: refuses with [`Error::PremiumRequired`] when `policy` does not let `tier` (with
/// `kept` bundles kept) use `capability`.
pub fn require(policy: Policy, capability: Capability, tier: Tier, kept: u32) -> Result<()> {
    if policy.rule(capability).allows(tier, kept) {
        Ok(())
    } else {
        Err(Error::PremiumRequired { capability })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn under_the_founding_policy_free_users_may_build_but_not_keep() {
        let policy = Policy::KeepIsPremium;
        assert!(require(policy, Capability::BuildDraft, Tier::Free, 0).is_ok());
        assert!(matches!(
            require(policy, Capability::KeepBundle, Tier::Free, 0),
            Err(Error::PremiumRequired {
                capability: Capability::KeepBundle
            })
        ));
        assert!(require(policy, Capability::KeepBundle, Tier::Trial, 0).is_ok());
    }

    #[test]
    fn three_free_lets_a_free_user_keep_three_bundles_and_no_more() {
        let policy = Policy::ThreeFree;
        assert!(require(policy, Capability::KeepBundle, Tier::Free, 2).is_ok());
        assert!(require(policy, Capability::KeepBundle, Tier::Free, 3).is_err());
        assert!(require(policy, Capability::KeepBundle, Tier::Premium, 3).is_ok());
    }

    #[test]
    fn reading_kept_bundles_is_free_under_every_policy_and_tier() {
        for policy in Policy::ALL {
            for tier in [Tier::Free, Tier::Trial, Tier::Premium, Tier::Lapsed] {
                assert!(require(policy, Capability::ReadKeptBundle, tier, 99).is_ok());
            }
        }
    }

    #[test]
    fn a_lapsed_user_is_treated_like_a_free_one() {
        for policy in Policy::ALL {
            for capability in Capability::ALL {
                for kept in 0..5 {
                    assert_eq!(
                        require(policy, capability, Tier::Lapsed, kept).is_ok(),
                        require(policy, capability, Tier::Free, kept).is_ok()
                    );
                }
            }
        }
    }
}
