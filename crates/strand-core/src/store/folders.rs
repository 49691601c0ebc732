//! Queries on the `folders` table: the folders that group bundles.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::ids::FolderId;
use crate::model::Folder;

/// Every folder, by name.
pub(crate) fn folders(connection: &Connection) -> Result<Vec<Folder>> {
    Ok(connection
        .prepare_cached("SELECT id, name FROM folders ORDER BY name COLLATE NOCASE, id")?
        .query_map([], |row| {
            Ok(Folder {
                id: row.get(0)?,
                name: row.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn insert_folder(
    connection: &Connection,
    folder: &Folder,
    now: DateTime<Utc>,
) -> Result<()> {
    connection
        .prepare_cached("INSERT INTO folders (id, name, created_at) VALUES (?1, ?2, ?3)")?
        .execute((folder.id, &folder.name, now))?;
    Ok(())
}

pub(crate) fn rename_folder(connection: &Connection, id: FolderId, name: &str) -> Result<()> {
    if connection
        .prepare_cached("UPDATE folders SET name = ?2 WHERE id = ?1")?
        .execute((id, name))?
        == 0
    {
        return Err(Error::not_found("folder", id));
    }
    Ok(())
}

/// Deletes a folder; the kept bundles in it are filed under none (their membership rows go with
/// it, `ON DELETE CASCADE`).
pub(crate) fn delete_folder(connection: &Connection, id: FolderId) -> Result<()> {
    if connection
        .prepare_cached("DELETE FROM folders WHERE id = ?1")?
        .execute([id])?
        == 0
    {
        return Err(Error::not_found("folder", id));
    }
    Ok(())
}

/// Refuses with `not_found` unless the folder exists.
pub(crate) fn require(connection: &Connection, id: FolderId) -> Result<()> {
    if !connection
        .prepare_cached("SELECT 1 FROM folders WHERE id = ?1")?
        .exists([id])?
    {
        return Err(Error::not_found("folder", id));
    }
    Ok(())
}
