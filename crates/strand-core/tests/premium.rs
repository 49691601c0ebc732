//! The premium model's security rules: every refusal happens in the core, and writes nothing.

use chrono::Duration;
use ed25519_dalek::SigningKey;
use strand_core::{Error, FunnelStep, StrandOptions, Tier};

use crate::support::{Library, ManualTime, demo_signing_key, licence_for_ada};

/// Rows in the tables that hold kept data and licences.
fn written(library: &Library) -> (i64, i64) {
    (library.count("bundles"), library.count("licences"))
}

fn refused_without_writing(library: &Library, token: &str) -> Error {
    let before = written(library);
    let error = library
        .strand
        .activate_licence(token)
        .expect_err("must be refused");
    assert_eq!(
        written(library),
        before,
        "a refused licence wrote something"
    );
    assert_eq!(library.strand.access().expect("access").tier, Tier::Free);
    error
}

#[test]
fn a_valid_licence_works_offline_and_shows_who_it_is_for() {
    let library = Library::new(false);
    let session = library
        .strand
        .activate_licence(&licence_for_ada(Some(365), &demo_signing_key()))
        .expect("valid");
    assert_eq!(session.access.tier, Tier::Premium);
    assert_eq!(
        session.access.licence.expect("licence").licensee,
        "Ada Lovelace"
    );
    let draft = library.draft("Mine", 2);
    library.strand.keep(draft.id).expect("premium keeps");
}

#[test]
fn the_trial_is_not_offered_while_a_licence_gives_premium_and_stays_for_later() {
    let library = Library::new(false);
    let session = library
        .strand
        .activate_licence(&licence_for_ada(Some(365), &demo_signing_key()))
        .expect("valid");
    assert!(!session.access.trial.available);
    let refused = library.strand.start_trial().expect_err("no trial needed");
    assert_eq!(refused.code(), strand_core::ErrorCode::Conflict);
    assert!(refused.to_string().contains("licence"), "{refused}");
    assert!(library.count("trial") == 0, "the trial stays unused");
}

#[test]
fn a_licence_with_one_bit_flipped_is_refused_with_nothing_written() {
    let library = Library::new(false);
    let token = licence_for_ada(None, &demo_signing_key());
    let mut bytes = token.into_bytes();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0b0000_0100;
    let flipped = String::from_utf8(bytes).expect("still text");
    assert!(matches!(
        refused_without_writing(&library, &flipped),
        Error::Licence(_)
    ));
}

#[test]
fn a_licence_signed_by_another_key_is_refused_with_nothing_written() {
    let library = Library::new(false);
    let forger = SigningKey::from_bytes(&[42; 32]);
    let error = refused_without_writing(&library, &licence_for_ada(None, &forger));
    assert!(error.to_string().contains("not genuine"), "{error}");
}

#[test]
fn a_licence_with_an_unknown_format_prefix_is_refused_with_nothing_written() {
    let library = Library::new(false);
    let token = licence_for_ada(None, &demo_signing_key()).replacen("STRAND1", "RSA9", 1);
    assert!(
        refused_without_writing(&library, &token)
            .to_string()
            .contains("unknown format")
    );
}

#[test]
fn expired_and_future_licences_are_refused_with_nothing_written() {
    let library = Library::new(false);
    let expired = licence_for_ada(Some(0), &demo_signing_key());
    assert!(
        refused_without_writing(&library, &expired)
            .to_string()
            .contains("expired")
    );

    let issued_in_three_days = strand_core::licence::issue(
        &strand_core::licence::LicencePayload {
            licence_id: uuid::Uuid::now_v7(),
            licensee: "Ada Lovelace".into(),
            plan: "premium".into(),
            issued_at: chrono::Utc::now() + Duration::days(3),
            expires_at: None,
        },
        &demo_signing_key(),
    );
    assert!(
        refused_without_writing(&library, &issued_in_three_days)
            .to_string()
            .contains("not valid yet")
    );
}

#[test]
fn a_premium_flag_written_straight_into_the_database_changes_nothing() {
    let library = Library::new(false);
    library
        .raw()
        .execute_batch(
            "INSERT INTO meta (key, value) VALUES ('tier', 'premium'), ('premium', 'true');
             INSERT INTO licences (licence_id, token, activated_at) VALUES ('x', 'premium', '2026-01-01T00:00:00Z');",
        )
        .expect("tamper");
    assert_eq!(library.strand.access().expect("access").tier, Tier::Free);
    let draft = library.draft("Sneaky", 1);
    assert!(matches!(
        library.strand.keep(draft.id),
        Err(Error::PremiumRequired { .. })
    ));
    assert_eq!(library.count("bundles"), 0);
}

/// A library on a clock the test moves, with a licence for Ada valid for `days` activated.
fn licensed_on_a_manual_clock(days: Option<i64>) -> (Library, std::sync::Arc<ManualTime>) {
    let time = ManualTime::new();
    let library = Library::with_options(StrandOptions {
        time: time.clone(),
        ..StrandOptions::default()
    });
    library
        .strand
        .activate_licence(&licence_for_ada(days, &demo_signing_key()))
        .expect("licence");
    (library, time)
}

#[test]
fn a_clock_once_fast_costs_a_valid_licence_nothing() {
    let (library, time) = licensed_on_a_manual_clock(Some(3650));
    time.shift(Duration::days(365));
    library.bundle("A year ahead", 1, true);
    let library = library.restart();

    time.shift(Duration::days(-365));
    let access = library.strand.access().expect("access");
    assert_eq!(access.tier, Tier::Premium);
    assert!(access.clock_behind, "the clock is behind what Strand saw");
    library.bundle("Clock put right", 1, true);
    library
        .strand
        .activate_licence(&licence_for_ada(Some(3650), &demo_signing_key()))
        .expect("activating it again");
    assert_eq!(library.count("bundles"), 2);
}

