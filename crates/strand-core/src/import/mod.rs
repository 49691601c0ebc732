//! Bringing files into the library. Each imported entry is matched to a library item (by id, then
//! address, then title + creator + duration) or becomes a new one, inside the caller's single
//! transaction, and the summary says how many matched, were created and were skipped, and why.
//! Long imports report progress and stop when cancelled; a stopped or failed import rolls back
//! whole.

pub mod audio;

use std::fs::File;
use std::io::Read;
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;
use url::Url;

use crate::error::{Error, Result};
use crate::formats::{ImportedEntry, SkippedLine, too_big};
use crate::ids::ItemId;
use crate::model::Bundle;
use crate::store::{self, ItemWriter};

/// How many skipped lines a summary lists one by one (it counts them all).
pub const MAX_LISTED_SKIPS: usize = 200;

/// How many entries pass between progress reports and looks at the cancel button.
pub(crate) const CHECK_EVERY: u64 = 2048;

/// Someone watching a long import: told how far it got, and asked whether to stop.
pub trait ImportWatch: Sync {
    /// `done` of `total` units (bytes or files) are through.
    fn progress(&self, done: u64, total: u64);
    /// Whether the person asked to stop.
    fn cancelled(&self) -> bool;
}

/// Nobody watching: no progress shown, never cancelled.
#[derive(Clone, Copy, Debug, Default)]
pub struct Unwatched;

impl ImportWatch for Unwatched {
    fn progress(&self, _done: u64, _total: u64) {}

    fn cancelled(&self) -> bool {
        false
    }
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// Entries that matched an item already in the library.
    pub matched: u32,
    /// Entries that became new library items.
    pub created: u32,
    /// Lines that were skipped.
    pub skipped: u32,
    /// The first [`MAX_LISTED_SKIPS`] skipped lines, each with its reason.
    pub skipped_lines: Vec<SkippedLine>,
}

/// What importing a playlist did: the new draft, and the summary.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlaylistImport {
    /// The draft the playlist became.
    pub bundle: Bundle,
    /// How its entries were matched.
    pub summary: ImportSummary,
    /// Why the cover picture the file carries was left out, if it was.
    pub cover_left_out: Option<String>,
}

/// What importing a music app's whole library did.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CollectionImport {
    /// How its tracks were matched.
    pub summary: ImportSummary,
    /// How many of its playlists became drafts.
    pub drafts: u32,
    /// How many playlist folders it files them in.
    pub folders: u32,
    /// How many of the app's built-in lists (Library, Music, Podcasts, …) were left out.
    pub built_in: u32,
    /// Playlist entries naming a track the file does not hold (or one that was skipped).
    pub missing: u32,
    /// The first of the drafts, to open.
    pub first: Option<Bundle>,
}

/// Matches or creates items for entries, inside one transaction.
pub(crate) struct Importer<'a> {
    connection: &'a Connection,
    writer: ItemWriter<'a>,
    summary: ImportSummary,
}

impl<'a> Importer<'a> {
    pub fn new(connection: &'a Connection, now: DateTime<Utc>) -> Result<Importer<'a>> {
        connection.pragma_update(None, "cache_size", store::IMPORT_PAGE_CACHE_KIB)?;
        Ok(Importer {
            connection,
            writer: ItemWriter::new(connection, now)?,
            summary: ImportSummary::default(),
        })
    }

    /// The item `entry` stands for, created if the library has none.
    pub fn take(&mut self, entry: &ImportedEntry) -> Result<ItemId> {
        if let Some(id) = store::matching_item(self.connection, entry.item_id, &entry.details)? {
            self.summary.matched += 1;
            return Ok(id);
        }
        // An item from another Strand keeps its id, so importing its file again matches it.
        let id = entry.item_id.unwrap_or_default();
        self.writer.insert(id, &entry.details)?;
        self.summary.created += 1;
        Ok(id)
    }

    pub fn skip(&mut self, line: SkippedLine) {
        self.summary.skipped += 1;
        if self.summary.skipped_lines.len() < MAX_LISTED_SKIPS {
            self.summary.skipped_lines.push(line);
        }
    }

    /// Matches every entry in order, reporting progress by entry.
    pub fn take_all(
        &mut self,
        entries: &[ImportedEntry],
        skipped: Vec<SkippedLine>,
        watch: &dyn ImportWatch,
    ) -> Result<Vec<ItemId>> {
        skipped.into_iter().for_each(|line| self.skip(line));
        let total = entries.len() as u64;
        let mut ids = Vec::with_capacity(entries.len());
        for (done, entry) in entries.iter().enumerate() {
            if (done as u64).is_multiple_of(CHECK_EVERY) {
                checkpoint(watch, done as u64, total)?;
            }
            ids.push(self.take(entry)?);
        }
        watch.progress(total, total);
        Ok(ids)
    }

    /// Ends the import: the library's item count takes in what was created.
    pub fn finish(mut self) -> Result<ImportSummary> {
        self.summary.skipped_lines.sort_by_key(|line| line.line);
        let summary = std::mem::take(&mut self.summary);
        self.writer.finish()?;
        Ok(summary)
    }
}

impl Drop for Importer<'_> {
    /// Back to the everyday page cache, whether the import landed or not.
    fn drop(&mut self) {
        // A cache size cannot fail to set on an open connection; if it did, only memory is at stake.
        let _ = self
            .connection
            .pragma_update(None, "cache_size", store::PAGE_CACHE_KIB);
    }
}

/// Reports progress and stops the import (rolling it back) if the person cancelled.
pub(crate) fn checkpoint(watch: &dyn ImportWatch, done: u64, total: u64) -> Result<()> {
    watch.progress(done, total);
    if watch.cancelled() {
        return Err(Error::Cancelled);
    }
    Ok(())
}

/// A file's bytes, refused with a clear error if it is bigger than `limit`.
pub(crate) fn read_bounded(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>> {
    let file = File::open(path).map_err(|error| cannot_read(path, error))?;
    let size = file
        .metadata()
        .map_err(|error| cannot_read(path, error))?
        .len();
    if size > limit {
        return Err(too_big(what, limit));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| cannot_read(path, error))?;
    if bytes.len() as u64 > limit {
        return Err(too_big(what, limit));
    }
    Ok(bytes)
}

/// Where a file lives as a URL, so relative paths inside it resolve against its folder.
pub(crate) fn file_url(path: &Path) -> Result<Url> {
    let absolute = std::path::absolute(path).map_err(|error| cannot_read(path, error))?;
    Url::from_file_path(&absolute).map_err(|()| {
        let path = path.display();
        Error::File(say!(
            "{path} is not a local file",
            "{path} ist keine lokale Datei"
        ))
    })
}

pub(crate) fn cannot_read(path: &Path, error: impl std::fmt::Display) -> Error {
    let path = path.display();
    Error::File(say!(
        "cannot read {path}: {error}",
        "{path} lässt sich nicht lesen: {error}"
    ))
}
