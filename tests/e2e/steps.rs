//! Steps the journeys share: typing, waiting for what the window shows, reading it back.

use std::path::Path;
use std::time::Duration;

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MOUSE_BUTTON_LEFT, MouseActions, PointerAction,
};
use fantoccini::elements::Element;

use crate::desktop::Desktop;
use crate::harness::Harness;

pub const ENTER: char = '\u{E007}';
pub const ALT: char = '\u{E00A}';
pub const CONTROL: char = '\u{E009}';
pub const SHIFT: char = '\u{E008}';
pub const ARROW_DOWN: char = '\u{E015}';
pub const ARROW_UP: char = '\u{E013}';
pub const ARROW_RIGHT: char = '\u{E014}';
pub const HOME: char = '\u{E011}';
pub const END: char = '\u{E010}';
pub const TAB: char = '\u{E004}';
pub const ESCAPE: char = '\u{E00C}';

pub const LIBRARY_ROWS: &str = "[data-testid=library] li";
pub const ENTRY_ROWS: &str = "[data-testid=entries] li";

pub async fn click(harness: &Harness, css: &str) {
    let element = harness.find(css).await;
    if let Err(error) = element.click().await {
        let shot = harness.save_screenshot().await;
        panic!("cannot click {css}: {error:?} (the window: {shot})");
    }
}

pub async fn press(harness: &Harness, keys: &[char]) {
    let mut actions = KeyActions::new("keyboard".into());
    for key in keys {
        actions = actions.then(KeyAction::Down { value: *key });
    }
    for key in keys.iter().rev() {
        actions = actions.then(KeyAction::Up { value: *key });
    }
    harness
        .client()
        .perform_actions(actions)
        .await
        .expect("keys");
}

pub async fn focus(harness: &Harness, css: &str) {
    let script = format!(
        "document.querySelector('{css}').focus(); return document.activeElement !== document.body;"
    );
    harness.wait_for(&format!("focus on {css}"), &script).await;
}

/// Adds the first `count` library rows to the open bundle with the keyboard (focus, Enter),
/// waiting for each to arrive.
pub async fn add_library_rows_by_keyboard(harness: &Harness, count: usize) {
    for row in 1..=count {
        focus(harness, &format!("{LIBRARY_ROWS}:nth-child({row})")).await;
        press(harness, &[ENTER]).await;
        entry_count_is(harness, row).await;
    }
}

pub async fn entry_count_is(harness: &Harness, count: usize) {
    let script = format!("return document.querySelectorAll('{ENTRY_ROWS}').length === {count};");
    harness.wait_for(&format!("{count} entries"), &script).await;
}

