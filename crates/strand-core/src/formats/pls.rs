//! PLS: Winamp's INI-style playlist — `[playlist]`, then `FileN=`, `TitleN=`, `LengthN=` (seconds,
//! `-1` unknown), in any order. Hand-read: the format is a dozen lines of rules, and the INI crates
//! disagree with players on duplicate keys and case.

use std::collections::BTreeMap;

use url::Url;

use super::entry::{Fields, SkippedLine};
use super::location::Spelling;
use super::m3u::{long_line, seconds_to_ms, split_display};
use super::{MAX_LINE_BYTES, ParsedPlaylist, not_readable};
use crate::error::Result;

#[derive(Default)]
struct Numbered<'a> {
    first_line: u32,
    file: Option<(u32, &'a str)>,
    title: Option<&'a str>,
    length: Option<&'a str>,
}

/// Reads a PLS playlist's text.
pub(crate) fn parse(text: &str, base: &Url) -> Result<ParsedPlaylist> {
    let mut lines = super::text::lines(text)
        .enumerate()
        .map(|(index, line)| (index as u32 + 1, line));
    let header = lines.by_ref().find(|(_, line)| !line.trim().is_empty());
    if !header.is_some_and(|(_, line)| line.trim().eq_ignore_ascii_case("[playlist]")) {
        return Err(not_readable(
            "PLS",
            say!(
                "it does not start with [playlist]",
                "sie beginnt nicht mit [playlist]"
            ),
        ));
    }
    let mut numbered: BTreeMap<u32, Numbered<'_>> = BTreeMap::new();
    let mut playlist = ParsedPlaylist::default();
    for (number, line) in lines {
        if line.len() > MAX_LINE_BYTES {
            return Err(long_line(number));
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        let split = ["file", "title", "length"]
            .into_iter()
            .find_map(|field| Some((field, key.strip_prefix(field)?.parse::<u32>().ok()?)));
        let Some((field, n)) = split else {
            continue;
        };
        let entry = numbered.entry(n).or_insert_with(|| Numbered {
            first_line: number,
            ..Numbered::default()
        });
        match field {
            "file" => entry.file = Some((number, value)),
            "title" => entry.title = Some(value),
            _ => entry.length = Some(value),
        }
    }
    for (n, entry) in numbered {
        let Some((line, file)) = entry.file else {
            playlist.skipped.push(SkippedLine::new(
                entry.first_line,
                say!(
                    "entry {n} has a title or length but no File{n}",
                    "Eintrag {n} hat einen Titel oder eine Länge, aber kein File{n}"
                ),
            ));
            continue;
        };
        let mut fields = Fields {
            duration_ms: entry.length.and_then(seconds_to_ms),
            ..Fields::default()
        };
        split_display(&mut fields, entry.title.unwrap_or(""));
        playlist.add(fields, Some((file, Spelling::Path)), base, line);
    }
    Ok(playlist)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("file:///lists/a.pls").expect("base")
    }

    #[test]
    fn entries_come_in_number_order_whatever_the_line_order() {
        let text = "[playlist]\r\nTitle2=Two\nFile2=two.ogg\nfile1=http://radio.example.org/\n\
                    Title1=Nadia Vale - One\nLength1=-1\nLength2=61\nNumberOfEntries=2\nVersion=2\n";
        let playlist = parse(text, &base()).expect("parses");
        let titles: Vec<&str> = playlist
            .entries
            .iter()
            .map(|e| e.details.title.as_str())
            .collect();
        assert_eq!(titles, ["One", "Two"]);
        assert_eq!(playlist.entries[0].details.creator, "Nadia Vale");
        assert_eq!(playlist.entries[1].details.duration_ms, Some(61_000));
        assert_eq!(
            playlist.entries[1].details.source_uri.as_deref(),
            Some("file:///lists/two.ogg")
        );
    }

    #[test]
    fn a_file_without_the_header_is_not_a_pls_and_an_entry_without_a_file_is_skipped() {
        assert!(parse("File1=a.mp3\n", &base()).is_err());
        let playlist = parse("[playlist]\nTitle3=Lost\nFile1=a.mp3\n", &base()).expect("parses");
        assert_eq!(playlist.entries.len(), 1);
        assert!(playlist.skipped[0].reason.contains("File3"));
    }

    #[test]
    fn a_pls_whose_lines_end_in_a_lone_cr_is_read() {
        let text = "[playlist]\rFile1=a.mp3\rTitle1=A\rNumberOfEntries=1\r";
        let playlist = parse(text, &base()).expect("a PLS from classic Mac OS");
        assert_eq!(playlist.entries[0].details.title, "A");
    }
}
