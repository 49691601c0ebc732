//! Files a person chooses in native dialogs (tauri-plugin-dialog), opened here on the Rust side
//! so that paths never travel through the webview. Blocking dialogs run on the async command
//! pool, never on the main thread.

use std::io::Read;
use std::path::{Path, PathBuf};

use strand_core::{ErrorCode, ExportFormat, PlaylistFormat, say};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, FilePath};

use crate::error::{IpcError, IpcResult};
use crate::messages::Messages;

/// The language the app decided on at start.
fn messages<R: Runtime>(app: &AppHandle<R>) -> Messages {
    *app.state::<Messages>()
}

/// A licence file is a line of text; anything much bigger is not one.
const MAX_LICENCE_FILE_BYTES: u64 = 64 * 1024;

fn file_error(what: String, error: impl std::fmt::Display) -> IpcError {
    IpcError::new(ErrorCode::Invalid, format!("{what}: {error}"))
}

/// Asks for a licence file and returns its text, or `None` if the person cancelled.
pub fn read_licence_file<R: Runtime>(app: &AppHandle<R>) -> IpcResult<Option<String>> {
    let Some(chosen) = app
        .dialog()
        .file()
        .set_title(messages(app).open_licence_title())
        .add_filter(
            say!("Strand licence", "Strand-Lizenz"),
            &["strandlicence", "licence", "license", "txt"],
        )
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    let path = local_path(chosen)?;
    let file = std::fs::File::open(&path).map_err(|error| {
        file_error(
            say!(
                "cannot open the licence file",
                "die Lizenzdatei öffnet sich nicht"
            ),
            error,
        )
    })?;
    let mut text = String::new();
    file.take(MAX_LICENCE_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|error| {
            file_error(
                say!(
                    "the licence file is not text",
                    "die Lizenzdatei ist kein Text"
                ),
                error,
            )
        })?;
    if text.len() as u64 > MAX_LICENCE_FILE_BYTES {
        return Err(file_error(
            say!("not a licence file", "keine Lizenzdatei"),
            say!("it is larger than 64 KiB", "sie ist größer als 64 KiB"),
        ));
    }
    Ok(Some(text))
}

/// Asks where to save the funnel and writes `csv` there; `false` if the person cancelled.
pub fn save_funnel_csv<R: Runtime>(app: &AppHandle<R>, csv: &str) -> IpcResult<bool> {
    save_text(
        app,
        messages(app).export_funnel_title(),
        "strand-funnel.csv",
        ("CSV", &["csv"]),
        csv,
    )
}

/// Asks where to save a bundle exported as `format`; `None` if the person cancelled.
pub fn pick_bundle_file<R: Runtime>(
    app: &AppHandle<R>,
    name: &str,
    format: ExportFormat,
) -> IpcResult<Option<PathBuf>> {
    let filter = match format {
        ExportFormat::StrandJson => say!("Strand bundle", "Strand-Bündel"),
        ExportFormat::M3u8 => say!("M3U8 playlist", "M3U8-Wiedergabeliste"),
        ExportFormat::Xspf => say!("XSPF playlist", "XSPF-Wiedergabeliste"),
        ExportFormat::Jspf => say!("JSPF playlist", "JSPF-Wiedergabeliste"),
        ExportFormat::Pls => say!("PLS playlist", "PLS-Wiedergabeliste"),
        ExportFormat::Wpl => say!("Windows Media playlist", "Windows-Media-Wiedergabeliste"),
        ExportFormat::Csv => "CSV".to_owned(),
    };
    // Strand's own files say so in their name, beside other JSON.
    let suffix = match format {
        ExportFormat::StrandJson => "strand.json",
        other => other.extension(),
    };
    let file_name = format!("{}.{suffix}", file_name_safe(name));
    pick_save_path(
        app,
        messages(app).export_bundle_title(),
        &file_name,
        (&filter, &[format.extension()]),
    )
}

/// Asks where to save the whole library and writes `json` there; `false` if cancelled.
pub fn save_library<R: Runtime>(app: &AppHandle<R>, json: &str) -> IpcResult<bool> {
    save_text(
        app,
        messages(app).export_everything_title(),
        "strand-library.json",
        (&say!("Strand library", "Strand-Bibliothek"), &["json"]),
        json,
    )
}

