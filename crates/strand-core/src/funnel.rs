//! The funnel a product team watches: drafts started → keep attempts → paywall shown →
//! trial, licence or (in a demo) the tier switched to a paying one → kept. Each of a person's
//! actions is one event, recorded when it happens. Recorded only on this machine, and outside demo mode only after the
//! person opted in.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One step of the funnel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FunnelStep {
    /// A draft was created.
    DraftStarted,
    /// Keep was pressed.
    KeepAttempted,
    /// Keep was refused for premium and the paywall shown.
    PaywallShown,
    /// The trial was started.
    TrialStarted,
    /// A licence was activated.
    LicenceActivated,
    /// The demo's tier was switched to Trial or Premium (its stand-in for paying).
    DemoUpgraded,
    /// A bundle was kept.
    Kept,
}

impl FunnelStep {
    /// Every step, in funnel order.
    pub const ALL: [FunnelStep; 7] = [
        FunnelStep::DraftStarted,
        FunnelStep::KeepAttempted,
        FunnelStep::PaywallShown,
        FunnelStep::TrialStarted,
        FunnelStep::LicenceActivated,
        FunnelStep::DemoUpgraded,
        FunnelStep::Kept,
    ];

    /// The name stored and exported.
    pub fn as_str(self) -> &'static str {
        match self {
            FunnelStep::DraftStarted => "draft_started",
            FunnelStep::KeepAttempted => "keep_attempted",
            FunnelStep::PaywallShown => "paywall_shown",
            FunnelStep::TrialStarted => "trial_started",
            FunnelStep::LicenceActivated => "licence_activated",
            FunnelStep::DemoUpgraded => "demo_upgraded",
            FunnelStep::Kept => "kept",
        }
    }
}

/// How many times one step happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FunnelCount {
    /// The step.
    pub step: FunnelStep,
    /// How often.
    pub count: u32,
}

/// The funnel as CSV (`step,count`), for a product team's spreadsheet.
pub fn to_csv(counts: &[FunnelCount]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let rows = std::iter::once(["step".to_owned(), "count".to_owned()]).chain(
        counts
            .iter()
            .map(|row| [row.step.as_str().to_owned(), row.count.to_string()]),
    );
    for row in rows {
        writer
            .write_record(row)
            .expect("writing CSV to memory cannot fail");
    }
    String::from_utf8(writer.into_inner().expect("flushing to memory cannot fail"))
        .expect("CSV of ASCII is UTF-8")
}
