use rusqlite::Connection;
use strand_core::catalogue::DEMO_CATALOGUE_SIZE;
use strand_core::store::LATEST_VERSION;
use strand_core::{Error, Strand, StrandOptions};

use crate::support::Library;

#[test]
fn a_new_library_starts_with_the_demo_catalogue() {
    let library = Library::new(false);
    let page = library.strand.items(0, 50).expect("items");
    assert_eq!(page.total as usize, DEMO_CATALOGUE_SIZE);
    assert_eq!(page.items.len(), 50);
}

#[test]
fn reopening_a_library_does_not_seed_the_catalogue_twice() {
    let library = Library::new(false).restart();
    assert_eq!(library.count("items") as usize, DEMO_CATALOGUE_SIZE);
}

#[test]
fn a_library_is_migrated_to_the_latest_schema_in_wal_mode() {
    let library = Library::new(false);
    let raw = library.raw();
    let version: i64 = raw
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .expect("version");
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
    assert_eq!(total(&library), DEMO_CATALOGUE_SIZE + 3);
    library.strand.reset_demo().expect("reset");
    assert_eq!(total(&library), DEMO_CATALOGUE_SIZE);
    library.strand.add_items(&items).expect("add");
    library.roll_back_to(9);
    let library = library.restart();
    assert_eq!(total(&library), DEMO_CATALOGUE_SIZE + 3);
}
