//! Restore points on real files: made before what could lose much at once and once a day, each
//! one whole file, put back whole, reversible, and let go by the retention rule.

use chrono::Duration;
use rusqlite::Connection;
use strand_core::{ErrorCode, RestoreReason, StrandOptions, Unwatched};

use crate::support::{Library, ManualTime, file_names};

fn backups(library: &Library) -> std::path::PathBuf {
    library.dir.path().join("backups")
}

#[test]
fn a_restore_point_brings_back_a_bundle_emptied_from_the_trash_and_the_restore_can_be_undone() {
    let library = Library::premium();
    let kept = library.bundle("Months of work", 3, true);
    let before = library
        .strand
        .take_daily_restore_point()
        .expect("daily")
        .expect("the first today");
    assert_eq!((before.bundles, before.reason), (1, RestoreReason::Daily));

    library.strand.delete_bundle(kept.id).expect("delete");
    library.strand.empty_trash().expect("empty the trash");
    assert!(library.strand.bundles().expect("bundles").is_empty());
    let reasons: Vec<_> = library
        .strand
        .restore_points()
        .expect("points")
        .iter()
        .map(|point| point.reason)
        .collect();
    assert_eq!(reasons, [RestoreReason::EmptyTrash, RestoreReason::Daily]);

    let points = library.strand.restore(&before.name).expect("restore");
    let bundles = library.strand.bundles().expect("bundles");
    assert_eq!(bundles.len(), 1);
    assert_eq!(library.entries(kept.id).len(), 3);
    let undo = &points[0];
    assert_eq!((undo.reason, undo.bundles), (RestoreReason::Restore, 0));

    library
        .strand
        .restore(&undo.name)
        .expect("restore the restore");
    assert!(library.strand.bundles().expect("bundles").is_empty());
    // And the library is whole: it reopens in WAL mode with the bundle brought back again.
    library.strand.restore(&before.name).expect("restore again");
    let library = library.restart();
    assert_eq!(library.strand.bundles().expect("bundles").len(), 1);
    let journal: String = library
        .raw()
        .pragma_query_value(None, "journal_mode", |row| row.get(0))
        .expect("journal");
    assert_eq!(journal, "wal");
}

#[test]
fn an_import_makes_a_restore_point_first() {
    let library = Library::new(false);
    let playlist = library.dir.path().join("mix.m3u");
    std::fs::write(&playlist, "#EXTM3U\n#EXTINF:60,A - One\n/music/one.mp3\n").expect("write");
    library
        .strand
        .import_playlist(&playlist, &Unwatched)
        .expect("import");
    let points = library.strand.restore_points().expect("points");
    assert_eq!(points.len(), 1);
    assert_eq!(points[0].reason, RestoreReason::Import);
    assert_eq!(
        points[0].items as usize,
        strand_core::catalogue::SAMPLE_SIZE,
        "made before the import added its item"
    );
}

#[test]
fn a_restore_point_is_one_whole_file_with_no_log_beside_it() {
    let library = Library::premium();
    library.bundle("In the log", 2, true);
    assert!(library.wal_bytes() > 0, "the keep is still in the log");
    let point = library
        .strand
        .take_daily_restore_point()
        .expect("daily")
        .expect("made");
    assert_eq!(point.bundles, 1, "what the log held is in the copy");
    assert_eq!(
        file_names(&backups(&library)),
        std::slice::from_ref(&point.name)
    );
    let copy = Connection::open(backups(&library).join(&point.name)).expect("open");
    let journal: String = copy
        .pragma_query_value(None, "journal_mode", |row| row.get(0))
        .expect("journal");
    assert_eq!(journal, "delete");
}

#[test]
fn the_daily_restore_point_is_made_once_a_day() {
    let library = Library::new(false);
    assert!(
        library
            .strand
            .take_daily_restore_point()
            .expect("first")
            .is_some()
    );
    assert!(
        library
            .strand
            .take_daily_restore_point()
            .expect("again")
            .is_none()
    );
}

#[test]
fn old_restore_points_are_let_go_keeping_a_week_of_them_and_one_a_week_for_four_weeks() {
    let time = ManualTime::new();
    let library = Library::with_options(StrandOptions {
        time: time.clone(),
        ..StrandOptions::default()
    });
    for _ in 0..60 {
        library.strand.take_daily_restore_point().expect("daily");
        time.shift(Duration::days(1));
    }
    let points = library.strand.restore_points().expect("points");
    let now = points[0].taken_at;
    let recent = points
        .iter()
        .filter(|point| now - point.taken_at < Duration::days(7))
        .count();
    assert_eq!(recent, 7, "every one of the last seven days");
    let older = points.len() - recent;
    assert!((1..=4).contains(&older), "{older} older ones kept");
    assert!(
        points
            .iter()
            .all(|point| now - point.taken_at < Duration::days(7 + 4 * 7 + 1)),
        "one older than five weeks was kept"
    );
}

#[test]
fn a_name_that_is_not_a_restore_point_is_not_found_and_changes_nothing() {
    let library = Library::premium();
    library.bundle("Stays", 1, true);
    for name in ["../strand.sqlite", "strand.sqlite", "/etc/passwd", ""] {
        let error = library.strand.restore(name).expect_err("refused");
        assert_eq!(error.code(), ErrorCode::NotFound, "{name}");
    }
    assert_eq!(library.strand.bundles().expect("bundles").len(), 1);
}
