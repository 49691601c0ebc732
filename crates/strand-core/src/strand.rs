//! [`Strand`]: the one handle the shell (and tests, and benchmarks) drive. It routes each edit to
//! a draft in memory or to a kept bundle in the store, sends every write of kept data through the
//! premium gate first, and holds the demo controls product teams switch.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::Duration;
use ed25519_dalek::VerifyingKey;
use rusqlite::Connection;

use crate::access::{self, AccessInfo, Facts};
use crate::catalogue;
use crate::clock::{Clock, SystemTime, TimeSource};
use crate::drafts::Draft;
use crate::entitlements::{self, Capability, PlanRow, Policy, Rule, Tier};
use crate::error::{Error, Result};
use crate::funnel::{self, FunnelCount, FunnelStep};
use crate::history::{self, Change, Editable, Placed, Return};
use crate::ids::{BundleId, EntryId, FolderId, ItemId};
use crate::licence;
use crate::model::{
    BulkAdd, Bundle, BundleState, BundleSummary, Entry, EntryPage, Folder, ItemDetails, ItemKind,
    ItemPage, SearchResults, SessionInfo, SortField, WholeBundle,
};
use crate::search;
use crate::sort;
use crate::store::backups::RestoreReason;
use crate::store::{self, KeptBundle, Store, Threaded, Whereabouts};
use crate::validate;

mod find;
mod restore;
mod transfer;

pub use restore::LibraryHealth;

/// The most items one library page may ask for.
pub const MAX_PAGE: u32 = 1000;

/// The most entries one edit may name at once (a selection).
pub const MAX_SELECTED: usize = 10_000;

/// The furthest the demo may travel ahead, in days.
pub const MAX_TIME_TRAVEL_DAYS: i64 = 3650;

/// How a Strand session is started.
#[derive(Clone, Debug)]
pub struct StrandOptions {
    /// Demo mode: product teams may switch tiers and policies, travel in time and reset.
    pub demo: bool,
    /// Where the system time comes from (tests set it back to simulate tampering).
    pub time: Arc<dyn TimeSource>,
}

impl Default for StrandOptions {
    fn default() -> Self {
        StrandOptions {
            demo: false,
            time: Arc::new(SystemTime),
        }
    }
}

/// What a product team has switched in this demo session.
#[derive(Debug, Default)]
struct DemoControls {
    tier: Option<Tier>,
    policy: Policy,
}

/// A library opened for one session: the store, this session's drafts, the clock and the gate.
#[derive(Debug)]
pub struct Strand {
    store: Store,
    drafts: Mutex<BTreeMap<BundleId, Draft>>,
    /// Drafts deleted this session: restorable until the trash is emptied or Strand quits.
    trashed_drafts: Mutex<BTreeMap<BundleId, Draft>>,
    demo: Option<Mutex<DemoControls>>,
    clock: Clock,
    licence_key: Option<VerifyingKey>,
}

impl Strand {
    /// Opens the library at `path`, creating it with the demo catalogue on first start. Demo
    /// mode, whose switches reach past the premium gate and whose reset wipes the library, runs
    /// only on a library made for it: a demo never opens a person's library, and a normal start
    /// never opens a demo's.
    pub fn open(path: &Path, options: StrandOptions) -> Result<Strand> {
        let strand = Strand {
            store: Store::open(path)?,
            drafts: Mutex::new(BTreeMap::new()),
            trashed_drafts: Mutex::new(BTreeMap::new()),
            demo: options.demo.then(Mutex::default),
            clock: Clock::new(options.time),
            licence_key: licence::vendor_key(),
        };
        let (seeded, demo_library) = strand.store.read(|connection| {
            Ok((
                store::is_seeded(connection)?,
                store::is_demo_library(connection)?,
            ))
        })?;
        match (seeded, options.demo, demo_library) {
            (true, true, false) => {
                return Err(Error::Forbidden(format!(
                    "{} is a person's library, and demo mode runs on a library of its own; \
                     start Strand without --demo to open it",
                    path.display()
                )));
            }
            (true, false, true) => {
                return Err(Error::Forbidden(format!(
                    "{} is a demo library; start Strand with --demo to open it",
                    path.display()
                )));
            }
            _ => {}
        }
        strand.store.write(|tx| {
            if !seeded {
                strand.seed(tx)?;
            }
            strand.observe_clock(tx)
        })?;
        Ok(strand)
    }

