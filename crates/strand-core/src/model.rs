//! The nouns of Strand as they cross to the UI: items, bundles and their entries. These types are
//! exported to TypeScript with ts-rs, so the UI never hand-copies a shape.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::access::AccessInfo;
use crate::cover::Cover;
use crate::entitlements::Policy;
use crate::ids::{BundleId, CoverId, EntryId, FolderId, ItemId};

/// What an item is; the UI picks an icon and wording from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A piece of music.
    Song,
    /// A live or recorded stream, podcast or show.
    Stream,
    /// Something to buy.
    Product,
    /// Something to subscribe to or book.
    Service,
    /// A web address.
    Link,
    /// Free text.
    Note,
}

impl ItemKind {
    /// Every kind, in the order the UI lists them.
    pub const ALL: [ItemKind; 6] = [
        ItemKind::Song,
        ItemKind::Stream,
        ItemKind::Product,
        ItemKind::Service,
        ItemKind::Link,
        ItemKind::Note,
    ];

    /// The name stored in the database (and used in file formats).
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Song => "song",
            ItemKind::Stream => "stream",
            ItemKind::Product => "product",
            ItemKind::Service => "service",
            ItemKind::Link => "link",
            ItemKind::Note => "note",
        }
    }

    /// The kind stored under `name`, if any.
    pub fn parse(name: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

/// Anything a person can thread onto a strand.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    /// Its id.
    pub id: ItemId,
    /// What it is and says.
    #[serde(flatten)]
    pub details: ItemDetails,
}

impl Item {
    /// What an entry shows for an item the library no longer holds.
    pub fn missing(id: ItemId) -> Item {
        Item {
            id,
            details: ItemDetails {
                kind: ItemKind::Note,
                title: say!("Missing item", "Fehlender Eintrag"),
                creator: String::new(),
                duration_ms: None,
                price_cents: None,
                currency: None,
                tags: Vec::new(),
                source_uri: None,
                colour: "#808080".into(),
            },
        }
    }
}

/// Everything about an item but its id: what the catalogue generator (and later, importers)
/// create before the store gives it one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemDetails {
    /// What it is.
    pub kind: ItemKind,
    /// Its title.
    pub title: String,
    /// Who made or sells it; empty when unknown.
    pub creator: String,
    /// Running time in milliseconds, for songs and streams.
    pub duration_ms: Option<u32>,
    /// Price in cents (hundredths of the currency's unit), for products and services.
    pub price_cents: Option<u32>,
    /// The price's currency as an ISO 4217 code (`EUR`); none for an amount without one.
    #[serde(default)]
    pub currency: Option<String>,
    /// Free-form tags, sorted.
    pub tags: Vec<String>,
    /// Where it lives (a URL or file path), if anywhere.
    pub source_uri: Option<String>,
    /// Its bead colour as `#rrggbb`.
    pub colour: String,
}

/// One page of the library.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemPage {
    /// The items of this page, by title.
    pub items: Vec<Item>,
    /// How many items the library holds in all.
    pub total: u32,
    /// How many of them are the sample catalogue's, which can be taken out in one action.
    pub sample: u32,
}

/// Where some items are threaded: what a person is told before deleting or merging them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemUses {
    /// How many bundles (drafts and kept ones, the trash's too) thread them.
    pub bundles: u32,
    /// How many of those are kept, so the edit passes the premium gate.
    pub kept: u32,
    /// How many entries thread them in all.
    pub entries: u32,
    /// How many of the bundles are in the trash.
    pub in_trash: u32,
}

/// What deleting or merging items did, and whether it can be undone as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemsGone {
    /// How many items left the library.
    pub items: u32,
    /// The bundles changed, each by one undoable edit, and their entries changed.
    pub uses: ItemUses,
}

/// What a bundle adds up to, for the line beside its bead string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BundleTotals {
    /// The running time of the entries that have one, in milliseconds.
    #[ts(type = "number")]
    pub duration_ms: u64,
    /// How many entries have a running time.
    pub timed: u32,
    /// The priced entries' sum in each currency, the largest first.
    pub prices: Vec<PriceTotal>,
}

/// The sum of a bundle's prices in one currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PriceTotal {
    /// Its ISO 4217 code; none for prices given without one.
    pub currency: Option<String>,
    /// The sum, in cents.
    #[ts(type = "number")]
    pub cents: u64,
    /// How many entries it sums.
    pub entries: u32,
}

impl BundleTotals {
    /// Counts one more entry threading an item with `details`.
    pub(crate) fn add(&mut self, details: &ItemDetails) {
        if let Some(ms) = details.duration_ms {
            self.duration_ms += u64::from(ms);
            self.timed += 1;
        }
        if let Some(cents) = details.price_cents {
            match self
                .prices
                .iter_mut()
                .find(|total| total.currency == details.currency)
            {
                Some(total) => {
                    total.cents += u64::from(cents);
                    total.entries += 1;
                }
                None => self.prices.push(PriceTotal {
                    currency: details.currency.clone(),
                    cents: u64::from(cents),
                    entries: 1,
                }),
            }
        }
    }

    /// The largest sum first; equal sums by currency, so the order never flickers.
    pub(crate) fn sort_prices(&mut self) {
        self.prices.sort_by(|a, b| {
            b.cents
                .cmp(&a.cents)
                .then_with(|| a.currency.cmp(&b.currency))
        });
    }
}

/// What taking the sample catalogue out did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SampleRemoval {
    /// How many sample items went.
    pub removed: u32,
    /// How many stay, because a bundle threads them.
    pub kept: u32,
}

