//! Strand's product, free of any window: items people thread into ordered bundles, the SQLite
//! store that keeps them, the order keys that make a move cost one row, the drafts anyone may
//! build, and the premium gate that decides who may keep them.
//!
//! The desktop shell is a thin adapter over [`Strand`]; everything a user could be refused is
//! refused here, so the rules hold whatever calls the core (the UI, a test, a script).
#![deny(missing_docs)]

pub mod catalogue;
mod drafts;
pub mod entitlements;
pub mod error;
pub mod ids;
pub mod model;
pub mod order;
pub mod store;
mod strand;
pub mod validate;

pub use entitlements::{Capability, Policy, Tier};
pub use error::{Error, ErrorCode, Result};
pub use ids::{BundleId, EntryId, ItemId};
pub use model::{
    Bundle, BundleState, BundleSummary, Entry, Item, ItemDetails, ItemKind, ItemPage, SessionInfo,
};
pub use strand::{Strand, StrandOptions};
