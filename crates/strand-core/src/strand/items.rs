//! A person's own items: made, edited, deleted and merged by hand. Deleting or merging changes
//! every bundle that threads the items, each by one undoable edit (a kept one through the gate),
//! in one go; the whole of it can be undone at once while those edits are each bundle's latest.

use std::collections::{BTreeMap, HashSet};

use super::{MAX_SELECTED, Strand, lock};
use crate::drafts::Draft;
use crate::entitlements::Capability;
use crate::error::{Error, Result};
use crate::formats::{Fields, location, own_item};
use crate::history::{Change, Editable, Rethread};
use crate::ids::{BundleId, EntryId, ItemId};
use crate::import::audio;
use crate::model::{Item, ItemDetails, ItemKind, ItemUses, ItemsGone};
use crate::opening::{Opening, opening};
use crate::store::{self, ItemRow, KeptBundle};

/// What the latest deletion or merge did, to undo it as a whole: the items' rows as they were
/// and the edit it made to each bundle.
#[derive(Debug)]
pub(super) struct Removal {
    rows: Vec<ItemRow>,
    changes: Vec<(BundleId, Change)>,
    gone: ItemsGone,
}

/// The entries of each bundle, draft or kept (in the trash or not), that thread some items, and
/// which item each threads.
#[derive(Debug, Default)]
struct Threads {
    drafts: BTreeMap<BundleId, Vec<EntryId>>,
    kept: BTreeMap<BundleId, Vec<EntryId>>,
    items: BTreeMap<EntryId, ItemId>,
    in_trash: HashSet<BundleId>,
}

impl Threads {
    fn uses(&self) -> ItemUses {
        let bundles = self.drafts.values().chain(self.kept.values());
        ItemUses {
            bundles: (self.drafts.len() + self.kept.len()) as u32,
            kept: self.kept.len() as u32,
            entries: bundles.map(Vec::len).sum::<usize>() as u32,
            in_trash: self.in_trash.len() as u32,
        }
    }
}

impl Strand {
    /// The item with `id`.
    pub fn item(&self, id: ItemId) -> Result<Item> {
        self.store.read(|connection| store::item(connection, id))
    }

    /// Adds an item a person made by hand, checked as an imported one is. Free on every tier.
    pub fn create_item(&self, details: ItemDetails) -> Result<Item> {
        let details = own_item(details)?;
        let id = self.store.write(|tx| {
            let mut ids =
                store::insert_items(tx, std::slice::from_ref(&details), self.clock.now())?;
            Ok(ids.remove(0))
        })?;
        Ok(Item { id, details })
    }

    /// Adds what a pasted or dropped address names: an audio file as a song read from its tags,
    /// anything else as a link titled from the address. Nothing is fetched. An address the
    /// library holds already is refused, naming the item that has it.
    pub fn create_item_from_address(&self, address: &str) -> Result<Item> {
        let uri = location::typed(address).map_err(|why| Error::invalid("address", why))?;
        let holder = self.store.read(|connection| {
            store::item_at_address(connection, &uri)?
                .map(|id| store::item(connection, id))
                .transpose()
        })?;
        if let Some(holder) = holder {
            let title = &holder.details.title;
            return Err(Error::Conflict(say!(
                "“{title}” in your library has this address already",
                "„{title}“ in deiner Bibliothek hat diese Adresse schon"
            )));
        }
        let audio_file = url::Url::parse(&uri)
            .ok()
            .and_then(|url| url.to_file_path().ok())
            .filter(|path| audio::is_audio(path));
        let details = match audio_file {
            Some(path) => {
                audio::read_file(&path, 1)
                    .map_err(|skip| Error::invalid("address", skip.reason))?
                    .details
            }
            None => {
                let mut fields = Fields {
                    kind: Some(ItemKind::Link),
                    ..Fields::default()
                };
                fields.source_uri = Some(uri);
                fields
                    .into_entry(1)
                    .map_err(|skip| Error::invalid("address", skip.reason))?
                    .details
            }
        };
        self.create_item(details)
    }

    /// What opening the item hands the desktop: its file, or the address it holds. Only an
    /// item's own address is ever opened, and only one [`opening`] allows.
    pub fn opening(&self, id: ItemId) -> Result<Opening> {
        let item = self.item(id)?;
        let uri = item.details.source_uri.ok_or_else(|| {
            Error::invalid("item", {
                let title = &item.details.title;
                say!(
                    "“{title}” has no address to open",
                    "„{title}“ hat keine Adresse zum Öffnen"
                )
            })
        })?;
        opening(&uri).map_err(|why| Error::invalid("item", why))
    }

