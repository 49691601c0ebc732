//! Undo and redo end to end: search → add by keyboard → drag to reorder → undo (button) → redo
//! (Ctrl+Shift+Z) → keep → restart → Ctrl+Z still undoes the drag, from the stored history.

use crate::steps::*;

#[tokio::test(flavor = "multi_thread")]
async fn an_edit_undone_and_redone_can_still_be_undone_after_keeping_and_a_restart() {
    let mut harness = launched_showing_the_library().await;
    create_bundle(&harness, "Undo me").await;

    // Search, then add the first three results with the keyboard.
    let search = harness.find("[data-testid=library-search]").await;
    search.send_keys("amber").await.expect("type");
    harness
        .wait_for(
            "only amber results",
            "const rows = [...document.querySelectorAll('[data-testid=library] li')];
             return rows.length > 3 && rows.every((row) => row.textContent.toLowerCase().includes('amber'));",
        )
        .await;
    let found = harness.item_ids(LIBRARY_ROWS).await;
    add_library_rows_by_keyboard(&harness, 3).await;
    let added: Vec<String> = found[..3].to_vec();
    entries_are(&harness, &added).await;

    // Drag the third above the first.
    drag_entry_above(&harness, 3, 1).await;
    let dragged = vec![added[2].clone(), added[0].clone(), added[1].clone()];
    entries_are(&harness, &dragged).await;

    // Undo with the button, redo with the keyboard.
    click(&harness, "[data-testid=undo]").await;
    entries_are(&harness, &added).await;
    focus(&harness, "[data-testid=redo]").await;
    press(&harness, &[CONTROL, SHIFT, 'z']).await;
    entries_are(&harness, &dragged).await;

    // Keep it (demo premium), restart, and undo the drag from the stored history.
    click(&harness, "[data-testid=tier-select] option[value=premium]").await;
    click(&harness, "[data-testid=keep]").await;
    harness
        .wait_for(
            "the bundle to be kept",
            "return document.querySelector('[data-testid=bundle-state]')?.textContent.trim() === 'Kept';",
        )
        .await;
    harness.stop().await;
    harness.launch().await;
    library_is_shown(&harness).await;
    click(&harness, "[data-testid=tier-select] option[value=premium]").await;
    click(&harness, "[data-testid=bundle-list] button").await;
    entries_are(&harness, &dragged).await;
    focus(&harness, "[data-testid=bundle-list] button").await;
    press(&harness, &[CONTROL, 'z']).await;
    entries_are(&harness, &added).await;
    harness.stop().await;
}
