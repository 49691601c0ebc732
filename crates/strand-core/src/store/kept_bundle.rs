//! [`KeptBundle`]: a kept bundle being edited inside the caller's transaction, as
//! [`Editable`] — the same edits a draft takes, made on the `entries` rows, each key checked to
//! fall strictly between its neighbours where it is made (or the bundle rebalanced).

use rusqlite::{Connection, OptionalExtension};

use super::bundles::{INSERT_ENTRY, SET_KEY, stored_time, time_from_storage};
use crate::error::{Error, Result};
use crate::history::{Editable, Placed};
use crate::ids::{BundleId, EntryId, FolderId, ItemId};
use crate::model::BundleDetails;
use crate::order::{self, OrderKey};

/// Renames a kept bundle.
fn rename_kept(connection: &Connection, id: BundleId, name: &str) -> Result<()> {
    let changed = connection.execute("UPDATE bundles SET name = ?2 WHERE id = ?1", (id, name))?;
    if changed == 0 {
        return Err(Error::not_found("bundle", id));
    }
    Ok(())
}

/// A kept bundle being edited inside the caller's transaction. Every place is found by an index
/// seek from a neighbour's key, never by counting, so an edit costs the same in a bundle of ten
/// entries or of 100,000.
pub(crate) struct KeptBundle<'c> {
    connection: &'c Connection,
    id: BundleId,
}

