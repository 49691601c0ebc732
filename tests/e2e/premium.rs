//! The premium model end to end: paywall → trial → keep → time travel past the trial → still
//! readable and exportable, new keeps refused → licence from a file through the native dialog → keep again.
//! And switching policy presets moves the plan map and the core's decisions together.

use chrono::{Duration, Utc};
use ed25519_dalek::SigningKey;
use strand_core::licence::{self, LicencePayload};
use uuid::Uuid;

use crate::desktop::Desktop;
use crate::harness::Harness;
use crate::steps::*;

fn demo_licence_file(dir: &std::path::Path) -> std::path::PathBuf {
    let hex = include_str!("../../crates/strand-licence/DEMO-ONLY-signing-key.hex");
    let key = SigningKey::from_bytes(&licence::key_bytes_from_hex(hex).expect("demo key"));
    let payload = LicencePayload {
        licence_id: Uuid::now_v7(),
        licensee: "Ada Lovelace".into(),
        plan: "premium".into(),
        issued_at: Utc::now() - Duration::days(1),
        expires_at: Some(Utc::now() + Duration::days(365)),
    };
    let path = dir.join("ada.strandlicence");
    std::fs::write(&path, licence::issue(&payload, &key)).expect("write licence file");
    path
}

async fn tier_is(harness: &Harness, tier: &str) {
    let script = format!(
        "return document.querySelector('[data-testid=tier-status]')?.dataset.tier === '{tier}';"
    );
    harness.wait_for(&format!("the {tier} tier"), &script).await;
}

async fn bundle_state_is(harness: &Harness, state: &str) {
    let script = format!(
        "return document.querySelector('[data-testid=bundle-state]')?.textContent.trim() === '{state}';"
    );
    harness
        .wait_for(&format!("the open bundle to be {state}"), &script)
        .await;
}

