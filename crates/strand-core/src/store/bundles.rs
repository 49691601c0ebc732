//! Queries on the `bundles` and `entries` tables: kept bundles and their ordered entries.

use std::cell::Cell;
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};

use super::items::{ITEM_COLUMNS, item_from_row};
use crate::drafts::Draft;
use crate::error::{Error, Result};
use crate::history::{Editable, Placed};
use crate::ids::{BundleId, EntryId, ItemId};
use crate::model::{Bundle, BundleDetails, BundleState, BundleSummary, Entry, Item};
use crate::order::{self, OrderKey};

const INSERT_ENTRY: &str =
    "INSERT INTO entries (id, bundle_id, item_id, order_key, added_at) VALUES (?1, ?2, ?3, ?4, ?5)";

/// Writes a draft as a kept bundle with its entries and their order.
pub(crate) fn keep_draft(
    connection: &Connection,
    draft: &Draft,
    kept_at: DateTime<Utc>,
) -> Result<()> {
    connection.execute(
        "INSERT INTO bundles (id, name, created_at, kept_at, description, colour)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        (
            draft.id,
            &draft.name,
            draft.created_at,
            kept_at,
            &draft.details.description,
            &draft.details.colour,
        ),
    )?;
    let mut insert = connection.prepare_cached(INSERT_ENTRY)?;
    for entry in &draft.entries {
        insert.execute((
            entry.id,
            draft.id,
            entry.item_id,
            &entry.key,
            entry.added_at,
        ))?;
    }
    // What could be undone in the draft can still be undone once it is kept.
    for (change, undone) in draft.history.all() {
        super::history::append(connection, draft.id, change, undone)?;
    }
    Ok(())
}

