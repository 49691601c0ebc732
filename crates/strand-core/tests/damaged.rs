//! A library someone or something damaged, opened anyway: what can still be read is read, and
//! what is gone is shown as gone, never the reason nothing opens.

use strand_core::ExportFormat;

use crate::support::Library;

#[test]
fn a_kept_bundle_whose_item_was_deleted_still_opens_and_exports_showing_the_entry_missing() {
    let library = Library::premium();
    let kept = library.bundle("Dangling", 3, true);
    let gone = library.entries(kept.id)[1].item.id;
    // Entries no longer check their item by foreign key (migration 0013), so this goes through.
    library
        .raw()
        .execute("DELETE FROM items WHERE id = ?1", [gone])
        .expect("delete the item behind one entry");

    let entries = library.entries(kept.id);
    let missing: Vec<bool> = entries.iter().map(|entry| entry.missing).collect();
    assert_eq!(missing, [false, true, false]);
    assert_eq!(
        entries[1].item.id, gone,
        "the missing entry still says which item"
    );
    let window = library.strand.entries(kept.id, 0, 10).expect("a window");
    assert_eq!(window.entries.len(), 3);
    assert!(window.entries[1].missing);

    for format in ExportFormat::ALL {
        let text = library
            .strand
            .export_bundle(kept.id, format)
            .unwrap_or_else(|error| panic!("export as {format:?}: {error}"));
        // WPL names only where an entry plays from; every other format names its title too.
        let named = |entry: &strand_core::Entry| match format {
            ExportFormat::Wpl => entry
                .item
                .details
                .source_uri
                .clone()
                .unwrap_or_else(|| entry.item.id.to_string()),
            _ => entry.item.details.title.clone(),
        };
        assert!(!text.contains(&named(&entries[1])), "{format:?}");
        assert!(text.contains(&named(&entries[2])), "{format:?}");
    }
    library.strand.export_library().expect("export everything");
    let problems = library.strand.check_library().expect("check").problems;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("1 entries thread an item"),
        "{problems:?}"
    );
}

#[test]
fn a_sound_library_passes_the_check_and_a_wrong_count_or_a_shared_key_is_found() {
    let library = Library::premium();
    let kept = library.bundle("Checked", 3, true);
    assert_eq!(
        library.strand.check_library().expect("check").problems,
        Vec::<String>::new()
    );
    let raw = library.raw();
    raw.execute("UPDATE bundles SET entry_count = 7", [])
        .expect("a wrong count");
    raw.execute(
        "UPDATE entries SET order_key = (SELECT MIN(order_key) FROM entries WHERE bundle_id = ?1)
         WHERE bundle_id = ?1",
        [kept.id],
    )
    .expect("one key for all");
    let problems = library.strand.check_library().expect("check").problems;
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("wrong number"), "{problems:?}");
    assert!(problems[1].contains("share one position"), "{problems:?}");
}

#[test]
fn a_draft_whose_item_was_deleted_still_opens_showing_the_entry_missing() {
    let library = Library::new(false);
    let draft = library.draft("Dangling draft", 2);
    let gone = library.entries(draft.id)[0].item.id;
    library
        .raw()
        .execute("DELETE FROM items WHERE id = ?1", [gone])
        .expect("delete the item behind one entry");
    let entries = library.entries(draft.id);
    assert!(entries[0].missing && !entries[1].missing);
}
