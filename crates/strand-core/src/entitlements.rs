//! The premium gate. Every path that writes kept data asks [`Entitlements::require`] first, and
//! the tier it checks against is derived on each call from facts (today: demo mode and the tier
//! a product team chose in it), never from a stored "premium" flag a user could edit.

use std::fmt;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// What a person's access is right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Anyone: may build drafts, read and export what they kept.
    Free,
    /// Paid: may keep bundles and edit kept ones.
    Premium,
}

/// Something the policy may reserve for premium.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    /// Making a draft durable.
    KeepBundle,
    /// Changing a bundle that is already kept (its name, entries or order).
    EditKeptBundle,
}

impl fmt::Display for Capability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Capability::KeepBundle => "keeping a bundle",
            Capability::EditKeptBundle => "editing a kept bundle",
        })
    }
}

/// Which capabilities are premium. Strand's founding policy: building is free, keeping (and so
/// changing what was kept) is the premium act.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Policy {
    /// Keeping a bundle, and editing a kept one, needs premium.
    #[default]
    KeepIsPremium,
}

impl Policy {
    /// Whether this policy reserves `capability` for premium.
    pub fn is_premium(self, capability: Capability) -> bool {
        match self {
            Policy::KeepIsPremium => matches!(
                capability,
                Capability::KeepBundle | Capability::EditKeptBundle
            ),
        }
    }
}

/// Decides, on each call, whether the person may use a capability.
#[derive(Debug)]
pub struct Entitlements {
    policy: Policy,
    /// `Some` only in demo mode: the tier a product team switched to for this session.
    demo_tier: Option<Mutex<Tier>>,
}

impl Entitlements {
    /// Entitlements for a normal run (`demo == false`) or a demo session, which starts free.
    pub fn new(demo: bool) -> Self {
        Entitlements {
            policy: Policy::default(),
            demo_tier: demo.then(|| Mutex::new(Tier::Free)),
        }
    }

    /// Whether this session runs in demo mode.
    pub fn is_demo(&self) -> bool {
        self.demo_tier.is_some()
    }

    /// The policy in force.
    pub fn policy(&self) -> Policy {
        self.policy
    }

    /// The tier derived from the facts available now.
    pub fn tier(&self) -> Tier {
        match &self.demo_tier {
            Some(tier) => *tier.lock().unwrap_or_else(|poisoned| poisoned.into_inner()),
            // Licences and trials arrive with the premium issue; until then a normal run is free.
            None => Tier::Free,
        }
    }

    /// Refuses with [`Error::PremiumRequired`] when the policy reserves `capability` for
    /// premium and the person is not premium now.
    pub fn require(&self, capability: Capability) -> Result<()> {
        if self.policy.is_premium(capability) && self.tier() != Tier::Premium {
            return Err(Error::PremiumRequired { capability });
        }
        Ok(())
    }

    /// Switches the tier for this demo session; refused outside demo mode.
    pub fn set_demo_tier(&self, tier: Tier) -> Result<()> {
        let Some(demo_tier) = &self.demo_tier else {
            return Err(Error::Forbidden(
                "the tier can only be switched in demo mode (--demo or STRAND_DEMO=1)".into(),
            ));
        };
        *demo_tier
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = tier;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_free_user_is_refused_keeping_under_the_founding_policy() {
        let entitlements = Entitlements::new(false);
        assert!(matches!(
            entitlements.require(Capability::KeepBundle),
            Err(Error::PremiumRequired {
                capability: Capability::KeepBundle
            })
        ));
    }

    #[test]
    fn switching_to_premium_in_demo_mode_lets_keeping_through() {
        let entitlements = Entitlements::new(true);
        entitlements
            .set_demo_tier(Tier::Premium)
            .expect("demo may switch");
        assert_eq!(entitlements.tier(), Tier::Premium);
        assert!(entitlements.require(Capability::KeepBundle).is_ok());
    }

    #[test]
    fn the_tier_cannot_be_switched_outside_demo_mode() {
        let entitlements = Entitlements::new(false);
        assert!(matches!(
            entitlements.set_demo_tier(Tier::Premium),
            Err(Error::Forbidden(_))
        ));
        assert_eq!(entitlements.tier(), Tier::Free);
    }
}
