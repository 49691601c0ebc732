//! Closing the window with unkept drafts asks first, in a native dialog that names what would be
//! lost. Drafts live only in memory, so this is the last moment they can be saved.

use strand_core::Strand;
use tauri::{Manager, Runtime, Window, WindowEvent};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

use crate::messages::Messages;

/// Handles the main window's close request.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    let Some(strand) = window.try_state::<Strand>() else {
        return;
    };
    let unkept = strand.unkept_draft_names();
    if unkept.is_empty() {
        return;
    }
    api.prevent_close();
    let messages = Messages::for_system_locale();
    let closing = window.clone();
    window
        .dialog()
        .message(messages.unkept_drafts_body(&unkept))
        .title(messages.unkept_drafts_title())
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancelCustom(
            messages.quit_and_lose().to_owned(),
            messages.keep_editing().to_owned(),
        ))
        .parent(window)
        .show(move |quit| {
            if quit {
                // destroy() skips CloseRequested, so the question is not asked twice.
                let _ = closing.destroy();
            }
        });
}
