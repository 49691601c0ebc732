//! Folders in the real window: make one, file the open bundle in it from the editor, see the
//! bundle listed under it, then delete the folder and find the bundle back in the plain list.

use crate::steps::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_bundle_filed_in_a_folder_is_listed_under_it_and_stays_when_the_folder_goes() {
    let mut harness = launched_showing_the_library().await;
    create_bundle(&harness, "Summer").await;
    harness
        .find("[data-testid=new-folder-name]")
        .await
        .send_keys("Trips")
        .await
        .expect("type the folder name");
    click(&harness, "[data-testid=create-folder]").await;
    harness
        .wait_for(
            "the folder to show",
            "return document.querySelector('[data-testid=folder] .folder-name')?.value === 'Trips';",
        )
        .await;

    click(&harness, "[data-testid=bundle-folder] option:nth-child(2)").await;
    harness
        .wait_for(
            "the bundle to be listed in the folder",
            "return document.querySelector('[data-testid=folder-bundles] .name')?.textContent.trim() === 'Summer'
                && document.querySelectorAll('[data-testid=bundle-list] li').length === 0;",
        )
        .await;

    click(&harness, "[data-testid=delete-folder]").await;
    harness
        .wait_for(
            "the bundle back in the plain list",
            "return document.querySelector('[data-testid=folder]') === null
                && document.querySelector('[data-testid=bundle-list] .name')?.textContent.trim() === 'Summer';",
        )
        .await;
    harness.stop().await;
}
