//! Import and export at scale, against the honest limit: the `sqlite3` shell importing the same
//! CSV and building the same FTS5 index.
//!
//! Writes a catalogue CSV of `STRAND_BENCH_ROWS` generated items (default 1,000,000), then:
//! - imports it through `Strand::import_catalogue` in a child process (so its peak RSS is the
//!   import's alone, read from the kernel's high-water mark), into a fresh library;
//! - runs `sqlite3` on the same file: `.import` into a table, then an FTS5 index with Strand's
//!   tokenizer and prefix settings filled from it;
//! - exports a 100,000-entry kept bundle of that library to each format.
//!
//! Prints each figure and merges them into `bench/results.json`.
//! Run: `cargo bench -p strand-core --bench transfer` (`STRAND_BENCH_ROWS=100000` for a quick run).

mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::json;
use strand_core::{ExportFormat, ItemId, Strand, StrandOptions, Tier, Unwatched, catalogue};
use support::timed;

const CHILD_FLAG: &str = "--import-child";
const BUNDLE_ENTRIES: usize = 100_000;

fn write_catalogue(path: &Path, rows: usize) {
    let mut writer = csv::Writer::from_path(path).expect("create csv");
    writer
        .write_record([
            "title",
            "creator",
            "kind",
            "duration_ms",
            "price_cents",
            "tags",
            "uri",
        ])
        .expect("header");
    // The generator repeats addresses; a catalogue names each of its items once.
    for (row, item) in catalogue::generate(rows).into_iter().enumerate() {
        writer
            .write_record([
                item.title,
                item.creator,
                item.kind.as_str().to_owned(),
                item.duration_ms
                    .map(|ms| ms.to_string())
                    .unwrap_or_default(),
                item.price_cents
                    .map(|cents| cents.to_string())
                    .unwrap_or_default(),
                item.tags.join(";"),
                item.source_uri
                    .map(|uri| format!("{uri}?row={row}"))
                    .unwrap_or_default(),
            ])
            .expect("row");
    }
    writer.flush().expect("flush csv");
}

/// A demo library, which the benchmark may switch to Premium to keep a bundle.
fn open_demo(library: &Path) -> Strand {
    let options = StrandOptions {
        demo: true,
        ..StrandOptions::default()
    };
    Strand::open(library, options).expect("open library")
}

/// The child: imports the CSV into a fresh library and prints seconds and peak RSS (MiB).
fn import_child(csv: &Path, library: &Path) {
    let strand = open_demo(library);
    let (summary, took) = timed(|| strand.import_catalogue(csv, &Unwatched).expect("import"));
    let status = std::fs::read_to_string("/proc/self/status").expect("proc status");
    let peak_kib: f64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM");
    println!(
        "{}",
        json!({
            "seconds": took.as_secs_f64(),
            "imported": summary.created + summary.matched,
            "peak_mib": peak_kib / 1024.0,
        })
    );
}

