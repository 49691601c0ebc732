//! End to end: a person's journeys in the real Strand window (WebKitGTK, driven over WebDriver).
//! Run with `cargo test --test e2e` after `npm --prefix ui run build`; scripts/test.sh does both.

mod harness;

use std::time::Duration;

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MOUSE_BUTTON_LEFT, MouseActions, PointerAction,
};
use harness::Harness;
use strand_core::{Strand, StrandOptions};

const ENTER: char = '\u{E007}';
const ALT: char = '\u{E00A}';
const ARROW_DOWN: char = '\u{E015}';

const LIBRARY_ROWS: &str = "[data-testid=library] li";
const ENTRY_ROWS: &str = "[data-testid=entries] li";

async fn press(harness: &Harness, keys: &[char]) {
    let mut actions = KeyActions::new("keyboard".into());
    for key in keys {
        actions = actions.then(KeyAction::Down { value: *key });
    }
    for key in keys.iter().rev() {
        actions = actions.then(KeyAction::Up { value: *key });
    }
    harness
        .client()
        .perform_actions(actions)
        .await
        .expect("keys");
}

async fn focus(harness: &Harness, css: &str) {
    let script = format!(
        "document.querySelector('{css}').focus(); return document.activeElement !== document.body;"
    );
    harness.wait_for(&format!("focus on {css}"), &script).await;
}

async fn entry_count_is(harness: &Harness, count: usize) {
    let script = format!("return document.querySelectorAll('{ENTRY_ROWS}').length === {count};");
    harness.wait_for(&format!("{count} entries"), &script).await;
}

