//! A Strand that cannot open its library says why in a native dialog — started from a desktop
//! menu, it has no terminal to print to — and quits once the person has read it.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::desktop::Desktop;
use crate::steps::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_second_strand_on_the_same_library_says_why_it_cannot_start_and_quits_when_told() {
    let mut harness = launched_showing_the_library().await;
    let desktop = Desktop::connect(&harness.display_name());

    let mut second = Command::new(env!("CARGO_BIN_EXE_strand"))
        .env("STRAND_DATA_DIR", harness.data_dir.path())
        // On the same library: the journeys run demo mode, whose library is its own.
        .env("STRAND_DEMO", "1")
        .env("DISPLAY", harness.display_name())
        .env("GSETTINGS_BACKEND", "memory")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start a second Strand");
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
