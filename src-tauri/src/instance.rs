//! One Strand per library. Two processes on one SQLite file are safe only while both hold their
//! POSIX locks, and GTK's file dialogs can silently drop a process's locks by opening and closing
//! the file (see ARCHITECTURE.md); a second Strand on the same library is refused up front
//! instead. The guard is an OS file lock (`flock` on Unix) on `strand.lock`, which — unlike
//! SQLite's locks — belongs to this open file alone and lasts until the process ends.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

/// Held for the life of the app; dropping it lets another Strand open the library.
pub struct LibraryLock {
    _file: File,
}

const LOCK_FILE: &str = "strand.lock";

/// Takes the library's lock, or says that another Strand has it.
pub fn lock_library(data_dir: &Path) -> Result<LibraryLock, String> {
    let path = data_dir.join(LOCK_FILE);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|error| format!("cannot open {}: {error}", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(LibraryLock { _file: file }),
        Err(TryLockError::WouldBlock) => Err(format!(
            "Strand is already open on the library in {}; close that window first",
            data_dir.display()
        )),
        Err(TryLockError::Error(error)) => Err(format!("cannot lock {}: {error}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_strand_on_the_same_library_is_refused_until_the_first_is_gone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = lock_library(dir.path()).expect("first");
        let second = lock_library(dir.path()).err().expect("second is refused");
        assert!(second.contains("already open"), "{second}");
        drop(first);
        lock_library(dir.path()).expect("free again");
    }
}
