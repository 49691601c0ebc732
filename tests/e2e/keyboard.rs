//! The keyboard alone keeps its place: the import menu takes the focus on its first item, moves
//! with ↓ and gives the focus back to its button on Escape; a dialog keeps Tab inside itself;
//! and keeping a bundle leaves the focus on Keep (now dimmed), never on the page.

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
