use std::sync::atomic::{AtomicBool, Ordering};

use strand_core::{Error, ItemKind};

use crate::support::Library;

fn titles_and_creators(library: &Library, text: &str) -> Vec<(String, String)> {
    let results = library
        .strand
        .search_items(text, None, None, 50)
        .expect("search");
    results
        .items
        .into_iter()
        .map(|item| (item.details.title, item.details.creator))
        .collect()
}

#[test]
fn a_prefix_without_its_accent_finds_the_accented_name() {
    let library = Library::new(false);
    let found = titles_and_creators(&library, "Mot");
    assert!(!found.is_empty());
    assert!(found.iter().all(|(title, creator)| {
        let text = format!("{title} {creator}").to_lowercase();
        text.contains("möt") || text.contains("mot")
    }));
    assert!(found.iter().any(|(_, creator)| creator == "Mötley Meadows"));
    assert!(
        titles_and_creators(&library, "jonas oberg")
            .iter()
            .all(|(_, creator)| creator == "Jonas Öberg")
    );
}

#[test]
fn strasse_finds_strasse_with_an_eszett_and_back_also_after_a_rename_and_a_reopen() {
    let library = Library::new(false);
    let spelled_ss = titles_and_creators(&library, "strasse");
    assert!(!spelled_ss.is_empty());
    assert!(spelled_ss.iter().all(|(title, _)| title.contains("Straße")));
    assert_eq!(titles_and_creators(&library, "straße"), spelled_ss);
    assert_eq!(titles_and_creators(&library, "Straß"), spelled_ss);
    // Rows renamed in the database are folded by the index trigger.
    library
        .raw()
        .execute(
            "UPDATE items SET title = 'Große Zephyrstraße' WHERE rowid = 1",
            [],
        )
        .expect("rename");
    let library = library.restart();
    let found = titles_and_creators(&library, "zephyrstrasse");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "Große Zephyrstraße");
    assert_eq!(titles_and_creators(&library, "grosse zephyr"), found);
}

#[test]
fn a_library_indexed_before_eszett_folding_is_folded_when_it_is_opened() {
    let library = Library::new(false);
    {
        let raw = library.raw();
        // As version 5 left it: the index held "ß" as typed (written after the rename, whose
        // trigger already folds).
        raw.execute_batch(
            "UPDATE items SET title = 'Alte Zephyrstraße' WHERE rowid = 2;
             UPDATE items_fts SET title = 'Alte Zephyrstraße' WHERE rowid = 2;",
        )
        .expect("an older library");
    }
    library.roll_back_to(5);
    let library = library.restart();
    let found = titles_and_creators(&library, "zephyrstrasse");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Alte Zephyrstraße");
}

#[test]
fn every_word_must_match_and_tags_are_searched_too() {
    let library = Library::new(false);
    let found = library
        .strand
        .search_items("indie mara", None, None, 100)
        .expect("search")
        .items;
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|item| item.details.tags.contains(&"indie".to_owned())
                && item.details.creator == "Mara Quill")
    );
}

#[test]
fn a_one_letter_prefix_answers_the_first_page_and_says_there_is_more() {
    let library = Library::new(false);
    let results = library
        .strand
        .search_items("a", None, None, 10)
        .expect("search");
    assert_eq!(results.items.len(), 10);
    assert!(results.more);
}

#[test]
fn the_kind_filter_keeps_only_that_kind_with_or_without_text() {
    let library = Library::new(false);
    for text in ["amber", ""] {
        let results = library
            .strand
            .search_items(text, Some(ItemKind::Product), None, 50)
            .expect("search");
        assert!(!results.items.is_empty(), "{text:?}");
        assert!(
            results
                .items
                .iter()
                .all(|item| item.details.kind == ItemKind::Product)
        );
    }
}

#[test]
fn query_syntax_and_huge_searches_are_plain_text_and_never_errors() {
    let library = Library::new(false);
    let huge = "x".repeat(10_000);
    for text in [
        "\"",
        "*",
        "NEAR(",
        "AND",
        "amber AND",
        "\"amber",
        "title:amber",
        "-",
        "^",
        huge.as_str(),
        "",
    ] {
        library
            .strand
            .search_items(text, None, None, 50)
            .unwrap_or_else(|error| panic!("{text:.20}: {error}"));
    }
    // "AND" is searched as a word, not an operator between nothing.
    assert!(
        library
            .strand
            .search_items("AND", None, None, 50)
            .expect("search")
            .items
            .is_empty()
    );
}

#[test]
fn search_follows_the_library_when_it_is_replaced() {
    let library = Library::new(true);
    let before = titles_and_creators(&library, "amber").len();
    library.strand.reset_demo().expect("reset");
    assert_eq!(titles_and_creators(&library, "amber").len(), before);
    assert_eq!(library.count("items_fts"), library.count("items"));
}

#[test]
fn an_empty_or_huge_limit_is_invalid() {
    let library = Library::new(false);
    assert!(matches!(
        library.strand.search_items("a", None, None, 0),
        Err(Error::Invalid { .. })
    ));
    assert!(matches!(
        library.strand.search_items("a", None, None, 100_000),
        Err(Error::Invalid { .. })
    ));
}

