use rusqlite::Connection;
use strand_core::catalogue::SAMPLE_SIZE;
use strand_core::store::LATEST_VERSION;
use strand_core::{Error, Strand, StrandOptions};

use crate::support::{Library, file_names};

#[test]
fn a_persons_new_library_starts_empty_and_a_demos_with_the_sample_catalogue() {
    let dir = tempfile::tempdir().expect("temp dir");
    let own = Strand::open(&dir.path().join("strand.sqlite"), StrandOptions::default())
        .expect("a person's library");
    let page = own.items(0, 50).expect("items");
    assert_eq!((page.total, page.sample), (0, 0));
    assert!(own.bundles().expect("bundles").is_empty());

    let demo = Library::new(true);
    let page = demo.strand.items(0, 50).expect("items");
    assert_eq!(page.total as usize, SAMPLE_SIZE);
    assert_eq!(page.sample as usize, SAMPLE_SIZE);
    assert_eq!(page.items.len(), 50);
}

#[test]
fn reopening_a_library_does_not_ready_it_twice() {
    let library = Library::new(true).restart();
    assert_eq!(library.count("items") as usize, SAMPLE_SIZE);
}

#[test]
fn a_library_is_migrated_to_the_latest_schema_in_wal_mode() {
    let library = Library::new(false);
    let raw = library.raw();
    let version = schema_version(&raw);
    let journal: String = raw
        .pragma_query_value(None, "journal_mode", |row| row.get(0))
        .expect("journal");
    assert_eq!(version, LATEST_VERSION);
    assert_eq!(journal, "wal");
}

#[test]
fn reopening_an_up_to_date_library_writes_nothing() {
    let library = Library::new(false).restart();
    // Within a minute of the first start, so the time seen is not due to be written either.
    assert_eq!(library.wal_bytes(), 0, "the reopen wrote to the library");
}

fn schema_version(connection: &Connection) -> i64 {
    connection
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .expect("version")
}

/// A library holding the kept bundle "Before the upgrade" (3 entries), as schema 13 left it.
fn kept_bundle_at_schema_13() -> Library {
    let library = Library::premium();
    library.bundle("Before the upgrade", 3, true);
    library.roll_back_to(13);
    library
}

/// The files beside the library, by name, that are not the library or its SQLite companions.
fn files_beside(library: &Library) -> Vec<String> {
    let mut names = file_names(library.dir.path());
    names.retain(|name| !name.starts_with("strand.sqlite"));
    names
}

