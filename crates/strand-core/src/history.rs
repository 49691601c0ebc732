//! Undo and redo. Every edit of a bundle is a [`Change`] that knows its inverse; applying a
//! change to a draft (in memory) or a kept bundle (in the store) is the one way edits happen, so
//! what is recorded is exactly what was done. Changes name positions, not order keys, so an undo
//! lands right even after a rebalance rewrote every key; and places are named by the entry in front
//! ("after that one"), not by index, so a kept bundle finds them with an index seek, not a count
//! over 100,000 entries. A draft's history lives with the draft;
//! a kept bundle's is stored beside it and survives a restart (and a draft's moves into the store
//! when it is kept).

pub(crate) mod placed_run;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::ids::{EntryId, FolderId, ItemId};
use crate::model::BundleDetails;

/// How many changes a bundle remembers; older ones are forgotten.
pub const MAX_HISTORY: usize = 500;

/// An entry and where it is (or was) in its bundle: right after the entry `after`, or first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Placed {
    pub id: EntryId,
    pub item: ItemId,
    pub added_at: DateTime<Utc>,
    pub after: Option<EntryId>,
}

/// A moved entry and the entry it followed before the move (none: it was first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Return {
    pub entry: EntryId,
    pub after: Option<EntryId>,
}

/// One entry made to thread another item: what merging items does to the entries of the ones
/// merged away.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Rethread {
    pub entry: EntryId,
    pub from: ItemId,
    pub to: ItemId,
}

/// One edit of a bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub(crate) enum Change {
    /// Entries threaded on, first to last, each after the entry it follows.
    Added {
        #[serde(with = "placed_run")]
        entries: Vec<Placed>,
    },
    /// Entries taken off, first to last; each says which entry it followed.
    Removed {
        #[serde(with = "placed_run")]
        entries: Vec<Placed>,
    },
    /// Several entries, first to last, moved together to right after `to` (first, if none).
    MovedTogether {
        entries: Vec<Return>,
        to: Option<EntryId>,
    },
    /// The undo of [`Change::MovedTogether`]: each entry, first to last, back right after the
    /// entry it followed. Entries not moved kept their order, and each one's old neighbour is
    /// either one of them or an entry put back before it, so this restores the bundle exactly.
    Returned {
        entries: Vec<Return>,
        to: Option<EntryId>,
    },
    /// The whole order changed (a sort).
    Reordered {
        before: Vec<EntryId>,
        after: Vec<EntryId>,
    },
    /// The bundle was renamed.
    Renamed { from: String, to: String },
    /// Its description or colour changed.
    Detailed {
        from: BundleDetails,
        to: BundleDetails,
    },
    /// It moved to another folder (none: out of any). Stored as `filed`, its first name.
    #[serde(rename = "filed")]
    MovedToFolder {
        from: Option<FolderId>,
        to: Option<FolderId>,
    },
    /// Entries kept their places but thread other items (two items merged into one).
    Rethreaded { entries: Vec<Rethread> },
}

/// What a change needs from a bundle, draft or kept: to read where things are, and to edit.
pub(crate) trait Editable {
    /// The last entry, if there is one.
    fn last(&self) -> Result<Option<EntryId>>;
    fn order(&self) -> Result<Vec<EntryId>>;
    /// These entries (each once), each with the entry in front of it, in the bundle's order;
    /// an entry not in it is not found.
    fn placed_in_order(&self, entries: &[EntryId]) -> Result<Vec<Placed>>;
    fn name(&self) -> Result<String>;
    /// Threads the entry in right after `entry.after` (first, if none).
    fn insert(&mut self, entry: &Placed) -> Result<()>;
    fn remove(&mut self, entry: EntryId) -> Result<()>;
    /// Moves the entry right after `after` (first, if none); only its own key changes.
    fn move_after(&mut self, entry: EntryId, after: Option<EntryId>) -> Result<()>;
    fn reorder(&mut self, order: &[EntryId]) -> Result<()>;
    fn rename(&mut self, name: &str) -> Result<()>;
    fn details(&self) -> Result<BundleDetails>;
    fn set_details(&mut self, details: &BundleDetails) -> Result<()>;
    fn folder(&self) -> Result<Option<FolderId>>;
    /// Files it in `folder`, which must exist (none: no folder).
    fn set_folder(&mut self, folder: Option<FolderId>) -> Result<()>;
    /// Makes the entry thread `item` instead, in the same place.
    fn set_item(&mut self, entry: EntryId, item: ItemId) -> Result<()>;
}

impl Change {
    /// The change that undoes this one.
    pub fn inverse(&self) -> Change {
        match self.clone() {
            Change::Added { entries } => Change::Removed { entries },
            Change::Removed { entries } => Change::Added { entries },
            Change::MovedTogether { entries, to } => Change::Returned { entries, to },
            Change::Returned { entries, to } => Change::MovedTogether { entries, to },
            Change::Reordered { before, after } => Change::Reordered {
                before: after,
                after: before,
            },
            Change::Renamed { from, to } => Change::Renamed { from: to, to: from },
            Change::Detailed { from, to } => Change::Detailed { from: to, to: from },
            Change::MovedToFolder { from, to } => Change::MovedToFolder { from: to, to: from },
            Change::Rethreaded { entries } => Change::Rethreaded {
                entries: entries
                    .into_iter()
                    .map(|Rethread { entry, from, to }| Rethread {
                        entry,
                        from: to,
                        to: from,
                    })
                    .collect(),
            },
        }
    }

