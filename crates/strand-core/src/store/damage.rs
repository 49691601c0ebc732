//! A damaged library file. Once the check finds it (or SQLite meets a damaged page while
//! reading), the file is written nothing — no edit, not its own log, no restore point of it —
//! while what can still be read is read. Putting a restore point back then sets the damaged
//! file aside whole, log and all, in `damaged/` beside the library: never deleted, never
//! overwritten.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::check::{self, Findings};
use super::{Checkpointer, PAGE_CACHE_KIB, Store, lock, open_connection};
use crate::error::{Error, Result};

/// The folder beside the library that damaged files are set aside in.
const DAMAGED_FOLDER: &str = "damaged";

/// The files SQLite keeps beside a library, set aside with it.
const BESIDE: [&str; 2] = ["-wal", "-shm"];

impl Store {
    /// Checks the library on a connection of its own, so edits go on while a large file is
    /// read through (seconds); a damaged file makes the library read-only from then on.
    pub(crate) fn check(&self) -> Result<Findings> {
        let reader = Connection::open_with_flags(&self.path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        reader.pragma_update(None, "cache_size", PAGE_CACHE_KIB)?;
        let findings = check::problems(&reader)?;
        if !findings.damage.is_empty() {
            *lock(&self.damage) = findings.damage.clone();
        }
        Ok(findings)
    }

    /// What is known to be damaged in the file; nothing while it is sound.
    pub(crate) fn damage(&self) -> Vec<String> {
        lock(&self.damage).clone()
    }

    pub(super) fn is_damaged(&self) -> bool {
        !lock(&self.damage).is_empty()
    }

    /// `error` as it is, unless SQLite met a damaged page: then [`Error::Damaged`], and the
    /// library is read-only from now on.
    pub(super) fn noticing_damage(&self, error: Error) -> Error {
        match &error {
            Error::Storage(sqlite) if check::is_damage(sqlite) => {
                let mut damage = lock(&self.damage);
                if damage.is_empty() {
                    damage.push(check::damaged(&sqlite.to_string()));
                }
                Error::Damaged
            }
            _ => error,
        }
    }

    /// Sets the damaged library aside and puts the restore point `from` in its place, on
    /// `connection` (the store's, locked). Whatever fails before the restore point is in place
    /// leaves the damaged library where and as it was, still read-only.
    pub(super) fn replace_damaged(
        &self,
        connection: &mut Connection,
        from: &Path,
        now: DateTime<Utc>,
    ) -> Result<()> {
        // Every connection to the damaged file closes before it moves (an open file cannot be
        // moved on every system), and none writes the log into it as it closes.
        if let Some(checkpointer) = lock(&self.checkpointer).take() {
            checkpointer.stop();
        }
        connection.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        *connection = Connection::open_in_memory()?;
        if let Err(error) = put_in_place(&self.path, from, now) {
            *connection = Connection::open(&self.path)?;
            return Err(error);
        }
        *connection = open_connection(&self.path)?;
        lock(&self.damage).clear();
        *lock(&self.checkpointer) =
            Some(Checkpointer::start(&self.path, Arc::clone(&self.damage))?);
        Ok(())
    }
}

/// Puts the restore point `name` in place of the library at `path`, which could not be opened,
/// setting that file aside; nothing has it open.
pub(crate) fn replace_unopened(path: &Path, name: &str, now: DateTime<Utc>) -> Result<()> {
    let from = super::backups::find(&super::backups::folder_of(path), name)?;
    put_in_place(path, &from, now)
}

/// Moves the library at `path` (with its log) into `damaged/` beside it and copies the restore
/// point `from` in its place; whatever fails leaves the library where and as it was.
fn put_in_place(path: &Path, from: &Path, now: DateTime<Utc>) -> Result<()> {
    let folder = path.with_file_name(DAMAGED_FOLDER);
    fs::create_dir_all(&folder).map_err(|error| cannot_set_aside(&folder, &error))?;
    let aside = folder.join(format!(
        "strand-{}.sqlite",
        now.format(super::backups::STAMP)
    ));
    if let Err(error) = move_with_log(path, &aside) {
        // Whatever moved goes back (the library itself may not have moved at all).
        let _ = move_with_log(&aside, path);
        return Err(cannot_set_aside(&folder, &error));
    }
    let partial = path.with_extension("sqlite-partial");
    let copied = fs::copy(from, &partial).and_then(|_| fs::rename(&partial, path));
    if let Err(error) = copied {
        let _ = fs::remove_file(&partial);
        move_with_log(&aside, path).map_err(|error| cannot_set_aside(&folder, &error))?;
        return Err(Error::File(say!(
            "Strand could not put the restore point in place of the damaged library: {error}; \
             the library was left as it was",
            "Strand konnte den Wiederherstellungspunkt nicht an die Stelle der beschädigten \
             Bibliothek setzen: {error}; die Bibliothek blieb, wie sie war"
        )));
    }
    Ok(())
}

/// Moves the library at `from`, with the log and index SQLite keeps beside it, to `to`.
fn move_with_log(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::rename(from, to)?;
    for suffix in BESIDE {
        let beside = with_suffix(from, suffix);
        if beside.exists() {
            fs::rename(&beside, with_suffix(to, suffix))?;
        }
    }
    Ok(())
}

/// `path` with `suffix` after its whole name, as SQLite names the files beside a database.
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn cannot_set_aside(folder: &Path, error: &std::io::Error) -> Error {
    let folder = folder.display();
    Error::File(say!(
        "Strand could not set the damaged library aside in {folder}: {error}; nothing was changed",
        "Strand konnte die beschädigte Bibliothek nicht in {folder} beiseitelegen: {error}; \
         nichts wurde geändert"
    ))
}
