//! Several entries at once: picked with the keyboard (Space), moved together with Alt+↑, that
//! move undone in one step, then the picked entries moved to another bundle with "Move to…".

use crate::steps::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_selection_moves_together_undoes_in_one_step_and_moves_to_another_bundle() {
    let mut harness = launched_showing_the_library().await;
    create_bundle(&harness, "Elsewhere").await;
    create_bundle(&harness, "Picked").await;
    let items = harness.item_ids(LIBRARY_ROWS).await;
    add_library_rows_by_keyboard(&harness, 5).await;
    let added: Vec<String> = items[..5].to_vec();

    // Pick the second and the fourth with Space; Alt+↑ takes both above the first.
    for row in [2, 4] {
        focus(&harness, &format!("{ENTRY_ROWS}:nth-child({row})")).await;
        press(&harness, &[' ']).await;
    }
    harness
        .wait_for(
            "two entries picked",
            "return document.querySelector('[data-testid=selection-bar]')?.textContent.includes('2 selected');",
        )
        .await;
    press(&harness, &[ALT, ARROW_UP]).await;
    let together = [&added[1], &added[3], &added[0], &added[2], &added[4]].map(String::clone);
    entries_are(&harness, &together).await;

    // One undo puts both back.
    click(&harness, "[data-testid=undo]").await;
    entries_are(&harness, &added).await;

    // Still picked: move them to the other bundle.
    click(&harness, "[data-testid=move-selected] option:nth-child(2)").await;
    let left = [&added[0], &added[2], &added[4]].map(String::clone);
    entries_are(&harness, &left).await;
    harness
        .wait_for(
            "the notice of the move",
            "return document.querySelector('[data-testid=transferred-notice]')?.textContent.includes('Moved 2 to “Elsewhere”');",
        )
        .await;
    click(&harness, "[data-testid=bundle-list] button").await;
    entries_are(&harness, &[added[1].clone(), added[3].clone()]).await;
    harness.stop().await;
}
