//! Filters in the real window: typing a tag in the library shows exactly the items the core
//! finds with that tag (checked against the library file itself), and clearing it shows the whole
//! library again; finding inside a bundle shows the matching entries at their places.

use crate::steps::*;

#[tokio::test(flavor = "multi_thread")]
async fn typing_a_tag_shows_only_the_items_with_that_tag() {
    let mut harness = launched_showing_the_library().await;
    let everything = harness.item_ids(LIBRARY_ROWS).await;

    harness
        .find("[data-testid=tag-filter]")
        .await
        .send_keys("indie")
        .await
        .expect("type a tag");
    let library = harness.open_library();
    let tagged: Vec<String> = library
        .search_items("", None, Some("indie"), 1000)
        .expect("search")
        .items
        .into_iter()
        .map(|item| item.id.to_string())
        .collect();
    assert!(!tagged.is_empty() && tagged.len() < everything.len());
    harness
        .wait_for(
            "only tagged items",
            &format!(
                "const shown = [...document.querySelectorAll('{LIBRARY_ROWS}')].map((row) => row.dataset.itemId);
                 const tagged = {tagged:?};
                 return shown.length > 0 && shown.every((id) => tagged.includes(id));"
            ),
        )
        .await;

    let filter = harness.find("[data-testid=tag-filter]").await;
    filter.clear().await.expect("clear the tag");
    filter.send_keys(" ").await.expect("leave only a space");
    harness
        .wait_for(
            "the whole library again",
            &format!(
                "return document.querySelector('{LIBRARY_ROWS}')?.dataset.itemId === '{}';",
                everything[0]
            ),
        )
        .await;
    harness.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn finding_inside_a_bundle_shows_the_matching_entries_at_their_places() {
    let mut harness = launched_showing_the_library().await;
    create_bundle(&harness, "Found").await;
    add_library_rows_by_keyboard(&harness, 5).await;
    let added = harness.item_ids(ENTRY_ROWS).await;
    // The fourth entry's title, first word and the start of the second: a prefix search.
    let title = harness
        .client()
        .execute(
            &format!(
                "return document.querySelector('{ENTRY_ROWS}:nth-child(4) .title').textContent;"
            ),
            vec![],
        )
        .await
        .expect("title");
    let words: Vec<&str> = title.as_str().expect("text").split(' ').collect();
    let query = format!("{} {}", words[0], &words[1][..3]);
    harness
        .find("[data-testid=bundle-filter]")
        .await
        .send_keys(&query)
        .await
        .expect("type");
    harness
        .wait_for(
            "only the fourth entry, at its place",
            &format!(
                "const rows = [...document.querySelectorAll('{ENTRY_ROWS}')];
                 return rows.length === 1 && rows[0].dataset.itemId === '{}'
                     && rows[0].getAttribute('aria-rowindex') === '4';",
                added[3]
            ),
        )
        .await;
    let filter = harness.find("[data-testid=bundle-filter]").await;
    filter.clear().await.expect("clear");
    filter.send_keys(" ").await.expect("leave only a space");
    entries_are(&harness, &added).await;
    harness.stop().await;
}
