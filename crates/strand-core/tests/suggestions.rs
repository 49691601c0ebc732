//! Suggestions on a tiny hand-made library, whose scores are worked out by hand here, and on a
//! generated dataset with planted tastes, where Strand's ranking must beat both baselines.

use strand_core::suggest::{Dataset, ItemFacts, Model, Ranking, Reason};

fn item(creator: &str, tags: &[&str]) -> ItemFacts {
    ItemFacts {
        creator: creator.into(),
        tags: tags.iter().map(|tag| tag.to_string()).collect(),
        kind: "song".into(),
        duration_ms: None,
    }
}

/// Items 0–4; bundles [0, 1, 2], [0, 2] and [1, 3].
fn tiny() -> Model {
    let items = [
        item("Ana", &["jazz"]),
        item("ana", &["Jazz", "live"]),
        item("Bo", &["rock"]),
        item("Cy", &["jazz"]),
        item("Di", &[]),
    ];
    Model::new(&items, &[vec![0, 1, 2], vec![0, 2], vec![1, 3]])
}

#[test]
fn plain_item_knn_counts_the_bundles_each_candidate_shares_with_the_seed() {
    let ranked = tiny().suggest(&[0], 10, Ranking::ItemKnn);
    let scores: Vec<(u32, f32)> = ranked.iter().map(|s| (s.item, s.score)).collect();
    assert_eq!(scores, [(2, 2.0), (1, 1.0)]);
}

#[test]
fn strands_ranking_blends_weighted_co_occurrence_and_content_as_worked_out_by_hand() {
    let weight = |size: f32| 1.0 / (std::f32::consts::E + size).ln();
    // Co-occurrence with seed 0 (in 2 bundles): each shared bundle's weight over the square
    // root of both items' popularity (items 1 and 2 are in 2 bundles each).
    let together_1 = weight(3.0) / 2.0;
    let together_2 = (weight(3.0) + weight(2.0)) / 2.0;
    // Content: item 1 has Ana (the whole seed) and jazz (in 3 of 5 items), is a song as the
    // seed is, and is in 2 bundles, as many as any item; item 3 only the tag, the kind and 1.
    let jazz = (5.0_f32 / 3.0).ln();
    let alike_1 = 1.0 + jazz + 0.1 + 0.5;
    let alike_3 = jazz + 0.1 + 0.5 * 2.0_f32.ln() / 3.0_f32.ln();
    let expected = [
        (2, 1.0),
        (1, together_1 / together_2 + 0.35),
        (3, 0.35 * alike_3 / alike_1),
    ];
    let ranked = tiny().suggest(&[0], 10, Ranking::Strand);
    assert_eq!(ranked.len(), expected.len(), "{ranked:?}");
    for (suggestion, (item, score)) in ranked.iter().zip(expected) {
        assert_eq!(suggestion.item, item);
        assert!(
            (suggestion.score - score).abs() < 1e-5,
            "{suggestion:?} vs {score}"
        );
    }
}

#[test]
fn the_reasons_name_exactly_the_terms_that_made_the_score() {
    let ranked = tiny().suggest(&[0], 10, Ranking::Strand);
    let reasons = |item: u32| {
        ranked
            .iter()
            .find(|s| s.item == item)
            .map(|s| s.reasons.clone())
            .expect("suggested")
    };
    assert_eq!(
        reasons(1),
        [
            Reason::ThreadedWith {
                items: vec![0],
                bundles: 1
            },
            Reason::SameCreator { entries: 1 },
            Reason::SharedTags {
                tags: vec!["jazz".into()]
            },
            Reason::SameKind,
            Reason::OftenThreaded { bundles: 2 },
        ]
    );
    assert_eq!(
        reasons(2),
        [Reason::ThreadedWith {
            items: vec![0],
            bundles: 2
        }]
    );
    assert_eq!(
        reasons(3),
        [
            Reason::SharedTags {
                tags: vec!["jazz".into()]
            },
            Reason::SameKind,
            Reason::OftenThreaded { bundles: 1 },
        ]
    );
}

#[test]
fn a_library_without_bundles_still_gets_suggestions_from_content_and_never_the_seed() {
    let items = [
        item("Ana", &["jazz"]),
        item("Ana", &[]),
        item("Cy", &["jazz"]),
        item("Di", &[]),
    ];
    let ranked = Model::new(&items, &[]).suggest(&[0], 10, Ranking::Strand);
    let order: Vec<u32> = ranked.iter().map(|s| s.item).collect();
    assert_eq!(order, [1, 2]);
}

#[test]
fn a_bundle_added_later_changes_the_model_as_building_it_with_the_bundle_does() {
    let items: Vec<ItemFacts> = (0..6).map(|n| item(&format!("C{n}"), &[])).collect();
    let mut grown = Model::new(&items, &[vec![0, 1]]);
    grown.add_bundle(&[0, 2, 3]);
    let built = Model::new(&items, &[vec![0, 1], vec![0, 2, 3]]);
    for ranking in [Ranking::Strand, Ranking::ItemKnn, Ranking::Popularity] {
        assert_eq!(
            grown.suggest(&[0], 5, ranking),
            built.suggest(&[0], 5, ranking)
        );
    }
}

/// Issue 19's target is Strand ≥ 1.1× item-kNN and ≥ 5× popularity on R-precision; on this
/// smaller data Strand is at 0.97× and 4.4× (the benchmark's: 0.99× and 5.4×, BENCHMARKS.md).
/// This holds the ground gained — well above
/// popularity, level with item-kNN — while the ranking is worked on.
#[test]
fn on_planted_tastes_strand_keeps_up_with_item_knn_and_beats_popularity_fourfold() {
    let reports = Dataset::generated(7, 12, 800).evaluate(7, 500);
    let overall = &reports[0];
    assert!(overall.playlists > 100, "{overall:?}");
    assert!(
        overall.strand.r_precision >= 0.95 * overall.item_knn.r_precision,
        "{overall:?}"
    );
    assert!(
        overall.strand.r_precision >= 4.0 * overall.popularity.r_precision,
        "{overall:?}"
    );
}

#[test]
fn a_playlist_dataset_is_read_from_csv_with_items_matched_by_title_and_creator() {
    let csv = "playlist,title,creator,duration,tags\n\
               Road,Tide,Mara Quill,187,indie;live\n\
               Road,Glass,Nadia Vale,95,\n\
               Home,tide,mara quill,187,indie\n";
    let dataset = Dataset::from_csv(csv.as_bytes()).expect("dataset");
    assert_eq!(dataset.items.len(), 2);
    assert_eq!(dataset.playlists, [vec![0, 1], vec![0]]);
    assert_eq!(dataset.items[0].duration_ms, Some(187_000));
    assert_eq!(dataset.items[0].tags, ["indie", "live"]);
    let refused = Dataset::from_csv("name,artist\nx,y\n".as_bytes());
    assert!(refused.is_err());
}
