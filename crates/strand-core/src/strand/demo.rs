//! The demo controls product teams switch: a tier override, a policy preset, time travel and a
//! reset. Each refuses with `forbidden` outside demo mode, whose library is its own.

use std::sync::MutexGuard;

use chrono::Duration;

use super::{DemoControls, MAX_TIME_TRAVEL_DAYS, Strand, lock};
use crate::entitlements::{Policy, Tier};
use crate::error::{Error, Result};
use crate::funnel::FunnelStep;
use crate::model::SessionInfo;
use crate::store;

impl Strand {
    /// Overrides the tier for this demo session (`None`: derive it from licence and trial again).
    /// Switching to Trial or Premium is the demo's stand-in for paying: a funnel step of its
    /// own, so a keep it allows does not seem to come from nowhere.
    pub fn set_demo_tier(&self, tier: Option<Tier>) -> Result<SessionInfo> {
        let paying = |tier: Tier| matches!(tier, Tier::Premium | Tier::Trial);
        let was = self.access()?.tier;
        self.demo_controls_mut()?.tier = tier;
        if !paying(was) && paying(self.access()?.tier) {
            self.record_alone(FunnelStep::DemoUpgraded)?;
        }
        self.session()
    }

    /// Switches the policy preset for this demo session.
    pub fn set_demo_policy(&self, policy: Policy) -> Result<SessionInfo> {
        self.demo_controls_mut()?.policy = policy;
        self.session()
    }

    /// Moves Strand's clock `days` ahead of the system's (0 returns to now).
    pub fn time_travel(&self, days: i64) -> Result<SessionInfo> {
        drop(self.demo_controls_mut()?); // only a demo may travel
        if !(0..=MAX_TIME_TRAVEL_DAYS).contains(&days) {
            return Err(Error::invalid(
                "days",
                say!(
                    "travel 0 to {MAX_TIME_TRAVEL_DAYS} days ahead",
                    "reise 0 bis {MAX_TIME_TRAVEL_DAYS} Tage voraus"
                ),
            ));
        }
        self.clock.set_offset(Duration::days(days));
        self.session()
    }

    /// Starts the demo afresh: an empty library with the demo catalogue, no licences, trial,
    /// funnel or drafts, the founding policy, and the present time.
    pub fn reset_demo(&self) -> Result<SessionInfo> {
        let mut drafts = self.drafts();
        *self.demo_controls_mut()? = DemoControls::default();
        self.clock.set_offset(Duration::zero());
        self.store.write(|tx| {
            store::wipe(tx)?;
            self.initialise(tx)?;
            self.observe_clock(tx)
        })?;
        drafts.clear();
        lock(&self.trashed_drafts).clear();
        lock(&self.left_behind).clear();
        lock(&self.last_removal).take();
        lock(&self.awaiting_keep).take();
        self.journal.clear();
        drop(drafts);
        self.session()
    }

    pub(super) fn demo_controls(&self) -> Option<MutexGuard<'_, DemoControls>> {
        self.demo
            .as_ref()
            .map(|demo| demo.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    fn demo_controls_mut(&self) -> Result<MutexGuard<'_, DemoControls>> {
        self.demo_controls().ok_or_else(|| {
            Error::Forbidden(say!(
                "demo controls only work in demo mode (--demo or STRAND_DEMO=1)",
                "die Demo-Steuerung wirkt nur im Demomodus (--demo oder STRAND_DEMO=1)"
            ))
        })
    }
}
