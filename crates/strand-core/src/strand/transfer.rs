//! Files in and out of a library: playlists become drafts, catalogues become items — each import
//! one transaction — and bundles or the whole library are written out. Exports are allowed on
//! every tier: a person's data is theirs.

use std::fs::File;
use std::path::Path;

use chrono::{DateTime, Utc};
use url::Url;

use super::Strand;
use crate::drafts::Draft;
use crate::entitlements::Capability;
use crate::error::{Error, Result};
use crate::formats::{
    self, ExportFormat, MAX_CATALOGUE_BYTES, MAX_JSON_CATALOGUE_BYTES, MAX_PLAYLIST_BYTES,
    PlaylistFormat, TableReader, TableRow,
};
use crate::formats::{ImportedEntry, SkippedLine, too_big};
use crate::funnel::FunnelStep;
use crate::ids::{BundleId, ItemId};
use crate::import::{
    self, CHECK_EVERY, ImportSummary, ImportWatch, Importer, PlaylistImport, audio,
};
use crate::model::WholeBundle;
use crate::share::{LIBRARY_FORMAT, LibraryBundle, LibraryFile, version_for};
use crate::store;
use crate::store::backups::RestoreReason;
use crate::validate;

/// A bundle about to be written to a file.
#[derive(Debug)]
pub struct BundleExport {
    bundle: WholeBundle,
    now: DateTime<Utc>,
}

impl BundleExport {
    /// The bundle's name, for the save dialog's file name.
    pub fn name(&self) -> &str {
        &self.bundle.bundle.name
    }

    /// The file's text as `format`; with `relative_to` (where the file is being saved), the
    /// path formats write local files relative to its folder.
    pub fn text(&self, format: ExportFormat, relative_to: Option<&Path>) -> Result<String> {
        let saved_at = relative_to
            .map(|path| {
                Url::from_file_path(path).map_err(|()| {
                    let path = path.display();
                    Error::invalid(
                        "file",
                        say!(
                            "{path} is not a full path",
                            "{path} ist kein vollständiger Pfad"
                        ),
                    )
                })
            })
            .transpose()?;
        Ok(formats::write_bundle(
            &self.bundle,
            format,
            self.now,
            saved_at.as_ref(),
        ))
    }
}

impl Strand {
    /// Imports a playlist file (M3U, M3U8, PLS, XSPF, JSPF, WPL, ASX, CSV or Strand's JSON, by
    /// its extension or, failing that, its content) as a new draft named after the playlist. New items land in the library in one transaction;
    /// if anything fails or the person cancels, the library is exactly as before.
    pub fn import_playlist(&self, path: &Path, watch: &dyn ImportWatch) -> Result<PlaylistImport> {
        let bytes = import::read_bounded(path, MAX_PLAYLIST_BYTES, "playlist")?;
        let format = PlaylistFormat::detect(path, &bytes).ok_or_else(|| {
            Error::invalid("file", {
                let extensions = PlaylistFormat::EXTENSIONS.join(", .");
                say!(
                    "this is not a playlist Strand reads: it reads M3U, PLS, XSPF, JSPF, \
                         WPL, ASX, CSV and its own JSON (.{extensions})",
                    "das ist keine Wiedergabeliste, die Strand liest: es liest M3U, PLS, \
                         XSPF, JSPF, WPL, ASX, CSV und sein eigenes JSON (.{extensions})"
                )
            })
        })?;
        let parsed = formats::parse_playlist(format, &bytes, &import::file_url(path)?)?;
        let name = [
            parsed.name.as_deref(),
            path.file_stem().and_then(|stem| stem.to_str()),
        ]
        .into_iter()
        .flatten()
        .find_map(|name| validate::bundle_name(name).ok())
        .unwrap_or_else(super::unnamed_playlist);
        let (item_ids, summary) = self.import_entries(&parsed.entries, parsed.skipped, watch)?;
        // A cover the file carries that cannot be one is said, not fatal: the entries came in.
        let (cover_image, cover_left_out) = match parsed.cover.as_deref() {
            None => (None, None),
            Some(uri) => match self.store_carried_cover(uri) {
                Ok(cover) => (Some(cover), None),
                // The reason alone: the summary says it is about the cover.
                Err(Error::Invalid { reason, .. }) => (None, Some(reason)),
                Err(error) => (None, Some(error.to_string())),
            },
        };
        let now = self.clock.now();
        let mut draft = Draft::new(name, now);
        draft.details.cover_image = cover_image;
        for item_id in item_ids {
            draft.append(item_id, now)?;
        }
        let bundle = super::draft_head(&draft);
        self.record_alone(FunnelStep::DraftStarted)?;
        self.journal.started(&draft);
        self.drafts().insert(draft.id, draft);
        Ok(PlaylistImport {
            bundle,
            summary,
            cover_left_out,
        })
    }

