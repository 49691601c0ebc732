//! Restore points: whole copies of the library made with SQLite's backup API into `backups/`
//! beside it — before an import, before emptying the trash, before a restore, and once a day —
//! and put back the same way. A copy is read through the library's own connection, so what the
//! log holds is in it, and it is a single file with no log of its own: what a person copies
//! elsewhere is the whole library. Each is written under a `.partial` name and renamed once
//! whole, so a copy cut short is never listed.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// The folder beside the library that holds its restore points.
pub const BACKUP_FOLDER: &str = "backups";

/// Every restore point of the last this many days is kept...
pub const KEEP_ALL_DAYS: i64 = 7;
/// ...but no more than this many of them...
pub const KEEP_RECENT_AT_MOST: usize = 20;
/// ...and before that, the newest of each of this many weeks.
pub const KEEP_WEEKS: i64 = 4;

/// How a file name says when it was made.
pub(crate) const STAMP: &str = "%Y%m%dT%H%M%S%.3fZ";

/// Why a restore point was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RestoreReason {
    /// The first start of a day.
    Daily,
    /// Before an import.
    Import,
    /// Before emptying the trash.
    EmptyTrash,
    /// Before another restore point was put back.
    Restore,
}

impl RestoreReason {
    const ALL: [RestoreReason; 4] = [
        RestoreReason::Daily,
        RestoreReason::Import,
        RestoreReason::EmptyTrash,
        RestoreReason::Restore,
    ];

    fn as_str(self) -> &'static str {
        match self {
            RestoreReason::Daily => "daily",
            RestoreReason::Import => "import",
            RestoreReason::EmptyTrash => "empty-trash",
            RestoreReason::Restore => "restore",
        }
    }
}

/// A restore point as Settings lists it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestorePoint {
    /// Its file name in `backups/`, which names it when it is put back.
    pub name: String,
    /// When it was made.
    pub taken_at: DateTime<Utc>,
    /// Why.
    pub reason: RestoreReason,
    /// How many bundles it keeps (not counting the trash).
    pub bundles: u32,
    /// How many items its library holds.
    pub items: u32,
}

/// The restore-point folder of the library at `library`.
pub(crate) fn folder_of(library: &Path) -> PathBuf {
    library.with_file_name(BACKUP_FOLDER)
}

/// Copies the library `connection` reads into a new restore point in `folder`.
pub(crate) fn take(
    connection: &Connection,
    folder: &Path,
    reason: RestoreReason,
    now: DateTime<Utc>,
) -> Result<RestorePoint> {
    fs::create_dir_all(folder).map_err(|error| cannot_write(folder, &error.to_string()))?;
    let name = format!("strand-{}-{}.sqlite", now.format(STAMP), reason.as_str());
    let path = folder.join(&name);
    let partial = path.with_extension("sqlite-partial");
    copy(connection, &partial)
        .and_then(|()| fs::rename(&partial, &path).map_err(|error| error.to_string()))
        .map_err(|reason| {
            let _ = fs::remove_file(&partial);
            cannot_write(folder, &reason)
        })?;
    point(&path)?.ok_or_else(|| {
        cannot_write(
            folder,
            &say!(
                "the copy could not be read back",
                "die Kopie ließ sich nicht zurücklesen"
            ),
        )
    })
}

/// Every restore point in `folder`, newest first; files that are not one are passed over.
pub(crate) fn list(folder: &Path) -> Result<Vec<RestorePoint>> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Ok(Vec::new());
    };
    let mut points = Vec::new();
    for entry in entries.flatten() {
        if let Some(point) = point(&entry.path())? {
            points.push(point);
        }
    }
    points.sort_by_key(|point| std::cmp::Reverse(point.taken_at));
    Ok(points)
}

/// The newest restore point in `folder` that is itself sound (SQLite's `quick_check`): the one
/// to offer for a damaged library.
pub(crate) fn newest_sound(folder: &Path) -> Result<Option<RestorePoint>> {
    for point in list(folder)? {
        let copy = Connection::open_with_flags(
            folder.join(&point.name),
            OpenFlags::SQLITE_OPEN_READ_ONLY,
        )?;
        if super::check::damage(&copy)?.is_empty() {
            return Ok(Some(point));
        }
    }
    Ok(None)
}

/// The restore point in `folder` called `name`, checked to be one of them (a name is never a
/// path the caller made up).
pub(crate) fn find(folder: &Path, name: &str) -> Result<PathBuf> {
    list(folder)?
        .into_iter()
        .find(|point| point.name == name)
        .map(|point| folder.join(point.name))
        .ok_or_else(|| Error::not_found("restore point", name))
}

