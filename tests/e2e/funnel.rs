//! The demo panel's funnel in the real window counts each action once, when it happens: Keep
//! refused shows one attempt and one paywall at once (while the paywall is up, and after *Not
//! now*), and *Switch to Premium (demo) and keep* adds the upgrade and the keep — no second
//! attempt.

use crate::harness::Harness;
use crate::steps::*;

/// The funnel table's counts, step by step, once they read `expected`.
async fn funnel_reads(harness: &Harness, expected: &[(&str, u32)]) {
    let wanted = serde_json::to_string(
        &expected
            .iter()
            .map(|(step, count)| serde_json::json!([step, count]))
            .collect::<Vec<_>>(),
    )
    .expect("json");
    let script = format!(
        "const rows = [...document.querySelectorAll('[data-testid=funnel] tr[data-step]')]
             .map((row) => [row.dataset.step, Number(row.querySelector('td:last-child').textContent)]);
         const wanted = {wanted};
         return wanted.every(([step, count]) => rows.some(([s, c]) => s === step && c === count));"
    );
    harness
        .wait_for(&format!("the funnel to read {expected:?}"), &script)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_funnel_counts_each_action_once_as_it_happens_through_the_paywall() {
    let mut harness = launched_showing_the_library().await;
    click(&harness, "[data-testid=demo-panel-toggle]").await;
    create_bundle(&harness, "Counted").await;
    add_library_rows_by_keyboard(&harness, 1).await;

    click(&harness, "[data-testid=keep]").await;
    harness.find("[data-testid=paywall]").await;
    funnel_reads(&harness, &[("keep_attempted", 1), ("paywall_shown", 1)]).await;
    click(&harness, "[data-testid=paywall-close]").await;
    funnel_reads(&harness, &[("keep_attempted", 1), ("paywall_shown", 1)]).await;

    click(&harness, "[data-testid=keep]").await;
    click(&harness, "[data-testid=paywall-upgrade]").await;
    harness.find("[data-testid=kept-notice]").await;
    funnel_reads(
        &harness,
        &[
            ("draft_started", 1),
            ("keep_attempted", 2),
            ("paywall_shown", 2),
            ("demo_upgraded", 1),
            ("kept", 1),
        ],
    )
    .await;
    harness.stop().await;
}
