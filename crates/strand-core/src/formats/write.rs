//! Writing a bundle in the formats other players read: M3U8, XSPF, JSPF, PLS, WPL and CSV,
//! beside Strand's own share format. Items without an address of their own (notes, services) are written as
//! `urn:strand:item:<id>` so a Strand importing the file finds them again.

use chrono::{DateTime, Utc};
use percent_encoding::percent_decode_str;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use url::Url;

use super::ExportFormat;
use super::location::{self, Location, Spelling, item_urn};
use super::table::neutralise;
use crate::model::{Item, WholeBundle};
use crate::share::BundleFile;

/// `bundle` written as `format`. With `saved_at` (the playlist file's own address), the path
/// formats (M3U8, PLS, WPL) write a local file as a path relative to the playlist's folder, as
/// players expect when a music folder moves between machines; the other formats ignore it.
pub fn write_bundle(
    bundle: &WholeBundle,
    format: ExportFormat,
    now: DateTime<Utc>,
    saved_at: Option<&Url>,
) -> String {
    let places = Places { saved_at };
    match format {
        ExportFormat::M3u8 => m3u8(bundle, &places),
        ExportFormat::Xspf => xspf(bundle),
        ExportFormat::Jspf => super::jspf::write(bundle),
        ExportFormat::Pls => pls(bundle, &places),
        ExportFormat::Wpl => wpl(bundle, &places),
        ExportFormat::Csv => csv(bundle),
        ExportFormat::StrandJson => BundleFile::from_bundle(bundle, now).to_json(),
    }
}

fn location(item: &Item) -> String {
    item.details
        .source_uri
        .clone()
        .unwrap_or_else(|| item_urn(item.id))
}

/// How a path format writes an item's address: as stored, or relative to the playlist's folder.
struct Places<'a> {
    saved_at: Option<&'a Url>,
}

impl Places<'_> {
    fn of(&self, item: &Item) -> String {
        let stored = location(item);
        self.saved_at
            .and_then(|playlist| relative_path(playlist, &stored))
            .unwrap_or(stored)
    }
}

/// `uri` as a path relative to the folder of the playlist at `playlist`, if it is a local file
/// and Strand's own reader resolves that path back to the very same file (checked here, where
/// the path is made: another drive or share stays absolute). A path that would read as an M3U
/// comment starts with `./`.
fn relative_path(playlist: &Url, uri: &str) -> Option<String> {
    let file = Url::parse(uri).ok().filter(|url| url.scheme() == "file")?;
    let relative = playlist.make_relative(&file)?;
    let mut path = percent_decode_str(&relative)
        .decode_utf8()
        .ok()?
        .into_owned();
    if path.is_empty() || path.contains(['\r', '\n']) {
        return None;
    }
    if path.starts_with('#') {
        path.insert_str(0, "./");
    }
    let resolved = location::resolve(&path, playlist, Spelling::Path).ok()?;
    (resolved == Location::Uri(location::canonical(uri))).then_some(path)
}

/// M3U is one line per field: line breaks inside a title become spaces.
fn one_line(text: &str) -> String {
    text.split(['\r', '\n']).collect::<Vec<_>>().join(" ")
}

fn m3u8(bundle: &WholeBundle, places: &Places<'_>) -> String {
    let mut out = format!("#EXTM3U\n#PLAYLIST:{}\n", one_line(&bundle.bundle.name));
    for entry in bundle.present_entries() {
        let details = &entry.item.details;
        let seconds = details
            .duration_ms
            .map_or_else(|| "-1".to_owned(), format_seconds);
        let (title, creator) = (one_line(&details.title), one_line(&details.creator));
        if creator.is_empty() {
            out.push_str(&format!("#EXTINF:{seconds},{title}\n"));
        } else {
            out.push_str(&format!(
                "#EXTINF:{seconds},{creator} - {title}\n#EXTART:{creator}\n"
            ));
        }
        out.push_str(&one_line(&places.of(&entry.item)));
        out.push('\n');
    }
    out
}

