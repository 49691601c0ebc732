//! Music apps' whole libraries: an iTunes / Apple Music `Library.xml` and Spotify's account-data
//! export, each imported as one transaction — tracks into the library, playlists into drafts in
//! their order, folders into folders — and a file that cannot be read changes nothing.

use std::path::{Path, PathBuf};

use strand_core::{BundleId, BundleSummary, ErrorCode, Unwatched};

use crate::support::Library;

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

fn titles(library: &Library, bundle: BundleId) -> Vec<String> {
    library
        .entries(bundle)
        .into_iter()
        .map(|entry| entry.item.details.title)
        .collect()
}

fn drafts_named(library: &Library, name: &str) -> Vec<BundleSummary> {
    library
        .strand
        .bundles()
        .expect("bundles")
        .into_iter()
        .filter(|bundle| bundle.name == name)
        .collect()
}

#[test]
fn an_itunes_library_brings_its_tracks_its_playlists_in_order_and_their_folders() {
    let library = Library::new(false);
    let import = library
        .strand
        .import_collection(&corpus("itunes-library.xml"), &Unwatched)
        .expect("imports");
    assert_eq!(
        (
            import.summary.created,
            import.drafts,
            import.folders,
            import.built_in,
            import.missing
        ),
        (4, 3, 1, 2, 1)
    );

    let drive = &drafts_named(&library, "Drive")[0];
    assert_eq!(
        titles(&library, drive.id),
        ["Ünder the Öl", "Tide & Time", "Radio Nowhere"]
    );
    let folders = library.strand.folders().expect("folders");
    assert_eq!(folders.len(), 1);
    assert_eq!(folders[0].name, "Road / Summer");
    assert_eq!(drive.folder, Some(folders[0].id));

    let smart = &drafts_named(&library, "Top 25 Most Played (smart)")[0];
    assert_eq!(titles(&library, smart.id), ["Glass River"]);
    assert_eq!(drafts_named(&library, "Imported playlist").len(), 1);
    assert!(drafts_named(&library, "Library").is_empty());

    let tide = library.entries(drive.id)[1].item.clone();
    assert_eq!(tide.details.creator, "Mara Quill");
    assert_eq!(tide.details.duration_ms, Some(187_000));
    assert_eq!(tide.details.tags, ["Folk", "Tides"]);
    assert_eq!(
        tide.details.source_uri.as_deref(),
        Some(
            "file:///Users/ada/Music/iTunes/iTunes%20Media/Music/Mara%20Quill/Tides/01%20Tide%20&%20Time.mp3"
        ),
        "localhost is the same computer"
    );
    let radio = library.entries(drive.id)[2].item.clone();
    assert_eq!(radio.details.kind, strand_core::ItemKind::Stream);
}

#[test]
fn importing_the_same_library_again_matches_every_track_and_files_in_the_same_folder() {
    let library = Library::new(false);
    library
        .strand
        .import_collection(&corpus("itunes-library.xml"), &Unwatched)
        .expect("first");
    let items = library.count("items");
    let again = library
        .strand
        .import_collection(&corpus("itunes-library.xml"), &Unwatched)
        .expect("again");
    assert_eq!((again.summary.matched, again.summary.created), (4, 0));
    assert_eq!(library.count("items"), items);
    assert_eq!(library.strand.folders().expect("folders").len(), 1);
    let drives = drafts_named(&library, "Drive");
    assert_eq!(drives.len(), 2);
    assert_eq!(drives[0].folder, drives[1].folder);
}

#[test]
fn spotify_playlists_become_drafts_and_the_liked_songs_match_the_same_tracks() {
    let library = Library::new(false);
    let import = library
        .strand
        .import_collection(&corpus("spotify-Playlist1.json"), &Unwatched)
        .expect("playlists");
    assert_eq!(
        (import.drafts, import.summary.created, import.missing),
        (2, 3, 1)
    );
    let road = &drafts_named(&library, "Road trip")[0];
    let entries = library.entries(road.id);
    let shown: Vec<(&str, &str)> = entries
        .iter()
        .map(|entry| {
            (
                entry.item.details.title.as_str(),
                entry.item.details.creator.as_str(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("Glass River", "Nadia Vale"),
            ("Episode 12: Tides", "Sea Talk"),
            ("Tide & Time", "Mara Quill")
        ]
    );
    assert_eq!(
        entries[0].item.details.source_uri.as_deref(),
        Some("spotify:track:4uLU6hMCjMI75M1A2tKUQC")
    );
    assert_eq!(entries[2].item.details.duration_ms, Some(187_000));
    let again = &drafts_named(&library, "Again")[0];
    assert_eq!(library.entries(again.id)[0].item.id, entries[0].item.id);

    let liked = library
        .strand
        .import_collection(&corpus("spotify-YourLibrary.json"), &Unwatched)
        .expect("liked songs");
    assert_eq!((liked.summary.matched, liked.summary.created), (1, 1));
    let liked = &drafts_named(&library, "Liked Songs")[0];
    assert_eq!(library.entries(liked.id)[0].item.id, entries[0].item.id);
}

#[test]
fn a_library_file_that_cannot_be_read_is_refused_and_changes_nothing() {
    for name in [
        "broken-itunes.xml",
        "album.xspf",
        "diary.txt",
        "friend.strand.json",
    ] {
        let library = Library::new(false);
        let items = library.count("items");
        let refused = library
            .strand
            .import_collection(&corpus(name), &Unwatched)
            .expect_err(name);
        assert_eq!(refused.code(), ErrorCode::Invalid, "{name}: {refused}");
        assert_eq!(library.count("items"), items, "{name}");
        assert!(
            library.strand.bundles().expect("bundles").is_empty(),
            "{name}"
        );
        assert!(
            library.strand.folders().expect("folders").is_empty(),
            "{name}"
        );
    }
}
