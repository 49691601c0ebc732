//! A Strand that cannot open its library says why in a native dialog — started from a desktop
//! menu, it has no terminal to print to — and quits once the person has read it; one whose
//! library is too damaged to open offers its restore point there instead.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::desktop::Desktop;
use crate::harness::Harness;
use crate::steps::*;

/// Starts Strand on the harness's data directory outside WebDriver (a Strand that opens no
/// window at first cannot be driven there), in demo mode like the journeys.
fn start_beside_webdriver(harness: &Harness) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_strand"))
        .env("STRAND_DATA_DIR", harness.data_dir.path())
        .env("STRAND_DEMO", "1")
        .env("DISPLAY", harness.display_name())
        .env("GSETTINGS_BACKEND", "memory")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start Strand")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_strand_on_the_same_library_says_why_it_cannot_start_and_quits_when_told() {
    let mut harness = launched_showing_the_library().await;
    let desktop = Desktop::connect(&harness.display_name());

    // On the same library: the journeys run demo mode, whose library is its own.
    let mut second = start_beside_webdriver(&harness);
    let dialog = desktop.wait_for_window("Strand could not start").await;
    assert_eq!(
        desktop.windows_titled("Strand").len(),
        1,
        "the refused Strand opened a window of its own"
    );

    desktop.request_close(dialog);
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = second.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < deadline, "the refused Strand did not quit");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(status.code(), Some(1));
    let mut said = String::new();
    second
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut said)
        .expect("read stderr");
    assert!(said.contains("already open"), "{said}");

    // The first Strand goes on as before.
    create_bundle(&harness, "Still here").await;
    assert_eq!(
        bundle_names(&harness, 1).await,
        serde_json::json!(["Still here"])
    );
    harness.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_library_too_damaged_to_open_offers_its_restore_point_and_restoring_opens_it() {
    // Every start reads the library's own records first: this one cannot even open.
    let harness = damaged_after_a_restore_point("meta").await;
    let desktop = Desktop::connect(&harness.display_name());

    let mut strand = start_beside_webdriver(&harness);
    let question = desktop
        .wait_for_window("Your library cannot be opened")
        .await;
    assert!(desktop.windows_titled("Strand").is_empty());
    // Enter answers the question's first button: Restore it.
    desktop.press_in(question, "Return");
    desktop.wait_for_window("Strand").await;
    assert_eq!(kept_bundle_names(&harness), ["Months of work"]);
    assert!(files_set_aside(&harness) >= 1);
    let _ = strand.kill();
    let _ = strand.wait();
}
