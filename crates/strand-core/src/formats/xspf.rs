//! XSPF: `<playlist><title/><trackList><track><location/><title/><creator/><duration/>…`.
//! Read with quick-xml, which never loads external entities and leaves a `DOCTYPE` unexpanded:
//! only XML's five predefined entities and character references are resolved, so an entity bomb
//! is just an unknown entity — a clear error.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use url::Url;

use super::entry::Fields;
use super::location::{ITEM_URN_PREFIX, Spelling};
use super::{ParsedPlaylist, not_readable};
use crate::error::Result;

/// How deep elements may nest: XSPF needs four levels; a deeper file is not a playlist.
const MAX_DEPTH: usize = 64;

#[derive(Default)]
struct Track {
    line: u32,
    fields: Fields,
    location: Option<String>,
}

/// Reads an XSPF playlist's text.
pub(crate) fn parse(text: &str, base: &Url) -> Result<ParsedPlaylist> {
    let mut reader = Reader::from_str(text);
    let mut path: Vec<String> = Vec::new();
    // The base in force inside each open element: `xml:base` on any of them moves it.
    let mut bases: Vec<Url> = Vec::new();
    let mut value = String::new();
    let mut track: Option<Track> = None;
    let mut playlist = ParsedPlaylist::default();
    let mut seen_playlist = false;
    loop {
        let position = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|error| {
            not_readable(
                "XSPF",
                format!(
                    "{error} (line {})",
                    line_at(text, reader.error_position() as usize)
                ),
            )
        })?;
        match event {
            Event::Start(start) => {
                let name = start.local_name().as_ref().to_owned();
                if path.is_empty() {
                    seen_playlist = name == "playlist";
                }
                if name == "track" && path_is(&path, &["playlist", "trackList"]) {
                    track = Some(Track {
                        line: line_at(text, position),
                        ..Track::default()
                    });
                }
                let inherited = bases.last().unwrap_or(base);
                bases.push(match xml_base(&start)? {
                    Some(moved) => inherited.join(&moved).map_err(|error| {
                        not_readable(
                            "XSPF",
                            format!("its xml:base {moved:?} is no address ({error})"),
                        )
                    })?,
                    None => inherited.clone(),
                });
                path.push(name);
                if path.len() > MAX_DEPTH {
                    return Err(not_readable("XSPF", "its elements nest too deeply"));
                }
                value.clear();
            }
            Event::Text(text) => value.push_str(&text.xml10_content()),
            Event::CData(data) => value.push_str(&data.xml10_content()),
            Event::GeneralRef(reference) => {
                if let Some(character) = reference
                    .resolve_char_ref()
                    .map_err(|error| not_readable("XSPF", error))?
                {
                    value.push(character);
                } else if let Some(resolved) = resolve_predefined_entity(&reference) {
                    value.push_str(resolved);
                } else {
                    return Err(not_readable(
                        "XSPF",
                        format!(
                            "it uses the entity &{};, which Strand does not expand",
                            &*reference
                        ),
                    ));
                }
            }
            Event::End(_) => {
                let Some(name) = path.pop() else { continue };
                let element_base = bases.pop();
                let parent: Vec<&str> = path.iter().map(String::as_str).collect();
                match (parent.as_slice(), name.as_str()) {
                    (["playlist"], "title") => playlist.name = Some(value.trim().to_owned()),
                    (["playlist", "trackList"], "track") => {
                        if let (Some(track), Some(track_base)) = (track.take(), &element_base) {
                            let location = track.location.as_deref();
                            let location = location.map(|raw| (raw, Spelling::UriReference));
                            playlist.add(track.fields, location, track_base, track.line);
                        }
                    }
                    (["playlist", "trackList", "track"], field) => {
                        if let Some(track) = track.as_mut() {
                            read_field(track, field, &value);
                        }
                    }
                    _ => {}
                }
                value.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_playlist {
        return Err(not_readable("XSPF", "it has no <playlist> element"));
    }
    if !path.is_empty() {
        return Err(not_readable(
            "XSPF",
            format!("it ends inside <{}>", path.join("><")),
        ));
    }
    Ok(playlist)
}

/// The element's `xml:base`, if it has one.
fn xml_base(start: &BytesStart<'_>) -> Result<Option<String>> {
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|error| not_readable("XSPF", error))?;
        if attribute.key.into_inner() == "xml:base" {
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|error| not_readable("XSPF", error))?;
            return Ok(Some(value.trim().to_owned()));
        }
    }
    Ok(None)
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

fn path_is(path: &[String], expected: &[&str]) -> bool {
    path.len() == expected.len() && path.iter().zip(expected).all(|(a, b)| a == b)
}

fn line_at(text: &str, offset: usize) -> u32 {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
        + 1
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
