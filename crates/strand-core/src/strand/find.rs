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

use super::{Strand, check_limit, kept_window};
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
        let mut walk = Walk {
            judge: Judge::ByRow(matches),
            expression,
            wanted: limit as usize + 1,
            found: Vec::new(),
        };
        // The walk sees one state of the bundle, never an entry moved between two of its steps
        // twice or not at all: a draft's order is copied at once, a kept bundle's read window
        // by window inside one hold of the store.
        let draft = self.draft_window(id, 0, if walk.done() { 0 } else { u32::MAX });
        let total = self.store.read(|connection| match draft {
            Some((order, total)) => {
                walk.along(connection, order.into_iter().zip(0..), total)?;
                Ok(total)
            }
            None => {
                let (_, total) = kept_window(connection, id, 0, 0)?;
                let (mut offset, mut window) = (0, FIRST_WINDOW);
                while !walk.done() {
                    let order = store::kept_order(connection, id, offset, window)?;
                    let read = order.len() as u32;
                    walk.along(connection, order.into_iter().zip(offset..), total)?;
                    if read < window {
                        break;
                    }
                    offset += read;
                    window = window.saturating_mul(2);
                }
                Ok(total)
            }
        })?;
        let mut found = walk.found;
        let more = found.len() > limit as usize;
        found.truncate(limit as usize);
        Ok(EntryPage {
            entries: self.with_items(found)?,
            total,
            more,
        })
    }
}

/// A search's walk through a bundle in order, and what it found so far.
struct Walk {
    judge: Judge,
    expression: String,
    /// How many matches end the walk: one more than asked for, to tell whether there is more.
    wanted: usize,
    found: Vec<(Threaded, u32)>,
}

impl Walk {
    /// Whether the walk has found all it wants, or can find nothing at all.
    fn done(&self) -> bool {
        self.found.len() == self.wanted
            || matches!(&self.judge, Judge::ByRow(matches) if matches.is_empty())
    }

    /// Walks on through `placed` (entries with their positions, of a bundle of `total`).
    fn along(
        &mut self,
        connection: &Connection,
        placed: impl Iterator<Item = (Threaded, u32)>,
        total: u32,
    ) -> Result<()> {
        let mut placed = placed.peekable();
        while let Some((_, walked)) = placed.peek() {
            if self.done() {
                break;
            }
            let found = self.found.len() as u64;
            let expected = (self.wanted as u64 - found) * u64::from(*walked) / (found + 1);
            self.judge.settle(
                connection,
                &self.expression,
                expected.min(u64::from(total.saturating_sub(*walked))),
            )?;
            let batch: Vec<(Threaded, u32)> = placed.by_ref().take(JUDGED_AT_ONCE).collect();
            let items: Vec<ItemId> = batch.iter().map(|(threaded, _)| threaded.item).collect();
            let matching = self.judge.matching(connection, &items)?;
            let room = self.wanted - self.found.len();
            self.found.extend(
                batch
                    .into_iter()
                    .zip(matching)
                    .filter_map(|(entry, matches)| matches.then_some(entry))
                    .take(room),
            );
        }
        Ok(())
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
