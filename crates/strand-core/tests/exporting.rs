//! Exports: every format re-imports as the same bundle (property tests with awkward titles), a
//! whole-library export restores into a fresh library, and CSV cells never start a formula.

use chrono::Utc;
use proptest::prelude::*;
use strand_core::{BundleId, ExportFormat, ItemDetails, ItemKind, Unwatched, WholeBundle};

use crate::support::{Library, item_order};

fn details(title: &str, creator: &str, index: usize) -> ItemDetails {
    let kind = ItemKind::ALL[index % ItemKind::ALL.len()];
    ItemDetails {
        kind,
        title: title.to_owned(),
        creator: creator.to_owned(),
        duration_ms: index
            .is_multiple_of(2)
            .then_some(1000 + index as u32 * 1001),
        price_cents: (kind == ItemKind::Product).then_some(1299),
        currency: None,
        tags: vec![format!("tag{index}")],
        // Half the items have an address of their own; the rest travel as urn:strand:item.
        source_uri: (index % 2 == 1).then(|| format!("file:///music/{index}%20song.mp3")),
        colour: "#669bbc".into(),
    }
}

/// A draft threading new items with these titles (one twice, as people do).
fn bundle_of(library: &Library, titles: &[(String, String)]) -> WholeBundle {
    let items: Vec<ItemDetails> = titles
        .iter()
        .enumerate()
        .map(|(index, (title, creator))| details(title, creator, index))
        .collect();
    library.strand.add_items(&items).expect("add items");
    let mut bundle = library.strand.create_bundle("Round trip").expect("create");
    let all = library.strand.items(0, 1000).expect("items").items;
    for item in &items {
        let id = all
            .iter()
            .rev()
            .find(|candidate| candidate.details == *item)
            .expect("added item")
            .id;
        bundle = library.strand.add_entry(bundle.id, id, false).expect("add");
    }
    let first = library.entries(bundle.id)[0].item.id;
    library
        .strand
        .add_entry(bundle.id, first, true)
        .expect("add twice");
    library.strand.whole_bundle(bundle.id).expect("bundle")
}

fn export_to_file(library: &Library, bundle: BundleId, format: ExportFormat) -> std::path::PathBuf {
    let text = library
        .strand
        .export_bundle(bundle, format)
        .expect("export");
    let path = library.dir.path().join(format!(
        "exported-{}.{}",
        Utc::now().timestamp_nanos_opt().unwrap_or_default(),
        format.extension()
    ));
    std::fs::write(&path, text).expect("write export");
    path
}

