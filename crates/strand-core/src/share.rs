//! Strand's share format: one bundle as JSON that a friend's Strand can import as the same
//! bundle — the items it threads and their order. Versioned so later Strands can read older files.
//!
//! ```json
//! {
//!   "format": "strand.bundle",
//!   "version": 1,
//!   "name": "Road trip",
//!   "exportedAt": "2026-11-23T18:00:00Z",
//!   "items": [ { "id": "…", "kind": "song", "title": "…", "creator": "…", "durationMs": 187000,
//!                "priceCents": null, "currency": null, "tags": ["indie"], "sourceUri": "file:///…",
//!                "colour": "#e4572e" } ],
//!   "entries": [ { "item": "…" }, { "item": "…" } ]
//! }
//! ```
//!
//! `items` lists each threaded item once; `entries` lists the bundle's order, each naming an item
//! by its `id` (so an item threaded twice appears once in `items` and twice in `entries`).
//!
//! "Export everything" writes a library file: every item of the library and every bundle (drafts
//! and kept ones, not the trash), each bundle's entries naming items as above.
//!
//! ```json
//! {
//!   "format": "strand.library",
//!   "version": 1,
//!   "exportedAt": "2026-11-23T18:00:00Z",
//!   "items": [ … as above … ],
//!   "bundles": [ { "name": "Road trip", "state": "kept", "entries": [ { "item": "…" } ] } ]
//! }
//! ```
//!
//! Readers refuse a file whose `version` is newer than theirs, and read older ones. An item's
//! `currency` (ISO 4217, beside `priceCents`) came after version 1 without a new version: older
//! readers ignore fields of an item they do not know, and a file without it reads as no currency.
//!
//! Version 2 adds a bundle's `cover`, beside its `name`: the picture as a `data:image/…;base64,`
//! URI. A version-1 reader refuses a bundle field it does not know, so a file is written as
//! version 2 only when it carries a cover, and as version 1 otherwise, which every Strand reads.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::cover::Cover;
use crate::ids::ItemId;
use crate::model::{BundleState, Item, WholeBundle};

/// The `format` field of a bundle file.
pub const BUNDLE_FORMAT: &str = "strand.bundle";

/// The newest bundle file version this build reads and writes (see [`version_for`]).
pub const BUNDLE_FORMAT_VERSION: u32 = 2;

/// The `format` field of a library file.
pub const LIBRARY_FORMAT: &str = "strand.library";

/// The newest library file version this build reads and writes (see [`version_for`]).
pub const LIBRARY_FORMAT_VERSION: u32 = 2;

/// The lowest version that holds what a file carries: 2 once any bundle in it has a cover.
pub fn version_for(has_cover: bool) -> u32 {
    if has_cover { 2 } else { 1 }
}

/// A bundle as a share file holds it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BundleFile {
    /// Always [`BUNDLE_FORMAT`].
    pub format: String,
    /// The format version.
    pub version: u32,
    /// The bundle's name.
    pub name: String,
    /// Its cover picture as a `data:` URI (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<String>,
    /// When the file was written.
    pub exported_at: DateTime<Utc>,
    /// Each item the bundle threads, once.
    pub items: Vec<Item>,
    /// The order: one entry per bead.
    pub entries: Vec<BundleFileEntry>,
}

/// One bead of a shared bundle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BundleFileEntry {
    /// The id of an item in [`BundleFile::items`].
    pub item: ItemId,
}

/// The whole library as "Export everything" writes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LibraryFile {
    /// Always [`LIBRARY_FORMAT`].
    pub format: String,
    /// The format version.
    pub version: u32,
    /// When the file was written.
    pub exported_at: DateTime<Utc>,
    /// Every item of the library.
    pub items: Vec<Item>,
    /// Every bundle, drafts first.
    pub bundles: Vec<LibraryBundle>,
}

/// One bundle of a library file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LibraryBundle {
    /// Its name.
    pub name: String,
    /// Draft or kept, when it was exported.
    pub state: BundleState,
    /// Its cover picture as a `data:` URI (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<String>,
    /// Its order, each entry naming an item of [`LibraryFile::items`].
    pub entries: Vec<BundleFileEntry>,
}

impl LibraryBundle {
    /// The bundle as a library file lists it.
    pub fn from_bundle(bundle: &WholeBundle) -> LibraryBundle {
        LibraryBundle {
            name: bundle.bundle.name.clone(),
            state: bundle.bundle.state,
            cover: bundle.cover.as_ref().map(Cover::data_uri),
            entries: entries_of(bundle),
        }
    }
}

fn entries_of(bundle: &WholeBundle) -> Vec<BundleFileEntry> {
    bundle
        .present_entries()
        .map(|entry| BundleFileEntry {
            item: entry.item.id,
        })
        .collect()
}

impl BundleFile {
    /// The share file for `bundle`.
    pub fn from_bundle(bundle: &WholeBundle, exported_at: DateTime<Utc>) -> BundleFile {
        let mut listed = HashSet::new();
        let items: Vec<Item> = bundle
            .present_entries()
            .filter(|entry| listed.insert(entry.item.id))
            .map(|entry| entry.item.clone())
            .collect();
        BundleFile {
            format: BUNDLE_FORMAT.to_owned(),
            version: version_for(bundle.cover.is_some()),
            name: bundle.bundle.name.clone(),
            cover: bundle.cover.as_ref().map(Cover::data_uri),
            exported_at,
            items,
            entries: entries_of(bundle),
        }
    }

    /// The file as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a bundle file always serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{BundleId, EntryId};
    use crate::model::{Bundle, BundleState, Entry, ItemDetails, ItemKind};

    fn item(title: &str) -> Item {
        Item {
            id: ItemId::new(),
            details: ItemDetails {
                kind: ItemKind::Song,
                title: title.into(),
                creator: "Mara Quill".into(),
                duration_ms: Some(187_000),
                price_cents: None,
                currency: None,
                tags: vec!["indie".into()],
                source_uri: None,
                colour: "#e4572e".into(),
            },
        }
    }

    #[test]
    fn an_item_threaded_twice_is_listed_once_and_entered_twice_in_order() {
        let (a, b) = (item("A \"quoted\", with commas"), item("=B"));
        let bundle = WholeBundle {
            bundle: Bundle {
                id: BundleId::new(),
                name: "Mix".into(),
                state: BundleState::Kept,
                created_at: Utc::now(),
                kept_at: None,
                entry_count: 3,
                details: Default::default(),
                folder: None,
                can_undo: false,
                can_redo: false,
            },
            cover: None,
            entries: [&a, &b, &a]
                .iter()
                .zip(0..)
                .map(|(item, position)| Entry {
                    id: EntryId::new(),
                    item: (*item).clone(),
                    added_at: Utc::now(),
                    position,
                    missing: false,
                })
                .collect(),
        };
        let file = BundleFile::from_bundle(&bundle, Utc::now());
        assert_eq!(file.items, vec![a.clone(), b.clone()]);
        let order: Vec<ItemId> = file.entries.iter().map(|entry| entry.item).collect();
        assert_eq!(order, vec![a.id, b.id, a.id]);
        let read_back: BundleFile = serde_json::from_str(&file.to_json()).expect("round trip");
        assert_eq!(read_back, file);
        assert!(file.to_json().contains("\"format\": \"strand.bundle\""));
        assert_eq!(
            file.version, 1,
            "a file without a cover is one every Strand reads"
        );
        assert!(!file.to_json().contains("cover"));
    }
}