pub async fn entries_are(harness: &Harness, expected: &[String]) {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let shown = harness.item_ids(ENTRY_ROWS).await;
        if shown == expected {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "entries are {shown:?}, expected {expected:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub async fn text_of(harness: &Harness, css: &str) -> String {
    harness.find(css).await.text().await.expect("text")
}

/// Strand launched on a fresh library, its window showing the library: how every journey that
/// needs nothing prepared first begins.
pub async fn launched_showing_the_library() -> Harness {
    let mut harness = Harness::new();
    harness.launch().await;
    library_is_shown(&harness).await;
    harness
}

pub async fn library_is_shown(harness: &Harness) {
    // The list draws only the rows in view; the heading counts the whole library.
    let script = format!(
        "const count = document.querySelector('#library-heading .count')?.textContent ?? '';
         return document.querySelectorAll('{LIBRARY_ROWS}').length > 5
             && Number(count.replace(/\\D/g, '')) >= 200;"
    );
    harness
        .wait_for("the demo catalogue of at least 200 items", &script)
        .await;
}

pub async fn create_bundle(harness: &Harness, name: &str) {
    harness
        .find("[data-testid=new-bundle-name]")
        .await
        .send_keys(name)
        .await
        .expect("type name");
    click(harness, "[data-testid=create-bundle]").await;
    let script =
        format!("return document.querySelector('[data-testid=bundle-name]')?.value === '{name}';");
    harness
        .wait_for(&format!("the open bundle {name}"), &script)
        .await;
}

/// Checks that the drafts a crash left behind are offered with `name` among them, answers with
/// `answer` (`drafts-bring-back` or `drafts-let-go`), and waits until the offer is gone.
pub async fn answer_drafts_offer(harness: &Harness, name: &str, answer: &str) {
    let offered = text_of(harness, "[data-testid=drafts-back-list]").await;
    assert!(
        offered.contains(name),
        "{name} is not offered back: {offered}"
    );
    click(harness, &format!("[data-testid={answer}]")).await;
    harness
        .wait_for(
            "the drafts offer to close",
            "return !document.querySelector('[data-testid=drafts-back]');",
        )
        .await;
}

/// Switches the demo to Premium and keeps the open bundle.
pub async fn keep_in_demo_premium(harness: &Harness) {
    click(harness, "[data-testid=tier-select] option[value=premium]").await;
    click(harness, "[data-testid=keep]").await;
    harness.find("[data-testid=kept-notice]").await;
}

/// Empties the open trash, answering its question, and waits until it is gone.
pub async fn empty_the_trash(harness: &Harness) {
    click(harness, "[data-testid=empty-trash]").await;
    click(harness, "[data-testid=confirm-empty-trash-confirm]").await;
    harness
        .wait_for(
            "the trash to be empty",
            "return !document.querySelector('[data-testid=trash]');",
        )
        .await;
}

/// A library holding the kept two-entry bundle "Months of work" in a restore point, whose page
/// holding `object` was then damaged while Strand was not running.
pub async fn damaged_after_a_restore_point(object: &str) -> Harness {
    let mut harness = launched_showing_the_library().await;
    kept_bundle_in_a_restore_point(&harness).await;
    harness.stop().await;
    crate::damage::damage_page_of(&harness.library_file(), object);
    harness
}

/// How many files were set aside in `damaged/` beside the library.
pub fn files_set_aside(harness: &Harness) -> usize {
    std::fs::read_dir(harness.library_dir().join("damaged")).map_or(0, |files| files.count())
}

/// Keeps a two-entry bundle "Months of work", then keeps a second and empties it from the trash,
/// which makes a restore point holding the first.
async fn kept_bundle_in_a_restore_point(harness: &Harness) {
    create_bundle(harness, "Months of work").await;
    add_library_rows_by_keyboard(harness, 2).await;
    keep_in_demo_premium(harness).await;
    create_bundle(harness, "Let go").await;
    add_library_rows_by_keyboard(harness, 1).await;
    click(harness, "[data-testid=keep]").await;
    harness.find("[data-testid=kept-notice]").await;
    click(harness, "[data-testid=delete-bundle]").await;
    click(harness, "[data-testid=trash] summary").await;
    empty_the_trash(harness).await;
}

pub fn kept_bundle_names(harness: &Harness) -> Vec<String> {
    let library = harness.open_library();
    library
        .bundles()
        .expect("bundles")
        .into_iter()
        .map(|bundle| bundle.name)
        .collect()
}

/// The names in the bundle list, once it shows `count` of them.
pub async fn bundle_names(harness: &Harness, count: usize) -> serde_json::Value {
    let script = format!(
        "const names = [...document.querySelectorAll('[data-testid=bundle-list] .name')].map((n) => n.textContent.trim());
         return names.length === {count} && names;"
    );
    harness
        .wait_for(&format!("{count} bundles in the list"), &script)
        .await
}

/// Drags entry row `from` (1-based) by its handle above row `to`, with the mouse.
pub async fn drag_entry_above(harness: &Harness, from: usize, to: usize) {
    let target = harness.find(&format!("{ENTRY_ROWS}:nth-child({to})")).await;
    drag_handle(
        harness,
        &format!("{ENTRY_ROWS}:nth-child({from})"),
        target,
        -12.0,
        None,
    )
    .await;
}

/// Drags the handle of the entry row matching `row` with the mouse to `y` pixels below the
/// middle of `target`, holds it there for `hold` if given, and lets go.
pub async fn drag_handle(
    harness: &Harness,
    row: &str,
    target: Element,
    y: f64,
    hold: Option<Duration>,
) {
    let handle = harness
        .find(&format!("{row} [data-testid=drag-handle]"))
        .await;
    drag(harness, handle, target, y, hold).await;
}

/// Presses the mouse on `source`, moves to `y` pixels below the middle of `target` (twice: the
/// second move aims at where the target is once the drag has begun), holds it there for `hold`
/// if given, and lets go.
pub async fn drag(
    harness: &Harness,
    source: Element,
    target: Element,
    y: f64,
    hold: Option<Duration>,
) {
    let mut drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: source,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveToElement {
            element: target.clone(),
            duration: Some(Duration::from_millis(150)),
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::MoveToElement {
            element: target,
            duration: Some(Duration::from_millis(150)),
            x: 0.0,
            y,
        });
    if let Some(duration) = hold {
        drag = drag.then(PointerAction::Pause { duration });
    }
    let drag = drag.then(PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    });
    harness.client().perform_actions(drag).await.expect("drag");
}

