//! Strand at scale, against the honest limit: raw SQLite doing the same work on the same file.
//!
//! Builds a library of `STRAND_BENCH_ITEMS` generated items (default 1,000,000) in a temporary
//! directory, then measures library search (p99 over one- to three-letter prefixes, common and
//! rare words, several words) through `Strand` and through a bare rusqlite connection running the
//! same FTS5 statement, and keeping a 10,000-entry draft. Prints each figure and merges them into
//! `bench/results.json` at the repository root.
//!
//! Run: `cargo bench -p strand-core --bench scale` (add `STRAND_BENCH_ITEMS=100000` for a quick run).

mod support;

use std::time::Duration;

use rusqlite::Connection;
use serde_json::json;
use strand_core::{ItemId, SortField, Strand, StrandOptions, Tier, catalogue};
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
const PAGE: u32 = 50;

fn p99(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    let index = ((samples.len() as f64) * 0.99).ceil() as usize - 1;
    samples[index.min(samples.len() - 1)].as_secs_f64() * 1e3
}

fn main() {
    let count: usize = std::env::var("STRAND_BENCH_ITEMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("strand.sqlite");
    let strand = Strand::open(
        &path,
        StrandOptions {
            demo: true,
            ..StrandOptions::default()
        },
    )
    .expect("open");
    strand.set_demo_tier(Some(Tier::Premium)).expect("premium");

    let items = catalogue::generate(count);
    let ((), build) = timed(|| {
        for chunk in items.chunks(100_000) {
            strand.add_items(chunk).expect("add items");
        }
    });
    drop(items);
    println!(
        "library of {count} items (+ demo catalogue) built in {:.1} s",
        build.as_secs_f64()
    );

    // Library search through Strand: every query, several rounds, after one warm-up round.
    let mut strand_samples = Vec::new();
    for round in 0..=ROUNDS {
        for query in QUERIES {
            let (results, took) = timed(|| strand.search_items(query, None, PAGE).expect("search"));
            assert!(results.items.len() <= PAGE as usize);
            if round > 0 {
                strand_samples.push(took);
            }
        }
    }
    let search_p99_ms = p99(strand_samples);

    // The same FTS5 statement on a bare connection: the honest limit for this query shape.
    let raw = Connection::open(&path).expect("raw connection");
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

    // Keeping a 10,000-entry draft.
    let mut ids: Vec<ItemId> = Vec::with_capacity(10_000);
    for page in 0..10 {
        ids.extend(
            strand
                .items(page * 1000, 1000)
                .expect("page")
                .items
                .into_iter()
                .map(|item| item.id),
        );
    }
    let draft = strand.create_bundle("Ten thousand").expect("draft");
    strand.add_entries(draft.id, &ids).expect("thread 10k");
    let (kept, keep) = timed(|| strand.keep(draft.id).expect("keep"));
    assert_eq!(kept.entries.len(), 10_000);
    let keep_10k_ms = keep.as_secs_f64() * 1e3;

    // Undo in the kept 10,000-entry bundle: of a sort, and of one move (each including reading
    // the bundle back, which every edit answers with).
    // By duration: the bundle is in title order already, and a sort that changes nothing is
    // no step to undo.
    let sorted = strand
        .sort_bundle(kept.id, SortField::Duration)
        .expect("sort 10k");
    assert_ne!(sorted.entries, kept.entries);
    let (unsorted, undo_sort) = timed(|| strand.undo(kept.id).expect("undo the sort"));
    assert_eq!(unsorted.entries, kept.entries);
    let undo_sort_10k_ms = undo_sort.as_secs_f64() * 1e3;
    let middle = kept.entries[5_000].id;
    strand.move_entry(kept.id, middle, 10).expect("move");
    let (unmoved, undo_move) = timed(|| strand.undo(kept.id).expect("undo the move"));
    assert_eq!(unmoved.entries, kept.entries);
    let undo_move_ms = undo_move.as_secs_f64() * 1e3;

    println!(
        "library search, top {PAGE}, p99 over {} queries × {ROUNDS}: {search_p99_ms:.2} ms",
        QUERIES.len()
    );
    println!("  raw SQLite, same FTS5 statement:                 {sqlite_search_p99_ms:.2} ms");
    println!("keep a 10,000-entry draft (incl. reading it back): {keep_10k_ms:.1} ms");
    println!(
        "undo a sort of the 10,000-entry bundle (incl. reading it back): {undo_sort_10k_ms:.1} ms"
    );
    println!("undo a move in it (incl. reading it back):          {undo_move_ms:.1} ms");

    support::record(&[
        ("library_items", json!(count)),
        ("search_p99_ms", json!(search_p99_ms)),
        ("sqlite_search_p99_ms", json!(sqlite_search_p99_ms)),
        ("keep_10k_ms", json!(keep_10k_ms)),
        ("undo_sort_10k_ms", json!(undo_sort_10k_ms)),
        ("undo_move_ms", json!(undo_move_ms)),
    ]);
}
