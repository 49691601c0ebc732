//! Small windows: at 800 × 600 nothing scrolls sideways, the editor is whole (Keep and each
//! entry's ↑↓✕ on screen) and the demo panel opens inside the window; at the 720 × 480 the window
//! allows, nothing scrolls sideways and Keep and Settings stay on screen (the entries are below,
//! the editor scrolling down to them).

use crate::harness::Harness;
use crate::steps::*;

/// Whether the element matching `css` lies wholly inside the window.
async fn on_screen(harness: &Harness, css: &str) -> bool {
    let script = format!(
        "const box = document.querySelector('{css}')?.getBoundingClientRect();
         return !!box && box.width > 0 && box.left >= 0 && box.top >= 0
             && box.right <= window.innerWidth && box.bottom <= window.innerHeight;"
    );
    harness
        .client()
        .execute(&script, vec![])
        .await
        .expect("measure")
        == serde_json::json!(true)
}

async fn nothing_scrolls_sideways(harness: &Harness) -> bool {
    let script = "return document.scrollingElement.scrollWidth <= window.innerWidth;";
    harness
        .client()
        .execute(script, vec![])
        .await
        .expect("measure")
        == serde_json::json!(true)
}

#[tokio::test(flavor = "multi_thread")]
async fn at_800_by_600_and_at_the_smallest_window_the_editor_and_the_demo_panel_fit() {
    let mut harness = launched_showing_the_library().await;
    create_bundle(&harness, "Small screen").await;
    add_library_rows_by_keyboard(&harness, 2).await;
    let whole_editor = [
        "[data-testid=keep]",
        "[data-testid=entries] li:first-child button:last-child",
        "[data-testid=open-settings]",
    ];
    for (width, height, controls) in [
        (800, 600, &whole_editor[..]),
        (720, 480, &[whole_editor[0], whole_editor[2]][..]),
    ] {
        harness
            .client()
            .set_window_size(width, height)
            .await
            .expect("resize the window");
        harness
            .wait_for(
                &format!("a window {width} wide"),
                &format!("return window.innerWidth <= {width};"),
            )
            .await;
        assert!(
            nothing_scrolls_sideways(&harness).await,
            "at {width} × {height}"
        );
        for control in controls {
            assert!(
                on_screen(&harness, control).await,
                "{control} is cut off at {width} × {height} ({})",
                harness.save_screenshot().await
            );
        }
    }
    harness
        .client()
        .set_window_size(800, 600)
        .await
        .expect("resize the window");
    click(&harness, "[data-testid=demo-panel-toggle]").await;
    assert!(
        on_screen(&harness, "[data-testid=demo-panel]").await,
        "the demo panel is off-screen ({})",
        harness.save_screenshot().await
    );
    assert!(nothing_scrolls_sideways(&harness).await);
    // Over the editor's edge, not over the header: the toggle that closes it stays in reach.
    click(&harness, "[data-testid=demo-panel-toggle]").await;
    harness
        .wait_for(
            "the demo panel to close",
            "return !document.querySelector('[data-testid=demo-panel]');",
        )
        .await;
    harness.stop().await;
}