#[test]
fn a_tag_filter_keeps_exactly_the_items_with_that_tag_with_or_without_words() {
    let library = Library::new(false);
    let tagged: i64 = library
        .raw()
        .query_row(
            "SELECT COUNT(*) FROM item_tags WHERE tag = 'indie'",
            [],
            |row| row.get(0),
        )
        .expect("count");
    assert!(tagged > 0);
    let found = library
        .strand
        .search_items("", None, Some("Indie"), 1000)
        .expect("search")
        .items;
    assert_eq!(found.len() as i64, tagged);
    assert!(
        found
            .iter()
            .all(|item| item.details.tags.contains(&"indie".to_owned()))
    );
    let narrowed = library
        .strand
        .search_items("mara", None, Some("indie"), 1000)
        .expect("search")
        .items;
    assert!(!narrowed.is_empty() && narrowed.len() < found.len());
    assert!(
        narrowed
            .iter()
            .all(|item| item.details.tags.contains(&"indie".to_owned()))
    );
    for syntax in ["\"", "NEAR(", " * "] {
        library
            .strand
            .search_items("", None, Some(syntax), 10)
            .expect("never an error");
    }
}

#[test]
fn a_search_inside_a_bundle_for_a_term_most_of_a_big_library_shares_finds_the_same_entries() {
    let library = Library::new(false);
    library
        .strand
        .add_items(&strand_core::catalogue::generate(200_000))
        .expect("a big library");
    let draft = library.draft("Big", 400);
    // "s" starts a word of about half of the generated items: the search walks the bundle looking
    // entries up rather than fetching every match.
    let expression = strand_core::search::match_expression("s").expect("a term");
    // The oracle: every item the index matches, read by another connection.
    let raw = library.raw();
    let mut statement = raw
        .prepare(
            "SELECT i.id FROM items_fts JOIN items i ON i.rowid = items_fts.rowid
             WHERE items_fts MATCH ?1",
        )
        .expect("prepare");
    let matching: std::collections::HashSet<strand_core::ItemId> = statement
        .query_map([&expression], |row| row.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("ids");
    assert!(matching.len() > 100_000, "the term is common enough");
    let expected: Vec<_> = library
        .entries(draft.id)
        .into_iter()
        .filter(|entry| matching.contains(&entry.item.id))
        .take(50)
        .collect();
    let found = library
        .strand
        .find_entries(draft.id, "s", 50)
        .expect("find");
    assert_eq!(found.entries, expected);
}

#[test]
fn a_search_inside_a_big_bundle_for_a_word_only_its_far_entries_share_finds_them_at_their_positions()
 {
    let library = Library::premium_with_generated(3000);
    let mut rare = strand_core::catalogue::generate(3);
    for (index, item) in rare.iter_mut().enumerate() {
        item.title = format!("Quixotic fugue {index}");
    }
    library.strand.add_items(&rare).expect("rare items");
    let rare: Vec<_> = library
        .strand
        .search_items("quixotic", None, None, 10)
        .expect("search")
        .items
        .into_iter()
        .map(|item| item.id)
        .collect();
    assert_eq!(rare.len(), 3);
    let mut threaded: Vec<_> = library
        .first_items(3000)
        .into_iter()
        .filter(|id| !rare.contains(id))
        .collect();
    assert!(threaded.len() > 2500, "a bundle of thousands");
    // Nothing in the first windows matches, so the search gives up looking entries up one by
    // one and compares ids with the library's few matches instead.
    threaded.insert(900, rare[0]);
    threaded.insert(2000, rare[1]);
    threaded.push(rare[2]);
    for kept in [false, true] {
        let id = library.bundle_threading("Long", &threaded, kept);
        let first_two = library.strand.find_entries(id, "quix", 2).expect("find");
        let positions: Vec<u32> = first_two
            .entries
            .iter()
            .map(|entry| entry.position)
            .collect();
        assert_eq!(positions, [900, 2000], "kept: {kept}");
        assert!(first_two.more);
        let every = library.strand.find_entries(id, "quix", 10).expect("find");
        let all = library.entries(id);
        assert_eq!(every.entries.len(), 3);
        assert!(!every.more);
        for entry in &every.entries {
            assert_eq!(&all[entry.position as usize], entry, "kept: {kept}");
        }
        assert_eq!(every.total, threaded.len() as u32);
    }
}

#[test]
fn a_search_inside_a_bundle_sees_one_state_of_it_while_another_thread_moves_its_entries() {
    let library = Library::premium_with_generated(3000);
    let threaded = library.first_items(3000);
    for kept in [false, true] {
        let id = library.bundle_threading("Busy", &threaded, kept);
        let moving = AtomicBool::new(true);
        std::thread::scope(|scope| {
            // Stops the mover however the searches end, a failed assertion included.
            let _stop = StopOnDrop(&moving);
            // Over and over, the first entry goes to the middle: a walk that read the bundle's
            // front before a move and its middle after it would meet that entry twice.
            scope.spawn(|| {
                while moving.load(Ordering::Relaxed) {
                    let order = library.strand.entries(id, 0, 1000).expect("window").entries;
                    library
                        .strand
                        .move_entry(id, order[0].id, Some(order[700].id))
                        .expect("move");
                }
            });
            for _ in 0..80 {
                // Every generated item has a word starting with a letter; "e" is common.
                let found = library.strand.find_entries(id, "e", 1000).expect("find");
                let ids: std::collections::HashSet<_> =
                    found.entries.iter().map(|entry| entry.id).collect();
                assert_eq!(
                    ids.len(),
                    found.entries.len(),
                    "an entry found twice, kept: {kept}"
                );
                assert!(
                    found
                        .entries
                        .windows(2)
                        .all(|pair| pair[0].position < pair[1].position),
                    "positions out of order, kept: {kept}"
                );
            }
        });
    }
}

/// Clears its flag when dropped.
struct StopOnDrop<'a>(&'a AtomicBool);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Relaxed);
    }
}
