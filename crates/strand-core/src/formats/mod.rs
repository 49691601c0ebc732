//! The files people bring to Strand and take away: playlists (M3U/M3U8, PLS, XSPF, JSPF, WPL,
//! ASX, CSV and Strand's JSON), catalogues (CSV, Strand's JSON and folders of audio files) and
//! music apps' whole libraries (iTunes / Apple Music XML, Spotify's account-data export).
//!
//! Parsers are pure — bytes in, entries out — and never open a path a file names: a playlist line
//! becomes a URI to match against the library, nothing more. Every reader is bounded: files over
//! a size limit, lines over a length limit and unknown XML entities are refused with a clear
//! error before anything reaches the library.

mod asx;
mod collection;
mod entry;
pub mod fuzzing;
mod itunes;
mod jspf;
pub mod location;
mod m3u;
mod pls;
mod sniff;
mod spotify;
mod strand_json;
mod table;
mod text;
mod wpl;
mod write;
mod xml;
mod xspf;

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use url::Url;

use crate::error::{Error, Result};
use location::Spelling;

pub use collection::{Collection, CollectionPlaylist, parse_collection};
pub(crate) use entry::{Fields, own_item};
pub use entry::{ImportedEntry, SkippedLine};
pub use table::{TableReader, TableRow};
pub use write::write_bundle;

/// The largest playlist file Strand reads; a playlist is read whole, so this bounds memory.
pub const MAX_PLAYLIST_BYTES: u64 = 64 * 1024 * 1024;

/// The longest line a line-based playlist may have.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// The largest catalogue file: catalogues are streamed, but a file this big is not a catalogue.
pub const MAX_CATALOGUE_BYTES: u64 = 1024 * 1024 * 1024;

/// The largest music-app library file (iTunes XML, a Spotify export): read whole, so this bounds
/// memory; a 100,000-track iTunes library is about 150 MiB.
pub const MAX_COLLECTION_BYTES: u64 = 512 * 1024 * 1024;

/// The largest Strand JSON catalogue: JSON is read whole, so this bounds memory.
pub const MAX_JSON_CATALOGUE_BYTES: u64 = 512 * 1024 * 1024;

/// A playlist file format Strand reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PlaylistFormat {
    /// `.m3u`: UTF-8, or Latin-1/Windows-1252 as older players wrote it.
    M3u,
    /// `.m3u8`: UTF-8.
    M3u8,
    /// `.pls`: Winamp's INI-style list.
    Pls,
    /// `.xspf`: the XML Shareable Playlist Format.
    Xspf,
    /// `.jspf`: XSPF as JSON (ListenBrainz).
    Jspf,
    /// `.wpl`: Windows Media Player's SMIL playlists.
    Wpl,
    /// `.asx`, `.wax`, `.wvx`: Windows Media's stream redirectors.
    Asx,
    /// `.csv` with a header row.
    Csv,
    /// Strand's own share format (`.json`).
    StrandJson,
}

impl PlaylistFormat {
    /// The extensions of the playlist files Strand reads, for the open dialog.
    pub const EXTENSIONS: [&str; 11] = [
        "m3u", "m3u8", "pls", "xspf", "jspf", "wpl", "asx", "wax", "wvx", "csv", "json",
    ];

    /// The format a file name's extension announces, if Strand reads it.
    pub fn from_path(path: &Path) -> Option<PlaylistFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "m3u" => PlaylistFormat::M3u,
            "m3u8" => PlaylistFormat::M3u8,
            "pls" => PlaylistFormat::Pls,
            "xspf" => PlaylistFormat::Xspf,
            "jspf" => PlaylistFormat::Jspf,
            "wpl" => PlaylistFormat::Wpl,
            "asx" | "wax" | "wvx" => PlaylistFormat::Asx,
            "csv" => PlaylistFormat::Csv,
            "json" => PlaylistFormat::StrandJson,
            _ => return None,
        })
    }

    /// The format of the playlist at `path` holding `bytes`: its extension decides, but a
    /// `.json` may be JSPF, and a file with another extension (or none) is read by its
    /// content (a `.txt` holding M3U is M3U). None if neither says.
    pub fn detect(path: &Path, bytes: &[u8]) -> Option<PlaylistFormat> {
        match PlaylistFormat::from_path(path) {
            Some(PlaylistFormat::StrandJson) => Some(match sniff::sniff(bytes) {
                Some(PlaylistFormat::Jspf) => PlaylistFormat::Jspf,
                _ => PlaylistFormat::StrandJson,
            }),
            Some(format) => Some(format),
            None => sniff::sniff(bytes),
        }
    }
}

/// A format Strand writes a bundle in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Extended M3U in UTF-8.
    M3u8,
    /// XSPF.
    Xspf,
    /// JSPF (XSPF as JSON).
    Jspf,
    /// PLS, Winamp's list.
    Pls,
    /// WPL, Windows Media Player's.
    Wpl,
    /// CSV with a header row, formula cells neutralised.
    Csv,
    /// Strand's share format.
    StrandJson,
}

