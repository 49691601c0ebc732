//! Search inside a bundle: the entries whose item matches what a person typed, in the bundle's
//! order, each with its position.
//!
//! Entries name their item by id while the search index names items by rowid, so telling
//! whether an entry matches costs a seek one way or the other: the entry's item looked up, or
//! every match's id fetched once. The search walks the bundle in order looking entries up, which
//! ends soon where matches are common in it. After each step it reckons how many more entries
//! the walk would look up at the rate it finds matches; once that is more than the library's
//! matches, it fetches their ids instead and walks on comparing ids.

use std::collections::HashSet;

use roaring::RoaringTreemap;
use rusqlite::Connection;

use super::{Strand, check_limit};
use crate::error::Result;
use crate::ids::{BundleId, ItemId};
use crate::model::EntryPage;
use crate::search;
use crate::store::{self, Threaded};

/// How many entries the walk reads first; each read after it takes twice as many, so a search
/// that ends early reads little and one that walks a whole bundle reads it in few steps.
const FIRST_WINDOW: u32 = 256;

/// How many entries are judged at once: enough to look their items up in one statement, few
/// enough that a search ending mid-window looks up little it does not need.
const JUDGED_AT_ONCE: usize = 256;

impl Strand {
    /// The first `limit` entries of a bundle whose item matches `text` (as the library search
    /// matches: title, creator and tags, by word prefix, accents ignored), each with its
    /// position. Empty text finds every entry.
    pub fn find_entries(&self, id: BundleId, text: &str, limit: u32) -> Result<EntryPage> {
        check_limit(limit)?;
        let Some(expression) = search::match_expression(text) else {
            return self.entries(id, 0, limit);
        };
        let matches = self
            .store
            .read(|connection| store::matching_rows(connection, &expression))?;
        if matches.is_empty() {
            let (_, total) = self.order_window(id, 0, 0)?;
            return Ok(EntryPage {
                entries: Vec::new(),
                total,
                more: false,
            });
        }
        let mut judge = Judge::ByRow(matches);
        let wanted = limit as usize + 1;
        let mut found = Vec::with_capacity(wanted);
        let (mut offset, mut window) = (0, FIRST_WINDOW);
        loop {
            let (order, total) = self.order_window(id, offset, window)?;
            let read = order.len() as u32;
            self.store.read(|connection| {
                let mut placed = order.into_iter().zip(offset..).peekable();
                while let Some((_, walked)) = placed.peek() {
                    if found.len() == wanted {
                        break;
                    }
                    let expected = (wanted - found.len()) as u64 * u64::from(*walked)
                        / (found.len() as u64 + 1);
                    judge.settle(
                        connection,
                        &expression,
                        expected.min(u64::from(total.saturating_sub(*walked))),
                    )?;
                    let batch: Vec<(Threaded, u32)> =
                        placed.by_ref().take(JUDGED_AT_ONCE).collect();
                    let items: Vec<ItemId> =
                        batch.iter().map(|(threaded, _)| threaded.item).collect();
                    let matching = judge.matching(connection, &items)?;
                    found.extend(
                        batch
                            .into_iter()
                            .zip(matching)
                            .filter_map(|(entry, matches)| matches.then_some(entry))
                            .take(wanted - found.len()),
                    );
                }
                Ok(())
            })?;
            if found.len() == wanted || read < window {
                let more = found.len() > limit as usize;
                found.truncate(limit as usize);
                return Ok(EntryPage {
                    entries: self.with_items(found)?,
                    total,
                    more,
                });
            }
            offset += read;
            window = window.saturating_mul(2);
        }
    }
}

/// How the walk tells whether an entry's item matches.
enum Judge {
    /// By the item's rowid, looked up, against every matching rowid.
    ByRow(RoaringTreemap),
    /// By the item's id, against every matching item's id, fetched once.
    ById(HashSet<ItemId>),
}

impl Judge {
    /// Fetches every match's id, unless `lookups_ahead` (entries the walk expects still to look
    /// up) are fewer seeks than that.
    fn settle(
        &mut self,
        connection: &Connection,
        expression: &str,
        lookups_ahead: u64,
    ) -> Result<()> {
        if let Judge::ByRow(matches) = self
            && lookups_ahead > matches.len()
        {
            *self = Judge::ById(store::matching_ids(connection, expression)?);
        }
        Ok(())
    }

    /// Whether each of `items` matches, in order.
    fn matching(&self, connection: &Connection, items: &[ItemId]) -> Result<Vec<bool>> {
        Ok(match self {
            Judge::ByRow(matches) => {
                let rows = store::item_rows(connection, items)?;
                items
                    .iter()
                    .map(|item| rows.get(item).is_some_and(|row| matches.contains(*row)))
                    .collect()
            }
            Judge::ById(ids) => items.iter().map(|item| ids.contains(item)).collect(),
        })
    }
}