    /// Writes everything written so far into the library file itself and empties its write-ahead log,
    /// so the file alone is the whole library and the next start has no log to replay. The app
    /// calls it as it quits: Tauri never drops what it manages, so the database is never closed
    /// (which would do the same). The library stays open and usable.
    pub fn checkpoint(&self) -> Result<()> {
        self.store.checkpoint()
    }

    // ----- session, access and the gate -------------------------------------------------------

    /// What the UI needs to know about this session, derived now.
    pub fn session(&self) -> Result<SessionInfo> {
        Ok(SessionInfo {
            demo: self.demo.is_some(),
            policy: self.policy(),
            access: self.access()?,
            tier_overridden: self.demo_controls().is_some_and(|demo| demo.tier.is_some()),
            now: self.clock.now(),
            time_travel_days: self
                .clock
                .offset()
                .num_days()
                .clamp(0, MAX_TIME_TRAVEL_DAYS) as u32,
            funnel_opt_in: self.store.read(store::funnel_opt_in)?,
        })
    }

    /// The tier and what it rests on, derived from the stored facts now.
    pub fn access(&self) -> Result<AccessInfo> {
        let facts = self.store.read(|connection| {
            Ok(Facts {
                licence_tokens: store::licence_tokens(connection)?,
                trial_started: store::trial_started(connection)?,
                evidence: store::latest_evidence(connection)?,
            })
        })?;
        let mut access = access::derive(
            &facts,
            self.licence_key.as_ref(),
            self.clock.now(),
            self.clock.system_now(),
        );
        if let Some(tier) = self.demo_controls().and_then(|demo| demo.tier) {
            access.tier = tier;
        }
        Ok(access)
    }

    /// The policy in force: the founding one, or the preset a demo switched to.
    pub fn policy(&self) -> Policy {
        self.demo_controls()
            .map(|demo| demo.policy)
            .unwrap_or_default()
    }

    /// The plan map of the policy in force.
    pub fn plan_map(&self) -> Vec<PlanRow> {
        self.policy().plan_map()
    }

    /// The premium gate: refuses with [`Error::PremiumRequired`] unless the policy lets the
    /// current tier use `capability`.
    pub fn require(&self, capability: Capability) -> Result<()> {
        let policy = self.policy();
        let rule = policy.rule(capability);
        let kept = match rule {
            Rule::Free => return Ok(()),
            Rule::Premium => 0,
            Rule::FreeUpTo { .. } => self.store.read(store::kept_count)?,
        };
        if rule.allows(Tier::Free, kept) {
            return Ok(());
        }
        entitlements::require(policy, capability, self.access()?.tier, kept)
    }

    // ----- trial, licences, funnel ---------------------------------------------------------------

    /// Starts the one-time 14-day trial.
    pub fn start_trial(&self) -> Result<SessionInfo> {
        let access = self.access()?;
        if !access.trial.available {
            return Err(Error::Conflict(
                "the free trial has already been used on this computer".into(),
            ));
        }
        self.store.write(|tx| {
            store::start_trial(tx, self.clock.now())?;
            self.record(tx, FunnelStep::TrialStarted)?;
            self.observe_clock(tx)
        })?;
        self.session()
    }

