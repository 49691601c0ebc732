//! Folders in the real window: make one, file the open bundle in it from the editor, see the
//! bundle listed under it, then delete the folder and find the bundle back in the plain list;
//! and file a bundle by dragging it onto a folder, and out again.

use crate::harness::Harness;
use crate::steps::*;

/// Makes a folder under the bundle list and waits for it to show.
async fn create_folder(harness: &Harness, name: &str) {
    harness
        .find("[data-testid=new-folder-name]")
        .await
        .send_keys(name)
        .await
        .expect("type the folder name");
    click(harness, "[data-testid=create-folder]").await;
    harness
        .wait_for(
            "the folder to show",
            &format!(
                "return document.querySelector('[data-testid=folder] .folder-name')?.value === '{name}';"
            ),
        )
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bundle_filed_in_a_folder_is_listed_under_it_and_stays_when_the_folder_goes() {
    let mut harness = launched_showing_the_library().await;
    create_bundle(&harness, "Summer").await;
    create_folder(&harness, "Trips").await;

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

#[tokio::test(flavor = "multi_thread")]
async fn a_bundle_dragged_onto_a_folder_is_filed_there_and_dragged_back_out_of_it() {
    let mut harness = launched_showing_the_library().await;
    create_bundle(&harness, "Winter").await;
    create_bundle(&harness, "Summer").await;
    create_folder(&harness, "Trips").await;
    // Listed under `list` and nowhere else.
    let only_in = |list: &str, name: &str| {
        format!(
            "const lists = [...document.querySelectorAll('[data-testid=folder-bundles], [data-testid=bundle-list]')];
             return lists.filter((shown) => [...shown.querySelectorAll('.name')]
                 .some((bundle) => bundle.textContent.trim() === '{name}'))
                 .map((shown) => shown.dataset.testid).join() === '{list}';"
        )
    };
    let winter = bundle_in_list(&harness, "Winter").await;

    let folder = harness.find("[data-testid=folder]").await;
    drag(&harness, harness.find(&winter).await, folder, 0.0, None).await;
    harness
        .wait_for(
            "Winter listed in the folder",
            &only_in("folder-bundles", "Winter"),
        )
        .await;
    harness
        .wait_for(
            "Summer still open",
            "return document.querySelector('[data-testid=bundle-name]').value === 'Summer';",
        )
        .await;

    let unfiled = harness.find("[data-testid=bundle-list]").await;
    drag(&harness, harness.find(&winter).await, unfiled, 0.0, None).await;
    harness
        .wait_for(
            "Winter back among the bundles in no folder",
            &only_in("bundle-list", "Winter"),
        )
        .await;
    harness.stop().await;
}
