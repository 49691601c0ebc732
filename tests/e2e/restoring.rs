//! Restore points in the real window: a kept bundle emptied from the trash comes back from
//! Settings → Restore points, after a question that names what happens; and a library damaged
//! between two starts is found damaged at the next, which offers the restore point that brings
//! it back.

use crate::steps::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_bundle_emptied_from_the_trash_comes_back_from_a_restore_point_in_settings() {
    let mut harness = launched_showing_the_library().await;
    create_bundle(&harness, "Months of work").await;
    add_library_rows_by_keyboard(&harness, 2).await;
    keep_in_demo_premium(&harness).await;
    click(&harness, "[data-testid=delete-bundle]").await;
    click(&harness, "[data-testid=trash] summary").await;
    empty_the_trash(&harness).await;

    click(&harness, "[data-testid=open-settings]").await;
    // Newest first: the one made before the trash was emptied.
    let newest = "[data-testid=restore-points] li:first-child";
    assert!(
        text_of(&harness, newest)
            .await
            .contains("before emptying the trash")
    );
    click(&harness, &format!("{newest} [data-testid=restore-point]")).await;
    assert!(
        text_of(&harness, "[data-testid=restore-confirm]")
            .await
            .contains("becomes a restore point first")
    );
    click(&harness, "[data-testid=restore-confirm-button]").await;

    // The window reads the restored library again: the bundle is back in the trash, as it was.
    library_is_shown(&harness).await;
    click(&harness, "[data-testid=trash] summary").await;
    click(&harness, "[data-testid=trash] [data-testid=restore]").await;
    assert_eq!(
        bundle_names(&harness, 1).await,
        serde_json::json!(["Months of work"])
    );
    entry_count_is(&harness, 2).await;
    assert_eq!(kept_bundle_names(&harness), ["Months of work"]);
    harness.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_library_damaged_between_two_starts_offers_a_restore_point_that_brings_the_bundle_back() {
    // The page that orders every bundle's entries.
    let mut harness = damaged_after_a_restore_point("entries_in_order").await;
    harness.launch().await;
    let found = harness.find("[data-testid=library-health]").await;
    let said = found.text().await.expect("text");
    assert!(said.contains("read-only"), "{said}");
    assert!(said.contains("the library file is damaged"), "{said}");
    assert!(said.contains("Kept bundles: 1"), "{said}");
    click(&harness, "[data-testid=restore-offered]").await;

    // The window reads the restored library again, writable and sound.
    library_is_shown(&harness).await;
    assert_eq!(
        bundle_names(&harness, 1).await,
        serde_json::json!(["Months of work"])
    );
    click(&harness, "[data-testid=bundle-list] button").await;
    entry_count_is(&harness, 2).await;
    assert!(
        harness
            .find_all("[data-testid=read-only], [data-testid=library-health]")
            .await
            .is_empty()
    );
    assert!(files_set_aside(&harness) >= 1);
    harness.stop().await;
}
