//! XSPF: `<playlist><title/><image/><trackList><track><location/><title/><creator/><duration/>…`,
//! read through the shared XML walk (see `xml.rs` for what it refuses).

use url::Url;

use super::ParsedPlaylist;
use super::entry::Fields;
use super::location::{ITEM_URN_PREFIX, Spelling};
use super::xml::{self, Names, Node, inside};
use crate::error::Result;

#[derive(Default)]
struct Track {
    line: u32,
    fields: Fields,
    location: Option<String>,
}

/// Reads an XSPF playlist's text.
pub(crate) fn parse(text: &str, base: &Url) -> Result<ParsedPlaylist> {
    let mut playlist = ParsedPlaylist::default();
    let mut track: Option<Track> = None;
    xml::walk(text, "XSPF", "playlist", base, Names::AsWritten, |node| {
        match node {
            Node::Open {
                parents,
                name,
                line,
                ..
            } => {
                if name == "track" && inside(parents, &["playlist", "trackList"]) {
                    track = Some(Track {
                        line,
                        ..Track::default()
                    });
                }
            }
            Node::Close {
                parents,
                name,
                text,
                base,
            } => {
                let parents: Vec<&str> = parents.iter().map(String::as_str).collect();
                match (parents.as_slice(), name) {
                    (["playlist"], "title") => playlist.name = Some(text.trim().to_owned()),
                    // Only a picture carried in the file: a format never opens a path it names.
                    (["playlist"], "image") if text.trim().starts_with("data:") => {
                        playlist.cover = Some(text.trim().to_owned());
                    }
                    (["playlist", "trackList"], "track") => {
                        if let Some(track) = track.take() {
                            let location = track.location.as_deref();
                            let location = location.map(|raw| (raw, Spelling::UriReference));
                            playlist.add(track.fields, location, base, track.line);
                        }
                    }
                    (["playlist", "trackList", "track"], field) => {
                        if let Some(track) = track.as_mut() {
                            read_field(track, field, text);
                        }
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    })?;
    Ok(playlist)
}

fn read_field(track: &mut Track, field: &str, value: &str) {
    let value = value.trim();
    match field {
        "location" if track.location.is_none() => track.location = Some(value.to_owned()),
        "identifier" => {
            if let Some(id) = value
                .strip_prefix(ITEM_URN_PREFIX)
                .and_then(|id| id.parse().ok())
            {
                track.fields.item_id = Some(id);
            }
        }
        "title" => track.fields.title = value.to_owned(),
        "creator" => track.fields.creator = value.to_owned(),
        "duration" => track.fields.duration_ms = value.parse().ok(),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("file:///lists/a.xspf").expect("base")
    }

    #[test]
    fn tracks_give_location_title_creator_and_duration() {
        let text = r#"<?xml version="1.0" encoding="UTF-8"?>
<playlist version="1" xmlns="http://xspf.org/ns/0/">
  <title>Café &amp; more</title>
  <trackList>
    <track><location>file:///music/M%C3%B6tley%20Meadows/Tide.flac</location>
      <title>Tide &#x2014; live</title><creator>Mötley Meadows</creator><duration>187000</duration></track>
    <track><location>relative/b.ogg</location></track>
  </trackList>
</playlist>"#;
        let playlist = parse(text, &base()).expect("parses");
        assert_eq!(playlist.name.as_deref(), Some("Café & more"));
        let first = &playlist.entries[0];
        assert_eq!(first.details.title, "Tide — live");
        assert_eq!(first.details.creator, "Mötley Meadows");
        assert_eq!(first.details.duration_ms, Some(187_000));
        assert_eq!(first.line, 5);
        assert_eq!(
            playlist.entries[1].details.source_uri.as_deref(),
            Some("file:///lists/relative/b.ogg")
        );
        assert_eq!(playlist.entries[1].details.title, "b");
    }

    #[test]
    fn an_entity_bomb_is_refused_without_expanding_anything() {
        let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<playlist><title>&lol2;</title></playlist>"#;
        let error = parse(bomb, &base()).expect_err("refused");
        assert!(error.to_string().contains("&lol2;"), "{error}");
    }

    #[test]
    fn broken_xml_and_other_documents_are_refused() {
        assert!(parse("<playlist><trackList><track>", &base()).is_err());
        assert!(parse("<playlist></trackList>", &base()).is_err());
        assert!(parse("<html></html>", &base()).is_err());
        assert!(parse("", &base()).is_err());
    }

    #[test]
    fn locations_are_uri_references_under_any_xml_base() {
        let text = r#"<playlist version="1" xmlns="http://xspf.org/ns/0/" xml:base="file:///srv/">
  <trackList xml:base="music/">
    <track><location>%E6%97%A5%E6%9C%AC.mp3</location></track>
    <track xml:base="/other/"><location>a b.ogg</location></track>
  </trackList>
</playlist>"#;
        let playlist = parse(text, &base()).expect("parses");
        let locations: Vec<_> = playlist
            .entries
            .iter()
            .map(|entry| entry.details.source_uri.as_deref().expect("located"))
            .collect();
        assert_eq!(
            locations,
            [
                "file:///srv/music/%E6%97%A5%E6%9C%AC.mp3",
                "file:///other/a%20b.ogg"
            ]
        );
        assert_eq!(playlist.entries[0].details.title, "日本");
    }
}