    /// Imports items into the library from a catalogue: a CSV file (streamed, so a million rows
    /// never sit in memory), Strand's JSON, or a folder of audio files. One transaction.
    pub fn import_catalogue(&self, path: &Path, watch: &dyn ImportWatch) -> Result<ImportSummary> {
        if path.is_dir() {
            let (entries, skipped) = audio::read_folder(path, watch)?;
            return Ok(self.import_entries(&entries, skipped, watch)?.1);
        }
        let extension = path
            .extension()
            .and_then(|extension| extension.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("csv") => self.import_catalogue_csv(path, watch),
            Some("json") => {
                let bytes = import::read_bounded(path, MAX_JSON_CATALOGUE_BYTES, "catalogue")?;
                let parsed = formats::parse_catalogue_json(&bytes)?;
                Ok(self
                    .import_entries(&parsed.entries, parsed.skipped, watch)?
                    .1)
            }
            _ => Err(Error::invalid(
                "file",
                say!(
                    "Strand reads catalogues from .csv or .json files, or from a folder of audio \
                     files",
                    "Strand liest Kataloge aus .csv- oder .json-Dateien oder aus einem Ordner \
                     mit Audiodateien"
                ),
            )),
        }
    }

    fn import_catalogue_csv(&self, path: &Path, watch: &dyn ImportWatch) -> Result<ImportSummary> {
        let file = File::open(path).map_err(|error| import::cannot_read(path, error))?;
        let size = file
            .metadata()
            .map_err(|error| import::cannot_read(path, error))?
            .len();
        if size > MAX_CATALOGUE_BYTES {
            return Err(too_big("catalogue", MAX_CATALOGUE_BYTES));
        }
        let base = import::file_url(path)?;
        self.restore_point(RestoreReason::Import)?;
        let now = self.clock.now();
        self.store.write(|tx| {
            let mut reader = TableReader::new(file, base)?;
            let mut importer = Importer::new(tx, now)?;
            let mut rows = 0_u64;
            while let Some(row) = reader.next_row()? {
                match row {
                    TableRow::Entry(entry) => drop(importer.take(&entry)?),
                    TableRow::Skipped(line) => importer.skip(line),
                }
                rows += 1;
                if rows.is_multiple_of(CHECK_EVERY) {
                    import::checkpoint(watch, reader.bytes_read(), size)?;
                }
            }
            watch.progress(size, size);
            importer.finish()
        })
    }

    /// Matches or creates an item for each entry, in one transaction.
    fn import_entries(
        &self,
        entries: &[ImportedEntry],
        skipped: Vec<SkippedLine>,
        watch: &dyn ImportWatch,
    ) -> Result<(Vec<ItemId>, ImportSummary)> {
        self.restore_point(RestoreReason::Import)?;
        let now = self.clock.now();
        self.store.write(|tx| {
            let mut importer = Importer::new(tx, now)?;
            let ids = importer.take_all(entries, skipped, watch)?;
            Ok((ids, importer.finish()?))
        })
    }

    /// A bundle written as `format`, every address as stored.
    pub fn export_bundle(&self, id: BundleId, format: ExportFormat) -> Result<String> {
        self.prepare_export(id)?.text(format, None)
    }

    /// A bundle read for writing once the person has said where: the gate and the bundle are
    /// checked before any save dialog opens, and the text can then be made relative to the
    /// file chosen (see [`BundleExport::text`]).
    pub fn prepare_export(&self, id: BundleId) -> Result<BundleExport> {
        self.require(Capability::ReadKeptBundle)?;
        Ok(BundleExport {
            bundle: self.whole_bundle(id)?,
            now: self.clock.now(),
        })
    }

    /// The whole library and every bundle (drafts and kept, not the trash) in Strand's JSON.
    pub fn export_library(&self) -> Result<String> {
        self.require(Capability::ReadKeptBundle)?;
        let items = self.store.read(store::all_items)?;
        let bundles = self
            .bundles()?
            .iter()
            .map(|summary| Ok(LibraryBundle::from_bundle(&self.whole_bundle(summary.id)?)))
            .collect::<Result<Vec<_>>>()?;
        let file = LibraryFile {
            format: LIBRARY_FORMAT.to_owned(),
            version: version_for(bundles.iter().any(|bundle| bundle.cover.is_some())),
            exported_at: self.clock.now(),
            items,
            bundles,
        };
        Ok(serde_json::to_string_pretty(&file).expect("a library file always serialises"))
    }
}
