//! Import and export commands. The file or folder is chosen in a native dialog on the Rust side;
//! the import runs on a blocking thread, sends its progress over a channel and stops when the
//! person presses Cancel (the core then rolls it back whole).

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use serde::Serialize;
use strand_core::{
    BundleId, CollectionImport, ExportFormat, ImportSummary, ImportWatch, PlaylistImport, Strand,
};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};
use ts_rs::TS;

use crate::dialogs::{self, ImportSource};
use crate::error::{IpcError, IpcResult};

/// How far an import got, as the progress bar shows it.
#[derive(Clone, Copy, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    /// Units done: bytes of a file, or files of a folder.
    pub done: u32,
    /// Units in all.
    pub total: u32,
}

/// The cancel button of the import under way (one at a time: the dialog is modal).
#[derive(Debug, Default)]
pub struct ImportCancel(AtomicBool);

impl ImportCancel {
    /// Asks the import under way, if any, to stop: it rolls back and answers `cancelled`.
    pub fn request(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

struct ChannelWatch<'a> {
    channel: Channel<ImportProgress>,
    cancel: &'a ImportCancel,
    /// The last percentage sent, so the webview gets at most a hundred updates.
    sent_percent: AtomicU32,
}

impl ImportWatch for ChannelWatch<'_> {
    fn progress(&self, done: u64, total: u64) {
        let percent = (done * 100).checked_div(total).unwrap_or(100) as u32;
        if self.sent_percent.swap(percent, Ordering::Relaxed) != percent {
            // A closed webview cannot show progress; the import goes on regardless.
            let _ = self.channel.send(ImportProgress {
                done: done.min(u64::from(u32::MAX)) as u32,
                total: total.min(u64::from(u32::MAX)) as u32,
            });
        }
    }

    fn cancelled(&self) -> bool {
        self.cancel.0.load(Ordering::Relaxed)
    }
}

/// Asks for `source` in a native dialog and imports it off the async runtime; `None` if the
/// person cancelled the dialog.
async fn import<R: Runtime, T: Send + 'static>(
    app: AppHandle<R>,
    source: ImportSource,
    progress: Channel<ImportProgress>,
    run: impl FnOnce(&Strand, &std::path::Path, &dyn ImportWatch) -> strand_core::Result<T>
    + Send
    + 'static,
) -> IpcResult<Option<T>> {
    let Some(path) = dialogs::pick_import(&app, source)? else {
        return Ok(None);
    };
    tauri::async_runtime::spawn_blocking(move || {
        let cancel = app.state::<ImportCancel>();
        cancel.0.store(false, Ordering::Relaxed);
        let watch = ChannelWatch {
            channel: progress,
            cancel: &cancel,
            sent_percent: AtomicU32::new(u32::MAX),
        };
        Ok(Some(run(&app.state::<Strand>(), &path, &watch)?))
    })
    .await
    .map_err(|error| {
        IpcError::internal(strand_core::say!(
            "the import stopped unexpectedly: {error}",
            "der Import hielt unerwartet an: {error}"
        ))
    })?
}

/// Writes a bundle as `format` where the person chooses in the save dialog; `false` if they
/// cancelled. With `relative_paths`, M3U8, PLS and WPL name local files from the folder the
/// playlist is saved in. Allowed on every tier: a person's data is theirs.
#[tauri::command]
pub async fn export_bundle<R: Runtime>(
    app: AppHandle<R>,
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    format: ExportFormat,
    relative_paths: bool,
) -> IpcResult<bool> {
    let export = strand.prepare_export(bundle_id)?;
    let Some(path) = dialogs::pick_bundle_file(&app, export.name(), format)? else {
        return Ok(false);
    };
    let text = export.text(format, relative_paths.then_some(path.as_path()))?;
    dialogs::write_file(&path, &text)?;
    Ok(true)
}

/// Writes the whole library and every bundle in Strand's JSON; `false` if cancelled.
#[tauri::command]
pub async fn export_library<R: Runtime>(
    app: AppHandle<R>,
    strand: State<'_, Strand>,
) -> IpcResult<bool> {
    let json = strand.export_library()?;
    dialogs::save_library(&app, &json)
}

/// Imports a playlist file as a new draft.
#[tauri::command]
pub async fn import_playlist<R: Runtime>(
    app: AppHandle<R>,
    progress: Channel<ImportProgress>,
) -> IpcResult<Option<PlaylistImport>> {
    import(
        app,
        ImportSource::Playlist,
        progress,
        |strand, path, watch| strand.import_playlist(path, watch),
    )
    .await
}

/// Imports a catalogue file (CSV or Strand JSON) into the library.
#[tauri::command]
pub async fn import_catalogue<R: Runtime>(
    app: AppHandle<R>,
    progress: Channel<ImportProgress>,
) -> IpcResult<Option<ImportSummary>> {
    import(
        app,
        ImportSource::CatalogueFile,
        progress,
        |strand, path, watch| strand.import_catalogue(path, watch),
    )
    .await
}

/// Imports a folder of audio files into the library.
#[tauri::command]
pub async fn import_audio_folder<R: Runtime>(
    app: AppHandle<R>,
    progress: Channel<ImportProgress>,
) -> IpcResult<Option<ImportSummary>> {
    import(
        app,
        ImportSource::AudioFolder,
        progress,
        |strand, path, watch| strand.import_catalogue(path, watch),
    )
    .await
}

/// Imports a music app's whole library (iTunes / Apple Music XML, a Spotify export): tracks
/// into the library, playlists as drafts.
#[tauri::command]
pub async fn import_collection<R: Runtime>(
    app: AppHandle<R>,
    progress: Channel<ImportProgress>,
) -> IpcResult<Option<CollectionImport>> {
    import(
        app,
        ImportSource::MusicLibrary,
        progress,
        |strand, path, watch| strand.import_collection(path, watch),
    )
    .await
}

/// Stops the import under way; it rolls back and answers with `cancelled`.
#[tauri::command]
pub fn cancel_import(cancel: State<'_, ImportCancel>) {
    cancel.request();
}