    /// Verifies a licence key offline and, if it is valid now, stores it.
    pub fn activate_licence(&self, token: &str) -> Result<SessionInfo> {
        let key = self.licence_key.as_ref().ok_or_else(|| {
            Error::Conflict("this build of Strand has no valid licence key compiled in".into())
        })?;
        // Judged at the latest time the library has seen, as access is: a clock set back does
        // not make an expired licence valid again.
        let evidence = self.store.read(store::latest_evidence)?;
        let payload = licence::verify(token, key, access::judged_at(self.clock.now(), evidence))?;
        self.store.write(|tx| {
            store::insert_licence(
                tx,
                &payload.licence_id.to_string(),
                token.trim(),
                self.clock.now(),
            )?;
            self.record(tx, FunnelStep::LicenceActivated)?;
            self.observe_clock(tx)
        })?;
        self.session()
    }

    /// Turns local funnel recording on or off (outside demo mode it is off until the person agrees).
    pub fn set_funnel_opt_in(&self, opted_in: bool) -> Result<SessionInfo> {
        self.store
            .write(|tx| store::set_funnel_opt_in(tx, opted_in))?;
        self.session()
    }

    /// How often each funnel step happened.
    pub fn funnel(&self) -> Result<Vec<FunnelCount>> {
        self.store.read(store::funnel_counts)
    }

    /// The funnel as CSV.
    pub fn funnel_csv(&self) -> Result<String> {
        Ok(funnel::to_csv(&self.funnel()?))
    }

    // ----- demo controls -------------------------------------------------------------------------

    /// Overrides the tier for this demo session (`None`: derive it from licence and trial again).
    pub fn set_demo_tier(&self, tier: Option<Tier>) -> Result<SessionInfo> {
        self.demo_controls_mut()?.tier = tier;
        self.session()
    }

    /// Switches the policy preset for this demo session.
    pub fn set_demo_policy(&self, policy: Policy) -> Result<SessionInfo> {
        self.demo_controls_mut()?.policy = policy;
        self.session()
    }

    /// Moves Strand's clock `days` ahead of the system's (0 returns to now).
    pub fn time_travel(&self, days: i64) -> Result<SessionInfo> {
        drop(self.demo_controls_mut()?); // only a demo may travel
        if !(0..=MAX_TIME_TRAVEL_DAYS).contains(&days) {
            return Err(Error::invalid(
                "days",
                format!("travel 0 to {MAX_TIME_TRAVEL_DAYS} days ahead"),
            ));
        }
        self.clock.set_offset(Duration::days(days));
        self.session()
    }

    /// Starts the demo afresh: an empty library with the demo catalogue, no licences, trial,
    /// funnel or drafts, the founding policy, and the present time.
    pub fn reset_demo(&self) -> Result<SessionInfo> {
        let mut drafts = self.drafts();
        *self.demo_controls_mut()? = DemoControls::default();
        self.clock.set_offset(Duration::zero());
        self.store.write(|tx| {
            store::wipe(tx)?;
            self.seed(tx)?;
            self.observe_clock(tx)
        })?;
        drafts.clear();
        drop(drafts);
        self.session()
    }

    // ----- library and bundles -------------------------------------------------------------------

