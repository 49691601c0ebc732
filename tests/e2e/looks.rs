//! Light and dark: Strand follows the desktop until the person picks one in Settings, and the
//! pick is drawn at once and kept when the window starts again.

use crate::harness::Harness;
use crate::steps::*;

/// Picks `choice` in Settings → Appearance and waits until the page's background shows it.
async fn pick_theme(harness: &Harness, choice: &str, background: &str) {
    // Appearance is the last section of Settings, below what the dialog shows at first.
    harness
        .client()
        .execute(
            "document.querySelector('[data-testid=theme]').scrollIntoView();",
            vec![],
        )
        .await
        .expect("scroll to Appearance");
    click(
        harness,
        &format!("[data-testid=theme] option[value={choice}]"),
    )
    .await;
    page_background_is(harness, background).await;
}

async fn page_background_is(harness: &Harness, background: &str) {
    let script = format!(
        "return getComputedStyle(document.documentElement).backgroundColor === '{background}';"
    );
    harness
        .wait_for(&format!("the page drawn on {background}"), &script)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_theme_picked_in_settings_is_drawn_at_once_and_kept_after_a_reload() {
    let mut harness = launched_showing_the_library().await;
    click(&harness, "[data-testid=open-settings]").await;
    pick_theme(&harness, "light", "rgb(247, 245, 239)").await;
    pick_theme(&harness, "dark", "rgb(20, 24, 41)").await;

    harness
        .client()
        .execute("location.reload();", vec![])
        .await
        .expect("reload");
    library_is_shown(&harness).await;
    page_background_is(&harness, "rgb(20, 24, 41)").await;
    harness.stop().await;
}