impl ExportFormat {
    /// Every export format, in the order the UI offers them.
    pub const ALL: [ExportFormat; 7] = [
        ExportFormat::StrandJson,
        ExportFormat::M3u8,
        ExportFormat::Xspf,
        ExportFormat::Jspf,
        ExportFormat::Pls,
        ExportFormat::Wpl,
        ExportFormat::Csv,
    ];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::M3u8 => "m3u8",
            ExportFormat::Xspf => "xspf",
            ExportFormat::Jspf => "jspf",
            ExportFormat::Pls => "pls",
            ExportFormat::Wpl => "wpl",
            ExportFormat::Csv => "csv",
            ExportFormat::StrandJson => "json",
        }
    }
}

/// What a playlist file holds: its name if it says one, its entries in order, and the lines that
/// could not become entries, each with its reason.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedPlaylist {
    /// The playlist's own title, if the file gives one.
    pub name: Option<String>,
    /// The entries, first to last.
    pub entries: Vec<ImportedEntry>,
    /// Lines that were skipped, and why.
    pub skipped: Vec<SkippedLine>,
    /// The playlist's cover picture as the `data:` URI the file carries (XSPF's `<image>`,
    /// Strand's JSON), judged when it is imported.
    pub cover: Option<String>,
}

impl ParsedPlaylist {
    /// Adds the entry `fields` describe, found at `location` (as the file spells it, if it gives
    /// one) on `line` — or, if the location or the fields do not hold, the line as skipped.
    pub(crate) fn add(
        &mut self,
        mut fields: Fields,
        location: Option<(&str, Spelling)>,
        base: &Url,
        line: u32,
    ) {
        if let Some((raw, spelling)) = location {
            match location::resolve(raw, base, spelling) {
                Ok(location) => fields.locate(location),
                Err(reason) => return self.skipped.push(SkippedLine::new(line, reason)),
            }
        }
        self.push(fields.into_entry(line));
    }

    /// Adds an entry, or a skipped line.
    pub(crate) fn push(&mut self, entry: Result<ImportedEntry, SkippedLine>) {
        match entry {
            Ok(entry) => self.entries.push(entry),
            Err(skipped) => self.skipped.push(skipped),
        }
    }
}

/// Reads a playlist file's bytes. `location` is where the file lives, so relative paths in it
/// resolve the way a player would resolve them (without ever opening them).
pub fn parse_playlist(
    format: PlaylistFormat,
    bytes: &[u8],
    location: &Url,
) -> Result<ParsedPlaylist> {
    if bytes.len() as u64 > MAX_PLAYLIST_BYTES {
        return Err(too_big("playlist", MAX_PLAYLIST_BYTES));
    }
    match format {
        PlaylistFormat::M3u => {
            m3u::parse(&text::decode(bytes, text::Legacy::Windows1252)?, location)
        }
        PlaylistFormat::M3u8 => m3u::parse(&text::decode(bytes, text::Legacy::None)?, location),
        PlaylistFormat::Pls => {
            pls::parse(&text::decode(bytes, text::Legacy::Windows1252)?, location)
        }
        PlaylistFormat::Xspf => xspf::parse(&text::decode(bytes, text::Legacy::None)?, location),
        PlaylistFormat::Jspf => jspf::parse(strip_utf8_bom(bytes), location),
        PlaylistFormat::Wpl => wpl::parse(&text::decode(bytes, text::Legacy::None)?, location),
        PlaylistFormat::Asx => {
            asx::parse(&text::decode(bytes, text::Legacy::Windows1252)?, location)
        }
        PlaylistFormat::Csv => table::parse_playlist(bytes, location),
        PlaylistFormat::StrandJson => strand_json::parse_bundle(bytes),
    }
}

/// Reads a catalogue in Strand's JSON (a library or a bundle file): its items, in file order.
pub fn parse_catalogue_json(bytes: &[u8]) -> Result<ParsedPlaylist> {
    strand_json::parse_items(bytes)
}

/// JSON has no byte-order mark, but editors on Windows write one.
fn strip_utf8_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

pub(crate) fn too_big(what: &str, limit: u64) -> Error {
    let mebibytes = limit / (1024 * 1024);
    let kind = file_kind(what);
    Error::invalid(
        "file",
        say!(
            "this {what} file is larger than {mebibytes} MiB, the most Strand reads",
            "Strand liest als {kind} höchstens {mebibytes} MiB; diese Datei ist größer"
        ),
    )
}

pub(crate) fn not_readable(what: &str, why: impl std::fmt::Display) -> Error {
    let kind = file_kind(what);
    Error::invalid(
        "file",
        say!(
            "this is not a readable {what} file: {why}",
            "das ist keine lesbare Datei ({kind}): {why}"
        ),
    )
}

/// What a file was read as, in German (the English is the name the caller gives; formats'
/// own names stay as they are).
fn file_kind(what: &str) -> &str {
    match what {
        "playlist" => "Wiedergabeliste",
        "catalogue" => "Katalog",
        "cover picture" => "Titelbild",
        "music library" => "Mediathek",
        "iTunes or Music library" => "iTunes- oder Music-Mediathek",
        "Spotify export" => "Spotify-Export",
        "Strand bundle" => "Strand-Bündel",
        "Strand library" => "Strand-Bibliothek",
        other => other,
    }
}
