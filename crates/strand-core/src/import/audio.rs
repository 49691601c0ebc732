//! A folder of audio files as catalogue entries, read with `lofty`: title, artist, album and
//! duration from each file's tags; a file without tags is named after itself. Only the chosen
//! folder and its subfolders are read — symbolic links are not followed, so nothing outside it is
//! ever opened — and the walk is bounded in depth and count.

use std::path::{Path, PathBuf};

use lofty::file::{AudioFile, TaggedFileExt};
use lofty::tag::Accessor;
use url::Url;

use super::{ImportWatch, cannot_read, checkpoint};
use crate::error::{Error, Result};
use crate::formats::location::Location;
use crate::formats::{Fields, ImportedEntry, SkippedLine};
use crate::model::ItemKind;

/// File name extensions read as audio.
pub const AUDIO_EXTENSIONS: &[&str] = &[
    "mp3", "flac", "ogg", "oga", "opus", "m4a", "m4b", "aac", "wav", "aif", "aiff", "wv", "ape",
    "mpc", "spx",
];

/// The most audio files one folder import reads.
pub const MAX_AUDIO_FILES: usize = 100_000;

const MAX_DEPTH: usize = 32;

/// The audio files under `folder`, sorted by path.
pub fn audio_files(folder: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![(folder.to_path_buf(), 0)];
    while let Some((directory, depth)) = pending.pop() {
        for entry in
            std::fs::read_dir(&directory).map_err(|error| cannot_read(&directory, error))?
        {
            let entry = entry.map_err(|error| cannot_read(&directory, error))?;
            // `file_type` does not follow symbolic links: a link is neither a file nor a folder.
            let kind = entry
                .file_type()
                .map_err(|error| cannot_read(&entry.path(), error))?;
            let path = entry.path();
            if kind.is_dir() && depth < MAX_DEPTH {
                pending.push((path, depth + 1));
            } else if kind.is_file() && is_audio(&path) {
                found.push(path);
                if found.len() > MAX_AUDIO_FILES {
                    return Err(Error::invalid(
                        "folder",
                        say!(
                            "the folder holds more than {MAX_AUDIO_FILES} audio files; choose a \
                             smaller one",
                            "der Ordner enthält mehr als {MAX_AUDIO_FILES} Audiodateien; wähle \
                             einen kleineren"
                        ),
                    ));
                }
            }
        }
    }
    found.sort();
    Ok(found)
}

pub(crate) fn is_audio(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            AUDIO_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str())
        })
}

/// Reads the tags of each file; unreadable files are skipped with the reason. Entries are
/// numbered by file, in path order.
pub fn read_folder(
    folder: &Path,
    watch: &dyn ImportWatch,
) -> Result<(Vec<ImportedEntry>, Vec<SkippedLine>)> {
    let files = audio_files(folder)?;
    let total = files.len() as u64;
    let (mut entries, mut skipped) = (Vec::new(), Vec::new());
    for (index, path) in files.iter().enumerate() {
        checkpoint(watch, index as u64, total)?;
        let number = index as u32 + 1;
        match read_file(path, number) {
            Ok(entry) => entries.push(entry),
            Err(skip) => skipped.push(skip),
        }
    }
    watch.progress(total, total);
    Ok((entries, skipped))
}

pub(crate) fn read_file(
    path: &Path,
    number: u32,
) -> std::result::Result<ImportedEntry, SkippedLine> {
    let name = path.display();
    let tagged = lofty::read_from_path(path).map_err(|error| {
        SkippedLine::new(
            number,
            say!(
                "{name} is not a readable audio file: {error}",
                "{name} ist keine lesbare Audiodatei: {error}"
            ),
        )
    })?;
    let uri = Url::from_file_path(path).map_err(|()| {
        SkippedLine::new(
            number,
            say!(
                "{name} is not a local file",
                "{name} ist keine lokale Datei"
            ),
        )
    })?;
    let mut fields = Fields {
        kind: Some(ItemKind::Song),
        ..Fields::default()
    };
    let duration = tagged.properties().duration();
    fields.duration_ms =
        (!duration.is_zero()).then(|| duration.as_millis().min(u128::from(u32::MAX)) as u32);
    if let Some(tag) = tagged.primary_tag().or_else(|| tagged.first_tag()) {
        fields.title = tag
            .title()
            .map(|text| text.into_owned())
            .unwrap_or_default();
        fields.creator = tag
            .artist()
            .map(|text| text.into_owned())
            .unwrap_or_default();
        if let Some(album) = tag.album() {
            fields.tags.push(album.into_owned());
        }
    }
    fields.locate(Location::Uri(uri.into()));
    fields.into_entry(number)
}
