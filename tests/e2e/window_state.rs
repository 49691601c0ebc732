//! The window opens as large as it was left: resized, closed the way a person closes it, and
//! started again, it has the size it had.

use std::time::{Duration, Instant};

use crate::desktop::Desktop;
use crate::steps::*;

#[tokio::test(flavor = "multi_thread")]
async fn the_window_opens_again_at_the_size_it_was_closed_at() {
    let mut harness = launched_showing_the_library().await;
    let desktop = Desktop::connect(&harness.display_name());
    harness
        .client()
        .set_window_size(1000, 700)
        .await
        .expect("resize");
    let (width, height) = harness.client().get_window_size().await.expect("size");
    assert_eq!((width, height), (1000, 700));

    desktop.request_close(desktop.main_window().await);
    let deadline = Instant::now() + Duration::from_secs(10);
    while harness.is_running().await {
        assert!(Instant::now() < deadline, "Strand did not quit");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    harness.stop().await;

    harness.launch().await;
    library_is_shown(&harness).await;
    let reopened = harness.client().get_window_size().await.expect("size");
    assert_eq!(reopened, (1000, 700));
    harness.stop().await;
}
