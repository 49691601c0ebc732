//! The SQLite store: one file, opened with the pragmas that make keeping durable (WAL,
//! `synchronous=FULL`), migrated on open, and written only inside `BEGIN IMMEDIATE` transactions
//! so a failed write leaves the previous state whole.
//!
//! One connection behind a mutex serves reads and writes: a desktop library has one writer, and
//! SQLite in WAL mode serves its reads in microseconds. A second connection, on a thread of its
//! own, checkpoints the WAL into the database after writes, so no edit waits for a checkpoint
//! (SQLite's automatic one would run inside whichever commit pushed the WAL past 4 MB: a third of
//! the time of keeping a 10,000-entry bundle).

mod access;
pub mod backups;
mod bundles;
mod check;
mod covers;
pub(crate) mod damage;
mod folders;
mod history;
mod item_edits;
mod items;
mod kept_bundle;
mod meta;
mod migrations;
mod totals;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

pub use migrations::LATEST_VERSION;

/// SQLite's page cache in everyday use, in KiB (negative: SQLite's unit for KiB), small so a
/// library of a million items costs little memory once it is on screen.
pub(crate) const PAGE_CACHE_KIB: i64 = -16_384;

/// The page cache while importing: an import of a million items rewrites index pages all over
/// the file, and reading a page back from the disk per row would triple its time.
pub(crate) const IMPORT_PAGE_CACHE_KIB: i64 = -262_144;

/// How many prepared statements the connection keeps. The core prepares about sixty distinct
/// ones, and an edit with the reads around it uses more than rusqlite's default of 16: with
/// that, every move in the benchmark parsed its statements anew.
const STATEMENT_CACHE: usize = 128;

/// The open library database.
#[derive(Debug)]
pub struct Store {
    connection: Mutex<Connection>,
    /// Started anew when a damaged file is replaced, so it never writes to the one set aside.
    checkpointer: Mutex<Option<Checkpointer>>,
    /// What SQLite found damaged in the file; while there is anything, nothing is written to it.
    damage: Arc<Mutex<Vec<String>>>,
    /// The library file, which restore points are read from on a connection of their own.
    path: PathBuf,
    /// Where its restore points go.
    backups: PathBuf,
}

/// How long writing must pause before the WAL is checkpointed.
const QUIET: Duration = Duration::from_millis(250);
/// The longest a checkpoint waits for writing to pause.
const AT_MOST: Duration = Duration::from_secs(2);
/// How long emptying the WAL waits for a checkpoint under way to end.
const CHECKPOINT_WAIT: Duration = Duration::from_secs(5);
/// How many passes a checkpoint makes at most to drain the WAL while edits keep landing.
const CHECKPOINT_PASSES: usize = 4;

/// The thread that checkpoints the WAL, woken after each write.
#[derive(Debug)]
struct Checkpointer {
    wake: Sender<()>,
    thread: JoinHandle<()>,
}

