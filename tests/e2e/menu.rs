//! The native menu bar, driven with real keystrokes to GTK (xdotool): accelerators run the
//! window's actions (Ctrl+E and F1 exist only in the menu), a menu opened by its mnemonic runs
//! an item, Ctrl+Z in a field undoes the field's typing, not the bundle, and Help → About shows
//! the desktop's About dialog.

use std::time::{Duration, Instant};

use x11rb::protocol::xproto::Window;

use crate::desktop::Desktop;
use crate::harness::Harness;
use crate::steps::*;

/// Walks a menu with `keys` as a person would — a moment between keys, for GTK to open it —
/// until `ran` says the item ran. Under load a menu can open after the next key was already
/// pressed, and the keys go nowhere: then the menu is closed and walked again (three tries).
async fn through_the_menu(
    desktop: &Desktop,
    window: Window,
    keys: &[&str],
    ran: impl AsyncFn() -> bool,
) {
    for _ in 0..3 {
        for key in keys {
            desktop.press_in(window, key);
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if ran().await {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        desktop.press_in(window, "Escape");
    }
    panic!("walking the menu with {keys:?} ran nothing");
}

async fn focus_is_on(harness: &Harness, testid: &str) {
    let script = format!("return document.activeElement?.dataset?.testid === '{testid}';");
    harness
        .wait_for(&format!("the focus on {testid}"), &script)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_menu_bar_runs_the_windows_actions_from_its_accelerators_and_its_items() {
    let mut harness = launched_showing_the_library().await;
    let desktop = Desktop::connect(&harness.display_name());
    let window = desktop.main_window().await;

    // File → New bundle by its accelerator, as GTK sees Ctrl+N.
    desktop.press_in(window, "ctrl+n");
    focus_is_on(&harness, "new-bundle-name").await;
    create_bundle(&harness, "Made from the menu").await;
    // File → Export bundle… has no key of the page's own: only the menu's Ctrl+E opens the
    // save dialog, which is cancelled.
    desktop.press_in(window, "ctrl+e");
    let save = desktop.wait_for_window("Export a bundle").await;
    desktop.press_in(save, "Escape");

    // View → Light, → Dark, → Light, opened by the menu's mnemonic and walked with arrows (a
    // menu opened from the keyboard starts on its first item, "Look like the desktop"). Whatever
    // look the desktop gave, the last two each change it.
    for (keys, theme) in [
        (&["alt+v", "Down", "Return"][..], "light"),
        (&["alt+v", "Down", "Down", "Return"][..], "dark"),
        (&["alt+v", "Down", "Return"][..], "light"),
    ] {
        let script = format!("return document.documentElement.dataset.theme === '{theme}';");
        through_the_menu(&desktop, window, keys, async || {
            harness
                .client()
                .execute(&script, vec![])
                .await
                .expect("look")
                == true
        })
        .await;
    }

    // Ctrl+Z while typing in the description undoes the typing; the bundle keeps its name.
    click(&harness, "[data-testid=bundle-description]").await;
    desktop.press_in(window, "x");
    harness
        .wait_for(
            "the typed letter",
            "return document.querySelector('[data-testid=bundle-description]').value === 'x';",
        )
        .await;
    desktop.press_in(window, "ctrl+z");
    harness
        .wait_for(
            "the typing undone",
            "return document.querySelector('[data-testid=bundle-description]').value === '';",
        )
        .await;
    let name = harness
        .client()
        .execute(
            "return document.querySelector('[data-testid=bundle-name]').value;",
            vec![],
        )
        .await
        .expect("name");
    assert_eq!(name, "Made from the menu");

    // Help → Keyboard shortcuts (F1), closed again, and Help → About Strand.
    desktop.press_in(window, "F1");
    harness.find("[data-testid=shortcut-sheet]").await;
    desktop.press_in(window, "Escape");
    harness
        .wait_for(
            "the shortcut sheet closed",
            "return !document.querySelector('[data-testid=shortcut-sheet]');",
        )
        .await;
    // Up from the menu's start wraps to its last item, About Strand.
    through_the_menu(&desktop, window, &["alt+h", "Up", "Return"], async || {
        !desktop.windows_titled("About Strand").is_empty()
    })
    .await;
    let about = desktop.wait_for_window("About Strand").await;
    desktop.press_in(about, "Escape");
    harness.stop().await;
}
