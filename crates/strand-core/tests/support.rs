//! A library in a fresh temporary directory, and a second, raw connection to look at the file the
//! way another program would.

use std::path::PathBuf;

use rusqlite::Connection;
use strand_core::{Bundle, BundleId, ItemId, Strand, StrandOptions, Tier};
use tempfile::TempDir;

pub struct Library {
    pub strand: Strand,
    pub dir: TempDir,
}

impl Library {
    pub fn new(demo: bool) -> Library {
        let dir = tempfile::tempdir().expect("temp dir");
        let strand = Strand::open(
            &dir.path().join("strand.sqlite"),
            StrandOptions {
                demo,
                ..StrandOptions::default()
            },
        )
        .expect("open library");
        Library { strand, dir }
    }

    pub fn premium() -> Library {
        let library = Library::new(true);
        library
            .strand
            .set_demo_tier(Some(Tier::Premium))
            .expect("demo tier");
        library
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("strand.sqlite")
    }

    /// Closes the library and opens the same file again, as a restart would.
    pub fn restart(self) -> Library {
        let Library { strand, dir } = self;
        drop(strand);
        let strand = Strand::open(
            &dir.path().join("strand.sqlite"),
            StrandOptions {
                demo: true,
                ..StrandOptions::default()
            },
        )
        .expect("reopen library");
        Library { strand, dir }
    }

    pub fn raw(&self) -> Connection {
        Connection::open(self.path()).expect("raw connection")
    }

    pub fn count(&self, table: &str) -> i64 {
        self.raw()
            .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |row| {
                row.get(0)
            })
            .expect("count")
    }

    pub fn first_items(&self, count: u32) -> Vec<ItemId> {
        self.strand
            .items(0, count)
            .expect("items")
            .items
            .into_iter()
            .map(|item| item.id)
            .collect()
    }

    /// A draft named `name` threading the first `count` library items.
    pub fn draft(&self, name: &str, count: u32) -> Bundle {
        let mut bundle = self.strand.create_bundle(name).expect("create");
        for item in self.first_items(count) {
            bundle = self.strand.add_entry(bundle.id, item).expect("add");
        }
        bundle
    }
}

pub fn item_order(bundle: &Bundle) -> Vec<ItemId> {
    bundle.entries.iter().map(|entry| entry.item.id).collect()
}

pub fn unknown_bundle() -> BundleId {
    BundleId::new()
}
