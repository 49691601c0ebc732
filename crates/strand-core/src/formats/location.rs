//! Where an imported entry lives. Playlists name files and streams in many spellings — relative
//! paths, absolute paths, Windows paths, `file://` URIs with percent-encoding, web addresses — and
//! the same file must match the same library item whichever spelling a file used, so each becomes
//! one canonical URI here. Nothing is ever opened: this is text in, text out.

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};
use url::Url;

use crate::ids::ItemId;
use crate::model::ItemKind;

/// How Strand's own exports name an item that has no address of its own (a note, a service), so
/// that re-importing the file finds the same item.
pub const ITEM_URN_PREFIX: &str = "urn:strand:item:";

/// Characters a plain path may hold that a URI must escape: a `%` in a file name is a `%`, not
/// the start of an escape.
const PATH_ESCAPES: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// Characters a URI reference may not hold as they are (XSPF's `<location>` is a URI, but
/// players write spaces and the like into it): escaped, while a `%` already starts an escape.
const REFERENCE_ESCAPES: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// How a format writes a location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spelling {
    /// A path or an address, as M3U and PLS write them: a `%` in a path is a `%`.
    Path,
    /// A URI reference, as XSPF writes them: a relative one is percent-encoded already.
    UriReference,
}

/// What a playlist line points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// An item of a Strand library, named by id.
    Item(ItemId),
    /// A file or stream, as a canonical URI.
    Uri(String),
}

/// The URN Strand writes for an item without an address.
pub fn item_urn(id: ItemId) -> String {
    format!("{ITEM_URN_PREFIX}{id}")
}

/// Resolves one location as written in a playlist at `base`; `Err` says why it is not one.
pub fn resolve(raw: &str, base: &Url, spelling: Spelling) -> Result<Location, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(say!("the location is empty", "der Ort ist leer"));
    }
    if let Some(id) = raw.strip_prefix(ITEM_URN_PREFIX) {
        return id.parse().map(Location::Item).map_err(|_| {
            say!(
                "{raw:?} is not a Strand item id",
                "{raw:?} ist keine Strand-Eintrags-ID"
            )
        });
    }
    let url = if is_windows_drive_path(raw) {
        Url::parse(&format!("file:///{}", escape_path(raw)))
    } else if let Some(share) = raw.strip_prefix(r"\\") {
        Url::parse(&format!("file://{}", escape_path(share)))
    } else if has_scheme(raw) {
        Url::parse(raw)
    } else if spelling == Spelling::UriReference {
        base.join(&utf8_percent_encode(raw, REFERENCE_ESCAPES).to_string())
    } else if raw.starts_with('/') {
        Url::parse(&format!("file://{}", escape_path(raw)))
    } else {
        base.join(&escape_path(raw))
    };
    url.map(|url| Location::Uri(url.into())).map_err(|error| {
        say!(
            "{raw:?} is not a file path or address ({error})",
            "{raw:?} ist weder ein Dateipfad noch eine Adresse ({error})"
        )
    })
}

/// An address a person typed or pasted, as a canonical URI: a web address, a `file:` URI, or an
/// absolute path (POSIX, a Windows drive or share). A relative path, a Strand item id or text
/// that is no address is refused, saying why.
pub fn typed(raw: &str) -> Result<String, String> {
    let raw = raw.trim();
    let whole = has_scheme(raw)
        || raw.starts_with('/')
        || raw.starts_with(r"\\")
        || is_windows_drive_path(raw);
    let base = Url::parse("file:///").map_err(|error| error.to_string())?;
    match resolve(raw, &base, Spelling::Path) {
        Ok(Location::Uri(uri)) if whole => Ok(uri),
        Err(why) if whole => Err(why),
        _ => Err(say!(
            "{raw:?} is not a whole address: give a web address (https://…) or a full file path",
            "{raw:?} ist keine vollständige Adresse: gib eine Webadresse (https://…) oder einen \
             vollständigen Dateipfad an"
        )),
    }
}

/// The canonical spelling of an address already stored as a URI (unchanged if it is not one).
pub fn canonical(uri: &str) -> String {
    match Url::parse(uri) {
        Ok(url) => url.into(),
        Err(_) => uri.to_owned(),
    }
}

