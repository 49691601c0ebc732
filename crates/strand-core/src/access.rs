//! Derives a person's access from verified facts on every check: activated licence tokens (each
//! verified again, signature and dates) and the one-time trial, judged at the latest time the
//! library has evidence of — the clock, or a later time Strand saw or wrote on kept data — so a
//! clock set back gains nothing, and a clock that was once fast costs a valid licence nothing.
//! There is no stored tier to edit.

use chrono::{DateTime, Duration, Utc};
use ed25519_dalek::VerifyingKey;
use serde::Serialize;
use ts_rs::TS;

use crate::entitlements::Tier;
use crate::licence::{self, LicencePayload};

/// How long the one-time trial lasts.
pub const TRIAL_DAYS: i64 = 14;

/// How far the system clock may drift back (NTP corrections, DST bugs) before it counts as set back.
pub const CLOCK_TOLERANCE_MINUTES: i64 = 5;

/// The licence Strand shows in Settings.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LicenceInfo {
    /// Who it is licensed to.
    pub licensee: String,
    /// The plan.
    pub plan: String,
    /// When it ends, if ever.
    pub expires_at: Option<DateTime<Utc>>,
    /// Whether it is valid now.
    pub active: bool,
}

/// The trial as Settings shows it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrialInfo {
    /// Whether the trial can be started: once, and not while a licence gives premium.
    pub available: bool,
    /// When it ends, once started.
    pub ends_at: Option<DateTime<Utc>>,
    /// Whole days left, rounded up; 0 once over.
    pub days_left: u32,
    /// How long a trial lasts.
    pub total_days: u32,
}

/// Everything the UI shows about access, derived now.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AccessInfo {
    /// The tier.
    pub tier: Tier,
    /// The system clock is behind the latest time the library has evidence of; access is judged
    /// at that later time.
    pub clock_behind: bool,
    /// The latest time the library has evidence of.
    pub last_seen: Option<DateTime<Utc>>,
    /// The best licence activated here, if any.
    pub licence: Option<LicenceInfo>,
    /// The trial.
    pub trial: TrialInfo,
}

/// The stored facts access is derived from.
#[derive(Debug, Default)]
pub(crate) struct Facts {
    pub licence_tokens: Vec<String>,
    pub trial_started: Option<DateTime<Utc>>,
    /// The latest time the library has evidence of (see `store::latest_evidence`).
    pub evidence: Option<DateTime<Utc>>,
}

/// When validity is judged: Strand's time now, or the latest time the library has evidence of
/// if that is later.
pub(crate) fn judged_at(now: DateTime<Utc>, evidence: Option<DateTime<Utc>>) -> DateTime<Utc> {
    evidence.map_or(now, |evidence| evidence.max(now))
}

/// Derives access at Strand time `now` (demo time travel included) and system time `system_now`.
pub(crate) fn derive(
    facts: &Facts,
    key: Option<&VerifyingKey>,
    now: DateTime<Utc>,
    system_now: DateTime<Utc>,
) -> AccessInfo {
    let now = judged_at(now, facts.evidence);
    // Tokens whose signature still verifies; anything edited in the database falls out here.
    let genuine: Vec<(LicencePayload, bool)> = key
        .map(|key| {
            facts
                .licence_tokens
                .iter()
                .filter_map(|token| {
                    let payload = licence::verify_signature(token, key).ok()?;
                    let active = licence::verify(token, key, now).is_ok();
                    Some((payload, active))
                })
                .collect()
        })
        .unwrap_or_default();
    let best = genuine.iter().max_by_key(|(payload, active)| {
        (*active, payload.expires_at.is_none(), payload.expires_at)
    });
    let trial_end = facts
        .trial_started
        .map(|started| started + Duration::days(TRIAL_DAYS));
    let trial_active = matches!((facts.trial_started, trial_end), (Some(start), Some(end)) if start <= now && now < end);

    let licensed = best.is_some_and(|(_, active)| *active);
    let tier = if licensed {
        Tier::Premium
    } else if trial_active {
        Tier::Trial
    } else if best.is_some() || facts.trial_started.is_some() {
        Tier::Lapsed
    } else {
        Tier::Free
    };
    let days_left = trial_end
        .filter(|_| trial_active)
        .map(|end| ((end - now).num_seconds() + 86_399) / 86_400)
        .unwrap_or(0);
    AccessInfo {
        tier,
        clock_behind: facts
            .evidence
            .is_some_and(|seen| system_now < seen - Duration::minutes(CLOCK_TOLERANCE_MINUTES)),
        last_seen: facts.evidence,
        licence: best.map(|(payload, active)| LicenceInfo {
            licensee: payload.licensee.clone(),
            plan: payload.plan.clone(),
            expires_at: payload.expires_at,
            active: *active,
        }),
        trial: TrialInfo {
            // Kept for later while a licence gives premium: a trial then would only use it up.
            available: facts.trial_started.is_none() && !licensed,
            ends_at: trial_end,
            days_left: days_left.clamp(0, TRIAL_DAYS) as u32,
            total_days: TRIAL_DAYS as u32,
        },
    }
}

