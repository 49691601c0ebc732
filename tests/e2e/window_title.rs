//! The window names the open bundle in its title, and the bundle open when Strand closed opens
//! again at the next start.

use crate::desktop::Desktop;
use crate::steps::*;

#[tokio::test(flavor = "multi_thread")]
async fn the_title_names_the_open_bundle_which_opens_again_after_a_restart() {
    let mut harness = launched_showing_the_library().await;
    let desktop = Desktop::connect(&harness.display_name());
    desktop.wait_for_window("Strand").await;
    create_bundle(&harness, "Titled").await;
    add_library_rows_by_keyboard(&harness, 1).await;
    desktop.wait_for_window("Titled — Strand").await;
    keep_in_demo_premium(&harness).await;

    harness.stop().await;
    harness.launch().await;
    harness
        .wait_for(
            "the kept bundle open again",
            "return document.querySelector('[data-testid=bundle-name]')?.value === 'Titled';",
        )
        .await;
    desktop.wait_for_window("Titled — Strand").await;
    harness.stop().await;
}
