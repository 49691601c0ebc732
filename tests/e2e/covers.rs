//! A bundle's cover, end to end: a picture chosen in the real GTK open dialog is scaled by the
//! core and shown from the `cover:` scheme in the editor and the list; a file that is no picture
//! is refused beside the cover; the cover travels in Strand JSON and comes back on import.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

use crate::desktop::Desktop;
use crate::harness::Harness;
use crate::steps::*;

/// How wide the cover images matching `css` are as decoded by the web view (0 until loaded).
async fn decoded_widths(harness: &Harness, css: &str) -> Vec<u64> {
    let script = format!(
        "return [...document.querySelectorAll('{css}')].map((img) => img.complete ? img.naturalWidth : 0);"
    );
    let widths = harness
        .client()
        .execute(&script, vec![])
        .await
        .expect("widths");
    serde_json::from_value(widths).expect("numbers")
}

async fn editor_cover_is_shown(harness: &Harness, width: u64) {
    let script = format!(
        "const img = document.querySelector('.editor [data-testid=cover-image]');
         return !!img && img.complete && img.naturalWidth === {width};"
    );
    harness.wait_for("the cover in the editor", &script).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_picture_chosen_in_the_dialog_becomes_the_cover_and_travels_in_the_bundle_file() {
    let mut harness = launched_showing_the_library().await;
    let desktop = Desktop::connect(&harness.display_name());
    let pictures = tempfile::tempdir().expect("pictures");
    let photo = pictures.path().join("sunset.png");
    let mut bytes = Vec::new();
    DynamicImage::ImageRgb8(RgbImage::from_fn(1200, 800, |x, y| {
        Rgb([(x % 256) as u8, (y % 256) as u8, 64])
    }))
    .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
    .expect("encode");
    std::fs::write(&photo, bytes).expect("write the photo");

    create_bundle(&harness, "Evening").await;
    click(&harness, "[data-testid=choose-cover]").await;
    let dialog = desktop.wait_for_window("Choose a cover picture").await;
    desktop.open_in_dialog(dialog, photo.to_str().expect("utf-8 path"));
    // Scaled by the core to 600 px wide, served over cover: and decoded by the web view.
    editor_cover_is_shown(&harness, 600).await;
    assert_eq!(
        decoded_widths(
            &harness,
            "[data-testid=bundle-list] [data-testid=cover-image]"
        )
        .await,
        [600]
    );

    // A file that is no picture is refused where it was chosen; the cover stays.
    let not_a_picture = pictures.path().join("notes.png");
    std::fs::write(&not_a_picture, "#EXTM3U\n").expect("write");
    click(&harness, "[data-testid=choose-cover]").await;
    let dialog = desktop.wait_for_window("Choose a cover picture").await;
    desktop.open_in_dialog(dialog, not_a_picture.to_str().expect("utf-8 path"));
    let said = text_of(&harness, "[data-testid=cover-error]").await;
    assert!(said.contains("cannot be a cover"), "{said}");
    editor_cover_is_shown(&harness, 600).await;

    // Strand JSON carries it; importing the file brings a second bundle with the same cover.
    let shared = pictures.path().join("evening.strand.json");
    export_through_dialog(&harness, &desktop, "strand_json", &shared).await;
    let json = std::fs::read_to_string(&shared).expect("exported");
    assert!(
        json.contains("\"cover\": \"data:image/jpeg;base64,"),
        "{json:.300}"
    );
    import_through_dialog(&harness, &desktop, IMPORT_PLAYLIST, &shared).await;
    click(&harness, "[data-testid=close-import-summary]").await;
    bundle_names(&harness, 2).await;
    harness
        .wait_for(
            "both covers in the list",
            "return [...document.querySelectorAll('[data-testid=bundle-list] [data-testid=cover-image]')]
                 .filter((img) => img.complete && img.naturalWidth === 600).length === 2;",
        )
        .await;

    // Taken off, the colours of its first items show again.
    click(&harness, "[data-testid=remove-cover]").await;
    harness
        .wait_for(
            "no cover in the editor",
            "return !document.querySelector('.editor [data-testid=cover-image]');",
        )
        .await;
    harness.stop().await;
}
