//! Cover pictures, each stored once as `cover.rs` made it, and named by bundles.

use rusqlite::{Connection, OptionalExtension};

use crate::cover::Cover;
use crate::error::Result;
use crate::ids::CoverId;

/// Stores `cover` under a new id.
pub(crate) fn insert_cover(connection: &Connection, cover: &Cover) -> Result<CoverId> {
    let id = CoverId::new();
    connection
        .prepare_cached(
            "INSERT INTO covers (id, media_type, width, height, image) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute((
            id,
            &cover.media_type,
            cover.width,
            cover.height,
            &cover.image,
        ))?;
    Ok(id)
}

/// The cover stored under `id`, if there is one.
pub(crate) fn cover(connection: &Connection, id: CoverId) -> Result<Option<Cover>> {
    Ok(connection
        .prepare_cached("SELECT media_type, width, height, image FROM covers WHERE id = ?1")?
        .query_row([id], |row| {
            Ok(Cover {
                media_type: row.get(0)?,
                width: row.get(1)?,
                height: row.get(2)?,
                image: row.get(3)?,
            })
        })
        .optional()?)
}

/// Deletes the covers nothing can show again: named by no bundle (kept or trashed) and by no
/// step of a kept bundle's undo history. Run when the session's drafts are gone (a normal quit),
/// since a draft's cover is named only in memory and in the drafts journal. Returns how many.
pub(crate) fn sweep_covers(connection: &Connection) -> Result<usize> {
    // History holds each change as JSON, where an id is written as hyphenated lower-case text;
    // the blob id is spelled that way to look for it there.
    Ok(connection.execute(
        "DELETE FROM covers
         WHERE NOT EXISTS (SELECT 1 FROM bundles b WHERE b.cover = covers.id)
           AND NOT EXISTS (
               SELECT 1 FROM bundle_history h
               WHERE instr(h.change, lower(
                   substr(hex(covers.id), 1, 8) || '-' || substr(hex(covers.id), 9, 4) || '-' ||
                   substr(hex(covers.id), 13, 4) || '-' || substr(hex(covers.id), 17, 4) || '-' ||
                   substr(hex(covers.id), 21))) > 0)",
        [],
    )?)
}
