//! A person's own items, by hand: made, pasted, edited, deleted (and that undone) and merged.

use strand_core::{Error, ErrorCode, ItemDetails, ItemKind, Opening, Policy, Tier};

use crate::support::Library;

fn lamp() -> ItemDetails {
    ItemDetails {
        kind: ItemKind::Product,
        title: "  Brass desk lamp ".into(),
        creator: "Lumen & Co".into(),
        duration_ms: None,
        price_cents: Some(4_950),
        currency: Some("chf".into()),
        tags: vec!["home".into(), " light ".into(), "home".into()],
        source_uri: Some("https://shop.example.org/lamp".into()),
        colour: "#aa7733".into(),
    }
}

fn field_of(error: Error) -> &'static str {
    match error {
        Error::Invalid { field, .. } => field,
        other => panic!("expected an invalid field, got {other:?}"),
    }
}

#[test]
fn an_item_made_by_hand_is_checked_stored_and_found_by_search() {
    let library = Library::new(false);
    let made = library.strand.create_item(lamp()).expect("made");
    assert_eq!(made.details.title, "Brass desk lamp");
    assert_eq!(made.details.currency.as_deref(), Some("CHF"));
    assert_eq!(made.details.tags, vec!["home", "light"]);
    let restarted = library.restart();
    assert_eq!(restarted.strand.item(made.id).expect("stored"), made);
    let found = restarted
        .strand
        .search_items("brass", None, None, 10)
        .expect("search");
    assert_eq!(found.items, vec![made]);
}

#[test]
fn a_bad_item_is_refused_naming_what_is_wrong_and_nothing_is_added() {
    let library = Library::new(false);
    let before = library.count("items");
    type Spoil = fn(&mut ItemDetails);
    let cases: [(&str, Spoil); 5] = [
        ("colour", |item| item.colour = "orange".into()),
        ("item", |item| item.currency = Some("EURO".into())),
        ("item", |item| item.title = "x".repeat(1001)),
        ("sourceUri", |item| {
            item.source_uri = Some("shop/lamp".into())
        }),
        ("item", |item| {
            item.title = "\u{200B}".into();
            item.source_uri = None;
        }),
    ];
    for (field, spoil) in cases {
        let mut item = lamp();
        spoil(&mut item);
        let refused = library.strand.create_item(item).expect_err("refused");
        assert_eq!(field_of(refused), field);
    }
    assert_eq!(library.count("items"), before);
}

#[test]
fn a_pasted_web_address_becomes_a_link_titled_from_it_and_pasting_it_again_is_refused() {
    let library = Library::new(false);
    let link = library
        .strand
        .create_item_from_address(" https://example.org/reading/Slow%20Cooking.html ")
        .expect("link");
    assert_eq!(link.details.kind, ItemKind::Link);
    assert_eq!(link.details.title, "Slow Cooking");
    assert_eq!(
        link.details.source_uri.as_deref(),
        Some("https://example.org/reading/Slow%20Cooking.html")
    );
    let again = library
        .strand
        .create_item_from_address("https://example.org/reading/Slow%20Cooking.html")
        .expect_err("already there");
    assert_eq!(again.code(), ErrorCode::Conflict);
    let words = library
        .strand
        .create_item_from_address("remember the milk")
        .expect_err("not an address");
    assert_eq!(field_of(words), "address");
}

#[test]
fn a_pasted_path_of_an_unreadable_audio_file_is_refused_saying_why() {
    let library = Library::new(false);
    let fake = library.dir.path().join("not really.mp3");
    std::fs::write(&fake, b"these bytes are no audio").expect("write");
    let refused = library
        .strand
        .create_item_from_address(&fake.display().to_string())
        .expect_err("unreadable");
    assert_eq!(field_of(refused), "address");
    let note = library.dir.path().join("notes.txt");
    std::fs::write(&note, b"a file").expect("write");
    let linked = library
        .strand
        .create_item_from_address(&note.display().to_string())
        .expect("a link to a file");
    assert_eq!(linked.details.kind, ItemKind::Link);
    assert_eq!(linked.details.title, "notes");
}

