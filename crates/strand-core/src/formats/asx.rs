//! ASX, Windows Media's "advanced stream redirector" (also `.wax` and `.wvx`): `<asx><title/>
//! <entry><title/><author/><ref href="…"/><duration value="h:mm:ss"/></entry>…`. Element and
//! attribute names are any case, as players accept them. An entry's first `<ref>` is where it
//! plays from (later ones are fallbacks); an `<entryref>` points at another playlist, which
//! Strand does not fetch, so it is skipped with that reason. Read through the shared XML walk.

use url::Url;

use super::entry::Fields;
use super::location::Spelling;
use super::xml::{self, Names, Node, attribute, inside};
use super::{ParsedPlaylist, SkippedLine};
use crate::error::Result;

#[derive(Default)]
struct Entry {
    line: u32,
    fields: Fields,
    href: Option<String>,
}

/// Reads an ASX playlist's text.
pub(crate) fn parse(text: &str, base: &Url) -> Result<ParsedPlaylist> {
    let mut playlist = ParsedPlaylist::default();
    let mut entry: Option<Entry> = None;
    xml::walk(text, "ASX", "asx", base, Names::LowerCase, |node| {
        match node {
            Node::Open {
                parents,
                name,
                attributes,
                line,
            } => {
                let in_entry = inside(parents, &["asx", "entry"]);
                match name {
                    "entry" if inside(parents, &["asx"]) => {
                        entry = Some(Entry {
                            line,
                            ..Entry::default()
                        });
                    }
                    "entryref" if inside(parents, &["asx"]) => {
                        playlist.skipped.push(SkippedLine::new(
                            line,
                            say!(
                                "it points at another playlist, which Strand does not fetch",
                                "es verweist auf eine andere Wiedergabeliste, die Strand nicht \
                                 holt"
                            ),
                        ))
                    }
                    "ref" if in_entry => {
                        if let Some(entry) = entry.as_mut().filter(|entry| entry.href.is_none()) {
                            entry.href = attribute(attributes, "href").map(str::to_owned);
                        }
                    }
                    "duration" if in_entry => {
                        if let Some(entry) = entry.as_mut() {
                            entry.fields.duration_ms =
                                attribute(attributes, "value").and_then(clock_ms);
                        }
                    }
                    _ => {}
                }
            }
            Node::Close {
                parents,
                name,
                text,
                base,
            } => {
                if inside(parents, &["asx"]) && name == "title" {
                    playlist.name = Some(text.trim().to_owned());
                } else if inside(parents, &["asx"]) && name == "entry" {
                    if let Some(entry) = entry.take() {
                        match entry.href {
                            Some(href) => playlist.add(
                                entry.fields,
                                Some((&href, Spelling::UriReference)),
                                base,
                                entry.line,
                            ),
                            None => playlist.skipped.push(SkippedLine::new(
                                entry.line,
                                say!("this entry has no <ref>", "dieser Eintrag hat kein <ref>"),
                            )),
                        }
                    }
                } else if inside(parents, &["asx", "entry"])
                    && let Some(entry) = entry.as_mut()
                {
                    match name {
                        "title" => entry.fields.title = text.trim().to_owned(),
                        "author" => entry.fields.creator = text.trim().to_owned(),
                        _ => {}
                    }
                }
            }
        }
        Ok(())
    })?;
    Ok(playlist)
}

/// `[[h:]m:]s[.fraction]` as milliseconds, as ASX writes a duration; None if it is no clock time.
fn clock_ms(text: &str) -> Option<u32> {
    let (clock, fraction) = text.trim().split_once('.').unwrap_or((text.trim(), ""));
    let parts: Vec<&str> = clock.split(':').collect();
    if parts.len() > 3
        || parts
            .iter()
            .any(|part| part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let seconds = parts.iter().try_fold(0u64, |total, part| {
        Some(total * 60 + part.parse::<u64>().ok()?)
    })?;
    let fraction_ms = match fraction {
        "" => 0,
        digits if digits.bytes().all(|b| b.is_ascii_digit()) => {
            let padded: String = digits.chars().chain("000".chars()).take(3).collect();
            padded.parse::<u64>().ok()?
        }
        _ => return None,
    };
    u32::try_from(seconds.checked_mul(1000)?.checked_add(fraction_ms)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("file:///home/ada/lists/radio.asx").expect("base")
    }

    #[test]
    fn entries_give_their_first_ref_title_author_and_duration_in_any_case() {
        let text = r#"<ASX Version="3.0">
  <Title>Night radio</Title>
  <Entry>
    <Title>Tide</Title><Author>Mara Quill</Author>
    <Ref HREF="songs/01 Tide.mp3"/><Ref href="http://mirror.example.net/tide.mp3"/>
    <Duration value="00:03:07.5"/>
  </Entry>
  <entry><ref href="http://radio.example.net/live"/></entry>
  <entry><title>Nothing to play</title></entry>
  <ENTRYREF HREF="http://example.net/more.asx"/>
</ASX>"#;
        let playlist = parse(text, &base()).expect("parses");
        assert_eq!(playlist.name.as_deref(), Some("Night radio"));
        let first = &playlist.entries[0].details;
        assert_eq!(
            (
                first.title.as_str(),
                first.creator.as_str(),
                first.duration_ms
            ),
            ("Tide", "Mara Quill", Some(187_500))
        );
        assert_eq!(
            first.source_uri.as_deref(),
            Some("file:///home/ada/lists/songs/01%20Tide.mp3")
        );
        assert_eq!(playlist.entries[1].details.title, "live");
        let reasons: Vec<&str> = playlist
            .skipped
            .iter()
            .map(|line| line.reason.as_str())
            .collect();
        assert_eq!(reasons.len(), 2, "{reasons:?}");
        assert!(reasons[0].contains("another playlist") || reasons[1].contains("another playlist"));
    }

    #[test]
    fn clock_times_read_as_players_read_them() {
        assert_eq!(clock_ms("3:07"), Some(187_000));
        assert_eq!(clock_ms("01:02:03.25"), Some(3_723_250));
        assert_eq!(clock_ms("45"), Some(45_000));
        assert_eq!(clock_ms("3:x7"), None);
        assert_eq!(clock_ms("1:2:3:4"), None);
        assert_eq!(clock_ms("99999999999"), None);
    }
}