fn awkward_text() -> impl Strategy<Value = String> {
    "[=+@-]?[a-zA-Z0-9äöüßÉ€😀\"',;:&<>%\n ]{0,24}[a-zA-Z0-9ß\"'&<>]"
        .prop_map(|text| text.trim_start().to_owned())
        .prop_filter("non-empty", |text| !text.is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn every_export_format_reimports_as_the_same_items_in_the_same_order(
        titles in prop::collection::vec((awkward_text(), awkward_text()), 1..6)
    ) {
        let library = Library::new(false);
        let bundle = bundle_of(&library, &titles);
        for format in ExportFormat::ALL {
            let path = export_to_file(&library, bundle.bundle.id, format);
            let items_before = library.count("items");
            let import = library.strand.import_playlist(&path, &Unwatched).expect("re-import");
            prop_assert_eq!(library.item_order(import.bundle.id), item_order(&bundle.entries), "{:?}", format);
            prop_assert_eq!(import.summary.created, 0, "{:?}", format);
            prop_assert_eq!(library.count("items"), items_before, "{:?}", format);
        }
    }

    #[test]
    fn strand_json_csv_xspf_and_jspf_carry_the_items_to_a_friends_library(
        titles in prop::collection::vec((awkward_text(), awkward_text()), 1..6)
    ) {
        let mine = Library::new(false);
        let bundle = bundle_of(&mine, &titles);
        for format in [ExportFormat::StrandJson, ExportFormat::Csv, ExportFormat::Xspf, ExportFormat::Jspf] {
            let path = export_to_file(&mine, bundle.bundle.id, format);
            let friend = Library::new(false);
            let import = friend.strand.import_playlist(&path, &Unwatched).expect("import");
            let theirs = friend.entries(import.bundle.id);
            prop_assert_eq!(item_order(&theirs), item_order(&bundle.entries), "{:?}", format);
            for (theirs, ours) in theirs.iter().zip(&bundle.entries) {
                let (theirs, ours) = (&theirs.item.details, &ours.item.details);
                prop_assert_eq!(&theirs.title, &ours.title, "{:?}", format);
                prop_assert_eq!(&theirs.creator, &ours.creator, "{:?}", format);
                prop_assert_eq!(theirs.duration_ms, ours.duration_ms, "{:?}", format);
                if !matches!(format, ExportFormat::Xspf | ExportFormat::Jspf) {
                    // XSPF and JSPF have no kinds, prices or tags; the other two carry everything.
                    prop_assert_eq!(theirs, ours, "{:?}", format);
                }
            }
        }
    }
}

#[test]
fn no_exported_csv_cell_starts_a_formula() {
    let library = Library::new(false);
    let titles: Vec<(String, String)> = ["=1+1", "+SUM(A1)", "-2", "@cmd", "'=quoted"]
        .iter()
        .map(|title| ((*title).to_owned(), "=HYPERLINK(\"x\")".to_owned()))
        .collect();
    let bundle = bundle_of(&library, &titles);
    let csv = library
        .strand
        .export_bundle(bundle.bundle.id, ExportFormat::Csv)
        .expect("export");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    for record in reader.records() {
        for cell in record.expect("record").iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
}

#[test]
fn exporting_everything_restores_every_item_into_a_fresh_library() {
    let library = Library::new(false);
    library.draft("Draft", 5);
    let json = library.strand.export_library().expect("export everything");
    assert!(json.contains("\"format\": \"strand.library\""));
    assert!(json.contains("\"name\": \"Draft\""));
    let path = library.dir.path().join("everything.json");
    std::fs::write(&path, json).expect("write");
    let fresh = Library::new(false);
    let summary = fresh
        .strand
        .import_catalogue(&path, &Unwatched)
        .expect("import");
    // The fresh library already has the same demo catalogue: every item matches by id or address.
    assert_eq!(
        summary.created + summary.matched,
        library.count("items") as u32
    );
    assert_eq!(fresh.count("items"), library.count("items"));
}

#[test]
fn kept_bundles_export_on_every_tier_even_after_premium_lapses() {
    let library = Library::premium();
    let bundle = library.draft("Mine", 3);
    library.strand.keep(bundle.id).expect("keep");
    library
        .strand
        .set_demo_tier(Some(strand_core::Tier::Lapsed))
        .expect("lapse");
    for format in ExportFormat::ALL {
        assert!(
            library.strand.export_bundle(bundle.id, format).is_ok(),
            "{format:?}"
        );
    }
}

#[test]
fn characters_xml_forbids_never_reach_an_xspf_export() {
    let library = Library::new(false);
    let title = "Noise\u{FFFE}\u{FFFF}\u{1}end".to_owned();
    let bundle = bundle_of(&library, &[(title, "Anon".into())]);
    let path = export_to_file(&library, bundle.bundle.id, ExportFormat::Xspf);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        !text.contains(['\u{FFFE}', '\u{FFFF}', '\u{1}']),
        "the XSPF holds a character XML forbids"
    );
    let friend = Library::new(false);
    let import = friend
        .strand
        .import_playlist(&path, &Unwatched)
        .expect("a friend reads it");
    let titles: Vec<_> = friend
        .entries(import.bundle.id)
        .into_iter()
        .map(|entry| entry.item.details.title)
        .collect();
    assert_eq!(titles[0], "Noise\u{FFFD}\u{FFFD}\u{FFFD}end");
}

#[test]
fn a_playlist_saved_with_relative_paths_names_local_files_from_its_folder_and_reimports_them() {
    let library = Library::new(false);
    let titles = [("Tide", "Mara Quill"), ("Glass River", "Nadia Vale")]
        .map(|(title, creator)| (title.to_owned(), creator.to_owned()));
    let bundle = bundle_of(&library, &titles);
    let folder = library.dir.path().join("lists");
    std::fs::create_dir_all(&folder).expect("folder");
    for format in [ExportFormat::M3u8, ExportFormat::Pls, ExportFormat::Wpl] {
        let path = folder.join(format!("mix.{}", format.extension()));
        let text = library
            .strand
            .prepare_export(bundle.bundle.id)
            .expect("prepare")
            .text(format, Some(&path))
            .expect("write");
        assert!(!text.contains("file:"), "{format:?}: {text}");
        assert!(text.contains("music/1 song.mp3"), "{format:?}: {text}");
        std::fs::write(&path, text).expect("save");
        let import = library
            .strand
            .import_playlist(&path, &Unwatched)
            .expect("re-import");
        assert_eq!(
            library.item_order(import.bundle.id),
            item_order(&bundle.entries),
            "{format:?}"
        );
        assert_eq!(import.summary.created, 0, "{format:?}");
    }
}
