//! Strand's product, free of any window: items people thread into ordered bundles, the SQLite
//! store that keeps them, the order keys that make a move cost one row, the drafts anyone may
//! build, and the premium gate that decides who may keep them.
//!
//! The desktop shell is a thin adapter over [`Strand`]; everything a user could be refused is
//! refused here, so the rules hold whatever calls the core (the UI, a test, a script).
#![deny(missing_docs)]

pub mod access;
pub mod catalogue;
pub mod clock;
mod drafts;
pub mod entitlements;
pub mod error;
pub mod formats;
pub mod funnel;
mod history;
pub mod ids;
pub mod import;
pub mod licence;
pub mod model;
pub mod order;
pub mod search;
pub mod share;
pub mod sort;
pub mod store;
mod strand;
pub mod validate;

pub use access::{AccessInfo, LicenceInfo, TrialInfo};
pub use clock::{SystemTime, TimeSource};
pub use entitlements::{Capability, PlanRow, Policy, Rule, Tier};
pub use error::{Error, ErrorCode, Result};
pub use formats::{ExportFormat, PlaylistFormat, SkippedLine};
pub use funnel::{FunnelCount, FunnelStep};
pub use ids::{BundleId, EntryId, FolderId, ItemId};
pub use import::{ImportSummary, ImportWatch, PlaylistImport, Unwatched};
pub use model::{
    BulkAdd, Bundle, BundleDetails, BundleState, BundleSummary, Entry, EntryPage, Folder, Item,
    ItemDetails, ItemKind, ItemPage, SearchResults, SessionInfo, SortField, WholeBundle,
};
pub use store::backups::{RestorePoint, RestoreReason};
pub use strand::{LibraryHealth, Strand, StrandOptions};
