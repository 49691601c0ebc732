//! JSPF, XSPF written as JSON (ListenBrainz exports and imports it): `{"playlist": {"title",
//! "image", "track": [{"location": […], "identifier": […], "title", "creator", "duration"}]}}`.
//! `location` and `identifier` are lists in the spec and plain strings in some writers; both
//! are read. A track without a location is named by its first web identifier (ListenBrainz gives
//! each track its MusicBrainz recording), and kept without an address if it has none.

use serde::{Deserialize, Serialize};
use url::Url;

use super::entry::Fields;
use super::location::{ITEM_URN_PREFIX, Spelling, item_urn};
use super::{ParsedPlaylist, not_readable};
use crate::error::Result;
use crate::model::WholeBundle;

#[derive(Deserialize, Serialize)]
struct File {
    playlist: Playlist,
}

#[derive(Default, Deserialize, Serialize)]
struct Playlist {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    /// The cover, as XSPF's `<image>`: read only when it is a picture the file carries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    image: Option<String>,
    #[serde(default)]
    track: Vec<Track>,
}

#[derive(Default, Deserialize, Serialize)]
struct Track {
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    location: OneOrMany,
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    identifier: OneOrMany,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    creator: Option<String>,
    /// Milliseconds; kept as any JSON value, so a track with a negative or fractional one
    /// loses its duration rather than the file being refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    duration: Option<serde_json::Value>,
}

/// A list of addresses, or one written as a plain string.
#[derive(Default, Deserialize, Serialize)]
#[serde(untagged)]
enum OneOrMany {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn is_empty(&self) -> bool {
        self.all().is_empty()
    }

    fn all(&self) -> Vec<&str> {
        match self {
            OneOrMany::None => Vec::new(),
            OneOrMany::One(one) => vec![one.as_str()],
            OneOrMany::Many(many) => many.iter().map(String::as_str).collect(),
        }
    }
}

/// Reads a JSPF playlist. Its track numbers stand in for lines in skipped entries' reasons.
pub(crate) fn parse(bytes: &[u8], base: &Url) -> Result<ParsedPlaylist> {
    let file: File = serde_json::from_slice(bytes).map_err(|error| not_readable("JSPF", error))?;
    let mut playlist = ParsedPlaylist {
        name: file.playlist.title.map(|title| title.trim().to_owned()),
        cover: file
            .playlist
            .image
            .filter(|image| image.trim().starts_with("data:")),
        ..ParsedPlaylist::default()
    };
    for (index, track) in file.playlist.track.into_iter().enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let identifiers = track.identifier.all();
        let mut fields = Fields {
            title: track.title.unwrap_or_default(),
            creator: track.creator.unwrap_or_default(),
            duration_ms: track
                .duration
                .and_then(|value| value.as_u64())
                .and_then(|ms| u32::try_from(ms).ok()),
            ..Fields::default()
        };
        fields.item_id = identifiers
            .iter()
            .find_map(|id| id.strip_prefix(ITEM_URN_PREFIX)?.parse().ok());
        let location = track
            .location
            .all()
            .first()
            .map(|raw| raw.to_string())
            .or_else(|| {
                identifiers
                    .iter()
                    .find(|id| id.starts_with("https://") || id.starts_with("http://"))
                    .map(|id| id.to_string())
            });
        let location = location.as_deref().map(|raw| (raw, Spelling::UriReference));
        playlist.add(fields, location, base, number);
    }
    Ok(playlist)
}

/// `bundle` as JSPF, each track naming its Strand item too, so a Strand reading it back finds
/// the same items.
pub(crate) fn write(bundle: &WholeBundle) -> String {
    let track = bundle
        .present_entries()
        .map(|entry| {
            let details = &entry.item.details;
            Track {
                location: OneOrMany::Many(details.source_uri.iter().cloned().collect()),
                identifier: OneOrMany::Many(vec![item_urn(entry.item.id)]),
                title: Some(details.title.clone()),
                creator: (!details.creator.is_empty()).then(|| details.creator.clone()),
                duration: details.duration_ms.map(serde_json::Value::from),
            }
        })
        .collect();
    let file = File {
        playlist: Playlist {
            title: Some(bundle.bundle.name.clone()),
            image: bundle.cover.as_ref().map(|cover| cover.data_uri()),
            track,
        },
    };
    serde_json::to_string_pretty(&file).expect("a JSPF file serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("file:///home/ada/lists/listens.jspf").expect("base")
    }

    #[test]
    fn tracks_give_location_or_identifier_title_creator_and_duration() {
        let json = br#"{"playlist": {"title": "Weekly jams", "creator": "ListenBrainz",
          "extension": {"https://musicbrainz.org/doc/jspf#playlist": {"public": true}},
          "track": [
            {"location": ["file:///music/Tide.flac"], "title": "Tide", "creator": "Mara Quill", "duration": 187000},
            {"identifier": ["https://musicbrainz.org/recording/8f3471b5-7e6a-48da-86a9-c1c07a0f47ae"], "title": "Glass River"},
            {"location": "relative/b.ogg", "duration": -5},
            {"title": "Only a title"},
            {}
          ]}}"#;
        let playlist = parse(json, &base()).expect("parses");
        assert_eq!(playlist.name.as_deref(), Some("Weekly jams"));
        let details: Vec<_> = playlist
            .entries
            .iter()
            .map(|entry| &entry.details)
            .collect();
        assert_eq!(details.len(), 4);
        assert_eq!(
            (details[0].title.as_str(), details[0].duration_ms),
            ("Tide", Some(187_000))
        );
        assert_eq!(
            details[1].source_uri.as_deref(),
            Some("https://musicbrainz.org/recording/8f3471b5-7e6a-48da-86a9-c1c07a0f47ae")
        );
        assert_eq!(
            (details[2].title.as_str(), details[2].duration_ms),
            ("b", None)
        );
        assert_eq!(details[3].source_uri, None);
        assert_eq!(playlist.skipped.len(), 1);
        assert_eq!(playlist.skipped[0].line, 5);
    }

    #[test]
    fn broken_json_is_refused_saying_where() {
        let error = parse(br#"{"playlist": {"track": [}"#, &base()).expect_err("refused");
        let message = error.to_string();
        assert!(
            message.contains("JSPF") && message.contains("line 1"),
            "{message}"
        );
    }
}
