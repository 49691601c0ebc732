//! A file's bytes as text: a byte-order mark decides first (UTF-8, UTF-16 LE or BE), then UTF-8,
//! then — only for formats old players wrote in Latin-1 — Windows-1252, its superset.

use encoding_rs::{Encoding, WINDOWS_1252};

use crate::error::{Error, Result};

/// What to read bytes as when they are neither marked nor UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Legacy {
    /// Nothing: the format is UTF-8 by definition.
    None,
    /// Windows-1252 (which reads every Latin-1 file the same way).
    Windows1252,
}

/// The text of `bytes`, without its byte-order mark.
pub(crate) fn decode(bytes: &[u8], legacy: Legacy) -> Result<String> {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        if had_errors {
            return Err(Error::invalid("file", {
                let encoding = encoding.name();
                say!(
                    "the file is marked as {encoding} but is not",
                    "die Datei ist als {encoding} ausgewiesen, ist es aber nicht"
                )
            }));
        }
        return Ok(text.into_owned());
    }
    match (std::str::from_utf8(bytes), legacy) {
        (Ok(text), _) => Ok(text.to_owned()),
        (Err(_), Legacy::Windows1252) => Ok(WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()),
        (Err(error), Legacy::None) => Err(Error::invalid("file", {
            let offset = error.valid_up_to();
            say!(
                "the file is not UTF-8 text (bad byte at offset {offset})",
                "die Datei ist kein UTF-8-Text (falsches Byte an Stelle {offset})"
            )
        })),
    }
}

/// The lines of a text file, whichever of CRLF, LF or a lone CR (classic Mac OS, old iTunes)
/// ends them, mixed freely; a last line needs no end. (`str::lines` knows only LF and CRLF, and
/// read a CR-only file as one line.)
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.find(['\r', '\n']) {
            Some(end) => {
                let ending = if current[end..].starts_with("\r\n") {
                    2
                } else {
                    1
                };
                rest = Some(&current[end + ending..]);
                Some(&current[..end])
            }
            None => {
                rest = None;
                (!current.is_empty()).then_some(current)
            }
        }
    })
}

/// One field of a CSV record as text: UTF-8 if it is, else Windows-1252 (what spreadsheets on
/// Windows save as "CSV").
pub(crate) fn decode_field(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_in_crlf_lf_or_a_lone_cr_mixed_freely() {
        let text = "one\r\ntwo\nthree\rfour\r\rsix";
        assert_eq!(
            lines(text).collect::<Vec<_>>(),
            ["one", "two", "three", "four", "", "six"]
        );
        assert_eq!(lines("a\n").collect::<Vec<_>>(), ["a"]);
        assert_eq!(lines("").count(), 0);
    }

    #[test]
    fn byte_order_marks_decide_the_encoding_and_are_dropped() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFcaf\xC3\xA9", Legacy::None).expect("utf-8"),
            "café"
        );
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Straße".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16le, Legacy::None).expect("utf-16"), "Straße");
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Öl".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&utf16be, Legacy::None).expect("utf-16be"), "Öl");
    }

    #[test]
    fn latin_1_is_read_only_where_the_format_allows_it() {
        assert_eq!(
            decode(b"M\xF6tley \x80", Legacy::Windows1252).expect("1252"),
            "Mötley €"
        );
        assert!(decode(b"M\xF6tley", Legacy::None).is_err());
    }
}
