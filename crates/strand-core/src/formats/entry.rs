//! One entry as a file gave it, checked: what every parser hands on, whatever the format.

use serde::Serialize;
use ts_rs::TS;

use super::location::{self, Location};
use crate::catalogue;
use crate::ids::ItemId;
use crate::model::{ItemDetails, ItemKind};
use crate::validate;

/// The longest title or creator an imported entry may have, in characters.
pub const MAX_TEXT_CHARS: usize = 1000;

/// The most tags an imported entry may carry, and the longest tag.
pub const MAX_TAGS: usize = 32;
const MAX_TAG_CHARS: usize = 100;

/// An entry read from a file, ready to be matched to a library item or to become one.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedEntry {
    /// The line (or record) of the file it came from.
    pub line: u32,
    /// The Strand item it names, if the file came from a Strand.
    pub item_id: Option<ItemId>,
    /// What the file says about it.
    pub details: ItemDetails,
}

/// A line of a file that did not become an entry, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SkippedLine {
    /// The line (or record) number, from 1.
    pub line: u32,
    /// Why it was skipped, in words a person understands.
    pub reason: String,
}

impl SkippedLine {
    pub(crate) fn new(line: u32, reason: impl Into<String>) -> SkippedLine {
        SkippedLine {
            line,
            reason: reason.into(),
        }
    }
}

/// What a format found for one entry, before it is checked.
#[derive(Clone, Debug, Default)]
pub(crate) struct Fields {
    pub kind: Option<ItemKind>,
    pub title: String,
    pub creator: String,
    pub duration_ms: Option<u32>,
    pub price_cents: Option<u32>,
    /// The price's ISO 4217 code, as the file or person gave it.
    pub currency: Option<String>,
    pub tags: Vec<String>,
    pub item_id: Option<ItemId>,
    pub source_uri: Option<String>,
    /// The bead colour, when the file carries one (Strand's own files do).
    pub colour: Option<String>,
}

impl Fields {
    /// Sets where the entry lives.
    pub fn locate(&mut self, location: Location) {
        match location {
            Location::Item(id) => self.item_id = Some(id),
            Location::Uri(uri) => self.source_uri = Some(uri),
        }
    }

    /// Checks the fields and makes the entry, or says why the line is skipped.
    pub fn into_entry(self, line: u32) -> Result<ImportedEntry, SkippedLine> {
        let skip = |reason: String| SkippedLine::new(line, reason);
        let mut title = clean(&self.title);
        if title.is_empty() {
            // A file name may decode to anything, control characters included: clean it too.
            title = self
                .source_uri
                .as_deref()
                .and_then(location::title_from_uri)
                .map(|name| clean(&name))
                .filter(|name| !name.is_empty())
                .or_else(|| {
                    (self.source_uri.is_some() || self.item_id.is_some())
                        .then(|| say!("Untitled", "Ohne Titel"))
                })
                .ok_or_else(|| {
                    skip(say!(
                        "it has neither a title nor a location",
                        "es hat weder einen Titel noch einen Ort"
                    ))
                })?;
        }
        let creator = clean(&self.creator);
        for (what, text) in [
            (say!("title", "Titel"), &title),
            (say!("creator", "Urheber"), &creator),
        ] {
            if text.chars().nth(MAX_TEXT_CHARS).is_some() {
                return Err(skip(say!(
                    "its {what} is longer than {MAX_TEXT_CHARS} characters",
                    "sein {what} ist länger als {MAX_TEXT_CHARS} Zeichen"
                )));
            }
        }
        let mut tags: Vec<String> = self
            .tags
            .iter()
            .map(|tag| clean(tag))
            .filter(|tag| !tag.is_empty())
            .collect();
        tags.sort();
        tags.dedup();
        if tags.len() > MAX_TAGS {
            return Err(skip(say!(
                "it has more than {MAX_TAGS} tags",
                "es hat mehr als {MAX_TAGS} Schlagwörter"
            )));
        }
        if let Some(tag) = tags
            .iter()
            .find(|tag| tag.chars().nth(MAX_TAG_CHARS).is_some())
        {
            let start: String = tag.chars().take(20).collect();
            return Err(skip(say!(
                "the tag {start:?}… is longer than {MAX_TAG_CHARS} characters",
                "das Schlagwort {start:?}… ist länger als {MAX_TAG_CHARS} Zeichen"
            )));
        }
        let kind = self.kind.unwrap_or(if self.price_cents.is_some() {
            ItemKind::Product
        } else if let Some(uri) = &self.source_uri {
            location::kind_for_uri(uri)
        } else if self.duration_ms.is_some() {
            ItemKind::Song
        } else {
            ItemKind::Note
        });
        let currency = match self.currency.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(code) => Some(currency_code(code).ok_or_else(|| {
                skip(say!(
                    "{code:?} is not a currency code such as EUR",
                    "{code:?} ist kein Währungscode wie EUR"
                ))
            })?),
        };
        if currency.is_some() && self.price_cents.is_none() {
            return Err(skip(say!(
                "it names a currency but has no price",
                "es nennt eine Währung, aber keinen Preis"
            )));
        }
        let colour = match self.colour {
            Some(colour) if is_hex_colour(&colour) => colour,
            _ => catalogue::colour_for(&title, &creator).to_owned(),
        };
        Ok(ImportedEntry {
            line,
            item_id: self.item_id,
            details: ItemDetails {
                kind,
                title,
                creator,
                duration_ms: self.duration_ms,
                price_cents: self.price_cents,
                currency,
                tags,
                source_uri: self.source_uri,
                colour,
            },
        })
    }
}

