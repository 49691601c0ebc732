//! Queries on the `bundles` and `entries` tables: keeping a draft, kept bundles and their
//! ordered entries, the trash. Editing a kept bundle is `kept_bundle.rs`.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension};

use super::items::{ITEM_COLUMNS, item_from_row};
use crate::drafts::{Draft, DraftEntry};
use crate::error::{Error, Result};
use crate::ids::{BundleId, EntryId, ItemId};
use crate::model::{Bundle, BundleDetails, BundleState, BundleSummary, Entry, Item};

/// An insert of one entry of the bundle `?1`: `insert_entries(1)`.
pub(super) const INSERT_ENTRY: &str =
    "INSERT INTO entries (id, bundle_id, item_id, order_key, added_at) VALUES (?2, ?1, ?3, ?4, ?5)";

/// Gives the entry `?1` of the bundle `?2` the key `?3`.
pub(super) const SET_KEY: &str =
    "UPDATE entries SET order_key = ?3 WHERE id = ?1 AND bundle_id = ?2";

/// How many entries one statement of a keep inserts. One statement keeps its cursors open from
/// row to row, so each row lands after the one before without a seek from the index's root;
/// one statement per row paid that seek, and a statement's start and end, 10,000 times.
const ENTRIES_PER_INSERT: usize = 256;

/// An insert of `rows` entries of the bundle `?1`, each with its id, item, key and time.
fn insert_entries(rows: usize) -> String {
    let values: Vec<String> = (0..rows)
        .map(|row| {
            let id = 2 + row * 4;
            format!("(?{id}, ?1, ?{}, ?{}, ?{})", id + 1, id + 2, id + 3)
        })
        .collect();
    format!(
        "INSERT INTO entries (id, bundle_id, item_id, order_key, added_at) VALUES {}",
        values.join(", ")
    )
}

/// When an entry was added, as stored: nanoseconds since the Unix epoch (migration 0014), eight
/// bytes a row where text took 35, and to the nanosecond, as the clock gave it.
pub(super) fn stored_time(at: DateTime<Utc>) -> Result<i64> {
    at.timestamp_nanos_opt().ok_or_else(|| Error::Invalid {
        field: "added_at",
        reason: format!("{at} is outside the years 1678 to 2261 that an entry's time can hold"),
    })
}

/// When an entry was added, from its stored form.
pub(super) fn time_from_storage(nanos: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_nanos(nanos)
}

/// Writes a draft as a kept bundle with its entries and their order.
pub(crate) fn keep_draft(
    connection: &Connection,
    draft: &Draft,
    kept_at: DateTime<Utc>,
) -> Result<()> {
    connection.execute(
        "INSERT INTO bundles
             (id, name, created_at, kept_at, description, colour, entry_count, cover)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        (
            draft.id,
            &draft.name,
            draft.created_at,
            kept_at,
            &draft.details.description,
            &draft.details.colour,
            draft.entries.len() as u32,
            draft.details.cover_image,
        ),
    )?;
    if let Some(folder) = draft.folder {
        // A folder deleted while the draft named it (an undo can bring the name back): none.
        connection
            .prepare_cached(
                "INSERT INTO bundle_folders (bundle_id, folder_id)
                 SELECT ?1, id FROM folders WHERE id = ?2",
            )?
            .execute((draft.id, folder))?;
    }
    insert_draft_entries(connection, draft)?;
    // What could be undone in the draft can still be undone once it is kept.
    for (change, undone) in draft.history.all() {
        super::history::append(connection, draft.id, change, undone)?;
    }
    Ok(())
}

/// Writes a draft's entries in the bundle's order, so the index that holds them in order grows
/// at its end rather than splitting pages all over.
fn insert_draft_entries(connection: &Connection, draft: &Draft) -> Result<()> {
    let rows = draft
        .entries
        .iter()
        .map(|entry| Ok((entry, stored_time(entry.added_at)?)))
        .collect::<Result<Vec<_>>>()?;
    let chunks = rows.chunks_exact(ENTRIES_PER_INSERT);
    let rest = chunks.remainder();
    // A small draft needs no statement of many rows, nor the work of making one.
    if chunks.len() > 0 {
        insert_many_entries(connection, draft.id, chunks)?;
    }
    let mut insert = connection.prepare_cached(INSERT_ENTRY)?;
    for (entry, added_at) in rest {
        insert.execute((draft.id, entry.id, entry.item_id, &entry.key, added_at))?;
    }
    Ok(())
}