/// What a bulk add did: the bundle afterwards, and how many items were threaded or skipped.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkAdd {
    /// The bundle after the add.
    pub bundle: Bundle,
    /// How many items were threaded on.
    pub added: u32,
    /// How many were skipped because the bundle already threads them (matched by item id).
    pub skipped_duplicates: u32,
}

/// What the library search found.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    /// The first matches.
    pub items: Vec<Item>,
    /// Whether there are more matches than shown.
    pub more: bool,
}

/// Whether a bundle lives only for this session or is kept in the database.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BundleState {
    /// Held by the core for this session; gone when Strand quits unless kept.
    Draft,
    /// Written to the database; survives restarts.
    Kept,
}

/// One bead on the strand: an item at a position. The same item may appear twice on purpose.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// The entry's own id (moves and removals name this, not the item).
    pub id: EntryId,
    /// The item it threads.
    pub item: Item,
    /// When it was threaded on.
    pub added_at: DateTime<Utc>,
    /// Where it is in its bundle, 0 first.
    pub position: u32,
    /// The item it threads is no longer in the library (a library edited or damaged outside
    /// Strand): `item` then holds only its id, under a placeholder title, and exports leave the
    /// entry out, having nothing to point to.
    pub missing: bool,
}

/// Some of a bundle's entries, in order: a window onto it, or what a search inside it found.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EntryPage {
    /// The entries, first to last, each with its position in the bundle.
    pub entries: Vec<Entry>,
    /// How many entries the bundle holds in all.
    pub total: u32,
    /// Whether a search found more than it answered with.
    pub more: bool,
}

/// What a bundle can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SortField {
    /// Title, A to Z, ignoring case.
    Title,
    /// Creator, A to Z, ignoring case.
    Creator,
    /// Duration, shortest first; items without one last.
    Duration,
    /// Kind, in the order the library lists kinds.
    Kind,
    /// When each entry was added, oldest first.
    Added,
}

/// What a person writes about a bundle besides its name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BundleDetails {
    /// A few lines about it; may be empty.
    pub description: String,
    /// Its own colour as `#rrggbb`, or none (its cover then shows its first items' colours).
    pub colour: Option<String>,
    /// Its cover picture, if one was chosen (read through [`crate::Strand::cover`]). Absent from
    /// changes recorded before covers existed, which read as none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cover_image: Option<CoverId>,
}

/// A bundle as an editor shows it: everything but its entries, which are read a window at a
/// time ([`EntryPage`]) so a bundle of 100,000 entries costs what is on screen.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Bundle {
    /// Its id.
    pub id: BundleId,
    /// Its name.
    pub name: String,
    /// Draft or kept.
    pub state: BundleState,
    /// When it was started.
    pub created_at: DateTime<Utc>,
    /// When it was kept, if it was.
    pub kept_at: Option<DateTime<Utc>>,
    /// How many entries it has.
    pub entry_count: u32,
    /// Its description and colour.
    pub details: BundleDetails,
    /// The folder it is filed in, if any.
    pub folder: Option<FolderId>,
    /// Whether an edit can be undone (kept bundles remember across restarts).
    pub can_undo: bool,
    /// Whether an undone edit can be redone.
    pub can_redo: bool,
}

/// A bundle with every entry, in order: what exports and share files are written from.
#[derive(Clone, Debug, PartialEq)]
pub struct WholeBundle {
    /// The bundle.
    pub bundle: Bundle,
    /// Its entries, first to last.
    pub entries: Vec<Entry>,
    /// Its cover picture, if it has one.
    pub cover: Option<Cover>,
}

impl WholeBundle {
    /// Its entries whose items the library still holds, first to last: what an export writes.
    pub fn present_entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|entry| !entry.missing)
    }
}

/// A draft the last session left unkept when it ended abnormally, offered back at the start.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftBack {
    /// Its id, the same as before.
    pub id: BundleId,
    /// Its name.
    pub name: String,
    /// How many entries it threads.
    pub entry_count: u32,
    /// When it was started.
    pub created_at: DateTime<Utc>,
    /// Whether this is the last time a crash can bring it back: keep it to be sure of it.
    pub last_time: bool,
}

/// A bundle as the bundle list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BundleSummary {
    /// Its id.
    pub id: BundleId,
    /// Its name.
    pub name: String,
    /// Draft or kept.
    pub state: BundleState,
    /// How many entries it has.
    pub entry_count: u32,
    /// The colours of its first four items, for its cover when it has no picture.
    pub cover: Vec<String>,
    /// Its cover picture, if it has one.
    pub cover_image: Option<CoverId>,
    /// Its own colour, if it has one.
    pub colour: Option<String>,
    /// The folder it is filed in, if any.
    pub folder: Option<FolderId>,
}

/// A folder that groups bundles (a bundle is in one folder or none).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Folder {
    /// Its id.
    pub id: FolderId,
    /// Its name.
    pub name: String,
}

/// What the UI needs to know about this session to show the right controls.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionInfo {
    /// Whether this is a demo session (demo panel shown, badge shown).
    pub demo: bool,
    /// The policy in force.
    pub policy: Policy,
    /// The tier, clock state, licence and trial, derived now.
    pub access: AccessInfo,
    /// Whether the tier shown is a demo override rather than derived from licence and trial.
    pub tier_overridden: bool,
    /// Strand's time (the system's, plus demo time travel).
    pub now: DateTime<Utc>,
    /// How many days the demo has travelled ahead.
    pub time_travel_days: u32,
    /// Whether the person agreed to local funnel recording (always recorded in demo mode).
    pub funnel_opt_in: bool,
}
