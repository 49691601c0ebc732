//! Steps 3–5 of the foundation: build a bundle, meet the paywall, keep it in demo premium, and
//! find it again after a restart (where the unkept draft is offered back, and let go).

use crate::steps::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_person_threads_a_bundle_meets_the_paywall_keeps_it_in_demo_premium_and_finds_it_after_a_restart()
 {
    let mut harness = launched_showing_the_library().await;
    assert_eq!(text_of(&harness, "[data-testid=demo-badge]").await, "DEMO");

    // Build: name a bundle and thread five items, four by mouse and one by keyboard.
    create_bundle(&harness, "Road trip").await;
    let library = harness.item_ids(LIBRARY_ROWS).await;
    for (index, _) in library.iter().take(4).enumerate() {
        let add = format!("{LIBRARY_ROWS}:nth-child({}) button.add", index + 1);
        click(&harness, &add).await;
        entry_count_is(&harness, index + 1).await;
    }
    focus(&harness, &format!("{LIBRARY_ROWS}:nth-child(5)")).await;
    press(&harness, &[ENTER]).await;
    entry_count_is(&harness, 5).await;
    let mut expected: Vec<String> = library[..5].to_vec();
    entries_are(&harness, &expected).await;

    // Remove the second entry.
    click(
        &harness,
        &format!("{ENTRY_ROWS}:nth-child(2) [data-testid=remove-entry]"),
    )
    .await;
    expected.remove(1);
    entries_are(&harness, &expected).await;

    // Drag the last entry above the first with the mouse.
    drag_entry_above(&harness, 4, 1).await;
    let dragged = expected.remove(3);
    expected.insert(0, dragged);
    entries_are(&harness, &expected).await;

    // Move the first entry one down with the keyboard.
    focus(&harness, &format!("{ENTRY_ROWS}:nth-child(1)")).await;
    press(&harness, &[ALT, ARROW_DOWN]).await;
    expected.swap(0, 1);
    entries_are(&harness, &expected).await;

    // The bead string shows one bead per entry, in order.
    assert_eq!(
        harness.item_ids("[data-testid=bead-string] button").await,
        expected
    );

    // Free: Keep is refused by the core, the paywall explains, nothing is written.
    click(&harness, "[data-testid=keep]").await;
    let paywall = text_of(&harness, "[data-testid=paywall]").await;
    assert!(
        paywall.contains("Keep your bundle with Premium"),
        "{paywall}"
    );
    assert!(kept_bundle_names(&harness).is_empty());
    click(&harness, "[data-testid=paywall-close]").await;
    harness
        .wait_for(
            "the paywall to close",
            "return !document.querySelector('[data-testid=paywall]');",
        )
        .await;
    entries_are(&harness, &expected).await;
    assert_eq!(
        text_of(&harness, "[data-testid=bundle-state]").await,
        "Draft"
    );

    // Demo: switch to Premium, and Keep succeeds.
    click(&harness, "[data-testid=tier-select] option[value=premium]").await;
    harness
        .wait_for(
            "the premium tier",
            "return document.querySelector('[data-testid=tier-select]').value === 'premium';",
        )
        .await;
    click(&harness, "[data-testid=keep]").await;
    harness
        .wait_for("the bundle to be kept", "return document.querySelector('[data-testid=bundle-state]')?.textContent.trim() === 'Kept';")
        .await;
    assert!(
        text_of(&harness, "[data-testid=kept-notice]")
            .await
            .contains("Road trip")
    );
    assert_eq!(kept_bundle_names(&harness), vec!["Road trip".to_owned()]);

    // A second draft that is never kept.
    create_bundle(&harness, "Scratch").await;
    click(&harness, &format!("{LIBRARY_ROWS}:nth-child(7) button.add")).await;
    entry_count_is(&harness, 1).await;

    // Restart after a kill: the draft is offered back, and let go; the kept bundle is back in
    // the same order.
    harness.stop().await;
    harness.launch().await;
    library_is_shown(&harness).await;
    answer_drafts_offer(&harness, "Scratch", "drafts-let-go").await;
    assert_eq!(
        bundle_names(&harness, 1).await,
        serde_json::json!(["Road trip"])
    );
    click(&harness, "[data-testid=bundle-list] button").await;
    entries_are(&harness, &expected).await;
    assert_eq!(
        text_of(&harness, "[data-testid=bundle-state]").await,
        "Kept"
    );
    harness.stop().await;
}