fn sqlite_import(csv: &Path, database: &Path) -> Duration {
    let script = format!(
        ".mode csv\n.import '{}' raw\n\
         CREATE VIRTUAL TABLE fts USING fts5(title, creator, tags, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');\n\
         INSERT INTO fts (rowid, title, creator, tags) SELECT rowid, title, creator, tags FROM raw;\n",
        csv.display()
    );
    let (output, took) = timed(|| {
        let mut shell = Command::new("sqlite3")
            .arg(database)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the sqlite3 shell must be installed (scripts/bootstrap.sh installs it)");
        shell
            .stdin
            .take()
            .expect("stdin")
            .write_all(script.as_bytes())
            .expect("send the script");
        shell.wait_with_output().expect("sqlite3 ran")
    });
    assert!(
        output.status.success(),
        "sqlite3: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    took
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|arg| arg == CHILD_FLAG) {
        import_child(Path::new(&args[at + 1]), Path::new(&args[at + 2]));
        return;
    }
    let rows: usize = std::env::var("STRAND_BENCH_ROWS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("catalogue.csv");
    write_catalogue(&csv, rows);
    let megabytes = std::fs::metadata(&csv).expect("csv").len() as f64 / 1e6;

    let library = dir.path().join("strand.sqlite");
    let child = Command::new(std::env::current_exe().expect("this benchmark"))
        .args([
            CHILD_FLAG,
            csv.to_str().expect("path"),
            library.to_str().expect("path"),
        ])
        .output()
        .expect("run the import child");
    assert!(
        child.status.success(),
        "import child: {}",
        String::from_utf8_lossy(&child.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(
        child
            .stdout
            .split(|b| *b == b'\n')
            .find(|line| line.starts_with(b"{"))
            .expect("report"),
    )
    .expect("child report");
    assert_eq!(report["imported"], json!(rows));
    let import_rows_per_s = rows as f64 / report["seconds"].as_f64().expect("seconds");
    let peak_mib = report["peak_mib"].as_f64().expect("peak");

    let sqlite_took = sqlite_import(&csv, &dir.path().join("sqlite.db"));
    let sqlite_rows_per_s = rows as f64 / sqlite_took.as_secs_f64();

    let strand = open_demo(&library);
    strand.set_demo_tier(Some(Tier::Premium)).expect("premium");
    let mut ids: Vec<ItemId> = Vec::with_capacity(BUNDLE_ENTRIES);
    while ids.len() < BUNDLE_ENTRIES.min(rows) {
        let page = strand.items(ids.len() as u32, 1000).expect("items").items;
        ids.extend(page.iter().map(|item| item.id));
    }
    let draft = strand.create_bundle("Benchmark").expect("draft");
    strand.add_entries(draft.id, &ids).expect("thread");
    let kept = strand.keep(draft.id).expect("keep");
    let (read_back, read) = timed(|| strand.whole_bundle(kept.id).expect("read"));
    assert_eq!(read_back.entries.len(), ids.len());
    println!(
        "read the {}-entry bundle from the store: {:.0} ms",
        ids.len(),
        read.as_secs_f64() * 1e3
    );
    let shared = dir.path().join("shared.strand.json");
    let mut export_ms = Vec::new();
    for format in ExportFormat::ALL {
        let (text, took) = timed(|| strand.export_bundle(kept.id, format).expect("export"));
        assert!(text.len() > ids.len());
        let ms = took.as_secs_f64() * 1e3;
        println!(
            "export {} entries as {format:?}: {ms:.0} ms ({:.1} MB)",
            ids.len(),
            text.len() as f64 / 1e6
        );
        export_ms.push(ms);
        if format == ExportFormat::StrandJson {
            std::fs::write(&shared, &text).expect("write the shared bundle");
        }
    }
    let export_max = export_ms.iter().copied().fold(0.0, f64::max);
    // Reading it back: each entry finds its item in the file by id (a search per entry was
    // quadratic: 80,000 entries took 18 s).
    let (imported, took) = timed(|| strand.import_playlist(&shared, &Unwatched).expect("import"));
    assert_eq!(imported.bundle.entry_count as usize, ids.len());
    let import_json_ms = took.as_secs_f64() * 1e3;
    println!(
        "import the {}-entry bundle's Strand JSON as a draft: {import_json_ms:.0} ms",
        ids.len()
    );

    println!("catalogue CSV: {rows} rows, {megabytes:.0} MB");
    println!(
        "Strand import incl. search index: {import_rows_per_s:.0} rows/s, peak RSS {peak_mib:.0} MiB"
    );
    println!("sqlite3 .import + FTS5 build:     {sqlite_rows_per_s:.0} rows/s");
    println!("ratio: {:.2}", import_rows_per_s / sqlite_rows_per_s);
    support::record(&[
        ("import_rows", json!(rows)),
        ("import_1m_rows_per_s", json!(import_rows_per_s)),
        ("sqlite_import_1m_rows_per_s", json!(sqlite_rows_per_s)),
        (
            "import_ratio_vs_sqlite",
            json!(import_rows_per_s / sqlite_rows_per_s),
        ),
        ("import_1m_peak_rss_mb", json!(peak_mib)),
        ("export_100k_ms_max", json!(export_max)),
        ("import_strand_json_100k_ms", json!(import_json_ms)),
    ]);
}
