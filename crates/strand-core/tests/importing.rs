//! Importing playlists and catalogues from real files, and the corpus of awkward files each with
//! its expected outcome.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use lofty::config::WriteOptions;
use lofty::tag::{Accessor, Tag, TagExt, TagType};
use strand_core::catalogue::SAMPLE_SIZE;
use strand_core::{ImportWatch, ItemKind, Unwatched};

use crate::support::Library;

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

enum Expected {
    /// Imports with these titles in order, skipping this many lines.
    Imports(&'static [&'static str], u32),
    /// Refused with a message containing this.
    Refused(&'static str),
}

const CORPUS: &[(&str, Expected)] = &[
    (
        "latin1-crlf.m3u",
        Expected::Imports(&["Café für zwei €", "Straße"], 0),
    ),
    (
        "utf8-bom-mixed.m3u8",
        Expected::Imports(&["Tide", "Double encoded", "Radio Nowhere", "Song Two"], 0),
    ),
    ("utf16le-bom.m3u", Expected::Imports(&["Ünder"], 0)),
    (
        "utf16le-excel.csv",
        Expected::Imports(&["Mötley Ünder", "Café Ölfeld"], 0),
    ),
    ("empty.m3u", Expected::Imports(&[], 0)),
    ("plain.m3u", Expected::Imports(&["one", "two"], 0)),
    ("bad-location.m3u8", Expected::Imports(&["Good"], 2)),
    (
        "radio-crlf.pls",
        Expected::Imports(&["Example Radio", "Local"], 0),
    ),
    ("no-header.pls", Expected::Refused("[playlist]")),
    (
        "album.xspf",
        Expected::Imports(
            &["Glass River", "Paper <Engine>", "No location — still kept"],
            0,
        ),
    ),
    ("unclosed.xspf", Expected::Refused("ends inside")),
    ("entity-bomb.xspf", Expected::Refused("&lol3;")),
    ("external-entity.xspf", Expected::Refused("&xxe;")),
    ("empty.xspf", Expected::Refused("no <playlist>")),
    (
        "excel-semicolon.csv",
        Expected::Imports(&["=HYPERLINK(\"http://evil\")", "Two\nlines", "Lamp"], 1),
    ),
    ("empty.csv", Expected::Refused("empty")),
    (
        "friend.strand.json",
        Expected::Imports(
            &[
                "Lantern \"Live\", 2026",
                "=Remember",
                "Lantern \"Live\", 2026",
            ],
            0,
        ),
    ),
    ("newer.strand.json", Expected::Refused("newer Strand")),
    (
        "windows-media.wpl",
        Expected::Imports(&["01 Tide", "Back in Black", "live"], 1),
    ),
    (
        "unclosed.wpl",
        Expected::Refused("ends inside <smil><body><seq>"),
    ),
    ("empty.wpl", Expected::Refused("no <smil>")),
    (
        "cafe-radio.asx",
        Expected::Imports(&["Straße", "Tide (live)"], 2),
    ),
    ("jazz.wax", Expected::Imports(&["Jazz all night"], 0)),
    ("entity-bomb.asx", Expected::Refused("&b;")),
    (
        "listenbrainz.jspf",
        Expected::Imports(&["Glass River", "Mötley Ünder \"quoted\"", "live"], 1),
    ),
    ("broken.jspf", Expected::Refused("line 3")),
    ("saved-as-text.txt", Expected::Imports(&["Tide", "live"], 0)),
    (
        "diary.txt",
        Expected::Refused("not a playlist Strand reads"),
    ),
];

