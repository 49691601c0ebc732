//! A 100,000-entry bundle in the real window: it opens at once, scrolls anywhere, a move deep in
//! it works from the keyboard, a drag held at the list's edge (of an entry, or of an item from
//! the library) scrolls it and drops far below, and the list never draws more than a few dozen
//! rows.
//! Prints `ui_dom_rows_100k=<most rows seen>` and `ui_longest_frame_find_ms=<longest gap between
//! frames while a search inside it runs>`; `scripts/bench-ui.sh` records both.

use std::time::Duration;

use serde_json::json;
use strand_core::{ItemId, Tier, catalogue};

use crate::harness::Harness;
use crate::steps::*;

const ENTRIES: u32 = 100_000;
/// The entry list's row height in pixels (EntryList.svelte).
const ROW: u32 = 44;

/// Writes a library holding a kept bundle of `ENTRIES` entries, each a generated item.
fn library_with_a_big_bundle(harness: &Harness) {
    let strand = harness.open_library();
    strand
        .add_items(&catalogue::generate(ENTRIES as usize))
        .expect("items");
    let ids: Vec<ItemId> = (0..ENTRIES / 1000)
        .flat_map(|page| strand.items(page * 1000, 1000).expect("items").items)
        .map(|item| item.id)
        .collect();
    let draft = strand.create_bundle("Everything").expect("draft");
    strand.add_entries(draft.id, &ids).expect("thread");
    strand.set_demo_tier(Some(Tier::Premium)).expect("premium");
    strand.keep(draft.id).expect("keep");
}

/// How many entry rows the window has drawn right now.
async fn rows_drawn(harness: &Harness) -> u64 {
    harness
        .client()
        .execute(
            "return document.querySelectorAll('[data-testid=entries] li').length;",
            vec![],
        )
        .await
        .expect("count rows")
        .as_u64()
        .expect("a number")
}

