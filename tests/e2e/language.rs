//! One language for the window, its native dialogs and the core's own words: on a German desktop
//! whose German C locale is not compiled (so WebKitGTK would guess English), the shell decides
//! German once and the window speaks it, as the import dialog's title and the reason a playlist
//! line was skipped do.

use crate::desktop::Desktop;
use crate::harness::Harness;
use crate::steps::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_german_desktop_gets_a_german_window_and_german_dialogs() {
    let mut harness = Harness::new().with_env("LC_ALL", "de_DE.UTF-8");
    harness.launch().await;
    harness
        .wait_for(
            "the library heading in German",
            "return document.querySelector('#library-heading')?.textContent.startsWith('Bibliothek');",
        )
        .await;
    let desktop = Desktop::connect(&harness.display_name());
    click(&harness, "[data-testid=open-transfer]").await;
    click(&harness, "[data-testid=import-playlist]").await;
    let dialog = desktop.wait_for_window("Wiedergabeliste importieren").await;
    desktop.press_in(dialog, "Escape");
    harness
        .wait_for(
            "the dialog answered as cancelled",
            "return !document.querySelector('[data-testid=import-progress]');",
        )
        .await;

    // A PLS whose second entry has a title but no file: the reason it was skipped is German.
    let documents = tempfile::tempdir().expect("documents");
    let playlist = documents.path().join("halb.pls");
    std::fs::write(
        &playlist,
        "[playlist]\nFile1=/musik/a.mp3\nTitle1=A\nTitle2=B\nNumberOfEntries=2\n",
    )
    .expect("write the playlist");
    click(&harness, "[data-testid=open-transfer]").await;
    click(&harness, "[data-testid=import-playlist]").await;
    let dialog = desktop.wait_for_window("Wiedergabeliste importieren").await;
    desktop.open_in_dialog(dialog, playlist.to_str().expect("utf-8 path"));
    let skipped = text_of(&harness, "[data-testid=skipped-lines]").await;
    assert!(
        skipped.contains("Eintrag 2 hat einen Titel oder eine Länge, aber kein File2"),
        "{skipped}"
    );
    harness.stop().await;
}
