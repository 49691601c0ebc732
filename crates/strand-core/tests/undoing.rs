//! Undo and redo against a model: a list of snapshots and a cursor. Random sequences of add,
//! remove, move, sort, rename, undo and redo on a draft and on a kept bundle; after every step the
//! bundle equals the model's snapshot. A kept bundle's history survives a restart.

use proptest::prelude::*;
use strand_core::{Bundle, ErrorCode, SortField, Tier};

use crate::support::{Library, item_order};

#[derive(Clone, Debug)]
enum Op {
    Add(usize),
    Remove(usize),
    Move(usize, usize),
    Sort,
    Rename(u8),
    Undo,
    Redo,
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(
        prop_oneof![
            3 => (0..20_usize).prop_map(Op::Add),
            1 => any::<usize>().prop_map(Op::Remove),
            2 => (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Op::Move(from, to)),
            1 => Just(Op::Sort),
            1 => any::<u8>().prop_map(Op::Rename),
            3 => Just(Op::Undo),
            2 => Just(Op::Redo),
        ],
        1..40,
    )
}

/// What the bundle should look like: its name and its entries in order (by entry id, so the
/// same item threaded twice still tells its entries apart), one snapshot per change.
type Snapshot = (String, Vec<strand_core::EntryId>);

struct Model {
    snapshots: Vec<Snapshot>,
    cursor: usize,
}

impl Model {
    fn now(&self) -> &Snapshot {
        &self.snapshots[self.cursor]
    }

    fn push(&mut self, next: Snapshot) {
        if next != *self.now() {
            self.snapshots.truncate(self.cursor + 1);
            self.snapshots.push(next);
            self.cursor += 1;
        }
    }
}

fn snapshot(bundle: &Bundle) -> Snapshot {
    (
        bundle.name.clone(),
        bundle.entries.iter().map(|entry| entry.id).collect(),
    )
}

fn run(library: &Library, mut bundle: Bundle, ops: Vec<Op>) -> Result<(), TestCaseError> {
    let items = library.first_items(20);
    let mut model = Model {
        snapshots: vec![snapshot(&bundle)],
        cursor: 0,
    };
    for op in ops {
        let strand = &library.strand;
        let len = bundle.entries.len();
        match op {
            Op::Add(item) => {
                bundle = strand.add_entry(bundle.id, items[item]).expect("add");
                model.push(snapshot(&bundle));
            }
            Op::Remove(at) if len > 0 => {
                bundle = strand
                    .remove_entry(bundle.id, bundle.entries[at % len].id)
                    .expect("remove");
                model.push(snapshot(&bundle));
            }
            Op::Move(from, to) if len > 0 => {
                let entry = bundle.entries[from % len].id;
                bundle = strand
                    .move_entry(bundle.id, entry, (to % len) as u32)
                    .expect("move");
                model.push(snapshot(&bundle));
            }
            Op::Sort => {
                bundle = strand
                    .sort_bundle(bundle.id, SortField::Title)
                    .expect("sort");
                model.push(snapshot(&bundle));
            }
            Op::Rename(n) => {
                bundle = strand
                    .rename_bundle(bundle.id, &format!("Name {}", n % 4))
                    .expect("rename");
                model.push(snapshot(&bundle));
            }
            Op::Undo => match strand.undo(bundle.id) {
                Ok(undone) => {
                    prop_assert!(model.cursor > 0, "undid with nothing to undo");
                    model.cursor -= 1;
                    bundle = undone;
                }
                Err(error) => {
                    prop_assert_eq!(error.code(), ErrorCode::Conflict);
                    prop_assert_eq!(model.cursor, 0, "could not undo: {}", error);
                }
            },
            Op::Redo => match strand.redo(bundle.id) {
                Ok(redone) => {
                    prop_assert!(model.cursor + 1 < model.snapshots.len());
                    model.cursor += 1;
                    bundle = redone;
                }
                Err(error) => {
                    prop_assert_eq!(error.code(), ErrorCode::Conflict);
                    prop_assert_eq!(model.cursor + 1, model.snapshots.len(), "could not redo");
                }
            },
            _ => {}
        }
        prop_assert_eq!(&snapshot(&bundle), model.now());
        prop_assert_eq!(
            &snapshot(&strand.bundle(bundle.id).expect("read")),
            model.now()
        );
        prop_assert_eq!(bundle.can_undo, model.cursor > 0);
        prop_assert_eq!(bundle.can_redo, model.cursor + 1 < model.snapshots.len());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn undo_and_redo_on_a_draft_always_match_the_model(ops in ops()) {
        let library = Library::new(false);
        let bundle = library.strand.create_bundle("Name 0").expect("create");
        run(&library, bundle, ops)?;
    }

    #[test]
    fn undo_and_redo_on_a_kept_bundle_always_match_the_model(ops in ops()) {
        let library = Library::premium();
        // Kept empty, so its history starts empty too (a draft's history comes along).
        let draft = library.strand.create_bundle("Name 0").expect("create");
        let kept = library.strand.keep(draft.id).expect("keep");
        run(&library, kept, ops)?;
    }
}

#[test]
fn a_kept_bundles_history_survives_a_restart_and_keeping_carries_the_drafts_history() {
    let library = Library::premium();
    let draft = library.draft("Trip", 3);
    let order = item_order(&draft);
    // Edits made while it was a draft can be undone after keeping.
    let moved = library
        .strand
        .move_entry(draft.id, draft.entries[2].id, 0)
        .expect("move");
    let kept = library.strand.keep(moved.id).expect("keep");
    assert!(kept.can_undo);
    let library = library.restart();
    library
        .strand
        .set_demo_tier(Some(Tier::Premium))
        .expect("premium again");
    let undone = library.strand.undo(kept.id).expect("undo after restart");
    assert_eq!(item_order(&undone), order);
    let library = library.restart();
    library
        .strand
        .set_demo_tier(Some(Tier::Premium))
        .expect("premium again");
    let redone = library.strand.redo(kept.id).expect("redo after restart");
    assert_eq!(item_order(&redone), item_order(&moved));
}

#[test]
fn undoing_a_kept_bundle_is_an_edit_the_gate_decides() {
    let library = Library::premium();
    let draft = library.draft("Mine", 2);
    let kept = library.strand.keep(draft.id).expect("keep");
    let edited = library
        .strand
        .remove_entry(kept.id, kept.entries[0].id)
        .expect("remove");
    library
        .strand
        .set_demo_policy(strand_core::Policy::EditIsPremium)
        .expect("policy");
    library
        .strand
        .set_demo_tier(Some(Tier::Free))
        .expect("free");
    let refused = library.strand.undo(kept.id).expect_err("refused");
    assert_eq!(refused.code(), ErrorCode::PremiumRequired);
    assert_eq!(
        item_order(&library.strand.bundle(kept.id).expect("read")),
        item_order(&edited)
    );
}