#[test]
fn every_file_of_the_corpus_imports_or_is_refused_as_expected_and_refusals_change_nothing() {
    for (name, expected) in CORPUS {
        let library = Library::new(false);
        let items_before = library.count("items");
        let outcome = library.strand.import_playlist(&corpus(name), &Unwatched);
        match (expected, outcome) {
            (Expected::Imports(titles, skipped), Ok(import)) => {
                let entries = library.entries(import.bundle.id);
                let found: Vec<&str> = entries
                    .iter()
                    .map(|entry| entry.item.details.title.as_str())
                    .collect();
                assert_eq!(&found, titles, "{name}");
                assert_eq!(
                    import.summary.skipped, *skipped,
                    "{name}: {:?}",
                    import.summary
                );
                assert_eq!(
                    import.summary.skipped_lines.len() as u32,
                    *skipped,
                    "{name}: every skip has its reason"
                );
            }
            (Expected::Refused(words), Err(error)) => {
                assert!(error.to_string().contains(words), "{name}: {error}");
                assert_eq!(
                    library.count("items"),
                    items_before,
                    "{name} changed the library"
                );
                assert!(
                    library.strand.bundles().expect("bundles").is_empty(),
                    "{name}"
                );
            }
            (Expected::Imports(..), Err(error)) => panic!("{name} was refused: {error}"),
            (Expected::Refused(words), Ok(import)) => {
                panic!(
                    "{name} should be refused ({words}) but imported {:?}",
                    import.summary
                )
            }
        }
    }
}

#[test]
fn locations_in_the_corpus_resolve_against_the_playlists_folder() {
    let library = Library::new(false);
    let import = library
        .strand
        .import_playlist(&corpus("latin1-crlf.m3u"), &Unwatched)
        .expect("imports");
    let first = &library.entries(import.bundle.id)[0].item.details;
    let folder = url::Url::from_directory_path(corpus("")).expect("folder url");
    let expected = folder
        .join("../Musik/%C3%96berg/Caf%C3%A9.mp3")
        .expect("join");
    assert_eq!(first.source_uri.as_deref(), Some(expected.as_str()));
    assert_eq!(first.creator, "Jonas Öberg");
    assert_eq!(first.duration_ms, Some(201_000));
}

#[test]
fn playlist_entries_match_library_items_by_address_then_by_title_creator_and_duration() {
    let library = Library::new(false);
    let by_address = library.first_item(|item| item.details.kind == ItemKind::Song);
    let by_title = library.first_item(|item| item.details.kind == ItemKind::Stream);
    let seconds = by_title.details.duration_ms.expect("duration") as f64 / 1000.0;
    let m3u = format!(
        "#EXTM3U\n#EXTINF:1,Wrong title\n{}\n#EXTINF:{seconds},{} - {}\n#EXTART:{}\n/nowhere/else.mp3\n#EXTINF:5,Brand new\nnew.mp3\n",
        by_address.details.source_uri.as_deref().expect("uri"),
        by_title.details.creator,
        by_title.details.title.to_uppercase(),
        by_title.details.creator,
    );
    let path = library.dir.path().join("mix.m3u8");
    std::fs::write(&path, m3u).expect("write playlist");
    let before = library.count("items");
    let import = library
        .strand
        .import_playlist(&path, &Unwatched)
        .expect("imports");
    assert_eq!((import.summary.matched, import.summary.created), (2, 1));
    assert_eq!(
        library.item_order(import.bundle.id)[..2],
        [by_address.id, by_title.id]
    );
    assert_eq!(library.count("items"), before + 1);
    assert_eq!(import.bundle.name, "mix");
}

#[test]
fn an_imported_playlist_is_a_draft_that_keeping_makes_last() {
    let library = Library::premium();
    let import = library
        .strand
        .import_playlist(&corpus("album.xspf"), &Unwatched)
        .expect("imports");
    assert_eq!(import.bundle.name, "Meadows & Tides");
    let imported = library.item_order(import.bundle.id);
    let kept = library.strand.keep(import.bundle.id).expect("keep");
    let library = library.restart();
    assert_eq!(library.item_order(kept.id), imported);
}

fn catalogue_csv(rows: usize) -> String {
    let mut csv = String::from("title,creator,kind,duration,tags,uri\n");
    for row in 0..rows {
        csv.push_str(&format!(
            "Imported {row},Zed Quintet,song,3:{:02},zeppelinwave,file:///imports/{row}.mp3\n",
            row % 60
        ));
    }
    csv
}