/// Milliseconds as seconds, with as many decimals as it takes and no more.
fn format_seconds(ms: u32) -> String {
    let text = format!("{}.{:03}", ms / 1000, ms % 1000);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn xspf(bundle: &WholeBundle) -> String {
    xml_document(|writer| {
        writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        writer
            .create_element("playlist")
            .with_attributes([("version", "1"), ("xmlns", "http://xspf.org/ns/0/")])
            .write_inner_content(|writer| {
                text_element(writer, "title", &bundle.bundle.name)?;
                if let Some(cover) = &bundle.cover {
                    text_element(writer, "image", &cover.data_uri())?;
                }
                writer
                    .create_element("trackList")
                    .write_inner_content(|writer| {
                        for entry in bundle.present_entries() {
                            let item = &entry.item;
                            writer
                                .create_element("track")
                                .write_inner_content(|writer| {
                                    text_element(writer, "location", &location(item))?;
                                    text_element(writer, "identifier", &item_urn(item.id))?;
                                    text_element(writer, "title", &item.details.title)?;
                                    if !item.details.creator.is_empty() {
                                        text_element(writer, "creator", &item.details.creator)?;
                                    }
                                    if let Some(ms) = item.details.duration_ms {
                                        text_element(writer, "duration", &ms.to_string())?;
                                    }
                                    Ok(())
                                })?;
                        }
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    })
}

/// PLS: numbered `FileN`/`TitleN`/`LengthN` keys (seconds, -1 for none), then the count.
fn pls(bundle: &WholeBundle, places: &Places<'_>) -> String {
    let mut out = String::from("[playlist]\n");
    let mut count = 0;
    for (entry, number) in bundle.present_entries().zip(1..) {
        let details = &entry.item.details;
        let title = match one_line(&details.creator) {
            creator if creator.is_empty() => one_line(&details.title),
            creator => format!("{creator} - {}", one_line(&details.title)),
        };
        let seconds = details
            .duration_ms
            .map_or(-1, |ms| i64::from(ms.div_ceil(1000)));
        out.push_str(&format!(
            "File{number}={}\nTitle{number}={title}\nLength{number}={seconds}\n",
            one_line(&places.of(&entry.item))
        ));
        count = number;
    }
    out.push_str(&format!("NumberOfEntries={count}\nVersion=2\n"));
    out
}

/// WPL: SMIL with one `<media src>` per entry in a `<seq>`, as Windows Media Player writes it.
fn wpl(bundle: &WholeBundle, places: &Places<'_>) -> String {
    xml_document(|writer| {
        writer.write_event(Event::PI(quick_xml::events::BytesPI::new(
            r#"wpl version="1.0""#,
        )))?;
        writer
            .create_element("smil")
            .write_inner_content(|writer| {
                writer
                    .create_element("head")
                    .write_inner_content(|writer| {
                        writer
                            .create_element("meta")
                            .with_attributes([("name", "Generator"), ("content", "Strand")])
                            .write_empty()?;
                        text_element(writer, "title", &bundle.bundle.name)
                    })?;
                writer
                    .create_element("body")
                    .write_inner_content(|writer| {
                        writer.create_element("seq").write_inner_content(|writer| {
                            for entry in bundle.present_entries() {
                                writer
                                    .create_element("media")
                                    .with_attribute((
                                        "src",
                                        xml_characters(&places.of(&entry.item)).as_ref(),
                                    ))
                                    .write_empty()?;
                            }
                            Ok(())
                        })?;
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    })
}

/// An XML document written by `write` into memory, as text.
fn xml_document(write: impl FnOnce(&mut Writer<Vec<u8>>) -> std::io::Result<()>) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    write(&mut writer).expect("writing XML to memory cannot fail");
    String::from_utf8(writer.into_inner()).expect("quick-xml writes UTF-8")
}

fn text_element(writer: &mut Writer<Vec<u8>>, name: &str, text: &str) -> std::io::Result<()> {
    writer
        .create_element(name)
        .write_text_content(BytesText::new(&xml_characters(text)))?;
    Ok(())
}

/// `text` with every character XML 1.0 does not allow (controls but tab and line ends, lone
/// surrogates cannot occur in Rust, U+FFFE and U+FFFF) replaced by U+FFFD: quick-xml escapes
/// markup but writes any character, and one such character makes the whole file unreadable.
fn xml_characters(text: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
    };
    if text.chars().all(allowed) {
        return text.into();
    }
    text.chars()
        .map(|c| if allowed(c) { c } else { '\u{FFFD}' })
        .collect::<String>()
        .into()
}

/// The columns Strand writes, which its reader maps back one to one.
const CSV_HEADER: [&str; 9] = [
    "title",
    "creator",
    "kind",
    "duration_ms",
    "price",
    "tags",
    "uri",
    "id",
    "colour",
];

fn csv(bundle: &WholeBundle) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let written: csv::Result<()> = (|| {
        writer.write_record(CSV_HEADER)?;
        for entry in bundle.present_entries() {
            let (item, details) = (&entry.item, &entry.item.details);
            writer.write_field(neutralise(&details.title).as_ref())?;
            writer.write_field(neutralise(&details.creator).as_ref())?;
            writer.write_field(details.kind.as_str())?;
            writer.write_field(
                details
                    .duration_ms
                    .map(|ms| ms.to_string())
                    .unwrap_or_default(),
            )?;
            writer.write_field(
                details
                    .price_cents
                    .map(|cents| format!("{}.{:02}", cents / 100, cents % 100))
                    .unwrap_or_default(),
            )?;
            writer.write_field(neutralise(&details.tags.join("; ")).as_ref())?;
            writer.write_field(
                details
                    .source_uri
                    .as_deref()
                    .map(neutralise)
                    .unwrap_or_default()
                    .as_ref(),
            )?;
            writer.write_field(item.id.to_string())?;
            writer.write_field(&details.colour)?;
            writer.write_record(None::<&[u8]>)?;
        }
        Ok(())
    })();
    written.expect("writing CSV to memory cannot fail");
    String::from_utf8(writer.into_inner().expect("flushing to memory cannot fail"))
        .expect("every cell is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn playlist() -> Url {
        Url::parse("file:///home/ada/Music/Lists/road%20trip.m3u8").expect("url")
    }

    #[test]
    fn local_files_become_paths_from_the_playlists_folder() {
        for (uri, expected) in [
            ("file:///home/ada/Music/Lists/a.mp3", Some("a.mp3")),
            (
                "file:///home/ada/Music/Mara%20Quill/01%20Tide.mp3",
                Some("../Mara Quill/01 Tide.mp3"),
            ),
            (
                "file:///home/ada/Music/Lists/%231%20hit.mp3",
                Some("./#1 hit.mp3"),
            ),
            (
                "file:///srv/other/b.ogg",
                Some("../../../../srv/other/b.ogg"),
            ),
            ("https://radio.example.net/live", None),
            ("urn:strand:item:0190a0b0-0000-7000-8000-000000000000", None),
        ] {
            assert_eq!(
                relative_path(&playlist(), uri).as_deref(),
                expected,
                "{uri}"
            );
        }
    }

    #[test]
    fn a_file_on_another_windows_drive_stays_absolute() {
        let playlist = Url::parse("file:///C:/Users/ada/list.m3u8").expect("url");
        assert_eq!(relative_path(&playlist, "file:///D:/Music/a.mp3"), None);
        assert_eq!(
            relative_path(&playlist, "file:///C:/Users/ada/Music/a.mp3").as_deref(),
            Some("Music/a.mp3")
        );
    }
}
