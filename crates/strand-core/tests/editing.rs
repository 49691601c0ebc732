use strand_core::{Capability, EntryId, Error, ItemId, SortField, Tier};

use crate::support::{Library, unknown_bundle};

fn order_keys(library: &Library) -> Vec<(Vec<u8>, Vec<u8>)> {
    let raw = library.raw();
    let mut statement = raw
        .prepare("SELECT id, order_key FROM entries ORDER BY id")
        .expect("prepare");
    statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

#[test]
fn moving_an_entry_of_a_kept_bundle_rewrites_exactly_one_row() {
    let library = Library::premium();
    let draft = library.draft("Big", 50);
    let kept = library.strand.keep(draft.id).expect("keep");
    let entries = library.entries(kept.id);
    let before = order_keys(&library);
    library
        .strand
        .move_entry(kept.id, entries[40].id, Some(entries[2].id))
        .expect("move");
    let after = order_keys(&library);
    let changed = before.iter().zip(&after).filter(|(a, b)| a != b).count();
    assert_eq!(changed, 1);
    assert_eq!(library.entries(kept.id)[3].id, entries[40].id);
    assert_eq!(
        library.strand.bundle(kept.id).expect("bundle").entry_count,
        50
    );
}

#[test]
fn kept_bundles_can_be_renamed_extended_and_trimmed_by_premium_users() {
    let library = Library::premium();
    let draft = library.draft("Mix", 2);
    let kept = library.strand.keep(draft.id).expect("keep");
    let entries = library.entries(kept.id);
    let extra = library.first_items(3)[2];
    library
        .strand
        .rename_bundle(kept.id, "Mix 2")
        .expect("rename");
    library
        .strand
        .add_entry(kept.id, extra, false)
        .expect("add");
    let after = library
        .strand
        .remove_entry(kept.id, entries[0].id)
        .expect("remove");
    assert_eq!(after.name, "Mix 2");
    assert_eq!(after.entry_count, 2);
    assert_eq!(library.item_order(kept.id), vec![entries[1].item.id, extra]);
}

#[test]
fn a_lapsed_user_can_read_kept_bundles_but_not_edit_them() {
    let library = Library::premium();
    let draft = library.draft("Mine", 2);
    let kept = library.strand.keep(draft.id).expect("keep");
    library
        .strand
        .set_demo_tier(Some(Tier::Free))
        .expect("lapse");
    let first = library.entries(kept.id)[0].id;
    let refused = library.strand.remove_entry(kept.id, first);
    assert!(matches!(
        refused,
        Err(Error::PremiumRequired {
            capability: Capability::EditKeptBundle
        })
    ));
    assert_eq!(
        library.strand.bundle(kept.id).expect("still readable"),
        kept
    );
}

#[test]
fn unknown_ids_are_not_found_and_change_nothing() {
    let library = Library::new(false);
    let draft = library.draft("Draft", 2);
    let item = library.first_items(1)[0];
    assert!(matches!(
        library.strand.bundle(unknown_bundle()),
        Err(Error::NotFound { what: "bundle", .. })
    ));
    assert!(matches!(
        library.strand.add_entry(unknown_bundle(), item, false),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        library.strand.add_entry(draft.id, ItemId::new(), false),
        Err(Error::NotFound { what: "item", .. })
    ));
    assert!(matches!(
        library.strand.remove_entry(draft.id, EntryId::new()),
        Err(Error::NotFound { what: "entry", .. })
    ));
    assert!(matches!(
        library.strand.move_entry(draft.id, EntryId::new(), None),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(library.strand.bundle(draft.id).expect("draft"), draft);
}

#[test]
fn bad_names_and_positions_are_invalid_and_change_nothing() {
    let library = Library::new(false);
    let draft = library.draft("Draft", 2);
    let ten_megabytes = "n".repeat(10 * 1024 * 1024);
    for name in ["", "  ", ten_megabytes.as_str()] {
        assert!(matches!(
            library.strand.create_bundle(name),
            Err(Error::Invalid { field: "name", .. })
        ));
        assert!(matches!(
            library.strand.rename_bundle(draft.id, name),
            Err(Error::Invalid { .. })
        ));
    }
    let first = library.entries(draft.id)[0].id;
    assert!(matches!(
        library.strand.move_entry(draft.id, first, Some(first)),
        Err(Error::Invalid { field: "after", .. })
    ));
    assert!(matches!(
        library
            .strand
            .move_entry(draft.id, first, Some(EntryId::new())),
        Err(Error::NotFound { what: "entry", .. })
    ));
    assert_eq!(library.strand.bundle(draft.id).expect("draft"), draft);
    assert_eq!(library.strand.bundles().expect("bundles").len(), 1);
}

#[test]
fn a_bulk_add_skips_items_already_threaded_and_says_how_many() {
    let library = Library::new(false);
    let items = library.first_items(4);
    let draft = library.draft("Bulk", 2);
    let outcome = library
        .strand
        .add_entries(draft.id, &[items[0], items[2], items[2], items[3]])
        .expect("bulk add");
    assert_eq!((outcome.added, outcome.skipped_duplicates), (2, 2));
    assert_eq!(outcome.bundle.entry_count, 4);
    assert_eq!(library.item_order(draft.id), items);
}

#[test]
fn a_bulk_add_naming_an_unknown_item_adds_nothing() {
    let library = Library::new(false);
    let draft = library.draft("Bulk", 1);
    let items = library.first_items(3);
    let refused = library
        .strand
        .add_entries(draft.id, &[items[1], ItemId::new(), items[2]]);
    assert!(matches!(refused, Err(Error::NotFound { what: "item", .. })));
    assert_eq!(library.strand.bundle(draft.id).expect("draft"), draft);
}

#[test]
fn a_bulk_add_to_a_kept_bundle_is_one_gated_transaction() {
    let library = Library::premium();
    let draft = library.draft("Kept bulk", 1);
    let kept = library.strand.keep(draft.id).expect("keep");
    let items = library.first_items(5);
    library
        .strand
        .set_demo_tier(Some(Tier::Free))
        .expect("lapse");
    let refused = library.strand.add_entries(kept.id, &items[1..]);
    assert!(matches!(refused, Err(Error::PremiumRequired { .. })));
    assert_eq!(library.count("entries"), 1);
    library
        .strand
        .set_demo_tier(Some(Tier::Premium))
        .expect("premium");
    let outcome = library
        .strand
        .add_entries(kept.id, &items)
        .expect("bulk add");
    assert_eq!((outcome.added, outcome.skipped_duplicates), (4, 1));
    assert_eq!(library.count("entries"), 5);
}

#[test]
fn an_item_dropped_between_entries_is_threaded_there_and_one_undo_takes_it_off() {
    let library = Library::premium();
    let items = library.first_items(4);
    for kept in [false, true] {
        let id = library.bundle_threading("Dropped onto", &items[..3], kept);
        let entries = library.entries(id);
        library
            .strand
            .add_entry_after(id, items[3], Some(entries[0].id), false)
            .expect("drop after the first");
        library
            .strand
            .add_entry_after(id, items[3], None, true)
            .expect("drop before the first, twice on purpose");
        assert_eq!(
            library.item_order(id),
            [items[3], items[0], items[3], items[1], items[2]],
            "kept: {kept}"
        );
        library.strand.undo(id).expect("undo");
        assert_eq!(
            library.item_order(id),
            [items[0], items[3], items[1], items[2]]
        );
    }
}

#[test]
fn dropping_an_item_after_an_entry_the_bundle_lacks_or_an_item_it_has_changes_nothing() {
    let library = Library::premium();
    let items = library.first_items(3);
    let other = library.bundle_threading("Other", &items[..1], false);
    let elsewhere = library.entries(other)[0].id;
    for kept in [false, true] {
        let id = library.bundle_threading("Target", &items[1..], kept);
        let before = library.strand.bundle(id).expect("bundle");
        let foreign = library
            .strand
            .add_entry_after(id, items[0], Some(elsewhere), false);
        assert!(
            matches!(foreign, Err(Error::NotFound { what: "entry", .. })),
            "{foreign:?}"
        );
        let unknown = library
            .strand
            .add_entry_after(id, items[0], Some(EntryId::new()), false);
        assert!(matches!(
            unknown,
            Err(Error::NotFound { what: "entry", .. })
        ));
        let twice = library.strand.add_entry_after(id, items[1], None, false);
        assert!(matches!(twice, Err(Error::Duplicate)));
        assert_eq!(library.strand.bundle(id).expect("bundle"), before);
        assert_eq!(library.item_order(id), &items[1..]);
    }
}

fn titles(entries: &[strand_core::Entry]) -> Vec<String> {
    entries
        .iter()
        .map(|entry| entry.item.details.title.to_lowercase())
        .collect()
}

#[test]
fn a_draft_sorted_by_title_can_then_be_tweaked_by_hand() {
    let library = Library::new(false);
    let draft = library.draft("Sorted", 6);
    let reversed: Vec<_> = library
        .entries(draft.id)
        .iter()
        .rev()
        .map(|entry| entry.id)
        .collect();
    let mut after = None;
    for id in &reversed {
        library
            .strand
            .move_entry(draft.id, *id, after)
            .expect("scramble");
        after = Some(*id);
    }
    library
        .strand
        .sort_bundle(draft.id, SortField::Title)
        .expect("sort");
    let sorted = library.entries(draft.id);
    let mut expected = titles(&sorted);
    expected.sort();
    assert_eq!(titles(&sorted), expected);
    let last = sorted[5].id;
    library
        .strand
        .move_entry(draft.id, last, None)
        .expect("hand tweak");
    assert_eq!(library.entries(draft.id)[0].id, last);
}

#[test]
fn sorting_a_kept_bundle_is_gated_and_rewrites_it_in_one_go() {
    let library = Library::premium();
    let draft = library.draft("Kept sort", 8);
    let kept = library.strand.keep(draft.id).expect("keep");
    library
        .strand
        .sort_bundle(kept.id, SortField::Duration)
        .expect("sort");
    let by_duration = library.entries(kept.id);
    let durations: Vec<Option<u32>> = by_duration
        .iter()
        .map(|entry| entry.item.details.duration_ms)
        .collect();
    let with: Vec<u32> = durations.iter().flatten().copied().collect();
    assert!(with.windows(2).all(|pair| pair[0] <= pair[1]));
    assert!(
        durations
            .iter()
            .skip_while(|d| d.is_some())
            .all(Option::is_none),
        "no duration goes last"
    );
    let reopened = library.restart();
    assert_eq!(reopened.entries(kept.id), by_duration);

    reopened
        .strand
        .set_demo_tier(Some(Tier::Free))
        .expect("free");
    assert!(matches!(
        reopened.strand.sort_bundle(kept.id, SortField::Title),
        Err(Error::PremiumRequired { .. })
    ));
}

#[test]
fn a_bundle_cover_is_made_of_its_first_four_items_colours_drafts_and_kept_alike() {
    let library = Library::premium();
    let draft = library.draft("Covered", 6);
    let expected: Vec<String> = library
        .entries(draft.id)
        .iter()
        .take(4)
        .map(|e| e.item.details.colour.clone())
        .collect();
    let cover_of = |library: &Library| library.strand.bundles().expect("bundles")[0].cover.clone();
    assert_eq!(cover_of(&library), expected);
    library.strand.keep(draft.id).expect("keep");
    assert_eq!(cover_of(&library), expected);
}

#[test]
fn a_bundles_description_and_colour_are_kept_undoable_and_checked() {
    let library = Library::premium();
    let draft = library.draft("Trip", 2);
    let described = library
        .strand
        .set_bundle_details(draft.id, "  For the\nlong drive ", Some("#E4572E"))
        .expect("details");
    assert_eq!(described.details.description, "For the\nlong drive");
    assert_eq!(described.details.colour.as_deref(), Some("#e4572e"));
    let kept = library.strand.keep(draft.id).expect("keep");
    assert_eq!(kept.details, described.details);
    let summaries = library.strand.bundles().expect("bundles");
    assert_eq!(summaries[0].colour.as_deref(), Some("#e4572e"));

    let library = library.restart();
    library
        .strand
        .set_demo_tier(Some(strand_core::Tier::Premium))
        .expect("premium");
    let reopened = library.strand.bundle(kept.id).expect("read");
    assert_eq!(reopened.details, described.details);
    let plain = library
        .strand
        .set_bundle_details(kept.id, "", None)
        .expect("clear");
    assert_eq!(plain.details, strand_core::BundleDetails::default());
    let undone = library.strand.undo(kept.id).expect("undo");
    assert_eq!(undone.details, described.details);

    for (description, colour) in [("x", Some("red")), ("tab\there", None)] {
        let error = library
            .strand
            .set_bundle_details(kept.id, description, colour)
            .expect_err("refused");
        assert_eq!(error.code(), strand_core::ErrorCode::Invalid);
    }
    assert_eq!(
        library.strand.bundle(kept.id).expect("read").details,
        described.details
    );
}

#[test]
fn a_window_of_entries_carries_each_position_and_the_bundles_total() {
    let library = Library::premium();
    for kept in [false, true] {
        let draft = library.bundle("Windowed", 12, kept);
        let all = library.entries(draft.id);
        let page = library.strand.entries(draft.id, 5, 4).expect("window");
        assert_eq!(page.total, 12);
        assert_eq!(page.entries, all[5..9].to_vec(), "kept: {kept}");
        assert!(page.entries.iter().zip(5..).all(|(e, at)| e.position == at));
        let past_the_end = library.strand.entries(draft.id, 50, 10).expect("window");
        assert!(past_the_end.entries.is_empty());
        for limit in [0, 1001] {
            assert!(matches!(
                library.strand.entries(draft.id, 0, limit),
                Err(Error::Invalid { field: "limit", .. })
            ));
        }
    }
}

#[test]
fn a_search_inside_a_bundle_finds_its_matching_entries_at_their_positions() {
    let library = Library::premium();
    for kept in [false, true] {
        let draft = library.bundle("Searched", 30, kept);
        let all = library.entries(draft.id);
        let word = all[17]
            .item
            .details
            .title
            .split(' ')
            .next()
            .expect("a word");
        let found = library
            .strand
            .find_entries(draft.id, &word[..3], 1000)
            .expect("find");
        assert!(found.entries.iter().any(|entry| entry.id == all[17].id));
        for entry in &found.entries {
            assert_eq!(&all[entry.position as usize], entry, "kept: {kept}");
        }
        let nothing = library
            .strand
            .find_entries(draft.id, "\"NEAR( zzzqqq*", 10)
            .expect("plain text, never syntax");
        assert!(nothing.entries.is_empty());
        let first_two = library.strand.find_entries(draft.id, "", 2).expect("all");
        assert_eq!(first_two.entries, all[..2].to_vec());
    }
}

#[test]
fn adding_an_item_a_bundle_already_threads_asks_first_unless_anyway() {
    let library = Library::premium();
    for kept in [false, true] {
        let draft = library.bundle("Twice", 2, kept);
        let item = library.first_items(1)[0];
        assert!(matches!(
            library.strand.add_entry(draft.id, item, false),
            Err(Error::Duplicate)
        ));
        assert_eq!(library.entries(draft.id).len(), 2);
        let added = library
            .strand
            .add_entry(draft.id, item, true)
            .expect("anyway");
        assert_eq!(added.entry_count, 3);
        assert_eq!(library.item_order(draft.id)[2], item);
    }
}

#[test]
fn an_item_another_bundle_threads_is_no_duplicate_here() {
    let library = Library::premium();
    for kept in [false, true] {
        library.bundle("Has it", 1, kept);
        let other = library.strand.create_bundle("Not yet").expect("draft");
        let other = if kept {
            library.strand.keep(other.id).expect("keep")
        } else {
            other
        };
        let item = library.first_items(1)[0];
        let added = library
            .strand
            .add_entry(other.id, item, false)
            .expect("not a duplicate");
        assert_eq!(added.entry_count, 1);
    }
}

#[test]
fn a_selection_moves_together_in_its_order_and_comes_back_with_one_undo() {
    let library = Library::premium();
    for kept in [false, true] {
        let bundle = library.bundle("Selected", 8, kept);
        let e = library.entries(bundle.id);
        let ids = |picks: &[usize]| picks.iter().map(|&i| e[i].id).collect::<Vec<_>>();
        let order = |library: &Library| {
            library
                .entries(bundle.id)
                .iter()
                .map(|entry| e.iter().position(|x| x.id == entry.id).expect("known"))
                .collect::<Vec<_>>()
        };
        // a b c d e f g h: f, b and d (named in any order) go after g, in bundle order.
        library
            .strand
            .move_entries(bundle.id, &ids(&[5, 1, 3]), Some(e[6].id))
            .expect("move");
        assert_eq!(order(&library), [0, 2, 4, 6, 1, 3, 5, 7], "kept: {kept}");
        library
            .strand
            .move_entries(bundle.id, &ids(&[7, 0]), None)
            .expect("to the front");
        assert_eq!(order(&library), [0, 7, 2, 4, 6, 1, 3, 5]);
        assert!(matches!(
            library
                .strand
                .move_entries(bundle.id, &ids(&[1, 2]), Some(e[2].id)),
            Err(Error::Invalid { .. })
        ));
        library.strand.undo(bundle.id).expect("undo");
        assert_eq!(order(&library), [0, 2, 4, 6, 1, 3, 5, 7]);
        library.strand.undo(bundle.id).expect("undo");
        assert_eq!(order(&library), [0, 1, 2, 3, 4, 5, 6, 7]);
        library
            .strand
            .remove_entries(bundle.id, &ids(&[6, 2, 2]))
            .expect("remove");
        assert_eq!(order(&library), [0, 1, 3, 4, 5, 7]);
        library.strand.undo(bundle.id).expect("undo");
        assert_eq!(order(&library), [0, 1, 2, 3, 4, 5, 6, 7]);
        assert!(matches!(
            library.strand.remove_entries(bundle.id, &[]),
            Err(Error::Invalid { .. })
        ));
    }
}

#[test]
fn entries_copy_and_move_to_another_bundle_skipping_items_it_already_has() {
    let library = Library::premium();
    let items = library.first_items(4);
    let source = library.draft("Source", 4);
    let target = library.strand.create_bundle("Target").expect("create");
    library
        .strand
        .add_entry(target.id, items[1], false)
        .expect("add");
    library.strand.keep(target.id).expect("keep");
    let from = library.entries(source.id);

    let copied = library
        .strand
        .copy_entries(source.id, &[from[0].id, from[1].id], target.id)
        .expect("copy");
    assert_eq!((copied.added, copied.skipped_duplicates), (1, 1));
    assert_eq!(library.item_order(target.id), [items[1], items[0]]);
    assert_eq!(
        library.entries(source.id).len(),
        4,
        "a copy leaves the source"
    );

    let moved = library
        .strand
        .move_entries_to(source.id, &[from[3].id, from[2].id], target.id)
        .expect("move");
    assert_eq!(moved.added, 2);
    assert_eq!(
        library.item_order(target.id),
        [items[1], items[0], items[2], items[3]]
    );
    assert_eq!(library.item_order(source.id), [items[0], items[1]]);

    // Editing the kept target is premium: refused, and neither bundle changes.
    library
        .strand
        .set_demo_tier(Some(Tier::Free))
        .expect("free");
    assert!(matches!(
        library
            .strand
            .move_entries_to(source.id, &[from[0].id], target.id),
        Err(Error::PremiumRequired { .. })
    ));
    assert_eq!(library.item_order(source.id), [items[0], items[1]]);
    assert_eq!(library.entries(target.id).len(), 4);
    assert!(matches!(
        library
            .strand
            .move_entries_to(source.id, &[from[0].id], source.id),
        Err(Error::Invalid { .. })
    ));
}