#[test]
fn a_catalogue_matches_its_own_repeats_by_title_or_address_and_the_librarys_items() {
    let library = Library::new(false);
    let song = library.first_item(|item| item.details.source_uri.is_some());
    let mut csv = catalogue_csv(3000);
    csv.push_str(&format!(
        // Row 7 again with its title in capitals, at another address: the same item.
        "IMPORTED 7,Zed Quintet,song,3:07,,file:///elsewhere/7.mp3\n\
         Another title,Someone else,song,,,file:///imports/8.mp3\n\
         Imported 9,Not the Zed Quintet,song,3:09,,\n\
         Renamed,Whoever,song,,,{}\n",
        song.details.source_uri.as_deref().expect("address"),
    ));
    let path = library.dir.path().join("catalogue.csv");
    std::fs::write(&path, csv).expect("write csv");
    let summary = library
        .strand
        .import_catalogue(&path, &Unwatched)
        .expect("imports");
    // Row 7 by title, creator and duration; row 8 and the library's item by address; row 9's
    // title with another creator is a new item.
    assert_eq!((summary.created, summary.matched), (3001, 3));
    assert_eq!(library.count("items"), (SAMPLE_SIZE + 3001) as i64);
}

#[test]
fn a_catalogue_csv_lands_whole_and_is_searchable_at_once() {
    let library = Library::new(false);
    let path = library.dir.path().join("catalogue.csv");
    std::fs::write(&path, catalogue_csv(5000)).expect("write csv");
    let summary = library
        .strand
        .import_catalogue(&path, &Unwatched)
        .expect("imports");
    assert_eq!(
        (summary.created, summary.matched, summary.skipped),
        (5000, 0, 0)
    );
    let found = library
        .strand
        .search_items("zeppel", None, None, 10)
        .expect("search");
    assert_eq!(found.items.len(), 10);
    assert!(found.more);
    // The same file again matches every row by address and creates nothing.
    let again = library
        .strand
        .import_catalogue(&path, &Unwatched)
        .expect("imports");
    assert_eq!((again.created, again.matched), (0, 5000));
    // The library's stored count took in exactly what was created.
    let total = library.strand.items(0, 1).expect("items").total;
    assert_eq!(i64::from(total), library.count("items"));
    assert_eq!(total as usize, SAMPLE_SIZE + 5000);
}

/// Cancels once the import reported progress `after` times.
struct CancelAfter {
    after: u32,
    reports: AtomicU32,
}

impl ImportWatch for CancelAfter {
    fn progress(&self, _done: u64, _total: u64) {
        self.reports.fetch_add(1, Ordering::SeqCst);
    }

    fn cancelled(&self) -> bool {
        self.reports.load(Ordering::SeqCst) >= self.after
    }
}

#[test]
fn a_cancelled_catalogue_import_leaves_the_library_exactly_as_before() {
    let library = Library::new(false);
    let path = library.dir.path().join("catalogue.csv");
    std::fs::write(&path, catalogue_csv(20_000)).expect("write csv");
    let (items, index) = (library.count("items"), library.count("items_fts"));
    let watch = CancelAfter {
        after: 3,
        reports: AtomicU32::new(0),
    };
    let error = library
        .strand
        .import_catalogue(&path, &watch)
        .expect_err("cancelled");
    assert_eq!(error.code(), strand_core::ErrorCode::Cancelled);
    assert_eq!(library.count("items"), items);
    assert_eq!(library.count("items_fts"), index);
    assert!(
        library
            .strand
            .search_items("zeppel", None, None, 1)
            .expect("search")
            .items
            .is_empty()
    );
}

#[test]
fn a_catalogue_with_one_endless_row_is_refused_whole() {
    let library = Library::new(false);
    let path = library.dir.path().join("catalogue.csv");
    let csv = format!(
        "{}\"{}\"\n",
        catalogue_csv(100),
        "x".repeat(10 * 1024 * 1024)
    );
    std::fs::write(&path, csv).expect("write csv");
    let before = library.count("items");
    let error = library
        .strand
        .import_catalogue(&path, &Unwatched)
        .expect_err("refused");
    assert!(error.to_string().contains("longer than"), "{error}");
    assert_eq!(library.count("items"), before);
}

#[test]
fn unknown_file_types_are_refused_with_what_strand_reads() {
    let library = Library::new(false);
    let path = library.dir.path().join("notes.docx");
    std::fs::write(&path, "x").expect("write");
    let error = library
        .strand
        .import_playlist(&path, &Unwatched)
        .expect_err("refused");
    assert!(error.to_string().contains(".m3u"), "{error}");
    let error = library
        .strand
        .import_catalogue(&path, &Unwatched)
        .expect_err("refused");
    assert!(error.to_string().contains(".csv"), "{error}");
}

