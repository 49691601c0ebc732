//! Strand's product, free of any window: items people thread into ordered bundles, the SQLite
//! store that keeps them, the order keys that make a move cost one row, the drafts anyone may
//! build, and the premium gate that decides who may keep them.
//!
//! The desktop shell is a thin adapter over [`Strand`]; everything a user could be refused is
//! refused here, so the rules hold whatever calls the core (the UI, a test, a script).
#![deny(missing_docs)]

// The language of every message below, and `say!` that writes one in it.
#[macro_use]
pub mod language;

// The handle every caller drives: sessions, edits, keeping, imports, restore points.
mod strand;

// The rules: who may do what, under which policy, at what time, with which licence.
pub mod access; // the tier, derived from licences and trial on every check
pub mod clock; // the system's time and the demo's time travel
pub mod entitlements; // capabilities, policies, the plan map and the gate's decision
pub mod funnel; // the steps of the premium funnel and their CSV
pub mod licence; // offline Ed25519 licences

// Bundles and how they change.
mod drafts; // a draft in memory
mod history; // every edit as a change with its inverse, for undo
mod journal; // every draft change on disk as it happens, so a crash loses no draft
pub mod order; // order keys strictly between their neighbours
pub mod sort; // how entries compare when a bundle is sorted
pub mod validate; // names and details a person types

// What is stored, and where.
pub mod store; // the SQLite library: one file, migrations, the check, restore points

// Files people bring and take.
pub mod formats; // playlist and catalogue formats, read and written as pure functions
pub mod import; // matching imported entries to items, audio folders
pub mod opening; // which file or address opening an item may hand the desktop
pub mod share; // Strand's share format

// The vocabulary every layer speaks.
pub mod catalogue; // the demo catalogue and the item generator
pub mod cover; // a picture checked, scaled and encoded to be a bundle's cover
pub mod error; // one error type and its IPC codes
pub mod ids; // UUID v7 ids
pub mod model; // items, bundles, entries and pages, as the UI receives them
pub mod search; // typed text to FTS5 terms
pub mod suggest; // items that fit a bundle, ranked from the person's own bundles, and their measure

pub use access::{AccessInfo, LicenceInfo, TrialInfo};
pub use clock::{SystemTime, TimeSource};
pub use cover::Cover;
pub use entitlements::{Capability, PlanRow, Policy, Rule, Tier};
pub use error::{Error, ErrorCode, Result};
pub use formats::{ExportFormat, PlaylistFormat, SkippedLine};
pub use funnel::{FunnelCount, FunnelStep};
pub use ids::{BundleId, CoverId, EntryId, FolderId, ItemId};
pub use import::{CollectionImport, ImportSummary, ImportWatch, PlaylistImport, Unwatched};
pub use model::{
    BulkAdd, Bundle, BundleDetails, BundleState, BundleSummary, BundleTotals, DraftBack, Entry,
    EntryPage, Folder, Item, ItemDetails, ItemKind, ItemPage, ItemUses, ItemsGone, PriceTotal,
    SampleRemoval, SearchResults, SessionInfo, SortField, WholeBundle,
};
pub use opening::Opening;
pub use store::backups::{RestorePoint, RestoreReason};
pub use strand::{BundleExport, LibraryHealth, Strand, StrandOptions};
