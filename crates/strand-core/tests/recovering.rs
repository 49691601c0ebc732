//! A library damaged between two starts: the check finds it, Strand goes on read-only (what can
//! still be read is read, nothing is written), offers the newest restore point that is itself
//! sound, and putting that back sets the damaged file aside whole and brings back what was kept.

use std::fs;

use strand_core::{Bundle, ErrorCode, RestorePoint, Strand, StrandOptions, Tier, Unwatched};

use crate::damage::damage_page_of;
use crate::support::{Library, file_names, open_demo};

/// A premium library keeping `name` with `entries` entries, and today's restore point of it.
fn kept_in_a_restore_point(name: &str, entries: u32) -> (Library, Bundle, RestorePoint) {
    let library = Library::premium();
    let kept = library.bundle(name, entries, true);
    let point = library
        .strand
        .take_daily_restore_point()
        .expect("daily")
        .expect("the first today");
    (library, kept, point)
}

/// Closes the library, overwrites the first page of `object` (a table or index) with garbage,
/// as a failing disk or a stray write would, and starts again.
fn damaged_between_starts(library: Library, object: &str) -> Library {
    library.closed(|path| damage_page_of(path, object))
}

#[test]
fn a_library_damaged_between_two_starts_goes_read_only_and_a_restore_point_brings_it_back() {
    let (library, kept, point) = kept_in_a_restore_point("Months of work", 3);
    let library = damaged_between_starts(library, "entries_in_order");
    library
        .strand
        .set_demo_tier(Some(Tier::Premium))
        .expect("premium again, so only the damage refuses");

    let health = library.strand.check_library().expect("check");
    assert!(health.read_only, "{health:?}");
    assert!(
        health.problems[0].starts_with("the library file is damaged"),
        "{health:?}"
    );
    assert_eq!(
        health.restore_point.map(|offered| offered.name),
        Some(point.name.clone())
    );

    // What can still be read is read; what cannot says why, in the words of a damaged library.
    assert_eq!(
        library
            .strand
            .bundle(kept.id)
            .expect("the bundle itself still reads")
            .name,
        "Months of work"
    );
    assert_eq!(
        library
            .strand
            .items(0, 10)
            .expect("the library reads")
            .items
            .len(),
        10
    );
    let unreadable = library
        .strand
        .entries(kept.id, 0, 10)
        .expect_err("its entries sit behind the damaged page");
    assert_eq!(unreadable.code(), ErrorCode::Damaged);

    // Nothing is written to the damaged file, not even a restore point of it (which would push
    // a good one out).
    let damaged = fs::read(library.path()).expect("read the damaged file");
    let playlist = library.dir.path().join("mix.m3u");
    fs::write(&playlist, "#EXTM3U\n/music/one.mp3\n").expect("a playlist");
    let refusals = [
        library
            .strand
            .rename_bundle(kept.id, "Renamed")
            .map(|_| ())
            .expect_err("rename"),
        library
            .strand
            .create_folder("Folder")
            .map(|_| ())
            .expect_err("a folder"),
        // An import makes a restore point before it writes.
        library
            .strand
            .import_playlist(&playlist, &Unwatched)
            .map(|_| ())
            .expect_err("an import"),
    ];
    for refusal in &refusals {
        assert_eq!(refusal.code(), ErrorCode::Damaged, "{refusal}");
    }
    assert_eq!(fs::read(library.path()).expect("read again"), damaged);
    assert_eq!(
        file_names(&library.dir.path().join("backups")),
        std::slice::from_ref(&point.name),
        "no restore point of the damage, to push a good one out"
    );

    library.strand.restore(&point.name).expect("restore");
    let health = library.strand.library_health().expect("health");
    assert!(
        !health.read_only && health.problems.is_empty(),
        "{health:?}"
    );
    assert_eq!(library.entries(kept.id).len(), 3);
    library
        .strand
        .rename_bundle(kept.id, "Back again")
        .expect("writable again");

    // The damaged file was set aside whole, never overwritten.
    let set_aside = library.dir.path().join("damaged");
    let names = file_names(&set_aside);
    assert!(names[0].ends_with(".sqlite"), "{names:?}");
    assert!(
        names[1..].iter().all(|name| name.starts_with(&names[0])),
        "only its log and index beside it: {names:?}"
    );
    assert_eq!(fs::read(set_aside.join(&names[0])).expect("read"), damaged);
    let library = library.restart();
    assert!(library.check_finds_nothing());
    assert_eq!(library.entries(kept.id).len(), 3);
}

