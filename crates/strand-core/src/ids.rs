//! Typed ids. UUID v7 is time-ordered, so new rows land at the end of the primary-key index
//! instead of at random pages; the newtypes keep an item id from being passed as a bundle id.

use std::fmt;

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh, time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            /// The id's sixteen bytes.
            pub fn as_bytes(&self) -> &[u8; 16] {
                self.0.as_bytes()
            }

            /// The id with these sixteen bytes.
            pub fn from_slice(bytes: &[u8]) -> Result<Self, uuid::Error> {
                Uuid::from_slice(bytes).map(Self)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(text).map(Self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                self.0.to_sql()
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                Uuid::column_result(value).map(Self)
            }
        }
    };
}

id_type!(
    /// Identifies an item in the library.
    ItemId
);
id_type!(
    /// Identifies a bundle, draft or kept.
    BundleId
);
id_type!(
    /// Identifies a folder that groups bundles.
    FolderId
);
id_type!(
    /// Identifies one entry of a bundle; the same item may be entered twice, each with its own id.
    EntryId
);
id_type!(
    /// Identifies a cover image in the library.
    CoverId
);