async fn entries_are(harness: &Harness, expected: &[String]) {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let shown = harness.item_ids(ENTRY_ROWS).await;
        if shown == expected {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "entries are {shown:?}, expected {expected:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn text_of(harness: &Harness, css: &str) -> String {
    harness.find(css).await.text().await.expect("text")
}

async fn library_is_shown(harness: &Harness) {
    let script = format!("return document.querySelectorAll('{LIBRARY_ROWS}').length >= 200;");
    harness
        .wait_for("the demo catalogue of at least 200 items", &script)
        .await;
}

async fn create_bundle(harness: &Harness, name: &str) {
    harness
        .find("[data-testid=new-bundle-name]")
        .await
        .send_keys(name)
        .await
        .expect("type name");
    harness
        .find("[data-testid=create-bundle]")
        .await
        .click()
        .await
        .expect("create");
    let script =
        format!("return document.querySelector('[data-testid=bundle-name]')?.value === '{name}';");
    harness
        .wait_for(&format!("the open bundle {name}"), &script)
        .await;
}

fn kept_bundle_names(harness: &Harness) -> Vec<String> {
    let library = Strand::open(
        &harness.data_dir.path().join("strand.sqlite"),
        StrandOptions::default(),
    )
    .expect("open the library file beside the running app");
    library
        .bundles()
        .expect("bundles")
        .into_iter()
        .map(|bundle| bundle.name)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_person_threads_a_strand_meets_the_paywall_keeps_it_in_demo_premium_and_finds_it_after_a_restart()
 {
    let mut harness = Harness::new();
    harness.launch().await;
    library_is_shown(&harness).await;
    assert_eq!(text_of(&harness, "[data-testid=demo-badge]").await, "DEMO");

    // Build: name a bundle and thread five items, four by mouse and one by keyboard.
    create_bundle(&harness, "Road trip").await;
    let library = harness.item_ids(LIBRARY_ROWS).await;
    for (index, _) in library.iter().take(4).enumerate() {
        let add = format!("{LIBRARY_ROWS}:nth-child({}) button.add", index + 1);
        harness.find(&add).await.click().await.expect("add");
        entry_count_is(&harness, index + 1).await;
    }
    focus(&harness, &format!("{LIBRARY_ROWS}:nth-child(5)")).await;
    press(&harness, &[ENTER]).await;
    entry_count_is(&harness, 5).await;
    let mut expected: Vec<String> = library[..5].to_vec();
    entries_are(&harness, &expected).await;

    // Remove the second entry.
    harness
        .find(&format!(
            "{ENTRY_ROWS}:nth-child(2) [data-testid=remove-entry]"
        ))
        .await
        .click()
        .await
        .expect("remove");
    expected.remove(1);
    entries_are(&harness, &expected).await;

    // Drag the last entry above the first with the mouse.
    let handle = harness
        .find(&format!(
            "{ENTRY_ROWS}:nth-child(4) [data-testid=drag-handle]"
        ))
        .await;
    let first_row = harness.find(&format!("{ENTRY_ROWS}:nth-child(1)")).await;
    let drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: handle,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveToElement {
            element: first_row.clone(),
            duration: Some(Duration::from_millis(150)),
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::MoveToElement {
            element: first_row,
            duration: Some(Duration::from_millis(150)),
            x: 0.0,
            y: -12.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    harness.client().perform_actions(drag).await.expect("drag");
    let dragged = expected.remove(3);
    expected.insert(0, dragged);
    entries_are(&harness, &expected).await;

    // Move the first entry one down with the keyboard.
    focus(&harness, &format!("{ENTRY_ROWS}:nth-child(1)")).await;
    press(&harness, &[ALT, ARROW_DOWN]).await;
    expected.swap(0, 1);
    entries_are(&harness, &expected).await;

    // The bead string shows one bead per entry, in order.
    assert_eq!(
        harness.item_ids("[data-testid=bead-string] li").await,
        expected
    );

    // Free: Keep is refused by the core, the paywall explains, nothing is written.
    harness
        .find("[data-testid=keep]")
        .await
        .click()
        .await
        .expect("keep");
    let paywall = text_of(&harness, "[data-testid=paywall]").await;
    assert!(
        paywall.contains("Keep your strand with Premium"),
        "{paywall}"
    );
    assert!(kept_bundle_names(&harness).is_empty());
    harness
        .find("[data-testid=paywall-close]")
        .await
        .click()
        .await
        .expect("not now");
    harness
        .wait_for(
            "the paywall to close",
            "return !document.querySelector('[data-testid=paywall]');",
        )
        .await;
    entries_are(&harness, &expected).await;
    assert_eq!(
        text_of(&harness, "[data-testid=bundle-state]").await,
        "Draft"
    );

    // Demo: switch to Premium, and Keep succeeds.
    harness
        .find("[data-testid=tier-select] option[value=premium]")
        .await
        .click()
        .await
        .expect("premium");
    harness
        .wait_for(
            "the premium tier",
            "return document.querySelector('[data-testid=tier-select]').value === 'premium';",
        )
        .await;
    harness
        .find("[data-testid=keep]")
        .await
        .click()
        .await
        .expect("keep");
    harness
        .wait_for("the bundle to be kept", "return document.querySelector('[data-testid=bundle-state]')?.textContent.trim() === 'Kept';")
        .await;
    assert!(
        text_of(&harness, "[data-testid=kept-notice]")
            .await
            .contains("Road trip")
    );
    assert_eq!(kept_bundle_names(&harness), vec!["Road trip".to_owned()]);

    // A second draft that is never kept.
    create_bundle(&harness, "Scratch").await;
    harness
        .find(&format!("{LIBRARY_ROWS}:nth-child(7) button.add"))
        .await
        .click()
        .await
        .expect("add");
    entry_count_is(&harness, 1).await;

    // Restart: the kept bundle is back in the same order; the draft is gone.
    harness.stop().await;
    harness.launch().await;
    library_is_shown(&harness).await;
    let names = harness
        .wait_for(
            "the bundle list",
            "const names = [...document.querySelectorAll('[data-testid=bundle-list] .name')].map((n) => n.textContent.trim());
             return names.length > 0 && names;",
        )
        .await;
    assert_eq!(names, serde_json::json!(["Road trip"]));
    harness
        .find("[data-testid=bundle-list] button")
        .await
        .click()
        .await
        .expect("open");
    entries_are(&harness, &expected).await;
    assert_eq!(
        text_of(&harness, "[data-testid=bundle-state]").await,
        "Kept"
    );
    harness.stop().await;
}
