//! Undo and redo against a model: a list of snapshots and a cursor. Random sequences of add,
//! remove, move, sort, rename, merging items, undo and redo on a draft and on a kept bundle; after every step the
//! bundle equals the model's snapshot. A kept bundle's history survives a restart.

use proptest::prelude::*;
use strand_core::{Bundle, ErrorCode, SortField, Tier};

use crate::support::Library;

#[derive(Clone, Debug)]
enum Op {
    Add(usize),
    Remove(usize),
    Move(usize, usize),
    /// Several entries (picked by these numbers) moved together to after the entry at a place.
    MoveMany(Vec<usize>, usize),
    RemoveMany(Vec<usize>),
    /// The last entry moved to the front (or the first to the end) this many times in a row: the
    /// runs that wear a gap's keys down to their edge bytes.
    MoveRun {
        to_front: bool,
        times: usize,
    },
    Sort,
    Rename(u8),
    /// The item of the entry at a place merged into an item made for it: every entry threading
    /// it threads the new one, in place.
    Merge(usize),
    Undo,
    Redo,
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(
        prop_oneof![
            3 => (0..20_usize).prop_map(Op::Add),
            1 => any::<usize>().prop_map(Op::Remove),
            2 => (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Op::Move(from, to)),
            2 => (prop::collection::vec(any::<usize>(), 1..5), any::<usize>())
                .prop_map(|(picked, to)| Op::MoveMany(picked, to)),
            1 => prop::collection::vec(any::<usize>(), 1..4).prop_map(Op::RemoveMany),
            1 => (any::<bool>(), 100..300_usize)
                .prop_map(|(to_front, times)| Op::MoveRun { to_front, times }),
            1 => Just(Op::Sort),
            1 => any::<u8>().prop_map(Op::Rename),
            1 => any::<usize>().prop_map(Op::Merge),
            3 => Just(Op::Undo),
            2 => Just(Op::Redo),
        ],
        1..40,
    )
}

/// What the bundle should look like: its name and its entries in order (by entry id, so the
/// same item threaded twice still tells its entries apart, each with the item it threads), one
/// snapshot per change.
type Snapshot = (String, Vec<(strand_core::EntryId, strand_core::ItemId)>);

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

/// The bundle as an editor answers it, and every entry read back, as one snapshot; the entry
/// count the head gives must agree with the entries.
fn snapshot(library: &Library, bundle: &Bundle) -> Snapshot {
    let entries: Vec<_> = library
        .entries(bundle.id)
        .iter()
        .map(|entry| (entry.id, entry.item.id))
        .collect();
    assert_eq!(bundle.entry_count as usize, entries.len());
    (bundle.name.clone(), entries)
}