impl<'c> KeptBundle<'c> {
    pub fn new(connection: &'c Connection, id: BundleId) -> KeptBundle<'c> {
        KeptBundle { connection, id }
    }

    /// The keys a new place right after `after` (first, if none) sits between, ignoring
    /// `moving` (the entry being moved, which leaves its old place).
    fn gap_after(
        &self,
        after: Option<EntryId>,
        moving: Option<EntryId>,
    ) -> Result<(Option<OrderKey>, Option<OrderKey>)> {
        let Some(after) = after else {
            let first = self
                .connection
                .prepare_cached(
                    "SELECT order_key FROM entries WHERE bundle_id = ?1 AND id IS NOT ?2
                     ORDER BY order_key LIMIT 1",
                )?
                .query_row((self.id, moving), |row| row.get(0))
                .optional()?;
            return Ok((None, first));
        };
        let (before, next) = self
            .connection
            .prepare_cached(
                "SELECT a.order_key,
                        (SELECT n.order_key FROM entries n
                         WHERE n.bundle_id = ?1 AND n.order_key > a.order_key AND n.id IS NOT ?3
                         ORDER BY n.order_key LIMIT 1)
                 FROM entries a WHERE a.id = ?2 AND a.bundle_id = ?1",
            )?
            .query_row((self.id, after, moving), |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?
            .ok_or_else(|| Error::not_found("entry", after))?;
        Ok((Some(before), next))
    }

    fn count_entries(&self, change: i64) -> Result<()> {
        self.connection
            .prepare_cached("UPDATE bundles SET entry_count = entry_count + ?2 WHERE id = ?1")?
            .execute((self.id, change))?;
        Ok(())
    }
}

impl Editable for KeptBundle<'_> {
    fn last(&self) -> Result<Option<EntryId>> {
        Ok(self
            .connection
            .prepare_cached(
                "SELECT id FROM entries WHERE bundle_id = ?1 ORDER BY order_key DESC LIMIT 1",
            )?
            .query_row([self.id], |row| row.get(0))
            .optional()?)
    }

    fn placed_in_order(&self, entries: &[EntryId]) -> Result<Vec<Placed>> {
        let mut placed = self.connection.prepare_cached(
            "SELECT e.order_key, e.item_id, e.added_at,
                    (SELECT p.id FROM entries p WHERE p.bundle_id = ?2 AND p.order_key < e.order_key
                     ORDER BY p.order_key DESC LIMIT 1)
             FROM entries e WHERE e.id = ?1 AND e.bundle_id = ?2",
        )?;
        let mut found = entries
            .iter()
            .map(|&id| {
                placed
                    .query_row((id, self.id), |row| {
                        let key: OrderKey = row.get(0)?;
                        Ok((
                            key,
                            Placed {
                                id,
                                item: row.get(1)?,
                                added_at: time_from_storage(row.get(2)?),
                                after: row.get(3)?,
                            },
                        ))
                    })
                    .optional()?
                    .ok_or_else(|| Error::not_found("entry", id))
            })
            .collect::<Result<Vec<_>>>()?;
        found.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
        found.dedup_by(|(_, a), (_, b)| a.id == b.id);
        Ok(found.into_iter().map(|(_, placed)| placed).collect())
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

    fn insert(&mut self, entry: &Placed) -> Result<()> {
        let (before, next) = self.gap_after(entry.after, None)?;
        let key = order::between(before.as_ref(), next.as_ref())?;
        self.connection.prepare_cached(INSERT_ENTRY)?.execute((
            self.id,
            entry.id,
            entry.item,
            &key,
            stored_time(entry.added_at)?,
        ))?;
        if key.needs_rebalance() {
            rebalance(self.connection, self.id)?;
        }
        self.count_entries(1)
    }

    fn remove(&mut self, entry: EntryId) -> Result<()> {
        delete_entry(self.connection, self.id, entry)?;
        self.count_entries(-1)
    }

    /// Rewrites the entry's key alone (and, rarely, rebalances the bundle when keys grew long).
    fn move_after(&mut self, entry: EntryId, after: Option<EntryId>) -> Result<()> {
        if after == Some(entry) {
            return Err(crate::drafts::cannot_follow_itself());
        }
        let (before, next) = self.gap_after(after, Some(entry))?;
        let key = order::between(before.as_ref(), next.as_ref())?;
        let moved = self
            .connection
            .prepare_cached(SET_KEY)?
            .execute((entry, self.id, &key))?;
        if moved == 0 {
            return Err(Error::not_found("entry", entry));
        }
        if key.needs_rebalance() {
            rebalance(self.connection, self.id)?;
        }
        Ok(())
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
            .prepare_cached("SELECT description, colour, cover FROM bundles WHERE id = ?1")?
            .query_row([self.id], |row| {
                Ok(BundleDetails {
                    description: row.get(0)?,
                    colour: row.get(1)?,
                    cover_image: row.get(2)?,
                })
            })?)
    }

    fn set_details(&mut self, details: &BundleDetails) -> Result<()> {
        self.connection
            .prepare_cached(
                "UPDATE bundles SET description = ?2, colour = ?3, cover = ?4 WHERE id = ?1",
            )?
            .execute((
                self.id,
                &details.description,
                &details.colour,
                details.cover_image,
            ))?;
        Ok(())
    }

    fn folder(&self) -> Result<Option<FolderId>> {
        Ok(self
            .connection
            .prepare_cached("SELECT folder_id FROM bundle_folders WHERE bundle_id = ?1")?
            .query_row([self.id], |row| row.get(0))
            .optional()?)
    }

    fn set_folder(&mut self, folder: Option<FolderId>) -> Result<()> {
        match folder {
            Some(folder) => {
                super::folders::require(self.connection, folder)?;
                self.connection
                    .prepare_cached(
                        "INSERT OR REPLACE INTO bundle_folders (bundle_id, folder_id) VALUES (?1, ?2)",
                    )?
                    .execute((self.id, folder))?;
            }
            None => {
                self.connection
                    .prepare_cached("DELETE FROM bundle_folders WHERE bundle_id = ?1")?
                    .execute([self.id])?;
            }
        }
        Ok(())
    }

    fn set_item(&mut self, entry: EntryId, item: ItemId) -> Result<()> {
        let changed = self
            .connection
            .prepare_cached("UPDATE entries SET item_id = ?3 WHERE id = ?2 AND bundle_id = ?1")?
            .execute((self.id, entry, item))?;
        if changed == 0 {
            return Err(Error::not_found("entry", entry));
        }
        Ok(())
    }
}

/// Removes one entry from a kept bundle.
fn delete_entry(connection: &Connection, bundle_id: BundleId, entry_id: EntryId) -> Result<()> {
    let removed = connection
        .prepare_cached("DELETE FROM entries WHERE id = ?1 AND bundle_id = ?2")?
        .execute((entry_id, bundle_id))?;
    if removed == 0 {
        return Err(Error::not_found("entry", entry_id));
    }
    Ok(())
}

/// Gives every entry of a bundle a fresh, short, evenly spaced key, keeping their order.
fn rebalance(connection: &Connection, bundle_id: BundleId) -> Result<usize> {
    let ids = connection
        .prepare_cached("SELECT id FROM entries WHERE bundle_id = ?1 ORDER BY order_key")?
        .query_map([bundle_id], |row| row.get::<_, EntryId>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    reorder_kept(connection, bundle_id, &ids)
}

/// Puts a kept bundle's entries in the order of `ids` (every entry, each once) with fresh,
/// evenly spaced keys. Returns how many rows were written.
fn reorder_kept(connection: &Connection, bundle_id: BundleId, ids: &[EntryId]) -> Result<usize> {
    let mut update = connection.prepare_cached(SET_KEY)?;
    for (id, key) in ids.iter().zip(order::evenly_spaced(ids.len())) {
        if update.execute((id, bundle_id, &key))? == 0 {
            return Err(Error::not_found("entry", id));
        }
    }
    Ok(ids.len())
}
