//! The funnel counts each person's action once, when it happens, on every path through the
//! paywall: Keep pressed is one attempt (refused: one paywall shown); closing the paywall adds
//! nothing; a keep resumed after a trial, a licence or the demo's upgrade is the same attempt,
//! completed — with the step that made it possible counted, so the funnel never seems to leak.

use strand_core::{FunnelStep, Tier};

use crate::support::{Library, demo_signing_key, licence_for_ada};

fn counts(library: &Library) -> [u32; 7] {
    FunnelStep::ALL.map(|step| library.funnel_count(step).unwrap_or(0))
}

/// Started, attempted, paywall shown, trial, licence, upgraded in the demo, kept.
fn expect(library: &Library, expected: [u32; 7], path: &str) {
    assert_eq!(counts(library), expected, "{path}");
}

#[test]
fn keep_pressed_and_refused_is_one_attempt_and_one_paywall_and_closing_it_adds_nothing() {
    let library = Library::new(true);
    let draft = library.draft("Refused", 1);
    library.strand.keep(draft.id).expect_err("free");
    expect(&library, [1, 1, 1, 0, 0, 0, 0], "refused");
    library.strand.keep(draft.id).expect_err("free again");
    expect(
        &library,
        [1, 2, 2, 0, 0, 0, 0],
        "pressed again after Not now",
    );
}

#[test]
fn a_keep_resumed_after_the_trial_is_the_same_attempt_completed() {
    let library = Library::new(true);
    let draft = library.draft("Trial", 1);
    library.strand.keep(draft.id).expect_err("free");
    library.strand.start_trial().expect("trial");
    library.strand.resume_keep(draft.id).expect("kept");
    expect(&library, [1, 1, 1, 1, 0, 0, 1], "trial");
}

#[test]
fn a_keep_resumed_after_a_licence_is_the_same_attempt_completed() {
    let library = Library::new(true);
    let draft = library.draft("Licence", 1);
    library.strand.keep(draft.id).expect_err("free");
    library
        .strand
        .activate_licence(&licence_for_ada(Some(365), &demo_signing_key()))
        .expect("licence");
    library.strand.resume_keep(draft.id).expect("kept");
    expect(&library, [1, 1, 1, 0, 1, 0, 1], "licence");
}

#[test]
fn the_demos_upgrade_is_a_step_of_its_own_and_the_resumed_keep_no_second_attempt() {
    let library = Library::new(true);
    let draft = library.draft("Upgraded", 1);
    library.strand.keep(draft.id).expect_err("free");
    library
        .strand
        .set_demo_tier(Some(Tier::Premium))
        .expect("upgrade");
    library.strand.resume_keep(draft.id).expect("kept");
    expect(&library, [1, 1, 1, 0, 0, 1, 1], "demo upgrade");
}

#[test]
fn a_premium_keep_is_one_attempt_kept_and_resuming_without_a_refusal_is_a_plain_keep() {
    let library = Library::new(true);
    library
        .strand
        .set_demo_tier(Some(Tier::Premium))
        .expect("premium");
    let first = library.draft("Direct", 1);
    library.strand.keep(first.id).expect("kept");
    let second = library.draft("Resumed", 1);
    library.strand.resume_keep(second.id).expect("kept");
    expect(&library, [2, 2, 0, 0, 0, 1, 2], "premium");
}
