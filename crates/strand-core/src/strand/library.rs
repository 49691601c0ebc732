//! Reading the library and its bundles (pages, search, summaries, windows of entries) and a
//! bundle's life around its edits: started as a draft, moved to the trash, restored, emptied.

use std::collections::{BTreeMap, HashSet};

use super::{Strand, check_limit, draft_head, kept_window, lock};
use crate::drafts::Draft;
use crate::error::{Error, Result};
use crate::funnel::FunnelStep;
use crate::ids::{BundleId, ItemId};
use crate::model::{
    Bundle, BundleState, BundleSummary, BundleTotals, Entry, EntryPage, ItemDetails, ItemKind,
    ItemPage, SampleRemoval, SearchResults, WholeBundle,
};
use crate::search;
use crate::store::backups::RestoreReason;
use crate::store::{self, Threaded, Whereabouts};
use crate::validate;

impl Strand {
    /// A page of the library, by title.
    pub fn items(&self, offset: u32, limit: u32) -> Result<ItemPage> {
        check_limit(limit)?;
        self.store
            .read(|connection| store::item_page(connection, offset, limit))
    }

    /// Puts the sample catalogue into the library, to try Strand with: the welcome's offer to a
    /// library that starts empty. Refused while the sample is there already.
    pub fn add_sample(&self) -> Result<u32> {
        self.store.write(|tx| {
            if store::sample_count(tx)? > 0 {
                return Err(Error::Conflict(say!(
                    "the sample catalogue is in your library already",
                    "der Beispielkatalog ist schon in deiner Bibliothek"
                )));
            }
            store::insert_sample(tx, self.clock.now())
        })
    }

    /// Takes the sample catalogue out in one action: every sample item no bundle threads (a
    /// draft, a kept bundle, or one in the trash); the ones a bundle threads stay, and are
    /// counted.
    pub fn remove_sample(&self) -> Result<SampleRemoval> {
        let threaded = |drafts: &BTreeMap<BundleId, Draft>| -> Vec<ItemId> {
            drafts
                .values()
                .flat_map(|draft| draft.entries.iter().map(|entry| entry.item_id))
                .collect()
        };
        // One lock at a time: each map is read on its own.
        let mut in_drafts: HashSet<ItemId> = threaded(&self.drafts()).into_iter().collect();
        in_drafts.extend(threaded(&lock(&self.trashed_drafts)));
        let (removed, kept) = self
            .store
            .write(|tx| store::delete_sample(tx, &in_drafts))?;
        Ok(SampleRemoval { removed, kept })
    }

    /// Searches the library as a person types: title, creator and tags, by word prefix, accents
    /// ignored, optionally only items of `kind` and only items tagged `tag`. Any text is
    /// accepted; none of it is query syntax.
    pub fn search_items(
        &self,
        text: &str,
        kind: Option<ItemKind>,
        tag: Option<&str>,
        limit: u32,
    ) -> Result<SearchResults> {
        check_limit(limit)?;
        let expression = [
            search::match_expression(text),
            tag.and_then(search::tag_expression),
        ]
        .into_iter()
        .flatten()
        .reduce(|text, tag| format!("{text} {tag}"));
        let mut items = self.store.read(|connection| {
            store::search_items(connection, expression.as_deref(), kind, limit + 1)
        })?;
        let more = items.len() > limit as usize;
        items.truncate(limit as usize);
        Ok(SearchResults { items, more })
    }

    /// Every bundle: this session's drafts first (oldest first), then the kept ones.
    pub fn bundles(&self) -> Result<Vec<BundleSummary>> {
        self.summaries(&self.drafts(), false)
    }

    /// What is in the trash: drafts deleted this session and kept bundles deleted at any time.
    pub fn trash(&self) -> Result<Vec<BundleSummary>> {
        self.summaries(&lock(&self.trashed_drafts), true)
    }

