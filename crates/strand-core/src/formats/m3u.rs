//! M3U and M3U8: one location per line; `#EXTM3U` files add `#EXTINF:<seconds>,<display title>`
//! before a location, `#PLAYLIST:` names the list and `#EXTART:` the artist. Anything else after a
//! `#` is a comment. Lines end in LF or CRLF, mixed freely.

use url::Url;

use super::entry::Fields;
use super::location::Spelling;
use super::{MAX_LINE_BYTES, ParsedPlaylist};
use crate::error::{Error, Result};

/// Reads an M3U playlist's text.
pub(crate) fn parse(text: &str, base: &Url) -> Result<ParsedPlaylist> {
    let mut playlist = ParsedPlaylist::default();
    let mut pending = Fields::default();
    let mut display = String::new();
    for (index, line) in super::text::lines(text).enumerate() {
        let number = index as u32 + 1;
        if line.len() > MAX_LINE_BYTES {
            return Err(long_line(number));
        }
        let line = line.trim();
        if let Some(info) = line.strip_prefix("#EXTINF:") {
            // The title follows the first comma outside the attributes' quotes
            // (`-1 tvg-name="News, Live" group-title="TV",BBC News`).
            let (duration, title) = split_outside_quotes(info).unwrap_or((info, ""));
            // Attributes (`tvg-id="…"`) may follow the duration; the number comes first.
            let seconds = duration.split_whitespace().next().unwrap_or("");
            pending.duration_ms = seconds_to_ms(seconds);
            display = title.to_owned();
        } else if let Some(artist) = line.strip_prefix("#EXTART:") {
            pending.creator = artist.trim().to_owned();
        } else if let Some(name) = line.strip_prefix("#PLAYLIST:") {
            playlist.name = Some(name.trim().to_owned()).filter(|name| !name.is_empty());
        } else if line.is_empty() || line.starts_with('#') {
            continue;
        } else {
            let mut fields = std::mem::take(&mut pending);
            split_display(&mut fields, &std::mem::take(&mut display));
            playlist.add(fields, Some((line, Spelling::Path)), base, number);
        }
    }
    Ok(playlist)
}

/// Fills title and creator from a display title: "Creator - Title" unless the creator is known
/// already (from `#EXTART:`), in which case only its prefix is taken off.
pub(crate) fn split_display(fields: &mut Fields, display: &str) {
    let display = display.trim();
    if !fields.creator.is_empty() {
        let prefix = format!("{} - ", fields.creator);
        fields.title = display.strip_prefix(&prefix).unwrap_or(display).to_owned();
    } else if let Some((creator, title)) = split_outside_brackets(display, " - ") {
        fields.creator = creator.to_owned();
        fields.title = title.to_owned();
    } else {
        fields.title = display.to_owned();
    }
}

/// `info` around its first comma that no double quote encloses.
fn split_outside_quotes(info: &str) -> Option<(&str, &str)> {
    let mut quoted = false;
    let at = info.char_indices().find_map(|(at, c)| {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => return Some(at),
            _ => {}
        }
        None
    })?;
    Some((&info[..at], &info[at + 1..]))
}

/// `text` around the first `separator` outside brackets, so "Live at Wembley (1986 - Remastered)"
/// keeps its dash.
fn split_outside_brackets<'t>(text: &'t str, separator: &str) -> Option<(&'t str, &'t str)> {
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 && text[at..].starts_with(separator) => {
                return Some((&text[..at], &text[at + separator.len()..]));
            }
            _ => {}
        }
    }
    None
}

/// `187`, `187.5` or `-1` (unknown) seconds as milliseconds.
pub(crate) fn seconds_to_ms(seconds: &str) -> Option<u32> {
    let seconds: f64 = seconds.trim().parse().ok()?;
    (seconds.is_finite() && seconds >= 0.0 && seconds < f64::from(u32::MAX) / 1000.0)
        .then(|| (seconds * 1000.0).round() as u32)
}