/// Inserts whole chunks of a draft's entries (each with its stored time), one statement each.
fn insert_many_entries(
    connection: &Connection,
    bundle: BundleId,
    chunks: std::slice::ChunksExact<'_, (&DraftEntry, i64)>,
) -> Result<()> {
    let mut insert_many = connection.prepare_cached(&insert_entries(ENTRIES_PER_INSERT))?;
    for chunk in chunks {
        let mut values: Vec<&dyn ToSql> = Vec::with_capacity(1 + 4 * chunk.len());
        values.push(&bundle);
        for (entry, added_at) in chunk {
            values.extend([
                &entry.id as &dyn ToSql,
                &entry.item_id,
                &entry.key,
                added_at,
            ]);
        }
        insert_many.execute(&*values)?;
    }
    Ok(())
}

/// Every kept bundle out of the trash (or, with `in_trash`, in it), oldest kept first.
pub(crate) fn kept_summaries(
    connection: &Connection,
    in_trash: bool,
) -> Result<Vec<BundleSummary>> {
    let mut statement = connection.prepare_cached(
        "SELECT b.id, b.name, b.entry_count,
                (SELECT json_group_array(colour) FROM (
                    SELECT i.colour FROM entries e JOIN items i ON i.id = e.item_id
                    WHERE e.bundle_id = b.id ORDER BY e.order_key LIMIT 4)),
                b.colour, (SELECT folder_id FROM bundle_folders f WHERE f.bundle_id = b.id),
                b.cover
         FROM bundles b WHERE (b.deleted_at IS NOT NULL) = ?1 ORDER BY b.kept_at, b.id",
    )?;
    let summaries = statement
        .query_map([in_trash], |row| {
            Ok(BundleSummary {
                id: row.get(0)?,
                name: row.get(1)?,
                colour: row.get(4)?,
                folder: row.get(5)?,
                state: BundleState::Kept,
                entry_count: row.get(2)?,
                cover_image: row.get(6)?,
                cover: serde_json::from_str(&row.get::<_, String>(3)?).map_err(|error| {
                    rusqlite::Error::FromSqlConversionFailure(
                        3,
                        rusqlite::types::Type::Text,
                        error.into(),
                    )
                })?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(summaries)
}

/// How many bundles are kept (the trash does not count).
pub(crate) fn kept_count(connection: &Connection) -> Result<u32> {
    Ok(connection.query_row(
        "SELECT COUNT(*) FROM bundles WHERE deleted_at IS NULL",
        [],
        |row| row.get(0),
    )?)
}

/// Where a kept bundle is, if it exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Whereabouts {
    Kept,
    InTrash,
}

/// Whether a kept bundle with `id` exists, and whether it is in the trash.
pub(crate) fn whereabouts(connection: &Connection, id: BundleId) -> Result<Option<Whereabouts>> {
    let mut statement =
        connection.prepare_cached("SELECT deleted_at IS NOT NULL FROM bundles WHERE id = ?1")?;
    let in_trash: Option<bool> = statement.query_row([id], |row| row.get(0)).optional()?;
    Ok(in_trash.map(|in_trash| {
        if in_trash {
            Whereabouts::InTrash
        } else {
            Whereabouts::Kept
        }
    }))
}

/// Moves a kept bundle into the trash, or (with `None`) back out of it.
pub(crate) fn set_trashed(
    connection: &Connection,
    id: BundleId,
    deleted_at: Option<DateTime<Utc>>,
) -> Result<()> {
    connection.execute(
        "UPDATE bundles SET deleted_at = ?2 WHERE id = ?1",
        (id, deleted_at),
    )?;
    Ok(())
}

/// How many kept bundles the trash holds.
pub(crate) fn kept_count_in_trash(connection: &Connection) -> Result<u32> {
    Ok(connection
        .prepare_cached("SELECT COUNT(*) FROM bundles WHERE deleted_at IS NOT NULL")?
        .query_row([], |row| row.get(0))?)
}

/// Deletes every kept bundle in the trash for good; returns how many.
pub(crate) fn empty_trash(connection: &Connection) -> Result<usize> {
    Ok(connection.execute("DELETE FROM bundles WHERE deleted_at IS NOT NULL", [])?)
}

/// The kept bundle with `id` (without its entries), if it exists.
pub(crate) fn kept_bundle(connection: &Connection, id: BundleId) -> Result<Option<Bundle>> {
    let mut statement = connection.prepare_cached(
        "SELECT name, created_at, kept_at, description, colour, entry_count,
                (SELECT folder_id FROM bundle_folders f WHERE f.bundle_id = b.id), cover
         FROM bundles b WHERE id = ?1",
    )?;
    let Some(mut bundle) = statement
        .query_row([id], |row| {
            Ok(Bundle {
                id,
                name: row.get(0)?,
                state: BundleState::Kept,
                created_at: row.get(1)?,
                kept_at: Some(row.get(2)?),
                entry_count: row.get(5)?,
                details: BundleDetails {
                    description: row.get(3)?,
                    colour: row.get(4)?,
                    cover_image: row.get(7)?,
                },
                folder: row.get(6)?,
                can_undo: false,
                can_redo: false,
            })
        })
        .optional()?
    else {
        return Ok(None);
    };
    (bundle.can_undo, bundle.can_redo) = super::history::can_undo_redo(connection, id)?;
    Ok(Some(bundle))
}

/// How many entries the kept bundle with `id` has, if it exists.
pub(crate) fn kept_entry_count(connection: &Connection, id: BundleId) -> Result<Option<u32>> {
    Ok(connection
        .prepare_cached("SELECT entry_count FROM bundles WHERE id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()?)
}

/// Where an entry is and what it threads, without the item itself.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Threaded {
    pub id: EntryId,
    pub item: ItemId,
    pub added_at: DateTime<Utc>,
}

impl Threaded {
    /// The entry at `position`, given the item it threads; none found means the item is missing.
    pub fn at(self, position: u32, item: Option<Item>) -> Entry {
        Entry {
            id: self.id,
            missing: item.is_none(),
            item: item.unwrap_or_else(|| Item::missing(self.item)),
            added_at: self.added_at,
            position,
        }
    }
}

/// Up to `limit` entries of a kept bundle from position `offset` on, in order.
pub(crate) fn kept_order(
    connection: &Connection,
    id: BundleId,
    offset: u32,
    limit: u32,
) -> Result<Vec<Threaded>> {
    Ok(connection
        .prepare_cached(
            "SELECT id, item_id, added_at FROM entries WHERE bundle_id = ?1
             ORDER BY order_key LIMIT ?2 OFFSET ?3",
        )?
        .query_map((id, limit, offset), |row| {
            Ok(Threaded {
                id: row.get(0)?,
                item: row.get(1)?,
                added_at: time_from_storage(row.get(2)?),
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Every entry of a kept bundle with its item, in order: what an export writes.
pub(crate) fn kept_entries(connection: &Connection, id: BundleId) -> Result<Vec<Entry>> {
    let order = kept_order(connection, id, 0, u32::MAX)?;
    // The items in id order rather than one seek per entry, so a 100,000-entry bundle reads the
    // items table front to back.
    let mut items: HashMap<ItemId, Item> = connection
        .prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM items i
             WHERE i.id IN (SELECT item_id FROM entries WHERE bundle_id = ?1) ORDER BY i.id"
        ))?
        .query_map([id], |row| {
            item_from_row(row, 0).map(|item| (item.id, item))
        })?
        .collect::<rusqlite::Result<_>>()?;
    // An item threaded once (the usual case) moves into its entry; only repeats are copied.
    let mut uses: HashMap<ItemId, u32> = HashMap::with_capacity(items.len());
    for threaded in &order {
        *uses.entry(threaded.item).or_default() += 1;
    }
    Ok(order
        .into_iter()
        .zip(0..)
        .map(|(threaded, position)| {
            let left = uses.get_mut(&threaded.item).map(|left| {
                *left -= 1;
                *left
            });
            let item = match left {
                Some(0) => items.remove(&threaded.item),
                _ => items.get(&threaded.item).cloned(),
            };
            threaded.at(position, item)
        })
        .collect())
}

/// Whether a kept bundle threads the item. It reads the bundle's entries (~15–20 ms for 100,000):
/// an index by item made every keep seek into it once per entry (migration 0014).
pub(crate) fn kept_threads(connection: &Connection, id: BundleId, item: ItemId) -> Result<bool> {
    Ok(connection
        .prepare_cached("SELECT 1 FROM entries WHERE bundle_id = ?2 AND item_id = ?1")?
        .exists((item, id))?)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn an_entry_time_is_stored_to_the_nanosecond() {
        let at = Utc.timestamp_opt(1_700_000_000, 123_456_789).unwrap();
        assert_eq!(time_from_storage(stored_time(at).expect("stored")), at);
    }

    #[test]
    fn an_entry_time_beyond_what_storage_holds_is_refused_not_wrapped() {
        let far = Utc.with_ymd_and_hms(2300, 1, 1, 0, 0, 0).unwrap();
        assert!(matches!(
            stored_time(far),
            Err(Error::Invalid {
                field: "added_at",
                ..
            })
        ));
    }

    #[test]
    fn an_insert_of_many_entries_names_each_parameter_once() {
        assert_eq!(insert_entries(1), INSERT_ENTRY);
        assert_eq!(
            insert_entries(2),
            "INSERT INTO entries (id, bundle_id, item_id, order_key, added_at) \
             VALUES (?2, ?1, ?3, ?4, ?5), (?6, ?1, ?7, ?8, ?9)"
        );
    }
}
