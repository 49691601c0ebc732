//! What a bundle adds up to: its running time over the entries that have one, and its prices
//! summed per currency — the same whether the draft is summed in memory or the kept bundle by
//! SQLite.

use strand_core::{BundleTotals, ItemDetails, ItemKind, PriceTotal};

use crate::support::Library;

fn thing(kind: ItemKind, duration_ms: Option<u32>, price: Option<(u32, &str)>) -> ItemDetails {
    ItemDetails {
        kind,
        title: format!("{kind:?} {duration_ms:?} {price:?}"),
        creator: String::new(),
        duration_ms,
        price_cents: price.map(|(cents, _)| cents),
        currency: price.and_then(|(_, code)| (!code.is_empty()).then(|| code.to_owned())),
        tags: Vec::new(),
        source_uri: None,
        colour: "#336699".into(),
    }
}

#[test]
fn a_bundle_adds_up_its_time_and_its_prices_per_currency_alike_as_draft_and_kept() {
    let library = Library::premium();
    let made: Vec<_> = [
        thing(ItemKind::Song, Some(187_000), None),
        thing(ItemKind::Stream, Some(3_600_000), None),
        thing(ItemKind::Product, None, Some((4_950, "CHF"))),
        thing(ItemKind::Service, None, Some((1_200, "EUR"))),
        thing(ItemKind::Product, None, Some((300, ""))),
        thing(ItemKind::Note, None, None),
    ]
    .into_iter()
    .map(|details| library.strand.create_item(details).expect("made").id)
    .collect();
    // The song and the lamp threaded twice count twice.
    let draft = library.bundle_threading("Mixed", &made, false);
    for again in [made[0], made[2]] {
        library
            .strand
            .add_entry(draft, again, true)
            .expect("thread again");
    }

    let expected = BundleTotals {
        duration_ms: 187_000 * 2 + 3_600_000,
        timed: 3,
        prices: vec![
            PriceTotal {
                currency: Some("CHF".into()),
                cents: 9_900,
                entries: 2,
            },
            PriceTotal {
                currency: Some("EUR".into()),
                cents: 1_200,
                entries: 1,
            },
            PriceTotal {
                currency: None,
                cents: 300,
                entries: 1,
            },
        ],
    };
    assert_eq!(
        library.strand.bundle_totals(draft).expect("draft totals"),
        expected
    );
    let kept = library.strand.keep(draft).expect("keep");
    assert_eq!(
        library.strand.bundle_totals(kept.id).expect("kept totals"),
        expected
    );
    assert_eq!(
        library
            .strand
            .bundle_totals(strand_core::BundleId::new())
            .expect_err("unknown")
            .code(),
        strand_core::ErrorCode::NotFound
    );
}