/// Puts the restore point at `from` back into the library `connection` writes, whole.
pub(crate) fn put_back(connection: &mut Connection, from: &Path) -> Result<()> {
    let source = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    match Backup::new(&source, connection)?.step(-1)? {
        StepResult::Done => Ok(()),
        _ => Err(Error::Conflict(say!(
            "the library was busy; nothing was restored, try again",
            "die Bibliothek war beschäftigt; nichts wurde zurückgeholt, versuche es noch einmal"
        ))),
    }
}

/// Deletes the restore points the retention rule no longer keeps: every one of the last
/// [`KEEP_ALL_DAYS`] days (the newest [`KEEP_RECENT_AT_MOST`]), then the newest of each of the
/// [`KEEP_WEEKS`] weeks before. Disk use is bounded by about 24 copies of the library.
pub(crate) fn prune(folder: &Path, now: DateTime<Utc>) -> Result<()> {
    let mut weeks_kept = Vec::new();
    for (index, point) in list(folder)?.into_iter().enumerate() {
        let age = now - point.taken_at;
        let keep = if age < Duration::days(KEEP_ALL_DAYS) {
            index < KEEP_RECENT_AT_MOST
        } else {
            let week = (age - Duration::days(KEEP_ALL_DAYS)).num_weeks();
            week < KEEP_WEEKS && !weeks_kept.contains(&week) && {
                weeks_kept.push(week);
                true
            }
        };
        if !keep {
            fs::remove_file(folder.join(&point.name))
                .map_err(|error| cannot_write(folder, &error.to_string()))?;
        }
    }
    Ok(())
}

/// The restore point at `path`, if its name and content make it one.
fn point(path: &Path) -> Result<Option<RestorePoint>> {
    let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
        return Ok(None);
    };
    let Some((taken_at, reason)) = parse_name(name) else {
        return Ok(None);
    };
    let Ok(copy) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return Ok(None);
    };
    let counts = copy.query_row(
        "SELECT (SELECT COUNT(*) FROM bundles WHERE deleted_at IS NULL),
                (SELECT COUNT(*) FROM items)",
        [],
        |row| Ok((row.get(0)?, row.get(1)?)),
    );
    // A damaged copy is not offered: restoring it would only bring the damage back.
    Ok(counts.ok().map(|(bundles, items)| RestorePoint {
        name: name.to_owned(),
        taken_at,
        reason,
        bundles,
        items,
    }))
}

fn parse_name(name: &str) -> Option<(DateTime<Utc>, RestoreReason)> {
    let rest = name.strip_prefix("strand-")?.strip_suffix(".sqlite")?;
    let (stamp, reason) = rest.split_once('-')?;
    let reason = RestoreReason::ALL
        .into_iter()
        .find(|known| known.as_str() == reason)?;
    let taken_at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    Some((taken_at, reason))
}

fn copy(connection: &Connection, to: &Path) -> std::result::Result<(), String> {
    let _ = fs::remove_file(to);
    let mut destination = Connection::open(to).map_err(|error| error.to_string())?;
    let done = Backup::new(connection, &mut destination)
        .and_then(|backup| backup.step(-1))
        .map_err(|error| error.to_string())?;
    if done != StepResult::Done {
        return Err(say!(
            "the library was busy",
            "die Bibliothek war beschäftigt"
        ));
    }
    // The copied header says WAL, as the library's does; a restore point is one file, read
    // without a log beside it.
    destination
        .pragma_update(None, "journal_mode", "DELETE")
        .map_err(|error| error.to_string())
}

fn cannot_write(folder: &Path, reason: &str) -> Error {
    let folder = folder.display();
    Error::File(say!(
        "Strand could not make a restore point in {folder}: {reason}",
        "Strand konnte in {folder} keinen Wiederherstellungspunkt anlegen: {reason}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_restore_point_name_reads_back_as_its_time_and_reason() {
        let now = DateTime::parse_from_rfc3339("2026-12-02T09:30:01.250Z")
            .expect("time")
            .to_utc();
        let name = format!("strand-{}-empty-trash.sqlite", now.format(STAMP));
        assert_eq!(parse_name(&name), Some((now, RestoreReason::EmptyTrash)));
        assert_eq!(parse_name("strand.sqlite"), None);
        assert_eq!(parse_name("strand-20261202T093001.250Z-other.sqlite"), None);
    }
}
