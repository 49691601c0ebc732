//! [`Strand`]: the one handle the shell (and tests, and benchmarks) drive. It routes each edit to
//! a draft in memory or to a kept bundle in the store, and sends every write of kept data through
//! the premium gate first.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use chrono::Utc;

use crate::catalogue;
use crate::drafts::Draft;
use crate::entitlements::{Capability, Entitlements, Tier};
use crate::error::{Error, Result};
use crate::ids::{BundleId, EntryId, ItemId};
use crate::model::{Bundle, BundleState, BundleSummary, Entry, ItemPage, SessionInfo};
use crate::store::{self, Store};
use crate::validate;

/// The most items one library page may ask for.
pub const MAX_PAGE: u32 = 1000;

/// How a Strand session is started.
#[derive(Clone, Copy, Debug, Default)]
pub struct StrandOptions {
    /// Demo mode: product teams may switch tiers.
    pub demo: bool,
}

/// A library opened for one session: the store, this session's drafts, and the gate.
#[derive(Debug)]
pub struct Strand {
    store: Store,
    drafts: Mutex<BTreeMap<BundleId, Draft>>,
    entitlements: Entitlements,
}

impl Strand {
    /// Opens the library at `path`, creating it with the demo catalogue on first start.
    pub fn open(path: &Path, options: StrandOptions) -> Result<Strand> {
        let store = Store::open(path)?;
        store.write(|tx| {
            if !store::is_seeded(tx)? {
                store::insert_items(tx, &catalogue::demo_catalogue(), Utc::now())?;
                store::mark_seeded(tx)?;
            }
            Ok(())
        })?;
        Ok(Strand {
            store,
            drafts: Mutex::new(BTreeMap::new()),
            entitlements: Entitlements::new(options.demo),
        })
    }

    /// What the UI needs to know about this session.
    pub fn session(&self) -> SessionInfo {
        SessionInfo {
            demo: self.entitlements.is_demo(),
            tier: self.entitlements.tier(),
            policy: self.entitlements.policy(),
        }
    }

    /// Switches the tier; only in demo mode.
    pub fn set_demo_tier(&self, tier: Tier) -> Result<SessionInfo> {
        self.entitlements.set_demo_tier(tier)?;
        Ok(self.session())
    }

    /// A page of the library, by title.
    pub fn items(&self, offset: u32, limit: u32) -> Result<ItemPage> {
        if limit == 0 || limit > MAX_PAGE {
            return Err(Error::invalid(
                "limit",
                format!("ask for 1 to {MAX_PAGE} items at a time"),
            ));
        }
        self.store
            .read(|connection| store::item_page(connection, offset, limit))
    }

    /// Every bundle: this session's drafts first (oldest first), then the kept ones.
    pub fn bundles(&self) -> Result<Vec<BundleSummary>> {
        let drafts = self.drafts();
        let mut summaries: Vec<BundleSummary> = drafts
            .values()
            .map(|draft| BundleSummary {
                id: draft.id,
                name: draft.name.clone(),
                state: BundleState::Draft,
                entry_count: draft.entries.len() as u32,
            })
            .collect();
        summaries.extend(self.store.read(store::kept_summaries)?);
        Ok(summaries)
    }

    /// The bundle with `id`, draft or kept, with its entries in order.
    pub fn bundle(&self, id: BundleId) -> Result<Bundle> {
        if let Some(draft) = self.drafts().get(&id) {
            return self.draft_view(draft);
        }
        self.store
            .read(|connection| store::kept_bundle(connection, id))?
            .ok_or_else(|| Error::not_found("bundle", id))
    }

    /// Starts a draft. Anyone may build.
    pub fn create_bundle(&self, name: &str) -> Result<Bundle> {
        let draft = Draft::new(validate::bundle_name(name)?, Utc::now());
        let view = self.draft_view(&draft)?;
        self.drafts().insert(draft.id, draft);
        Ok(view)
    }

