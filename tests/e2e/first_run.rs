//! A person's first start: their own library is empty, and the welcome says what a bundle, a
//! draft and keeping are and offers their playlists, a music folder, a catalogue file or the
//! sample; the sample comes out again in one action, but for what a bundle threads.

use crate::harness::Harness;
use crate::steps::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_first_start_welcomes_the_person_and_the_sample_goes_in_and_out_again() {
    let mut harness = Harness::for_a_person();
    harness.launch().await;
    let welcome = text_of(&harness, "[data-testid=welcome]").await;
    assert!(
        welcome.contains("draft") && welcome.contains("Keeping a bundle"),
        "{welcome}"
    );
    for offer in [
        "welcome-import-playlist",
        "welcome-import-folder",
        "welcome-import-catalogue",
    ] {
        harness.find(&format!("[data-testid={offer}]")).await;
    }

    click(&harness, "[data-testid=try-sample]").await;
    library_is_shown(&harness).await;
    assert!(harness.find_all("[data-testid=welcome]").await.is_empty());
    // A bundle threads one sample item, so that one stays.
    create_bundle(&harness, "Mine").await;
    add_library_rows_by_keyboard(&harness, 1).await;
    click(&harness, "[data-testid=remove-sample]").await;
    click(&harness, "[data-testid=confirm-remove-sample-confirm]").await;
    let said = text_of(&harness, "[data-testid=sample-removed]").await;
    assert!(
        said.contains("Removed 239 sample items") && said.contains("1 stays"),
        "{said}"
    );
    harness
        .wait_for(
            "the library to hold the one threaded item",
            "return document.querySelector('#library-heading .count')?.textContent === '1 item';",
        )
        .await;
    harness.stop().await;
}