    /// Whether the change changes nothing (a move to where it was, a rename to the same name):
    /// not worth an undo step.
    pub fn is_noop(&self) -> bool {
        match self {
            Change::Renamed { from, to } => from == to,
            Change::Detailed { from, to } => from == to,
            Change::MovedToFolder { from, to } => from == to,
            Change::Added { entries } | Change::Removed { entries } => entries.is_empty(),
            // Nothing moves if each entry already follows the one it would be put after.
            Change::MovedTogether { entries, to } | Change::Returned { entries, to } => entries
                .iter()
                .zip(std::iter::once(*to).chain(entries.iter().map(|e| Some(e.entry))))
                .all(|(entry, after)| entry.after == after),
            Change::Reordered { before, after } => before == after,
            Change::Rethreaded { entries } => entries.iter().all(|moved| moved.from == moved.to),
        }
    }

    /// Does the change to `bundle`.
    pub fn apply(&self, bundle: &mut dyn Editable) -> Result<()> {
        match self {
            // First to last, so an entry that follows another added here finds it in place.
            Change::Added { entries } => entries.iter().try_for_each(|entry| bundle.insert(entry)),
            Change::Removed { entries } => {
                entries.iter().try_for_each(|entry| bundle.remove(entry.id))
            }
            Change::MovedTogether { entries, to } => {
                let mut after = *to;
                entries.iter().try_for_each(|moved| {
                    bundle.move_after(moved.entry, after)?;
                    after = Some(moved.entry);
                    Ok(())
                })
            }
            Change::Returned { entries, .. } => entries
                .iter()
                .try_for_each(|moved| bundle.move_after(moved.entry, moved.after)),
            Change::Reordered { after, .. } => bundle.reorder(after),
            Change::Renamed { to, .. } => bundle.rename(to),
            Change::Detailed { to, .. } => bundle.set_details(to),
            Change::MovedToFolder { to, .. } => bundle.set_folder(*to),
            Change::Rethreaded { entries } => entries
                .iter()
                .try_for_each(|moved| bundle.set_item(moved.entry, moved.to)),
        }
    }
}

/// A draft's changes: those done (latest last) and those undone (latest undone last).
#[derive(Debug, Default)]
pub(crate) struct History {
    done: Vec<Change>,
    undone: Vec<Change>,
}

impl History {
    /// Remembers a change just made; whatever was undone can no longer be redone.
    pub fn record(&mut self, change: Change) {
        self.undone.clear();
        self.done.push(change);
        if self.done.len() > MAX_HISTORY {
            self.done.remove(0);
        }
    }

    /// The latest change made (or redone).
    pub fn latest(&self) -> Option<&Change> {
        self.done.last()
    }

    /// Every change done, oldest first, and every change undone, the latest undone last.
    pub fn lists(&self) -> (&[Change], &[Change]) {
        (&self.done, &self.undone)
    }

    /// A history from lists written by [`History::lists`].
    pub fn from_lists(done: Vec<Change>, undone: Vec<Change>) -> History {
        History { done, undone }
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// The change to undo next, taken off the done list (put it back with [`History::put_back`]
    /// once it is undone, or if undoing fails).
    pub fn take_undo(&mut self) -> Result<Change> {
        self.done.pop().ok_or_else(nothing_to_undo)
    }

    pub fn take_redo(&mut self) -> Result<Change> {
        self.undone.pop().ok_or_else(nothing_to_redo)
    }

    /// Puts back a change taken off a list: on the undone list if it was just undone (`undone`),
    /// on the done list if it was redone.
    pub fn put_back(&mut self, change: Change, undone: bool) {
        if undone {
            self.undone.push(change);
        } else {
            self.done.push(change);
        }
    }

    /// Every change, oldest first, each with whether it is undone — for keeping a draft.
    pub fn all(&self) -> impl Iterator<Item = (&Change, bool)> {
        self.done
            .iter()
            .map(|change| (change, false))
            .chain(self.undone.iter().rev().map(|change| (change, true)))
    }
}

pub(crate) fn nothing_to_undo() -> Error {
    Error::Conflict(say!(
        "there is nothing to undo in this bundle",
        "in diesem Bündel gibt es nichts rückgängig zu machen"
    ))
}

pub(crate) fn nothing_to_redo() -> Error {
    Error::Conflict(say!(
        "there is nothing to redo in this bundle",
        "in diesem Bündel gibt es nichts zu wiederholen"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_move_to_a_folder_is_stored_under_its_first_name_so_older_histories_still_read() {
        let stored = r#"{"change":"filed","from":null,"to":null}"#;
        let change: Change = serde_json::from_str(stored).expect("an older library's history");
        assert!(matches!(change, Change::MovedToFolder { .. }));
        assert_eq!(serde_json::to_string(&change).expect("stored"), stored);
    }
}
