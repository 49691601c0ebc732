//! The XML playlist formats (XSPF, WPL, ASX) read through one careful walk: quick-xml, which
//! never loads external entities and leaves a `DOCTYPE` unexpanded, so only XML's five
//! predefined entities and character references are resolved — an entity bomb is just an
//! unknown entity, a clear error. The walk bounds nesting, tracks `xml:base`, gives each element
//! its line, and says where a broken file broke; each format only says what its elements mean.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use url::Url;

use super::not_readable;
use crate::error::Result;

/// How deep elements may nest: the playlist formats need five levels; a deeper file is not one.
const MAX_DEPTH: usize = 64;

/// Whether element and attribute names are read as written or in lower case (ASX files spell
/// `<ASX>`, `<Entry>` and `HREF` as they like, and players accept any).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Names {
    AsWritten,
    LowerCase,
}

/// What the walk meets, in document order.
pub(crate) enum Node<'a> {
    /// An element begins (an empty one is opened and closed at once).
    Open {
        /// The names of the elements around it, outermost first.
        parents: &'a [String],
        name: &'a str,
        attributes: &'a [(String, String)],
        /// The line it begins on, for a skipped entry's reason.
        line: u32,
    },
    /// An element ends, with the text directly inside it and the base its addresses resolve on.
    Close {
        parents: &'a [String],
        name: &'a str,
        text: &'a str,
        base: &'a Url,
    },
}

/// Walks `text` as the XML format `format` (named in errors), whose outermost element must be
/// `root`, calling `visit` for each element; an error from `visit` stops the walk. `base` is
/// where the file lives.
pub(crate) fn walk(
    text: &str,
    format: &'static str,
    root: &str,
    base: &Url,
    names: Names,
    mut visit: impl FnMut(Node<'_>) -> Result<()>,
) -> Result<()> {
    let mut rooted = false;
    let mut reader = Reader::from_str(text);
    let mut path: Vec<String> = Vec::new();
    // The base in force inside each open element: `xml:base` on any of them moves it.
    let mut bases: Vec<Url> = Vec::new();
    let mut value = String::new();
    let mut attributes = Vec::new();
    loop {
        let position = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|error| {
            let line = line_at(text, reader.error_position() as usize);
            not_readable(
                format,
                say!("{error} (line {line})", "{error} (Zeile {line})"),
            )
        })?;
        let (start, empty) = match event {
            Event::Start(start) => (start, false),
            Event::Empty(start) => (start, true),
            Event::Text(text) => {
                value.push_str(&text.xml10_content());
                continue;
            }
            Event::CData(data) => {
                value.push_str(&data.xml10_content());
                continue;
            }
            Event::GeneralRef(reference) => {
                if let Some(character) = reference
                    .resolve_char_ref()
                    .map_err(|error| not_readable(format, error))?
                {
                    value.push(character);
                } else if let Some(resolved) = resolve_predefined_entity(&reference) {
                    value.push_str(resolved);
                } else {
                    return Err(not_readable(format, {
                        let entity = &*reference;
                        say!(
                            "it uses the entity &{entity};, which Strand does not expand",
                            "sie nutzt die Entität &{entity};, die Strand nicht auflöst"
                        )
                    }));
                }
                continue;
            }
            Event::End(_) => {
                close(&mut path, &mut bases, &value, &mut visit)?;
                value.clear();
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = element_name(&start, names);
        read_attributes(&start, names, format, &mut attributes)?;
        let inherited = bases.last().unwrap_or(base);
        let moved = attributes
            .iter()
            .find(|(key, _)| key == "xml:base")
            .map(|(_, moved)| {
                inherited.join(moved).map_err(|error| {
                    not_readable(
                        format,
                        say!(
                            "its xml:base {moved:?} is no address ({error})",
                            "ihr xml:base {moved:?} ist keine Adresse ({error})"
                        ),
                    )
                })
            })
            .transpose()?;
        let line = line_at(text, position);
        if path.is_empty() {
            rooted = name == root;
        }
        visit(Node::Open {
            parents: &path,
            name: &name,
            attributes: &attributes,
            line,
        })?;
        bases.push(moved.unwrap_or_else(|| inherited.clone()));
        path.push(name);
        if path.len() > MAX_DEPTH {
            return Err(not_readable(
                format,
                say!(
                    "its elements nest too deeply",
                    "ihre Elemente sind zu tief verschachtelt"
                ),
            ));
        }
        value.clear();
        if empty {
            close(&mut path, &mut bases, "", &mut visit)?;
        }
    }
    if !path.is_empty() {
        return Err(not_readable(format, {
            let open = path.join("><");
            say!("it ends inside <{open}>", "sie endet mitten in <{open}>")
        }));
    }
    if !rooted {
        return Err(not_readable(
            format,
            say!(
                "it has no <{root}> element",
                "sie hat kein <{root}>-Element"
            ),
        ));
    }
    Ok(())
}

fn close(
    path: &mut Vec<String>,
    bases: &mut Vec<Url>,
    text: &str,
    visit: &mut impl FnMut(Node<'_>) -> Result<()>,
) -> Result<()> {
    let (Some(name), Some(base)) = (path.pop(), bases.pop()) else {
        return Ok(());
    };
    visit(Node::Close {
        parents: path,
        name: &name,
        text,
        base: &base,
    })
}

fn element_name(start: &BytesStart<'_>, names: Names) -> String {
    let name = start.local_name().as_ref().to_owned();
    match names {
        Names::AsWritten => name,
        Names::LowerCase => name.to_lowercase(),
    }
}

fn read_attributes(
    start: &BytesStart<'_>,
    names: Names,
    format: &'static str,
    into: &mut Vec<(String, String)>,
) -> Result<()> {
    into.clear();
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|error| not_readable(format, error))?;
        let key = attribute.key.into_inner().to_owned();
        let key = match names {
            Names::AsWritten => key,
            Names::LowerCase => key.to_lowercase(),
        };
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|error| not_readable(format, error))?;
        into.push((key, value.trim().to_owned()));
    }
    Ok(())
}

/// The value of the attribute `key`, if the element has it.
pub(crate) fn attribute<'a>(attributes: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|(name, _)| name == key)
        .map(|(_, value)| value.as_str())
}

/// Whether `parents` are exactly the elements `expected`, outermost first.
pub(crate) fn inside(parents: &[String], expected: &[&str]) -> bool {
    parents.len() == expected.len() && parents.iter().zip(expected).all(|(a, b)| a == b)
}

fn line_at(text: &str, offset: usize) -> u32 {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
        + 1
}
