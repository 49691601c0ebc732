//! The native menu bar, driven with real keystrokes to GTK (xdotool): accelerators run the
//! window's actions (Ctrl+E and F1 exist only in the menu), a menu opened by its mnemonic runs
//! an item, Ctrl+Z in a field undoes the field's typing, not the bundle, and Help → About shows
//! the desktop's About dialog.

use crate::desktop::Desktop;
use crate::harness::Harness;
use crate::steps::*;

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
    for (steps_down, theme) in [(1, "light"), (2, "dark"), (1, "light")] {
        desktop.press_in(window, "alt+v");
        for _ in 0..steps_down {
            desktop.press_in(window, "Down");
        }
        desktop.press_in(window, "Return");
        let script = format!("return document.documentElement.dataset.theme === '{theme}';");
        harness
            .wait_for(&format!("the {theme} look"), &script)
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
    desktop.press_in(window, "alt+h");
    desktop.press_in(window, "Up");
    desktop.press_in(window, "Return");
    let about = desktop.wait_for_window("About Strand").await;
    desktop.press_in(about, "Escape");
    harness.stop().await;
}
