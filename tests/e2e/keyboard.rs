//! The keyboard alone: the import menu takes the focus on its first item, moves with ↓ and gives
//! the focus back to its button on Escape; a dialog keeps Tab inside itself; keeping leaves the
//! focus on Keep (now dimmed), never on the page; and a whole journey — create, add, reorder,
//! keep through the paywall, settings, the shortcut sheet — runs without a pointer.

use crate::harness::Harness;
use crate::steps::*;

async fn focused_testid(harness: &Harness) -> String {
    harness
        .client()
        .execute(
            "return document.activeElement?.dataset?.testid ?? document.activeElement?.tagName;",
            vec![],
        )
        .await
        .expect("focus")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn menus_dialogs_and_keeping_never_drop_the_focus_to_the_page() {
    let mut harness = launched_showing_the_library().await;

    focus(&harness, "[data-testid=open-transfer]").await;
    press(&harness, &[ENTER]).await;
    harness
        .wait_for(
            "the first item focused",
            "return document.activeElement?.dataset?.testid === 'import-playlist';",
        )
        .await;
    press(&harness, &[ARROW_DOWN]).await;
    assert_eq!(focused_testid(&harness).await, "import-catalogue");
    press(&harness, &[ESCAPE]).await;
    harness
        .wait_for(
            "the menu closed, its button focused",
            "return !document.querySelector('[role=menu]')
                 && document.activeElement?.dataset?.testid === 'open-transfer';",
        )
        .await;

    click(&harness, "[data-testid=open-settings]").await;
    harness.find("[data-testid=settings-close]").await;
    for _ in 0..40 {
        press(&harness, &[TAB]).await;
    }
    let inside = harness
        .client()
        .execute(
            "return !!document.activeElement?.closest('[role=dialog]');",
            vec![],
        )
        .await
        .expect("focus");
    assert_eq!(inside, serde_json::json!(true), "Tab left the dialog");
    press(&harness, &[ESCAPE]).await;

    create_bundle(&harness, "Kept by keyboard").await;
    add_library_rows_by_keyboard(&harness, 2).await;
    click(&harness, "[data-testid=tier-select] option[value=premium]").await;
    focus(&harness, "[data-testid=keep]").await;
    press(&harness, &[ENTER]).await;
    harness.find("[data-testid=kept-notice]").await;
    assert_eq!(focused_testid(&harness).await, "keep");
    harness.stop().await;
}

/// Types `text` into whatever has the focus, as the keyboard would.
async fn type_text(harness: &Harness, text: &str) {
    harness
        .client()
        .active_element()
        .await
        .expect("a focused element")
        .send_keys(text)
        .await
        .expect("type");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bundle_is_made_threaded_reordered_and_kept_with_the_keyboard_alone() {
    let mut harness = launched_showing_the_library().await;
    let items = harness.item_ids(LIBRARY_ROWS).await;

    press(&harness, &[CONTROL, 'n']).await;
    assert_eq!(focused_testid(&harness).await, "new-bundle-name");
    type_text(&harness, "By keyboard").await;
    press(&harness, &[ENTER]).await;
    harness
        .wait_for(
            "the new bundle open",
            "return document.querySelector('[data-testid=bundle-name]')?.value === 'By keyboard';",
        )
        .await;

    press(&harness, &[ALT, '2']).await;
    press(&harness, &[ENTER]).await;
    entry_count_is(&harness, 1).await;
    press(&harness, &[ARROW_DOWN]).await;
    press(&harness, &[ENTER]).await;
    entry_count_is(&harness, 2).await;
    entries_are(&harness, &[items[0].clone(), items[1].clone()]).await;

    press(&harness, &[ALT, '3']).await;
    press(&harness, &[ALT, ARROW_DOWN]).await;
    entries_are(&harness, &[items[1].clone(), items[0].clone()]).await;

    // Keep: refused on the free tier, the paywall's first offer is the trial, and Enter takes it.
    press(&harness, &[CONTROL, 's']).await;
    harness.find("[data-testid=paywall]").await;
    assert_eq!(focused_testid(&harness).await, "paywall-trial");
    press(&harness, &[ENTER]).await;
    harness.find("[data-testid=kept-notice]").await;

    press(&harness, &[CONTROL, ',']).await;
    harness.find("[data-testid=settings-close]").await;
    press(&harness, &[ESCAPE]).await;
    harness
        .wait_for(
            "settings closed",
            "return !document.querySelector('[data-testid=settings-close]');",
        )
        .await;

    press(&harness, &['?']).await;
    let sheet = text_of(&harness, "[data-testid=shortcut-sheet]").await;
    assert!(
        sheet.contains("Ctrl+S") && sheet.contains("Keep the open bundle"),
        "{sheet}"
    );
    press(&harness, &[ESCAPE]).await;
    harness
        .wait_for(
            "the sheet closed",
            "return !document.querySelector('[data-testid=shortcut-sheet]');",
        )
        .await;
    harness.stop().await;
}
