//! Edits with undo: every change to a bundle's entries, name, details or folder is a
//! [`Change`] made by [`Strand::edit`] — to the draft in memory, or through the gate to the kept
//! bundle in one transaction — and recorded for undo.

use std::collections::HashSet;

use super::{MAX_SELECTED, Strand, draft_head, in_trash};
use crate::entitlements::Capability;
use crate::error::{Error, Result};
use crate::history::{self, Change, Editable, Placed, Return};
use crate::ids::{BundleId, EntryId, FolderId, ItemId};
use crate::model::{BulkAdd, Bundle, BundleDetails, SortField};
use crate::sort;
use crate::store::{self, KeptBundle, Whereabouts};
use crate::validate;

impl Strand {
    /// Renames a bundle.
    pub fn rename_bundle(&self, id: BundleId, name: &str) -> Result<Bundle> {
        let name = validate::bundle_name(name)?;
        self.edit(id, |bundle| {
            Ok(Change::Renamed {
                from: bundle.name()?,
                to: name,
            })
        })
    }

    /// Sets a bundle's description and colour (none: its cover speaks for it); its cover picture
    /// stays. Undoable.
    pub fn set_bundle_details(
        &self,
        id: BundleId,
        description: &str,
        colour: Option<&str>,
    ) -> Result<Bundle> {
        let details = validate::bundle_details(description, colour)?;
        self.edit(id, |bundle| {
            let from = bundle.details()?;
            let to = BundleDetails {
                cover_image: from.cover_image,
                ..details
            };
            Ok(Change::Detailed { from, to })
        })
    }

    /// Files a bundle in a folder (none: in no folder). Undoable like any edit.
    pub fn move_to_folder(&self, id: BundleId, folder: Option<FolderId>) -> Result<Bundle> {
        if let Some(folder) = folder {
            self.store
                .read(|connection| store::require_folder(connection, folder))?;
        }
        self.edit(id, |bundle| {
            Ok(Change::MovedToFolder {
                from: bundle.folder()?,
                to: folder,
            })
        })
    }

    /// Threads an item onto the end of a bundle. If the bundle already threads it (matched by
    /// item id), refuses with [`Error::Duplicate`] unless `anyway`: the same item twice is
    /// allowed, but rarely meant.
    pub fn add_entry(&self, id: BundleId, item_id: ItemId, anyway: bool) -> Result<Bundle> {
        self.thread_item(id, item_id, anyway, |bundle| bundle.last())
    }

    /// Threads an item onto a bundle right after the entry `after` (first, if none): where a
    /// person dropped it. An `after` the bundle does not have is not found, and nothing changes.
    /// Duplicates are asked about as by [`Strand::add_entry`].
    pub fn add_entry_after(
        &self,
        id: BundleId,
        item_id: ItemId,
        after: Option<EntryId>,
        anyway: bool,
    ) -> Result<Bundle> {
        self.thread_item(id, item_id, anyway, |_| Ok(after))
    }

    /// Threads an item in right after the entry `place` picks in the bundle.
    fn thread_item(
        &self,
        id: BundleId,
        item_id: ItemId,
        anyway: bool,
        place: impl FnOnce(&dyn Editable) -> Result<Option<EntryId>>,
    ) -> Result<Bundle> {
        if !self
            .store
            .read(|connection| store::item_exists(connection, item_id))?
        {
            return Err(Error::not_found("item", item_id));
        }
        if !anyway && self.threads(id, item_id)? {
            return Err(Error::Duplicate);
        }
        let now = self.clock.now();
        self.edit(id, |bundle| {
            Ok(Change::Added {
                entries: vec![Placed {
                    id: EntryId::new(),
                    item: item_id,
                    added_at: now,
                    after: place(bundle)?,
                }],
            })
        })
    }

    /// Threads many items onto the end of a bundle at once, skipping any the bundle already
    /// threads (by item id) and saying how many. One transaction for a kept bundle.
    pub fn add_entries(&self, id: BundleId, item_ids: &[ItemId]) -> Result<BulkAdd> {
        let missing = self.store.read(|connection| {
            let known = store::item_rows(connection, item_ids)?;
            Ok(item_ids.iter().copied().find(|id| !known.contains_key(id)))
        })?;
        if let Some(item_id) = missing {
            return Err(Error::not_found("item", item_id));
        }
        let mut present: HashSet<ItemId> = self
            .order_window(id, 0, u32::MAX)?
            .0
            .iter()
            .map(|threaded| threaded.item)
            .collect();
        let fresh: Vec<ItemId> = item_ids
            .iter()
            .copied()
            .filter(|item_id| present.insert(*item_id))
            .collect();
        let now = self.clock.now();
        let bundle = self.edit(id, |bundle| {
            let mut after = bundle.last()?;
            Ok(Change::Added {
                entries: fresh
                    .iter()
                    .map(|item_id| {
                        let placed = Placed {
                            id: EntryId::new(),
                            item: *item_id,
                            added_at: now,
                            after,
                        };
                        after = Some(placed.id);
                        placed
                    })
                    .collect(),
            })
        })?;
        Ok(BulkAdd {
            bundle,
            added: fresh.len() as u32,
            skipped_duplicates: (item_ids.len() - fresh.len()) as u32,
        })
    }

