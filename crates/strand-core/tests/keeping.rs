use chrono::DateTime;
use strand_core::{BundleState, Capability, Entry, Error, FunnelStep};

use crate::support::{Library, unknown_bundle};

#[test]
fn a_free_user_cannot_keep_and_nothing_is_written() {
    let library = Library::new(false);
    let draft = library.draft("Road trip", 3);
    let error = library
        .strand
        .keep(draft.id)
        .expect_err("free users cannot keep");
    assert!(matches!(
        error,
        Error::PremiumRequired {
            capability: Capability::KeepBundle
        }
    ));
    assert_eq!(library.count("bundles"), 0);
    assert_eq!(library.count("entries"), 0);
    // The draft is untouched, so the person can still keep it after upgrading.
    assert_eq!(library.strand.bundle(draft.id).expect("draft"), draft);
}

#[test]
fn a_kept_bundle_survives_a_restart_with_its_order() {
    let library = Library::premium();
    let draft = library.draft("Road trip", 4);
    library.move_to_front(draft.id, 3);
    let moved = library.item_order(draft.id);
    let kept = library.strand.keep(draft.id).expect("keep");
    assert_eq!(kept.state, BundleState::Kept);
    assert_eq!(kept.entry_count, 4);
    assert_eq!(library.item_order(kept.id), moved);

    let library = library.restart();
    let reopened = library.strand.bundle(draft.id).expect("kept bundle");
    assert_eq!(reopened.name, "Road trip");
    assert_eq!(reopened.entry_count, 4);
    assert_eq!(library.item_order(draft.id), moved);
}

#[test]
fn drafts_that_were_not_kept_are_gone_after_a_restart() {
    let library = Library::premium();
    let kept = library.draft("Kept", 1);
    library.strand.keep(kept.id).expect("keep");
    let unkept = library.draft("Unkept", 2);
    assert_eq!(
        library.strand.unkept_draft_names(),
        vec!["Unkept".to_owned()]
    );

    let library = library.restart();
    let names: Vec<_> = library
        .strand
        .bundles()
        .expect("bundles")
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(names, vec!["Kept".to_owned()]);
    assert!(matches!(
        library.strand.bundle(unkept.id),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn keeping_twice_is_a_conflict_and_keeping_nothing_is_not_found() {
    let library = Library::premium();
    let draft = library.draft("Once", 1);
    library.strand.keep(draft.id).expect("keep");
    assert!(matches!(
        library.strand.keep(draft.id),
        Err(Error::Conflict(_))
    ));
    assert!(matches!(
        library.strand.keep(unknown_bundle()),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(library.count("bundles"), 1);
}

#[test]
fn a_draft_of_hundreds_of_entries_is_kept_whole_and_in_order() {
    let library = Library::premium_with_generated(600);
    let draft = library.draft("Long", 600);
    // Moved, so the order is not the order the items were added in.
    let last = library.move_to_front(draft.id, 599);
    let before = library.entries(draft.id);
    assert_eq!((before.len(), before[0].id), (600, last));
    let kept = library.strand.keep(draft.id).expect("keep");
    assert_eq!(kept.entry_count, 600);
    let library = library.restart();
    assert_eq!(library.entries(draft.id), before);
}

#[test]
fn a_keep_that_fails_halfway_leaves_nothing_behind_and_the_draft_intact() {
    let library = Library::premium();
    let draft = library.draft("Doomed", 3);
    // The third entry cannot be written (as when the disk fills up), after the bundle row and
    // two entries were already written in the same transaction.
    library
        .raw()
        .execute_batch(
            "CREATE TRIGGER full_disk BEFORE INSERT ON entries
             WHEN (SELECT count(*) FROM entries) = 2
             BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
        )
        .expect("a trigger behind Strand's back");
    assert!(matches!(
        library.strand.keep(draft.id),
        Err(Error::Storage(_))
    ));
    assert_eq!(library.count("bundles"), 0);
    assert_eq!(library.count("entries"), 0);
    assert_eq!(
        library.strand.unkept_draft_names(),
        vec!["Doomed".to_owned()]
    );
    // The failed keep took its funnel records with it, but the attempt is still counted.
    assert_eq!(library.funnel_count(FunnelStep::KeepAttempted), Some(1));
    assert_eq!(library.funnel_count(FunnelStep::Kept), Some(0));
}

#[test]
fn bundles_kept_before_entry_counts_were_stored_are_counted_when_the_library_opens() {
    let library = Library::premium();
    let draft = library.draft("Older", 3);
    library.strand.keep(draft.id).expect("keep");
    library.roll_back_to(8);
    let library = library.restart();
    let reopened = library.strand.bundle(draft.id).expect("kept bundle");
    assert_eq!(reopened.entry_count, 3);
    assert_eq!(library.strand.bundles().expect("bundles")[0].entry_count, 3);
}

#[test]
fn entries_kept_while_they_checked_their_item_by_foreign_key_are_all_there_after_the_change() {
    let library = Library::premium();
    let draft = library.draft("Older", 5);
    library.strand.keep(draft.id).expect("keep");
    let before = library.entries(draft.id);
    library.roll_back_to(12);
    let library = library.restart();
    assert_eq!(library.entries(draft.id), before);
    let item_keys: u32 = library
        .raw()
        .query_row(
            "SELECT count(*) FROM pragma_foreign_key_list('entries') WHERE \"table\" = 'items'",
            [],
            |row| row.get(0),
        )
        .expect("foreign keys");
    assert_eq!(item_keys, 0);
}

#[test]
fn entry_times_written_as_text_are_read_to_the_nanosecond_once_stored_as_integers() {
    let library = Library::premium();
    let draft = library.draft("Older", 4);
    library.strand.keep(draft.id).expect("keep");
    let before = library.entries(draft.id);
    library.roll_back_to(13);
    // As rusqlite wrote times under 0013: no fraction, or three, six or nine digits of it.
    let written = [
        "2026-11-30 03:03:10+00:00",
        "2026-11-30 03:03:10.250+00:00",
        "2026-11-30 03:03:10.000250+00:00",
        "2026-11-30 03:03:10.123456789+00:00",
    ];
    let raw = library.raw();
    for (entry, text) in before.iter().zip(written) {
        raw.execute(
            "UPDATE entries SET added_at = ?2 WHERE id = ?1",
            (entry.id, text),
        )
        .expect("write a text time");
    }
    drop(raw);
    let library = library.restart();
    let after = library.entries(draft.id);
    let expected: Vec<_> = before
        .into_iter()
        .zip(written)
        .map(|(entry, text)| Entry {
            added_at: DateTime::parse_from_str(text, "%F %T%.f%:z")
                .expect("a time")
                .to_utc(),
            ..entry
        })
        .collect();
    assert_eq!(after, expected);
}

#[test]
fn a_kept_bundle_reaches_the_database_file_itself_soon_after_keeping() {
    let library = Library::premium();
    let draft = library.draft("Checkpointed", 3);
    library.strand.keep(draft.id).expect("keep");
    // The database file alone, without its WAL: what is in it was checkpointed.
    let copy = library.dir.path().join("file-only.sqlite");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        std::fs::copy(library.path(), &copy).expect("copy the database file");
        let kept: i64 = rusqlite::Connection::open(&copy)
            .expect("open the copy")
            .query_row("SELECT COUNT(*) FROM bundles", [], |row| row.get(0))
            .unwrap_or(0); // no table yet: even the schema is still in the WAL
        if kept == 1 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the keep never left the WAL"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