    fn summaries(
        &self,
        drafts: &BTreeMap<BundleId, Draft>,
        in_trash: bool,
    ) -> Result<Vec<BundleSummary>> {
        let mut summaries: Vec<BundleSummary> = drafts
            .values()
            .map(|draft| self.draft_summary(draft))
            .collect::<Result<_>>()?;
        summaries.extend(
            self.store
                .read(|connection| store::kept_summaries(connection, in_trash))?,
        );
        Ok(summaries)
    }

    /// Moves a bundle to the trash, whole, so it can be restored. Free on every tier: what a
    /// person keeps is theirs to throw away.
    pub fn delete_bundle(&self, id: BundleId) -> Result<()> {
        if let Some(draft) = self.drafts().remove(&id) {
            self.journal.trashed(&draft);
            lock(&self.trashed_drafts).insert(id, draft);
            return Ok(());
        }
        match self
            .store
            .read(|connection| store::whereabouts(connection, id))?
        {
            Some(Whereabouts::Kept) => self
                .store
                .write(|tx| store::set_trashed(tx, id, Some(self.clock.now()))),
            Some(Whereabouts::InTrash) => Err(Error::Conflict(say!(
                "this bundle is already in the trash",
                "dieses Bündel liegt schon im Papierkorb"
            ))),
            None => Err(self.missing_bundle(id)),
        }
    }

    /// Takes a bundle back out of the trash, exactly as it was.
    pub fn restore_bundle(&self, id: BundleId) -> Result<Bundle> {
        if let Some(draft) = lock(&self.trashed_drafts).remove(&id) {
            self.journal.restored(&draft);
            self.drafts().insert(id, draft);
            return self.bundle(id);
        }
        match self
            .store
            .read(|connection| store::whereabouts(connection, id))?
        {
            Some(Whereabouts::InTrash) => {
                self.store.write(|tx| store::set_trashed(tx, id, None))?;
                self.bundle(id)
            }
            Some(Whereabouts::Kept) => Err(Error::Conflict(say!(
                "this bundle is not in the trash",
                "dieses Bündel liegt nicht im Papierkorb"
            ))),
            None => Err(Error::not_found("bundle", id)),
        }
    }

    /// Deletes everything in the trash for good; returns how many bundles went.
    pub fn empty_trash(&self) -> Result<u32> {
        if self.store.read(store::kept_count_in_trash)? > 0 {
            self.restore_point(RestoreReason::EmptyTrash)?;
        }
        let drafts = std::mem::take(&mut *lock(&self.trashed_drafts));
        for id in drafts.keys() {
            self.journal.gone(*id);
        }
        let drafts = drafts.len();
        let kept = self.store.write(|tx| store::empty_trash(tx))?;
        Ok((drafts + kept) as u32)
    }

    /// The bundle with `id`, draft or kept, without its entries (read them a window at a time
    /// with [`Strand::entries`]). Kept bundles are readable on every tier.
    pub fn bundle(&self, id: BundleId) -> Result<Bundle> {
        if let Some(draft) = self.drafts().get(&id) {
            return Ok(draft_head(draft));
        }
        self.store
            .read(|connection| store::kept_bundle(connection, id))?
            .ok_or_else(|| Error::not_found("bundle", id))
    }

    /// What a bundle adds up to: its running time and its prices per currency, over every
    /// entry (a missing item counts for nothing).
    pub fn bundle_totals(&self, id: BundleId) -> Result<BundleTotals> {
        let threaded: Option<Vec<ItemId>> = self
            .drafts()
            .get(&id)
            .map(|draft| draft.entries.iter().map(|entry| entry.item_id).collect());
        let Some(threaded) = threaded else {
            self.bundle(id)?;
            return self
                .store
                .read(|connection| store::kept_totals(connection, id));
        };
        let items = self
            .store
            .read(|connection| store::items_by_id(connection, threaded.iter().copied()))?;
        let mut totals = BundleTotals::default();
        for item in threaded.iter().filter_map(|id| items.get(id)) {
            totals.add(&item.details);
        }
        totals.sort_prices();
        Ok(totals)
    }