/// Every kept bundle out of the trash (or, with `in_trash`, in it), oldest kept first.
pub(crate) fn kept_summaries(
    connection: &Connection,
    in_trash: bool,
) -> Result<Vec<BundleSummary>> {
    let mut statement = connection.prepare_cached(
        "SELECT b.id, b.name, (SELECT COUNT(*) FROM entries e WHERE e.bundle_id = b.id),
                (SELECT json_group_array(colour) FROM (
                    SELECT i.colour FROM entries e JOIN items i ON i.id = e.item_id
                    WHERE e.bundle_id = b.id ORDER BY e.order_key LIMIT 4)),
                b.colour
         FROM bundles b WHERE (b.deleted_at IS NOT NULL) = ?1 ORDER BY b.kept_at, b.id",
    )?;
    let summaries = statement
        .query_map([in_trash], |row| {
            Ok(BundleSummary {
                id: row.get(0)?,
                name: row.get(1)?,
                colour: row.get(4)?,
                state: BundleState::Kept,
                entry_count: row.get(2)?,
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

/// Deletes every kept bundle in the trash for good; returns how many.
pub(crate) fn empty_trash(connection: &Connection) -> Result<usize> {
    Ok(connection.execute("DELETE FROM bundles WHERE deleted_at IS NOT NULL", [])?)
}

/// The kept bundle with `id` and its entries in order, if it exists.
pub(crate) fn kept_bundle(connection: &Connection, id: BundleId) -> Result<Option<Bundle>> {
    let mut statement = connection.prepare_cached(
        "SELECT name, created_at, kept_at, description, colour FROM bundles WHERE id = ?1",
    )?;
    let Some((name, created_at, kept_at, details)) = statement
        .query_row([id], |row| {
            let details = BundleDetails {
                description: row.get(3)?,
                colour: row.get(4)?,
            };
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, details))
        })
        .optional()?
    else {
        return Ok(None);
    };
    // Two passes instead of a join: the entries in order (from the covering index), then their
    // items in id order, so a 100,000-entry bundle reads the items table front to back rather
    // than seeking all over it.
    let order: Vec<(EntryId, DateTime<Utc>, ItemId)> = connection
        .prepare_cached(
            "SELECT id, added_at, item_id FROM entries WHERE bundle_id = ?1 ORDER BY order_key",
        )?
        .query_map([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
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
    for (_, _, item_id) in &order {
        *uses.entry(*item_id).or_default() += 1;
    }
    let entries = order
        .into_iter()
        .map(|(entry_id, added_at, item_id)| {
            let left = uses.get_mut(&item_id).map(|left| {
                *left -= 1;
                *left
            });
            let item = match left {
                Some(0) => items.remove(&item_id),
                _ => items.get(&item_id).cloned(),
            }
            .ok_or_else(|| Error::not_found("item", item_id))?;
            Ok(Entry {
                id: entry_id,
                added_at,
                item,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let (can_undo, can_redo) = super::history::can_undo_redo(connection, id)?;
    Ok(Some(Bundle {
        id,
        name,
        state: BundleState::Kept,
        created_at,
        kept_at: Some(kept_at),
        entries,
        details,
        can_undo,
        can_redo,
    }))
}

/// Renames a kept bundle.
pub(crate) fn rename_kept(connection: &Connection, id: BundleId, name: &str) -> Result<()> {
    let changed = connection.execute("UPDATE bundles SET name = ?2 WHERE id = ?1", (id, name))?;
    if changed == 0 {
        return Err(Error::not_found("bundle", id));
    }
    Ok(())
}

/// The last key of a bundle, if it has entries.
fn last_key(connection: &Connection, bundle_id: BundleId) -> Result<Option<OrderKey>> {
    Ok(connection
        .prepare_cached(
            "SELECT order_key FROM entries WHERE bundle_id = ?1 ORDER BY order_key DESC LIMIT 1",
        )?
        .query_row([bundle_id], |row| row.get(0))
        .optional()?)
}

/// Removes one entry from a kept bundle.
pub(crate) fn delete_entry(
    connection: &Connection,
    bundle_id: BundleId,
    entry_id: EntryId,
) -> Result<()> {
    let removed = connection
        .prepare_cached("DELETE FROM entries WHERE id = ?1 AND bundle_id = ?2")?
        .execute((entry_id, bundle_id))?;
    if removed == 0 {
        return Err(Error::not_found("entry", entry_id));
    }
    Ok(())
}

/// Moves an entry of a kept bundle so that it ends up at `to_index`, by rewriting its key alone.
/// Returns how many entry rows were written (1, unless the move triggered a rebalance).
pub(crate) fn move_kept_entry(
    connection: &Connection,
    bundle_id: BundleId,
    entry_id: EntryId,
    to_index: u32,
) -> Result<usize> {
    let count: u32 = connection
        .prepare_cached("SELECT COUNT(*) FROM entries WHERE bundle_id = ?1")?
        .query_row([bundle_id], |row| row.get(0))?;
    let in_bundle = connection
        .prepare_cached("SELECT 1 FROM entries WHERE id = ?1 AND bundle_id = ?2")?
        .exists((entry_id, bundle_id))?;
    if !in_bundle {
        return Err(Error::not_found("entry", entry_id));
    }
    if to_index >= count {
        return Err(Error::invalid(
            "toIndex",
            format!("the bundle has {count} entries; positions start at 0"),
        ));
    }
    let (before, after) = neighbours(connection, bundle_id, Some(entry_id), to_index)?;
    let key = order::between(before.as_ref(), after.as_ref())?;
    connection
        .prepare_cached("UPDATE entries SET order_key = ?2 WHERE id = ?1")?
        .execute((entry_id, &key))?;
    if key.needs_rebalance() {
        return rebalance(connection, bundle_id).map(|rewritten| rewritten + 1);
    }
    Ok(1)
}

/// Gives every entry of a bundle a fresh, short, evenly spaced key, keeping their order.
/// The keys an entry at `index` sits between, in the bundle without `excluding` (the entry
/// being moved, if any).
fn neighbours(
    connection: &Connection,
    bundle_id: BundleId,
    excluding: Option<EntryId>,
    index: u32,
) -> Result<(Option<OrderKey>, Option<OrderKey>)> {
    let (offset, limit) = match index.checked_sub(1) {
        Some(before) => (before, 2),
        None => (0, 1),
    };
    let keys = connection
        .prepare_cached(
            "SELECT order_key FROM entries WHERE bundle_id = ?1 AND (?2 IS NULL OR id <> ?2)
             ORDER BY order_key LIMIT ?3 OFFSET ?4",
        )?
        .query_map((bundle_id, excluding, limit, offset), |row| {
            row.get::<_, OrderKey>(0)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut keys = keys.into_iter();
    Ok(if index == 0 {
        (None, keys.next())
    } else {
        (keys.next(), keys.next())
    })
}

/// A kept bundle being edited inside the caller's transaction.
pub(crate) struct KeptBundle<'c> {
    connection: &'c Connection,
    id: BundleId,
    /// Its entry count once counted: a bulk add or its undo inserts thousands of entries in one
    /// transaction, and counting the bundle again for each would make that quadratic.
    len: Cell<Option<u32>>,
}

impl<'c> KeptBundle<'c> {
    pub fn new(connection: &'c Connection, id: BundleId) -> KeptBundle<'c> {
        KeptBundle {
            connection,
            id,
            len: Cell::new(None),
        }
    }
}

impl Editable for KeptBundle<'_> {
    /// How many entries it has.
    fn len(&self) -> Result<u32> {
        if let Some(len) = self.len.get() {
            return Ok(len);
        }
        let len = self
            .connection
            .prepare_cached("SELECT COUNT(*) FROM entries WHERE bundle_id = ?1")?
            .query_row([self.id], |row| row.get(0))?;
        self.len.set(Some(len));
        Ok(len)
    }

    /// The entry `entry` and where it is.
    fn placed(&self, entry: EntryId) -> Result<Placed> {
        self.connection
            .prepare_cached(
                "SELECT e.item_id, e.added_at,
                        (SELECT COUNT(*) FROM entries o WHERE o.bundle_id = e.bundle_id
                         AND o.order_key < e.order_key)
                 FROM entries e WHERE e.id = ?1 AND e.bundle_id = ?2",
            )?
            .query_row((entry, self.id), |row| {
                Ok(Placed {
                    id: entry,
                    item: row.get(0)?,
                    added_at: row.get(1)?,
                    index: row.get(2)?,
                })
            })
            .optional()?
            .ok_or_else(|| Error::not_found("entry", entry))
    }

    /// Its entries' ids, first to last.
    fn order(&self) -> Result<Vec<EntryId>> {
        Ok(self
            .connection
            .prepare_cached("SELECT id FROM entries WHERE bundle_id = ?1 ORDER BY order_key")?
            .query_map([self.id], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Its name.
    fn name(&self) -> Result<String> {
        Ok(self
            .connection
            .prepare_cached("SELECT name FROM bundles WHERE id = ?1")?
            .query_row([self.id], |row| row.get(0))?)
    }

    fn insert_at(&mut self, entry: &Placed) -> Result<()> {
        let len = self.len()?;
        if entry.index > len {
            return Err(Error::Conflict(
                "the bundle changed; it no longer has that position".into(),
            ));
        }
        let (before, after) = if entry.index == len {
            // Appending, the usual case: the last key is one index step away, not a scan.
            (last_key(self.connection, self.id)?, None)
        } else {
            neighbours(self.connection, self.id, None, entry.index)?
        };
        let key = order::between(before.as_ref(), after.as_ref())?;
        self.connection.prepare_cached(INSERT_ENTRY)?.execute((
            entry.id,
            self.id,
            entry.item,
            &key,
            entry.added_at,
        ))?;
        if key.needs_rebalance() {
            rebalance(self.connection, self.id)?;
        }
        self.len.set(Some(len + 1));
        Ok(())
    }

    fn remove(&mut self, entry: EntryId) -> Result<()> {
        delete_entry(self.connection, self.id, entry)?;
        self.len.set(self.len.get().map(|len| len - 1));
        Ok(())
    }

    fn move_to(&mut self, entry: EntryId, index: u32) -> Result<()> {
        move_kept_entry(self.connection, self.id, entry, index).map(drop)
    }

    fn reorder(&mut self, order: &[EntryId]) -> Result<()> {
        reorder_kept(self.connection, self.id, order).map(drop)
    }

    fn rename(&mut self, name: &str) -> Result<()> {
        rename_kept(self.connection, self.id, name)
    }

    fn details(&self) -> Result<BundleDetails> {
        Ok(self
            .connection
            .prepare_cached("SELECT description, colour FROM bundles WHERE id = ?1")?
            .query_row([self.id], |row| {
                Ok(BundleDetails {
                    description: row.get(0)?,
                    colour: row.get(1)?,
                })
            })?)
    }

    fn set_details(&mut self, details: &BundleDetails) -> Result<()> {
        self.connection
            .prepare_cached("UPDATE bundles SET description = ?2, colour = ?3 WHERE id = ?1")?
            .execute((self.id, &details.description, &details.colour))?;
        Ok(())
    }
}

fn rebalance(connection: &Connection, bundle_id: BundleId) -> Result<usize> {
    let ids = connection
        .prepare_cached("SELECT id FROM entries WHERE bundle_id = ?1 ORDER BY order_key")?
        .query_map([bundle_id], |row| row.get::<_, EntryId>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    reorder_kept(connection, bundle_id, &ids)
}

/// Puts a kept bundle's entries in the order of `ids` (every entry, each once) with fresh,
/// evenly spaced keys. Returns how many rows were written.
pub(crate) fn reorder_kept(
    connection: &Connection,
    bundle_id: BundleId,
    ids: &[EntryId],
) -> Result<usize> {
    let mut update = connection
        .prepare_cached("UPDATE entries SET order_key = ?3 WHERE id = ?1 AND bundle_id = ?2")?;
    for (id, key) in ids.iter().zip(order::evenly_spaced(ids.len())) {
        if update.execute((id, bundle_id, &key))? == 0 {
            return Err(Error::not_found("entry", id));
        }
    }
    Ok(ids.len())
}