#[test]
fn an_edited_item_shows_its_new_title_in_every_bundle_and_in_search() {
    let library = Library::premium();
    let item = library.first_items(1)[0];
    let draft = library.bundle_threading("Draft", &[item], false);
    let kept = library.bundle_threading("Kept", &[item], true);
    let mut details = library.strand.item(item).expect("item").details;
    details.title = "Renamed by hand".into();
    library.strand.update_item(item, details).expect("edited");
    for bundle in [draft, kept] {
        assert_eq!(
            library.entries(bundle)[0].item.details.title,
            "Renamed by hand"
        );
    }
    let found = library
        .strand
        .search_items("renamed", None, None, 10)
        .expect("search");
    assert_eq!(found.items.len(), 1);
    let unknown = library
        .strand
        .update_item(strand_core::ItemId::new(), lamp())
        .expect_err("no such item");
    assert_eq!(unknown.code(), ErrorCode::NotFound);
}

#[test]
fn deleting_items_says_first_what_it_changes_then_takes_their_entries_off_every_bundle() {
    let library = Library::premium();
    let items = library.first_items(4);
    let draft = library.bundle_threading("Draft", &items, false);
    let kept = library.bundle_threading("Kept", &[items[1], items[0], items[1]], true);
    let trashed = library.bundle_threading("Trashed", &[items[0]], true);
    library.strand.delete_bundle(trashed).expect("trash");
    let uses = library.strand.item_uses(&items[..2]).expect("uses");
    assert_eq!(
        (uses.bundles, uses.kept, uses.entries, uses.in_trash),
        (3, 2, 5, 1)
    );
    let before = library.strand.items(0, 1).expect("page").total;

    let gone = library.strand.delete_items(&items[..2]).expect("deleted");
    assert_eq!(gone.items, 2);
    assert_eq!(gone.uses, uses);
    assert_eq!(library.item_order(draft), items[2..]);
    assert!(library.item_order(kept).is_empty());
    library.strand.restore_bundle(trashed).expect("restore");
    assert!(library.item_order(trashed).is_empty());
    assert_eq!(library.strand.items(0, 1).expect("page").total, before - 2);
    assert_eq!(
        library.strand.item(items[0]).expect_err("gone").code(),
        ErrorCode::NotFound
    );
    assert!(library.check_finds_nothing());
}

#[test]
fn undoing_a_deletion_brings_the_items_and_every_entry_back_in_place() {
    let library = Library::premium();
    let items = library.first_items(5);
    let draft = library.bundle_threading("Draft", &items, false);
    let kept = library.bundle_threading("Kept", &items, true);
    let before = library.strand.items(0, 1000).expect("page");
    let originals: Vec<_> = items[1..3]
        .iter()
        .map(|id| library.strand.item(*id).expect("item"))
        .collect();

    library.strand.delete_items(&items[1..3]).expect("deleted");
    library.strand.undo_item_removal().expect("undone");
    assert_eq!(library.item_order(draft), items);
    assert_eq!(library.item_order(kept), items);
    assert_eq!(library.strand.items(0, 1000).expect("page"), before);
    for original in originals {
        assert_eq!(library.strand.item(original.id).expect("back"), original);
    }
    let twice = library
        .strand
        .undo_item_removal()
        .expect_err("nothing left");
    assert_eq!(twice.code(), ErrorCode::Conflict);
    // The bundles' own undo still works: the deletion's edit is now theirs to redo.
    library.strand.redo(draft).expect("redo in the draft");
    assert_eq!(library.entries(draft).len(), 3);
}

#[test]
fn a_deletion_is_not_undone_as_a_whole_once_a_bundle_it_changed_was_edited_again() {
    let library = Library::premium();
    let items = library.first_items(3);
    let draft = library.bundle_threading("Draft", &items, false);
    library.strand.delete_items(&items[..1]).expect("deleted");
    library
        .strand
        .move_entry(draft, library.entries(draft)[1].id, None)
        .expect("edited since");
    let refused = library
        .strand
        .undo_item_removal()
        .expect_err("edited since");
    assert_eq!(refused.code(), ErrorCode::Conflict);
    assert_eq!(
        library
            .strand
            .item(items[0])
            .expect_err("still gone")
            .code(),
        ErrorCode::NotFound
    );
    assert_eq!(library.entries(draft).len(), 2);
}

