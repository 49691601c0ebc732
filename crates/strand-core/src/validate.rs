//! Input rules shared by every command, so a name is checked the same way wherever it arrives.

use crate::error::{Error, Result};
use crate::model::BundleDetails;

/// The longest bundle (or folder) name, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// A bundle name, trimmed: not empty, at most [`MAX_NAME_CHARS`] characters, no control characters.
pub fn bundle_name(name: &str) -> Result<String> {
    named(&say!("a bundle", "Ein Bündel"), name)
}

/// A folder name, by the same rules as a bundle's.
pub fn folder_name(name: &str) -> Result<String> {
    named(&say!("a folder", "Ein Ordner"), name)
}

/// Whether `text` shows nothing: only whitespace and characters that draw no glyph (zero-width
/// spaces and joiners, byte-order marks, soft hyphens, direction marks and overrides, Hangul
/// fillers). A name of those looks empty in every list, so it is refused like an empty one.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{00AD}'
                    | '\u{034F}'
                    | '\u{115F}'
                    | '\u{1160}'
                    | '\u{180E}'
                    | '\u{200B}'..='\u{200F}'
                    | '\u{202A}'..='\u{202E}'
                    | '\u{2060}'..='\u{2064}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{3164}'
                    | '\u{FEFF}'
                    | '\u{FFA0}'
            )
    })
}

/// `name` checked as the name of `what` ("a bundle", in the language of the moment).
fn named(what: &str, name: &str) -> Result<String> {
    let trimmed = name.trim();
    if is_blank(trimmed) {
        return Err(Error::invalid(
            "name",
            say!("{what} needs a name", "{what} braucht einen Namen"),
        ));
    }
    // Count lazily so a 10 MB name is refused without walking all of it.
    if trimmed.chars().nth(MAX_NAME_CHARS).is_some() {
        return Err(Error::invalid(
            "name",
            say!(
                "{what} name can be at most {MAX_NAME_CHARS} characters",
                "der Name darf höchstens {MAX_NAME_CHARS} Zeichen haben"
            ),
        ));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(Error::invalid(
            "name",
            say!(
                "{what} name cannot contain control characters",
                "der Name darf keine Steuerzeichen enthalten"
            ),
        ));
    }
    Ok(trimmed.to_owned())
}

/// The longest bundle description, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 1000;

/// A bundle's description and colour: the description trimmed, at most
/// [`MAX_DESCRIPTION_CHARS`] characters, line breaks allowed but no other control characters;
/// the colour `#rrggbb` (lower-cased) or none.
pub fn bundle_details(description: &str, colour: Option<&str>) -> Result<BundleDetails> {
    let description = description.trim();
    if description.chars().nth(MAX_DESCRIPTION_CHARS).is_some() {
        return Err(Error::invalid(
            "description",
            say!(
                "a description can be at most {MAX_DESCRIPTION_CHARS} characters",
                "eine Beschreibung darf höchstens {MAX_DESCRIPTION_CHARS} Zeichen haben"
            ),
        ));
    }
    if description.chars().any(|c| c.is_control() && c != '\n') {
        return Err(Error::invalid(
            "description",
            say!(
                "a description cannot contain control characters",
                "eine Beschreibung darf keine Steuerzeichen enthalten"
            ),
        ));
    }
    let colour = match colour.map(str::trim) {
        None | Some("") => None,
        Some(colour)
            if colour.len() == 7
                && colour.starts_with('#')
                && colour[1..].bytes().all(|b| b.is_ascii_hexdigit()) =>
        {
            Some(colour.to_ascii_lowercase())
        }
        Some(other) => {
            return Err(Error::invalid(
                "colour",
                say!(
                    "{other:?} is not a colour like #e4572e",
                    "{other:?} ist keine Farbe wie #e4572e"
                ),
            ));
        }
    };
    Ok(BundleDetails {
        description: description.to_owned(),
        colour,
        cover_image: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_of_invisible_characters_alone_is_refused_like_an_empty_one() {
        for invisible in ["\u{200B}", "\u{FEFF}\u{200B} \u{2060}", "\u{202E}\u{00AD}"] {
            assert!(
                matches!(
                    bundle_name(invisible),
                    Err(Error::Invalid { field: "name", .. })
                ),
                "{invisible:?} should be refused"
            );
        }
        assert_eq!(bundle_name("\u{200B}Mix").expect("visible"), "\u{200B}Mix");
    }

    #[test]
    fn a_name_is_trimmed() {
        assert_eq!(bundle_name("  Road trip ").expect("valid"), "Road trip");
    }

    #[test]
    fn empty_long_and_control_names_are_refused() {
        for bad in ["", "   ", "tab\tinside", &"x".repeat(MAX_NAME_CHARS + 1)] {
            assert!(
                matches!(bundle_name(bad), Err(Error::Invalid { field: "name", .. })),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn details_take_a_trimmed_description_and_a_hex_colour_or_none() {
        let details = bundle_details("  Two\nlines ", Some("#E4572E")).expect("valid");
        assert_eq!(details.description, "Two\nlines");
        assert_eq!(details.colour.as_deref(), Some("#e4572e"));
        assert_eq!(bundle_details("", Some(" ")).expect("valid").colour, None);
        for colour in ["red", "#12345", "#1234567", "#ggg000"] {
            assert!(bundle_details("", Some(colour)).is_err(), "{colour}");
        }
        assert!(bundle_details(&"x".repeat(MAX_DESCRIPTION_CHARS + 1), None).is_err());
        assert!(bundle_details("tab\there", None).is_err());
    }

    #[test]
    fn a_name_of_exactly_the_limit_is_accepted() {
        let name = "ö".repeat(MAX_NAME_CHARS);
        assert_eq!(bundle_name(&name).expect("valid"), name);
    }
}