fn run(library: &Library, mut bundle: Bundle, ops: Vec<Op>) -> Result<(), TestCaseError> {
    let mut items = library.first_items(20);
    let mut model = Model {
        snapshots: vec![snapshot(library, &bundle)],
        cursor: 0,
    };
    for op in ops {
        let strand = &library.strand;
        let entries = library.entries(bundle.id);
        let len = entries.len();
        match op {
            Op::Add(item) => {
                // Anyway: the same item twice tells entries apart from items.
                bundle = strand.add_entry(bundle.id, items[item], true).expect("add");
                model.push(snapshot(library, &bundle));
            }
            Op::Remove(at) if len > 0 => {
                bundle = strand
                    .remove_entry(bundle.id, entries[at % len].id)
                    .expect("remove");
                model.push(snapshot(library, &bundle));
            }
            Op::Move(from, to) if len > 0 => {
                // Where a person drops it: after the entry shown at `to` (first, at 0), in the
                // list as it is without the moving entry.
                let entry = entries[from % len].id;
                let others: Vec<_> = entries.iter().filter(|e| e.id != entry).collect();
                let to = to % len;
                let after = to.checked_sub(1).map(|i| others[i].id);
                bundle = strand.move_entry(bundle.id, entry, after).expect("move");
                model.push(snapshot(library, &bundle));
            }
            Op::MoveMany(picked, to) if len > 0 => {
                let picked: Vec<_> = picked.iter().map(|at| entries[at % len].id).collect();
                let others: Vec<_> = entries.iter().filter(|e| !picked.contains(&e.id)).collect();
                // After an entry outside the selection (or first), as a drop would land.
                let after = (to % (others.len() + 1))
                    .checked_sub(1)
                    .map(|i| others[i].id);
                bundle = strand
                    .move_entries(bundle.id, &picked, after)
                    .expect("move many");
                model.push(snapshot(library, &bundle));
            }
            Op::RemoveMany(picked) if len > 0 => {
                let picked: Vec<_> = picked.iter().map(|at| entries[at % len].id).collect();
                bundle = strand
                    .remove_entries(bundle.id, &picked)
                    .expect("remove many");
                model.push(snapshot(library, &bundle));
            }
            Op::MoveRun { to_front, times } if len > 1 => {
                // Each move is an undo step of its own.
                for _ in 0..times {
                    bundle = move_end_over(library, bundle.id, to_front);
                    model.push(snapshot(library, &bundle));
                }
            }
            Op::Sort => {
                bundle = strand
                    .sort_bundle(bundle.id, SortField::Title)
                    .expect("sort");
                model.push(snapshot(library, &bundle));
            }
            Op::Rename(n) => {
                bundle = strand
                    .rename_bundle(bundle.id, &format!("Name {}", n % 4))
                    .expect("rename");
                model.push(snapshot(library, &bundle));
            }
            // An entry an undone merge left threading the item merged away threads a missing
            // item, which the library no longer offers to merge.
            Op::Merge(at) if len > 0 && strand.item(entries[at % len].item.id).is_ok() => {
                let merged = entries[at % len].item.clone();
                let mut details = merged.details.clone();
                details.title = format!("{} (merged)", details.title);
                let survivor = strand.create_item(details).expect("an item to merge into");
                strand
                    .merge_items(survivor.id, &[merged.id])
                    .expect("merge");
                // Later adds thread what the library still holds.
                for item in items.iter_mut().filter(|item| **item == merged.id) {
                    *item = survivor.id;
                }
                bundle = strand.bundle(bundle.id).expect("read");
                model.push(snapshot(library, &bundle));
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
        prop_assert_eq!(&snapshot(library, &bundle), model.now());
        prop_assert_eq!(
            &snapshot(library, &strand.bundle(bundle.id).expect("read")),
            model.now()
        );
        prop_assert_eq!(bundle.can_undo, model.cursor > 0);
        prop_assert_eq!(bundle.can_redo, model.cursor + 1 < model.snapshots.len());
    }
    Ok(())
}

/// Moves the last entry to the front, or the first to the end.
fn move_end_over(library: &Library, id: strand_core::BundleId, to_front: bool) -> Bundle {
    let entries = library.entries(id);
    let (first, last) = (&entries[0], &entries[entries.len() - 1]);
    let (moving, after) = if to_front {
        (last.id, None)
    } else {
        (first.id, Some(last.id))
    };
    library
        .strand
        .move_entry(id, moving, after)
        .expect("move an end over")
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

/// A run of moves to one end wears the keys there down to 0x00 (to the front) or 0xFF (to the
/// end) bytes; a move between two such keys is where fractional_index 2.0.2 underflows.
fn worn_keys_keep_their_order(kept: bool) {
    let library = Library::premium();
    let bundle = library.bundle("Worn", 3, kept);
    for to_front in [true, false] {
        for _ in 0..129 {
            move_end_over(&library, bundle.id, to_front);
        }
        let before: Vec<_> = library.entries(bundle.id).iter().map(|e| e.id).collect();
        // The last entry to right after the first.
        let moved = library
            .strand
            .move_entry(bundle.id, before[2], Some(before[0]))
            .expect("move between worn keys");
        let after: Vec<_> = library.entries(bundle.id).iter().map(|e| e.id).collect();
        assert_eq!(
            after,
            vec![before[0], before[2], before[1]],
            "to front: {to_front}"
        );
        assert_eq!(moved.entry_count, 3);
    }
    if kept {
        let keys: Vec<Vec<u8>> = library
            .raw()
            .prepare("SELECT order_key FROM entries ORDER BY order_key")
            .expect("keys")
            .query_map([], |row| row.get(0))
            .expect("keys")
            .collect::<Result<_, _>>()
            .expect("keys");
        assert!(keys.windows(2).all(|pair| pair[0] < pair[1]), "{keys:?}");
    }
}

#[test]
fn a_draft_keeps_its_order_after_long_runs_of_moves_to_either_end() {
    worn_keys_keep_their_order(false);
}

#[test]
fn a_kept_bundle_keeps_its_order_after_long_runs_of_moves_to_either_end() {
    worn_keys_keep_their_order(true);
}

#[test]
fn a_kept_bundles_history_survives_a_restart_and_keeping_carries_the_drafts_history() {
    let library = Library::premium();
    let draft = library.draft("Trip", 3);
    let order = library.item_order(draft.id);
    // Edits made while it was a draft can be undone after keeping.
    library.move_to_front(draft.id, 2);
    let moved = library.item_order(draft.id);
    let kept = library.strand.keep(draft.id).expect("keep");
    assert!(kept.can_undo);
    let library = library.restart();
    library
        .strand
        .set_demo_tier(Some(Tier::Premium))
        .expect("premium again");
    library.strand.undo(kept.id).expect("undo after restart");
    assert_eq!(library.item_order(kept.id), order);
    let library = library.restart();
    library
        .strand
        .set_demo_tier(Some(Tier::Premium))
        .expect("premium again");
    library.strand.redo(kept.id).expect("redo after restart");
    assert_eq!(library.item_order(kept.id), moved);
}

#[test]
fn undoing_a_kept_bundle_is_an_edit_the_gate_decides() {
    let library = Library::premium();
    let draft = library.draft("Mine", 2);
    let kept = library.strand.keep(draft.id).expect("keep");
    let first = library.entries(kept.id)[0].id;
    library.strand.remove_entry(kept.id, first).expect("remove");
    let edited = library.item_order(kept.id);
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
    assert_eq!(library.item_order(kept.id), edited);
}
