//! Schema migrations: numbered SQL files compiled in, applied in order in one transaction, the
//! version tracked by `PRAGMA user_version`. A shipped migration is never edited, only followed.
//! (rusqlite_migration pins an older rusqlite, and this runner is a screenful.)

use std::fs;
use std::path::Path;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Error, Result};

const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_premium.sql"),
    include_str!("../../migrations/0003_search.sql"),
    include_str!("../../migrations/0004_trash.sql"),
    include_str!("../../migrations/0005_import.sql"),
    include_str!("../../migrations/0006_fold_eszett.sql"),
    include_str!("../../migrations/0007_history.sql"),
    include_str!("../../migrations/0008_bundle_details.sql"),
    include_str!("../../migrations/0009_windowed_bundles.sql"),
    include_str!("../../migrations/0010_item_count.sql"),
    include_str!("../../migrations/0011_folders.sql"),
    include_str!("../../migrations/0012_entries_by_bundle_item.sql"),
    include_str!("../../migrations/0013_entries_without_item_key.sql"),
    include_str!("../../migrations/0014_slim_entries.sql"),
    include_str!("../../migrations/0015_days_seen.sql"),
    include_str!("../../migrations/0016_sample_items.sql"),
    include_str!("../../migrations/0017_item_currency.sql"),
    include_str!("../../migrations/0018_funnel_demo_upgrade.sql"),
    include_str!("../../migrations/0019_covers.sql"),
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

fn user_version(connection: &Connection) -> rusqlite::Result<i64> {
    connection.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Answers the schema version of the database at `path`, or refuses it — a database from a
/// newer Strand, another program's database, a damaged header, a file that is no database —
/// having written nothing: every refusal leaves the file byte for byte as it was.
pub(super) fn schema_to_open(connection: &Connection, path: &Path) -> Result<i64> {
    let untouched = |what: String| {
        let path = path.display();
        Error::NotALibrary(say!(
            "{path} is not a Strand library Strand can open: {what}; it was left untouched",
            "{path} ist keine Strand-Bibliothek, die Strand öffnen kann: {what}; sie blieb \
             unberührt"
        ))
    };
    let found = user_version(connection).map_err(|error| match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
            untouched(say!(
                "it is not a SQLite database, or its first page is damaged",
                "sie ist keine SQLite-Datenbank, oder ihre erste Seite ist beschädigt"
            ))
        }
        _ => Error::Storage(error),
    })?;
    if found < 0 {
        return Err(untouched(say!(
            "its header is damaged (it gives schema version {found})",
            "ihr Kopf ist beschädigt (er nennt Schemaversion {found})"
        )));
    }
    if found > LATEST_VERSION {
        return Err(Error::NewerSchema {
            found,
            supported: LATEST_VERSION,
        });
    }
    // Strand sets the version in the same transaction that creates its first table, so tables
    // at version 0 were made by another program.
    let has_tables: bool =
        connection.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_schema)", [], |row| {
            row.get(0)
        })?;
    if found == 0 && has_tables {
        return Err(untouched(say!(
            "it is another program's database",
            "sie ist die Datenbank eines anderen Programms"
        )));
    }
    Ok(found)
}

/// Before a library an older Strand wrote is migrated, copies it whole to `<name>-v<N>.sqlite`
/// beside it, N being its schema version (`found`). A migration is one transaction, so a failed one
/// changes nothing; the copy is for what a transaction cannot undo — a migration that succeeded
/// and was wrong — and for going back to the older Strand, which refuses the newer schema. A
/// new, empty library and one already current are not copied; one that cannot be copied is
/// not migrated either.
pub(super) fn copy_before_upgrade(connection: &Connection, path: &Path, found: i64) -> Result<()> {
    if found == 0 || found >= LATEST_VERSION {
        return Ok(());
    }
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let copy = path.with_file_name(format!("{stem}-v{found}.sqlite"));
    // Written under another name and renamed when whole, so a copy cut short by a crash is
    // never taken for the library as it was.
    let partial = copy.with_extension("sqlite-partial");
    copy_whole(connection, &partial)
        .and_then(|()| Ok(fs::rename(&partial, &copy)?))
        .map_err(|reason| {
            let _ = fs::remove_file(&partial);
            let copy = copy.display();
            Error::File(say!(
                "Strand copies a library before upgrading it and could not write {copy}: \
                 {reason}; the library was left as it was",
                "Strand kopiert eine Bibliothek vor dem Aktualisieren und konnte {copy} nicht \
                 schreiben: {reason}; die Bibliothek blieb, wie sie war"
            ))
        })
}

/// Copies the database `connection` reads, WAL included, into a new file at `to`.
fn copy_whole(connection: &Connection, to: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let _ = fs::remove_file(to);
    let mut destination = Connection::open(to)?;
    // One step: nothing else writes to the library while it opens.
    match Backup::new(connection, &mut destination)?.step(-1)? {
        StepResult::Done => Ok(()),
        _ => Err(say!("the library was busy", "die Bibliothek war beschäftigt").into()),
    }
}

/// Applies every migration the database has not seen yet, all in one transaction.
pub(super) fn apply(connection: &mut Connection) -> Result<()> {
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again inside the transaction: another process may have migrated meanwhile.
    let current = user_version(&transaction)?;
    if current > LATEST_VERSION {
        return Err(Error::NewerSchema {
            found: current,
            supported: LATEST_VERSION,
        });
    }
    if current < LATEST_VERSION {
        // `current` is 0 to LATEST_VERSION here: `schema_to_open` refused anything else.
        for (index, migration) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            transaction
                .execute_batch(migration)
                .map_err(|error| upgrade_failed(index as i64 + 1, &error))?;
        }
        transaction.pragma_update(None, "user_version", LATEST_VERSION)?;
    }
    // Nothing changed commits without writing (and without waiting for the disk).
    transaction.commit()?;
    Ok(())
}

/// A migration that failed, in a sentence: SQLite's own reason without the statement it was
/// running (rusqlite's message quotes the whole migration, kilobytes of SQL).
fn upgrade_failed(schema: i64, error: &rusqlite::Error) -> Error {
    let reason = match error {
        rusqlite::Error::SqliteFailure(_, Some(message))
        | rusqlite::Error::SqlInputError { msg: message, .. } => message.clone(),
        other => other.to_string(),
    };
    Error::File(say!(
        "upgrading the library to schema {schema} failed ({reason}); the library was left as it \
         was",
        "das Aktualisieren der Bibliothek auf Schema {schema} schlug fehl ({reason}); die \
         Bibliothek blieb, wie sie war"
    ))
}
