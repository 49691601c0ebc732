//! Time, as the core sees it. Two clocks matter: the system's, watched for being set back behind
//! the last time Strand saw (which suspends premium), and Strand's own, which is the system's plus
//! a demo-only offset so product teams can travel to a trial's end or a licence's expiry.

use std::fmt::Debug;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

/// Where the system time comes from; tests substitute a clock they can set back.
pub trait TimeSource: Send + Sync + Debug {
    /// The system's time now.
    fn now(&self) -> DateTime<Utc>;
}

/// The real system clock.
#[derive(Debug, Default)]
pub struct SystemTime;

impl TimeSource for SystemTime {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// The system clock plus the demo's time travel.
#[derive(Debug)]
pub struct Clock {
    source: Arc<dyn TimeSource>,
    offset: Mutex<Duration>,
}

impl Clock {
    /// A clock over `source`, not travelled.
    pub fn new(source: Arc<dyn TimeSource>) -> Clock {
        Clock {
            source,
            offset: Mutex::new(Duration::zero()),
        }
    }

    /// The system's time, untravelled: what clock tampering is judged by.
    pub fn system_now(&self) -> DateTime<Utc> {
        self.source.now()
    }

    /// Strand's time: the system's plus the demo offset. Validity of trials and licences is
    /// judged by this one.
    pub fn now(&self) -> DateTime<Utc> {
        self.source.now() + self.offset()
    }

    /// How far the demo has travelled.
    pub fn offset(&self) -> Duration {
        *self
            .offset
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Sets how far Strand's time is ahead of the system's (demo only; the caller checks).
    pub fn set_offset(&self, offset: Duration) {
        *self
            .offset
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = offset;
    }
}
