//! Closing the window with unkept drafts asks first, in a native dialog that names what would be
//! lost and, where the policy lets this person keep them all, offers to. A normal quit lets
//! unkept drafts go (only a crash brings them back), so this is the last moment to keep them.

use strand_core::Strand;
use tauri::{Manager, Runtime, Window, WindowEvent};
use tauri_plugin_dialog::{
    DialogExt, MessageDialogButtons, MessageDialogKind, MessageDialogResult,
};

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
    let messages = *window.app_handle().state::<Messages>();
    let can_keep_all = strand.can_keep_all().unwrap_or(false);
    let (quit, stay) = (messages.quit_and_lose(), messages.keep_editing());
    let keep_all = messages.keep_all_and_quit();
    let buttons = if can_keep_all {
        MessageDialogButtons::YesNoCancelCustom(keep_all.into(), quit.into(), stay.into())
    } else {
        MessageDialogButtons::OkCancelCustom(quit.into(), stay.into())
    };
    let closing = window.clone();
    window
        .dialog()
        .message(messages.unkept_drafts_body(&unkept))
        .title(messages.unkept_drafts_title())
        .kind(MessageDialogKind::Warning)
        .buttons(buttons)
        .parent(window)
        .show_with_result(move |answer| {
            let MessageDialogResult::Custom(label) = answer else {
                return;
            };
            if label == keep_all {
                let Some(strand) = closing.try_state::<Strand>() else {
                    return;
                };
                if let Err(refusal) = strand.keep_all() {
                    closing
                        .dialog()
                        .message(refusal.to_string())
                        .title(messages.keep_all_failed_title())
                        .kind(MessageDialogKind::Error)
                        .parent(&closing)
                        .show(drop);
                    return;
                }
            } else if label != quit {
                return;
            }
            // destroy() skips CloseRequested, so the question is not asked twice.
            let _ = closing.destroy();
        });
}
