//! Queries on `bundle_history`: a kept bundle's undo and redo, one row per change.

use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;
use crate::history::{Change, MAX_HISTORY};
use crate::ids::BundleId;

/// Remembers a change just made to a kept bundle; what was undone can no longer be redone.
pub(crate) fn record(connection: &Connection, bundle: BundleId, change: &Change) -> Result<()> {
    connection
        .prepare_cached("DELETE FROM bundle_history WHERE bundle_id = ?1 AND undone = 1")?
        .execute([bundle])?;
    append(connection, bundle, change, false)?;
    connection
        .prepare_cached(
            "DELETE FROM bundle_history WHERE bundle_id = ?1
             AND seq <= (SELECT max(seq) FROM bundle_history WHERE bundle_id = ?1) - ?2",
        )?
        .execute((bundle, MAX_HISTORY as i64))?;
    Ok(())
}

/// Adds a change after every other (keeping a draft copies its history this way).
pub(crate) fn append(
    connection: &Connection,
    bundle: BundleId,
    change: &Change,
    undone: bool,
) -> Result<()> {
    let json = serde_json::to_string(change).expect("a change always serialises");
    connection
        .prepare_cached(
            "INSERT INTO bundle_history (bundle_id, seq, change, undone)
             VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM bundle_history WHERE bundle_id = ?1), ?2, ?3)",
        )?
        .execute((bundle, json, undone))?;
    Ok(())
}

/// The newest change that is done (to undo), or, with `undone`, the oldest undone (to redo).
pub(crate) fn next(
    connection: &Connection,
    bundle: BundleId,
    undone: bool,
) -> Result<Option<(i64, Change)>> {
    let sql = if undone {
        "SELECT seq, change FROM bundle_history WHERE bundle_id = ?1 AND undone = 1 ORDER BY seq LIMIT 1"
    } else {
        "SELECT seq, change FROM bundle_history WHERE bundle_id = ?1 AND undone = 0 ORDER BY seq DESC LIMIT 1"
    };
    Ok(connection
        .prepare_cached(sql)?
        .query_row([bundle], |row| {
            let json: String = row.get(1)?;
            let change = serde_json::from_str(&json).map_err(|error| {
                rusqlite::Error::FromSqlConversionFailure(1, Type::Text, error.into())
            })?;
            Ok((row.get(0)?, change))
        })
        .optional()?)
}

/// Marks change `seq` undone or done again.
pub(crate) fn mark(
    connection: &Connection,
    bundle: BundleId,
    seq: i64,
    undone: bool,
) -> Result<()> {
    connection
        .prepare_cached("UPDATE bundle_history SET undone = ?3 WHERE bundle_id = ?1 AND seq = ?2")?
        .execute((bundle, seq, undone))?;
    Ok(())
}

/// Whether the kept bundle has something to undo, and something to redo.
pub(crate) fn can_undo_redo(connection: &Connection, bundle: BundleId) -> Result<(bool, bool)> {
    Ok(connection
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM bundle_history WHERE bundle_id = ?1 AND undone = 0),
                    EXISTS (SELECT 1 FROM bundle_history WHERE bundle_id = ?1 AND undone = 1)",
        )?
        .query_row([bundle], |row| Ok((row.get(0)?, row.get(1)?)))?)
}