impl Checkpointer {
    /// Starts checkpointing the library at `path` until `damage` says its file is damaged.
    fn start(path: &Path, damage: Arc<Mutex<Vec<String>>>) -> Result<Checkpointer> {
        let connection = Connection::open(path)?;
        connection.busy_timeout(Duration::from_secs(5))?;
        // Closing the last connection checkpoints; that is the main one's to do, or not to do.
        connection.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        let (wake, woken) = mpsc::channel::<()>();
        let checkpoint = move || {
            if !lock(&damage).is_empty() {
                // A damaged file is set aside as it is, log and all.
                return;
            }
            // PASSIVE copies what it can without waiting for the writer. Commits that land while
            // it copies stay in the WAL, and SQLite starts the WAL over (writing at the file's
            // start again) only when a commit finds nothing left to copy. Under a steady stream
            // of edits one pass never drained it, so every commit grew the file, and a commit
            // that grows the file syncs slower. So it passes again until a pass finds no new
            // frames (the few the pass before left copy quickly), a bounded number of times;
            // the WAL then starts over often, though not always (see bench/LOG.md). A failure
            // is not fatal: the WAL only grows until a later checkpoint (or the close).
            let mut frames_seen = None;
            for _ in 0..CHECKPOINT_PASSES {
                let Ok(frames) =
                    connection.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| {
                        row.get::<_, i64>(1)
                    })
                else {
                    return;
                };
                if frames_seen == Some(frames) {
                    return;
                }
                frames_seen = Some(frames);
            }
        };
        let thread = std::thread::Builder::new()
            .name("strand-checkpoint".into())
            .spawn(move || {
                while woken.recv().is_ok() {
                    let first = Instant::now();
                    // Wait until writing pauses (a drag or a run of undos is many small
                    // commits, and a checkpoint beside each would slow every one down), but no
                    // longer than a moment, so a steady stream of writes is checkpointed too.
                    loop {
                        match woken.recv_timeout(QUIET) {
                            Ok(()) if first.elapsed() < AT_MOST => continue,
                            Ok(()) | Err(RecvTimeoutError::Timeout) => break,
                            Err(RecvTimeoutError::Disconnected) => return checkpoint(),
                        }
                    }
                    checkpoint();
                }
            })
            .map_err(|error| {
                Error::File(say!(
                    "cannot start the checkpoint thread: {error}",
                    "der Thread für Sicherungspunkte startet nicht: {error}"
                ))
            })?;
        Ok(Checkpointer { wake, thread })
    }

    /// Stops the thread and waits for it, so nothing of it still works on the file after.
    fn stop(self) {
        drop(self.wake);
        let _ = self.thread.join();
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// A database written by a newer Strand, or by another program, is refused before anything
    /// is written to it; one Strand cannot write to is refused saying so.
    pub fn open(path: &Path) -> Result<Store> {
        let connection = open_connection(path)?;
        let damage = Arc::default();
        Ok(Store {
            connection: Mutex::new(connection),
            checkpointer: Mutex::new(Some(Checkpointer::start(path, Arc::clone(&damage))?)),
            damage,
            path: path.to_owned(),
            backups: backups::folder_of(path),
        })
    }

    /// Runs `read` against the database.
    pub(crate) fn read<T>(&self, read: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        read(&self.lock()).map_err(|error| self.noticing_damage(error))
    }

    /// Runs `write` in one `BEGIN IMMEDIATE` transaction: all of it lands, or none of it. A
    /// damaged file is written nothing.
    pub(crate) fn write<T>(&self, write: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut connection = self.lock();
        if self.is_damaged() {
            return Err(Error::Damaged);
        }
        let written = (|| -> Result<T> {
            let transaction =
                connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = write(&transaction)?;
            transaction.commit()?;
            Ok(value)
        })();
        let value = written.map_err(|error| match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => Error::File(say!(
                "the disk is full, so this was not saved and nothing was changed; free some \
                 space and try again",
                "der Datenträger ist voll, darum wurde nichts gespeichert und nichts geändert; \
                 schaffe etwas Platz und versuche es noch einmal"
            )),
            _ => self.noticing_damage(error),
        })?;
        drop(connection);
        if let Some(checkpointer) = lock(&self.checkpointer).as_ref() {
            // The thread only stops when the store is dropped or its file replaced, so the
            // channel is open.
            let _ = checkpointer.wake.send(());
        }
        Ok(value)
    }

    /// Copies everything the WAL holds into the database file and empties the WAL, waiting
    /// for a checkpoint under way to finish first. A damaged file keeps its log as it is.
    pub(crate) fn checkpoint(&self) -> Result<()> {
        let connection = self.lock();
        if self.is_damaged() {
            return Ok(());
        }
        let deadline = Instant::now() + CHECKPOINT_WAIT;
        loop {
            let busy: i64 =
                connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))?;
            if busy == 0 {
                return Ok(());
            }
            // Another checkpoint holds SQLite's checkpoint lock — the background checkpointer's
            // pass, on its own connection — and SQLite answers busy at once then, without the
            // busy handler. The pass is short (a few bounded copies): ask again until it ends.
            if Instant::now() >= deadline {
                return Err(Error::File(say!(
                    "the library is busy, so its log was not written back into it",
                    "die Bibliothek ist beschäftigt, darum wurde ihr Protokoll nicht \
                     zurückgeschrieben"
                )));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Makes a restore point of the library as it is now, then lets the oldest go. It reads on
    /// a connection of its own: in WAL mode a reader sees one committed state throughout and
    /// holds up no edit, so copying a large library (seconds) never freezes the window.
    pub(crate) fn take_restore_point(
        &self,
        reason: backups::RestoreReason,
        now: DateTime<Utc>,
    ) -> Result<backups::RestorePoint> {
        // A copy of the damage would only push a good restore point out.
        if self.is_damaged() {
            return Err(Error::Damaged);
        }
        let reader =
            Connection::open_with_flags(&self.path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let point = backups::take(&reader, &self.backups, reason, now)?;
        backups::prune(&self.backups, now)?;
        Ok(point)
    }

    /// The library's restore points, newest first.
    pub(crate) fn restore_points(&self) -> Result<Vec<backups::RestorePoint>> {
        backups::list(&self.backups)
    }

    /// The newest restore point that is itself sound.
    pub(crate) fn newest_sound_restore_point(&self) -> Result<Option<backups::RestorePoint>> {
        backups::newest_sound(&self.backups)
    }

    /// Puts the restore point `name` back, having made one of the library as it was, so the
    /// restore can itself be undone (a damaged library is set aside instead). An older schema
    /// is brought up to date as at open.
    pub(crate) fn restore(&self, name: &str, now: DateTime<Utc>) -> Result<()> {
        let from = backups::find(&self.backups, name)?;
        let mut connection = self.lock();
        if self.is_damaged() {
            self.replace_damaged(&mut connection, &from, now)?;
            drop(connection);
            return backups::prune(&self.backups, now);
        }
        backups::take(
            &connection,
            &self.backups,
            backups::RestoreReason::Restore,
            now,
        )?;
        backups::put_back(&mut connection, &from)?;
        migrations::apply(&mut connection)?;
        drop(connection);
        backups::prune(&self.backups, now)
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        lock(&self.connection)
    }
}

/// Locks `mutex` even if a thread panicked holding it: a panic cannot leave a transaction open
/// (it rolls back on drop), so the connection, and what the others guard, is still sound.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Opens (creating if needed) the library at `path` for writing, with the pragmas that make
/// keeping durable, and brings its schema up to date.
fn open_connection(path: &Path) -> Result<Connection> {
    open_writable(path).map_err(|error| match error.sqlite_error_code() {
        // SQLite opens a file it may not write read-only without a word and fails at the
        // first write ("attempt to write a readonly database"), and cannot make the log
        // beside a library in a folder it may not write ("unable to open database file").
        Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen) => cannot_write(path),
        // Past its first page (which `schema_to_open` answers for): a damaged library.
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
            Error::Damaged
        }
        _ => error,
    })
}

