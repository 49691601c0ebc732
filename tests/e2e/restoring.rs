//! Restore points in the real window: a kept bundle emptied from the trash comes back from
//! Settings → Restore points, after a question that names what happens.

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