async fn draft_with_items(harness: &Harness, name: &str, rows: &[usize]) {
    create_bundle(harness, name).await;
    for (added, row) in rows.iter().enumerate() {
        click(
            harness,
            &format!("{LIBRARY_ROWS}:nth-child({row}) button.add"),
        )
        .await;
        entry_count_is(harness, added + 1).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_free_user_meets_the_paywall_tries_premium_lapses_still_exports_and_comes_back_with_a_licence_file()
 {
    let mut harness = launched_showing_the_library().await;
    tier_is(&harness, "free").await;

    // Free: Keep opens the paywall, which offers the trial.
    draft_with_items(&harness, "Weekend", &[1, 2]).await;
    click(&harness, "[data-testid=keep]").await;
    harness.find("[data-testid=paywall]").await;
    assert!(kept_bundle_names(&harness).is_empty());

    // Start the trial from the paywall: Keep goes through, and the person is back where they were.
    click(&harness, "[data-testid=paywall-trial]").await;
    bundle_state_is(&harness, "Kept").await;
    tier_is(&harness, "trial").await;
    assert!(
        text_of(&harness, "[data-testid=tier-status]")
            .await
            .contains("14")
    );
    assert_eq!(kept_bundle_names(&harness), vec!["Weekend".to_owned()]);

    // Travel past the trial's end: lapsed, the kept bundle still reads, new keeps are refused.
    click(&harness, "[data-testid=demo-panel-toggle]").await;
    click(&harness, "[data-testid=travel-15]").await;
    tier_is(&harness, "lapsed").await;
    // The trial's end is said when it happens, once, not only by the tier's pill.
    assert!(
        text_of(&harness, "[data-testid=trial-ended]")
            .await
            .contains("trial has ended")
    );
    click(&harness, "[data-testid=trial-ended-ok]").await;
    click(&harness, "[data-testid=bundle-list] li:last-child button").await;
    entry_count_is(&harness, 2).await;
    let desktop = Desktop::connect(&harness.display_name());
    // The person's own files live outside Strand's data directory, as they would.
    let documents = tempfile::tempdir().expect("documents");
    let export = documents.path().join("weekend.strand.json");
    click(&harness, "[data-testid=export-bundle]").await;
    let dialog = desktop.wait_for_window("Export a bundle").await;
    desktop.save_in_dialog(dialog, export.to_str().expect("utf-8 path"));
    harness.find("[data-testid=exported-notice]").await;
    let shared: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&export).expect("exported file"))
            .expect("json");
    assert_eq!(shared["name"], "Weekend");
    assert_eq!(shared["entries"].as_array().map(Vec::len), Some(2));
    // Changing it is what the paywall now offers Premium for; not now, and it is as it was.
    click(
        &harness,
        &format!("{ENTRY_ROWS}:nth-child(1) [data-testid=remove-entry]"),
    )
    .await;
    harness.find("[data-testid=paywall]").await;
    assert!(
        text_of(&harness, "[data-testid=paywall]")
            .await
            .contains("Edit your kept bundles with Premium")
    );
    click(&harness, "[data-testid=paywall-close]").await;
    entry_count_is(&harness, 2).await;
    draft_with_items(&harness, "After the trial", &[3]).await;
    click(&harness, "[data-testid=keep]").await;
    harness.find("[data-testid=paywall]").await;
    let trial_offered = harness.find_all("[data-testid=paywall-trial]").await;
    assert!(
        trial_offered.is_empty(),
        "the one-time trial was offered again"
    );
    assert_eq!(kept_bundle_names(&harness), vec!["Weekend".to_owned()]);

    // "I have a licence key" → Settings → open a licence file through the native dialog.
    click(&harness, "[data-testid=paywall-licence]").await;
    let licence_file = demo_licence_file(documents.path());
    click(&harness, "[data-testid=open-licence-file]").await;
    let dialog = desktop.wait_for_window("Open a Strand licence").await;
    desktop.open_in_dialog(dialog, licence_file.to_str().expect("utf-8 path"));
    tier_is(&harness, "premium").await;
    assert!(
        text_of(&harness, "[data-testid=licence-status]")
            .await
            .contains("Ada Lovelace")
    );
    click(&harness, "[data-testid=settings-close]").await;
    harness
        .wait_for(
            "Settings to close",
            "return !document.querySelector('[data-testid=settings]');",
        )
        .await;

    click(&harness, "[data-testid=keep]").await;
    harness
        .wait_for(
            "After the trial to be kept",
            "return document.querySelector('[data-testid=kept-notice]')?.textContent.includes('After the trial');",
        )
        .await;
    let mut kept = kept_bundle_names(&harness);
    kept.sort();
    assert_eq!(
        kept,
        vec!["After the trial".to_owned(), "Weekend".to_owned()]
    );
    harness.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn switching_the_policy_preset_changes_the_plan_map_and_what_the_core_allows() {
    let mut harness = launched_showing_the_library().await;
    click(&harness, "[data-testid=demo-panel-toggle]").await;
    let keep_rule = "return document.querySelector('[data-testid=plan-map] tr[data-capability=keep_bundle]')?.dataset.rule;";
    assert_eq!(harness.wait_for("the plan map", keep_rule).await, "premium");

    draft_with_items(&harness, "Control group", &[4]).await;
    click(&harness, "[data-testid=keep]").await;
    click(&harness, "[data-testid=paywall-close]").await;
    assert!(kept_bundle_names(&harness).is_empty());

    // Calling keep straight from the webview's console, around the UI, is refused by the core.
    let console = "const done = arguments[arguments.length - 1];
        const ipc = window.__TAURI_INTERNALS__;
        ipc.invoke('list_bundles')
          .then((bundles) => ipc.invoke('keep_bundle', { bundleId: bundles[0].id }))
          .then(() => done('kept'), (error) => done(error));";
    let answer = harness
        .client()
        .execute_async(console, vec![])
        .await
        .expect("console call");
    assert_eq!(answer["code"], "premium_required", "{answer}");
    assert!(kept_bundle_names(&harness).is_empty());

    click(
        &harness,
        "[data-testid=policy-select] option[value=all-free]",
    )
    .await;
    harness
        .wait_for(
            "the plan map to show keeping as free",
            "return document.querySelector('[data-testid=plan-map] tr[data-capability=keep_bundle]')?.dataset.rule === 'free';",
        )
        .await;
    click(&harness, "[data-testid=keep]").await;
    bundle_state_is(&harness, "Kept").await;
    assert_eq!(
        kept_bundle_names(&harness),
        vec!["Control group".to_owned()]
    );
    harness.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_licence_key_is_said_under_its_field_not_across_the_page() {
    let mut harness = launched_showing_the_library().await;
    click(&harness, "[data-testid=open-settings]").await;
    harness
        .find("[data-testid=licence-key]")
        .await
        .send_keys("STRAND1.not-a-licence.at-all")
        .await
        .expect("type a key");
    click(&harness, "[data-testid=activate-licence]").await;
    let said = text_of(&harness, "[data-testid=licence-error]").await;
    assert!(!said.trim().is_empty());
    assert!(
        harness.find_all("[data-testid=error]").await.is_empty(),
        "a page-wide error banner as well"
    );
    harness.stop().await;
}