/// Scrolls the entry list so that `position` (1-based) is the first row in view, and waits
/// until that row is drawn.
async fn scroll_to(harness: &Harness, position: u32) {
    harness
        .client()
        .execute(
            "document.querySelector('[data-testid=entries-scroller]').scrollTop = arguments[0];",
            vec![json!((position - 1) * ROW)],
        )
        .await
        .expect("scroll");
    harness
        .wait_for(
            &format!("row {position} to be drawn"),
            &format!("return document.querySelector('{ENTRY_ROWS}[aria-rowindex=\"{position}\"]') !== null;"),
        )
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hundred_thousand_entry_bundle_opens_scrolls_and_moves_drawing_only_a_few_dozen_rows() {
    let mut harness = Harness::new();
    library_with_a_big_bundle(&harness);
    harness.launch().await;
    library_is_shown(&harness).await;
    click(&harness, "[data-testid=bundle-list] button").await;
    harness
        .wait_for(
            "the first row of the big bundle",
            &format!("return document.querySelector('[data-testid=entries][aria-rowcount=\"{ENTRIES}\"] li[aria-rowindex=\"1\"]') !== null;"),
        )
        .await;
    let beads = harness
        .find_all("[data-testid=bead-string] button")
        .await
        .len();
    assert_eq!(beads, 240, "the bead string summarises");

    let mut most = rows_drawn(&harness).await;
    for position in [50_000, ENTRIES, 12_345] {
        scroll_to(&harness, position).await;
        most = most.max(rows_drawn(&harness).await);
    }
    assert!(most < 500, "{most} rows drawn");
    println!("ui_dom_rows_100k={most}");

    // A move deep in the bundle, from the keyboard (editing a kept bundle is premium): the row
    // at 12,346 goes one down.
    click(&harness, "[data-testid=tier-select] option[value=premium]").await;
    let row = format!("{ENTRY_ROWS}[aria-rowindex=\"12346\"]");
    let moving = entry_id_of(&harness, &row).await;
    focus(&harness, &row).await;
    press(&harness, &[ALT, ARROW_DOWN]).await;
    // The move ends with the focus on the entry where it landed; scrolling away before then would
    // race that focus back into view.
    harness
        .wait_for(
            "the entry to move one down, keeping the focus",
            &format!(
                "return document.querySelector('{ENTRY_ROWS}[aria-rowindex=\"12347\"]')?.dataset.entryId === '{moving}' \
                 && document.activeElement?.dataset.entryId === '{moving}';"
            ),
        )
        .await;

    // Drag the second entry to the list's bottom edge and hold it there: the list scrolls, and
    // the entry lands far below anything that was on screen when the drag began.
    scroll_to(&harness, 1).await;
    let row = format!("{ENTRY_ROWS}[aria-rowindex=\"2\"]");
    let dragged = entry_id_of(&harness, &row).await;
    let scroller = harness.find("[data-testid=entries-scroller]").await;
    let half_height = harness
        .client()
        .execute(
            "return document.querySelector('[data-testid=entries-scroller]').clientHeight / 2;",
            vec![],
        )
        .await
        .expect("height")
        .as_f64()
        .expect("a number");
    // Further down than three screenfuls of rows: only scrolling could have taken it there.
    let far = (3.0 * 2.0 * half_height / f64::from(ROW)).ceil() as u32;
    drag_handle(
        &harness,
        &row,
        scroller,
        half_height - 8.0,
        Some(Duration::from_millis(2500)),
    )
    .await;
    // Focused, too: the list brings the entry it moved into view once it has landed, and would
    // scroll back to it from wherever the next step had scrolled meanwhile.
    harness
        .wait_for(
            "the dragged entry to land far down",
            &format!(
                "const row = document.querySelector('{ENTRY_ROWS}[data-entry-id=\"{dragged}\"]');
                 return row !== null && Number(row.getAttribute('aria-rowindex')) > {far}
                     && document.activeElement === row;"
            ),
        )
        .await;

    // An item dragged in from the library and held at the same edge lands far down too. The
    // bundle threads it already, so Strand asks first, and adds it where it was dropped.
    scroll_to(&harness, 1).await;
    let item = harness
        .item_ids(&format!("{LIBRARY_ROWS}:nth-child(1)"))
        .await[0]
        .clone();
    let scroller = harness.find("[data-testid=entries-scroller]").await;
    drag_handle(
        &harness,
        &format!("{LIBRARY_ROWS}:nth-child(1)"),
        scroller,
        half_height - 8.0,
        Some(Duration::from_millis(2500)),
    )
    .await;
    click(&harness, "[data-testid=confirm-duplicate-confirm]").await;
    harness
        .wait_for(
            "the dropped item to land far down",
            &format!(
                "return [...document.querySelectorAll('{ENTRY_ROWS}[data-item-id=\"{item}\"]')]
                     .some((row) => Number(row.getAttribute('aria-rowindex')) > {far});"
            ),
        )
        .await;

    // Searches inside it, then a sort of all of it, asked of the core as the editor asks them:
    // the window goes on drawing meanwhile, so the longest gap between two animation frames
    // stays near a frame however long the core takes.
    let (searching, longest) = longest_frame_while(
        &harness,
        "for (const text of ['s', 'm', 'mot', 'am', 'river song']) {
             await ipc.invoke('find_entries', { bundleId, text, limit: 200 });
         }",
    )
    .await;
    println!("ui_find_100k_searching_ms={searching:.1}");
    println!("ui_longest_frame_find_ms={longest:.1}");
    let (sorting, longest) = longest_frame_while(
        &harness,
        "await ipc.invoke('sort_bundle', { bundleId, field: 'title' });",
    )
    .await;
    println!("ui_sort_100k_ms={sorting:.1}");
    println!("ui_longest_frame_sort_ms={longest:.1}");

    // The same sort from the editor: while it runs, the editor says it is saving, and stops
    // saying so once the sort has landed.
    click(&harness, "[data-testid=sort-bundle] option[value=creator]").await;
    harness
        .wait_for(
            "the editor to say it is saving",
            "const working = document.querySelector('[data-testid=working]');
             return working !== null && getComputedStyle(working).opacity === '1'
                 && document.querySelector('section.editor').getAttribute('aria-busy') === 'true';",
        )
        .await;
    harness
        .wait_for(
            "the sort to land",
            "return document.querySelector('[data-testid=working]') === null
                 && document.querySelector('section.editor').getAttribute('aria-busy') === 'false';",
        )
        .await;
}

/// Runs `calls` (JavaScript awaiting `ipc.invoke`s on the first bundle, `bundleId`) in the page
/// while counting its animation frames: how long the calls took and the longest gap between
/// two frames meanwhile, in milliseconds.
async fn longest_frame_while(harness: &Harness, calls: &str) -> (f64, f64) {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const ipc = window.__TAURI_INTERNALS__;
         const frames = {{ longest: 0, counting: true }};
         let last = performance.now();
         const frame = (now) => {{
             if (!frames.counting) return;
             frames.longest = Math.max(frames.longest, now - last);
             last = now;
             requestAnimationFrame(frame);
         }};
         requestAnimationFrame(frame);
         (async () => {{
             const bundleId = (await ipc.invoke('list_bundles'))[0].id;
             const started = performance.now();
             {calls}
             const took = performance.now() - started;
             frames.counting = false;
             return {{ took, longest: frames.longest }};
         }})().then(done, (error) => done({{ error: String(error) }}));"
    );
    let timing = harness
        .client()
        .execute_async(&script, vec![])
        .await
        .expect("calls");
    (
        timing["took"]
            .as_f64()
            .unwrap_or_else(|| panic!("{timing}")),
        timing["longest"].as_f64().expect("the longest frame"),
    )
}
