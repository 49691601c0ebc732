//! Which playlist format a file holds when its name does not say (`.txt`, no extension) or says
//! two things (`.json` is Strand's own file or JSPF): read from its first bytes, as players do.
//! Only the start of the file is looked at, so sniffing costs nothing on a huge one.

use encoding_rs::{Encoding, WINDOWS_1252};

use super::PlaylistFormat;
use super::location::{has_scheme, is_windows_drive_path};

/// How much of a file is looked at.
const SNIFFED_BYTES: usize = 4096;

/// The format `bytes` look like, if any.
pub(crate) fn sniff(bytes: &[u8]) -> Option<PlaylistFormat> {
    let head = &bytes[..bytes.len().min(SNIFFED_BYTES)];
    let text = match Encoding::for_bom(head) {
        Some((encoding, bom)) => encoding.decode_without_bom_handling(&head[bom..]).0,
        None => match std::str::from_utf8(head) {
            Ok(text) => text.into(),
            // Cut inside a character at the end of the head: the rest is still UTF-8.
            Err(error) if error.error_len().is_none() => {
                String::from_utf8_lossy(&head[..error.valid_up_to()])
            }
            Err(_) => WINDOWS_1252.decode_without_bom_handling(head).0,
        },
    };
    let text = text.trim_start();
    if text.starts_with('{') {
        return Some(json_kind(text));
    }
    if text.starts_with('<') {
        return xml_kind(text);
    }
    let first = text.lines().map(str::trim).find(|line| !line.is_empty())?;
    if first.starts_with("#EXTM3U") {
        return Some(PlaylistFormat::M3u);
    }
    if first.eq_ignore_ascii_case("[playlist]") {
        return Some(PlaylistFormat::Pls);
    }
    if is_table_header(first) {
        return Some(PlaylistFormat::Csv);
    }
    let first_location = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with('#'))?;
    let looks_like_location = has_scheme(first_location)
        || first_location.starts_with('/')
        || first_location.starts_with(r"\\")
        || is_windows_drive_path(first_location);
    looks_like_location.then_some(PlaylistFormat::M3u)
}

/// Strand's own files say `"format": "strand.…"`; anything else holding a `playlist` is JSPF.
fn json_kind(text: &str) -> PlaylistFormat {
    if text.contains("\"strand.bundle\"") || text.contains("\"strand.library\"") {
        PlaylistFormat::StrandJson
    } else if text.contains("\"playlist\"") {
        PlaylistFormat::Jspf
    } else {
        PlaylistFormat::StrandJson
    }
}

/// The format whose outermost element opens the document, past the XML declaration, processing
/// instructions (`<?wpl?>`), comments and a DOCTYPE.
fn xml_kind(mut text: &str) -> Option<PlaylistFormat> {
    loop {
        text = text.trim_start();
        let skipped = if text.starts_with("<?") {
            text.find("?>").map(|end| end + 2)
        } else if text.starts_with("<!--") {
            text.find("-->").map(|end| end + 3)
        } else if text.starts_with("<!") {
            text.find('>').map(|end| end + 1)
        } else {
            break;
        };
        text = &text[skipped?..];
    }
    let name: String = text
        .strip_prefix('<')?
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, ':' | '-' | '_'))
        .collect::<String>()
        .to_lowercase();
    match name.rsplit(':').next()? {
        "playlist" => Some(PlaylistFormat::Xspf),
        "smil" => Some(PlaylistFormat::Wpl),
        "asx" => Some(PlaylistFormat::Asx),
        _ => None,
    }
}

/// A header row naming a title column, as Strand's CSV reader needs.
fn is_table_header(line: &str) -> bool {
    let lower = line.to_lowercase();
    lower
        .split([',', ';', '\t'])
        .any(|cell| matches!(cell.trim().trim_matches('"'), "title" | "name" | "track"))
        && lower.contains([',', ';', '\t'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_is_known_by_its_first_bytes() {
        let cases: [(&[u8], Option<PlaylistFormat>); 12] = [
            (b"#EXTM3U\n#EXTINF:1,a\na.mp3\n", Some(PlaylistFormat::M3u)),
            (b"\n  /music/a.mp3\n/music/b.mp3", Some(PlaylistFormat::M3u)),
            (
                b"# a comment\nhttp://radio.example.net/live\n",
                Some(PlaylistFormat::M3u),
            ),
            (b"[Playlist]\nFile1=a.mp3\n", Some(PlaylistFormat::Pls)),
            (
                b"<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<playlist version=\"1\">",
                Some(PlaylistFormat::Xspf),
            ),
            (
                b"<?wpl version=\"1.0\"?><smil><head>",
                Some(PlaylistFormat::Wpl),
            ),
            (b"<ASX version=\"3.0\"><Entry>", Some(PlaylistFormat::Asx)),
            (
                b"{\"format\": \"strand.bundle\", \"version\": 1}",
                Some(PlaylistFormat::StrandJson),
            ),
            (
                b"{\"playlist\": {\"track\": []}}",
                Some(PlaylistFormat::Jspf),
            ),
            (
                b"Title;Artist;Duration\nTide;Mara;3:07\n",
                Some(PlaylistFormat::Csv),
            ),
            (b"Dear diary, today I listened to music.", None),
            (b"<html><body>not a playlist</body></html>", None),
        ];
        for (bytes, expected) in cases {
            assert_eq!(
                sniff(bytes),
                expected,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn a_utf16_file_and_one_cut_inside_a_character_are_still_sniffed() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("#EXTM3U\nä.mp3".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(sniff(&utf16), Some(PlaylistFormat::M3u));
        let mut long = b"#EXTM3U\n".to_vec();
        long.resize(SNIFFED_BYTES - 1, b'a');
        long.extend("ä".as_bytes());
        assert_eq!(sniff(&long), Some(PlaylistFormat::M3u));
        assert_eq!(sniff(b""), None);
    }
}
