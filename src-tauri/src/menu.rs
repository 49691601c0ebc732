//! The native menu bar: File, Edit, View and Help with the usual accelerators, in the language
//! the shell decided on. An item does nothing here but name a [`MenuAction`] and send it to the
//! window, which runs the same action its own shortcut runs; Quit closes the window, so the
//! question about unkept drafts is asked as for any close, and About is the desktop's own dialog.

use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
use tauri::menu::{
    AboutMetadataBuilder, Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder,
};
use tauri::{AppHandle, Manager, Runtime, State};
use ts_rs::TS;

use crate::messages::Messages;

/// What a menu item asks the window to do. Its snake-case name is the item's menu id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MenuAction {
    NewBundle,
    KeepBundle,
    ImportPlaylist,
    ImportCatalogue,
    ImportFolder,
    ImportLibrary,
    ExportBundle,
    ExportEverything,
    Undo,
    Redo,
    SelectAll,
    FindInBundle,
    Settings,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    KeyboardShortcuts,
}

impl MenuAction {
    /// The menu id of the item for this action.
    fn id(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|value| value.as_str().map(str::to_owned))
            .expect("a unit variant serialises as its name")
    }

    fn from_id(id: &str) -> Option<MenuAction> {
        serde_json::from_value(serde_json::Value::String(id.to_owned())).ok()
    }
}

/// The id of the one item the shell handles itself.
const QUIT: &str = "quit";

/// Where menu actions go: the window's channel, once it has asked for them.
#[derive(Default)]
pub struct MenuListener(Mutex<Option<Channel<MenuAction>>>);

/// The window asks for the menu's actions; a reload asks again and replaces the channel.
#[tauri::command]
pub fn listen_to_menu(listener: State<'_, MenuListener>, channel: Channel<MenuAction>) {
    *listener.0.lock().expect("the menu listener") = Some(channel);
}

/// Runs a menu item: Quit closes the main window (asking about unkept drafts as a close does);
/// everything else goes to the window.
pub fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    if id == QUIT {
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.close();
        }
        return;
    }
    let Some(action) = MenuAction::from_id(id) else {
        return;
    };
    let listener = app.state::<MenuListener>();
    if let Some(channel) = listener.0.lock().expect("the menu listener").as_ref() {
        // A window that has gone away cannot be told; the item then does nothing.
        let _ = channel.send(action);
    }
}

/// The menu bar, in `messages`' language.
pub fn menu_bar<R: Runtime>(app: &AppHandle<R>, messages: Messages) -> tauri::Result<Menu<R>> {
    let item = |action: MenuAction, accelerator: Option<&str>| {
        let builder = MenuItemBuilder::with_id(action.id(), messages.menu_item(action));
        match accelerator {
            Some(keys) => builder.accelerator(keys).build(app),
            None => builder.build(app),
        }
    };
    let quit = MenuItemBuilder::with_id(QUIT, messages.menu_quit())
        .accelerator("CmdOrCtrl+Q")
        .build(app)?;
    let file = SubmenuBuilder::new(app, messages.menu_file())
        .item(&item(MenuAction::NewBundle, Some("CmdOrCtrl+N"))?)
        .item(&item(MenuAction::KeepBundle, Some("CmdOrCtrl+S"))?)
        .separator()
        .item(&item(MenuAction::ImportPlaylist, None)?)
        .item(&item(MenuAction::ImportCatalogue, None)?)
        .item(&item(MenuAction::ImportFolder, None)?)
        .item(&item(MenuAction::ImportLibrary, None)?)
        .separator()
        .item(&item(MenuAction::ExportBundle, Some("CmdOrCtrl+E"))?)
        .item(&item(MenuAction::ExportEverything, None)?);
    let file = if cfg!(target_os = "macos") {
        file.build()?
    } else {
        file.separator().item(&quit).build()?
    };
    // Undo, Redo and Select all act on the text field being typed in, if any (the window
    // decides), so taking their keys from the page loses nothing.
    let edit = SubmenuBuilder::new(app, messages.menu_edit())
        .item(&item(MenuAction::Undo, Some("CmdOrCtrl+Z"))?)
        .item(&item(MenuAction::Redo, Some("CmdOrCtrl+Shift+Z"))?)
        .separator()
        .item(&item(MenuAction::SelectAll, Some("CmdOrCtrl+A"))?)
        .item(&item(MenuAction::FindInBundle, Some("CmdOrCtrl+F"))?)
        .separator()
        .item(&item(MenuAction::Settings, Some("CmdOrCtrl+Comma"))?)
        .build()?;
    let view = SubmenuBuilder::new(app, messages.menu_view())
        .item(&item(MenuAction::ThemeSystem, None)?)
        .item(&item(MenuAction::ThemeLight, None)?)
        .item(&item(MenuAction::ThemeDark, None)?)
        .build()?;
    let about = AboutMetadataBuilder::new()
        .name(Some("Strand"))
        .version(Some(app.package_info().version.to_string()))
        .license(Some(env!("CARGO_PKG_LICENSE")))
        .comments(Some(messages.about_comments()))
        .build();
    let mut help = SubmenuBuilder::new(app, messages.menu_help())
        .item(&item(MenuAction::KeyboardShortcuts, Some("F1"))?);
    if !cfg!(target_os = "macos") {
        help = help
            .separator()
            .about_with_text(messages.menu_about(), Some(about.clone()));
    }
    let help = help.build()?;
    let menu = MenuBuilder::new(app);
    // Apple's layout: About, Services, Hide and Quit live in the menu named after the app.
    let menu = if cfg!(target_os = "macos") {
        let app_menu = SubmenuBuilder::new(app, "Strand")
            .about_with_text(messages.menu_about(), Some(about))
            .separator()
            .services()
            .separator()
            .hide()
            .hide_others()
            .show_all()
            .separator()
            .item(&quit)
            .build()?;
        menu.item(&app_menu)
    } else {
        menu
    };
    menu.items(&[&file, &edit, &view, &help]).build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_found_again_from_its_menu_id() {
        let actions = [
            MenuAction::NewBundle,
            MenuAction::ImportLibrary,
            MenuAction::FindInBundle,
            MenuAction::ThemeDark,
            MenuAction::KeyboardShortcuts,
        ];
        for action in actions {
            assert_eq!(MenuAction::from_id(&action.id()), Some(action));
        }
        assert_eq!(MenuAction::NewBundle.id(), "new_bundle");
        assert_eq!(MenuAction::from_id(QUIT), None);
    }
}