#[test]
fn a_clock_set_back_gains_an_expired_licence_nothing_even_with_the_time_seen_deleted() {
    let (library, time) = licensed_on_a_manual_clock(Some(10));
    let kept = library.bundle("While licensed", 1, true);
    time.shift(Duration::days(20));
    let library = library.restart();
    assert_eq!(library.strand.access().expect("access").tier, Tier::Lapsed);

    // Back to when the licence was valid, and the time Strand saw deleted from meta.
    time.shift(Duration::days(-15));
    library
        .raw()
        .execute("DELETE FROM meta WHERE key = 'last_seen'", [])
        .expect("tamper");
    let library = library.restart();
    assert_eq!(library.strand.access().expect("access").tier, Tier::Lapsed);
    let draft = library.draft("Sneaky", 1);
    assert!(matches!(
        library.strand.keep(draft.id),
        Err(Error::PremiumRequired { .. })
    ));
    let again = library
        .strand
        .activate_licence(&licence_for_ada(Some(10), &demo_signing_key()))
        .expect_err("expired by what the library has seen");
    assert!(again.to_string().contains("expired"), "{again}");
    // Nothing is lost: what was kept stays readable.
    assert_eq!(
        library.strand.bundle(kept.id).expect("readable").name,
        "While licensed"
    );
}

#[test]
fn the_time_seen_is_written_at_most_once_a_minute_not_with_every_edit() {
    let time = ManualTime::new();
    let library = Library::with_options(StrandOptions {
        time: time.clone(),
        ..StrandOptions::default()
    });
    let last_seen = || -> String {
        library
            .raw()
            .query_row("SELECT MAX(latest) FROM days_seen", [], |row| row.get(0))
            .expect("last seen")
    };
    let draft = library.draft("Quick", 3);
    let first = library.entries(draft.id)[0].id;
    library.strand.start_trial().expect("trial");
    let kept = library.strand.keep(draft.id).expect("keep");
    let seen = last_seen();

    time.shift(Duration::seconds(30));
    library
        .strand
        .move_entry(kept.id, first, None)
        .expect("move");
    assert_eq!(last_seen(), seen);

    time.shift(Duration::seconds(31));
    library.strand.undo(kept.id).expect("undo");
    assert_ne!(last_seen(), seen);
}

#[test]
fn the_trial_is_premium_once_and_lapsing_keeps_everything_readable() {
    let library = Library::new(true);
    let session = library.strand.start_trial().expect("trial");
    assert_eq!(
        (session.access.tier, session.access.trial.days_left),
        (Tier::Trial, 14)
    );
    let kept = library.draft("Trial keep", 2);
    library.strand.keep(kept.id).expect("trial keeps");
    assert!(matches!(
        library.strand.start_trial(),
        Err(Error::Conflict(_))
    ));

    let after = library.strand.time_travel(15).expect("travel");
    assert_eq!(after.access.tier, Tier::Lapsed);
    assert_eq!(library.entries(kept.id).len(), 2);
    let draft = library.draft("After the trial", 1);
    assert!(matches!(
        library.strand.keep(draft.id),
        Err(Error::PremiumRequired { .. })
    ));
}

#[test]
fn time_travel_and_tier_switches_are_refused_outside_demo_mode() {
    let library = Library::new(false);
    assert!(matches!(
        library.strand.time_travel(30),
        Err(Error::Forbidden(_))
    ));
    assert!(matches!(
        library.strand.set_demo_tier(Some(Tier::Premium)),
        Err(Error::Forbidden(_))
    ));
    assert!(matches!(
        library.strand.reset_demo(),
        Err(Error::Forbidden(_))
    ));
}

#[test]
fn the_funnel_is_recorded_in_demo_mode_and_only_after_opting_in_otherwise() {
    let demo = Library::new(true);
    let draft = demo.draft("Funnel", 1);
    let _ = demo.strand.keep(draft.id);
    assert_eq!(demo.funnel_count(FunnelStep::DraftStarted), Some(1));
    assert_eq!(demo.funnel_count(FunnelStep::KeepAttempted), Some(1));
    assert_eq!(demo.funnel_count(FunnelStep::PaywallShown), Some(1));
    assert!(
        demo.strand
            .funnel_csv()
            .expect("csv")
            .starts_with("step,count\ndraft_started,1\n")
    );

    let private = Library::new(false);
    let draft = private.draft("Private", 1);
    let _ = private.strand.keep(draft.id);
    assert_eq!(private.count("funnel_events"), 0);
    private.strand.set_funnel_opt_in(true).expect("opt in");
    private.draft("Counted", 1);
    assert_eq!(private.count("funnel_events"), 1);
}

#[test]
fn resetting_the_demo_brings_back_a_fresh_catalogue_and_forgets_everything_else() {
    let library = Library::new(true);
    library.strand.start_trial().expect("trial");
    let draft = library.draft("Gone", 1);
    library.strand.keep(draft.id).expect("keep");
    library.strand.time_travel(3).expect("travel");
    let session = library.strand.reset_demo().expect("reset");
    assert_eq!(
        (session.access.tier, session.time_travel_days),
        (Tier::Free, 0)
    );
    assert!(session.access.trial.available);
    assert!(library.strand.bundles().expect("bundles").is_empty());
    assert_eq!(
        library.count("items") as usize,
        strand_core::catalogue::SAMPLE_SIZE
    );
}
