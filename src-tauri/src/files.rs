//! Files a person chooses in native dialogs (tauri-plugin-dialog), opened here on the Rust side
//! so that paths never travel through the webview. Blocking dialogs run on the async command
//! pool, never on the main thread.

use std::io::Read;

use strand_core::ErrorCode;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::error::{IpcError, IpcResult};

/// A licence file is a line of text; anything much bigger is not one.
const MAX_LICENCE_FILE_BYTES: u64 = 64 * 1024;

fn file_error(what: &str, error: impl std::fmt::Display) -> IpcError {
    IpcError {
        code: ErrorCode::Invalid,
        message: format!("{what}: {error}"),
    }
}

/// Asks for a licence file and returns its text, or `None` if the person cancelled.
pub fn read_licence_file<R: Runtime>(app: &AppHandle<R>) -> IpcResult<Option<String>> {
    let Some(chosen) = app
        .dialog()
        .file()
        .set_title("Open a Strand licence")
        .add_filter(
            "Strand licence",
            &["strandlicence", "licence", "license", "txt"],
        )
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    let path = chosen
        .into_path()
        .map_err(|error| file_error("that is not a local file", error))?;
    let file = std::fs::File::open(&path)
        .map_err(|error| file_error("cannot open the licence file", error))?;
    let mut text = String::new();
    file.take(MAX_LICENCE_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|error| file_error("the licence file is not text", error))?;
    if text.len() as u64 > MAX_LICENCE_FILE_BYTES {
        return Err(file_error("not a licence file", "it is larger than 64 KiB"));
    }
    Ok(Some(text))
}

/// Asks where to save the funnel and writes `csv` there; `false` if the person cancelled.
pub fn save_funnel_csv<R: Runtime>(app: &AppHandle<R>, csv: &str) -> IpcResult<bool> {
    let Some(chosen) = app
        .dialog()
        .file()
        .set_title("Export the funnel")
        .set_file_name("strand-funnel.csv")
        .add_filter("CSV", &["csv"])
        .blocking_save_file()
    else {
        return Ok(false);
    };
    let path = chosen
        .into_path()
        .map_err(|error| file_error("that is not a local file", error))?;
    std::fs::write(&path, csv).map_err(|error| file_error("cannot write the funnel", error))?;
    Ok(true)
}
