//! Drafts: bundles anyone may build, held in memory for the session. Nothing here touches the
//! database — a draft reaches it only by being kept, through the premium gate.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};
use crate::history::{Change, Editable, History, Placed};
use crate::ids::{BundleId, EntryId, FolderId, ItemId};
use crate::model::{BundleDetails, BundleState, BundleSummary};
use crate::order::{self, OrderKey};

/// A bundle under construction.
#[derive(Debug)]
pub(crate) struct Draft {
    pub id: BundleId,
    pub name: String,
    pub created_at: DateTime<Utc>,
    /// Sorted by key.
    pub entries: Vec<DraftEntry>,
    /// Its description and colour.
    pub details: BundleDetails,
    /// The folder it is filed in (checked to exist when filed).
    pub folder: Option<FolderId>,
    /// What can be undone and redone.
    pub history: History,
    /// How many times a crash has brought it back (see `journal.rs`).
    pub times_back: u8,
}

/// One entry of a draft.
#[derive(Debug)]
pub(crate) struct DraftEntry {
    pub id: EntryId,
    pub item_id: ItemId,
    pub key: OrderKey,
    pub added_at: DateTime<Utc>,
}

impl Draft {
    pub fn new(name: String, now: DateTime<Utc>) -> Self {
        Draft {
            id: BundleId::new(),
            name,
            created_at: now,
            entries: Vec::new(),
            details: BundleDetails::default(),
            folder: None,
            history: History::default(),
            times_back: 0,
        }
    }

    /// Makes a change planned against this draft and remembers it for undo; says whether it
    /// changed anything (a no-op is not remembered). Each draft edit checks everything before
    /// it changes anything, so a refused change leaves the draft exactly as it was without
    /// copying it.
    pub fn make(&mut self, change: Change) -> Result<bool> {
        change.apply(self)?;
        let changed = !change.is_noop();
        if changed {
            self.history.record(change);
        }
        Ok(changed)
    }

    /// Undoes (or, with `undo` false, redoes) the latest change.
    pub fn step(&mut self, undo: bool) -> Result<()> {
        let change = if undo {
            self.history.take_undo()?
        } else {
            self.history.take_redo()?
        };
        let outcome = if undo {
            change.inverse().apply(self)
        } else {
            change.apply(self)
        };
        // Put back where it now belongs; if it could not be applied, where it was.
        self.history.put_back(change, undo == outcome.is_ok());
        outcome
    }

    /// Leaves out the entries whose items `known` does not hold. Undo could then name entries
    /// that are gone, so the history goes with them.
    pub fn keep_only(&mut self, known: impl Fn(ItemId) -> bool) {
        let before = self.entries.len();
        self.entries.retain(|entry| known(entry.item_id));
        if self.entries.len() != before {
            self.history = History::default();
        }
    }

    /// Every entry, first to last, each with the one in front of it: the draft written whole.
    pub fn placed(&self) -> Vec<Placed> {
        (0..self.entries.len())
            .map(|index| self.placed_at(index))
            .collect()
    }

    /// Puts entries written by [`Draft::placed`] back, with fresh keys.
    pub fn set_placed(&mut self, placed: &[Placed]) {
        self.entries = placed
            .iter()
            .zip(order::evenly_spaced(placed.len()))
            .map(|(entry, key)| DraftEntry {
                id: entry.id,
                item_id: entry.item,
                key,
                added_at: entry.added_at,
            })
            .collect();
    }

    /// The draft as the bundle list shows it, with the cover colours of its first items.
    pub fn summary(&self, cover: Vec<String>) -> BundleSummary {
        BundleSummary {
            id: self.id,
            name: self.name.clone(),
            state: BundleState::Draft,
            entry_count: self.entries.len() as u32,
            cover,
            cover_image: self.details.cover_image,
            colour: self.details.colour.clone(),
            folder: self.folder,
        }
    }