pub(crate) fn long_line(number: u32) -> Error {
    Error::invalid("file", {
        let kibibytes = MAX_LINE_BYTES / 1024;
        say!(
            "line {number} is longer than {kibibytes} KiB; this is not a playlist",
            "Zeile {number} ist länger als {kibibytes} KiB; das ist keine Wiedergabeliste"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemKind;

    fn base() -> Url {
        Url::parse("file:///home/ada/lists/mix.m3u").expect("base")
    }

    #[test]
    fn extended_m3u_gives_titles_creators_durations_and_a_name() {
        let text = "#EXTM3U\r\n#PLAYLIST:Road trip\n#EXTINF:187,Mara Quill - Tide\r\n../music/tide.mp3\n\
                    #EXTINF:-1,Radio Nowhere\nhttps://radio.example.org/live\n";
        let playlist = parse(text, &base()).expect("parses");
        assert_eq!(playlist.name.as_deref(), Some("Road trip"));
        let [tide, radio] = playlist.entries.as_slice() else {
            panic!("two entries: {playlist:?}")
        };
        assert_eq!(tide.details.title, "Tide");
        assert_eq!(tide.details.creator, "Mara Quill");
        assert_eq!(tide.details.duration_ms, Some(187_000));
        assert_eq!(
            tide.details.source_uri.as_deref(),
            Some("file:///home/ada/music/tide.mp3")
        );
        assert_eq!(tide.line, 4);
        assert_eq!(radio.details.kind, ItemKind::Stream);
        assert_eq!(radio.details.duration_ms, None);
        assert!(playlist.skipped.is_empty());
    }

    #[test]
    fn extart_keeps_a_dash_in_the_title() {
        let text = "#EXTM3U\n#EXTINF:60.5,A - B - C\n#EXTART:A\n/x.mp3\n";
        let entry = &parse(text, &base()).expect("parses").entries[0];
        assert_eq!(
            (entry.details.creator.as_str(), entry.details.title.as_str()),
            ("A", "B - C")
        );
        assert_eq!(entry.details.duration_ms, Some(60_500));
    }

    #[test]
    fn plain_m3u_lines_are_named_after_their_files_and_bad_ones_are_skipped() {
        let playlist = parse("song one.mp3\nhttp://[::1\n", &base()).expect("parses");
        assert_eq!(playlist.entries[0].details.title, "song one");
        assert_eq!(playlist.skipped.len(), 1);
        assert_eq!(playlist.skipped[0].line, 2);
    }

    #[test]
    fn a_comma_inside_an_extinf_attribute_is_not_where_the_title_starts() {
        let text = "#EXTM3U\n#EXTINF:-1 tvg-name=\"News, Live\" group-title=\"TV\",BBC News\nhttp://tv.example/bbc\n";
        let entry = &parse(text, &base()).expect("parses").entries[0];
        assert_eq!(entry.details.title, "BBC News");
        assert_eq!(entry.details.creator, "");
    }

    #[test]
    fn a_dash_inside_brackets_does_not_split_creator_from_title() {
        for (display, creator, title) in [
            (
                "Live at Wembley (1986 - Remastered)",
                "",
                "Live at Wembley (1986 - Remastered)",
            ),
            (
                "Queen - Live at Wembley (1986 - Remastered)",
                "Queen",
                "Live at Wembley (1986 - Remastered)",
            ),
            ("[Demo - Take 2] Intro", "", "[Demo - Take 2] Intro"),
        ] {
            let text = format!("#EXTM3U\n#EXTINF:60,{display}\n/x.mp3\n");
            let entry = &parse(&text, &base()).expect("parses").entries[0];
            assert_eq!(
                (entry.details.creator.as_str(), entry.details.title.as_str()),
                (creator, title),
                "{display}"
            );
        }
    }

    #[test]
    fn lines_ending_in_a_lone_cr_are_read_as_lines() {
        let text = "#EXTM3U\r#EXTINF:60,A - One\r/one.mp3\r#EXTINF:61,B - Two\r/two.mp3\r";
        let playlist = parse(text, &base()).expect("parses");
        let titles: Vec<_> = playlist
            .entries
            .iter()
            .map(|e| e.details.title.as_str())
            .collect();
        assert_eq!(titles, ["One", "Two"]);
        assert_eq!(playlist.entries[1].line, 5);
    }

    #[test]
    fn a_ten_megabyte_line_is_refused_as_a_whole() {
        let text = format!("#EXTM3U\n{}\n", "a".repeat(10 * 1024 * 1024));
        assert!(parse(&text, &base()).is_err());
    }
}
