//! The sample catalogue is the person's to try and to take out: put in from the welcome, taken
//! out in one action, except the items a bundle threads.

use strand_core::catalogue::SAMPLE_SIZE;
use strand_core::{ErrorCode, SampleRemoval, Strand, StrandOptions};

use crate::support::Library;

fn empty_library(dir: &tempfile::TempDir) -> Strand {
    Strand::open(&dir.path().join("strand.sqlite"), StrandOptions::default()).expect("open")
}

#[test]
fn the_sample_goes_in_once_and_comes_out_whole_in_one_action() {
    let dir = tempfile::tempdir().expect("temp dir");
    let strand = empty_library(&dir);
    assert_eq!(
        strand.add_sample().expect("try the sample") as usize,
        SAMPLE_SIZE
    );
    let again = strand.add_sample().expect_err("twice");
    assert_eq!(again.code(), ErrorCode::Conflict);
    let page = strand.items(0, 10).expect("items");
    assert_eq!(
        (page.total as usize, page.sample as usize),
        (SAMPLE_SIZE, SAMPLE_SIZE)
    );
    assert!(
        !strand
            .search_items("harbour", None, None, 50)
            .expect("search")
            .items
            .is_empty(),
        "the sample is searchable"
    );

    let removal = strand.remove_sample().expect("take it out");
    assert_eq!(
        removal,
        SampleRemoval {
            removed: SAMPLE_SIZE as u32,
            kept: 0
        }
    );
    let page = strand.items(0, 10).expect("items");
    assert_eq!((page.total, page.sample), (0, 0));
    assert!(
        strand
            .search_items("harbour", None, None, 50)
            .expect("search")
            .items
            .is_empty(),
        "nothing of it is left in the search index"
    );
    assert!(strand.check_library().expect("check").problems.is_empty());
    // And it can be tried again.
    assert_eq!(strand.add_sample().expect("again") as usize, SAMPLE_SIZE);
}

#[test]
fn sample_items_a_bundle_threads_stay_and_the_removal_says_how_many() {
    let library = Library::premium();
    library.bundle("Kept", 2, true);
    library.draft("Draft", 1);
    let trashed = library.draft("Trashed", 1);
    library
        .strand
        .delete_bundle(trashed.id)
        .expect("to the trash");
    let removal = library.strand.remove_sample().expect("take it out");
    // The bundles above thread the first items of the library; a draft in the trash counts.
    let threaded = removal.kept;
    assert!((1..=4).contains(&threaded), "{removal:?}");
    assert_eq!(removal.removed + removal.kept, SAMPLE_SIZE as u32);
    assert_eq!(library.strand.items(0, 10).expect("items").total, threaded);
    assert!(library.check_finds_nothing());
}

#[test]
fn an_item_a_person_added_is_never_taken_out_with_the_sample() {
    let dir = tempfile::tempdir().expect("temp dir");
    let strand = empty_library(&dir);
    strand.add_sample().expect("sample");
    let own = strand_core::catalogue::generate(3);
    strand.add_items(&own).expect("their own items");
    let removal = strand.remove_sample().expect("take it out");
    assert_eq!(removal.removed as usize, SAMPLE_SIZE);
    let page = strand.items(0, 10).expect("items");
    assert_eq!((page.total, page.sample), (3, 0));
}

#[test]
fn a_library_seeded_before_the_sample_was_marked_gets_its_first_items_marked_as_the_sample() {
    let library = Library::new(false);
    library
        .strand
        .add_items(&strand_core::catalogue::generate(3))
        .expect("the person's own");
    library.roll_back_to(15);
    let library = library.restart();
    let page = library.strand.items(0, 10).expect("items");
    assert_eq!(page.total as usize, SAMPLE_SIZE + 3);
    assert_eq!(
        page.sample as usize, SAMPLE_SIZE,
        "only the catalogue it was seeded with"
    );
    let removal = library.strand.remove_sample().expect("take it out");
    assert_eq!(removal.removed as usize, SAMPLE_SIZE);
    assert_eq!(library.strand.items(0, 10).expect("items").total, 3);
}