    /// The items a cover is made from: the first four.
    pub fn cover_items(&self) -> impl Iterator<Item = ItemId> + '_ {
        self.entries.iter().take(4).map(|entry| entry.item_id)
    }

    /// Threads `item_id` onto the end.
    pub fn append(&mut self, item_id: ItemId, now: DateTime<Utc>) -> Result<()> {
        let key = order::between(self.entries.last().map(|entry| &entry.key), None)?;
        let grown = key.needs_rebalance();
        self.entries.push(DraftEntry {
            id: EntryId::new(),
            item_id,
            key,
            added_at: now,
        });
        self.rebalance_if(grown);
        Ok(())
    }

    /// Puts the entries in the order of `ids`, which must name every entry once, with fresh keys.
    /// Checked before anything changes.
    pub fn reorder(&mut self, ids: &[EntryId]) -> Result<()> {
        let changed = || {
            Error::Conflict(say!(
                "the bundle changed while it was being sorted; try again",
                "das Bündel hat sich beim Sortieren geändert; versuche es noch einmal"
            ))
        };
        let position = self.positions();
        let mut seen = HashSet::with_capacity(ids.len());
        let order = ids
            .iter()
            .map(|id| {
                position
                    .get(id)
                    .copied()
                    .filter(|index| seen.insert(*index))
                    .ok_or_else(changed)
            })
            .collect::<Result<Vec<usize>>>()?;
        if order.len() != self.entries.len() {
            return Err(changed());
        }
        let mut old: Vec<Option<DraftEntry>> = self.entries.drain(..).map(Some).collect();
        // Every index is unique and in range, so each slot is taken exactly once.
        self.entries = order
            .into_iter()
            .filter_map(|index| old[index].take())
            .collect();
        for (entry, key) in self.entries.iter_mut().zip(order::evenly_spaced(ids.len())) {
            entry.key = key;
        }
        Ok(())
    }

    pub fn remove(&mut self, entry_id: EntryId) -> Result<()> {
        let position = self.position(entry_id)?;
        self.entries.remove(position);
        Ok(())
    }

    /// Moves the entry right after `after` (first, if none); only its key changes. Everything
    /// that can fail is checked before anything changes, so a refused move leaves the draft as
    /// it was.
    pub fn move_after(&mut self, entry_id: EntryId, after: Option<EntryId>) -> Result<()> {
        let from = self.position(entry_id)?;
        if after == Some(entry_id) {
            return Err(cannot_follow_itself());
        }
        // Where it lands, counted in the list without it.
        let to = match after {
            Some(after) => {
                let index = self.position(after)?;
                index + 1 - usize::from(index > from)
            }
            None => 0,
        };
        if to == from {
            return Ok(());
        }
        let mut entry = self.entries.remove(from);
        let key = order::between(
            to.checked_sub(1).map(|i| &self.entries[i].key),
            self.entries.get(to).map(|entry| &entry.key),
        );
        let key = match key {
            Ok(key) => key,
            Err(error) => {
                self.entries.insert(from, entry);
                return Err(error);
            }
        };
        let grown = key.needs_rebalance();
        entry.key = key;
        self.entries.insert(to, entry);
        self.rebalance_if(grown);
        Ok(())
    }

    /// Threads an entry (with its own id, as an undo or redo brings it back) in right after
    /// `entry.after` (first, if none).
    pub fn insert(&mut self, entry: &Placed) -> Result<()> {
        // Looked for from the end: entries are nearly always threaded on there, and a bulk add
        // of 100,000 would otherwise scan the whole draft for each.
        let index = match entry.after {
            Some(after) => {
                self.entries
                    .iter()
                    .rposition(|entry| entry.id == after)
                    .ok_or_else(|| Error::not_found("entry", after))?
                    + 1
            }
            None => 0,
        };
        let key = order::between(
            index.checked_sub(1).map(|i| &self.entries[i].key),
            self.entries.get(index).map(|entry| &entry.key),
        )?;
        let grown = key.needs_rebalance();
        self.entries.insert(
            index,
            DraftEntry {
                id: entry.id,
                item_id: entry.item,
                key,
                added_at: entry.added_at,
            },
        );
        self.rebalance_if(grown);
        Ok(())
    }

    /// The entry at `index` and the one in front of it.
    fn placed_at(&self, index: usize) -> Placed {
        let entry = &self.entries[index];
        Placed {
            id: entry.id,
            item: entry.item_id,
            added_at: entry.added_at,
            after: index.checked_sub(1).map(|i| self.entries[i].id),
        }
    }

    /// Where each entry is, by id.
    fn positions(&self) -> HashMap<EntryId, usize> {
        self.entries
            .iter()
            .enumerate()
            .map(|(index, entry)| (entry.id, index))
            .collect()
    }

    fn position(&self, entry_id: EntryId) -> Result<usize> {
        self.entries
            .iter()
            .position(|entry| entry.id == entry_id)
            .ok_or_else(|| Error::not_found("entry", entry_id))
    }

    fn rebalance_if(&mut self, grown: bool) {
        if grown {
            let keys = order::evenly_spaced(self.entries.len());
            for (entry, key) in self.entries.iter_mut().zip(keys) {
                entry.key = key;
            }
        }
    }
}