    /// Takes one entry off a bundle.
    pub fn remove_entry(&self, id: BundleId, entry_id: EntryId) -> Result<Bundle> {
        self.remove_entries(id, &[entry_id])
    }

    /// Takes several entries off a bundle at once: one edit, undone in one step.
    pub fn remove_entries(&self, id: BundleId, entry_ids: &[EntryId]) -> Result<Bundle> {
        check_selection(entry_ids)?;
        self.edit(id, |bundle| {
            Ok(Change::Removed {
                entries: bundle.placed_in_order(entry_ids)?,
            })
        })
    }

    /// Moves an entry right after the entry `after` (first, if none); only its own key changes,
    /// and its place is found from its neighbour, so the move costs the same in any size of
    /// bundle.
    pub fn move_entry(
        &self,
        id: BundleId,
        entry_id: EntryId,
        after: Option<EntryId>,
    ) -> Result<Bundle> {
        self.move_entries(id, &[entry_id], after)
    }

    /// Moves several entries (a selection) together, in their order, to right after the entry
    /// `after` (first, if none): one edit, undone in one step. Each writes its own key only.
    pub fn move_entries(
        &self,
        id: BundleId,
        entry_ids: &[EntryId],
        after: Option<EntryId>,
    ) -> Result<Bundle> {
        check_selection(entry_ids)?;
        self.edit(id, |bundle| {
            let placed = bundle.placed_in_order(entry_ids)?;
            if after.is_some_and(|after| placed.iter().any(|entry| entry.id == after)) {
                return Err(crate::drafts::cannot_follow_itself());
            }
            let entries = placed
                .into_iter()
                .map(|entry| Return {
                    entry: entry.id,
                    after: entry.after,
                })
                .collect();
            Ok(Change::MovedTogether { entries, to: after })
        })
    }

    /// Threads the items of some entries of one bundle onto the end of another, skipping items
    /// it already threads (and saying how many), as a bulk add does.
    pub fn copy_entries(
        &self,
        from: BundleId,
        entry_ids: &[EntryId],
        to: BundleId,
    ) -> Result<BulkAdd> {
        check_selection(entry_ids)?;
        let items = self.items_of(from, entry_ids)?;
        self.add_entries(to, &items)
    }

    /// Moves some entries of one bundle to the end of another: copied there (items it already
    /// threads are skipped), then taken off here. Both bundles are checked before either
    /// changes, so a refusal leaves both as they were.
    pub fn move_entries_to(
        &self,
        from: BundleId,
        entry_ids: &[EntryId],
        to: BundleId,
    ) -> Result<BulkAdd> {
        if from == to {
            return Err(Error::invalid(
                "to",
                say!(
                    "pick another bundle to move the entries to",
                    "wähle ein anderes Bündel, in das die Einträge wandern"
                ),
            ));
        }
        check_selection(entry_ids)?;
        self.require_editable(from)?;
        self.require_editable(to)?;
        let items = self.items_of(from, entry_ids)?;
        let added = self.add_entries(to, &items)?;
        self.remove_entries(from, entry_ids)?;
        Ok(added)
    }

    /// Sorts a bundle by `field` (a stable sort: ties keep their order), after which entries
    /// can be moved by hand as usual. A kept bundle is rewritten in one transaction.
    pub fn sort_bundle(&self, id: BundleId, field: SortField) -> Result<Bundle> {
        let mut entries = self.whole_bundle(id)?.entries;
        entries.sort_by(|a, b| sort::compare(field, a, b));
        let after: Vec<EntryId> = entries.iter().map(|entry| entry.id).collect();
        self.edit(id, |bundle| {
            Ok(Change::Reordered {
                before: bundle.order()?,
                after,
            })
        })
    }

    /// Undoes the latest edit of a bundle (add, remove, move, sort, rename). A kept bundle's
    /// history survives restarts; undoing edits a kept bundle, so the gate decides as for any edit.
    pub fn undo(&self, id: BundleId) -> Result<Bundle> {
        self.step(id, true)
    }

