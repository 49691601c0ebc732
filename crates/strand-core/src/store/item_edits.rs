//! Changing items already in the library: a person's edit of one, taking some out (as rows an
//! undo can put back exactly), and finding the entries that thread them.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};

use super::items::{ITEM_COLUMNS, ItemWriter, index_texts, item_from_row};
use crate::error::{Error, Result};
use crate::formats::location;
use crate::ids::{BundleId, EntryId, ItemId};
use crate::model::{Item, ItemDetails};

/// An item as its row held it, to be put back as it was: its creation time and whether it is
/// the sample's, too.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ItemRow {
    pub item: Item,
    created_at: String,
    sample: bool,
}

/// An entry threading one of some items, and where its bundle is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Threading {
    pub bundle: BundleId,
    pub entry: EntryId,
    pub item: ItemId,
    pub in_trash: bool,
}

/// Writes new details over the item `id`: its row, its tags and its search-index row.
pub(crate) fn update_item(
    connection: &Connection,
    id: ItemId,
    details: &ItemDetails,
) -> Result<()> {
    let rowid: i64 = connection
        .prepare_cached(
            "UPDATE items SET kind = ?2, title = ?3, creator = ?4, duration_ms = ?5,
                 price_cents = ?6, currency = ?7, source_uri = ?8, colour = ?9
             WHERE id = ?1 RETURNING rowid",
        )?
        .query_row(
            (
                id,
                details.kind.as_str(),
                &details.title,
                &details.creator,
                details.duration_ms,
                details.price_cents,
                &details.currency,
                details.source_uri.as_deref().map(location::canonical),
                &details.colour,
            ),
            |row| row.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("item", id))?;
    connection
        .prepare_cached("DELETE FROM item_tags WHERE item_id = ?1")?
        .execute([id])?;
    let mut insert_tag = connection
        .prepare_cached("INSERT OR IGNORE INTO item_tags (item_id, tag) VALUES (?1, ?2)")?;
    for tag in &details.tags {
        insert_tag.execute((id, tag))?;
    }
    let (title, creator, tags) = index_texts(details);
    connection
        .prepare_cached(
            "UPDATE items_fts SET title = ?2, creator = ?3, tags = ?4 WHERE rowid = ?1",
        )?
        .execute((rowid, title, creator, tags))?;
    Ok(())
}

/// Takes the items `ids` out of the library and answers their rows as they were. An id that
/// names no item is not found, and the caller's transaction then changes nothing.
pub(crate) fn take_items(connection: &Connection, ids: &[ItemId]) -> Result<Vec<ItemRow>> {
    let mut read = connection.prepare_cached(&format!(
        "SELECT {ITEM_COLUMNS}, i.created_at, i.sample FROM items i WHERE i.id = ?1"
    ))?;
    let mut delete = connection.prepare_cached("DELETE FROM items WHERE id = ?1")?;
    let mut taken = Vec::with_capacity(ids.len());
    for &id in ids {
        let row = read
            .query_row([id], |row| {
                Ok(ItemRow {
                    item: item_from_row(row, 0)?,
                    created_at: row.get(10)?,
                    sample: row.get(11)?,
                })
            })
            .optional()?
            .ok_or_else(|| Error::not_found("item", id))?;
        delete.execute([id])?;
        taken.push(row);
    }
    connection
        .prepare_cached("UPDATE library_stats SET items = items - ?1")?
        .execute([taken.len() as i64])?;
    Ok(taken)
}

/// Puts items taken out by [`take_items`] back, with their ids, times and marks.
pub(crate) fn put_back_items(
    connection: &Connection,
    rows: &[ItemRow],
    now: DateTime<Utc>,
) -> Result<()> {
    // Each row carries its own creation time; `now` is only the writer's default.
    let mut writer = ItemWriter::new(connection, now)?;
    let mut mark = connection.prepare_cached("UPDATE items SET sample = 1 WHERE id = ?1")?;
    for row in rows {
        writer.insert_made_at(row.item.id, &row.item.details, &row.created_at)?;
        if row.sample {
            mark.execute([row.item.id])?;
        }
    }
    writer.finish()
}

/// Every entry, kept or in the trash, that threads one of `items`. Entries have no index by
/// item (migration 0014), so this reads them all once, letting SQLite pick the matches.
pub(crate) fn entries_threading(
    connection: &Connection,
    items: &HashSet<ItemId>,
) -> Result<Vec<Threading>> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let mut statement = connection.prepare(&format!(
        "SELECT e.bundle_id, e.id, e.item_id, b.deleted_at IS NOT NULL
         FROM entries e JOIN bundles b ON b.id = e.bundle_id
         WHERE e.item_id IN ({})",
        vec!["?"; items.len()].join(", ")
    ))?;
    let threading = statement
        .query_map(rusqlite::params_from_iter(items), |row| {
            Ok(Threading {
                bundle: row.get(0)?,
                entry: row.get(1)?,
                item: row.get(2)?,
                in_trash: row.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(threading)
}
