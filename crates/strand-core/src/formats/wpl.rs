//! WPL, Windows Media Player's playlists: SMIL, `<smil><head><title/></head><body><seq><media
//! src="…"/>…`. A `<media>` names a file or stream by `src` (paths as Windows writes them,
//! relative to the playlist); it holds no title, so the entry is titled from its file name, as
//! players show a file they have not read yet. Read through the shared XML walk.

use url::Url;

use super::entry::Fields;
use super::location::Spelling;
use super::xml::{self, Names, Node, attribute, inside};
use super::{ParsedPlaylist, SkippedLine};
use crate::error::Result;

/// Reads a WPL playlist's text.
pub(crate) fn parse(text: &str, base: &Url) -> Result<ParsedPlaylist> {
    let mut playlist = ParsedPlaylist::default();
    // Each `<media>` opened, with its `src` and line, waiting for its end (and its base).
    let mut media: Option<(Option<String>, u32)> = None;
    xml::walk(text, "WPL", "smil", base, Names::LowerCase, |node| {
        match node {
            Node::Open {
                parents,
                name,
                attributes,
                line,
            } => {
                if name == "media" && inside(parents, &["smil", "body", "seq"]) {
                    media = Some((attribute(attributes, "src").map(str::to_owned), line));
                }
            }
            Node::Close {
                parents,
                name,
                text,
                base,
            } => {
                if name == "title" && inside(parents, &["smil", "head"]) {
                    playlist.name = Some(text.trim().to_owned());
                } else if name == "media" && inside(parents, &["smil", "body", "seq"]) {
                    match media.take() {
                        Some((Some(src), line)) => playlist.add(
                            Fields::default(),
                            Some((&src, Spelling::Path)),
                            base,
                            line,
                        ),
                        Some((None, line)) => playlist.skipped.push(SkippedLine::new(
                            line,
                            say!("this <media> has no src", "dieses <media> hat kein src"),
                        )),
                        None => {}
                    }
                }
            }
        }
        Ok(())
    })?;
    Ok(playlist)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("file:///C:/Users/ada/Music/Playlists/road.wpl").expect("base")
    }

    #[test]
    fn media_in_the_sequence_become_entries_titled_from_their_files() {
        let text = r#"<?wpl version="1.0"?>
<smil>
  <head><meta name="Generator" content="Microsoft Windows Media Player -- 12.0"/>
    <title>Road &amp; rain</title></head>
  <body><seq>
    <media src="..\Mara Quill\01 Tide.mp3" tid="{1}"/>
    <media src="http://radio.example.net/live"></media>
    <media tid="{3}"/>
  </seq></body>
</smil>"#;
        let playlist = parse(text, &base()).expect("parses");
        assert_eq!(playlist.name.as_deref(), Some("Road & rain"));
        let titles: Vec<&str> = playlist
            .entries
            .iter()
            .map(|entry| entry.details.title.as_str())
            .collect();
        assert_eq!(titles, ["01 Tide", "live"]);
        assert_eq!(
            playlist.entries[0].details.source_uri.as_deref(),
            Some("file:///C:/Users/ada/Music/Mara%20Quill/01%20Tide.mp3")
        );
        assert_eq!(playlist.skipped.len(), 1);
        assert_eq!(playlist.skipped[0].line, 8);
    }

    #[test]
    fn a_file_that_is_not_smil_is_refused() {
        let error = parse("<asx/>", &base()).expect_err("refused");
        assert!(error.to_string().contains("no <smil>"), "{error}");
    }
}
