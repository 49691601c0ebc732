//! Strand at scale, against the honest limit: raw SQLite doing the same work on the same file.
//!
//! Builds a library of `STRAND_BENCH_ITEMS` generated items (default 1,000,000) in a temporary
//! directory, then measures library search (p99 over one- to three-letter prefixes, common and
//! rare words, several words) through `Strand` and through a bare rusqlite connection running the
//! same FTS5 statement; keeping a 10,000-entry draft (and, on a bare connection, inserting the
//! same rows) and undoing a sort of it; and in a kept 100,000-entry bundle: opening it (head and
//! first 100 rows), moving one entry (and, bare, updating one key; and the disk alone, writing
//! and syncing one page, after the same reads and after 0–10 ms of quiet), undoing a move.
//! Prints each figure and merges them into `bench/results.json` at the repository root.
//!
//! Run: `cargo bench -p strand-core --bench scale` (add `STRAND_BENCH_ITEMS=100000` for a quick run).

#[path = "support/library.rs"]
mod library;
mod support;

use std::io::{Seek, SeekFrom, Write};
use std::time::Duration;

use rusqlite::Connection;
use serde_json::json;
use strand_core::order::{self, OrderKey};
use strand_core::{BundleId, EntryId, ItemId, SortField, Strand};
use support::timed;

const QUERIES: &[&str] = &[
    "a",
    "b",
    "e",
    "m",
    "s",
    "t",
    "am",
    "ri",
    "st",
    "amb",
    "riv",
    "gui",
    "amber",
    "river",
    "song",
    "jazz",
    "indie",
    "live",
    "mara",
    "mötley",
    "mot",
    "oberg",
    "straße",
    "amber river",
    "silver canyon",
    "idea compass",
    "headphones",
    "yoga classes",
    "zzzz",
    "qq",
];
const ROUNDS: usize = 5;
/// How many times each single edit or open is timed.
const SAMPLES: usize = 50;
/// How many 10,000-entry drafts are kept, for the median.
const KEEPS: usize = 5;
const PAGE: u32 = 50;
/// Searches inside the 100,000-entry bundle, as a person types them: one letter, two, a word, a
/// rare pair, nothing.
const FINDS: &[&str] = &[
    "a",
    "s",
    "m",
    "mo",
    "mot",
    "am",
    "amber",
    "river song",
    "zzzz",
];
/// How many matches a search inside a bundle answers with, as the editor asks.
const FOUND: u32 = 200;
/// How long the disk idles before each write in the sweep that shows what a lone commit costs.
const IDLE_MS: &[u64] = &[0, 1, 3, 10];

fn p99(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    let index = ((samples.len() as f64) * 0.99).ceil() as usize - 1;
    samples[index.min(samples.len() - 1)].as_secs_f64() * 1e3
}

