//! Restore points, as a person meets them: listed in Settings, made before whatever could lose
//! much at once (an import, emptying the trash, a restore) and once a day, and put back whole.
//! A restore is itself reversible: the library as it was becomes a restore point first.

use super::Strand;
use crate::error::Result;
use crate::store;
use crate::store::backups::{RestorePoint, RestoreReason};

impl Strand {
    /// The library's restore points, newest first, with what each holds.
    pub fn restore_points(&self) -> Result<Vec<RestorePoint>> {
        self.store.restore_points()
    }

    /// Makes today's restore point unless one was made today already; answers it if made. The
    /// shell calls it off the main thread once the window is up (a copy of a large library
    /// takes seconds).
    pub fn take_daily_restore_point(&self) -> Result<Option<RestorePoint>> {
        let today = self.clock.system_now().date_naive();
        let taken = self
            .store
            .restore_points()?
            .iter()
            .any(|point| point.taken_at.date_naive() == today);
        if taken {
            return Ok(None);
        }
        self.restore_point(RestoreReason::Daily).map(Some)
    }

    /// Puts the restore point `name` back into the library: kept bundles, items, folders,
    /// trash, licences and history as they were then. This session's drafts stay as they are.
    pub fn restore(&self, name: &str) -> Result<Vec<RestorePoint>> {
        self.store.restore(name, self.clock.system_now())?;
        self.restore_points()
    }

    /// What is wrong with the library — SQLite's `quick_check` and Strand's own invariants —
    /// in plain words; empty when it is sound.
    pub fn check_library(&self) -> Result<Vec<String>> {
        self.store.read(store::library_problems)
    }

    /// Makes a restore point now, for `reason`.
    pub(super) fn restore_point(&self, reason: RestoreReason) -> Result<RestorePoint> {
        self.store
            .take_restore_point(reason, self.clock.system_now())
    }
}