    /// Renames a bundle.
    pub fn rename_bundle(&self, id: BundleId, name: &str) -> Result<Bundle> {
        let name = validate::bundle_name(name)?;
        self.edit(
            id,
            |draft| {
                draft.name = name.clone();
                Ok(())
            },
            |connection| store::rename_kept(connection, id, &name),
        )
    }

    /// Threads an item onto the end of a bundle.
    pub fn add_entry(&self, id: BundleId, item_id: ItemId) -> Result<Bundle> {
        if !self
            .store
            .read(|connection| store::item_exists(connection, item_id))?
        {
            return Err(Error::not_found("item", item_id));
        }
        self.edit(
            id,
            |draft| draft.append(item_id, Utc::now()),
            |connection| store::insert_entry(connection, id, item_id, Utc::now()).map(drop),
        )
    }

    /// Takes one entry off a bundle.
    pub fn remove_entry(&self, id: BundleId, entry_id: EntryId) -> Result<Bundle> {
        self.edit(
            id,
            |draft| draft.remove(entry_id),
            |connection| store::delete_entry(connection, id, entry_id),
        )
    }

    /// Moves an entry so that it ends up at `to_index` (0 is first); only its own key changes.
    pub fn move_entry(&self, id: BundleId, entry_id: EntryId, to_index: u32) -> Result<Bundle> {
        self.edit(
            id,
            |draft| draft.move_to(entry_id, to_index as usize),
            |connection| store::move_kept_entry(connection, id, entry_id, to_index).map(drop),
        )
    }

    /// Keeps a draft: the premium act. Refused with [`Error::PremiumRequired`] unless the
    /// current tier may keep, in which case the draft is written whole in one transaction.
    pub fn keep(&self, id: BundleId) -> Result<Bundle> {
        let mut drafts = self.drafts();
        let Some(draft) = drafts.get(&id) else {
            return Err(
                if self
                    .store
                    .read(|connection| store::bundle_exists(connection, id))?
                {
                    Error::Conflict("this bundle is already kept".into())
                } else {
                    Error::not_found("bundle", id)
                },
            );
        };
        self.entitlements.require(Capability::KeepBundle)?;
        self.store
            .write(|tx| store::keep_draft(tx, draft, Utc::now()))?;
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

    /// Applies an edit to the draft `id`, or, if `id` is kept, checks the gate and applies the
    /// edit to the store in one transaction.
    fn edit(
        &self,
        id: BundleId,
        edit_draft: impl FnOnce(&mut Draft) -> Result<()>,
        edit_kept: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<()>,
    ) -> Result<Bundle> {
        let mut drafts = self.drafts();
        if let Some(draft) = drafts.get_mut(&id) {
            // Edit a copy so a refused edit leaves the draft exactly as it was.
            let mut edited = draft.clone();
            edit_draft(&mut edited)?;
            *draft = edited;
            return self.draft_view(draft);
        }
        drop(drafts);
        if !self
            .store
            .read(|connection| store::bundle_exists(connection, id))?
        {
            return Err(Error::not_found("bundle", id));
        }
        self.entitlements.require(Capability::EditKeptBundle)?;
        self.store.write(edit_kept)?;
        self.bundle(id)
    }

    fn draft_view(&self, draft: &Draft) -> Result<Bundle> {
        let items = self.store.read(|connection| {
            store::items_by_id(connection, draft.entries.iter().map(|entry| entry.item_id))
        })?;
        let entries = draft
            .entries
            .iter()
            .map(|entry| {
                let item = items
                    .get(&entry.item_id)
                    .cloned()
                    .ok_or_else(|| Error::not_found("item", entry.item_id))?;
                Ok(Entry { id: entry.id, item })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Bundle {
            id: draft.id,
            name: draft.name.clone(),
            state: BundleState::Draft,
            created_at: draft.created_at,
            kept_at: None,
            entries,
        })
    }

    fn drafts(&self) -> MutexGuard<'_, BTreeMap<BundleId, Draft>> {
        self.drafts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
