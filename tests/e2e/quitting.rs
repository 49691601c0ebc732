//! Step 6 of the foundation: closing Strand with unkept drafts asks first, in a native dialog,
//! and offers to keep them all where the tier may; a kill loses no draft.

use std::time::{Duration, Instant};

use crate::desktop::Desktop;
use crate::steps::*;

const QUIT_DIALOG: &str = "Quit Strand?";

#[tokio::test(flavor = "multi_thread")]
async fn closing_with_an_unkept_draft_asks_first_and_dismissing_the_question_keeps_the_draft() {
    let mut harness = launched_showing_the_library().await;
    create_bundle(&harness, "Gifts for Ada").await;
    let desktop = Desktop::connect(&harness.display_name());

    let main_window = desktop.main_window().await;
    desktop.request_close(main_window);
    let dialog = desktop.wait_for_window(QUIT_DIALOG).await;
    assert!(harness.is_running().await, "Strand quit without asking");

    // Closing the question is "keep editing": Strand stays, and so does the draft.
    desktop.request_close(dialog);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !desktop.windows_titled(QUIT_DIALOG).is_empty() {
        assert!(Instant::now() < deadline, "the question did not go away");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(harness.is_running().await);
    assert_eq!(
        bundle_names(&harness, 1).await,
        serde_json::json!(["Gifts for Ada"])
    );
    harness.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn closing_with_nothing_unkept_quits_without_asking_and_leaves_no_log_to_replay() {
    let mut harness = launched_showing_the_library().await;
    create_bundle(&harness, "Kept before quitting").await;
    add_library_rows_by_keyboard(&harness, 2).await;
    keep_in_demo_premium(&harness).await;
    let wal = harness.library_dir().join("strand.sqlite-wal");
    let logged = || std::fs::metadata(&wal).map_or(0, |wal| wal.len());
    assert!(logged() > 0, "keeping wrote nothing to the library's log");
    let desktop = Desktop::connect(&harness.display_name());

    desktop.request_close(desktop.main_window().await);
    let deadline = Instant::now() + Duration::from_secs(10);
    while harness.is_running().await {
        assert!(
            desktop.windows_titled(QUIT_DIALOG).is_empty(),
            "asked although nothing was unkept"
        );
        assert!(Instant::now() < deadline, "Strand did not quit");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Quitting writes the log back into the library file. Waited for here, before the harness
    // stops what is left of the app.
    while logged() > 0 {
        assert!(
            Instant::now() < deadline,
            "Strand quit leaving {} bytes of log",
            logged()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    harness.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_draft_built_before_strand_was_killed_is_offered_back_and_comes_back_whole() {
    let mut harness = launched_showing_the_library().await;
    create_bundle(&harness, "Before the kill").await;
    add_library_rows_by_keyboard(&harness, 3).await;
    let threaded = harness.item_ids(ENTRY_ROWS).await;
    assert_eq!(threaded.len(), 3);

    // Killed, not quit: nothing asked, nothing kept.
    harness.stop().await;
    harness.launch().await;
    library_is_shown(&harness).await;
    answer_drafts_offer(&harness, "Before the kill", "drafts-bring-back").await;
    harness
        .wait_for(
            "the draft brought back to open",
            "return document.querySelector('[data-testid=bundle-name]')?.value === 'Before the kill';",
        )
        .await;
    entries_are(&harness, &threaded).await;
    assert_eq!(
        text_of(&harness, "[data-testid=bundle-state]").await,
        "Draft",
        "it came back a draft"
    );
    harness.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn keep_all_and_quit_keeps_every_draft_when_the_tier_may_keep_them() {
    let mut harness = launched_showing_the_library().await;
    create_bundle(&harness, "Kept on the way out").await;
    add_library_rows_by_keyboard(&harness, 2).await;
    click(&harness, "[data-testid=tier-select] option[value=premium]").await;
    let desktop = Desktop::connect(&harness.display_name());

    desktop.request_close(desktop.main_window().await);
    let dialog = desktop.wait_for_window(QUIT_DIALOG).await;
    // The first button, where the dialog's focus starts: Keep all and quit.
    desktop.press_in(dialog, "Return");
    let deadline = Instant::now() + Duration::from_secs(20);
    while harness.is_running().await {
        assert!(Instant::now() < deadline, "Strand did not quit");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    harness.stop().await;
    assert_eq!(kept_bundle_names(&harness), ["Kept on the way out"]);
    assert!(
        harness.open_library().drafts_left_behind().is_empty(),
        "a normal quit leaves nothing to bring back"
    );
}
