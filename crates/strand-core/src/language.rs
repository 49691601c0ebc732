//! The language of the core's own words — its refusals and the reasons an imported line was
//! skipped — decided once by the shell (as it decides the window's and the dialogs' language),
//! so a German desktop reads German everywhere. Every message is written at its place in both
//! languages with [`say!`](crate::say), so neither can be left without the other.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};

/// A language Strand speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Language {
    /// The default, and the language of every message's first form.
    #[default]
    English,
    /// For a desktop whose locale is German.
    German,
}

static GERMAN: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// A language for this thread alone, so tests in German run beside tests in English.
    static ON_THIS_THREAD: Cell<Option<Language>> = const { Cell::new(None) };
}

/// Sets the language of the whole process (the shell does, once, at start).
pub fn set_language(language: Language) {
    GERMAN.store(language == Language::German, Ordering::Relaxed);
}

/// The language messages are written in now.
pub fn language() -> Language {
    ON_THIS_THREAD
        .with(Cell::get)
        .unwrap_or(if GERMAN.load(Ordering::Relaxed) {
            Language::German
        } else {
            Language::English
        })
}

/// Runs `work` with this thread's messages in `language` (for tests: the process's language is
/// left alone).
pub fn with_language<T>(language: Language, work: impl FnOnce() -> T) -> T {
    let before = ON_THIS_THREAD.with(|cell| cell.replace(Some(language)));
    let result = work();
    ON_THIS_THREAD.with(|cell| cell.set(before));
    result
}

/// A message in the language of the moment: `say!("English {x}", "Deutsch {x}")`, both format
/// strings capturing the variables in scope.
#[macro_export]
macro_rules! say {
    ($english:literal, $german:literal) => {
        match $crate::language::language() {
            $crate::language::Language::English => format!($english),
            $crate::language::Language::German => format!($german),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_said_in_the_language_of_the_thread() {
        let count = 3;
        let said = || crate::say!("{count} bundles", "{count} Bündel");
        assert_eq!(said(), "3 bundles");
        assert_eq!(with_language(Language::German, said), "3 Bündel");
        assert_eq!(said(), "3 bundles", "the thread's language is given back");
    }
}