    /// A page of the library, by title.
    pub fn items(&self, offset: u32, limit: u32) -> Result<ItemPage> {
        check_limit(limit)?;
        self.store
            .read(|connection| store::item_page(connection, offset, limit))
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
            Some(Whereabouts::InTrash) => Err(Error::Conflict(
                "this bundle is already in the trash".into(),
            )),
            None => Err(self.missing_bundle(id)),
        }
    }

    /// Takes a bundle back out of the trash, exactly as it was.
    pub fn restore_bundle(&self, id: BundleId) -> Result<Bundle> {
        if let Some(draft) = lock(&self.trashed_drafts).remove(&id) {
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
            Some(Whereabouts::Kept) => {
                Err(Error::Conflict("this bundle is not in the trash".into()))
            }
            None => Err(Error::not_found("bundle", id)),
        }
    }

    /// Deletes everything in the trash for good; returns how many bundles went.
    pub fn empty_trash(&self) -> Result<u32> {
        if self.store.read(store::kept_count_in_trash)? > 0 {
            self.restore_point(RestoreReason::EmptyTrash)?;
        }
        let drafts = std::mem::take(&mut *lock(&self.trashed_drafts)).len();
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
        Ok(WholeBundle { bundle, entries })
    }

    /// Starts a draft. Anyone may build.
    pub fn create_bundle(&self, name: &str) -> Result<Bundle> {
        let draft = Draft::new(validate::bundle_name(name)?, self.clock.now());
        let view = draft_head(&draft);
        self.record_alone(FunnelStep::DraftStarted)?;
        self.drafts().insert(draft.id, draft);
        Ok(view)
    }

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

    /// Sets a bundle's description and colour (none: its cover speaks for it). Undoable.
    pub fn set_bundle_details(
        &self,
        id: BundleId,
        description: &str,
        colour: Option<&str>,
    ) -> Result<Bundle> {
        let details = validate::bundle_details(description, colour)?;
        self.edit(id, |bundle| {
            Ok(Change::Detailed {
                from: bundle.details()?,
                to: details,
            })
        })
    }

    /// Files a bundle in a folder (none: in no folder). Undoable like any edit.
    pub fn file_bundle(&self, id: BundleId, folder: Option<FolderId>) -> Result<Bundle> {
        if let Some(folder) = folder {
            self.store
                .read(|connection| store::require_folder(connection, folder))?;
        }
        self.edit(id, |bundle| {
            Ok(Change::Filed {
                from: bundle.folder()?,
                to: folder,
            })
        })
    }

    // ----- folders ----------------------------------------------------------------------------

    /// Every folder, by name. Folders only group bundles, so they are free on every tier.
    pub fn folders(&self) -> Result<Vec<Folder>> {
        self.store.read(store::folders)
    }

    /// Makes a new, empty folder.
    pub fn create_folder(&self, name: &str) -> Result<Folder> {
        let folder = Folder {
            id: FolderId::new(),
            name: validate::folder_name(name)?,
        };
        self.store
            .write(|tx| store::insert_folder(tx, &folder, self.clock.now()))?;
        Ok(folder)
    }

    /// Renames a folder.
    pub fn rename_folder(&self, id: FolderId, name: &str) -> Result<Folder> {
        let name = validate::folder_name(name)?;
        self.store.write(|tx| store::rename_folder(tx, id, &name))?;
        Ok(Folder { id, name })
    }

    /// Deletes a folder; its bundles stay, in no folder.
    pub fn delete_folder(&self, id: FolderId) -> Result<()> {
        self.store.write(|tx| store::delete_folder(tx, id))?;
        for draft in self.drafts().values_mut() {
            if draft.folder == Some(id) {
                draft.folder = None;
            }
        }
        Ok(())
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

    /// Adds items to the library in one transaction (the catalogue generator's and importers'
    /// way in). Returns how many were added.
    pub fn add_items(&self, items: &[ItemDetails]) -> Result<u32> {
        let now = self.clock.now();
        Ok(self
            .store
            .write(|tx| store::insert_items(tx, items, now))?
            .len() as u32)
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
                "pick another bundle to move the entries to",
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

    /// Keeps a draft: the premium act. Refused by the gate unless the policy lets the current
    /// tier keep, in which case the draft is written whole in one transaction.
    pub fn keep(&self, id: BundleId) -> Result<Bundle> {
        let mut drafts = self.drafts();
        let Some(draft) = drafts.get(&id) else {
            return Err(
                match self
                    .store
                    .read(|connection| store::whereabouts(connection, id))?
                {
                    Some(_) => Error::Conflict("this bundle is already kept".into()),
                    None => self.missing_bundle(id),
                },
            );
        };
        if let Err(refusal) = self.require(Capability::KeepBundle) {
            self.store.write(|tx| {
                self.record(tx, FunnelStep::KeepAttempted)?;
                if matches!(refusal, Error::PremiumRequired { .. }) {
                    self.record(tx, FunnelStep::PaywallShown)?;
                }
                Ok(())
            })?;
            return Err(refusal);
        }
        // The attempt is recorded with the keep, one commit instead of two; a keep that fails
        // takes its record with it, so the attempt is then recorded alone.
        let kept = self.store.write(|tx| {
            self.record(tx, FunnelStep::KeepAttempted)?;
            store::keep_draft(tx, draft, self.clock.now())?;
            self.record(tx, FunnelStep::Kept)?;
            self.observe_clock(tx)
        });
        if let Err(failure) = kept {
            self.record_alone(FunnelStep::KeepAttempted)?;
            return Err(failure);
        }
        drafts.remove(&id);
        drop(drafts);
        self.bundle(id)
    }

    /// The names of drafts that would be lost if Strand quit now.
    pub fn unkept_draft_names(&self) -> Vec<String> {
        self.drafts()
            .values()
            .map(|draft| draft.name.clone())
            .collect()
    }

    // ----- internals -----------------------------------------------------------------------------

    /// Makes the change `plan` describes (reading the bundle as it is) to the draft `id`, or, if
    /// `id` is kept, checks the gate and makes it in the store in one transaction; either way the
    /// change is recorded for undo.
    fn edit(
        &self,
        id: BundleId,
        plan: impl FnOnce(&dyn Editable) -> Result<Change>,
    ) -> Result<Bundle> {
        let mut drafts = self.drafts();
        if let Some(draft) = drafts.get_mut(&id) {
            // Each draft edit checks everything before it changes anything, so a refused edit
            // leaves the draft exactly as it was without copying it.
            let change = plan(draft)?;
            change.apply(draft)?;
            if !change.is_noop() {
                draft.history.record(change);
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
            let change = if undo {
                draft.history.take_undo()?
            } else {
                draft.history.take_redo()?
            };
            let outcome = if undo {
                change.inverse().apply(draft)
            } else {
                change.apply(draft)
            };
            // Filed where it now belongs; if it could not be applied, back where it was.
            let applied = outcome.is_ok();
            draft.history.file(change, undo == applied);
            outcome?;
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
    fn require_editable_kept(&self, id: BundleId) -> Result<()> {
        match self
            .store
            .read(|connection| store::whereabouts(connection, id))?
        {
            Some(Whereabouts::Kept) => self.require(Capability::EditKeptBundle),
            Some(Whereabouts::InTrash) => Err(in_trash()),
            None => Err(self.missing_bundle(id)),
        }
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
    fn order_window(&self, id: BundleId, offset: u32, limit: u32) -> Result<(Vec<Threaded>, u32)> {
        if let Some(window) = self.draft_window(id, offset, limit) {
            return Ok(window);
        }
        self.store
            .read(|connection| kept_window(connection, id, offset, limit))
    }

    /// As [`Strand::order_window`] for a draft; `None` if `id` is no draft.
    fn draft_window(&self, id: BundleId, offset: u32, limit: u32) -> Option<(Vec<Threaded>, u32)> {
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
    fn with_items(&self, placed: Vec<(Threaded, u32)>) -> Result<Vec<Entry>> {
        let items = self.store.read(|connection| {
            store::items_by_id(connection, placed.iter().map(|(threaded, _)| threaded.item))
        })?;
        Ok(placed
            .into_iter()
            .map(|(threaded, position)| threaded.at(position, items.get(&threaded.item).cloned()))
            .collect())
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

    /// Remembers the latest system time seen, so a clock set back behind it can be noticed.
    /// Written at most once a minute: the guard tolerates minutes anyway, and rewriting it with
    /// every edit added the meta table's pages to each small commit.
    /// Fills a new (or wiped) library with the demo catalogue, marking a demo's as its own.
    fn seed(&self, connection: &Connection) -> Result<()> {
        store::insert_items(connection, &catalogue::demo_catalogue(), self.clock.now())?;
        store::mark_seeded(connection)?;
        if self.demo.is_some() {
            store::mark_demo_library(connection)?;
        }
        Ok(())
    }

    fn observe_clock(&self, connection: &Connection) -> Result<()> {
        let now = self.clock.system_now();
        if store::last_seen(connection)?.is_none_or(|seen| now >= seen + Duration::minutes(1)) {
            store::set_last_seen(connection, now)?;
        }
        Ok(())
    }

    /// Records a funnel step inside the caller's transaction, if recording is allowed.
    fn record(&self, connection: &Connection, step: FunnelStep) -> Result<()> {
        if self.demo.is_some() || store::funnel_opt_in(connection)? {
            store::record_funnel(connection, step, self.clock.now())?;
        }
        Ok(())
    }

    /// Records a funnel step in its own transaction; writes nothing when recording is off.
    fn record_alone(&self, step: FunnelStep) -> Result<()> {
        if self.demo.is_some() || self.store.read(store::funnel_opt_in)? {
            self.store
                .write(|tx| store::record_funnel(tx, step, self.clock.now()))?;
        }
        Ok(())
    }

    fn demo_controls(&self) -> Option<MutexGuard<'_, DemoControls>> {
        self.demo
            .as_ref()
            .map(|demo| demo.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    fn demo_controls_mut(&self) -> Result<MutexGuard<'_, DemoControls>> {
        self.demo_controls().ok_or_else(|| {
            Error::Forbidden(
                "demo controls only work in demo mode (--demo or STRAND_DEMO=1)".into(),
            )
        })
    }

    /// The error for a bundle that is neither a draft nor kept: a draft in the trash says so.
    fn missing_bundle(&self, id: BundleId) -> Error {
        if lock(&self.trashed_drafts).contains_key(&id) {
            in_trash()
        } else {
            Error::not_found("bundle", id)
        }
    }

    fn drafts(&self) -> MutexGuard<'_, BTreeMap<BundleId, Draft>> {
        lock(&self.drafts)
    }
}

/// A draft as an editor shows it.
pub(crate) fn draft_head(draft: &Draft) -> Bundle {
    Bundle {
        id: draft.id,
        name: draft.name.clone(),
        state: BundleState::Draft,
        created_at: draft.created_at,
        kept_at: None,
        entry_count: draft.entries.len() as u32,
        details: draft.details.clone(),
        folder: draft.folder,
        can_undo: draft.history.can_undo(),
        can_redo: draft.history.can_redo(),
    }
}

/// Refuses an empty selection, or one larger than [`MAX_SELECTED`].
fn check_selection(entry_ids: &[EntryId]) -> Result<()> {
    if entry_ids.is_empty() || entry_ids.len() > MAX_SELECTED {
        return Err(Error::invalid(
            "entryIds",
            format!("name 1 to {MAX_SELECTED} entries"),
        ));
    }
    Ok(())
}

/// As [`Strand::order_window`] for a kept bundle, read on `connection`.
fn kept_window(
    connection: &Connection,
    id: BundleId,
    offset: u32,
    limit: u32,
) -> Result<(Vec<Threaded>, u32)> {
    let total =
        store::kept_entry_count(connection, id)?.ok_or_else(|| Error::not_found("bundle", id))?;
    Ok((store::kept_order(connection, id, offset, limit)?, total))
}

/// Refuses a page size outside 1 to [`MAX_PAGE`].
fn check_limit(limit: u32) -> Result<()> {
    if limit == 0 || limit > MAX_PAGE {
        return Err(Error::invalid(
            "limit",
            format!("ask for 1 to {MAX_PAGE} at a time"),
        ));
    }
    Ok(())
}

fn in_trash() -> Error {
    Error::Conflict("this bundle is in the trash; restore it to change it".into())
}

/// Locks `mutex`; nothing here can leave these maps half-changed, so poisoning is ignored.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
