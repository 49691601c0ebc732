//! A library in a fresh temporary directory, and a second, raw connection to look at the file the
//! way another program would.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use ed25519_dalek::SigningKey;
use rusqlite::Connection;
use strand_core::licence::{self, LicencePayload};
use strand_core::{
    Bundle, BundleId, Entry, EntryId, FunnelStep, Item, ItemId, Strand, StrandOptions, Tier,
    TimeSource,
};
use tempfile::TempDir;
use uuid::Uuid;

/// A system clock the test can set back, as a person tampering with it would.
#[derive(Debug)]
pub struct ManualTime(Mutex<DateTime<Utc>>);

impl ManualTime {
    pub fn new() -> Arc<ManualTime> {
        Arc::new(ManualTime(Mutex::new(Utc::now())))
    }

    pub fn shift(&self, by: Duration) {
        *self.0.lock().expect("clock") += by;
    }
}

impl TimeSource for ManualTime {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().expect("clock")
    }
}

/// The demo signing key the licence issuer ships with.
pub fn demo_signing_key() -> SigningKey {
    let hex = include_str!("../../strand-licence/DEMO-ONLY-signing-key.hex");
    SigningKey::from_bytes(&licence::key_bytes_from_hex(hex).expect("demo key"))
}

/// A licence for Ada, issued a day ago, valid for `days` (or forever).
pub fn licence_for_ada(days: Option<i64>, key: &SigningKey) -> String {
    let issued_at = Utc::now() - Duration::days(1);
    let payload = LicencePayload {
        licence_id: Uuid::now_v7(),
        licensee: "Ada Lovelace".into(),
        plan: "premium".into(),
        issued_at,
        expires_at: days.map(|days| issued_at + Duration::days(days)),
    };
    licence::issue(&payload, key)
}

pub struct Library {
    pub strand: Strand,
    pub dir: TempDir,
    /// How it was opened; a restart opens it the same way.
    options: StrandOptions,
}

impl Library {
    pub fn new(demo: bool) -> Library {
        Library::with_options(StrandOptions {
            demo,
            ..StrandOptions::default()
        })
    }

    /// A library opened with `options`, holding the sample catalogue: a demo's starts with it,
    /// and a person's is given it, as the welcome's *Try the sample* does, so every test has
    /// items to thread.
    pub fn with_options(options: StrandOptions) -> Library {
        let dir = tempfile::tempdir().expect("temp dir");
        let strand =
            Strand::open(&dir.path().join("strand.sqlite"), options.clone()).expect("open library");
        if !options.demo {
            strand.add_sample().expect("the sample catalogue");
        }
        Library {
            strand,
            dir,
            options,
        }
    }

    pub fn premium() -> Library {
        let library = Library::new(true);
        library
            .strand
            .set_demo_tier(Some(Tier::Premium))
            .expect("demo tier");
        library
    }

    /// A premium library holding `count` generated items besides the demo catalogue.
    pub fn premium_with_generated(count: usize) -> Library {
        let library = Library::premium();
        library
            .strand
            .add_items(&strand_core::catalogue::generate(count))
            .expect("generated items");
        library
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("strand.sqlite")
    }

    /// Closes the library and opens the same file again, as a restart would, in the same mode.
    pub fn restart(self) -> Library {
        self.closed(|_| {})
    }

    /// Quits normally (as the app does on its way out) and opens the library again.
    pub fn quit_and_restart(self) -> Library {
        self.strand.end_session();
        self.restart()
    }

    /// Closes the library, does `between` to its file, and opens it again in the same mode.
    pub fn closed(self, between: impl FnOnce(&std::path::Path)) -> Library {
        let Library {
            strand,
            dir,
            options,
        } = self;
        drop(strand);
        between(&dir.path().join("strand.sqlite"));
        let strand = Strand::open(&dir.path().join("strand.sqlite"), options.clone())
            .expect("reopen library");
        Library {
            strand,
            dir,
            options,
        }
    }