/// A second of silence as a WAV file, written by hand: a RIFF header is all it takes.
fn silent_wav(path: &Path) {
    let (rate, samples) = (8000_u32, 8000_u32);
    let mut wav = Vec::new();
    wav.extend_from_slice(b"RIFF");
    wav.extend_from_slice(&(36 + samples * 2).to_le_bytes());
    wav.extend_from_slice(b"WAVEfmt ");
    wav.extend_from_slice(&16_u32.to_le_bytes());
    wav.extend_from_slice(&1_u16.to_le_bytes()); // PCM
    wav.extend_from_slice(&1_u16.to_le_bytes()); // mono
    wav.extend_from_slice(&rate.to_le_bytes());
    wav.extend_from_slice(&(rate * 2).to_le_bytes());
    wav.extend_from_slice(&2_u16.to_le_bytes());
    wav.extend_from_slice(&16_u16.to_le_bytes());
    wav.extend_from_slice(b"data");
    wav.extend_from_slice(&(samples * 2).to_le_bytes());
    wav.resize(wav.len() + samples as usize * 2, 0);
    std::fs::write(path, wav).expect("write wav");
}

#[test]
fn a_folder_of_audio_files_becomes_items_from_their_tags_or_their_names() {
    let library = Library::new(false);
    let folder = tempfile::tempdir().expect("music folder");
    std::fs::create_dir(folder.path().join("Album")).expect("subfolder");
    let tagged = folder.path().join("Album/01 track.wav");
    silent_wav(&tagged);
    let mut tag = Tag::new(TagType::Id3v2);
    tag.set_title("Zephyr Quokka".into());
    tag.set_artist("Lumen Drift".into());
    tag.set_album("Night Lines".into());
    tag.save_to_path(&tagged, WriteOptions::default())
        .expect("tag");
    silent_wav(&folder.path().join("Untagged Song.wav"));
    std::fs::write(folder.path().join("broken.mp3"), b"not audio at all").expect("write");
    std::fs::write(folder.path().join("cover.jpg"), b"not audio either").expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink("/usr", folder.path().join("outside")).expect("symlink");

    let summary = library
        .strand
        .import_catalogue(folder.path(), &Unwatched)
        .expect("imports");
    assert_eq!((summary.created, summary.skipped), (2, 1), "{summary:?}");
    assert!(summary.skipped_lines[0].reason.contains("broken.mp3"));
    let harbour = &library
        .strand
        .search_items("zephyr quokka", None, None, 5)
        .expect("search")
        .items;
    assert_eq!(harbour.len(), 1);
    assert_eq!(harbour[0].details.creator, "Lumen Drift");
    assert_eq!(harbour[0].details.tags, vec!["Night Lines"]);
    assert_eq!(harbour[0].details.duration_ms, Some(1000));
    let untagged = &library
        .strand
        .search_items("untagged", None, None, 5)
        .expect("search")
        .items;
    assert_eq!(untagged[0].details.title, "Untagged Song");
    assert!(
        untagged[0]
            .details
            .source_uri
            .as_deref()
            .expect("uri")
            .starts_with("file:///")
    );
}

#[test]
fn a_two_gigabyte_file_is_refused_before_a_byte_of_it_is_read() {
    let library = Library::new(false);
    let before = library.count("items");
    for name in ["huge.m3u8", "huge.csv", "huge.json"] {
        let path = library.dir.path().join(name);
        // Sparse: two gigabytes on paper, nothing on the disk.
        std::fs::File::create(&path)
            .and_then(|file| file.set_len(2 << 30))
            .expect("sparse file");
        let mut outcomes = vec![library.strand.import_playlist(&path, &Unwatched).map(drop)];
        if !name.ends_with(".m3u8") {
            outcomes.push(library.strand.import_catalogue(&path, &Unwatched).map(drop));
        }
        for outcome in outcomes {
            let error = outcome.expect_err("refused");
            assert!(error.to_string().contains("larger than"), "{name}: {error}");
        }
    }
    assert_eq!(library.count("items"), before);
}
