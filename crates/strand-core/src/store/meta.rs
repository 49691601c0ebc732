//! Facts about the library file itself, one key per row.

use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;

/// Set once a new library is readied (a demo's given the sample catalogue); its name is from
/// when every library was.
const INITIALISED: &str = "catalogue_seeded";
/// Set in a library made for demo mode, which never opens a person's library (nor they it).
const DEMO_LIBRARY: &str = "demo_library";

pub(super) fn get(connection: &Connection, key: &str) -> Result<Option<String>> {
    let mut statement = connection.prepare_cached("SELECT value FROM meta WHERE key = ?1")?;
    Ok(statement.query_row([key], |row| row.get(0)).optional()?)
}

pub(super) fn set(connection: &Connection, key: &str, value: &str) -> Result<()> {
    connection
        .prepare_cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")?
        .execute((key, value))?;
    Ok(())
}

/// Whether this library was readied for its first use.
pub(crate) fn is_initialised(connection: &Connection) -> Result<bool> {
    Ok(get(connection, INITIALISED)?.is_some())
}

/// Records that the library was readied, so it is not readied twice.
pub(crate) fn mark_initialised(connection: &Connection) -> Result<()> {
    set(connection, INITIALISED, &chrono::Utc::now().to_rfc3339())
}

/// Whether this library was made for demo mode.
pub(crate) fn is_demo_library(connection: &Connection) -> Result<bool> {
    Ok(get(connection, DEMO_LIBRARY)?.is_some())
}

/// Marks a new library as demo mode's own.
pub(crate) fn mark_demo_library(connection: &Connection) -> Result<()> {
    set(connection, DEMO_LIBRARY, "true")
}