fn main() {
    let count = library::items_from_env(1_000_000);
    let (_dir, path, strand) = library::premium_library(count);
    let raw = Connection::open(&path).expect("raw connection");

    // Library search through Strand: every query, several rounds, after one warm-up round.
    let mut strand_samples = Vec::new();
    for round in 0..=ROUNDS {
        for query in QUERIES {
            let (results, took) = timed(|| {
                strand
                    .search_items(query, None, None, PAGE)
                    .expect("search")
            });
            assert!(results.items.len() <= PAGE as usize);
            if round > 0 {
                strand_samples.push(took);
            }
        }
    }
    let search_p99_ms = p99(strand_samples);

    // The same FTS5 statement on a bare connection: the honest limit for this query shape.
    let mut statement = raw
        .prepare(
            "SELECT i.id, i.kind, i.title, i.creator, i.duration_ms, i.price_cents, i.source_uri, i.colour
             FROM items_fts JOIN items i ON i.rowid = items_fts.rowid WHERE items_fts MATCH ?1 LIMIT ?2",
        )
        .expect("prepare");
    let mut raw_samples = Vec::new();
    for round in 0..=ROUNDS {
        for query in QUERIES {
            let Some(expression) = strand_core::search::match_expression(query) else {
                continue;
            };
            let (rows, took) = timed(|| {
                statement
                    .query_map((&expression, PAGE + 1), |row| row.get::<_, Vec<u8>>(0))
                    .expect("query")
                    .count()
            });
            assert!(rows <= PAGE as usize + 1);
            if round > 0 {
                raw_samples.push(took);
            }
        }
    }
    let sqlite_search_p99_ms = p99(raw_samples);

    // Keeping a 10,000-entry draft: five drafts of different items, one after the other.
    let ids = library::library_ids(&strand, 100_000);
    let mut keep_samples = Vec::new();
    let mut kept_bundles = Vec::new();
    for threads in ids.chunks(10_000).take(KEEPS) {
        let draft = strand.create_bundle("Ten thousand").expect("draft");
        strand.add_entries(draft.id, threads).expect("thread 10k");
        let (kept, keep) = timed(|| strand.keep(draft.id).expect("keep"));
        assert_eq!(kept.entry_count, 10_000);
        keep_samples.push(keep);
        kept_bundles.push(kept);
    }
    let keep_range_ms = (
        keep_samples.iter().min().expect("keeps").as_secs_f64() * 1e3,
        keep_samples.iter().max().expect("keeps").as_secs_f64() * 1e3,
    );
    let keep_10k_ms = library::median(keep_samples);
    let kept = &kept_bundles[0];

    // Undo a sort of the kept 10,000-entry bundle. By duration: the bundle is in title order
    // already, and a sort that changes nothing is no step to undo.
    let in_title_order = order_of(&strand, kept.id);
    strand
        .sort_bundle(kept.id, SortField::Duration)
        .expect("sort 10k");
    assert_ne!(order_of(&strand, kept.id), in_title_order);
    let (_, undo_sort) = timed(|| strand.undo(kept.id).expect("undo the sort"));
    assert_eq!(order_of(&strand, kept.id), in_title_order);
    let undo_sort_10k_ms = undo_sort.as_secs_f64() * 1e3;

    // The 100,000-entry bundle: open it (the head and the first 100 rows, as the editor asks),
    // move single entries from and to places all over it, and undo such moves.
    let draft = strand.create_bundle("A hundred thousand").expect("draft");
    strand.add_entries(draft.id, &ids).expect("thread 100k");
    let big = strand.keep(draft.id).expect("keep 100k").id;
    // Keeping 100,000 entries leaves ~10 MB in the WAL for the background checkpoint to copy
    // into the database: let it, as it would while a person looks at the new bundle, so the
    // figures below time the edits, not the disk busy with the keep.
    std::thread::sleep(std::time::Duration::from_secs(1));
    let mut open_samples = Vec::new();
    for _ in 0..=SAMPLES {
        let (page, took) = timed(|| {
            let head = strand.bundle(big).expect("open");
            (head, strand.entries(big, 0, 100).expect("first rows"))
        });
        assert_eq!((page.0.entry_count, page.1.entries.len()), (100_000, 100));
        open_samples.push(took);
    }
    open_samples.remove(0); // the warm-up
    let open_100k_first_rows_ms = library::median(open_samples);

    let before = raw_keys(&path, big);
    let (moving, target) = (
        entry_at(&strand, big, 70_123),
        entry_at(&strand, big, 1_234),
    );
    strand
        .move_entry(big, moving, Some(target))
        .expect("one move");
    let after = raw_keys(&path, big);
    let move_rows_written = before.iter().zip(&after).filter(|(a, b)| a != b).count();
    assert_eq!(entry_at(&strand, big, 1_235), moving);

    let mut move_samples = Vec::new();
    let mut undo_samples = Vec::new();
    let mut random = fastrand::Rng::with_seed(7);
    for _ in 0..SAMPLES {
        let (from, after) = (random.u32(0..100_000), random.u32(0..100_000));
        // A move to where the entry already is changes nothing and is no step to undo.
        if from == after || after + 1 == from {
            continue;
        }
        let (moving, target) = (entry_at(&strand, big, from), entry_at(&strand, big, after));
        let (_, moved) = timed(|| strand.move_entry(big, moving, Some(target)).expect("move"));
        move_samples.push(moved);
        let (_, undone) = timed(|| strand.undo(big).expect("undo the move"));
        undo_samples.push(undone);
    }
    // Searching inside it as a person types, common prefixes and rare words alike: each query's
    // median of three, and the slowest query's; beside it, one SQLite statement doing the same.
    let finds: Vec<(&str, f64, f64)> = FINDS
        .iter()
        .map(|query| {
            let strand_ms = library::median_of_three(|| {
                let (found, took) = timed(|| strand.find_entries(big, query, FOUND).expect("find"));
                assert!(found.entries.len() <= FOUND as usize);
                took
            });
            (*query, strand_ms, raw_find(&raw, big, query))
        })
        .collect();
    let slowest = |pick: fn(&(&str, f64, f64)) -> f64| finds.iter().map(pick).fold(0.0, f64::max);
    let find_in_100k_ms_max = slowest(|find| find.1);
    let sqlite_find_in_100k_ms_max = slowest(|find| find.2);
    let move_one_ms = library::median(move_samples);
    let undo_move_ms = library::median(undo_samples);
    let (sqlite_move_one_ms, disk_sync_ms) = raw_moves(&path, big);
    let syncs_after_idle = disk_syncs_after_idle(&path);
    let sqlite_keep_10k_ms = raw_keeps(&path, &ids);

    println!(
        "library search, top {PAGE}, p99 over {} queries × {ROUNDS}: {search_p99_ms:.2} ms",
        QUERIES.len()
    );
    println!("  raw SQLite, same FTS5 statement:                 {sqlite_search_p99_ms:.2} ms");
    println!(
        "keep a 10,000-entry draft:                         {keep_10k_ms:.1} ms (median of {KEEPS}; {:.1}–{:.1})",
        keep_range_ms.0, keep_range_ms.1
    );
    println!("  raw SQLite, one row per statement, committed:    {sqlite_keep_10k_ms:.1} ms");
    println!("undo a sort of the 10,000-entry bundle:            {undo_sort_10k_ms:.1} ms");
    println!(
        "open the 100,000-entry bundle, first 100 rows:     {open_100k_first_rows_ms:.2} ms (median of {SAMPLES})"
    );
    println!(
        "move one entry in it:                              {move_one_ms:.2} ms (median of {SAMPLES}), {move_rows_written} entry row written"
    );
    println!("  raw SQLite, one key updated and committed:       {sqlite_move_one_ms:.2} ms");
    println!("  the disk alone, one 4 KB page written and synced: {disk_sync_ms:.2} ms");
    for (idle, sync_ms) in &syncs_after_idle {
        println!("    the same after {idle:>2} ms of quiet:                {sync_ms:.2} ms");
    }
    println!(
        "undo such a move:                                  {undo_move_ms:.2} ms (median of {SAMPLES})"
    );
    println!("search inside it, first {FOUND} matches, median of 3 (raw SQLite, one statement):");
    for (query, strand_ms, raw_ms) in &finds {
        println!("  {query:<12} {strand_ms:6.1} ms ({raw_ms:.1} ms)");
    }
    println!(
        "  slowest query: {find_in_100k_ms_max:.1} ms (raw SQLite's slowest: {sqlite_find_in_100k_ms_max:.1} ms)"
    );

    support::record(&[
        ("library_items", json!(count)),
        ("search_p99_ms", json!(search_p99_ms)),
        ("sqlite_search_p99_ms", json!(sqlite_search_p99_ms)),
        ("keep_10k_ms", json!(keep_10k_ms)),
        ("undo_sort_10k_ms", json!(undo_sort_10k_ms)),
        ("undo_move_ms", json!(undo_move_ms)),
        ("open_100k_first_rows_ms", json!(open_100k_first_rows_ms)),
        ("move_one_ms", json!(move_one_ms)),
        ("move_rows_written", json!(move_rows_written)),
        ("sqlite_move_one_ms", json!(sqlite_move_one_ms)),
        ("disk_sync_ms", json!(disk_sync_ms)),
        ("disk_sync_after_idle_ms", json!(syncs_after_idle)),
        ("sqlite_keep_10k_ms", json!(sqlite_keep_10k_ms)),
        ("find_in_100k_ms_max", json!(find_in_100k_ms_max)),
        (
            "sqlite_find_in_100k_ms_max",
            json!(sqlite_find_in_100k_ms_max),
        ),
    ]);
}

