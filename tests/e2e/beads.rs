//! The bead string and the library by keyboard, in the real window: the string adds up the
//! bundle's running time beside its beads, a bead (clicked, or reached with the arrow keys and
//! pressed) shows its entry with the focus on it, and the library's rows are walked with
//! ↓, ↑, Home and End (End goes to the last row loaded; more load as it comes into view).

use crate::steps::*;

/// The `data-entry-id` of the focused element, if it is an entry row.
async fn focused_entry(harness: &crate::harness::Harness) -> Option<String> {
    harness
        .client()
        .execute(
            "return document.activeElement?.dataset?.entryId ?? null;",
            vec![],
        )
        .await
        .expect("focus")
        .as_str()
        .map(str::to_owned)
}

async fn focused_item(harness: &crate::harness::Harness) -> serde_json::Value {
    harness
        .client()
        .execute(
            "return document.activeElement?.dataset?.itemId ?? null;",
            vec![],
        )
        .await
        .expect("focus")
}

#[tokio::test(flavor = "multi_thread")]
async fn beads_show_their_entries_and_the_totals_and_the_library_walks_by_keyboard() {
    let mut harness = launched_showing_the_library().await;
    let items = harness.item_ids(LIBRARY_ROWS).await;

    // The library by keyboard: ↓ ↓ ↑ from the first row lands on the second; End on the last.
    focus(&harness, &format!("{LIBRARY_ROWS}:nth-child(1)")).await;
    press(&harness, &[ARROW_DOWN]).await;
    press(&harness, &[ARROW_DOWN]).await;
    press(&harness, &[ARROW_UP]).await;
    assert_eq!(focused_item(&harness).await, serde_json::json!(items[1]));
    press(&harness, &[END]).await;
    harness
        .wait_for(
            "the last loaded row focused (the first page is 100 rows)",
            "const focused = document.activeElement;
             return focused?.matches('[data-testid=library] li') && parseInt(focused.style.top) >= 99 * 44;",
        )
        .await;
    press(&harness, &[HOME]).await;
    assert_eq!(focused_item(&harness).await, serde_json::json!(items[0]));

    create_bundle(&harness, "Beads").await;
    add_library_rows_by_keyboard(&harness, 5).await;
    let totals = text_of(&harness, "[data-testid=bundle-totals]").await;
    assert!(totals.contains(':'), "a running time: {totals}");

    let entries: Vec<String> = {
        let script = format!(
            "return [...document.querySelectorAll('{ENTRY_ROWS}')].map((row) => row.dataset.entryId);"
        );
        serde_json::from_value(
            harness
                .client()
                .execute(&script, vec![])
                .await
                .expect("ids"),
        )
        .expect("entry ids")
    };
    click(&harness, "[data-testid=bead-string] button:nth-child(4)").await;
    harness
        .wait_for(
            "the fourth entry focused",
            &format!(
                "return document.activeElement?.dataset?.entryId === '{}';",
                entries[3]
            ),
        )
        .await;

    focus(&harness, "[data-testid=bead-string] button:nth-child(1)").await;
    press(&harness, &[ARROW_RIGHT]).await;
    press(&harness, &[END]).await;
    press(&harness, &[ENTER]).await;
    harness
        .wait_for(
            "the last entry focused",
            &format!(
                "return document.activeElement?.dataset?.entryId === '{}';",
                entries[4]
            ),
        )
        .await;
    assert_eq!(
        focused_entry(&harness).await.as_deref(),
        Some(entries[4].as_str())
    );
    harness.stop().await;
}
