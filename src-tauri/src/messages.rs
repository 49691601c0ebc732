//! The few strings the shell shows itself (in native dialogs), in English and German, chosen by
//! the system locale. Everything else is translated in the UI.

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

    pub fn unkept_drafts_title(&self) -> &'static str {
        if self.german {
            "Strand beenden?"
        } else {
            "Quit Strand?"
        }
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

    pub fn quit_and_lose(&self) -> &'static str {
        if self.german {
            "Beenden und verwerfen"
        } else {
            "Quit and lose them"
        }
    }

    pub fn keep_editing(&self) -> &'static str {
        if self.german {
            "Weiter bearbeiten"
        } else {
            "Keep editing"
        }
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
    fn a_german_system_gets_german_dialogs() {
        assert_eq!(
            Messages::for_locale("de-DE").keep_editing(),
            "Weiter bearbeiten"
        );
        assert_eq!(Messages::for_locale("en-US").keep_editing(), "Keep editing");
    }
}