/// Searching inside the 100,000-entry bundle with one SQLite statement: its entries in order,
/// joined to their items, kept where the item's rowid is among the index's matches; the first
/// [`FOUND`] and one more, as Strand asks. Median of three.
fn raw_find(raw: &Connection, bundle: BundleId, query: &str) -> f64 {
    let expression = strand_core::search::match_expression(query).expect("a term");
    let mut statement = raw
        .prepare_cached(
            "SELECT e.id FROM entries e JOIN items i ON i.id = e.item_id
             WHERE e.bundle_id = ?1
               AND i.rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?2)
             ORDER BY e.order_key LIMIT ?3",
        )
        .expect("prepare");
    library::median_of_three(|| {
        timed(|| {
            statement
                .query_map((bundle, &expression, FOUND + 1), |row| {
                    row.get::<_, Vec<u8>>(0)
                })
                .expect("query")
                .count()
        })
        .1
    })
}

/// The median of three runs of `run` (each returning how long it took), in milliseconds.
/// The bundle's entries in order, by id.
fn order_of(strand: &Strand, bundle: BundleId) -> Vec<EntryId> {
    let whole = strand.whole_bundle(bundle).expect("bundle");
    whole.entries.iter().map(|entry| entry.id).collect()
}

/// The entry at `position`.
fn entry_at(strand: &Strand, bundle: BundleId, position: u32) -> EntryId {
    strand.entries(bundle, position, 1).expect("entry").entries[0].id
}

