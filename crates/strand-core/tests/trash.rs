use strand_core::{Error, Policy, Tier};

use crate::support::Library;

#[test]
fn a_deleted_kept_bundle_waits_in_the_trash_and_comes_back_exactly_as_it_was() {
    let library = Library::premium();
    let draft = library.draft("Summer", 3);
    let kept = library.strand.keep(draft.id).expect("keep");
    let order = library.item_order(kept.id);
    library.strand.delete_bundle(kept.id).expect("delete");
    assert!(library.strand.bundles().expect("bundles").is_empty());
    let trash: Vec<_> = library
        .strand
        .trash()
        .expect("trash")
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(trash, vec!["Summer".to_owned()]);

    let library = library.restart();
    assert_eq!(
        library.strand.trash().expect("trash").len(),
        1,
        "the trash survives a restart"
    );
    let restored = library.strand.restore_bundle(kept.id).expect("restore");
    assert_eq!(restored.entry_count, 3);
    assert_eq!(library.item_order(kept.id), order);
    assert!(library.strand.trash().expect("trash").is_empty());
    assert_eq!(library.strand.bundles().expect("bundles").len(), 1);
}

#[test]
fn a_deleted_draft_can_be_restored_in_the_same_session() {
    let library = Library::new(false);
    let draft = library.draft("Sketch", 2);
    library.strand.delete_bundle(draft.id).expect("delete");
    assert!(library.strand.unkept_draft_names().is_empty());
    assert!(matches!(
        library.strand.keep(draft.id),
        Err(Error::Conflict(_))
    ));
    assert!(matches!(
        library.strand.rename_bundle(draft.id, "x"),
        Err(Error::Conflict(_))
    ));
    assert_eq!(
        library.strand.restore_bundle(draft.id).expect("restore"),
        draft
    );
}

#[test]
fn a_bundle_in_the_trash_cannot_be_edited_until_restored() {
    let library = Library::premium();
    let draft = library.draft("Locked", 2);
    let kept = library.strand.keep(draft.id).expect("keep");
    let first = library.entries(kept.id)[0].id;
    library.strand.delete_bundle(kept.id).expect("delete");
    assert!(matches!(
        library.strand.remove_entry(kept.id, first),
        Err(Error::Conflict(_))
    ));
    assert!(matches!(
        library.strand.delete_bundle(kept.id),
        Err(Error::Conflict(_))
    ));
    assert_eq!(library.count("entries"), 2);
}

#[test]
fn emptying_the_trash_deletes_its_bundles_for_good_and_nothing_else() {
    let library = Library::premium();
    let gone = library.draft("Gone", 2);
    let gone = library.strand.keep(gone.id).expect("keep");
    let stays = library.draft("Stays", 1);
    library.strand.keep(stays.id).expect("keep");
    let sketch = library.draft("Sketch", 1);
    library.strand.delete_bundle(gone.id).expect("delete");
    library.strand.delete_bundle(sketch.id).expect("delete");
    assert_eq!(library.strand.empty_trash().expect("empty"), 2);
    assert_eq!((library.count("bundles"), library.count("entries")), (1, 1));
    assert!(matches!(
        library.strand.restore_bundle(gone.id),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn deleting_and_restoring_are_free_even_after_premium_lapsed() {
    let library = Library::premium();
    let draft = library.draft("Mine", 1);
    let kept = library.strand.keep(draft.id).expect("keep");
    library
        .strand
        .set_demo_tier(Some(Tier::Lapsed))
        .expect("lapse");
    library
        .strand
        .delete_bundle(kept.id)
        .expect("delete while lapsed");
    library
        .strand
        .restore_bundle(kept.id)
        .expect("restore while lapsed");
}

#[test]
fn bundles_in_the_trash_do_not_count_towards_three_free() {
    let library = Library::new(true);
    library
        .strand
        .set_demo_policy(Policy::ThreeFree)
        .expect("policy");
    let mut first = None;
    for index in 0..3 {
        let draft = library.draft(&format!("Free {index}"), 1);
        first.get_or_insert(library.strand.keep(draft.id).expect("free keep").id);
    }
    let fourth = library.draft("Fourth", 1);
    assert!(matches!(
        library.strand.keep(fourth.id),
        Err(Error::PremiumRequired { .. })
    ));
    library
        .strand
        .delete_bundle(first.expect("kept"))
        .expect("delete");
    library.strand.keep(fourth.id).expect("room again");
}
