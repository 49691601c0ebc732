//! Demo mode runs on a library of its own. Its switches reach past the premium gate (a tier,
//! an all-free policy) and its reset wipes everything, so it must never touch a person's
//! library, and a normal start must never see what a demo kept.

use strand_core::{Error, Strand, StrandOptions, Tier};

use crate::support::Library;

fn open(library: &Library, demo: bool) -> strand_core::Result<Strand> {
    Strand::open(
        &library.path(),
        StrandOptions {
            demo,
            ..StrandOptions::default()
        },
    )
}

#[test]
fn demo_mode_refuses_a_persons_library_and_writes_nothing_to_it() {
    let person = Library::new(false);
    person.bundle("Mine", 2, false);
    person.strand.checkpoint().expect("checkpoint");
    let before = std::fs::read(person.path()).expect("read");

    let error = open(&person, true).expect_err("a demo on a person's library");
    assert!(matches!(error, Error::Forbidden(_)), "{error}");
    assert!(
        error
            .to_string()
            .contains("demo mode runs on a library of its own")
    );
    assert_eq!(std::fs::read(person.path()).expect("read"), before);
    assert_eq!(person.wal_bytes(), 0);
}

#[test]
fn what_a_demo_kept_is_never_seen_by_a_normal_start() {
    let demo = Library::new(true);
    demo.strand
        .set_demo_tier(Some(Tier::Premium))
        .expect("premium in the demo");
    demo.bundle("Kept in the demo", 2, true);
    let path = demo.path();
    let Library {
        strand, dir: _dir, ..
    } = demo;
    drop(strand);

    let error = Strand::open(&path, StrandOptions::default()).expect_err("a demo library");
    assert!(matches!(error, Error::Forbidden(_)), "{error}");
    assert!(error.to_string().contains("demo library"), "{error}");
}

#[test]
fn a_reset_demo_library_is_still_the_demos_own() {
    let demo = Library::new(true);
    demo.strand.reset_demo().expect("reset");
    let demo = demo.restart();
    assert!(demo.strand.session().expect("session").demo);
    assert!(
        open(&demo, false).is_err(),
        "a normal start opened the reset demo"
    );
}