/// The refusal for a move that names the moving entry as its own neighbour.
pub(crate) fn cannot_follow_itself() -> Error {
    Error::invalid(
        "after",
        say!(
            "an entry cannot be moved after itself",
            "ein Eintrag kann nicht hinter sich selbst verschoben werden"
        ),
    )
}

impl Editable for Draft {
    fn last(&self) -> Result<Option<EntryId>> {
        Ok(self.entries.last().map(|entry| entry.id))
    }

    fn order(&self) -> Result<Vec<EntryId>> {
        Ok(self.entries.iter().map(|entry| entry.id).collect())
    }

    fn placed_in_order(&self, entries: &[EntryId]) -> Result<Vec<Placed>> {
        let position = self.positions();
        let mut found = entries
            .iter()
            .map(|id| {
                position
                    .get(id)
                    .copied()
                    .ok_or_else(|| Error::not_found("entry", id))
            })
            .collect::<Result<Vec<_>>>()?;
        found.sort_unstable();
        found.dedup();
        Ok(found
            .into_iter()
            .map(|index| self.placed_at(index))
            .collect())
    }

    fn name(&self) -> Result<String> {
        Ok(self.name.clone())
    }

    fn insert(&mut self, entry: &Placed) -> Result<()> {
        Draft::insert(self, entry)
    }

    fn remove(&mut self, entry: EntryId) -> Result<()> {
        Draft::remove(self, entry)
    }

    fn move_after(&mut self, entry: EntryId, after: Option<EntryId>) -> Result<()> {
        Draft::move_after(self, entry, after)
    }

    fn reorder(&mut self, order: &[EntryId]) -> Result<()> {
        Draft::reorder(self, order)
    }

    fn rename(&mut self, name: &str) -> Result<()> {
        self.name = name.to_owned();
        Ok(())
    }

    fn details(&self) -> Result<BundleDetails> {
        Ok(self.details.clone())
    }

    fn set_details(&mut self, details: &BundleDetails) -> Result<()> {
        self.details = details.clone();
        Ok(())
    }

    fn folder(&self) -> Result<Option<FolderId>> {
        Ok(self.folder)
    }

    /// The folder's existence is checked by [`crate::Strand`], which has the store.
    fn set_folder(&mut self, folder: Option<FolderId>) -> Result<()> {
        self.folder = folder;
        Ok(())
    }

