//! axe-core in the real window: every main screen — the welcome, the library, the editor, the
//! paywall, settings, the demo panel, an import's summary — in both themes has no serious or
//! critical violation; the count of the lesser ones is printed. axe is read from the UI's
//! node_modules (a dev dependency) and run inside the page.

use serde_json::Value;

use crate::desktop::Desktop;
use crate::harness::Harness;
use crate::steps::*;

const AXE: &str = include_str!("../../ui/node_modules/axe-core/axe.min.js");

/// Runs axe on the page as it is, in `theme`, and returns the serious and critical violations
/// (rule, impact, how many elements, the first one's HTML), printing how many lesser ones there
/// were.
async fn audit(harness: &Harness, screen: &str, theme: &str) -> Vec<String> {
    let client = harness.client();
    let present = client
        .execute("return typeof window.axe === 'object';", vec![])
        .await
        .expect("axe present?");
    if present != Value::Bool(true) {
        client.execute(AXE, vec![]).await.expect("load axe");
    }
    let script = format!(
        "const done = arguments[arguments.length - 1];
         document.documentElement.dataset.theme = '{theme}';
         requestAnimationFrame(() => {{
             axe.run(document, {{ resultTypes: ['violations'] }}).then(
                 (results) => done(results.violations.map((rule) => ({{
                     id: rule.id, impact: rule.impact, nodes: rule.nodes.length,
                     first: rule.nodes[0]?.html ?? '',
                 }}))),
                 (error) => done([{{ id: 'axe failed: ' + error, impact: 'critical', nodes: 0, first: '' }}]),
             );
         }});"
    );
    let violations = client
        .execute_async(&script, vec![])
        .await
        .expect("axe.run");
    let violations = violations.as_array().expect("violations").clone();
    let (grave, lesser): (Vec<&Value>, Vec<&Value>) = violations
        .iter()
        .partition(|rule| matches!(rule["impact"].as_str(), Some("serious" | "critical")));
    let lesser_nodes: u64 = lesser
        .iter()
        .filter_map(|rule| rule["nodes"].as_u64())
        .sum();
    println!(
        "axe, {screen} ({theme}): {} serious or critical, {} lesser rules on {lesser_nodes} elements {:?}",
        grave.len(),
        lesser.len(),
        lesser
            .iter()
            .map(|rule| rule["id"].as_str().unwrap_or(""))
            .collect::<Vec<_>>()
    );
    grave
        .iter()
        .map(|rule| {
            format!(
                "{screen} ({theme}): {} [{}] on {} elements, first {}",
                rule["id"], rule["impact"], rule["nodes"], rule["first"]
            )
        })
        .collect()
}

async fn audit_both_themes(harness: &Harness, screen: &str, found: &mut Vec<String>) {
    for theme in ["dark", "light"] {
        found.extend(audit(harness, screen, theme).await);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_main_screen_has_no_serious_or_critical_axe_violation_in_either_theme() {
    let mut found = Vec::new();

    let mut person = Harness::for_a_person();
    person.launch().await;
    person.find("[data-testid=welcome]").await;
    audit_both_themes(&person, "welcome", &mut found).await;
    person.stop().await;

    let mut harness = launched_showing_the_library().await;
    audit_both_themes(&harness, "library", &mut found).await;
    create_bundle(&harness, "Audited").await;
    add_library_rows_by_keyboard(&harness, 3).await;
    audit_both_themes(&harness, "editor", &mut found).await;

    click(&harness, "[data-testid=keep]").await;
    harness.find("[data-testid=paywall]").await;
    audit_both_themes(&harness, "paywall", &mut found).await;
    press(&harness, &[ESCAPE]).await;

    click(&harness, "[data-testid=open-settings]").await;
    harness.find("[data-testid=settings-close]").await;
    audit_both_themes(&harness, "settings", &mut found).await;
    click(&harness, "[data-testid=settings-close]").await;

    click(&harness, "[data-testid=demo-panel-toggle]").await;
    harness.find("[data-testid=demo-panel]").await;
    audit_both_themes(&harness, "demo panel", &mut found).await;

    let desktop = Desktop::connect(&harness.display_name());
    let documents = tempfile::tempdir().expect("documents");
    let playlist = documents.path().join("audited.m3u8");
    std::fs::write(
        &playlist,
        "#EXTM3U\n#EXTINF:187,Mara Quill - Tide\n/music/tide.mp3\nhttp://[::1\n",
    )
    .expect("write playlist");
    import_through_dialog(&harness, &desktop, IMPORT_PLAYLIST, &playlist).await;
    audit_both_themes(&harness, "import summary", &mut found).await;
    harness.stop().await;

    assert!(found.is_empty(), "{}", found.join("\n"));
}
