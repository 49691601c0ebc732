//! The library filtered by tag in the real window: typing a tag shows exactly the items the
//! core finds with that tag (checked against the library file itself), and clearing it shows
//! the whole library again.

use strand_core::{Strand, StrandOptions};

use crate::harness::Harness;
use crate::steps::*;

#[tokio::test(flavor = "multi_thread")]
async fn typing_a_tag_shows_only_the_items_with_that_tag() {
    let mut harness = Harness::new();
    harness.launch().await;
    library_is_shown(&harness).await;
    let everything = harness.item_ids(LIBRARY_ROWS).await;

    harness
        .find("[data-testid=tag-filter]")
        .await
        .send_keys("indie")
        .await
        .expect("type a tag");
    let library = Strand::open(
        &harness.data_dir.path().join("strand.sqlite"),
        StrandOptions::default(),
    )
    .expect("the library file beside the running app");
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
