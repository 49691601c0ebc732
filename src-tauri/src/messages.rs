//! The language Strand speaks, decided once from the system locale (the UI is told it, so the
//! window and the native dialogs never disagree — WebKitGTK's own guess needs a compiled C
//! locale), and the strings the shell shows itself in native dialogs, in English and German.
//! Everything else is translated in the UI.

use chrono::Local;
use strand_core::RestorePoint;

use crate::menu::MenuAction;

#[derive(Clone, Copy, Debug)]
pub struct Messages {
    german: bool,
}

impl Messages {
    pub fn for_system_locale() -> Messages {
        Messages::for_locale(&sys_locale::get_locale().unwrap_or_default())
    }

    fn for_locale(locale: &str) -> Messages {
        Messages {
            german: locale.to_ascii_lowercase().starts_with("de"),
        }
    }

    /// The language the UI is to speak: `de` or `en`.
    pub fn language(&self) -> &'static str {
        if self.german { "de" } else { "en" }
    }

    /// The same language, for the core's messages.
    pub fn core_language(&self) -> strand_core::language::Language {
        if self.german {
            strand_core::language::Language::German
        } else {
            strand_core::language::Language::English
        }
    }

    /// `english`, or `german` on a German system.
    fn in_language(&self, english: &'static str, german: &'static str) -> &'static str {
        if self.german { german } else { english }
    }

    pub fn unkept_drafts_title(&self) -> &'static str {
        self.in_language("Quit Strand?", "Strand beenden?")
    }

    pub fn unkept_drafts_body(&self, names: &[String]) -> String {
        let list = names
            .iter()
            .map(|name| format!("• {name}"))
            .collect::<Vec<_>>()
            .join("\n");
        if self.german {
            format!("Diese Entwürfe wurden nicht behalten und gehen verloren:\n\n{list}")
        } else {
            format!("These drafts were not kept and will be lost:\n\n{list}")
        }
    }

    pub fn keep_all_and_quit(&self) -> &'static str {
        self.in_language("Keep all and quit", "Alle behalten und beenden")
    }

    pub fn keep_all_failed_title(&self) -> &'static str {
        self.in_language(
            "Not everything could be kept",
            "Nicht alles konnte behalten werden",
        )
    }

    pub fn quit_and_lose(&self) -> &'static str {
        self.in_language("Quit and lose them", "Beenden und verwerfen")
    }

    pub fn keep_editing(&self) -> &'static str {
        self.in_language("Keep editing", "Weiter bearbeiten")
    }

    pub fn damaged_library_title(&self) -> &'static str {
        self.in_language(
            "Your library cannot be opened",
            "Deine Bibliothek lässt sich nicht öffnen",
        )
    }

    /// Why the library would not open, and what putting `offered` back would bring.
    pub fn damaged_library_body(&self, why: &str, offered: &RestorePoint) -> String {
        let when = offered
            .taken_at
            .with_timezone(&Local)
            .format("%Y-%m-%d %H:%M");
        let (bundles, items) = (offered.bundles, offered.items);
        if self.german {
            format!(
                "Strand konnte deine Bibliothek nicht öffnen: {why}\n\nDer neueste intakte \
                 Wiederherstellungspunkt ist vom {when} ({bundles} behaltene Bündel, {items} \
                 Objekte). Beim Zurückholen wird die Datei, die sich nicht öffnen ließ, in den \
                 Ordner „damaged“ daneben gelegt, nie gelöscht."
            )
        } else {
            format!(
                "Strand could not open your library: {why}\n\nThe newest sound restore point \
                 is from {when} ({bundles} kept bundles, {items} items). Restoring it moves the \
                 file that would not open into the “damaged” folder beside it; it is never \
                 deleted."
            )
        }
    }

    pub fn open_licence_title(&self) -> &'static str {
        self.in_language("Open a Strand licence", "Strand-Lizenz öffnen")
    }

    pub fn import_playlist_title(&self) -> &'static str {
        self.in_language("Import a playlist", "Wiedergabeliste importieren")
    }

    pub fn import_catalogue_title(&self) -> &'static str {
        self.in_language("Import a catalogue", "Katalog importieren")
    }

    pub fn import_folder_title(&self) -> &'static str {
        self.in_language("Import a folder of music", "Musikordner importieren")
    }

    pub fn import_library_title(&self) -> &'static str {
        self.in_language("Import a music library", "Mediathek importieren")
    }

    pub fn export_bundle_title(&self) -> &'static str {
        self.in_language("Export a bundle", "Bündel exportieren")
    }

    pub fn export_everything_title(&self) -> &'static str {
        self.in_language("Export everything", "Alles exportieren")
    }

    pub fn export_funnel_title(&self) -> &'static str {
        self.in_language("Export the funnel", "Trichter exportieren")
    }

    pub fn choose_cover_title(&self) -> &'static str {
        self.in_language("Choose a cover picture", "Titelbild wählen")
    }

    pub fn pictures_filter(&self) -> &'static str {
        self.in_language("Pictures", "Bilder")
    }

    pub fn menu_file(&self) -> &'static str {
        self.in_language("&File", "&Datei")
    }

    pub fn menu_edit(&self) -> &'static str {
        self.in_language("&Edit", "&Bearbeiten")
    }

    pub fn menu_view(&self) -> &'static str {
        self.in_language("&View", "&Ansicht")
    }

    pub fn menu_help(&self) -> &'static str {
        self.in_language("&Help", "&Hilfe")
    }

    pub fn menu_quit(&self) -> &'static str {
        self.in_language("Quit", "Beenden")
    }

    pub fn menu_about(&self) -> &'static str {
        self.in_language("About Strand", "Über Strand")
    }

    pub fn about_comments(&self) -> &'static str {
        self.in_language(
            "Thread songs, streams, products and notes into bundles of your own.",
            "Fädle Lieder, Streams, Produkte und Notizen zu deinen eigenen Bündeln auf.",
        )
    }

    /// The label of the menu item for `action`.
    pub fn menu_item(&self, action: MenuAction) -> &'static str {
        match action {
            MenuAction::NewBundle => self.in_language("New bundle", "Neues Bündel"),
            MenuAction::KeepBundle => self.in_language("Keep bundle", "Bündel behalten"),
            MenuAction::ImportPlaylist => {
                self.in_language("Import a playlist…", "Wiedergabeliste importieren …")
            }
            MenuAction::ImportCatalogue => {
                self.in_language("Import a catalogue…", "Katalog importieren …")
            }
            MenuAction::ImportFolder => {
                self.in_language("Import a music folder…", "Musikordner importieren …")
            }
            MenuAction::ImportLibrary => {
                self.in_language("Import a music library…", "Mediathek importieren …")
            }
            MenuAction::ExportBundle => self.in_language("Export bundle…", "Bündel exportieren …"),
            MenuAction::ExportEverything => {
                self.in_language("Export everything…", "Alles exportieren …")
            }
            MenuAction::Undo => self.in_language("Undo", "Rückgängig"),
            MenuAction::Redo => self.in_language("Redo", "Wiederholen"),
            MenuAction::SelectAll => self.in_language("Select all", "Alles auswählen"),
            MenuAction::FindInBundle => self.in_language("Find in bundle", "Im Bündel suchen"),
            MenuAction::Settings => self.in_language("Settings…", "Einstellungen …"),
            MenuAction::ThemeSystem => {
                self.in_language("Look like the desktop", "Wie der Desktop aussehen")
            }
            MenuAction::ThemeLight => self.in_language("Light", "Hell"),
            MenuAction::ThemeDark => self.in_language("Dark", "Dunkel"),
            MenuAction::KeyboardShortcuts => self.in_language("Keyboard shortcuts", "Tastenkürzel"),
        }
    }

    pub fn playlists_filter(&self) -> &'static str {
        self.in_language("Playlists", "Wiedergabelisten")
    }

    pub fn all_files_filter(&self) -> &'static str {
        self.in_language("All files", "Alle Dateien")
    }

    pub fn restore_it(&self) -> &'static str {
        self.in_language("Restore it", "Zurückholen")
    }

    pub fn quit(&self) -> &'static str {
        self.in_language("Quit", "Beenden")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quit_question_names_every_unkept_draft() {
        let body =
            Messages::for_locale("en-GB").unkept_drafts_body(&["Road trip".into(), "Gifts".into()]);
        assert!(body.contains("Road trip") && body.contains("Gifts") && body.contains("lost"));
    }

    #[test]
    fn the_damaged_library_question_says_why_and_what_the_restore_point_holds() {
        let offered = RestorePoint {
            name: "strand-20261202T093001.250Z-daily.sqlite".into(),
            taken_at: chrono::Utc::now(),
            reason: strand_core::RestoreReason::Daily,
            bundles: 3,
            items: 240,
        };
        let body = Messages::for_locale("en").damaged_library_body("its file is damaged", &offered);
        assert!(body.contains("its file is damaged"), "{body}");
        assert!(body.contains("3 kept bundles, 240 items"), "{body}");
    }

    #[test]
    fn a_german_system_gets_german_dialogs() {
        assert_eq!(
            Messages::for_locale("de-DE").keep_editing(),
            "Weiter bearbeiten"
        );
        assert_eq!(Messages::for_locale("en-US").keep_editing(), "Keep editing");
    }
}
