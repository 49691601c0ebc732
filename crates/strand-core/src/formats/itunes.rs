//! An iTunes or Apple Music library as it exports itself (`Library.xml`, `iTunes Music
//! Library.xml`): an XML property list read with the plist crate. Every track becomes an entry
//! (name, artist, album and genre as tags, total time, location); every playlist the person
//! made becomes one in its order, a smart one as its current tracks and named so; folders keep
//! their nesting in their names; the app's built-in lists (Library, Music, Movies, Podcasts, …)
//! are left out and counted.

use std::collections::HashMap;

use serde::Deserialize;

use super::collection::{Collection, CollectionPlaylist};
use super::entry::Fields;
use super::not_readable;
use crate::error::Result;
use crate::model::ItemKind;

/// How deep playlist folders may nest before the file is taken for a loop.
const MAX_FOLDER_DEPTH: usize = 32;

#[derive(Deserialize)]
struct Library {
    #[serde(rename = "Tracks", default)]
    tracks: HashMap<String, Track>,
    #[serde(rename = "Playlists", default)]
    playlists: Vec<Playlist>,
}

#[derive(Deserialize)]
struct Track {
    #[serde(rename = "Track ID")]
    id: i64,
    #[serde(rename = "Name", default)]
    name: String,
    #[serde(rename = "Artist", default)]
    artist: Option<String>,
    #[serde(rename = "Album Artist", default)]
    album_artist: Option<String>,
    #[serde(rename = "Album", default)]
    album: Option<String>,
    #[serde(rename = "Genre", default)]
    genre: Option<String>,
    #[serde(rename = "Total Time", default)]
    total_time: Option<i64>,
    #[serde(rename = "Location", default)]
    location: Option<String>,
    #[serde(rename = "Track Type", default)]
    track_type: Option<String>,
}

#[derive(Deserialize)]
struct Playlist {
    #[serde(rename = "Name", default)]
    name: String,
    #[serde(rename = "Playlist Persistent ID", default)]
    persistent_id: Option<String>,
    #[serde(rename = "Parent Persistent ID", default)]
    parent: Option<String>,
    #[serde(rename = "Master", default)]
    master: bool,
    #[serde(rename = "Visible", default = "visible")]
    visible: bool,
    #[serde(rename = "Distinguished Kind", default)]
    distinguished_kind: Option<i64>,
    #[serde(rename = "Purchased Music", default)]
    purchased: bool,
    #[serde(rename = "Folder", default)]
    folder: bool,
    #[serde(rename = "Smart Info", default)]
    smart_info: Option<serde::de::IgnoredAny>,
    #[serde(rename = "Smart Criteria", default)]
    smart_criteria: Option<serde::de::IgnoredAny>,
    #[serde(rename = "Playlist Items", default)]
    items: Vec<PlaylistItem>,
}

fn visible() -> bool {
    true
}

#[derive(Deserialize)]
struct PlaylistItem {
    #[serde(rename = "Track ID")]
    track: i64,
}

impl Playlist {
    /// One of the app's own lists rather than the person's.
    fn is_built_in(&self) -> bool {
        self.master || !self.visible || self.distinguished_kind.is_some() || self.purchased
    }

    fn is_smart(&self) -> bool {
        self.smart_info.is_some() || self.smart_criteria.is_some()
    }
}