    /// Up to `limit` entries of a bundle from position `offset` on, with their items: the rows
    /// an editor has on screen.
    pub fn entries(&self, id: BundleId, offset: u32, limit: u32) -> Result<EntryPage> {
        check_limit(limit)?;
        let (order, total) = self.order_window(id, offset, limit)?;
        let placed = order.into_iter().zip(offset..).collect();
        Ok(EntryPage {
            entries: self.with_items(placed)?,
            total,
            more: false,
        })
    }

    /// The bundle with every entry, in order: what exports write.
    pub fn whole_bundle(&self, id: BundleId) -> Result<WholeBundle> {
        let bundle = self.bundle(id)?;
        let entries = match bundle.state {
            BundleState::Draft => {
                let (order, _) = self.order_window(id, 0, u32::MAX)?;
                self.with_items(order.into_iter().zip(0..).collect())?
            }
            BundleState::Kept => self
                .store
                .read(|connection| store::kept_entries(connection, id))?,
        };
        let cover = bundle
            .details
            .cover_image
            .map(|cover| self.cover(cover))
            .transpose()?;
        Ok(WholeBundle {
            bundle,
            entries,
            cover,
        })
    }

    /// Starts a draft. Anyone may build.
    pub fn create_bundle(&self, name: &str) -> Result<Bundle> {
        let draft = Draft::new(validate::bundle_name(name)?, self.clock.now());
        let view = draft_head(&draft);
        self.record_alone(FunnelStep::DraftStarted)?;
        self.journal.started(&draft);
        self.drafts().insert(draft.id, draft);
        Ok(view)
    }

    /// Adds items to the library in one transaction (the catalogue generator's and importers'
    /// way in). Returns how many were added.
    pub fn add_items(&self, items: &[ItemDetails]) -> Result<u32> {
        let now = self.clock.now();
        Ok(self
            .store
            .write(|tx| store::insert_items(tx, items, now))?
            .len() as u32)
    }

    fn draft_summary(&self, draft: &Draft) -> Result<BundleSummary> {
        let items = self
            .store
            .read(|connection| store::items_by_id(connection, draft.cover_items()))?;
        let cover = draft
            .cover_items()
            .filter_map(|id| items.get(&id).map(|item| item.details.colour.clone()))
            .collect();
        Ok(draft.summary(cover))
    }

    /// Up to `limit` entries of a bundle from `offset` on, without their items, and how many
    /// entries it has.
    pub(super) fn order_window(
        &self,
        id: BundleId,
        offset: u32,
        limit: u32,
    ) -> Result<(Vec<Threaded>, u32)> {
        if let Some(window) = self.draft_window(id, offset, limit) {
            return Ok(window);
        }
        self.store
            .read(|connection| kept_window(connection, id, offset, limit))
    }

    /// As [`Strand::order_window`] for a draft; `None` if `id` is no draft.
    pub(super) fn draft_window(
        &self,
        id: BundleId,
        offset: u32,
        limit: u32,
    ) -> Option<(Vec<Threaded>, u32)> {
        let drafts = self.drafts();
        let draft = drafts.get(&id)?;
        let order = draft
            .entries
            .iter()
            .skip(offset as usize)
            .take(limit as usize)
            .map(|entry| Threaded {
                id: entry.id,
                item: entry.item_id,
                added_at: entry.added_at,
            })
            .collect();
        Some((order, draft.entries.len() as u32))
    }

    /// The entries at these positions, with their items.
    pub(super) fn with_items(&self, placed: Vec<(Threaded, u32)>) -> Result<Vec<Entry>> {
        let items = self.store.read(|connection| {
            store::items_by_id(connection, placed.iter().map(|(threaded, _)| threaded.item))
        })?;
        Ok(placed
            .into_iter()
            .map(|(threaded, position)| threaded.at(position, items.get(&threaded.item).cloned()))
            .collect())
    }
}