    /// Whether the library check finds nothing wrong.
    pub fn check_finds_nothing(&self) -> bool {
        self.strand
            .check_library()
            .expect("check")
            .problems
            .is_empty()
    }

    pub fn raw(&self) -> Connection {
        Connection::open(self.path()).expect("raw connection")
    }

    /// How much the library's write-ahead log holds, in bytes (none if it has no WAL file).
    pub fn wal_bytes(&self) -> u64 {
        std::fs::metadata(self.path().with_extension("sqlite-wal")).map_or(0, |wal| wal.len())
    }

    pub fn count(&self, table: &str) -> i64 {
        self.raw()
            .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |row| {
                row.get(0)
            })
            .expect("count")
    }

    pub fn first_items(&self, count: u32) -> Vec<ItemId> {
        (0..count.div_ceil(1000))
            .flat_map(|page| {
                let limit = (count - page * 1000).min(1000);
                self.strand.items(page * 1000, limit).expect("items").items
            })
            .map(|item| item.id)
            .collect()
    }

    /// A bundle named `name` threading `items`, added at once: a draft, or if `kept`, kept (the
    /// library must be premium).
    pub fn bundle_threading(&self, name: &str, items: &[ItemId], kept: bool) -> BundleId {
        let draft = self.strand.create_bundle(name).expect("draft");
        self.strand.add_entries(draft.id, items).expect("thread");
        if kept {
            return self.strand.keep(draft.id).expect("keep").id;
        }
        draft.id
    }

    /// A draft named `name` threading the first `count` library items.
    pub fn draft(&self, name: &str, count: u32) -> Bundle {
        let mut bundle = self.strand.create_bundle(name).expect("create");
        for item in self.first_items(count) {
            bundle = self.strand.add_entry(bundle.id, item, false).expect("add");
        }
        bundle
    }

    /// A bundle named `name` threading the first `count` library items: a draft, or if `kept`,
    /// kept (the library must be premium).
    pub fn bundle(&self, name: &str, count: u32, kept: bool) -> Bundle {
        let draft = self.draft(name, count);
        if kept {
            return self.strand.keep(draft.id).expect("keep");
        }
        draft
    }

    /// Takes out what the migrations after `version` added, so the file looks as that version
    /// left it (data they rewrote stays rewritten); the next open migrates it again.
    pub fn roll_back_to(&self, version: i64) {
        const ADDED_BY: &[(i64, &str)] = &[
            (
                19,
                "ALTER TABLE bundles DROP COLUMN cover; DROP TABLE covers;",
            ),
            (
                18,
                "DELETE FROM funnel_events WHERE step = 'demo_upgraded';
                 CREATE TABLE funnel_events_before (id INTEGER PRIMARY KEY, step TEXT NOT NULL
                     CHECK (step IN ('draft_started', 'keep_attempted', 'paywall_shown',
                                     'trial_started', 'licence_activated', 'kept')),
                     at TEXT NOT NULL) STRICT;
                 INSERT INTO funnel_events_before SELECT id, step, at FROM funnel_events;
                 DROP TABLE funnel_events;
                 ALTER TABLE funnel_events_before RENAME TO funnel_events;",
            ),
            (17, "ALTER TABLE items DROP COLUMN currency;"),
            (
                16,
                "DROP INDEX items_in_sample; ALTER TABLE items DROP COLUMN sample;",
            ),
            (15, "DROP TABLE days_seen;"),
            (
                14,
                "CREATE TABLE entries_with_text_times (
                     id BLOB PRIMARY KEY,
                     bundle_id BLOB NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
                     item_id BLOB NOT NULL,
                     order_key BLOB NOT NULL,
                     added_at TEXT NOT NULL) STRICT;
                 INSERT INTO entries_with_text_times (rowid, id, bundle_id, item_id, order_key, added_at)
                     SELECT rowid, id, bundle_id, item_id, order_key,
                            datetime(added_at / 1000000000, 'unixepoch') || '.'
                            || format('%09d', added_at % 1000000000) || '+00:00'
                     FROM entries;
                 DROP TABLE entries;
                 ALTER TABLE entries_with_text_times RENAME TO entries;
                 CREATE INDEX entries_in_order ON entries (bundle_id, order_key, item_id, added_at, id);
                 CREATE INDEX entries_by_bundle_item ON entries (bundle_id, item_id);",
            ),
            (
                13,
                "CREATE TABLE entries_checked (
                     id BLOB PRIMARY KEY,
                     bundle_id BLOB NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
                     item_id BLOB NOT NULL REFERENCES items (id),
                     order_key BLOB NOT NULL,
                     added_at TEXT NOT NULL) STRICT;
                 INSERT INTO entries_checked SELECT id, bundle_id, item_id, order_key, added_at FROM entries;
                 DROP TABLE entries;
                 ALTER TABLE entries_checked RENAME TO entries;
                 CREATE INDEX entries_in_order ON entries (bundle_id, order_key, item_id, added_at, id);
                 CREATE INDEX entries_by_bundle_item ON entries (bundle_id, item_id);",
            ),
            (
                12,
                "DROP INDEX entries_by_bundle_item; CREATE INDEX entries_by_item ON entries (item_id);",
            ),
            (11, "DROP TABLE bundle_folders; DROP TABLE folders;"),
            (10, "DROP TABLE library_stats;"),
            (9, "ALTER TABLE bundles DROP COLUMN entry_count;"),
            (
                8,
                "ALTER TABLE bundles DROP COLUMN description; ALTER TABLE bundles DROP COLUMN colour;",
            ),
            (7, "DROP TABLE bundle_history;"),
        ];
        let raw = self.raw();
        for (_, sql) in ADDED_BY.iter().filter(|(added, _)| *added > version) {
            raw.execute_batch(sql).expect("take a migration out");
        }
        raw.pragma_update(None, "user_version", version)
            .expect("set the version");
    }

    /// The first item of the library (by title) that `wanted` picks.
    pub fn first_item(&self, wanted: impl Fn(&Item) -> bool) -> Item {
        self.strand
            .items(0, 1000)
            .expect("items")
            .items
            .into_iter()
            .find(|item| wanted(item))
            .expect("the library has such an item")
    }

    /// How many times the funnel recorded `step` (none: the step is not in the funnel at all).
    pub fn funnel_count(&self, step: FunnelStep) -> Option<u32> {
        self.strand
            .funnel()
            .expect("funnel")
            .into_iter()
            .find(|row| row.step == step)
            .map(|row| row.count)
    }

    /// Every entry of the bundle, in order.
    pub fn entries(&self, id: BundleId) -> Vec<Entry> {
        self.strand.whole_bundle(id).expect("bundle").entries
    }

    /// Moves the entry at `position` of the bundle to the front, and returns its id.
    pub fn move_to_front(&self, id: BundleId, position: usize) -> EntryId {
        let entry = self.entries(id)[position].id;
        self.strand.move_entry(id, entry, None).expect("move");
        entry
    }

    /// The items the bundle threads, in order.
    pub fn item_order(&self, id: BundleId) -> Vec<ItemId> {
        item_order(&self.entries(id))
    }
}

/// The names of the files in `dir`, sorted.
pub fn file_names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Opens the demo library at `path` on the system clock, as another process would.
pub fn open_demo(path: &std::path::Path) -> Strand {
    let options = StrandOptions {
        demo: true,
        ..StrandOptions::default()
    };
    Strand::open(path, options).expect("open the demo library")
}

pub fn item_order(entries: &[Entry]) -> Vec<ItemId> {
    entries.iter().map(|entry| entry.item.id).collect()
}

pub fn unknown_bundle() -> BundleId {
    BundleId::new()
}