#[cfg(test)]
mod tests {
    use ed25519_dalek::SigningKey;
    use uuid::Uuid;

    use super::*;

    fn signing() -> SigningKey {
        SigningKey::from_bytes(&[3; 32])
    }

    fn token(issued: DateTime<Utc>, expires: Option<DateTime<Utc>>) -> String {
        let payload = LicencePayload {
            licence_id: Uuid::now_v7(),
            licensee: "Ada".into(),
            plan: "premium".into(),
            issued_at: issued,
            expires_at: expires,
        };
        licence::issue(&payload, &signing())
    }

    fn access(facts: &Facts, now: DateTime<Utc>) -> AccessInfo {
        derive(facts, Some(&signing().verifying_key()), now, now)
    }

    #[test]
    fn nobody_is_free() {
        let info = access(&Facts::default(), Utc::now());
        assert_eq!(info.tier, Tier::Free);
        assert!(info.trial.available);
    }

    #[test]
    fn a_started_trial_is_premium_for_fourteen_days_then_lapses() {
        let start = Utc::now();
        let facts = Facts {
            trial_started: Some(start),
            ..Facts::default()
        };
        let day_one = access(&facts, start + Duration::hours(1));
        assert_eq!(
            (
                day_one.tier,
                day_one.trial.days_left,
                day_one.trial.available
            ),
            (Tier::Trial, 14, false)
        );
        assert_eq!(
            access(&facts, start + Duration::days(13)).trial.days_left,
            1
        );
        let after = access(&facts, start + Duration::days(TRIAL_DAYS));
        assert_eq!((after.tier, after.trial.days_left), (Tier::Lapsed, 0));
    }

    #[test]
    fn a_valid_licence_is_premium_and_an_expired_one_is_lapsed() {
        let now = Utc::now();
        let valid = Facts {
            licence_tokens: vec![token(now - Duration::days(1), None)],
            ..Facts::default()
        };
        assert_eq!(access(&valid, now).tier, Tier::Premium);
        let expired = Facts {
            licence_tokens: vec![token(
                now - Duration::days(10),
                Some(now - Duration::days(1)),
            )],
            ..Facts::default()
        };
        let info = access(&expired, now);
        assert_eq!(info.tier, Tier::Lapsed);
        assert_eq!(info.licence.map(|licence| licence.active), Some(false));
    }

    #[test]
    fn a_token_edited_in_the_database_counts_for_nothing() {
        let now = Utc::now();
        let mut forged = token(now - Duration::days(1), None);
        forged.insert(10, 'x');
        let facts = Facts {
            licence_tokens: vec![forged, "premium".into()],
            ..Facts::default()
        };
        assert_eq!(access(&facts, now).tier, Tier::Free);
    }

    #[test]
    fn a_system_clock_set_back_behind_the_last_time_seen_is_noticed_within_tolerance() {
        let now = Utc::now();
        let facts = Facts {
            evidence: Some(now),
            ..Facts::default()
        };
        let key = signing().verifying_key();
        assert!(!derive(&facts, Some(&key), now, now - Duration::minutes(1)).clock_behind);
        assert!(derive(&facts, Some(&key), now, now - Duration::hours(2)).clock_behind);
    }

    #[test]
    fn a_trial_is_judged_at_the_latest_evidence_when_the_clock_is_earlier() {
        let start = Utc::now();
        let facts = Facts {
            trial_started: Some(start),
            evidence: Some(start + Duration::days(TRIAL_DAYS + 1)),
            ..Facts::default()
        };
        let set_back = start + Duration::days(1);
        let info = derive(&facts, None, set_back, set_back);
        assert_eq!((info.tier, info.clock_behind), (Tier::Lapsed, true));
    }
}
