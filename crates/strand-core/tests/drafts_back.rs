//! Drafts after a crash: journaled as they change, offered back at the next start, still drafts.
//! A drop of the `Strand` without `end_session` is what a crash leaves; `crashing.rs` kills a
//! real process.

use strand_core::{BundleState, ErrorCode, Policy, Tier};

use crate::support::Library;

fn entry_items(library: &Library, id: strand_core::BundleId) -> Vec<strand_core::ItemId> {
    library
        .strand
        .whole_bundle(id)
        .expect("whole")
        .entries
        .into_iter()
        .map(|entry| entry.item.id)
        .collect()
}

#[test]
fn a_draft_built_before_a_crash_is_offered_back_with_its_entries_in_order_and_its_name() {
    let library = Library::new(false);
    let draft = library.draft("Road trip", 6);
    let entries = library.strand.entries(draft.id, 0, 10).expect("entries");
    let last = entries.entries[5].id;
    library
        .strand
        .move_entry(draft.id, last, None)
        .expect("move");
    library
        .strand
        .rename_bundle(draft.id, "Road trip II")
        .expect("rename");
    let before = entry_items(&library, draft.id);

    let library = library.restart();
    let offered = library.strand.drafts_left_behind();
    assert_eq!(offered.len(), 1);
    assert_eq!(offered[0].id, draft.id);
    assert_eq!(offered[0].name, "Road trip II");
    assert_eq!(offered[0].entry_count, 6);
    assert!(
        library.strand.bundles().expect("bundles").is_empty(),
        "nothing comes back until the person says so"
    );

    assert_eq!(library.strand.bring_back_drafts().expect("bring back"), 1);
    let back = library.strand.bundle(draft.id).expect("the draft is back");
    assert_eq!(back.state, BundleState::Draft, "still a draft, not kept");
    assert_eq!(entry_items(&library, draft.id), before);
    assert!(library.strand.drafts_left_behind().is_empty());
}

#[test]
fn undo_still_works_on_a_draft_brought_back() {
    let library = Library::new(false);
    let draft = library.draft("Undo me", 3);
    library
        .strand
        .rename_bundle(draft.id, "Renamed")
        .expect("rename");
    library.strand.undo(draft.id).expect("undo the rename");
    library.strand.redo(draft.id).expect("redo the rename");
    library.strand.undo(draft.id).expect("undo it again");

    let library = library.restart();
    library.strand.bring_back_drafts().expect("bring back");
    let back = library.strand.bundle(draft.id).expect("back");
    assert_eq!(back.name, "Undo me");
    assert!(back.can_redo);
    let redone = library.strand.redo(draft.id).expect("redo after the crash");
    assert_eq!(redone.name, "Renamed");
    library.strand.undo(draft.id).expect("undo");
    library.strand.undo(draft.id).expect("undo an add");
    assert_eq!(
        library.strand.bundle(draft.id).expect("bundle").entry_count,
        2
    );
}

#[test]
fn a_normal_quit_still_lets_unkept_drafts_go() {
    let library = Library::new(false);
    library.draft("Unkept", 3);
    let library = library.quit_and_restart();
    assert!(library.strand.drafts_left_behind().is_empty());
    let library = library.restart();
    assert!(library.strand.drafts_left_behind().is_empty());
}

#[test]
fn kept_trashed_and_let_go_drafts_are_not_offered_back() {
    let library = Library::premium();
    let kept = library.draft("Kept", 2);
    library.strand.keep(kept.id).expect("keep");
    let trashed = library.draft("Trashed", 2);
    library.strand.delete_bundle(trashed.id).expect("trash");
    let restored = library.draft("Trashed and restored", 2);
    library.strand.delete_bundle(restored.id).expect("trash");
    library.strand.restore_bundle(restored.id).expect("restore");
    let emptied = library.draft("Emptied", 2);
    library.strand.delete_bundle(emptied.id).expect("trash");
    library.strand.empty_trash().expect("empty");

    let library = library.restart();
    let offered: Vec<_> = library
        .strand
        .drafts_left_behind()
        .into_iter()
        .map(|draft| draft.name)
        .collect();
    assert_eq!(offered, ["Trashed and restored"]);
    assert_eq!(library.strand.let_drafts_go(), 1);
    let library = library.restart();
    assert!(library.strand.drafts_left_behind().is_empty());
}

