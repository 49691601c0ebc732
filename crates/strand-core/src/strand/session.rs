//! The session as the UI sees it, and the premium gate: the tier derived from the stored facts
//! on every check, the policy in force, the trial, licence activation, and the local funnel.

use rusqlite::Connection;

use super::{MAX_TIME_TRAVEL_DAYS, Strand};
use crate::access::{self, AccessInfo, Facts};
use crate::entitlements::{self, Capability, PlanRow, Policy, Rule, Tier};
use crate::error::{Error, Result};
use crate::funnel::{self, FunnelCount, FunnelStep};
use crate::licence;
use crate::model::SessionInfo;
use crate::store;

impl Strand {
    /// What the UI needs to know about this session, derived now.
    pub fn session(&self) -> Result<SessionInfo> {
        Ok(SessionInfo {
            demo: self.demo.is_some(),
            policy: self.policy(),
            access: self.access()?,
            tier_overridden: self.demo_controls().is_some_and(|demo| demo.tier.is_some()),
            now: self.clock.now(),
            time_travel_days: self
                .clock
                .offset()
                .num_days()
                .clamp(0, MAX_TIME_TRAVEL_DAYS) as u32,
            funnel_opt_in: self.store.read(store::funnel_opt_in)?,
        })
    }

    /// The tier and what it rests on, derived from the stored facts now.
    pub fn access(&self) -> Result<AccessInfo> {
        let facts = self.store.read(|connection| {
            Ok(Facts {
                licence_tokens: store::licence_tokens(connection)?,
                trial_started: store::trial_started(connection)?,
                evidence: store::latest_evidence(connection)?,
            })
        })?;
        let mut access = access::derive(
            &facts,
            self.licence_key.as_ref(),
            self.clock.now(),
            self.clock.system_now(),
        );
        if let Some(tier) = self.demo_controls().and_then(|demo| demo.tier) {
            access.tier = tier;
        }
        Ok(access)
    }

    /// The policy in force: the founding one, or the preset a demo switched to.
    pub fn policy(&self) -> Policy {
        self.demo_controls()
            .map(|demo| demo.policy)
            .unwrap_or_default()
    }

    /// The plan map of the policy in force.
    pub fn plan_map(&self) -> Vec<PlanRow> {
        self.policy().plan_map()
    }

    /// The premium gate: refuses with [`Error::PremiumRequired`] unless the policy lets the
    /// current tier use `capability`.
    pub fn require(&self, capability: Capability) -> Result<()> {
        let policy = self.policy();
        let rule = policy.rule(capability);
        let kept = match rule {
            Rule::Free => return Ok(()),
            Rule::Premium => 0,
            Rule::FreeUpTo { .. } => self.store.read(store::kept_count)?,
        };
        if rule.allows(Tier::Free, kept) {
            return Ok(());
        }
        entitlements::require(policy, capability, self.access()?.tier, kept)
    }

    /// Starts the one-time 14-day trial.
    pub fn start_trial(&self) -> Result<SessionInfo> {
        let access = self.access()?;
        if !access.trial.available {
            return Err(Error::Conflict(
                if access
                    .licence
                    .as_ref()
                    .is_some_and(|licence| licence.active)
                {
                    say!(
                        "your licence already gives you Premium, so the free trial stays for later",
                        "deine Lizenz gibt dir schon Premium, darum bleibt die kostenlose \
                         Testphase für später"
                    )
                } else {
                    say!(
                        "the free trial has already been used on this computer",
                        "die kostenlose Testphase wurde auf diesem Computer schon genutzt"
                    )
                },
            ));
        }
        self.store.write(|tx| {
            store::start_trial(tx, self.clock.now())?;
            self.record(tx, FunnelStep::TrialStarted)?;
            self.observe_clock(tx)
        })?;
        self.session()
    }

    /// Verifies a licence key offline and, if it is valid now, stores it.
    pub fn activate_licence(&self, token: &str) -> Result<SessionInfo> {
        let key = self.licence_key.as_ref().ok_or_else(|| {
            Error::Conflict(say!(
                "this build of Strand has no valid licence key compiled in",
                "in diese Strand-Version ist kein gültiger Lizenzschlüssel eingebaut"
            ))
        })?;
        // Judged at the latest time the library has seen, as access is: a clock set back does
        // not make an expired licence valid again.
        let evidence = self.store.read(store::latest_evidence)?;
        let payload = licence::verify(token, key, access::judged_at(self.clock.now(), evidence))?;
        self.store.write(|tx| {
            store::insert_licence(
                tx,
                &payload.licence_id.to_string(),
                token.trim(),
                self.clock.now(),
            )?;
            self.record(tx, FunnelStep::LicenceActivated)?;
            self.observe_clock(tx)
        })?;
        self.session()
    }

    /// Turns local funnel recording on or off (outside demo mode it is off until the person agrees).
    pub fn set_funnel_opt_in(&self, opted_in: bool) -> Result<SessionInfo> {
        self.store
            .write(|tx| store::set_funnel_opt_in(tx, opted_in))?;
        self.session()
    }

    /// How often each funnel step happened.
    pub fn funnel(&self) -> Result<Vec<FunnelCount>> {
        self.store.read(store::funnel_counts)
    }

    /// The funnel as CSV.
    pub fn funnel_csv(&self) -> Result<String> {
        Ok(funnel::to_csv(&self.funnel()?))
    }

    /// Records a funnel step inside the caller's transaction, if recording is allowed.
    pub(super) fn record(&self, connection: &Connection, step: FunnelStep) -> Result<()> {
        if self.demo.is_some() || store::funnel_opt_in(connection)? {
            store::record_funnel(connection, step, self.clock.now())?;
        }
        Ok(())
    }

    /// Records a funnel step in its own transaction; writes nothing when recording is off.
    pub(super) fn record_alone(&self, step: FunnelStep) -> Result<()> {
        if self.demo.is_some() || self.store.read(store::funnel_opt_in)? {
            self.store
                .write(|tx| store::record_funnel(tx, step, self.clock.now()))?;
        }
        Ok(())
    }
}