/// An item a person made or edited by hand, checked as every imported entry is (the same texts,
/// tags and kinds), but refused with what is wrong instead of skipped; the one thing filled in is
/// a missing title, from the item's address. Its address is typed, so it must be whole: a
/// relative path has nothing to be relative to.
pub(crate) fn own_item(details: ItemDetails) -> crate::error::Result<ItemDetails> {
    use crate::error::Error;
    if !is_hex_colour(&details.colour) {
        return Err(Error::invalid(
            "colour",
            say!("give the colour as #rrggbb", "gib die Farbe als #rrggbb an"),
        ));
    }
    let source_uri = match details.source_uri.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(address) => {
            Some(location::typed(address).map_err(|why| Error::invalid("sourceUri", why))?)
        }
    };
    let fields = Fields {
        kind: Some(details.kind),
        title: details.title,
        creator: details.creator,
        duration_ms: details.duration_ms,
        price_cents: details.price_cents,
        currency: details.currency,
        tags: details.tags,
        item_id: None,
        source_uri,
        colour: Some(details.colour),
    };
    fields
        .into_entry(1)
        .map(|entry| entry.details)
        .map_err(|skip| Error::invalid("item", skip.reason))
}

/// `code` as an ISO 4217 currency code (three letters, any case), upper-cased.
fn currency_code(code: &str) -> Option<String> {
    (code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| code.to_ascii_uppercase())
}

fn is_hex_colour(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// Text as an item holds it: trimmed, line breaks as `\n`, no control characters but `\n` and tab;
/// text that shows nothing (only invisible characters) is no text.
fn clean(text: &str) -> String {
    let cleaned = text
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect::<String>();
    if validate::is_blank(&cleaned) {
        return String::new();
    }
    cleaned.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_of_invisible_characters_alone_counts_as_none() {
        let fields = Fields {
            title: "\u{200B}\u{FEFF}".into(),
            creator: "\u{2060}".into(),
            source_uri: Some("file:///music/01%20Tide.mp3".into()),
            ..Fields::default()
        };
        let entry = fields.into_entry(1).expect("entry");
        assert_eq!(entry.details.title, "01 Tide");
        assert_eq!(entry.details.creator, "");
    }

    #[test]
    fn an_entry_without_a_title_is_named_after_its_file() {
        let mut fields = Fields::default();
        fields.locate(Location::Uri("file:///music/01%20Tide.mp3".into()));
        let entry = fields.into_entry(3).expect("entry");
        assert_eq!(entry.details.title, "01 Tide");
        assert_eq!(entry.details.kind, ItemKind::Song);
        assert!(entry.details.colour.starts_with('#'));
    }

    #[test]
    fn a_title_taken_from_a_file_name_loses_its_control_characters() {
        // Found by the m3u fuzz target: a location whose name decodes to control characters.
        let mut fields = Fields::default();
        fields.locate(Location::Uri("file:///fuzz/File%15%00%00x.mp3".into()));
        assert_eq!(fields.into_entry(1).expect("entry").details.title, "Filex");
        let mut only_controls = Fields::default();
        only_controls.locate(Location::Uri("file:///fuzz/%00%01.mp3".into()));
        assert_eq!(
            only_controls.into_entry(1).expect("entry").details.title,
            "Untitled"
        );
    }

    #[test]
    fn lines_without_title_or_location_or_with_huge_titles_are_skipped_with_reasons() {
        let nothing = Fields::default().into_entry(7).expect_err("skipped");
        assert_eq!(nothing.line, 7);
        assert!(
            nothing.reason.contains("neither a title"),
            "{}",
            nothing.reason
        );
        let huge = Fields {
            title: "x".repeat(MAX_TEXT_CHARS + 1),
            ..Fields::default()
        };
        assert!(
            huge.into_entry(1)
                .expect_err("skipped")
                .reason
                .contains("longer")
        );
    }

    #[test]
    fn kinds_are_inferred_from_what_the_file_gives() {
        let priced = Fields {
            title: "Lamp".into(),
            price_cents: Some(1999),
            ..Fields::default()
        };
        assert_eq!(
            priced.into_entry(1).expect("entry").details.kind,
            ItemKind::Product
        );
        let plain = Fields {
            title: "Remember milk".into(),
            ..Fields::default()
        };
        assert_eq!(
            plain.into_entry(1).expect("entry").details.kind,
            ItemKind::Note
        );
    }

    #[test]
    fn control_characters_go_but_line_breaks_stay() {
        let fields = Fields {
            title: " Two\r\nlines\u{0}\t ".into(),
            tags: vec!["b".into(), " a ".into(), "b".into(), String::new()],
            ..Fields::default()
        };
        let entry = fields.into_entry(1).expect("entry");
        assert_eq!(entry.details.title, "Two\nlines");
        assert_eq!(entry.details.tags, vec!["a", "b"]);
    }
}