fn open_writable(path: &Path) -> Result<Connection> {
    let mut connection = Connection::open(path)?;
    connection.busy_timeout(Duration::from_secs(5))?;
    // Whatever refuses the file does so before the first byte is written to it.
    let found = migrations::schema_to_open(&connection, path)?;
    if connection.is_readonly(rusqlite::MAIN_DB)? {
        return Err(cannot_write(path));
    }
    migrations::copy_before_upgrade(&connection, path, found)?;
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "FULL")?;
    connection.pragma_update(None, "foreign_keys", "ON")?;
    connection.pragma_update(None, "cache_size", PAGE_CACHE_KIB)?;
    connection.pragma_update(None, "wal_autocheckpoint", 0)?;
    // After an import the WAL file can be hundreds of megabytes; once checkpointed, it is
    // cut back to this when SQLite next starts it over.
    connection.pragma_update(None, "journal_size_limit", 64 * 1024 * 1024)?;
    connection.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // Without the query planner's stability guarantee, SQLite prepares a statement again
    // whenever a new value is bound where the plan could use it (a LIMIT, a column
    // compared with a parameter): a cached statement was parsed anew on every run, a
    // quarter of a move's time. Strand's statements have one good plan whatever the values.
    connection.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    migrations::apply(&mut connection)?;
    Ok(connection)
}

/// Strand writes its library as a person edits, and beside it (its log): both must be writable.
fn cannot_write(path: &Path) -> Error {
    let folder = path.parent().unwrap_or(Path::new("."));
    let (path, folder) = (path.display(), folder.display());
    Error::File(say!(
        "Strand cannot write to its library {path} or to the folder it is in ({folder}); make \
         both writable and start Strand again — nothing was changed",
        "Strand kann weder in seine Bibliothek {path} noch in ihren Ordner ({folder}) \
         schreiben; mach beide beschreibbar und starte Strand neu — nichts wurde geändert"
    ))
}

impl Drop for Store {
    /// Stops the checkpointer and waits for it, so a library reopened next finds no thread of
    /// the old session still at work; a damaged file keeps its log.
    fn drop(&mut self) {
        if let Some(checkpointer) = lock(&self.checkpointer).take() {
            checkpointer.stop();
        }
        if self.is_damaged() {
            // Closing the last connection would write the log into the damaged file.
            let _ = self
                .lock()
                .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true);
        }
    }
}

pub(crate) use access::{
    funnel_counts, funnel_opt_in, insert_licence, last_seen, latest_evidence, licence_tokens,
    record_funnel, set_funnel_opt_in, set_last_seen, start_trial, trial_started, wipe,
};
pub(crate) use bundles::{
    Threaded, Whereabouts, empty_trash, keep_draft, kept_bundle, kept_count, kept_count_in_trash,
    kept_entries, kept_entry_count, kept_order, kept_summaries, kept_threads, set_trashed,
    whereabouts,
};
pub(crate) use covers::{cover, insert_cover, sweep_covers};
pub(crate) use damage::replace_unopened;
pub(crate) use folders::{
    delete_folder, folders, insert_folder, rename_folder, require as require_folder,
};
pub(crate) use history::{mark as mark_history, next as next_change, record as record_change};
pub(crate) use item_edits::{ItemRow, entries_threading, put_back_items, take_items, update_item};
pub(crate) use items::{
    ItemWriter, all_items, delete_sample, insert_items, insert_sample, item, item_at_address,
    item_exists, item_rows, items_by_id, matching_ids, matching_item, matching_rows,
    page as item_page, sample_count, search as search_items,
};
pub(crate) use kept_bundle::KeptBundle;
pub(crate) use meta::{is_demo_library, is_initialised, mark_demo_library, mark_initialised};
pub(crate) use totals::kept_totals;
