//! Keeping, the premium act: a draft written whole in one transaction once the gate allows it,
//! and the drafts that would be lost on quitting.

use super::{Strand, lock};
use crate::entitlements::{self, Capability};
use crate::error::{Error, Result};
use crate::funnel::FunnelStep;
use crate::ids::BundleId;
use crate::model::Bundle;
use crate::store;

impl Strand {
    /// Keeps a draft: the premium act. Refused by the gate unless the policy lets the current
    /// tier keep, in which case the draft is written whole in one transaction. Pressing Keep is
    /// one attempt in the funnel; refused for premium, one paywall shown.
    pub fn keep(&self, id: BundleId) -> Result<Bundle> {
        self.keep_counting(id, true)
    }

    /// Completes the keep the paywall interrupted, once a trial, a licence or the demo's upgrade
    /// allows it: the same attempt, so the funnel counts no second one. A draft whose keep was
    /// not refused is kept as [`Strand::keep`] keeps it.
    pub fn resume_keep(&self, id: BundleId) -> Result<Bundle> {
        let resumed = *lock(&self.awaiting_keep) == Some(id);
        self.keep_counting(id, !resumed)
    }

    fn keep_counting(&self, id: BundleId, new_attempt: bool) -> Result<Bundle> {
        let mut drafts = self.drafts();
        let Some(draft) = drafts.get(&id) else {
            return Err(
                match self
                    .store
                    .read(|connection| store::whereabouts(connection, id))?
                {
                    Some(_) => Error::Conflict(say!(
                        "this bundle is already kept",
                        "dieses Bündel ist schon behalten"
                    )),
                    None => self.missing_bundle(id),
                },
            );
        };
        if let Err(refusal) = self.require(Capability::KeepBundle) {
            let for_premium = matches!(refusal, Error::PremiumRequired { .. });
            if new_attempt {
                self.store.write(|tx| {
                    self.record(tx, FunnelStep::KeepAttempted)?;
                    if for_premium {
                        self.record(tx, FunnelStep::PaywallShown)?;
                    }
                    Ok(())
                })?;
            }
            if for_premium {
                *lock(&self.awaiting_keep) = Some(id);
            }
            return Err(refusal);
        }
        // The attempt is recorded with the keep, one commit instead of two; a keep that fails
        // takes its record with it, so the attempt is then recorded alone.
        let kept = self.store.write(|tx| {
            if new_attempt {
                self.record(tx, FunnelStep::KeepAttempted)?;
            }
            store::keep_draft(tx, draft, self.clock.now())?;
            self.record(tx, FunnelStep::Kept)?;
            self.observe_clock(tx)
        });
        if let Err(failure) = kept {
            if new_attempt {
                self.record_alone(FunnelStep::KeepAttempted)?;
            }
            return Err(failure);
        }
        lock(&self.awaiting_keep).take_if(|awaiting| *awaiting == id);
        drafts.remove(&id);
        self.journal.gone(id);
        drop(drafts);
        self.bundle(id)
    }

    /// Whether the policy lets this tier keep every draft now, each after the one before: the
    /// quit dialog then offers to keep them all.
    pub fn can_keep_all(&self) -> Result<bool> {
        let count = self.drafts().len() as u32;
        if count == 0 {
            return Ok(false);
        }
        let kept = self.store.read(store::kept_count)?;
        let policy = self.policy();
        // The last keep is the hardest: it comes after all the others.
        Ok(entitlements::require(
            policy,
            Capability::KeepBundle,
            self.access()?.tier,
            kept + count - 1,
        )
        .is_ok())
    }

    /// Keeps every draft, oldest first, each as [`Strand::keep`] does; returns how many. Stops
    /// at the first that cannot be kept (those before it stay kept).
    pub fn keep_all(&self) -> Result<u32> {
        let mut ids: Vec<_> = self
            .drafts()
            .values()
            .map(|draft| (draft.created_at, draft.id))
            .collect();
        ids.sort();
        for (_, id) in &ids {
            self.keep(*id)?;
        }
        Ok(ids.len() as u32)
    }

    /// The names of drafts that would be lost if Strand quit now.
    pub fn unkept_draft_names(&self) -> Vec<String> {
        self.drafts()
            .values()
            .map(|draft| draft.name.clone())
            .collect()
    }
}
