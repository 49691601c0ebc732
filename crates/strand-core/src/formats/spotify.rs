//! Spotify's account-data export ("Download your data"): `Playlist1.json` … (`{"playlists":
//! [{"name", "items": [{"track": {"trackName", "artistName", "albumName", "trackUri"},
//! "episode": {"episodeName", "showName", "episodeUri"}, "localTrack": {"uri"}}]}]}`) and
//! `YourLibrary.json` (`{"tracks": [{"artist", "album", "track", "uri"}], …}`, the liked songs).
//! Each track becomes an entry with its `spotify:track:` address, so importing the export again
//! (or another file of it) finds the same items; each playlist becomes one in its order, and the
//! liked songs one named *Liked Songs*. Shapes as Spotify documents them for its export; fields
//! this does not know are ignored.

use std::collections::HashMap;

use percent_encoding::percent_decode_str;
use serde::Deserialize;

use super::collection::{Collection, CollectionPlaylist};
use super::entry::Fields;
use super::not_readable;
use crate::error::Result;
use crate::model::ItemKind;

#[derive(Deserialize)]
struct Export {
    #[serde(default)]
    playlists: Option<Vec<Playlist>>,
    /// `YourLibrary.json`'s liked songs.
    #[serde(default)]
    tracks: Option<Vec<LikedTrack>>,
}

#[derive(Deserialize)]
struct Playlist {
    #[serde(default)]
    name: String,
    #[serde(default)]
    items: Vec<PlaylistItem>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PlaylistItem {
    #[serde(default)]
    track: Option<Track>,
    #[serde(default)]
    episode: Option<Episode>,
    #[serde(default)]
    local_track: Option<LocalTrack>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Track {
    #[serde(default)]
    track_name: String,
    #[serde(default)]
    artist_name: String,
    #[serde(default)]
    album_name: String,
    #[serde(default)]
    track_uri: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Episode {
    #[serde(default)]
    episode_name: String,
    #[serde(default)]
    show_name: String,
    #[serde(default)]
    episode_uri: Option<String>,
}

#[derive(Deserialize)]
struct LocalTrack {
    #[serde(default)]
    uri: Option<String>,
}

#[derive(Deserialize)]
struct LikedTrack {
    #[serde(default)]
    artist: String,
    #[serde(default)]
    album: String,
    #[serde(default)]
    track: String,
    #[serde(default)]
    uri: Option<String>,
}

/// The name the liked songs come in under, as Spotify shows them.
const LIKED_SONGS: &str = "Liked Songs";

/// Reads one of Spotify's export files.
pub(crate) fn parse(bytes: &[u8]) -> Result<Collection> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let export: Export =
        serde_json::from_slice(bytes).map_err(|error| not_readable("Spotify export", error))?;
    if export.playlists.is_none() && export.tracks.is_none() {
        return Err(not_readable(
            "Spotify export",
            say!(
                "it has neither \"playlists\" (Playlist1.json) nor \"tracks\" (YourLibrary.json)",
                "sie hat weder \"playlists\" (Playlist1.json) noch \"tracks\" (YourLibrary.json)"
            ),
        ));
    }
    let mut reader = Reader::default();
    for playlist in export.playlists.unwrap_or_default() {
        let mut read = CollectionPlaylist {
            name: playlist.name.trim().to_owned(),
            ..CollectionPlaylist::default()
        };
        for item in playlist.items {
            let fields = match (item.track, item.episode, item.local_track) {
                (Some(track), _, _) => Some(song(
                    track.track_name,
                    track.artist_name,
                    track.album_name,
                    track.track_uri,
                )),
                (None, Some(episode), _) => Some(Fields {
                    kind: Some(ItemKind::Stream),
                    title: episode.episode_name,
                    creator: episode.show_name,
                    source_uri: episode.episode_uri,
                    ..Fields::default()
                }),
                (None, None, Some(local)) => local.uri.as_deref().map(local_song),
                (None, None, None) => None,
            };
            reader.thread(&mut read, fields);
        }
        reader.collection.playlists.push(read);
    }
    if let Some(liked) = export.tracks {
        let mut read = CollectionPlaylist {
            name: LIKED_SONGS.to_owned(),
            ..CollectionPlaylist::default()
        };
        for track in liked {
            let fields = Some(song(track.track, track.artist, track.album, track.uri));
            reader.thread(&mut read, fields);
        }
        reader.collection.playlists.push(read);
    }
    Ok(reader.collection)
}

/// The collection being read, and which address each of its tracks has, so a song in three
/// playlists is one item.
#[derive(Default)]
struct Reader {
    collection: Collection,
    by_address: HashMap<String, usize>,
    records: u32,
}

impl Reader {
    fn thread(&mut self, playlist: &mut CollectionPlaylist, fields: Option<Fields>) {
        let Some(mut fields) = fields else {
            playlist.missing += 1;
            return;
        };
        if let Some(index) = fields
            .source_uri
            .as_ref()
            .and_then(|uri| self.by_address.get(uri))
        {
            playlist.tracks.push(*index);
            return;
        }
        self.records += 1;
        let address = fields.source_uri.take();
        match self
            .collection
            .add_track(fields, address.as_deref(), self.records)
        {
            Some(index) => {
                if let Some(address) = address {
                    self.by_address.insert(address, index);
                }
                playlist.tracks.push(index);
            }
            None => playlist.missing += 1,
        }
    }
}

fn song(title: String, artist: String, album: String, uri: Option<String>) -> Fields {
    Fields {
        kind: Some(ItemKind::Song),
        title,
        creator: artist,
        tags: (!album.trim().is_empty())
            .then_some(album)
            .into_iter()
            .collect(),
        source_uri: uri.filter(|uri| !uri.trim().is_empty()),
        ..Fields::default()
    }
}

/// A local file Spotify knows only by `spotify:local:artist:album:title:seconds`, each part
/// URL-encoded with `+` for spaces.
fn local_song(uri: &str) -> Fields {
    let part = |text: &str| {
        percent_decode_str(&text.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    };
    let parts: Vec<&str> = uri
        .strip_prefix("spotify:local:")
        .unwrap_or("")
        .split(':')
        .collect();
    let at = |index: usize| parts.get(index).map(|text| part(text)).unwrap_or_default();
    Fields {
        kind: Some(ItemKind::Song),
        title: at(2),
        creator: at(0),
        tags: Some(at(1))
            .filter(|album| !album.is_empty())
            .into_iter()
            .collect(),
        duration_ms: parts
            .get(3)
            .and_then(|seconds| seconds.parse::<u32>().ok())
            .and_then(|seconds| seconds.checked_mul(1000)),
        source_uri: Some(uri.to_owned()),
        ..Fields::default()
    }
}