/// Reads an iTunes or Music library file.
pub(crate) fn parse(bytes: &[u8]) -> Result<Collection> {
    let library: Library = plist::from_bytes(bytes)
        .map_err(|error| not_readable("iTunes or Music library", located(bytes, &error)))?;
    let mut collection = Collection::default();

    let mut tracks: Vec<Track> = library.tracks.into_values().collect();
    tracks.sort_by_key(|track| track.id);
    let mut by_id = HashMap::with_capacity(tracks.len());
    for (record, track) in tracks.into_iter().enumerate() {
        let id = track.id;
        let fields = Fields {
            kind: Some(match track.track_type.as_deref() {
                Some("URL") => ItemKind::Stream,
                _ => ItemKind::Song,
            }),
            title: track.name,
            creator: track.artist.or(track.album_artist).unwrap_or_default(),
            duration_ms: track.total_time.and_then(|ms| u32::try_from(ms).ok()),
            tags: [track.album, track.genre].into_iter().flatten().collect(),
            ..Fields::default()
        };
        let line = u32::try_from(record + 1).unwrap_or(u32::MAX);
        if let Some(index) = collection.add_track(fields, track.location.as_deref(), line) {
            by_id.insert(id, index);
        }
    }

    let folder_names = folder_names(&library.playlists)?;
    for playlist in &library.playlists {
        if playlist.folder {
            continue;
        }
        if playlist.is_built_in() {
            collection.built_in += 1;
            continue;
        }
        let folder = playlist
            .parent
            .as_ref()
            .and_then(|parent| folder_names.get(parent))
            .map(|name| collection.folder(name.clone()));
        let mut read = CollectionPlaylist {
            name: if playlist.is_smart() {
                {
                    let name = playlist.name.trim();
                    say!("{name} (smart)", "{name} (intelligent)")
                }
            } else {
                playlist.name.trim().to_owned()
            },
            folder,
            ..CollectionPlaylist::default()
        };
        for item in &playlist.items {
            match by_id.get(&item.track) {
                Some(index) => read.tracks.push(*index),
                None => read.missing += 1,
            }
        }
        collection.playlists.push(read);
    }
    Ok(collection)
}

/// The plist crate's error in words, at its line: it says what went wrong as a name
/// (`InvalidIntegerString`) and where as a byte offset, and exposes neither apart from its text.
fn located(bytes: &[u8], error: &plist::Error) -> String {
    let text = error.to_string();
    let Some((kind, offset)) = text
        .rsplit_once(" (offset ")
        .and_then(|(kind, rest)| Some((kind, rest.strip_suffix(')')?.parse::<usize>().ok()?)))
    else {
        return text;
    };
    let mut words = String::with_capacity(kind.len() + 8);
    for (index, c) in kind.chars().enumerate() {
        if c.is_uppercase() && index > 0 {
            words.push(' ');
        }
        words.extend(c.to_lowercase());
    }
    let line = bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1;
    say!("{words} (line {line})", "{words} (Zeile {line})")
}

/// Each folder's full name by its persistent id: its parents' names and its own, joined.
fn folder_names(playlists: &[Playlist]) -> Result<HashMap<String, String>> {
    let folders: HashMap<&str, (&str, Option<&str>)> = playlists
        .iter()
        .filter(|playlist| playlist.folder)
        .filter_map(|playlist| {
            let id = playlist.persistent_id.as_deref()?;
            Some((id, (playlist.name.trim(), playlist.parent.as_deref())))
        })
        .collect();
    let mut names = HashMap::with_capacity(folders.len());
    for id in folders.keys() {
        let mut parts = Vec::new();
        let mut at = Some(*id);
        while let Some(current) = at {
            let Some((name, parent)) = folders.get(current) else {
                break;
            };
            if parts.len() == MAX_FOLDER_DEPTH {
                return Err(not_readable(
                    "iTunes or Music library",
                    say!(
                        "its playlist folders are nested in a loop",
                        "ihre Wiedergabelisten-Ordner sind im Kreis verschachtelt"
                    ),
                ));
            }
            parts.push(*name);
            at = *parent;
        }
        parts.reverse();
        names.insert((*id).to_owned(), parts.join(" / "));
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_value_is_refused_in_words_at_its_line() {
        let xml = b"<?xml version=\"1.0\"?>\n<plist version=\"1.0\"><dict><key>Tracks</key><dict>\n<key>1</key><dict><key>Track ID</key><integer>one</integer></dict></dict></dict></plist>\n";
        let message = parse(xml).expect_err("refused").to_string();
        assert!(
            message.contains("invalid integer") && message.contains("(line 3)"),
            "{message}"
        );
    }
}