    /// Writes new details over an item a person edits; every bundle that threads it shows them.
    /// Free on every tier: the library is the person's, kept bundles only name its items.
    pub fn update_item(&self, id: ItemId, details: ItemDetails) -> Result<Item> {
        let details = own_item(details)?;
        self.store
            .write(|tx| store::update_item(tx, id, &details))?;
        Ok(Item { id, details })
    }

    /// Where these items are threaded: what deleting or merging them would change.
    pub fn item_uses(&self, ids: &[ItemId]) -> Result<ItemUses> {
        let drafts = self.drafts();
        let trashed = lock(&self.trashed_drafts);
        Ok(self
            .threading([&*drafts, &*trashed], &selection(ids)?)?
            .uses())
    }

    /// Deletes items from the library; every bundle that threads them loses those entries, by
    /// one undoable edit each (a kept bundle's through the gate, refused whole before anything
    /// changes). Bundles in the trash are left as they are.
    pub fn delete_items(&self, ids: &[ItemId]) -> Result<ItemsGone> {
        self.remove_items(ids, |bundle, entries, _| {
            Ok(Change::Removed {
                entries: bundle.placed_in_order(entries)?,
            })
        })
    }

    /// Merges items that are the same thing into `survivor`: their entries thread it instead,
    /// in the same places, and they leave the library.
    pub fn merge_items(&self, survivor: ItemId, others: &[ItemId]) -> Result<ItemsGone> {
        if others.contains(&survivor) {
            return Err(Error::invalid(
                "others",
                say!(
                    "an item cannot be merged into itself",
                    "ein Eintrag kann nicht mit sich selbst zusammengeführt werden"
                ),
            ));
        }
        self.item(survivor)?;
        self.remove_items(others, |_, entries, items| {
            Ok(Change::Rethreaded {
                entries: entries
                    .iter()
                    .map(|entry| Rethread {
                        entry: *entry,
                        from: items[entry],
                        to: survivor,
                    })
                    .collect(),
            })
        })
    }

    /// Undoes the latest deletion or merge as a whole: the items come back as they were and each
    /// bundle's edit is undone. Refused, changing nothing, if a bundle was edited since (undo
    /// there first) or the gate no longer lets the tier edit a kept one.
    pub fn undo_item_removal(&self) -> Result<ItemsGone> {
        let removal = lock(&self.last_removal).take().ok_or_else(|| {
            Error::Conflict(say!(
                "there is no deletion or merge to undo",
                "es gibt kein Löschen oder Zusammenführen zum Rückgängigmachen"
            ))
        })?;
        let undone = self.put_back(&removal);
        if undone.is_err() {
            *lock(&self.last_removal) = Some(removal);
            return undone;
        }
        undone
    }

    fn put_back(&self, removal: &Removal) -> Result<ItemsGone> {
        let mut drafts = self.drafts();
        let mut trashed = lock(&self.trashed_drafts);
        let edited_since = || {
            Error::Conflict(say!(
                "a bundle changed since; undo in that bundle first, or edit the items by hand",
                "ein Bündel hat sich seitdem geändert; mach es zuerst dort rückgängig oder \
                 bearbeite die Einträge von Hand"
            ))
        };
        for (bundle, change) in &removal.changes {
            if let Some(draft) = drafts.get(bundle).or_else(|| trashed.get(bundle))
                && draft.history.latest() != Some(change)
            {
                return Err(edited_since());
            }
        }
        if removal.gone.uses.kept > 0 {
            self.require(Capability::EditKeptBundle)?;
        }
        self.store.write(|tx| {
            store::put_back_items(tx, &removal.rows, self.clock.now())?;
            for (bundle, change) in &removal.changes {
                if drafts.contains_key(bundle) || trashed.contains_key(bundle) {
                    continue;
                }
                match store::next_change(tx, *bundle, false)? {
                    Some((seq, latest)) if &latest == change => {
                        change.inverse().apply(&mut KeptBundle::new(tx, *bundle))?;
                        store::mark_history(tx, *bundle, seq, true)?;
                    }
                    _ => return Err(edited_since()),
                }
            }
            self.observe_clock(tx)
        })?;
        for (bundle, _) in &removal.changes {
            if let Some(draft) = drafts.get_mut(bundle) {
                draft.step(true)?;
                self.journal.stepped(draft, true);
            } else if let Some(draft) = trashed.get_mut(bundle) {
                draft.step(true)?;
                self.journal.stepped(draft, true);
            }
        }
        Ok(removal.gone)
    }

