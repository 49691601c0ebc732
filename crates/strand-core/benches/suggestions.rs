//! The quality of suggestions, measured as the ACM RecSys Challenge 2018 measured playlist
//! continuation: R-precision, NDCG and clicks for Strand's ranking beside plain item-kNN and
//! popularity, per case (first 1, 5, 10, 25 entries shown, or a random 25) and overall, on one
//! seeded split holding out a tenth of the playlists and asking for 500 suggestions each.
//!
//! Data: `STRAND_SUGGEST_CSV=<file>` reads a playlist dataset (one row per entry: `playlist`,
//! `title`, `creator`, optional `duration` in seconds and `tags`); without it, a generated one
//! with planted taste clusters (`STRAND_SUGGEST_PLAYLISTS`, default 2,000, over 20 tastes).
//! Run: `cargo bench -p strand-core --bench suggestions`. The generated run's figures go into
//! bench/results.json; a given dataset's are printed only.

mod support;

use serde_json::json;
use strand_core::suggest::{Case, CaseReport, Dataset};

const SEED: u64 = 2018;
const SUGGESTIONS: usize = 500;

fn main() {
    let given = std::env::var_os("STRAND_SUGGEST_CSV");
    let dataset = match &given {
        Some(path) => {
            let file = std::fs::File::open(path).expect("the dataset file opens");
            Dataset::from_csv(std::io::BufReader::new(file)).expect("a playlist dataset")
        }
        None => {
            let playlists = std::env::var("STRAND_SUGGEST_PLAYLISTS")
                .ok()
                .and_then(|value| value.parse().ok())
                .unwrap_or(2_000);
            Dataset::generated(SEED, 20, playlists)
        }
    };
    println!(
        "{} playlists over {} items; a tenth held out (seed {SEED}), {SUGGESTIONS} suggestions each",
        dataset.playlists.len(),
        dataset.items.len()
    );
    let (reports, took) = support::timed(|| dataset.evaluate(SEED, SUGGESTIONS));
    println!(
        "{:<10} {:>9} | {:>24} | {:>24} | {:>24}",
        "case", "playlists", "Strand  R-prec NDCG clicks", "item-kNN", "popularity"
    );
    for report in &reports {
        println!(
            "{:<10} {:>9} | {} | {} | {}",
            case_name(report),
            report.playlists,
            row(&report.strand),
            row(&report.item_knn),
            row(&report.popularity)
        );
    }
    let overall = &reports[0];
    println!(
        "Strand / item-kNN on R-precision: {:.2}×; Strand / popularity: {:.2}× ({:.1} s)",
        overall.strand.r_precision / overall.item_knn.r_precision,
        overall.strand.r_precision / overall.popularity.r_precision,
        took.as_secs_f64()
    );
    if given.is_none() {
        support::record(&[
            ("r_precision", json!(round(overall.strand.r_precision))),
            ("ndcg", json!(round(overall.strand.ndcg))),
            ("clicks", json!(round(overall.strand.clicks))),
            (
                "r_precision_knn",
                json!(round(overall.item_knn.r_precision)),
            ),
            (
                "r_precision_popularity",
                json!(round(overall.popularity.r_precision)),
            ),
        ]);
    }
}

fn case_name(report: &CaseReport) -> String {
    match report.case {
        None => "overall".into(),
        Some(Case::First(n)) => format!("first {n}"),
        Some(Case::Random(n)) => format!("random {n}"),
    }
}

fn row(scores: &strand_core::suggest::Scores) -> String {
    format!(
        "{:>8.3} {:>6.3} {:>8.2}",
        scores.r_precision, scores.ndcg, scores.clicks
    )
}

fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}
