//! What the desktop may open for an item: its own file, or a web or app address it holds. The
//! shell asks by item id and opens only what this answers, so a page can never make Strand open
//! an address it invented; schemes that run code or carry a whole document (`javascript:`,
//! `data:`) and files that are no longer there are refused, saying why.

use std::path::PathBuf;

use url::Url;

/// Schemes handed to the desktop's default handler: the web, mail, and the music apps whose
/// addresses imports bring in (`spotify:track:…`).
const OPENABLE_SCHEMES: [&str; 4] = ["http", "https", "mailto", "spotify"];

/// Where an item leads when opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opening {
    /// A file on this computer, opened in its default app.
    File(PathBuf),
    /// An address opened by the desktop's handler for its scheme.
    Address(String),
}

/// What opening the item at `uri` opens, or why it cannot be opened.
pub fn opening(uri: &str) -> Result<Opening, String> {
    let url = Url::parse(uri).map_err(|_| {
        say!(
            "{uri:?} is not an address Strand can open",
            "{uri:?} ist keine Adresse, die Strand öffnen kann"
        )
    })?;
    if url.scheme() == "file" {
        let path = url.to_file_path().map_err(|()| {
            say!(
                "{uri:?} is not a file on this computer",
                "{uri:?} ist keine Datei auf diesem Computer"
            )
        })?;
        if !path.exists() {
            let path = path.display();
            return Err(say!(
                "{path} is not there any more",
                "{path} ist nicht mehr da"
            ));
        }
        return Ok(Opening::File(path));
    }
    if OPENABLE_SCHEMES.contains(&url.scheme()) {
        return Ok(Opening::Address(url.into()));
    }
    let scheme = url.scheme();
    Err(say!(
        "Strand opens web addresses and files, not {scheme}: addresses",
        "Strand öffnet Webadressen und Dateien, keine {scheme}:-Adressen"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_and_music_app_addresses_open_as_they_are() {
        for uri in [
            "https://example.com/a?b=c",
            "http://example.com/",
            "mailto:ada@example.com",
            "spotify:track:4uLU6hMCjMI75M1A2tKUQC",
        ] {
            assert_eq!(opening(uri), Ok(Opening::Address(uri.to_owned())), "{uri}");
        }
    }

    #[test]
    fn a_file_that_is_there_opens_as_its_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("song one.mp3");
        std::fs::write(&file, b"").expect("write");
        let uri = Url::from_file_path(&file).expect("file uri");
        assert_eq!(opening(uri.as_str()), Ok(Opening::File(file)));
    }

    #[test]
    fn a_file_that_is_gone_is_refused_saying_so() {
        let why = opening("file:///nowhere/strand-missing.mp3").expect_err("refused");
        assert!(why.contains("not there any more"), "{why}");
    }

    #[test]
    fn schemes_that_run_code_or_carry_documents_are_refused() {
        for uri in [
            "javascript:alert(1)",
            "data:text/html,hi",
            "urn:strand:item:x",
            "ftp://x/y",
        ] {
            let why = opening(uri).expect_err(uri);
            assert!(
                why.contains("Strand opens web addresses and files"),
                "{uri}: {why}"
            );
        }
    }
}
