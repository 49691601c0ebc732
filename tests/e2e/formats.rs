//! The playlist families Strand reads beyond M3U and XSPF, through the real GTK dialogs: a
//! Windows Media Player WPL (SMIL XML), exported as JSPF (JSON) and as M3U8 with paths relative
//! to where it is saved, the JSPF imported back as the same items, and an M3U saved as `.txt`,
//! read by its content; an iTunes library and a Spotify export, each with its playlists.

use crate::desktop::Desktop;
use crate::steps::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_wpl_imports_exports_as_jspf_comes_back_the_same_and_a_txt_is_read_by_its_content() {
    let mut harness = launched_showing_the_library().await;
    let desktop = Desktop::connect(&harness.display_name());
    let documents = tempfile::tempdir().expect("documents");
    let wpl = documents.path().join("road.wpl");
    std::fs::write(
        &wpl,
        "<?wpl version=\"1.0\"?>\r\n<smil><head><title>Rock &amp; road</title></head><body><seq>\r\n\
         <media src=\"..\\Music\\01 Tide.mp3\"/>\r\n<media src=\"http://radio.example.net/live\"/>\r\n\
         <media/>\r\n</seq></body></smil>\r\n",
    )
    .expect("write the WPL");

    import_through_dialog(&harness, &desktop, IMPORT_PLAYLIST, &wpl).await;
    let counts = text_of(&harness, "[data-testid=import-counts]").await;
    assert!(
        counts.contains("2 added as new") && counts.contains("1 skipped"),
        "{counts}"
    );
    click(&harness, "[data-testid=close-import-summary]").await;
    entry_count_is(&harness, 2).await;
    let imported = harness.item_ids(ENTRY_ROWS).await;
    assert_eq!(
        bundle_names(&harness, 1).await,
        serde_json::json!(["Rock & road"])
    );

    let jspf = documents.path().join("road.jspf");
    export_through_dialog(&harness, &desktop, "jspf", &jspf).await;
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&jspf).expect("exported")).expect("JSON");
    assert_eq!(written["playlist"]["track"][0]["title"], "01 Tide");

    // As M3U8 with relative paths (remembered for next time): the file names the song from the
    // playlist's folder, as it was named in the WPL.
    harness
        .find("[data-testid=export-format]")
        .await
        .select_by_value("m3u8")
        .await
        .expect("choose M3U8");
    click(&harness, "[data-testid=relative-paths]").await;
    let m3u8 = documents.path().join("road.m3u8");
    click(&harness, "[data-testid=export-bundle]").await;
    let dialog = desktop.wait_for_window("Export a bundle").await;
    desktop.save_in_dialog(dialog, m3u8.to_str().expect("utf-8 path"));
    harness
        .wait_for(
            "the M3U8 written",
            "return !!document.querySelector('[data-testid=exported-notice]');",
        )
        .await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !std::fs::read_to_string(&m3u8)
        .is_ok_and(|text| text.contains("\n../Music/01 Tide.mp3\n"))
    {
        assert!(
            std::time::Instant::now() < deadline,
            "no relative path in {m3u8:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    import_through_dialog(&harness, &desktop, IMPORT_PLAYLIST, &jspf).await;
    let counts = text_of(&harness, "[data-testid=import-counts]").await;
    assert!(counts.starts_with("2 already in your library"), "{counts}");
    click(&harness, "[data-testid=close-import-summary]").await;
    bundle_names(&harness, 2).await;
    entries_are(&harness, &imported).await;

    let text = documents.path().join("saved from a forum.txt");
    std::fs::write(
        &text,
        "#EXTM3U\n#EXTINF:95,Nadia Vale - Glass River\n/home/ada/Music/Glass River.flac\n",
    )
    .expect("write the text file");
    import_through_dialog(&harness, &desktop, IMPORT_PLAYLIST, &text).await;
    let counts = text_of(&harness, "[data-testid=import-counts]").await;
    assert!(counts.contains("1 added as new"), "{counts}");
    click(&harness, "[data-testid=close-import-summary]").await;
    bundle_names(&harness, 3).await;
    harness.stop().await;
}

/// The names of every bundle in the list, in folders or not, once there are `count`.
async fn all_bundle_names(harness: &crate::harness::Harness, count: usize) -> Vec<String> {
    let script = format!(
        "const names = [...document.querySelectorAll('[data-bundle-id] .name')].map((n) => n.textContent.trim());
         return names.length === {count} && names;"
    );
    let names = harness
        .wait_for(&format!("{count} bundles, in folders or not"), &script)
        .await;
    serde_json::from_value(names).expect("names")
}

/// A file of the import corpus, copied where a person's files are.
fn corpus_copy(documents: &std::path::Path, name: &str) -> std::path::PathBuf {
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/strand-core/tests/data/import")
        .join(name);
    let to = documents.join(name);
    std::fs::copy(from, &to).expect("copy the corpus file");
    to
}

#[tokio::test(flavor = "multi_thread")]
async fn an_itunes_library_and_a_spotify_export_bring_their_playlists_as_drafts() {
    let mut harness = launched_showing_the_library().await;
    let desktop = Desktop::connect(&harness.display_name());
    let documents = tempfile::tempdir().expect("documents");

    let itunes = corpus_copy(documents.path(), "itunes-library.xml");
    import_through_dialog(&harness, &desktop, IMPORT_COLLECTION, &itunes).await;
    let said = text_of(&harness, "[data-testid=imported-collection]").await;
    assert!(
        said.contains("3 playlists are now drafts")
            && said.contains("1 folder")
            && said.contains("2 built-in lists"),
        "{said}"
    );
    let counts = text_of(&harness, "[data-testid=import-counts]").await;
    assert!(counts.contains("4 added as new"), "{counts}");
    click(&harness, "[data-testid=close-import-summary]").await;
    entry_count_is(&harness, 3).await;
    let filed = all_bundle_names(&harness, 3).await;
    assert!(filed.contains(&"Drive".to_owned()), "{filed:?}");
    harness
        .wait_for(
            "Drive filed in its folder",
            "const folder = [...document.querySelectorAll('[data-testid=folder]')]
                 .find((folder) => folder.querySelector('.folder-name').value === 'Road / Summer');
             return !!folder && [...folder.querySelectorAll('.name')].some((name) => name.textContent.trim() === 'Drive');",
        )
        .await;

    let spotify = corpus_copy(documents.path(), "spotify-Playlist1.json");
    import_through_dialog(&harness, &desktop, IMPORT_COLLECTION, &spotify).await;
    let said = text_of(&harness, "[data-testid=imported-collection]").await;
    assert!(said.contains("2 playlists are now drafts"), "{said}");
    click(&harness, "[data-testid=close-import-summary]").await;
    let names = all_bundle_names(&harness, 5).await;
    assert!(names.contains(&"Road trip".to_owned()), "{names:?}");
    harness.stop().await;
}