    fn set_item(&mut self, entry: EntryId, item: ItemId) -> Result<()> {
        let index = self.position(entry)?;
        self.entries[index].item_id = item;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn draft_with(count: usize) -> (Draft, Vec<ItemId>) {
        let mut draft = Draft::new("Test".into(), Utc::now());
        let items: Vec<ItemId> = (0..count).map(|_| ItemId::new()).collect();
        for item in &items {
            draft.append(*item, Utc::now()).expect("append");
        }
        (draft, items)
    }

    fn item_order(draft: &Draft) -> Vec<ItemId> {
        draft.entries.iter().map(|entry| entry.item_id).collect()
    }

    #[test]
    fn moving_an_entry_changes_only_its_own_key() {
        let (mut draft, items) = draft_with(5);
        let keys_before: Vec<_> = draft
            .entries
            .iter()
            .map(|e| (e.id, e.key.clone()))
            .collect();
        let (moved, first) = (draft.entries[4].id, draft.entries[0].id);
        draft.move_after(moved, Some(first)).expect("move");
        assert_eq!(
            item_order(&draft),
            vec![items[0], items[4], items[1], items[2], items[3]]
        );
        let changed = keys_before
            .iter()
            .filter(|(id, key)| draft.entries.iter().any(|e| e.id == *id && e.key != *key))
            .count();
        assert_eq!(changed, 1);
    }

    #[test]
    fn moving_after_itself_or_a_stranger_is_refused_and_changes_nothing() {
        let (mut draft, items) = draft_with(3);
        let first = draft.entries[0].id;
        assert!(matches!(
            draft.move_after(first, Some(first)),
            Err(Error::Invalid { .. })
        ));
        assert!(matches!(
            draft.move_after(first, Some(EntryId::new())),
            Err(Error::NotFound { .. })
        ));
        assert_eq!(item_order(&draft), items);
    }

    #[test]
    fn ten_thousand_moves_into_one_gap_keep_order_and_short_keys() {
        let (mut draft, _) = draft_with(3);
        for _ in 0..10_000 {
            let (last, first) = (draft.entries[2].id, draft.entries[0].id);
            draft.move_after(last, Some(first)).expect("move");
        }
        assert!(
            draft
                .entries
                .windows(2)
                .all(|pair| pair[0].key < pair[1].key)
        );
        assert!(
            draft
                .entries
                .iter()
                .all(|entry| !entry.key.needs_rebalance())
        );
    }

    #[derive(Clone, Debug)]
    enum Op {
        Append,
        Remove(usize),
        Move(usize, usize),
    }

    fn ops() -> impl Strategy<Value = Vec<Op>> {
        proptest::collection::vec(
            prop_oneof![
                3 => Just(Op::Append),
                1 => any::<usize>().prop_map(Op::Remove),
                4 => (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Op::Move(from, to)),
            ],
            0..200,
        )
    }

    proptest! {
        #[test]
        fn a_draft_always_holds_its_entries_in_the_order_a_plain_list_would(ops in ops()) {
            let mut draft = Draft::new("Model".into(), Utc::now());
            let mut model: Vec<EntryId> = Vec::new();
            for op in ops {
                match op {
                    Op::Append => {
                        draft.append(ItemId::new(), Utc::now()).expect("append");
                        model.push(draft.entries.last().expect("appended").id);
                    }
                    Op::Remove(at) if !model.is_empty() => {
                        let id = model.remove(at % model.len());
                        draft.remove(id).expect("remove");
                    }
                    Op::Move(from, to) if !model.is_empty() => {
                        let (from, to) = (from % model.len(), to % model.len());
                        let id = model.remove(from);
                        model.insert(to, id);
                        let after = to.checked_sub(1).map(|i| model[i]);
                        draft.move_after(id, after).expect("move");
                    }
                    _ => {}
                }
                let ids: Vec<EntryId> = draft.entries.iter().map(|entry| entry.id).collect();
                prop_assert_eq!(&ids, &model);
                prop_assert!(draft.entries.windows(2).all(|pair| pair[0].key < pair[1].key));
            }
        }
    }

    #[test]
    fn the_same_item_can_be_threaded_twice() {
        let (mut draft, items) = draft_with(1);
        draft.append(items[0], Utc::now()).expect("append");
        assert_eq!(item_order(&draft), vec![items[0], items[0]]);
        assert_ne!(draft.entries[0].id, draft.entries[1].id);
    }
}