/// A CSS selector for the bundle named `name` in the bundle list.
pub async fn bundle_in_list(harness: &Harness, name: &str) -> String {
    let id = harness
        .client()
        .execute(
            &format!(
                "return [...document.querySelectorAll('[data-bundle-id]')]
                     .find((bundle) => bundle.querySelector('.name').textContent.trim() === '{name}')
                     .dataset.bundleId;"
            ),
            vec![],
        )
        .await
        .expect("the bundle's id");
    format!("[data-bundle-id=\"{}\"]", id.as_str().expect("an id"))
}

/// The entry id of the first entry row matching `row`.
pub async fn entry_id_of(harness: &Harness, row: &str) -> String {
    harness
        .find(row)
        .await
        .attr("data-entry-id")
        .await
        .expect("attribute")
        .expect("an entry id")
}

/// An item of the Import & export menu, and the title of the file dialog it opens.
pub struct ImportMenu {
    item: &'static str,
    dialog: &'static str,
}

pub const IMPORT_PLAYLIST: ImportMenu = ImportMenu {
    item: "import-playlist",
    dialog: "Import a playlist",
};
pub const IMPORT_COLLECTION: ImportMenu = ImportMenu {
    item: "import-collection",
    dialog: "Import a music library",
};
pub const IMPORT_CATALOGUE: ImportMenu = ImportMenu {
    item: "import-catalogue",
    dialog: "Import a catalogue",
};

/// Picks `path` in the file dialog that `menu` opens: the import starts.
pub async fn start_import(harness: &Harness, desktop: &Desktop, menu: ImportMenu, path: &Path) {
    click(harness, "[data-testid=open-transfer]").await;
    click(harness, &format!("[data-testid={}]", menu.item)).await;
    let dialog = desktop.wait_for_window(menu.dialog).await;
    desktop.open_in_dialog(dialog, path.to_str().expect("utf-8 path"));
}

/// Imports `path` as [`start_import`] does and waits for the summary.
pub async fn import_through_dialog(
    harness: &Harness,
    desktop: &Desktop,
    menu: ImportMenu,
    path: &Path,
) {
    start_import(harness, desktop, menu, path).await;
    harness.find("[data-testid=import-summary]").await;
}

/// Exports the open bundle as `format` (an `export-format` value) through the save dialog to
/// `path`, and waits until Strand says it is written.
pub async fn export_through_dialog(
    harness: &Harness,
    desktop: &Desktop,
    format: &str,
    path: &Path,
) {
    harness
        .find("[data-testid=export-format]")
        .await
        .select_by_value(format)
        .await
        .unwrap_or_else(|error| panic!("choose {format}: {error}"));
    click(harness, "[data-testid=export-bundle]").await;
    let dialog = desktop.wait_for_window("Export a bundle").await;
    desktop.save_in_dialog(dialog, path.to_str().expect("utf-8 path"));
    harness.find("[data-testid=exported-notice]").await;
}