#[test]
fn a_damaged_page_met_while_reading_makes_the_library_read_only_before_any_check() {
    let library = Library::premium();
    let kept = library.bundle("Behind the damage", 2, true);
    let library = damaged_between_starts(library, "entries_in_order");

    let unreadable = library.strand.entries(kept.id, 0, 10).expect_err("damaged");
    assert_eq!(unreadable.code(), ErrorCode::Damaged);
    let health = library.strand.library_health().expect("health");
    assert!(health.read_only, "{health:?}");
    let refused = library
        .strand
        .create_folder("Not now")
        .expect_err("read-only");
    assert_eq!(refused.code(), ErrorCode::Damaged);
}

#[test]
fn a_damaged_restore_point_is_never_offered() {
    let (library, _, sound) = kept_in_a_restore_point("Kept", 2);
    let library = library.closed(|path| {
        let backups = path.with_file_name("backups");
        let newest = backups.join("strand-29991231T000000.000Z-import.sqlite");
        fs::copy(backups.join(&sound.name), &newest).expect("copy");
        damage_page_of(&newest, "entries_in_order");
        damage_page_of(path, "entries_in_order");
    });
    let health = library.strand.check_library().expect("check");
    assert!(health.read_only);
    assert_eq!(
        health.restore_point.map(|offered| offered.name),
        Some(sound.name)
    );
}

#[test]
fn a_library_whose_only_problems_break_strands_rules_stays_writable() {
    let library = Library::premium();
    library.bundle("Miscounted", 2, true);
    library
        .raw()
        .execute("UPDATE bundles SET entry_count = 9", [])
        .expect("a wrong count");
    let health = library.strand.check_library().expect("check");
    assert!(!health.read_only);
    assert_eq!(health.problems.len(), 1, "{health:?}");
    library
        .strand
        .create_folder("Still writable")
        .expect("write");
}

#[test]
fn a_library_too_damaged_to_open_is_refused_as_damaged_and_its_restore_point_put_in_its_place() {
    let (library, kept, point) = kept_in_a_restore_point("Kept before the damage", 2);
    let path = library.path();
    let Library { strand, dir, .. } = library;
    drop(strand);
    // Every start reads the library's own records first.
    damage_page_of(&path, "meta");
    let damaged = fs::read(&path).expect("read");

    let demo = StrandOptions {
        demo: true,
        ..StrandOptions::default()
    };
    let refused = Strand::open(&path, demo).expect_err("too damaged to open");
    assert_eq!(refused.code(), ErrorCode::Damaged, "{refused}");
    assert_eq!(fs::read(&path).expect("read again"), damaged);

    let offered = Strand::restore_point_instead(&path, &refused)
        .expect("look")
        .expect("one is sound");
    assert_eq!(offered.name, point.name);
    Strand::restore_in_place_of(&path, &offered.name).expect("put in place");
    let strand = open_demo(&path);
    assert_eq!(
        strand
            .entries(kept.id, 0, 10)
            .expect("entries")
            .entries
            .len(),
        2
    );
    let set_aside = dir.path().join("damaged");
    let names = file_names(&set_aside);
    let library_file = names
        .iter()
        .find(|name| name.ends_with(".sqlite"))
        .expect("the damaged library set aside");
    assert_eq!(
        fs::read(set_aside.join(library_file)).expect("read"),
        damaged
    );
}
