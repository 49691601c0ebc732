//! Opening a file that is not a sound Strand library: another program's database, a damaged
//! header, bytes that are no database at all, an upgrade that fails. Each is refused in plain
//! words, without a panic, and the file is left byte for byte as it was.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use strand_core::{Error, Strand, StrandOptions};
use tempfile::TempDir;

use crate::support::Library;

/// A folder holding `strand.sqlite` as `make` leaves it.
fn library_file(make: impl FnOnce(&Path)) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("strand.sqlite");
    make(&path);
    (dir, path)
}

/// Opens `path`, which must be refused, and checks that nothing beside it or in it changed.
fn refused(dir: &TempDir, path: &Path) -> Error {
    let before = std::fs::read(path).expect("read");
    let error = Strand::open(path, StrandOptions::default()).expect_err("must refuse");
    assert_eq!(
        std::fs::read(path).expect("read"),
        before,
        "the file changed"
    );
    let beside: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|entry| entry.expect("entry").file_name())
        .filter(|name| name != "strand.sqlite")
        .collect();
    assert!(
        beside.is_empty(),
        "files were written beside it: {beside:?}"
    );
    error
}

#[test]
fn a_library_whose_header_says_schema_minus_one_is_refused_without_a_panic_or_a_copy() {
    let library = Library::new(false);
    let path = library.path();
    drop(library.strand);
    Connection::open(&path)
        .expect("raw")
        .pragma_update(None, "user_version", -1)
        .expect("flip the version's top bit");
    // The WAL is gone once the raw connection closes; without the drafts journal the first
    // session left, the folder holds the file alone.
    std::fs::remove_file(path.with_file_name("strand.sqlite-drafts")).expect("the journal");
    let error = refused(&library.dir, &path);
    assert!(matches!(error, Error::NotALibrary(_)), "{error}");
    assert!(error.to_string().contains("damaged"), "{error}");
}

#[test]
fn another_programs_database_is_refused_and_not_turned_into_a_library() {
    let (dir, path) = library_file(|path| {
        Connection::open(path)
            .expect("create")
            .execute_batch(
                "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');",
            )
            .expect("another program's data");
    });
    let error = refused(&dir, &path);
    assert!(matches!(error, Error::NotALibrary(_)), "{error}");
    assert!(
        error.to_string().contains("not a Strand library"),
        "{error}"
    );
    let journal: String = Connection::open(&path)
        .expect("raw")
        .pragma_query_value(None, "journal_mode", |row| row.get(0))
        .expect("journal mode");
    assert_eq!(journal, "delete", "the refusal switched it to WAL");
}

#[test]
fn a_file_that_is_no_database_at_all_is_refused_in_plain_words() {
    let (dir, path) = library_file(|path| {
        std::fs::write(
            path,
            b"these are a person's notes, not a database\n".repeat(200),
        )
        .expect("write");
    });
    let error = refused(&dir, &path);
    assert!(matches!(error, Error::NotALibrary(_)), "{error}");
    assert!(
        error.to_string().contains("not a Strand library"),
        "{error}"
    );
}

#[test]
fn a_failed_upgrade_says_which_step_failed_without_quoting_its_sql() {
    let library = Library::premium();
    library.bundle("Before the upgrade", 2, true);
    library.roll_back_to(13);
    // Something in the way of what migration 14 creates.
    library
        .raw()
        .execute_batch("CREATE TABLE entries_slim (x);")
        .expect("in the way");
    let Library { strand, dir, .. } = library;
    drop(strand);
    let error = Strand::open(&dir.path().join("strand.sqlite"), StrandOptions::default())
        .expect_err("must fail");
    let message = error.to_string();
    assert!(message.contains("schema 14"), "{message}");
    assert!(message.len() < 400, "{} bytes: {message}", message.len());
    assert!(!message.contains("CREATE TABLE"), "{message}");
    let version: i64 = Connection::open(dir.path().join("strand.sqlite"))
        .expect("raw")
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .expect("version");
    assert_eq!(version, 13, "the failed upgrade changed nothing");
}

/// Makes `path` impossible to write, even for root (tests run as root in CI, which permission
/// bits do not stop): read-only permissions and the immutable attribute. Undone on drop, so the
/// temporary folder can be removed.
struct ReadOnly(PathBuf);

impl ReadOnly {
    fn make(path: &Path) -> ReadOnly {
        let status = std::process::Command::new("chattr")
            .arg("+i")
            .arg(path)
            .status()
            .expect("chattr (e2fsprogs) runs");
        assert!(status.success(), "chattr +i {}", path.display());
        ReadOnly(path.to_owned())
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .status();
    }
}

#[test]
fn a_read_only_library_is_refused_at_open_naming_the_file() {
    let library = Library::new(false);
    let path = library.path();
    drop(library.strand);
    let _read_only = ReadOnly::make(&path);
    let error = Strand::open(&path, StrandOptions::default()).expect_err("must refuse");
    assert!(matches!(error, Error::File(_)), "{error}");
    let message = error.to_string();
    assert!(message.contains("cannot write"), "{message}");
    assert!(message.contains(&path.display().to_string()), "{message}");
}

#[test]
fn a_library_in_a_read_only_folder_is_refused_at_open_naming_the_folder() {
    let library = Library::new(false);
    let path = library.path();
    drop(library.strand);
    let _read_only = ReadOnly::make(library.dir.path());
    let error = Strand::open(&path, StrandOptions::default()).expect_err("must refuse");
    let message = error.to_string();
    assert!(message.contains("cannot write"), "{message}");
    assert!(
        message.contains(&library.dir.path().display().to_string()),
        "{message}"
    );
}