    /// Redoes the latest undone edit.
    pub fn redo(&self, id: BundleId) -> Result<Bundle> {
        self.step(id, false)
    }

    /// Makes the change `plan` describes (reading the bundle as it is) to the draft `id`, or, if
    /// `id` is kept, checks the gate and makes it in the store in one transaction; either way the
    /// change is recorded for undo.
    pub(super) fn edit(
        &self,
        id: BundleId,
        plan: impl FnOnce(&dyn Editable) -> Result<Change>,
    ) -> Result<Bundle> {
        let mut drafts = self.drafts();
        if let Some(draft) = drafts.get_mut(&id) {
            let change = plan(draft)?;
            if draft.make(change)? {
                self.journal.changed(draft);
            }
            return Ok(draft_head(draft));
        }
        drop(drafts);
        self.require_editable_kept(id)?;
        self.store.write(|tx| {
            let mut kept = KeptBundle::new(tx, id);
            let change = plan(&kept)?;
            change.apply(&mut kept)?;
            if !change.is_noop() {
                store::record_change(tx, id, &change)?;
            }
            self.observe_clock(tx)
        })?;
        self.bundle(id)
    }

    /// Undoes (or, with `undo` false, redoes) the latest change to a bundle.
    fn step(&self, id: BundleId, undo: bool) -> Result<Bundle> {
        let mut drafts = self.drafts();
        if let Some(draft) = drafts.get_mut(&id) {
            draft.step(undo)?;
            self.journal.stepped(draft, undo);
            return Ok(draft_head(draft));
        }
        drop(drafts);
        self.require_editable_kept(id)?;
        self.store.write(|tx| {
            let (seq, change) = store::next_change(tx, id, !undo)?.ok_or_else(|| {
                if undo {
                    history::nothing_to_undo()
                } else {
                    history::nothing_to_redo()
                }
            })?;
            let mut kept = KeptBundle::new(tx, id);
            if undo {
                change.inverse().apply(&mut kept)?;
            } else {
                change.apply(&mut kept)?;
            }
            store::mark_history(tx, id, seq, undo)?;
            self.observe_clock(tx)
        })?;
        self.bundle(id)
    }

    /// Refuses unless `id` is a draft, or a kept bundle the gate lets the tier edit.
    fn require_editable(&self, id: BundleId) -> Result<()> {
        if self.drafts().contains_key(&id) {
            return Ok(());
        }
        self.require_editable_kept(id)
    }

    /// The items these entries of a bundle thread, in the bundle's order.
    fn items_of(&self, id: BundleId, entry_ids: &[EntryId]) -> Result<Vec<ItemId>> {
        let mut wanted: HashSet<EntryId> = entry_ids.iter().copied().collect();
        let (order, _) = self.order_window(id, 0, u32::MAX)?;
        let items = order
            .iter()
            .filter(|threaded| wanted.remove(&threaded.id))
            .map(|threaded| threaded.item)
            .collect();
        match wanted.into_iter().next() {
            Some(missing) => Err(Error::not_found("entry", missing)),
            None => Ok(items),
        }
    }

    /// Refuses unless `id` is a kept bundle out of the trash that the gate lets the tier edit.
    pub(super) fn require_editable_kept(&self, id: BundleId) -> Result<()> {
        match self
            .store
            .read(|connection| store::whereabouts(connection, id))?
        {
            Some(Whereabouts::Kept) => self.require(Capability::EditKeptBundle),
            Some(Whereabouts::InTrash) => Err(in_trash()),
            None => Err(self.missing_bundle(id)),
        }
    }

    /// Whether the bundle already threads the item (a bundle that does not exist threads
    /// nothing; the edit that follows says it is missing).
    fn threads(&self, id: BundleId, item_id: ItemId) -> Result<bool> {
        if let Some(draft) = self.drafts().get(&id) {
            return Ok(draft.entries.iter().any(|entry| entry.item_id == item_id));
        }
        self.store
            .read(|connection| store::kept_threads(connection, id, item_id))
    }
}

/// Refuses an empty selection, or one larger than [`MAX_SELECTED`].
fn check_selection(entry_ids: &[EntryId]) -> Result<()> {
    if entry_ids.is_empty() || entry_ids.len() > MAX_SELECTED {
        return Err(Error::invalid(
            "entryIds",
            say!(
                "name 1 to {MAX_SELECTED} entries",
                "nenne 1 bis {MAX_SELECTED} Einträge"
            ),
        ));
    }
    Ok(())
}