/// A title for an entry that has none: the file name without its extension, or the host.
pub fn title_from_uri(uri: &str) -> Option<String> {
    let url = Url::parse(uri).ok()?;
    let last = url
        .path_segments()
        .and_then(|mut segments| segments.rfind(|segment| !segment.is_empty()))
        .map(|segment| percent_decode_str(segment).decode_utf8_lossy().into_owned());
    let name = match last {
        Some(name) => match name.rsplit_once('.') {
            Some((stem, _)) if !stem.trim().is_empty() => stem.to_owned(),
            _ => name,
        },
        None => url.host_str()?.to_owned(),
    };
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// What an entry at `uri` most likely is: a local file is a song, anything else a stream.
pub fn kind_for_uri(uri: &str) -> ItemKind {
    if uri.starts_with("file:") {
        ItemKind::Song
    } else {
        ItemKind::Stream
    }
}

fn escape_path(path: &str) -> String {
    utf8_percent_encode(&path.replace('\\', "/"), PATH_ESCAPES).to_string()
}

pub(crate) fn is_windows_drive_path(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    bytes.len() >= 3
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && matches!(bytes[2], b'\\' | b'/')
}

/// `scheme:` as RFC 3986 spells it; one letter before the colon is a drive, not a scheme.
pub(crate) fn has_scheme(raw: &str) -> bool {
    let Some((scheme, _)) = raw.split_once(':') else {
        return false;
    };
    scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("file:///home/ada/Playlists/road%20trip.m3u").expect("base")
    }

    fn uri(raw: &str) -> String {
        match resolve(raw, &base(), Spelling::Path).expect("resolves") {
            Location::Uri(uri) => uri,
            Location::Item(id) => panic!("{raw} resolved to item {id}"),
        }
    }

    #[test]
    fn every_spelling_of_the_same_file_resolves_to_the_same_uri() {
        let expected = "file:///home/ada/Music/Mara%20Quill/01%20Tide.mp3";
        for spelling in [
            "../Music/Mara Quill/01 Tide.mp3",
            "..\\Music\\Mara Quill\\01 Tide.mp3",
            "/home/ada/Music/Mara Quill/01 Tide.mp3",
            "file:///home/ada/Music/Mara%20Quill/01%20Tide.mp3",
            "  file:///home/ada/Music/Mara Quill/01 Tide.mp3\t",
            "/home/ada/Playlists/../Music/Mara Quill/01 Tide.mp3",
        ] {
            assert_eq!(uri(spelling), expected, "{spelling}");
        }
    }

    #[test]
    fn windows_paths_become_file_uris_with_their_drive() {
        assert_eq!(
            uri(r"C:\Music\Öl & Wein.mp3"),
            "file:///C:/Music/%C3%96l%20&%20Wein.mp3"
        );
        assert_eq!(uri(r"\\nas\music\a.flac"), "file://nas/music/a.flac");
    }

    #[test]
    fn a_percent_sign_in_a_path_is_a_percent_sign_and_escapes_decode_once() {
        assert_eq!(
            uri("/music/100% pure.mp3"),
            "file:///music/100%25%20pure.mp3"
        );
        let double = uri("file:///music/a%2520b.mp3");
        assert_eq!(double, "file:///music/a%2520b.mp3");
        assert_eq!(title_from_uri(&double).as_deref(), Some("a%20b"));
    }

    #[test]
    fn a_typed_address_must_be_whole() {
        assert_eq!(
            typed(" https://example.org/a b ").as_deref(),
            Ok("https://example.org/a%20b")
        );
        assert_eq!(
            typed("/home/ada/01 Tide.mp3").as_deref(),
            Ok("file:///home/ada/01%20Tide.mp3")
        );
        assert_eq!(
            typed(r"C:\Music\a.mp3").as_deref(),
            Ok("file:///C:/Music/a.mp3")
        );
        for refused in ["Music/a.mp3", "just words", "", "urn:strand:item:x"] {
            assert!(typed(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn relative_paths_never_climb_above_the_root() {
        assert_eq!(uri("../../../../../etc/passwd"), "file:///etc/passwd");
    }

    #[test]
    fn web_addresses_stay_as_they_are_and_are_streams() {
        let stream = uri("https://radio.example.org/live?q=1");
        assert_eq!(stream, "https://radio.example.org/live?q=1");
        assert_eq!(kind_for_uri(&stream), ItemKind::Stream);
        assert_eq!(kind_for_uri(&uri("a.mp3")), ItemKind::Song);
        assert_eq!(
            title_from_uri("https://radio.example.org/").as_deref(),
            Some("radio.example.org")
        );
    }

    #[test]
    fn strand_item_urns_name_items_and_bad_ones_say_so() {
        let id = ItemId::new();
        let resolve = |raw: &str| resolve(raw, &base(), Spelling::Path);
        assert_eq!(resolve(&item_urn(id)), Ok(Location::Item(id)));
        assert!(resolve("urn:strand:item:nope").is_err());
        assert!(resolve("   ").is_err());
        assert!(resolve("http://[::1").is_err());
    }

    #[test]
    fn a_relative_uri_reference_is_decoded_once_and_may_hold_spaces() {
        let reference = |raw: &str| match resolve(raw, &base(), Spelling::UriReference) {
            Ok(Location::Uri(uri)) => uri,
            other => panic!("{raw}: {other:?}"),
        };
        // VLC writes relative locations percent-encoded: %E6 is one byte, not "%E6".
        assert_eq!(
            reference("../Music/%E6%97%A5.mp3"),
            "file:///home/ada/Music/%E6%97%A5.mp3"
        );
        assert_eq!(
            reference("Mara Quill/01 Tide.mp3"),
            "file:///home/ada/Playlists/Mara%20Quill/01%20Tide.mp3"
        );
        assert_eq!(reference("/music/a b.mp3"), "file:///music/a%20b.mp3");
    }
}
