//! One error type for the whole core. Each variant names something a person (or the UI on their
//! behalf) can act on; [`Error::code`] is the small, stable vocabulary the UI branches on.

use std::fmt;

use serde::Serialize;
use ts_rs::TS;

use crate::entitlements::Capability;

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything the core can refuse or fail with.
#[derive(Debug)]
pub enum Error {
    /// The id names nothing that exists (any more).
    NotFound {
        /// What kind of thing was looked for ("bundle", "item", "entry").
        what: &'static str,
        /// The id that was asked for.
        id: String,
    },
    /// An argument broke a rule; nothing was changed.
    Invalid {
        /// The argument that broke the rule.
        field: &'static str,
        /// Which rule, in words a person understands.
        reason: String,
    },
    /// The current policy reserves this for premium and the current tier is not premium.
    PremiumRequired {
        /// What was refused.
        capability: Capability,
    },
    /// A licence key was refused; nothing was stored.
    Licence(crate::licence::LicenceError),
    /// The request does not fit the current state (e.g. keeping a bundle that is already kept).
    Conflict(String),
    /// The bundle already threads this item; adding it again needs the person's say-so.
    Duplicate,
    /// The request is not allowed in this mode of the app (e.g. switching tiers outside demo mode).
    Forbidden(String),
    /// The database file was written by a newer Strand; it is left untouched.
    NewerSchema {
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this build knows.
        supported: i64,
    },
    /// The file is not a Strand library Strand can open (another program's database, a damaged
    /// header, not a database at all); it was left untouched.
    NotALibrary(String),
    /// The person cancelled a long task (an import); nothing of it was written.
    Cancelled,
    /// A file could not be read or written.
    File(String),
    /// The library file is damaged: Strand reads what it still can and writes nothing until a
    /// restore point is put back.
    Damaged,
    /// SQLite failed; the transaction was rolled back.
    Storage(rusqlite::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let said = match self {
            Error::NotFound { what, id } => {
                let what = noun(what);
                say!(
                    "{what} {id} was not found",
                    "{what} {id} wurde nicht gefunden"
                )
            }
            Error::Invalid { field, reason } => {
                say!(
                    "{field} is invalid: {reason}",
                    "{field} ist ungültig: {reason}"
                )
            }
            Error::PremiumRequired { capability } => say!(
                "{capability} needs Strand Premium",
                "{capability} braucht Strand Premium"
            ),
            Error::Licence(error) => error.to_string(),
            Error::Conflict(said) | Error::Forbidden(said) => said.clone(),
            Error::NotALibrary(said) | Error::File(said) => said.clone(),
            Error::Duplicate => say!(
                "this bundle already has this item; add it anyway to thread it twice",
                "dieses Bündel hat diesen Eintrag schon; füge ihn trotzdem hinzu, um ihn zweimal \
                 aufzufädeln"
            ),
            Error::NewerSchema { found, supported } => say!(
                "this library was written by a newer version of Strand (schema {found}, this \
                 version knows up to {supported}); it was left untouched — please update Strand",
                "diese Bibliothek stammt von einer neueren Strand-Version (Schema {found}, diese \
                 Version kennt bis {supported}); sie blieb unberührt — bitte aktualisiere Strand"
            ),
            Error::Cancelled => say!(
                "cancelled; nothing was changed",
                "abgebrochen; nichts wurde geändert"
            ),
            Error::Damaged => say!(
                "the library file is damaged, so Strand changed nothing and writes nothing to it \
                 until a restore point is put back (Settings → Restore points)",
                "die Bibliotheksdatei ist beschädigt: Strand hat nichts geändert und schreibt \
                 nichts hinein, bis ein Wiederherstellungspunkt zurückgeholt ist (Einstellungen → \
                 Wiederherstellungspunkte)"
            ),
            Error::Storage(error) => say!(
                "storage failed: {error}",
                "Speichern fehlgeschlagen: {error}"
            ),
        };
        f.write_str(&said)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Licence(error) => Some(error),
            Error::Storage(error) => Some(error),
            _ => None,
        }
    }
}

impl From<crate::licence::LicenceError> for Error {
    fn from(error: crate::licence::LicenceError) -> Error {
        Error::Licence(error)
    }
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Error {
        Error::Storage(error)
    }
}

/// What was looked for, as the message names it.
fn noun(what: &str) -> String {
    match what {
        "bundle" => say!("bundle", "Bündel"),
        "item" => say!("item", "Eintrag"),
        "entry" => say!("entry", "Eintrag"),
        "folder" => say!("folder", "Ordner"),
        "cover" => say!("cover", "Titelbild"),
        "restore point" => say!("restore point", "Wiederherstellungspunkt"),
        other => other.to_owned(),
    }
}

/// The codes an error crosses the IPC boundary with; the UI branches on these, never on text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// See [`Error::PremiumRequired`].
    PremiumRequired,
    /// See [`Error::NotFound`].
    NotFound,
    /// See [`Error::Invalid`].
    Invalid,
    /// See [`Error::Conflict`].
    Conflict,
    /// See [`Error::Duplicate`].
    Duplicate,
    /// See [`Error::Forbidden`].
    Forbidden,
    /// See [`Error::Cancelled`].
    Cancelled,
    /// See [`Error::File`].
    File,
    /// See [`Error::Damaged`].
    Damaged,
    /// Anything a person cannot fix by changing their input.
    Internal,
}

impl Error {
    /// The code this error crosses the IPC boundary with.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Invalid { .. } | Error::Licence(_) => ErrorCode::Invalid,
            Error::PremiumRequired { .. } => ErrorCode::PremiumRequired,
            Error::Conflict(_) => ErrorCode::Conflict,
            Error::Duplicate => ErrorCode::Duplicate,
            Error::Forbidden(_) => ErrorCode::Forbidden,
            Error::Cancelled => ErrorCode::Cancelled,
            Error::File(_) | Error::NotALibrary(_) => ErrorCode::File,
            Error::Damaged => ErrorCode::Damaged,
            Error::NewerSchema { .. } | Error::Storage(_) => ErrorCode::Internal,
        }
    }

    /// SQLite's code for this error, if SQLite raised it.
    pub(crate) fn sqlite_error_code(&self) -> Option<rusqlite::ErrorCode> {
        match self {
            Error::Storage(error) => error.sqlite_error_code(),
            _ => None,
        }
    }

    pub(crate) fn not_found(what: &'static str, id: impl ToString) -> Self {
        Error::NotFound {
            what,
            id: id.to_string(),
        }
    }

    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            reason: reason.into(),
        }
    }
}
