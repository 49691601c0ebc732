//! Import and export end to end, through the real GTK file dialogs (xdotool types the path, as a
//! person could): a playlist file becomes a draft and a summary with the skipped line's reason;
//! the draft exported as XSPF re-imports as the same items in the same order; a catalogue CSV
//! adds its items to the library, where search finds them.

use std::time::{Duration, Instant};

use strand_core::catalogue::SAMPLE_SIZE;

use crate::desktop::Desktop;
use crate::steps::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_playlist_imports_through_the_dialog_exports_as_xspf_and_comes_back_as_the_same_bundle() {
    let mut harness = launched_showing_the_library().await;
    let desktop = Desktop::connect(&harness.display_name());
    // The person's files live outside Strand's data directory, as they would.
    let documents = tempfile::tempdir().expect("documents");
    let playlist = documents.path().join("road-trip.m3u8");
    std::fs::write(
        &playlist,
        "#EXTM3U\n#PLAYLIST:Road trip\n#EXTINF:187,Mara Quill - Tide\nmusic/Tide.mp3\n\
         #EXTINF:95,Nadia Vale - Ünder\n/home/ada/Music/Ünder.flac\nhttp://[::1\n\
         #EXTINF:-1,Radio Nowhere\nhttps://radio.example.org/live\n",
    )
    .expect("write playlist");

    import_through_dialog(&harness, &desktop, IMPORT_PLAYLIST, &playlist).await;
    let counts = text_of(&harness, "[data-testid=import-counts]").await;
    assert!(
        counts.contains("3 added as new") && counts.contains("1 skipped"),
        "{counts}"
    );
    let skipped = text_of(&harness, "[data-testid=skipped-lines]").await;
    assert!(skipped.contains("Line 7"), "{skipped}");
    click(&harness, "[data-testid=close-import-summary]").await;
    entry_count_is(&harness, 3).await;
    let imported = harness.item_ids(ENTRY_ROWS).await;
    assert_eq!(
        bundle_names(&harness, 1).await,
        serde_json::json!(["Road trip"])
    );

    // Export it as XSPF through the save dialog.
    let exported = documents.path().join("road-trip.xspf");
    export_through_dialog(&harness, &desktop, "xspf", &exported).await;
    let xspf = std::fs::read_to_string(&exported).expect("exported file");
    assert!(xspf.contains("<title>Tide</title>"), "{xspf}");

    // Importing the export again matches every item: the same bundle, a second time.
    import_through_dialog(&harness, &desktop, IMPORT_PLAYLIST, &exported).await;
    let counts = text_of(&harness, "[data-testid=import-counts]").await;
    assert!(
        counts.starts_with("3 already in your library") && counts.contains("0 added"),
        "{counts}"
    );
    click(&harness, "[data-testid=close-import-summary]").await;
    bundle_names(&harness, 2).await;
    entries_are(&harness, &imported).await;
    harness.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_catalogue_csv_imports_through_the_dialog_and_its_items_are_searchable() {
    let mut harness = launched_showing_the_library().await;
    let desktop = Desktop::connect(&harness.display_name());
    let documents = tempfile::tempdir().expect("documents");
    let catalogue = documents.path().join("shop.csv");
    std::fs::write(
        &catalogue,
        "\u{feff}Title;Brand;Price;Tags\nZanzibar Lamp;Glow & Co;49,00;home\nQuokka Kettle;Steam;\"12,50\";kitchen\nBroken;;soon;\n",
    )
    .expect("write catalogue");
    import_through_dialog(&harness, &desktop, IMPORT_CATALOGUE, &catalogue).await;
    let counts = text_of(&harness, "[data-testid=import-counts]").await;
    assert!(
        counts.contains("2 added as new") && counts.contains("1 skipped"),
        "{counts}"
    );
    click(&harness, "[data-testid=close-import-summary]").await;
    let search = harness.find("[data-testid=library-search]").await;
    search.send_keys("zanzi").await.expect("type");
    harness
        .wait_for(
            "the imported lamp in the library",
            "return [...document.querySelectorAll('[data-testid=library] li')].some((row) => row.textContent.includes('Zanzibar Lamp'));",
        )
        .await;
    harness.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn quitting_during_a_catalogue_import_stops_it_at_once_and_leaves_the_library_as_it_was() {
    let mut harness = launched_showing_the_library().await;
    let desktop = Desktop::connect(&harness.display_name());
    let documents = tempfile::tempdir().expect("documents");
    let catalogue = documents.path().join("warehouse.csv");
    // Big enough that importing it takes this debug build far longer than the wait below.
    let rows: String = (0..200_000)
        .map(|row| format!("Crate {row},Depot,product\n"))
        .collect();
    std::fs::write(&catalogue, format!("title,creator,kind\n{rows}")).expect("write catalogue");
    start_import(&harness, &desktop, IMPORT_CATALOGUE, &catalogue).await;
    harness.find("[data-testid=cancel-import]").await;

    desktop.request_close(desktop.main_window().await);
    // The app holds the library's lock until its process ends.
    let lock = std::fs::File::open(harness.library_dir().join("strand.lock")).expect("lock");
    let deadline = Instant::now() + Duration::from_secs(10);
    while lock.try_lock().is_err() {
        assert!(
            Instant::now() < deadline,
            "Strand went on importing after it was closed"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    harness.stop().await;
    let library = harness.open_library();
    let items = library.items(0, 1).expect("items").total as usize;
    assert_eq!(items, SAMPLE_SIZE, "part of the import was kept");
}