/// What a person may import, and the open dialog that asks for it.
#[derive(Clone, Copy, Debug)]
pub enum ImportSource {
    /// A playlist file, which becomes a draft.
    Playlist,
    /// A catalogue file (CSV or Strand JSON), whose items join the library.
    CatalogueFile,
    /// A folder of audio files, whose files join the library.
    AudioFolder,
    /// A music app's library file (iTunes XML, a Spotify export), whose playlists become drafts.
    MusicLibrary,
}

/// Asks for the file or folder to import; `None` if the person cancelled.
pub fn pick_import<R: Runtime>(
    app: &AppHandle<R>,
    source: ImportSource,
) -> IpcResult<Option<PathBuf>> {
    let messages = messages(app);
    let dialog = app.dialog().file();
    let chosen = match source {
        ImportSource::Playlist => dialog
            .set_title(messages.import_playlist_title())
            .add_filter(messages.playlists_filter(), &PlaylistFormat::EXTENSIONS)
            // Any other file is read by its content (a playlist saved as .txt).
            .add_filter(messages.all_files_filter(), &["*"])
            .blocking_pick_file(),
        ImportSource::CatalogueFile => dialog
            .set_title(messages.import_catalogue_title())
            .add_filter(say!("Catalogues", "Kataloge"), &["csv", "json"])
            .blocking_pick_file(),
        ImportSource::AudioFolder => dialog
            .set_title(messages.import_folder_title())
            .blocking_pick_folder(),
        ImportSource::MusicLibrary => dialog
            .set_title(messages.import_library_title())
            .add_filter(
                say!(
                    "iTunes, Music or Spotify library",
                    "iTunes-, Music- oder Spotify-Mediathek"
                ),
                &["xml", "json"],
            )
            .blocking_pick_file(),
    };
    chosen.map(local_path).transpose()
}

/// Asks for a picture to be a bundle's cover; `None` if the person cancelled.
pub fn pick_cover<R: Runtime>(app: &AppHandle<R>) -> IpcResult<Option<PathBuf>> {
    let messages = messages(app);
    app.dialog()
        .file()
        .set_title(messages.choose_cover_title())
        .add_filter(messages.pictures_filter(), &["png", "jpg", "jpeg", "webp"])
        .blocking_pick_file()
        .map(local_path)
        .transpose()
}

/// The chosen file's path; a dialog may answer with a URL that names no local file.
fn local_path(chosen: FilePath) -> IpcResult<PathBuf> {
    chosen.into_path().map_err(|error| {
        file_error(
            say!("that is not a local file", "das ist keine lokale Datei"),
            error,
        )
    })
}

/// A bundle name as a file name: path separators and control characters become spaces.
fn file_name_safe(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    // No leading dots either: no hidden files, no "..".
    let trimmed = cleaned.trim_start_matches(['.', ' ']).trim_end();
    if trimmed.is_empty() {
        "bundle".to_owned()
    } else {
        trimmed.to_owned()
    }
}

fn save_text<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    file_name: &str,
    filter: (&str, &[&str]),
    text: &str,
) -> IpcResult<bool> {
    let Some(path) = pick_save_path(app, title, file_name, filter)? else {
        return Ok(false);
    };
    write_file(&path, text)?;
    Ok(true)
}

fn pick_save_path<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    file_name: &str,
    (filter_name, extensions): (&str, &[&str]),
) -> IpcResult<Option<PathBuf>> {
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(file_name)
        .add_filter(filter_name, extensions)
        .blocking_save_file()
        .map(local_path)
        .transpose()
}

/// Writes `text` to the file the person chose.
pub fn write_file(path: &Path, text: &str) -> IpcResult<()> {
    std::fs::write(path, text).map_err(|error| {
        file_error(
            say!(
                "cannot write the file",
                "die Datei lässt sich nicht schreiben"
            ),
            error,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundle_names_become_safe_file_names() {
        assert_eq!(file_name_safe("Road trip"), "Road trip");
        assert_eq!(file_name_safe("../../etc/passwd"), "etc passwd");
        assert_eq!(file_name_safe("..."), "bundle");
    }
}