#[test]
fn crashing_again_and_again_cannot_keep_a_draft_for_ever() {
    let mut library = Library::new(false);
    let draft = library.draft("Never kept", 2);
    let mut offers = 0;
    loop {
        library = library.restart();
        let offered = library.strand.drafts_left_behind();
        let Some(back) = offered.first() else {
            break;
        };
        offers += 1;
        assert_eq!(back.id, draft.id);
        assert_eq!(
            back.last_time,
            offers == 3,
            "offer {offers} says whether it is the last"
        );
        // Every other time the offer is not even answered before the next crash.
        if offers % 2 == 1 {
            library.strand.bring_back_drafts().expect("bring back");
        }
        assert!(offers <= 3, "offered a fourth time");
    }
    assert_eq!(offers, 3);
}

#[test]
fn a_draft_imported_from_a_playlist_comes_back_with_every_entry() {
    let library = Library::new(false);
    let playlist = library.dir.path().join("mix.m3u8");
    std::fs::write(
        &playlist,
        "#EXTM3U\n#EXTINF:61,A - One\none.mp3\n#EXTINF:62,B - Two\ntwo.mp3\n",
    )
    .expect("playlist");
    let imported = library
        .strand
        .import_playlist(&playlist, &strand_core::Unwatched)
        .expect("import");
    let before = entry_items(&library, imported.bundle.id);
    let library = library.restart();
    library.strand.bring_back_drafts().expect("bring back");
    assert_eq!(entry_items(&library, imported.bundle.id), before);
    assert_eq!(before.len(), 2);
}

#[test]
fn a_journal_of_random_bytes_is_started_afresh_without_losing_the_library() {
    let library = Library::premium();
    let kept = library.bundle("Kept", 3, true);
    library.draft("Lost to the damage", 2);
    let library = library.closed(|path| {
        let journal = path.with_file_name("strand.sqlite-drafts");
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", journal.display()));
        }
        std::fs::write(&journal, b"not a journal at all \x00\xff\xfe").expect("garble");
    });
    assert!(library.strand.drafts_left_behind().is_empty());
    assert_eq!(library.strand.bundle(kept.id).expect("kept").entry_count, 3);
    let draft = library.draft("After", 1);
    let library = library.restart();
    assert_eq!(
        library.strand.drafts_left_behind()[0].id,
        draft.id,
        "the new journal works"
    );
}

#[test]
fn keep_all_keeps_every_draft_only_where_the_policy_lets_the_last_one_be_kept() {
    let library = Library::new(true);
    library.draft("One", 1);
    library.draft("Two", 1);
    assert!(
        !library.strand.can_keep_all().expect("asked"),
        "free tier, founding policy"
    );
    let refused = library
        .strand
        .keep_all()
        .expect_err("the gate still decides");
    assert_eq!(refused.code(), ErrorCode::PremiumRequired);

    library
        .strand
        .set_demo_policy(Policy::ThreeFree)
        .expect("policy");
    assert!(
        library.strand.can_keep_all().expect("asked"),
        "two of three free"
    );
    assert_eq!(library.strand.keep_all().expect("keep all"), 2);
    assert!(library.strand.unkept_draft_names().is_empty());
    assert!(
        !library.strand.can_keep_all().expect("asked"),
        "nothing left to keep"
    );

    library.draft("Three", 1);
    library.draft("Four", 1);
    assert!(
        !library.strand.can_keep_all().expect("asked"),
        "the fourth would pass the three free"
    );
    library
        .strand
        .set_demo_tier(Some(Tier::Premium))
        .expect("tier");
    assert!(library.strand.can_keep_all().expect("asked"));
}
