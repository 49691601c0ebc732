//! What the benchmarks share: timing and writing their figures into `bench/results.json`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::{Map, Value};

/// How long `work` took, with what it returned.
pub fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let value = work();
    (value, start.elapsed())
}

/// Merges `figures` into `bench/results.json` at the repository root, keeping other benchmarks'.
pub fn record(figures: &[(&str, Value)]) {
    let results = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../bench/results.json");
    let mut all: Map<String, Value> = std::fs::read_to_string(&results)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    for (key, value) in figures {
        all.insert((*key).to_owned(), value.clone());
    }
    std::fs::create_dir_all(results.parent().expect("bench dir")).expect("bench dir");
    std::fs::write(
        &results,
        serde_json::to_string_pretty(&Value::Object(all)).expect("json") + "\n",
    )
    .expect("write results");
    println!("figures merged into {}", results.display());
}
