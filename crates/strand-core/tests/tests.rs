//! Integration tests of the core on a real SQLite file on disk.

mod damage;
mod support;

mod collections;
mod covers;
mod crashing;
mod damaged;
mod demo;
mod drafts_back;
mod editing;
mod exporting;
mod folders;
// Mounts a small tmpfs, which needs Linux (and root, as CI runs); the Linux job runs it.
#[cfg(target_os = "linux")]
mod full_disk;
mod funnel_paths;
mod fuzz_corpus;
mod german;
mod importing;
mod keeping;
mod opening;
mod own_items;
mod policies;
mod premium;
mod recovering;
mod restoring;
mod sample;
mod search;
mod suggestions;
mod totals;
mod trash;
mod undoing;
mod wrong_files;
