//! What the scale benchmarks share: the large library and medians of timed runs (included by
//! path by those that use it, so the others do not carry it).

use std::path::PathBuf;
use std::time::Duration;

use rusqlite::Connection;
use strand_core::{ItemId, Strand, StrandOptions, Tier, catalogue};
use tempfile::TempDir;

use crate::support::timed;

/// How many items the library holds: `STRAND_BENCH_ITEMS`, or `default`.
pub fn items_from_env(default: usize) -> usize {
    std::env::var("STRAND_BENCH_ITEMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A premium demo library of `count` generated items (and the demo catalogue) in a temporary
/// directory, at rest: the build's log is copied into the file, so no background checkpoint
/// is still at work while what follows is timed.
pub fn premium_library(count: usize) -> (TempDir, PathBuf, Strand) {
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
    println!(
        "library of {count} items (+ demo catalogue) built in {:.1} s",
        build.as_secs_f64()
    );
    Connection::open(&path)
        .expect("raw connection")
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpoint the build");
    (dir, path, strand)
}

/// The ids of the first `count` library items by title.
pub fn library_ids(strand: &Strand, count: u32) -> Vec<ItemId> {
    (0..count.div_ceil(1000))
        .flat_map(|page| strand.items(page * 1000, 1000).expect("page").items)
        .map(|item| item.id)
        .take(count as usize)
        .collect()
}

/// The median of `samples`, in milliseconds.
pub fn median(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    samples[samples.len() / 2].as_secs_f64() * 1e3
}

/// The median of three runs of `run`, each answering how long it took, in milliseconds.
pub fn median_of_three(mut run: impl FnMut() -> Duration) -> f64 {
    median((0..3).map(|_| run()).collect())
}
