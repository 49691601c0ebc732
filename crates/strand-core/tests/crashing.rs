//! Crash trials: the core in a child process (`strand-crash-child`) edits a kept bundle at
//! random and is killed with SIGKILL at a random moment. After each kill the library must pass
//! SQLite's `integrity_check` and Strand's own invariants, and hold the last edit the core
//! answered (or the one under way when the kill came) — never less, never anything else.
//! The same trials on a draft: after the kill, the next start must offer it back as the last
//! edit answered left it (or with the one under way).
//! `STRAND_CRASH_TRIALS` sets how many (50 by default, the CI run).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use rusqlite::Connection;
use strand_core::BundleState;

use crate::support::open_demo;

/// What the child printed: the last state answered OK, and one tried after it, if any.
fn read_child(stdout: impl std::io::Read) -> (Option<String>, Option<String>) {
    let (mut confirmed, mut trying) = (None, None);
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        if let Some(state) = line.strip_prefix("TRY ") {
            trying = Some(state.to_owned());
        } else if line == "OK" {
            confirmed = trying.take();
        }
    }
    (confirmed, trying)
}

/// The kept bundle as the child prints it, read from the library after the kill (none before
/// the first child kept it).
fn kept_state(path: &std::path::Path) -> Option<String> {
    let strand = open_demo(path);
    let kept = strand
        .bundles()
        .expect("bundles")
        .into_iter()
        .find(|bundle| bundle.state == BundleState::Kept)?;
    Some(printed(&strand, kept.id))
}

/// A bundle's name and item order, as the child prints them.
fn printed(strand: &strand_core::Strand, id: strand_core::BundleId) -> String {
    let whole = strand.whole_bundle(id).expect("read");
    let items: Vec<String> = whole
        .entries
        .iter()
        .map(|e| e.item.id.to_string())
        .collect();
    format!("{}|{}", whole.bundle.name, items.join(","))
}

/// Starts the child on `path` editing a `kept` bundle or a `draft`, kills it with SIGKILL
/// `after` that long, and returns what it printed.
fn killed_child(
    path: &std::path::Path,
    trial: u64,
    what: &str,
    after: Duration,
) -> (Option<String>, Option<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_strand-crash-child"))
        .arg(path)
        .arg(trial.to_string())
        .arg(what)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the child");
    let stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || read_child(stdout));
    std::thread::sleep(after);
    child.kill().expect("SIGKILL");
    child.wait().expect("reap");
    reader.join().expect("reader")
}

/// SQLite's full `integrity_check`, and Strand's library check (its own invariants: every
/// entry's item there, every entry count right, no two entries of a bundle on one key).
fn assert_sound(path: &std::path::Path) {
    let integrity: String = Connection::open(path)
        .expect("raw")
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("integrity_check");
    assert_eq!(integrity, "ok");
    let problems = open_demo(path).check_library().expect("check").problems;
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_kill_at_any_moment_of_kept_edits_loses_no_answered_edit_and_damages_nothing() {
    let trials: u64 = std::env::var("STRAND_CRASH_TRIALS")
        .ok()
        .and_then(|trials| trials.parse().ok())
        .unwrap_or(50);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("strand.sqlite");
    let mut rng = fastrand::Rng::with_seed(16);
    let mut edits_answered = 0;
    // What the library held after the trial before: a child killed before its first answer
    // must leave exactly that (or its first edit).
    let mut before: Option<String> = None;
    for trial in 0..trials {
        let killed_after = Duration::from_millis(rng.u64(100..400));
        let (confirmed, trying) = killed_child(&path, trial, "kept", killed_after);
        edits_answered += u64::from(confirmed.is_some());

        assert_sound(&path);
        let found = kept_state(&path);
        let answered = confirmed.or(before);
        if answered.is_some() || trying.is_some() {
            assert!(
                found.is_some() && [&answered, &trying].contains(&&found),
                "trial {trial}: the library holds {found:?}, not the last answered edit \
                 {answered:?} or the one under way {trying:?}"
            );
        }
        before = found;
    }
    println!("crash trials: {trials}, with an answered edit before the kill: {edits_answered}");
    assert!(
        edits_answered > trials / 2,
        "most trials must kill in the middle of edits"
    );
}

/// A draft as the child prints it, offered back by the next start after the kill (none if the
/// kill came before the child started it).
fn draft_brought_back(path: &std::path::Path) -> Option<String> {
    let strand = open_demo(path);
    let offered = strand.drafts_left_behind();
    let draft = offered.first()?;
    strand.bring_back_drafts().expect("bring back");
    Some(printed(&strand, draft.id))
}

#[test]
fn a_kill_at_any_moment_of_draft_edits_loses_no_answered_edit_of_the_draft() {
    let trials: u64 = std::env::var("STRAND_CRASH_TRIALS")
        .ok()
        .and_then(|trials| trials.parse().ok())
        .unwrap_or(50)
        / 2;
    let mut rng = fastrand::Rng::with_seed(21);
    let mut edits_answered = 0;
    for trial in 0..trials {
        // A library of its own each time: a draft comes back only so many times.
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("strand.sqlite");
        let killed_after = Duration::from_millis(rng.u64(150..450));
        let (confirmed, trying) = killed_child(&path, trial, "draft", killed_after);
        edits_answered += u64::from(confirmed.is_some());

        let found = draft_brought_back(&path);
        if confirmed.is_some() || trying.is_some() {
            assert!(
                found.is_some() && [&confirmed, &trying].contains(&&found),
                "trial {trial}: the draft came back as {found:?}, not as the last answered edit \
                 {confirmed:?} or the one under way {trying:?}"
            );
        }
    }
    println!(
        "draft crash trials: {trials}, with an answered edit before the kill: {edits_answered}"
    );
    assert!(
        edits_answered > trials / 2,
        "most trials must kill in the middle of edits"
    );
}