#[test]
fn a_deletion_that_would_edit_a_kept_bundle_passes_the_gate_or_changes_nothing() {
    let library = Library::premium();
    let items = library.first_items(2);
    let draft = library.bundle_threading("Draft", &items, false);
    let kept = library.bundle_threading("Kept", &items, true);
    library
        .strand
        .set_demo_tier(Some(Tier::Free))
        .expect("free");
    library
        .strand
        .set_demo_policy(Policy::EditIsPremium)
        .expect("policy");
    let refused = library.strand.delete_items(&items[..1]).expect_err("gated");
    assert_eq!(refused.code(), ErrorCode::PremiumRequired);
    assert_eq!(library.item_order(draft), items);
    assert_eq!(library.item_order(kept), items);
    assert!(library.strand.item(items[0]).is_ok());
}

#[test]
fn merging_items_rethreads_their_entries_in_place_and_undoes_as_a_whole() {
    let library = Library::premium();
    let items = library.first_items(4);
    let draft = library.bundle_threading("Draft", &items, false);
    let kept = library.bundle_threading("Kept", &[items[2], items[3]], true);
    let gone = library
        .strand
        .merge_items(items[0], &items[2..])
        .expect("merged");
    assert_eq!(
        (gone.items, gone.uses.bundles, gone.uses.entries),
        (2, 2, 4)
    );
    assert_eq!(
        library.item_order(draft),
        [items[0], items[1], items[0], items[0]]
    );
    assert_eq!(library.item_order(kept), [items[0], items[0]]);
    let into_itself = library
        .strand
        .merge_items(items[0], &[items[0]])
        .expect_err("refused");
    assert_eq!(field_of(into_itself), "others");

    library.strand.undo_item_removal().expect("undone");
    assert_eq!(library.item_order(draft), items);
    assert_eq!(library.item_order(kept), items[2..]);
    assert!(library.check_finds_nothing());
}

#[test]
fn a_merge_survives_a_restart_and_the_kept_bundle_undoes_it_on_its_own() {
    let library = Library::premium();
    let items = library.first_items(2);
    let kept = library.bundle_threading("Kept", &items, true);
    library
        .strand
        .merge_items(items[0], &items[1..])
        .expect("merged");
    let library = library.restart();
    library
        .strand
        .set_demo_tier(Some(Tier::Premium))
        .expect("premium again");
    assert_eq!(library.item_order(kept), [items[0], items[0]]);
    library.strand.undo(kept).expect("the bundle's own undo");
    let entries = library.entries(kept);
    assert_eq!(entries[1].item.id, items[1]);
    assert_eq!(entries[1].item.details.title, "Missing item");
}

#[test]
fn opening_an_item_hands_over_only_its_own_address_or_its_file_if_it_is_there() {
    let library = Library::new(false);
    let lamp = library.strand.create_item(lamp()).expect("made");
    assert_eq!(
        library.strand.opening(lamp.id).expect("opens"),
        Opening::Address("https://shop.example.org/lamp".into())
    );

    let song = library.dir.path().join("gone.pdf");
    let linked = library
        .strand
        .create_item_from_address(song.to_str().expect("utf-8 path"))
        .expect("pasted");
    assert_eq!(
        field_of(library.strand.opening(linked.id).expect_err("gone")),
        "item"
    );

    let note = ItemDetails {
        kind: ItemKind::Note,
        source_uri: None,
        price_cents: None,
        currency: None,
        ..lamp.details
    };
    let note = library.strand.create_item(note).expect("made");
    let refused = library
        .strand
        .opening(note.id)
        .expect_err("nothing to open");
    assert!(refused.to_string().contains("has no address"), "{refused}");
}
