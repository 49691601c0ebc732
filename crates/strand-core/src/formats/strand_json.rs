//! Reading Strand's own JSON files (see [`crate::share`]): a shared bundle, or a whole library
//! exported with "Export everything". The header is read first, so a file from a newer Strand
//! says so instead of failing on a field this build does not know.

use std::collections::HashMap;

use serde::Deserialize;

use super::entry::{Fields, SkippedLine};
use super::location;
use super::{ParsedPlaylist, not_readable};
use crate::error::{Error, Result};
use crate::model::Item;
use crate::share::{
    BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BundleFile, LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION,
    LibraryFile,
};

#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

/// A shared bundle: its name, and its entries in order.
pub(crate) fn parse_bundle(bytes: &[u8]) -> Result<ParsedPlaylist> {
    let header = header(bytes)?;
    if header.format != BUNDLE_FORMAT {
        return Err(not_readable("Strand bundle", {
            let format = &header.format;
            say!(
                "it is a {format:?} file; import it as a catalogue",
                "sie ist eine {format:?}-Datei; importiere sie als Katalog"
            )
        }));
    }
    check_version(header.version, BUNDLE_FORMAT_VERSION)?;
    let file: BundleFile =
        serde_json::from_slice(bytes).map_err(|error| not_readable("Strand bundle", error))?;
    let mut playlist = ParsedPlaylist {
        name: Some(file.name),
        cover: file.cover,
        ..ParsedPlaylist::default()
    };
    // Looked up by id, not searched for: a search per entry made 80,000 entries take 18 s.
    // Should the file list an id twice, the first listing wins, as a search would find it.
    let mut items = HashMap::with_capacity(file.items.len());
    for item in &file.items {
        items.entry(item.id).or_insert(item);
    }
    for (index, entry) in file.entries.iter().enumerate() {
        let number = index as u32 + 1;
        match items.get(&entry.item) {
            Some(item) => playlist.push(fields(item).into_entry(number)),
            None => playlist.skipped.push(SkippedLine::new(number, {
                let item = entry.item;
                say!(
                    "entry {number} names item {item} that the file does not list",
                    "Eintrag {number} nennt das Element {item}, das die Datei nicht aufführt"
                )
            })),
        }
    }
    Ok(playlist)
}

/// The items of a library or bundle file, for a catalogue import.
pub(crate) fn parse_items(bytes: &[u8]) -> Result<ParsedPlaylist> {
    let header = header(bytes)?;
    let items = match header.format.as_str() {
        LIBRARY_FORMAT => {
            check_version(header.version, LIBRARY_FORMAT_VERSION)?;
            serde_json::from_slice::<LibraryFile>(bytes)
                .map_err(|error| not_readable("Strand library", error))?
                .items
        }
        BUNDLE_FORMAT => {
            check_version(header.version, BUNDLE_FORMAT_VERSION)?;
            serde_json::from_slice::<BundleFile>(bytes)
                .map_err(|error| not_readable("Strand bundle", error))?
                .items
        }
        other => {
            return Err(not_readable(
                "Strand",
                say!(
                    "its format {other:?} is not Strand's",
                    "ihr Format {other:?} ist nicht das von Strand"
                ),
            ));
        }
    };
    let mut playlist = ParsedPlaylist::default();
    for (index, item) in items.iter().enumerate() {
        playlist.push(fields(item).into_entry(index as u32 + 1));
    }
    Ok(playlist)
}

fn header(bytes: &[u8]) -> Result<Header> {
    serde_json::from_slice(bytes).map_err(|error| not_readable("Strand JSON", error))
}

fn check_version(found: u32, supported: u32) -> Result<()> {
    if found > supported {
        return Err(Error::invalid(
            "file",
            say!(
                "this file is version {found}, from a newer Strand; this one reads up to {supported}",
                "diese Datei hat Version {found}, von einem neueren Strand; dieses liest bis \
                 {supported}"
            ),
        ));
    }
    Ok(())
}

fn fields(item: &Item) -> Fields {
    let details = &item.details;
    Fields {
        kind: Some(details.kind),
        title: details.title.clone(),
        creator: details.creator.clone(),
        duration_ms: details.duration_ms,
        price_cents: details.price_cents,
        currency: details.currency.clone(),
        tags: details.tags.clone(),
        item_id: Some(item.id),
        source_uri: details.source_uri.as_deref().map(location::canonical),
        colour: Some(details.colour.clone()),
    }
}
