//! [`Strand`]: the one handle the shell (and tests, and benchmarks) drive. It routes each edit to
//! a draft in memory or to a kept bundle in the store, sends every write of kept data through the
//! premium gate first, and holds the demo controls product teams switch.
//!
//! This file holds the type, opening a library and what every part shares; each concern is a
//! file under `strand/`: `session.rs` (the session, the gate, trial, licences, funnel),
//! `demo.rs`, `library.rs` (reads, lists, a bundle's life), `folders.rs`, `covers.rs`, `editing.rs` (every
//! undoable edit, routed to a draft or through the gate to the store), `keeping.rs`, `find.rs`,
//! `transfer.rs` (imports and exports), `restore.rs` (restore points and the library check).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::Duration;
use ed25519_dalek::VerifyingKey;
use rusqlite::Connection;

use crate::clock::{Clock, SystemTime, TimeSource};
use crate::drafts::Draft;
use crate::entitlements::{Policy, Tier};
use crate::error::{Error, Result};
use crate::ids::BundleId;
use crate::journal::{Journal, MAX_TIMES_BACK};
use crate::licence;
use crate::model::{Bundle, BundleState};
use crate::store::{self, Store, Threaded};

mod collections;
mod covers;
mod demo;
mod drafts_back;
mod editing;
mod find;
mod folders;
mod items;
mod keeping;
mod library;
mod restore;
mod session;
mod transfer;

pub use restore::LibraryHealth;
pub use transfer::BundleExport;

/// The most items one library page may ask for.
pub const MAX_PAGE: u32 = 1000;

/// The most entries one edit may name at once (a selection).
pub const MAX_SELECTED: usize = 10_000;

/// The furthest the demo may travel ahead, in days.
pub const MAX_TIME_TRAVEL_DAYS: i64 = 3650;

/// How a Strand session is started.
#[derive(Clone, Debug)]
pub struct StrandOptions {
    /// Demo mode: product teams may switch tiers and policies, travel in time and reset.
    pub demo: bool,
    /// Where the system time comes from (tests set it back to simulate tampering).
    pub time: Arc<dyn TimeSource>,
}

impl Default for StrandOptions {
    fn default() -> Self {
        StrandOptions {
            demo: false,
            time: Arc::new(SystemTime),
        }
    }
}

/// What a product team has switched in this demo session.
#[derive(Debug, Default)]
struct DemoControls {
    tier: Option<Tier>,
    policy: Policy,
}

/// A library opened for one session: the store, this session's drafts, the clock and the gate.
#[derive(Debug)]
pub struct Strand {
    store: Store,
    drafts: Mutex<BTreeMap<BundleId, Draft>>,
    /// Drafts deleted this session: restorable until the trash is emptied or Strand quits.
    trashed_drafts: Mutex<BTreeMap<BundleId, Draft>>,
    /// Every change to a draft, as it happens, so a crash does not lose it.
    journal: Journal,
    /// Drafts the last session left when it ended abnormally, until brought back or let go.
    left_behind: Mutex<Vec<Draft>>,
    /// The latest deletion or merge of items, until undone or followed by another.
    last_removal: Mutex<Option<items::Removal>>,
    /// The draft whose keep the paywall interrupted, so its resumed keep is the same attempt.
    awaiting_keep: Mutex<Option<BundleId>>,
    demo: Option<Mutex<DemoControls>>,
    clock: Clock,
    licence_key: Option<VerifyingKey>,
}

impl Strand {
    /// Opens the library at `path`, creating it on first start (empty, or with the sample
    /// catalogue for a demo). Demo
    /// mode, whose switches reach past the premium gate and whose reset wipes the library, runs
    /// only on a library made for it: a demo never opens a person's library, and a normal start
    /// never opens a demo's.
    pub fn open(path: &Path, options: StrandOptions) -> Result<Strand> {
        let mut strand = Strand {
            store: Store::open(path)?,
            drafts: Mutex::new(BTreeMap::new()),
            trashed_drafts: Mutex::new(BTreeMap::new()),
            journal: Journal::unjournaled(),
            left_behind: Mutex::new(Vec::new()),
            last_removal: Mutex::new(None),
            awaiting_keep: Mutex::new(None),
            demo: options.demo.then(Mutex::default),
            clock: Clock::new(options.time),
            licence_key: licence::vendor_key(),
        };
        let (initialised, demo_library) = strand.store.read(|connection| {
            Ok((
                store::is_initialised(connection)?,
                store::is_demo_library(connection)?,
            ))
        })?;
        match (initialised, options.demo, demo_library) {
            (true, true, false) => {
                let path = path.display();
                return Err(Error::Forbidden(say!(
                    "{path} is a person's library, and demo mode runs on a library of its own; \
                     start Strand without --demo to open it",
                    "{path} ist die Bibliothek einer Person, und der Demomodus läuft auf einer \
                     eigenen; starte Strand ohne --demo, um sie zu öffnen"
                )));
            }
            (true, false, true) => {
                let path = path.display();
                return Err(Error::Forbidden(say!(
                    "{path} is a demo library; start Strand with --demo to open it",
                    "{path} ist eine Demo-Bibliothek; starte Strand mit --demo, um sie zu öffnen"
                )));
            }
            _ => {}
        }
        strand.store.write(|tx| {
            if !initialised {
                strand.initialise(tx)?;
            }
            strand.observe_clock(tx)
        })?;
        // Only now that the library is open and its own: a refused one gets nothing beside it.
        let (journal, mut left_behind) = Journal::open(path);
        // Each offer counts, answered or not: a kill before answering is one more crash.
        left_behind.retain(|draft| draft.times_back < MAX_TIMES_BACK);
        for draft in &mut left_behind {
            draft.times_back += 1;
        }
        journal.start_with(&left_behind);
        strand.journal = journal;
        strand.left_behind = Mutex::new(left_behind);
        Ok(strand)
    }

