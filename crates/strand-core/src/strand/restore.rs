//! Restore points, as a person meets them: listed in Settings, made before whatever could lose
//! much at once (an import, emptying the trash, a restore) and once a day, and put back whole.
//! A restore is itself reversible: the library as it was becomes a restore point first, or, if
//! it is damaged, is set aside whole. And the library check that says when one is needed.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::Strand;
use crate::clock::{SystemTime, TimeSource};
use crate::error::{Error, Result};
use crate::store::backups::{RestorePoint, RestoreReason};
use crate::store::{self, backups};

/// What is wrong with the library, as the window shows it at start.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryHealth {
    /// Each problem in plain words; none when the library is sound.
    pub problems: Vec<String>,
    /// Whether the file is damaged, so Strand reads what it can and writes nothing.
    pub read_only: bool,
    /// The newest restore point that is itself sound, offered when there are problems.
    pub restore_point: Option<RestorePoint>,
}

impl Strand {
    /// The restore point to offer in place of the library at `path`, which `refusal` kept from
    /// opening: for a damaged file (or one that is no library at all) the newest sound one
    /// beside it; for any other refusal (a newer Strand's library, a folder Strand cannot
    /// write) none, as putting one back would not help.
    pub fn restore_point_instead(path: &Path, refusal: &Error) -> Result<Option<RestorePoint>> {
        match refusal {
            Error::Damaged | Error::NotALibrary(_) => {
                backups::newest_sound(&backups::folder_of(path))
            }
            _ => Ok(None),
        }
    }

    /// Sets the library at `path`, which would not open, aside whole in `damaged/` beside it,
    /// and puts its restore point `name` in its place, to be opened next.
    pub fn restore_in_place_of(path: &Path, name: &str) -> Result<()> {
        store::replace_unopened(path, name, SystemTime.now())
    }

    /// The library's restore points, newest first, with what each holds.
    pub fn restore_points(&self) -> Result<Vec<RestorePoint>> {
        self.store.restore_points()
    }

    /// Makes today's restore point unless one was made today already; answers it if made.
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

    /// Checks the library — SQLite's `quick_check` and Strand's own invariants — and says what
    /// is wrong. A damaged file makes the library read-only until a restore point is put back.
    pub fn check_library(&self) -> Result<LibraryHealth> {
        self.health(self.store.check()?.problems())
    }

    /// The check at start: the library check, then, if the file is sound, today's restore
    /// point (one of a damaged file would only push a good one out), whose failure is one more
    /// problem to show. The shell runs it off the main thread once the window is up: both read
    /// the whole file, seconds for a large library.
    pub fn check_at_start(&self) -> Result<LibraryHealth> {
        let findings = self.store.check()?;
        let damaged = !findings.damage.is_empty();
        let mut problems = findings.problems();
        if !damaged && let Err(error) = self.take_daily_restore_point() {
            problems.push(format!("today's restore point could not be made: {error}"));
        }
        self.health(problems)
    }

    /// What is known to be damaged now (by the last check, or a damaged page met since),
    /// without checking again.
    pub fn library_health(&self) -> Result<LibraryHealth> {
        self.health(self.store.damage())
    }

    fn health(&self, problems: Vec<String>) -> Result<LibraryHealth> {
        // Finding a sound restore point reads them through: only when one is wanted.
        let restore_point = if problems.is_empty() {
            None
        } else {
            self.store.newest_sound_restore_point()?
        };
        Ok(LibraryHealth {
            problems,
            read_only: !self.store.damage().is_empty(),
            restore_point,
        })
    }

    /// Makes a restore point now, for `reason`.
    pub(super) fn restore_point(&self, reason: RestoreReason) -> Result<RestorePoint> {
        self.store
            .take_restore_point(reason, self.clock.system_now())
    }
}
