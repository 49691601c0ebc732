//! Start-up timing: when `main` began, so the UI's "ready" can be measured against it.

use std::time::Instant;

/// When this process's `main` started, and whether to exit once the UI is ready.
pub struct Startup {
    main_started: Instant,
    pub exit_on_ready: bool,
}

impl Startup {
    pub fn new(main_started: Instant, exit_on_ready: bool) -> Startup {
        Startup {
            main_started,
            exit_on_ready,
        }
    }

    pub fn since_main_ms(&self) -> f64 {
        self.main_started.elapsed().as_secs_f64() * 1e3
    }
}
