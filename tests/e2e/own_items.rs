//! A person's own items in the real window: one made by hand, edited, opened in the desktop's
//! default app, merged with its duplicate, then deleted with the entries threading it and that
//! deletion undone. The desktop's opener is a stand-in here (a script named `xdg-open` first on
//! Strand's PATH that writes down what it was asked to open): Xvfb has no browser to open.

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use crate::harness::Harness;
use crate::steps::*;

const LAMP_ADDRESS: &str = "https://shop.example.org/lamp";

/// A directory holding a stand-in `xdg-open` that appends its argument to `opened`.
fn stand_in_opener(dir: &std::path::Path, opened: &std::path::Path) -> std::path::PathBuf {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).expect("bin dir");
    let script = bin.join("xdg-open");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n",
            opened.display()
        ),
    )
    .expect("write the stand-in");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    bin
}

async fn type_into(harness: &Harness, css: &str, text: &str) {
    let field = harness.find(css).await;
    field.clear().await.expect("clear");
    field.send_keys(text).await.expect("type");
}

/// Fills the new-item editor with a product and saves it.
async fn make_product(harness: &Harness, title: &str) {
    click(harness, "[data-testid=new-item]").await;
    click(harness, "[data-testid=item-kind] option[value=product]").await;
    type_into(harness, "[data-testid=item-title]", title).await;
    type_into(harness, "[data-testid=item-price]", "49.50").await;
    type_into(harness, "[data-testid=item-currency]", "chf").await;
    type_into(harness, "[data-testid=item-address]", LAMP_ADDRESS).await;
    click(harness, "[data-testid=item-save]").await;
    harness
        .wait_for(
            "the editor to close",
            "return !document.querySelector('[data-testid=item-editor]');",
        )
        .await;
}

async fn shows_rows(harness: &Harness, what: &str, count: usize) {
    harness
        .wait_for(
            what,
            &format!("return document.querySelectorAll('{LIBRARY_ROWS}').length === {count};"),
        )
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_item_made_by_hand_is_edited_opened_merged_and_deleted_and_the_deletion_undone() {
    let data = tempfile::tempdir().expect("temp dir");
    let opened = data.path().join("opened.txt");
    let bin = stand_in_opener(data.path(), &opened);
    let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH");
    let mut harness = Harness::new().with_env("PATH", path);
    harness.launch().await;
    library_is_shown(&harness).await;

    // Made by hand: a product with a price in its own currency.
    make_product(&harness, "Brass desk lamp").await;
    type_into(&harness, "[data-testid=library-search]", "brass").await;
    shows_rows(&harness, "the lamp alone", 1).await;
    harness
        .wait_for(
            "its price in its currency",
            &format!(
                "const meta = document.querySelector('{LIBRARY_ROWS} .meta')?.textContent ?? '';
                 return meta.includes('CHF') && meta.includes('49.50');"
            ),
        )
        .await;

    // A bad address is refused under its field, and nothing changes.
    click(&harness, &format!("{LIBRARY_ROWS} [data-testid=item-text]")).await;
    click(&harness, "[data-testid=edit-item]").await;
    type_into(&harness, "[data-testid=item-address]", "lamp.html").await;
    click(&harness, "[data-testid=item-save]").await;
    let refusal = text_of(&harness, "[data-testid=item-address-error]").await;
    assert!(refusal.contains("whole address"), "{refusal}");

    // Edited: the new title shows in the library.
    type_into(&harness, "[data-testid=item-address]", LAMP_ADDRESS).await;
    type_into(&harness, "[data-testid=item-title]", "Brass floor lamp").await;
    click(&harness, "[data-testid=item-save]").await;
    harness
        .wait_for(
            "the new title",
            &format!(
                "return document.querySelector('{LIBRARY_ROWS} .title')?.textContent === 'Brass floor lamp';"
            ),
        )
        .await;

    // Opened: the desktop is handed the item's own address.
    click(&harness, &format!("{LIBRARY_ROWS} [data-testid=open-item]")).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::fs::read_to_string(&opened).unwrap_or_default().trim() != LAMP_ADDRESS {
        assert!(
            Instant::now() < deadline,
            "the opener was not handed {LAMP_ADDRESS}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // A duplicate, both threaded onto a bundle, then merged into the first.
    make_product(&harness, "Brass lamp, again").await;
    shows_rows(&harness, "both lamps", 2).await;
    let lamps = harness.item_ids(LIBRARY_ROWS).await;
    create_bundle(&harness, "Lamps").await;
    add_library_rows_by_keyboard(&harness, 2).await;
    click(&harness, "[data-testid=clear-item-selection]").await;
    for row in [1, 2] {
        focus(&harness, &format!("{LIBRARY_ROWS}:nth-child({row})")).await;
        press(&harness, &[' ']).await;
    }
    click(&harness, "[data-testid=merge-items]").await;
    click(&harness, "[data-testid=merge-confirm]").await;
    let survivor = lamps[0].clone();
    entries_are(&harness, &[survivor.clone(), survivor.clone()]).await;
    shows_rows(&harness, "one lamp left", 1).await;

    // Deleted after a confirmation that says what it changes; then undone as a whole.
    click(&harness, &format!("{LIBRARY_ROWS} [data-testid=item-text]")).await;
    click(&harness, "[data-testid=delete-items]").await;
    let warning = text_of(&harness, "[data-testid=confirm-delete-items]").await;
    assert!(
        warning.contains("2 entries") && warning.contains("1 bundle"),
        "{warning}"
    );
    click(&harness, "[data-testid=confirm-delete-items-confirm]").await;
    entry_count_is(&harness, 0).await;
    shows_rows(&harness, "no lamp", 0).await;
    assert!(
        harness
            .open_library()
            .item(survivor.parse().expect("id"))
            .is_err()
    );

    click(&harness, "[data-testid=undo-item-removal]").await;
    entries_are(&harness, &[survivor.clone(), survivor.clone()]).await;
    shows_rows(&harness, "the lamp back", 1).await;
    harness.stop().await;
}
