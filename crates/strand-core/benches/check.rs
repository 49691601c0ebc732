//! The library check at start, against its honest limit: SQLite's own `quick_check` of the same
//! file on a bare connection, which is most of the work (a read through every page).
//!
//! Builds a library of `STRAND_BENCH_ITEMS` generated items (default 1,000,000) with a kept
//! 100,000-entry bundle, then times `Strand::check_library` (`quick_check` plus Strand's rules)
//! and `Strand::check_at_start` (the check, then today's restore point, a whole copy of the
//! file), each the median of three, beside `PRAGMA quick_check(20)` on a bare connection.
//! Prints each figure and merges them into `bench/results.json` at the repository root.
//!
//! Run: `cargo bench -p strand-core --bench check` (add `STRAND_BENCH_ITEMS=100000` for a quick run).

#[path = "support/library.rs"]
mod library;
mod support;

use rusqlite::{Connection, OpenFlags};
use serde_json::json;
use support::timed;

fn main() {
    let count = library::items_from_env(1_000_000);
    let (dir, path, strand) = library::premium_library(count);
    let ids = library::library_ids(&strand, 100_000);
    let draft = strand.create_bundle("A hundred thousand").expect("draft");
    strand.add_entries(draft.id, &ids).expect("thread 100k");
    strand.keep(draft.id).expect("keep 100k");
    strand.checkpoint().expect("at rest");
    let size_mb = std::fs::metadata(&path).expect("size").len() as f64 / 1e6;

    let check_ms = library::median_of_three(|| {
        let (health, took) = timed(|| strand.check_library().expect("check"));
        assert!(health.problems.is_empty(), "{health:?}");
        took
    });
    let sqlite_ms = library::median_of_three(|| {
        let raw = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("raw connection");
        let (verdict, took) = timed(|| {
            raw.query_row("PRAGMA quick_check(20)", [], |row| row.get::<_, String>(0))
                .expect("quick_check")
        });
        assert_eq!(verdict, "ok");
        took
    });
    let at_start_ms = library::median_of_three(|| {
        // A new day each time: the restore point of today is made again.
        let _ = std::fs::remove_dir_all(dir.path().join("backups"));
        let (health, took) = timed(|| strand.check_at_start().expect("check at start"));
        assert!(health.problems.is_empty(), "{health:?}");
        took
    });

    println!("library of {size_mb:.0} MB, check at start, median of 3:");
    println!("  check_library (quick_check and Strand's rules): {check_ms:.0} ms");
    println!("  raw SQLite, PRAGMA quick_check(20) alone:      {sqlite_ms:.0} ms");
    println!("  check_at_start (the check, then today's copy):  {at_start_ms:.0} ms");
    support::record(&[
        ("library_check_ms", json!(check_ms)),
        ("sqlite_quick_check_ms", json!(sqlite_ms)),
        ("check_at_start_ms", json!(at_start_ms)),
    ]);
}
