//! Schema migrations: numbered SQL files compiled in, applied in order in one transaction, the
//! version tracked by `PRAGMA user_version`. A shipped migration is never edited, only followed.
//! (rusqlite_migration pins an older rusqlite, and this runner is a screenful.)

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
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

fn user_version(connection: &Connection) -> Result<i64> {
    Ok(connection.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Refuses a database from a newer Strand; reading the version writes nothing.
pub(super) fn refuse_newer(connection: &Connection) -> Result<()> {
    let found = user_version(connection)?;
    if found > LATEST_VERSION {
        return Err(Error::NewerSchema {
            found,
            supported: LATEST_VERSION,
        });
    }
    Ok(())
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
        for migration in &MIGRATIONS[current as usize..] {
            transaction.execute_batch(migration)?;
        }
        transaction.pragma_update(None, "user_version", LATEST_VERSION)?;
    }
    // Nothing changed commits without writing (and without waiting for the disk).
    transaction.commit()?;
    Ok(())
}
