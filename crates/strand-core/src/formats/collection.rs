//! A music app's whole library brought in at once — an iTunes / Apple Music `Library.xml` or a
//! Spotify account-data export — as one shape: its tracks (which become library items), its
//! playlists in their order (which become drafts), the folders they are filed in, and how many
//! of the app's own built-in lists were left out. Pure, like every parser here.

use url::Url;

use super::entry::Fields;
use super::location::Spelling;
use super::{ParsedPlaylist, itunes, not_readable, spotify};
use crate::error::Result;

/// A music app's library, read.
#[derive(Debug, Default)]
pub struct Collection {
    /// Its tracks, each an entry to match or add; the skipped ones with their reasons.
    pub tracks: ParsedPlaylist,
    /// Its own playlists, in the app's order.
    pub playlists: Vec<CollectionPlaylist>,
    /// The folders playlists are filed in, by full name ("Parent / Child").
    pub folders: Vec<String>,
    /// The app's built-in lists (Library, Music, Podcasts, …), left out.
    pub built_in: u32,
}

/// One playlist of a collection.
#[derive(Debug, Default, PartialEq)]
pub struct CollectionPlaylist {
    /// Its name as the app shows it (a smart playlist says so).
    pub name: String,
    /// Its folder, an index into [`Collection::folders`].
    pub folder: Option<usize>,
    /// Its entries, each an index into the tracks' entries, in order.
    pub tracks: Vec<usize>,
    /// Entries naming a track the library does not hold (or one that was skipped).
    pub missing: u32,
}

impl Collection {
    /// Adds a track read from the app, returning its index among the entries, or None if it
    /// was skipped (its reason is kept).
    pub(crate) fn add_track(
        &mut self,
        fields: Fields,
        location: Option<&str>,
        line: u32,
    ) -> Option<usize> {
        let before = self.tracks.entries.len();
        let base = Url::parse("file:///").expect("static URL");
        let location = location.map(|raw| (raw, Spelling::UriReference));
        self.tracks.add(fields, location, &base, line);
        (self.tracks.entries.len() > before).then_some(before)
    }

    /// The index of the folder named `name`, added if new.
    pub(crate) fn folder(&mut self, name: String) -> usize {
        match self.folders.iter().position(|known| *known == name) {
            Some(index) => index,
            None => {
                self.folders.push(name);
                self.folders.len() - 1
            }
        }
    }
}

/// Reads a music app's library: an iTunes / Apple Music XML property list, or one of Spotify's
/// account-data JSON files (`Playlist1.json`, `YourLibrary.json`), told apart by their content.
pub fn parse_collection(bytes: &[u8]) -> Result<Collection> {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('<') {
        itunes::parse(bytes)
    } else if head.starts_with('{') {
        spotify::parse(bytes)
    } else {
        Err(not_readable(
            "music library",
            say!(
                "it is neither an iTunes or Music library (XML) nor a Spotify export (JSON)",
                "sie ist weder eine iTunes- oder Music-Mediathek (XML) noch ein Spotify-Export \
                 (JSON)"
            ),
        ))
    }
}
