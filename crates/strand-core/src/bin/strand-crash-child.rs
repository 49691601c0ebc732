//! The child of the crash trials (`tests/crashing.rs`): opens a demo library at the path it is
//! given, switched to Premium, and edits its one kept bundle at random until it is killed — or,
//! given `draft` after the seed, a draft it starts, which only the drafts journal can save.
//! Before each edit it prints `TRY <state>`, the bundle it expects (name and item order), and
//! after the core answered, `OK`: so whatever moment the kill lands, the library must hold the
//! last state answered OK, or the one tried after it.

use std::io::Write;
use std::path::PathBuf;

use strand_core::{BundleState, ItemId, Strand, StrandOptions, Tier};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().expect("library path"));
    let seed: u64 = args.next().and_then(|seed| seed.parse().ok()).unwrap_or(1);
    let edit_a_draft = args.next().as_deref() == Some("draft");
    let strand = Strand::open(
        &path,
        StrandOptions {
            demo: true,
            ..StrandOptions::default()
        },
    )
    .expect("open the library");
    strand
        .set_demo_tier(Some(Tier::Premium))
        .expect("premium in the demo");
    let items: Vec<ItemId> = strand
        .items(0, 50)
        .expect("items")
        .items
        .into_iter()
        .map(|item| item.id)
        .collect();
    let kept = strand
        .bundles()
        .expect("bundles")
        .into_iter()
        .find(|bundle| bundle.state == BundleState::Kept);
    let id = match kept {
        Some(bundle) if !edit_a_draft => bundle.id,
        _ if edit_a_draft => {
            let draft = strand.create_bundle("Trial 0").expect("draft");
            strand.add_entries(draft.id, &items[..20]).expect("thread");
            draft.id
        }
        _ => {
            let draft = strand.create_bundle("Trial 0").expect("draft");
            strand.add_entries(draft.id, &items[..20]).expect("thread");
            strand.keep(draft.id).expect("keep").id
        }
    };
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut out = std::io::stdout().lock();
    loop {
        let bundle = strand.whole_bundle(id).expect("read");
        let (mut name, mut order) = (
            bundle.bundle.name.clone(),
            bundle.entries.iter().map(|e| e.item.id).collect::<Vec<_>>(),
        );
        let entries = bundle.entries;
        let pick = rng.usize(..entries.len().max(1));
        let op = if entries.len() < 5 { 0 } else { rng.u8(..4) };
        match op {
            0 => order.push(items[rng.usize(..items.len())]),
            1 => {
                order.remove(pick);
            }
            2 => {
                let moved = order.remove(pick);
                order.insert(0, moved);
            }
            _ => name = format!("Trial {}", rng.u32(..1000)),
        }
        writeln!(out, "TRY {}", state(&name, &order)).expect("print");
        out.flush().expect("flush");
        let answered = match op {
            0 => strand.add_entry(id, *order.last().expect("added"), true),
            1 => strand.remove_entry(id, entries[pick].id),
            2 => strand.move_entry(id, entries[pick].id, None),
            _ => strand.rename_bundle(id, &name),
        };
        answered.expect("the edit");
        writeln!(out, "OK").expect("print");
        out.flush().expect("flush");
    }
}

/// A bundle's name and item order as one line.
fn state(name: &str, order: &[ItemId]) -> String {
    let items: Vec<String> = order.iter().map(ItemId::to_string).collect();
    format!("{name}|{}", items.join(","))
}
