//! One Strand per library. Two processes on one SQLite file are safe only while both hold their
//! POSIX locks, and GTK's file dialogs can silently drop a process's locks by opening and closing
//! the file (see ARCHITECTURE.md); a second Strand on the same library is refused up front
//! instead. The guard is an OS file lock (`flock` on Unix) on `strand.lock`, which — unlike
//! SQLite's locks — belongs to this open file alone and lasts until the process ends.
//!
//! Before the lock is even tried, a second start on the same library hands over to the running
//! Strand, which raises its window, and ends (tauri-plugin-single-instance; on Linux over the
//! session bus, under a name of this library's own). Where that cannot work — no session bus —
//! the lock refuses the second start, saying why.

use std::fs::{File, OpenOptions, TryLockError};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Manager, Runtime};

use strand_core::say;

use crate::launch::Launch;

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
        .map_err(|error| {
            let path = path.display();
            say!(
                "cannot open {path}: {error}",
                "{path} lässt sich nicht öffnen: {error}"
            )
        })?;
    match file.try_lock() {
        Ok(()) => Ok(LibraryLock { _file: file }),
        Err(TryLockError::WouldBlock) => {
            let folder = data_dir.display();
            Err(say!(
                "Strand is already open on the library in {folder}; close that window first",
                "Strand ist schon mit der Bibliothek in {folder} geöffnet; schließe zuerst dieses \
                 Fenster"
            ))
        }
        Err(TryLockError::Error(error)) => {
            let path = path.display();
            Err(say!(
                "cannot lock {path}: {error}",
                "{path} lässt sich nicht sperren: {error}"
            ))
        }
    }
}

/// The plugin that makes a second start on this run's library raise this window instead.
pub fn hand_over_second_starts<R: Runtime>(launch: &Launch) -> TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_name(launch))
        .callback(|app, _arguments, _folder| raise_main_window(app))
        .build()
}

/// A name per library (D-Bus name elements are letters, digits and `_`, not starting with a
/// digit): a demo and a person's library, or two data directories, run side by side as before.
fn instance_name(launch: &Launch) -> String {
    let mut name = String::from("app.strand.desktop");
    if launch.demo {
        name.push_str(".Demo");
    }
    if let Some(dir) = &launch.data_dir {
        // Both starts run this very build, so its hasher gives both the same name for a folder.
        let mut hasher = DefaultHasher::new();
        std::path::absolute(dir)
            .unwrap_or_else(|_| dir.clone())
            .hash(&mut hasher);
        name.push_str(&format!(".L{:016x}", hasher.finish()));
    }
    name
}

/// Shows the main window over the others, out of the dock or taskbar if it was minimised.
fn raise_main_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_library_has_an_instance_name_of_its_own_and_the_same_one_every_start() {
        let launch = |demo: bool, dir: Option<&str>| Launch {
            demo,
            data_dir: dir.map(std::path::PathBuf::from),
            ..Launch::default()
        };
        let person = instance_name(&launch(false, None));
        let demo = instance_name(&launch(true, None));
        let elsewhere = instance_name(&launch(false, Some("/tmp/strand-a")));
        assert_eq!(person, "app.strand.desktop");
        assert_ne!(person, demo);
        assert_ne!(
            elsewhere,
            instance_name(&launch(false, Some("/tmp/strand-b")))
        );
        assert_eq!(
            elsewhere,
            instance_name(&launch(false, Some("/tmp/strand-a")))
        );
        assert!(
            elsewhere
                .split('.')
                .all(|part| !part.starts_with(|c: char| c.is_ascii_digit()))
        );
    }

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
