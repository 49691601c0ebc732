//! Writing a bundle in the formats other players read: M3U8, XSPF and CSV, beside Strand's own
//! share format. Items without an address of their own (notes, services) are written as
//! `urn:strand:item:<id>` so a Strand importing the file finds them again.

use chrono::{DateTime, Utc};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::ExportFormat;
use super::location::item_urn;
use super::table::neutralise;
use crate::model::{Item, WholeBundle};
use crate::share::BundleFile;

/// `bundle` written as `format`.
pub fn write_bundle(bundle: &WholeBundle, format: ExportFormat, now: DateTime<Utc>) -> String {
    match format {
        ExportFormat::M3u8 => m3u8(bundle),
        ExportFormat::Xspf => xspf(bundle),
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

/// M3U is one line per field: line breaks inside a title become spaces.
fn one_line(text: &str) -> String {
    text.split(['\r', '\n']).collect::<Vec<_>>().join(" ")
}

fn m3u8(bundle: &WholeBundle) -> String {
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
        out.push_str(&one_line(&location(&entry.item)));
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
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    let written: std::io::Result<()> = (|| {
        writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        writer
            .create_element("playlist")
            .with_attributes([("version", "1"), ("xmlns", "http://xspf.org/ns/0/")])
            .write_inner_content(|writer| {
                text_element(writer, "title", &bundle.bundle.name)?;
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
    })();
    written.expect("writing XML to memory cannot fail");
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
