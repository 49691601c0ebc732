//! End to end: a person's journeys in the real Strand window (WebKitGTK, driven over WebDriver).
//! Run with `cargo test --test e2e` after `npm --prefix ui run build`; scripts/test.sh does both.

mod accessibility;
mod beads;
mod big_bundle;
mod covers;
mod curation;
#[path = "../../crates/strand-core/tests/damage.rs"]
mod damage;
mod desktop;
mod first_run;
mod folders;
mod formats;
mod funnel;
mod harness;
mod journey;
mod keyboard;
mod language;
mod library_filters;
mod looks;
mod menu;
mod own_items;
mod premium;
mod quitting;
mod restoring;
mod screenshots;
mod selection;
mod small_window;
mod starting;
mod steps;
mod transfer;
mod undo;
mod window_state;
mod window_title;
