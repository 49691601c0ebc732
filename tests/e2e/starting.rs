//! A second start on a running Strand's library raises that Strand's window and ends, where the
//! desktop has a session bus; without one it says why it cannot start. A Strand that cannot open
//! its library says why in a native dialog — started from a desktop menu, it has no terminal to
//! print to — and quits once the person has read it; one whose library is too damaged to open
//! offers its restore point there instead.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::desktop::Desktop;
use crate::harness::Harness;
use crate::steps::*;

/// Starts Strand on the harness's data directory outside WebDriver (a Strand that opens no
/// window at first cannot be driven there), in demo mode like the journeys.
fn start_beside_webdriver(harness: &Harness) -> Child {
    start_beside_webdriver_with(harness, None)
}

/// As [`start_beside_webdriver`], on the session bus at `bus` if one is given.
fn start_beside_webdriver_with(harness: &Harness, bus: Option<&SessionBus>) -> Child {
    let mut strand = Command::new(env!("CARGO_BIN_EXE_strand"));
    match bus {
        Some(bus) => strand.env("DBUS_SESSION_BUS_ADDRESS", &bus.address),
        None => strand.env_remove("DBUS_SESSION_BUS_ADDRESS"),
    };
    strand
        .env("STRAND_DATA_DIR", harness.data_dir.path())
        .env("STRAND_DEMO", "1")
        .env("DISPLAY", harness.display_name())
        .env("GSETTINGS_BACKEND", "memory")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start Strand")
}

/// A session bus of the journey's own, as a person's desktop session has one (Xvfb has none).
struct SessionBus {
    daemon: Child,
    address: String,
}

impl SessionBus {
    fn start() -> SessionBus {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon must be installed (scripts/bootstrap.sh installs it)");
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().expect("its stdout"))
            .read_line(&mut address)
            .expect("the bus address");
        SessionBus {
            daemon,
            address: address.trim().to_owned(),
        }
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

/// Waits for `process` to end by itself, and answers its exit code.
async fn ends_by_itself(process: &mut Child) -> Option<i32> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = process.try_wait().expect("wait") {
            return status.code();
        }
        assert!(Instant::now() < deadline, "the second Strand did not end");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_start_on_the_same_library_raises_the_running_window_and_ends() {
    let bus = SessionBus::start();
    let mut harness = Harness::new().with_env("DBUS_SESSION_BUS_ADDRESS", &bus.address);
    harness.launch().await;
    library_is_shown(&harness).await;
    let desktop = Desktop::connect(&harness.display_name());
    let window = desktop.main_window().await;
    desktop.focus_nowhere();
    assert!(!desktop.has_focus(window));

    let mut second = start_beside_webdriver_with(&harness, Some(&bus));
    assert_eq!(ends_by_itself(&mut second).await, Some(0));
    let deadline = Instant::now() + Duration::from_secs(10);
    while !desktop.has_focus(window) {
        assert!(
            Instant::now() < deadline,
            "the running window was not raised"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(desktop.windows_titled("Strand could not start").is_empty());
    assert_eq!(desktop.windows_titled("Strand").len(), 1);
    create_bundle(&harness, "Still the one").await;
    harness.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_session_bus_a_second_strand_on_the_same_library_says_why_it_cannot_start() {
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
    assert_eq!(ends_by_itself(&mut second).await, Some(1));
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
