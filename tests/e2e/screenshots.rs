//! The README's screenshots, made here: a bundle threaded from the sample in the real window,
//! drawn dark and light. Each is checked to be a whole PNG of the window; with
//! `STRAND_SCREENSHOTS=1` they are also written to `tests/e2e/screenshots/`, where README shows
//! them (`STRAND_SCREENSHOTS=1 cargo test --test e2e screenshots`).

use crate::harness::Harness;
use crate::steps::*;

/// The width and height a PNG's header gives.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    assert_eq!(&png[12..16], b"IHDR", "no header chunk first");
    let number = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().expect("4 bytes"));
    (number(16), number(20))
}

async fn shot(harness: &Harness, theme: &str) -> Vec<u8> {
    harness
        .client()
        .execute(
            &format!("document.documentElement.dataset.theme = '{theme}'; return true;"),
            vec![],
        )
        .await
        .expect("theme");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    harness.client().screenshot().await.expect("screenshot")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_readme_screenshots_show_a_threaded_bundle_dark_and_light() {
    let mut harness = launched_showing_the_library().await;
    create_bundle(&harness, "Road trip").await;
    add_library_rows_by_keyboard(&harness, 8).await;
    let keep = std::env::var_os("STRAND_SCREENSHOTS").is_some();
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/screenshots");
    for theme in ["dark", "light"] {
        let png = shot(&harness, theme).await;
        let (width, height) = png_size(&png);
        assert!(width >= 800 && height >= 600, "{theme}: {width}×{height}");
        if keep {
            std::fs::create_dir_all(&folder).expect("screenshots folder");
            std::fs::write(folder.join(format!("strand-{theme}.png")), &png).expect("write");
        }
    }
    harness.stop().await;
}
