//! What the drafts journal costs. Every draft edit now writes one row to `strand.sqlite-drafts`
//! (WAL, `synchronous=NORMAL`), beside its honest limit: one row of the same size inserted and
//! committed on a bare connection with the same settings. And what a start after a crash costs:
//! `Strand::open` replaying a 10,000-entry draft and 1,000 edits of it, beside the same open
//! after a normal quit (nothing to replay; median of three). A replay happens once per crash, so
//! that figure is one run.
//!
//! Builds a library of `STRAND_BENCH_ITEMS` generated items (default 100,000 here: the journal
//! does not read the library). Prints each figure and merges them into `bench/results.json`.
//!
//! Run: `cargo bench -p strand-core --bench drafts`.

#[path = "support/library.rs"]
mod library;
mod support;

use std::time::Duration;

use rusqlite::{Connection, params};
use serde_json::json;
use strand_core::{Strand, StrandOptions};
use support::timed;

const ENTRIES: u32 = 10_000;
const SAMPLES: usize = 200;
const EDITS_BEFORE_CRASH: usize = 1000;

fn main() {
    let count = library::items_from_env(100_000);
    let (dir, path, strand) = library::premium_library(count);
    let ids = library::library_ids(&strand, ENTRIES);
    let draft = strand.create_bundle("Ten thousand").expect("draft");
    strand.add_entries(draft.id, &ids).expect("thread 10k");
    let entries = strand.entries(draft.id, 0, 1000).expect("entries").entries;
    let mut rng = fastrand::Rng::with_seed(7);

    let move_samples: Vec<Duration> = (0..SAMPLES)
        .map(|_| {
            let moved = entries[rng.usize(..entries.len())].id;
            timed(|| strand.move_entry(draft.id, moved, None).expect("move")).1
        })
        .collect();
    let draft_move_ms = library::median(move_samples);
    let journal_row_floor_ms = raw_journal_rows(dir.path());

    // A crash after 1,000 more edits: the next open replays them.
    for _ in SAMPLES..EDITS_BEFORE_CRASH {
        let moved = entries[rng.usize(..entries.len())].id;
        strand.move_entry(draft.id, moved, None).expect("move");
    }
    drop(strand);
    let options = StrandOptions {
        demo: true,
        ..StrandOptions::default()
    };
    let (reopened, open_after_crash) =
        timed(|| Strand::open(&path, options.clone()).expect("open after the crash"));
    assert_eq!(reopened.drafts_left_behind()[0].entry_count, ENTRIES);
    reopened.end_session();
    drop(reopened);
    let open_after_quit_ms = library::median_of_three(|| {
        let (quit, took) =
            timed(|| Strand::open(&path, options.clone()).expect("open after a quit"));
        quit.end_session();
        took
    });
    let open_after_crash_ms = open_after_crash.as_secs_f64() * 1e3;

    println!(
        "move one entry in a 10,000-entry draft, journaled: {draft_move_ms:.3} ms (median of {SAMPLES})"
    );
    println!("  one journal row on a bare connection, committed: {journal_row_floor_ms:.3} ms");
    println!(
        "open after a crash ({EDITS_BEFORE_CRASH} edits to replay): {open_after_crash_ms:.1} ms"
    );
    println!("open after a normal quit:                          {open_after_quit_ms:.1} ms");
    support::record(&[
        ("draft_move_journaled_ms", json!(draft_move_ms)),
        ("journal_row_floor_ms", json!(journal_row_floor_ms)),
        ("open_after_crash_ms", json!(open_after_crash_ms)),
        ("open_after_quit_ms", json!(open_after_quit_ms)),
    ]);
}

/// One row of a move's size (~200 bytes of JSON) inserted and committed on a bare WAL
/// connection with `synchronous=NORMAL`: what a journaled edit cannot go below. Median, ms.
fn raw_journal_rows(dir: &std::path::Path) -> f64 {
    let raw = Connection::open(dir.join("floor.sqlite")).expect("raw");
    raw.pragma_update(None, "journal_mode", "WAL").expect("wal");
    raw.pragma_update(None, "synchronous", "NORMAL")
        .expect("sync");
    raw.execute_batch("CREATE TABLE events (seq INTEGER PRIMARY KEY, draft BLOB, event TEXT)")
        .expect("table");
    let event = "x".repeat(200);
    let samples = (0..SAMPLES)
        .map(|_| {
            timed(|| {
                raw.execute(
                    "INSERT INTO events (draft, event) VALUES (?1, ?2)",
                    params![[7u8; 16], event],
                )
                .expect("insert")
            })
            .1
        })
        .collect();
    library::median(samples)
}