#[test]
fn a_library_an_older_strand_wrote_is_copied_whole_beside_it_before_it_is_upgraded() {
    let library = kept_bundle_at_schema_13();
    let library = library.restart();

    assert_eq!(files_beside(&library), ["strand-v13.sqlite"]);
    let copy = Connection::open(library.dir.path().join("strand-v13.sqlite")).expect("open");
    assert_eq!(
        schema_version(&copy),
        13,
        "the copy is the library as the older Strand left it"
    );
    let (name, entries): (String, i64) = copy
        .query_row(
            "SELECT name, (SELECT COUNT(*) FROM entries) FROM bundles",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .expect("the kept bundle");
    assert_eq!((name.as_str(), entries), ("Before the upgrade", 3));
    drop(copy);
    // The library itself is upgraded, and the next start copies nothing again.
    let library = library.restart();
    assert_eq!(library.strand.bundles().expect("bundles").len(), 1);
    assert_eq!(files_beside(&library), ["strand-v13.sqlite"]);
}

#[test]
fn a_library_that_cannot_be_copied_is_not_upgraded_and_the_error_says_why() {
    let library = kept_bundle_at_schema_13();
    let Library { strand, dir, .. } = library;
    drop(strand);
    // A folder where the copy would go: the copy cannot be named.
    std::fs::create_dir(dir.path().join("strand-v13.sqlite")).expect("folder");

    let error = Strand::open(&dir.path().join("strand.sqlite"), StrandOptions::default())
        .expect_err("must refuse");
    assert!(matches!(error, Error::File(_)), "{error}");
    assert!(error.to_string().contains("left as it was"), "{error}");
    let raw = Connection::open(dir.path().join("strand.sqlite")).expect("raw");
    assert_eq!(schema_version(&raw), 13, "the library was not migrated");
    assert!(!dir.path().join("strand-v13.sqlite-partial").exists());
}

#[test]
fn a_new_or_current_library_is_not_copied() {
    let library = Library::new(false).restart();
    assert_eq!(files_beside(&library), Vec::<String>::new());
}

#[test]
fn a_checkpoint_leaves_everything_in_the_database_file_and_the_wal_empty() {
    let library = Library::premium();
    let draft = library.strand.create_bundle("Road trip").expect("draft");
    library
        .strand
        .add_entries(draft.id, &library.first_items(3))
        .expect("add");
    library.strand.keep(draft.id).expect("keep");
    assert!(library.wal_bytes() > 0);

    library.strand.checkpoint().expect("checkpoint");
    assert_eq!(library.wal_bytes(), 0);
    // The file alone holds the bundle: a copy of it without the WAL opens with it.
    let copy = library.dir.path().join("copy.sqlite");
    std::fs::copy(library.path(), &copy).expect("copy");
    let names: Vec<String> = Connection::open(&copy)
        .expect("open the copy")
        .prepare("SELECT name FROM bundles")
        .expect("prepare")
        .query_map([], |row| row.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("names");
    assert_eq!(names, ["Road trip"]);
    // And the library goes on working.
    library
        .strand
        .rename_bundle(draft.id, "Road trip 2")
        .expect("rename");
}

#[test]
fn emptying_the_log_while_another_checkpoint_is_under_way_waits_for_it() {
    let library = Library::premium_with_generated(20_000);
    let logged = library.wal_bytes();
    assert!(logged > 1_000_000, "only {logged} bytes of log");

    // Another connection copies that log into the file, as the background checkpointer does;
    // SQLite answers a second checkpoint "busy" at once while it runs.
    let raw = library.raw();
    let (started, starting) = std::sync::mpsc::channel();
    let other = std::thread::spawn(move || {
        started.send(()).expect("signal");
        raw.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| {
            row.get::<_, i64>(0)
        })
        .expect("the other checkpoint")
    });
    starting.recv().expect("started");
    std::thread::sleep(std::time::Duration::from_millis(2));
    library
        .strand
        .checkpoint()
        .expect("waits, then empties the log");
    assert_eq!(library.wal_bytes(), 0);
    other.join().expect("the other checkpoint ended");
}

#[test]
fn a_library_from_a_newer_strand_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("strand.sqlite");
    {
        let raw = Connection::open(&path).expect("create");
        raw.execute_batch("CREATE TABLE from_the_future (x); PRAGMA user_version = 99;")
            .expect("seed");
    }
    let before = std::fs::read(&path).expect("read");
    let error = Strand::open(&path, StrandOptions::default()).expect_err("must refuse");
    assert!(
        matches!(error, Error::NewerSchema { found: 99, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("newer version of Strand"));
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn asking_for_an_empty_or_huge_page_of_items_is_refused() {
    let library = Library::new(false);
    assert!(matches!(
        library.strand.items(0, 0),
        Err(Error::Invalid { field: "limit", .. })
    ));
    assert!(matches!(
        library.strand.items(0, 1_000_000),
        Err(Error::Invalid { field: "limit", .. })
    ));
}

#[test]
fn the_stored_item_count_follows_adds_and_a_demo_reset_and_is_counted_for_older_libraries() {
    let library = Library::new(true);
    let items = strand_core::catalogue::generate(3);
    library.strand.add_items(&items).expect("add");
    let total = |library: &Library| library.strand.items(0, 1).expect("items").total as usize;
    assert_eq!(total(&library), SAMPLE_SIZE + 3);
    library.strand.reset_demo().expect("reset");
    assert_eq!(total(&library), SAMPLE_SIZE);
    library.strand.add_items(&items).expect("add");
    library.roll_back_to(9);
    let library = library.restart();
    assert_eq!(total(&library), SAMPLE_SIZE + 3);
}
