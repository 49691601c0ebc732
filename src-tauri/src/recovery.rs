//! A library whose file is too damaged to open: rather than only saying so, the native dialog
//! offers the restore point the core finds for it. Restoring (the core sets the damaged file
//! aside whole, in `damaged/` beside it) opens Strand on the restored library; closing the
//! dialog quits with the file untouched.

use std::path::PathBuf;

use strand_core::{Strand, StrandOptions};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

use crate::instance::LibraryLock;
use crate::messages::Messages;

/// Asks whether to put back the restore point offered instead of the library `refusal` kept
/// from opening, or, with none to offer, says why Strand cannot start.
pub fn offer_restore_point<R: Runtime>(
    app: &AppHandle<R>,
    lock: LibraryLock,
    library: PathBuf,
    options: StrandOptions,
    refusal: strand_core::Error,
) {
    let offered = match Strand::restore_point_instead(&library, &refusal) {
        Ok(Some(point)) => point,
        Ok(None) => return crate::refuse_to_start(app, refusal.to_string()),
        Err(error) => return crate::refuse_to_start(app, format!("{refusal} ({error})")),
    };
    eprintln!("Strand could not open its library: {refusal}");
    let messages = *app.state::<Messages>();
    let answered = app.clone();
    app.dialog()
        .message(messages.damaged_library_body(&refusal.to_string(), &offered))
        .title(messages.damaged_library_title())
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancelCustom(
            messages.restore_it().to_owned(),
            messages.quit().to_owned(),
        ))
        .show(move |restore| {
            if !restore {
                return answered.exit(1);
            }
            let reopened = Strand::restore_in_place_of(&library, &offered.name)
                .and_then(|()| Strand::open(&library, options));
            match reopened {
                Ok(strand) => crate::show_library(&answered, lock, strand),
                Err(error) => crate::refuse_to_start(&answered, error.to_string()),
            }
        });
}
