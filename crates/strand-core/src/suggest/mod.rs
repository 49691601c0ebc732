//! Suggestions that fit a bundle, ranked on the device from what the person already threaded:
//! the model (`model.rs`), the ranking with its reasons and its two baselines (`ranking.rs`),
//! the RecSys Challenge 2018 measures (`metrics.rs`) and the evaluation on a playlist dataset
//! (`evaluation.rs`, run by `cargo bench -p strand-core --bench suggestions`).

pub mod evaluation;
pub mod metrics;
pub mod model;
pub mod ranking;

pub use evaluation::{Case, CaseReport, Dataset, Scores};
pub use model::{ItemFacts, Model};
pub use ranking::{Ranking, Reason, Suggestion};