    /// Writes everything written so far into the library file itself and empties its write-ahead log,
    /// so the file alone is the whole library and the next start has no log to replay. The app
    /// calls it as it quits: Tauri never drops what it manages, so the database is never closed
    /// (which would do the same). The library stays open and usable.
    pub fn checkpoint(&self) -> Result<()> {
        self.store.checkpoint()
    }

    /// Readies a new (or wiped) library: a person's starts empty, with the welcome; a demo's
    /// starts with the sample catalogue and is marked as the demo's own.
    fn initialise(&self, connection: &Connection) -> Result<()> {
        if self.demo.is_some() {
            store::insert_sample(connection, self.clock.now())?;
            store::mark_demo_library(connection)?;
        }
        store::mark_initialised(connection)
    }

    /// Remembers the latest system time seen, so a clock set back behind it can be noticed.
    /// Written at most once a minute: the guard tolerates minutes anyway, and rewriting it with
    /// every edit added the meta table's pages to each small commit.
    fn observe_clock(&self, connection: &Connection) -> Result<()> {
        let now = self.clock.system_now();
        if store::last_seen(connection)?.is_none_or(|seen| now >= seen + Duration::minutes(1)) {
            store::set_last_seen(connection, now)?;
        }
        Ok(())
    }

    /// The error for a bundle that is neither a draft nor kept: a draft in the trash says so.
    fn missing_bundle(&self, id: BundleId) -> Error {
        if lock(&self.trashed_drafts).contains_key(&id) {
            in_trash()
        } else {
            Error::not_found("bundle", id)
        }
    }

    fn drafts(&self) -> MutexGuard<'_, BTreeMap<BundleId, Draft>> {
        lock(&self.drafts)
    }
}

/// A draft as an editor shows it.
pub(crate) fn draft_head(draft: &Draft) -> Bundle {
    Bundle {
        id: draft.id,
        name: draft.name.clone(),
        state: BundleState::Draft,
        created_at: draft.created_at,
        kept_at: None,
        entry_count: draft.entries.len() as u32,
        details: draft.details.clone(),
        folder: draft.folder,
        can_undo: draft.history.can_undo(),
        can_redo: draft.history.can_redo(),
    }
}

/// As [`Strand::order_window`] for a kept bundle, read on `connection`.
fn kept_window(
    connection: &Connection,
    id: BundleId,
    offset: u32,
    limit: u32,
) -> Result<(Vec<Threaded>, u32)> {
    let total =
        store::kept_entry_count(connection, id)?.ok_or_else(|| Error::not_found("bundle", id))?;
    Ok((store::kept_order(connection, id, offset, limit)?, total))
}

/// Refuses a page size outside 1 to [`MAX_PAGE`].
fn check_limit(limit: u32) -> Result<()> {
    if limit == 0 || limit > MAX_PAGE {
        return Err(Error::invalid(
            "limit",
            say!(
                "ask for 1 to {MAX_PAGE} at a time",
                "frage nach 1 bis {MAX_PAGE} auf einmal"
            ),
        ));
    }
    Ok(())
}

/// The name of a draft made from a playlist that names itself nothing usable.
fn unnamed_playlist() -> String {
    say!("Imported playlist", "Importierte Wiedergabeliste")
}

fn in_trash() -> Error {
    Error::Conflict(say!(
        "this bundle is in the trash; restore it to change it",
        "dieses Bündel liegt im Papierkorb; stelle es wieder her, um es zu ändern"
    ))
}

/// Locks `mutex`; nothing here can leave these maps half-changed, so poisoning is ignored.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
