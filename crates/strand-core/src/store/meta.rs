//! Facts about the library file itself, one key per row.

use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;

const CATALOGUE_SEEDED: &str = "catalogue_seeded";

/// Whether the demo catalogue was ever put into this library.
pub(crate) fn is_seeded(connection: &Connection) -> Result<bool> {
    let value: Option<String> = connection
        .query_row(
            "SELECT value FROM meta WHERE key = ?1",
            [CATALOGUE_SEEDED],
            |row| row.get(0),
        )
        .optional()?;
    Ok(value.is_some())
}

/// Records that the demo catalogue was seeded, so it is not seeded twice.
pub(crate) fn mark_seeded(connection: &Connection) -> Result<()> {
    connection.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
        (CATALOGUE_SEEDED, chrono::Utc::now().to_rfc3339()),
    )?;
    Ok(())
}
