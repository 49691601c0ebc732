//! Forgiving curation: a deleted bundle waits in the trash and comes back exactly; adding a
//! duplicate and emptying the trash ask first; an item dragged in from the library lands where
//! it was dropped, or, dropped on a bundle in the list, on that bundle's end.

use crate::steps::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_deleted_bundle_is_restored_from_the_trash_and_emptying_the_trash_asks_first() {
    let mut harness = launched_showing_the_library().await;
    create_bundle(&harness, "Old mix").await;
    for row in [2, 3] {
        click(
            &harness,
            &format!("{LIBRARY_ROWS}:nth-child({row}) button.add"),
        )
        .await;
    }
    entry_count_is(&harness, 2).await;
    let order = harness.item_ids(ENTRY_ROWS).await;
    keep_in_demo_premium(&harness).await;

    click(&harness, "[data-testid=delete-bundle]").await;
    assert!(
        text_of(&harness, "[data-testid=deleted-notice]")
            .await
            .contains("Old mix")
    );
    assert_eq!(bundle_names(&harness, 0).await, serde_json::json!([]));
    assert!(
        kept_bundle_names(&harness).is_empty(),
        "a bundle in the trash is not listed as kept"
    );

    click(&harness, "[data-testid=trash] summary").await;
    click(&harness, "[data-testid=trash] [data-testid=restore]").await;
    assert_eq!(
        bundle_names(&harness, 1).await,
        serde_json::json!(["Old mix"])
    );
    entry_count_is(&harness, 2).await;
    assert_eq!(harness.item_ids(ENTRY_ROWS).await, order);
    assert_eq!(
        text_of(&harness, "[data-testid=bundle-state]").await,
        "Kept"
    );

    // Adding an item the bundle already threads asks first; cancelling adds nothing.
    click(&harness, &format!("{LIBRARY_ROWS}:nth-child(2) button.add")).await;
    click(&harness, "[data-testid=confirm-duplicate-cancel]").await;
    entry_count_is(&harness, 2).await;

    click(&harness, "[data-testid=delete-bundle]").await;
    click(&harness, "[data-testid=trash] summary").await;
    click(&harness, "[data-testid=empty-trash]").await;
    click(&harness, "[data-testid=confirm-empty-trash-cancel]").await;
    assert!(
        !harness.find_all("[data-testid=trash]").await.is_empty(),
        "cancel kept the trash"
    );
    empty_the_trash(&harness).await;
    assert!(kept_bundle_names(&harness).is_empty());
    harness.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_item_dragged_from_the_library_lands_between_the_entries_it_was_dropped_between() {
    let mut harness = launched_showing_the_library().await;
    create_bundle(&harness, "Dropped in").await;
    add_library_rows_by_keyboard(&harness, 2).await;
    let library = harness.item_ids(LIBRARY_ROWS).await;

    let second_entry = harness.find(&format!("{ENTRY_ROWS}:nth-child(2)")).await;
    drag_handle(
        &harness,
        &format!("{LIBRARY_ROWS}:nth-child(3)"),
        second_entry,
        -12.0,
        None,
    )
    .await;
    entry_count_is(&harness, 3).await;
    assert_eq!(
        harness.item_ids(ENTRY_ROWS).await,
        [library[0].as_str(), &library[2], &library[1]]
    );

    // One step to undo, like any add.
    click(&harness, "[data-testid=undo]").await;
    entry_count_is(&harness, 2).await;
    assert_eq!(
        harness.item_ids(ENTRY_ROWS).await,
        [library[0].as_str(), &library[1]]
    );
    harness.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_item_dropped_on_a_bundle_in_the_list_goes_onto_its_end_once() {
    let mut harness = launched_showing_the_library().await;
    create_bundle(&harness, "Later").await;
    create_bundle(&harness, "Now").await;
    let later = bundle_in_list(&harness, "Later").await;

    for notice in ["Added to “Later”.", "“Later” already has it."] {
        let bundle = harness.find(&later).await;
        drag_handle(
            &harness,
            &format!("{LIBRARY_ROWS}:nth-child(2)"),
            bundle,
            0.0,
            None,
        )
        .await;
        harness
            .wait_for(
                &format!("the notice {notice}"),
                &format!(
                    "return document.querySelector('[data-testid=transferred-notice]')?.textContent.trim() === '{notice}';"
                ),
            )
            .await;
        assert_eq!(
            text_of(&harness, &format!("{later} .count")).await,
            "1 item"
        );
    }
    // The open bundle is as it was.
    assert!(harness.find_all(ENTRY_ROWS).await.is_empty());
    harness.stop().await;
}