    /// Takes the items `ids` out of the library, first making in each bundle that threads them
    /// (the trash's too: nothing is left threading an item that is gone) the change `plan`
    /// gives for its entries that do, told which item each threads.
    fn remove_items(
        &self,
        ids: &[ItemId],
        plan: impl Fn(&dyn Editable, &[EntryId], &BTreeMap<EntryId, ItemId>) -> Result<Change>,
    ) -> Result<ItemsGone> {
        let ids = selection(ids)?;
        // Held throughout: no draft changes between finding its entries and editing them.
        let mut drafts = self.drafts();
        let mut trashed = lock(&self.trashed_drafts);
        let threads = self.threading([&*drafts, &*trashed], &ids)?;
        if !threads.kept.is_empty() {
            self.require(Capability::EditKeptBundle)?;
        }
        let mut changes = Vec::new();
        let mut draft_changes = Vec::new();
        for (bundle, entries) in &threads.drafts {
            let draft = drafts.get(bundle).or_else(|| trashed.get(bundle));
            let draft = draft.ok_or_else(|| Error::not_found("bundle", bundle))?;
            draft_changes.push((*bundle, plan(draft, entries, &threads.items)?));
        }
        let ordered: Vec<ItemId> = ids.iter().copied().collect();
        let rows = self.store.write(|tx| {
            for (bundle, entries) in &threads.kept {
                let mut kept = KeptBundle::new(tx, *bundle);
                let change = plan(&kept, entries, &threads.items)?;
                change.apply(&mut kept)?;
                store::record_change(tx, *bundle, &change)?;
                changes.push((*bundle, change));
            }
            let rows = store::take_items(tx, &ordered)?;
            self.observe_clock(tx)?;
            Ok(rows)
        })?;
        for (bundle, change) in draft_changes {
            let draft = match drafts.get_mut(&bundle) {
                Some(draft) => draft,
                None => trashed
                    .get_mut(&bundle)
                    .ok_or_else(|| Error::not_found("bundle", bundle))?,
            };
            if draft.make(change.clone())? {
                self.journal.changed(draft);
            }
            changes.push((bundle, change));
        }
        let gone = ItemsGone {
            items: rows.len() as u32,
            uses: threads.uses(),
        };
        *lock(&self.last_removal) = Some(Removal {
            rows,
            changes,
            gone,
        });
        Ok(gone)
    }

    /// Where the items `ids` are threaded: each bundle's entries that do, drafts (of this
    /// session and of the trash, in `draft_maps`) and kept bundles apart. Every id must name an
    /// item.
    fn threading(
        &self,
        draft_maps: [&BTreeMap<BundleId, Draft>; 2],
        ids: &HashSet<ItemId>,
    ) -> Result<Threads> {
        let ordered: Vec<ItemId> = ids.iter().copied().collect();
        let found = self.store.read(|connection| {
            let known = store::item_rows(connection, &ordered)?;
            if let Some(missing) = ordered.iter().find(|id| !known.contains_key(id)) {
                return Err(Error::not_found("item", missing));
            }
            store::entries_threading(connection, ids)
        })?;
        let mut threads = Threads::default();
        for threading in found {
            threads.items.insert(threading.entry, threading.item);
            if threading.in_trash {
                threads.in_trash.insert(threading.bundle);
            }
            threads
                .kept
                .entry(threading.bundle)
                .or_default()
                .push(threading.entry);
        }
        for (map, in_trash) in draft_maps.into_iter().zip([false, true]) {
            for draft in map.values() {
                let entries: Vec<EntryId> = draft
                    .entries
                    .iter()
                    .filter(|entry| ids.contains(&entry.item_id))
                    .map(|entry| {
                        threads.items.insert(entry.id, entry.item_id);
                        entry.id
                    })
                    .collect();
                if !entries.is_empty() {
                    threads.drafts.insert(draft.id, entries);
                    if in_trash {
                        threads.in_trash.insert(draft.id);
                    }
                }
            }
        }
        Ok(threads)
    }
}

/// The items a deletion or merge names: at least one, at most [`MAX_SELECTED`].
fn selection(ids: &[ItemId]) -> Result<HashSet<ItemId>> {
    if ids.is_empty() || ids.len() > MAX_SELECTED {
        return Err(Error::invalid(
            "ids",
            say!(
                "name 1 to {MAX_SELECTED} items",
                "nenne 1 bis {MAX_SELECTED} Einträge"
            ),
        ));
    }
    Ok(ids.iter().copied().collect())
}