/// Every entry row's id and key, read by another connection as another program would.
fn raw_keys(path: &std::path::Path, bundle: BundleId) -> Vec<(Vec<u8>, Vec<u8>)> {
    let raw = Connection::open(path).expect("raw connection");
    let mut statement = raw
        .prepare("SELECT id, order_key FROM entries WHERE bundle_id = ?1 ORDER BY id")
        .expect("prepare");
    statement
        .query_map([bundle], |row| Ok((row.get(0)?, row.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

/// A connection as Strand opens its own: WAL, and a sync on every commit.
fn raw_writer(path: &std::path::Path) -> Connection {
    let raw = Connection::open(path).expect("raw connection");
    raw.pragma_update(None, "synchronous", "FULL")
        .expect("synchronous");
    raw
}

/// The floors under a move, timed in turns after the same reads (the entry at a random place,
/// and the two keys it moves between): one `UPDATE` giving it a key between the two, committed
/// on a bare connection (and put back by another, untimed); and the disk alone, one 4 KB page
/// written over a file beside the database and synced as SQLite syncs its WAL. Medians.
fn raw_moves(path: &std::path::Path, bundle: BundleId) -> (f64, f64) {
    let raw = raw_writer(path);
    let key_at = |position: u32| -> (Vec<u8>, OrderKey) {
        raw.query_row(
            "SELECT id, order_key FROM entries WHERE bundle_id = ?1 ORDER BY order_key
             LIMIT 1 OFFSET ?2",
            (bundle, position),
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .expect("an entry")
    };
    let read_move = |from: u32, after: u32| {
        let (moving, old_key) = key_at(from);
        let new_key = order::between(Some(&key_at(after).1), Some(&key_at(after + 1).1))
            .expect("a key between");
        (moving, old_key, new_key)
    };
    let set_key = |id: &[u8], key: &OrderKey| {
        raw.execute_batch("BEGIN IMMEDIATE").expect("begin");
        raw.execute("UPDATE entries SET order_key = ?2 WHERE id = ?1", (id, key))
            .expect("update");
        raw.execute_batch("COMMIT").expect("commit");
    };
    let mut disk = DiskPages::beside(path);
    let mut random = fastrand::Rng::with_seed(11);
    let (mut sqlite_samples, mut disk_samples) = (Vec::new(), Vec::new());
    while sqlite_samples.len() < SAMPLES {
        let (from, after) = (random.u32(0..99_999), random.u32(0..99_999));
        if from == after || from == after + 1 {
            continue;
        }
        let (moving, old_key, new_key) = read_move(from, after);
        let ((), took) = timed(|| set_key(&moving, &new_key));
        sqlite_samples.push(took);
        set_key(&moving, &old_key);

        read_move(from, after);
        disk_samples.push(disk.write_and_sync(disk_samples.len()));
    }
    (
        library::median(sqlite_samples),
        library::median(disk_samples),
    )
}

/// Pages of a file beside the database, written over (not grown) and synced as SQLite syncs its
/// WAL: what one durable commit costs the disk itself. SQLite writes its WAL over the file's
/// start again once it has been checkpointed, and a sync that also grows the file costs more.
struct DiskPages(std::fs::File);

impl DiskPages {
    const PAGE: usize = 4096;

    fn beside(database: &std::path::Path) -> DiskPages {
        let mut file =
            std::fs::File::create(database.with_file_name("disk-floor")).expect("disk file");
        file.write_all(&vec![0; Self::PAGE * SAMPLES])
            .expect("fill");
        file.sync_all().expect("sync");
        DiskPages(file)
    }

    /// Writes page `index` (of [`SAMPLES`]) and syncs it; how long that took.
    fn write_and_sync(&mut self, index: usize) -> Duration {
        let at = ((index % SAMPLES) * Self::PAGE) as u64;
        timed(|| {
            self.0.seek(SeekFrom::Start(at)).expect("seek");
            self.0.write_all(&[1; Self::PAGE]).expect("write");
            self.0.sync_all().expect("sync");
        })
        .1
    }
}

/// What one page written and synced costs after the disk has idled for each of [`IDLE_MS`]:
/// medians of [`SAMPLES`], in milliseconds.
fn disk_syncs_after_idle(path: &std::path::Path) -> Vec<(u64, f64)> {
    let mut disk = DiskPages::beside(path);
    IDLE_MS
        .iter()
        .map(|&idle| {
            let samples = (0..SAMPLES)
                .map(|index| {
                    std::thread::sleep(Duration::from_millis(idle));
                    disk.write_and_sync(index)
                })
                .collect();
            (idle, library::median(samples))
        })
        .collect()
}

/// The floor under a keep: a bundle row and 10,000 entry rows inserted by one prepared
/// statement and committed on a bare connection, for drafts of the same items as Strand kept.
fn raw_keeps(path: &std::path::Path, ids: &[ItemId]) -> f64 {
    let raw = raw_writer(path);
    let now = chrono::Utc::now();
    let samples = ids
        .chunks(10_000)
        .take(KEEPS)
        .map(|items| {
            let bundle = BundleId::new();
            let keys = order::evenly_spaced(items.len());
            let ((), took) = timed(|| {
                raw.execute_batch("BEGIN IMMEDIATE").expect("begin");
                raw.execute(
                    "INSERT INTO bundles (id, name, created_at, kept_at, description, colour, entry_count)
                     VALUES (?1, 'Raw', ?2, ?2, '', NULL, ?3)",
                    (bundle, now, items.len() as u32),
                )
                .expect("bundle");
                let mut insert = raw
                    .prepare(
                        "INSERT INTO entries (id, bundle_id, item_id, order_key, added_at)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                    )
                    .expect("prepare");
                let added_at = now.timestamp_nanos_opt().expect("a time");
                for (item, key) in items.iter().zip(&keys) {
                    insert
                        .execute((EntryId::new(), bundle, item, key, added_at))
                        .expect("entry");
                }
                drop(insert);
                raw.execute_batch("COMMIT").expect("commit");
            });
            took
        })
        .collect();
    library::median(samples)
}
