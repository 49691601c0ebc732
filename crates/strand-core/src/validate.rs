//! Input rules shared by every command, so a name is checked the same way wherever it arrives.

use crate::error::{Error, Result};

/// The longest bundle name, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// A bundle name, trimmed: not empty, at most [`MAX_NAME_CHARS`] characters, no control characters.
pub fn bundle_name(name: &str) -> Result<String> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(Error::invalid("name", "a bundle needs a name"));
    }
    // Count lazily so a 10 MB name is refused without walking all of it.
    if trimmed.chars().nth(MAX_NAME_CHARS).is_some() {
        return Err(Error::invalid(
            "name",
            format!("a bundle name can be at most {MAX_NAME_CHARS} characters"),
        ));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(Error::invalid(
            "name",
            "a bundle name cannot contain control characters",
        ));
    }
    Ok(trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed() {
        assert_eq!(bundle_name("  Road trip ").expect("valid"), "Road trip");
    }

    #[test]
    fn empty_long_and_control_names_are_refused() {
        for bad in ["", "   ", "tab\tinside", &"x".repeat(MAX_NAME_CHARS + 1)] {
            assert!(
                matches!(bundle_name(bad), Err(Error::Invalid { field: "name", .. })),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn a_name_of_exactly_the_limit_is_accepted() {
        let name = "ö".repeat(MAX_NAME_CHARS);
        assert_eq!(bundle_name(&name).expect("valid"), name);
    }
}
