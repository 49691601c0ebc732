//! An iTunes / Apple Music library of `STRAND_BENCH_TRACKS` tracks (default 50,000) and
//! `STRAND_BENCH_PLAYLISTS` playlists (default 500, 100 entries each, some in folders, beside
//! the app's built-in lists) imported through `Strand::import_collection` into a fresh library:
//! the median of three runs, each a new library. The file is made by [`write_library`], the
//! generator (set `STRAND_BENCH_KEEP=<path>` to keep a copy).
//!
//! Limit beside it: the plist crate reading the same file into its own value tree, which every
//! import must at least do.
//! Run: `cargo bench -p strand-core --bench itunes`.

#[path = "support/library.rs"]
#[allow(
    dead_code,
    reason = "this bench needs only the medians of the shared helpers"
)]
mod library;
mod support;

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use serde_json::json;
use strand_core::{Strand, StrandOptions, Unwatched, catalogue};
use support::timed;

const ENTRIES_PER_PLAYLIST: usize = 100;

fn from_env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An iTunes library XML of `tracks` generated songs and `playlists` playlists, as iTunes 12
/// writes one: the Library and Music lists first, then folders of ten playlists each.
fn write_library(path: &Path, tracks: usize, playlists: usize) {
    let mut xml = String::with_capacity(tracks * 900);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC \"-//Apple Computer//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n<plist version=\"1.0\">\n<dict>\n\t<key>Major Version</key><integer>1</integer>\n\t<key>Tracks</key>\n\t<dict>\n",
    );
    for (index, item) in catalogue::generate(tracks).into_iter().enumerate() {
        let id = index + 1000;
        let _ = write!(
            xml,
            "\t\t<key>{id}</key>\n\t\t<dict>\n\t\t\t<key>Track ID</key><integer>{id}</integer>\n\t\t\t<key>Name</key><string>{}</string>\n\t\t\t<key>Artist</key><string>{}</string>\n\t\t\t<key>Album</key><string>Album {}</string>\n\t\t\t<key>Genre</key><string>{}</string>\n\t\t\t<key>Kind</key><string>MPEG audio file</string>\n\t\t\t<key>Total Time</key><integer>{}</integer>\n\t\t\t<key>Date Added</key><date>2020-01-01T00:00:00Z</date>\n\t\t\t<key>Play Count</key><integer>{}</integer>\n\t\t\t<key>Track Type</key><string>File</string>\n\t\t\t<key>Location</key><string>file://localhost/Users/ada/Music/iTunes/iTunes%20Media/Music/{index}.mp3</string>\n\t\t</dict>\n",
            escaped(&item.title),
            escaped(&item.creator),
            index / 12,
            escaped(item.tags.first().map_or("Pop", String::as_str)),
            item.duration_ms.unwrap_or(180_000),
            index % 50,
        );
    }
    xml.push_str("\t</dict>\n\t<key>Playlists</key>\n\t<array>\n");
    xml.push_str("\t\t<dict><key>Name</key><string>Library</string><key>Master</key><true/><key>Visible</key><false/><key>Playlist Items</key><array>\n");
    for index in 0..tracks {
        let _ = writeln!(
            xml,
            "\t\t\t<dict><key>Track ID</key><integer>{}</integer></dict>",
            index + 1000
        );
    }
    xml.push_str("\t\t</array></dict>\n\t\t<dict><key>Name</key><string>Music</string><key>Distinguished Kind</key><integer>4</integer></dict>\n");
    for playlist in 0..playlists {
        if playlist % 10 == 0 {
            let _ = writeln!(
                xml,
                "\t\t<dict><key>Name</key><string>Folder {}</string><key>Playlist Persistent ID</key><string>F{:015}</string><key>Folder</key><true/></dict>",
                playlist / 10,
                playlist / 10
            );
        }
        let _ = writeln!(
            xml,
            "\t\t<dict><key>Name</key><string>Playlist {playlist}</string><key>Parent Persistent ID</key><string>F{:015}</string><key>Playlist Items</key><array>",
            playlist / 10
        );
        for entry in 0..ENTRIES_PER_PLAYLIST {
            let track = (playlist * 97 + entry * 13) % tracks + 1000;
            let _ = writeln!(
                xml,
                "\t\t\t<dict><key>Track ID</key><integer>{track}</integer></dict>"
            );
        }
        xml.push_str("\t\t</array></dict>\n");
    }
    xml.push_str("\t</array>\n</dict>\n</plist>\n");
    std::fs::write(path, xml).expect("write the library");
}

fn main() {
    let tracks = from_env("STRAND_BENCH_TRACKS", 50_000);
    let playlists = from_env("STRAND_BENCH_PLAYLISTS", 500);
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("Library.xml");
    let ((), made) = timed(|| write_library(&file, tracks, playlists));
    let size = std::fs::metadata(&file).expect("size").len();
    println!(
        "iTunes library of {tracks} tracks, {playlists} playlists ({:.1} MB) written in {:.1} s",
        size as f64 / 1e6,
        made.as_secs_f64()
    );
    if let Ok(keep) = std::env::var("STRAND_BENCH_KEEP") {
        std::fs::copy(&file, keep).expect("keep a copy");
    }

    let bytes = std::fs::read(&file).expect("read");
    let plist_alone =
        median_seconds(|| timed(|| plist::Value::from_reader_xml(&bytes[..]).expect("plist")).1);
    let import = median_seconds(|| {
        let library = tempfile::tempdir().expect("library dir");
        let strand = Strand::open(
            &library.path().join("strand.sqlite"),
            StrandOptions::default(),
        )
        .expect("open");
        let (imported, took) =
            timed(|| strand.import_collection(&file, &Unwatched).expect("import"));
        assert_eq!(imported.summary.created as usize, tracks);
        assert_eq!(imported.drafts as usize, playlists);
        took
    });
    println!("itunes_50k_s: {import:.2} s (the plist crate alone reading it: {plist_alone:.2} s)");
    support::record(&[
        ("itunes_50k_s", json!((import * 100.0).round() / 100.0)),
        (
            "itunes_50k_plist_alone_s",
            json!((plist_alone * 100.0).round() / 100.0),
        ),
    ]);
}

/// The median of three runs, in seconds.
fn median_seconds(run: impl FnMut() -> Duration) -> f64 {
    library::median_of_three(run) / 1e3
}
