//! What the fuzz targets (`crates/strand-core/fuzz`) and the corpus test run: each parser on any
//! bytes, checking what must hold whatever the input — no panic (the fuzzer catches those), and
//! every entry it returns is one the library may take.

use url::Url;

use super::entry::MAX_TEXT_CHARS;
use super::{
    PlaylistFormat, TableReader, TableRow, parse_catalogue_json, parse_collection, parse_playlist,
};

/// Parses `bytes` as `format` (and, for line formats, both ways they may be encoded; for CSV and
/// JSON, as a catalogue too) and checks every entry.
pub fn check_playlist(format: PlaylistFormat, bytes: &[u8]) {
    let base = Url::parse("file:///fuzz/playlists/list.m3u").expect("static URL");
    let formats: &[PlaylistFormat] = match format {
        PlaylistFormat::M3u | PlaylistFormat::M3u8 => &[PlaylistFormat::M3u, PlaylistFormat::M3u8],
        other => &[other],
    };
    for format in formats {
        if let Ok(playlist) = parse_playlist(*format, bytes, &base) {
            for entry in &playlist.entries {
                check_entry(&entry.details.title, &entry.details.creator);
            }
            assert!(playlist.skipped.iter().all(|line| !line.reason.is_empty()));
        }
    }
    match format {
        PlaylistFormat::Csv => {
            if let Ok(mut reader) = TableReader::new(bytes, base) {
                while let Ok(Some(row)) = reader.next_row() {
                    if let TableRow::Entry(entry) = row {
                        check_entry(&entry.details.title, &entry.details.creator);
                    }
                }
            }
        }
        PlaylistFormat::StrandJson => {
            if let Ok(catalogue) = parse_catalogue_json(bytes) {
                for entry in &catalogue.entries {
                    check_entry(&entry.details.title, &entry.details.creator);
                }
            }
        }
        _ => {}
    }
}

/// Parses `bytes` as a music app's library (iTunes XML or a Spotify export) and checks every
/// track, and that every playlist entry names a track that was read.
pub fn check_collection(bytes: &[u8]) {
    if let Ok(collection) = parse_collection(bytes) {
        for entry in &collection.tracks.entries {
            check_entry(&entry.details.title, &entry.details.creator);
        }
        let tracks = collection.tracks.entries.len();
        for playlist in &collection.playlists {
            assert!(playlist.tracks.iter().all(|&track| track < tracks));
            assert!(
                playlist
                    .folder
                    .is_none_or(|folder| folder < collection.folders.len())
            );
        }
    }
}

/// Judges `bytes` as a cover picture: whatever they are, a cover made of them fits the cover
/// side and is a picture that decodes again.
pub fn check_cover(bytes: &[u8]) {
    if let Ok(cover) = crate::cover::prepare(bytes) {
        let side = crate::cover::COVER_SIDE;
        assert!((1..=side).contains(&cover.width) && (1..=side).contains(&cover.height));
        let again = image::load_from_memory(&cover.image).expect("a stored cover decodes");
        assert_eq!((again.width(), again.height()), (cover.width, cover.height));
    }
}

fn check_entry(title: &str, creator: &str) {
    assert!(!title.trim().is_empty(), "an entry without a title");
    assert!(title.chars().count() <= MAX_TEXT_CHARS);
    assert!(creator.chars().count() <= MAX_TEXT_CHARS);
    assert!(
        !title
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "control characters in {title:?}"
    );
}
