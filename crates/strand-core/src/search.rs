//! Library search: what a person types becomes an FTS5 query of quoted prefix terms, so typing
//! `"`, `*`, `NEAR(` or `AND` searches for those words instead of injecting query syntax, and a
//! pasted novel is cut to its first few words instead of erroring.

/// At most this many characters of a search are read.
pub const MAX_QUERY_CHARS: usize = 200;

/// At most this many words are matched (all of them must match).
pub const MAX_TERMS: usize = 8;

/// Text as the search index holds it: `ß` as `ss`, which FTS5's diacritic folding does not do
/// (ß is a letter of its own, not an s with a mark), so "strasse" finds "Straße" and "Straße"
/// still finds itself. The index's update trigger folds the same way (`0006_fold_eszett.sql`).
pub fn fold(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['ß', 'ẞ']) {
        text.replace('ß', "ss").replace('ẞ', "SS").into()
    } else {
        text.into()
    }
}

/// The FTS5 match expression for `text`: every word as a quoted prefix term, all required.
/// `None` when `text` has no word to search for.
pub fn match_expression(text: &str) -> Option<String> {
    let terms: Vec<String> = words(text)
        .iter()
        .map(|word| format!("\"{word}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The FTS5 expression that keeps items tagged `tag`: its words as one phrase in the tags column
/// (whole words, in order), so "hip hop" finds items tagged "hip hop", not "hip-hop-ish".
/// `None` when `tag` has no word.
pub fn tag_expression(tag: &str) -> Option<String> {
    let words = words(tag);
    (!words.is_empty()).then(|| format!("tags : \"{}\"", words.join(" ")))
}

/// `text`'s words as the index holds them: runs of letters and digits, as FTS5's unicode61
/// tokenizer sees them, ß folded, at most [`MAX_TERMS`] of the first [`MAX_QUERY_CHARS`]
/// characters. Everything else separates words, so no quote or operator ever reaches a query.
fn words(text: &str) -> Vec<String> {
    let bounded: String = text.chars().take(MAX_QUERY_CHARS).collect();
    fold(&bounded)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(MAX_TERMS)
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_quoted_prefix_terms() {
        assert_eq!(
            match_expression("Mot crü").as_deref(),
            Some("\"Mot\"* \"crü\"*")
        );
    }

    #[test]
    fn query_syntax_typed_as_text_is_only_text() {
        assert_eq!(
            match_expression("\"a\" OR b*").as_deref(),
            Some("\"a\"* \"OR\"* \"b\"*")
        );
        assert_eq!(
            match_expression("NEAR(x y)").as_deref(),
            Some("\"NEAR\"* \"x\"* \"y\"*")
        );
        assert_eq!(match_expression("\" * ( ) : ^ -"), None);
    }

    #[test]
    fn a_tag_is_a_whole_phrase_in_the_tags_column_whatever_is_typed() {
        assert_eq!(
            tag_expression("Hip-Hop").as_deref(),
            Some("tags : \"Hip Hop\"")
        );
        assert_eq!(
            tag_expression("\" OR x*").as_deref(),
            Some("tags : \"OR x\"")
        );
        assert_eq!(tag_expression(" - "), None);
    }

    #[test]
    fn eszett_is_searched_as_ss() {
        assert_eq!(match_expression("Straß").as_deref(), Some("\"Strass\"*"));
        assert_eq!(fold("GROẞE Straße"), "GROSSE Strasse");
        assert!(matches!(fold("plain"), std::borrow::Cow::Borrowed("plain")));
    }

    #[test]
    fn a_ten_thousand_character_search_is_cut_to_a_few_words() {
        let long = "word ".repeat(2000);
        let expression = match_expression(&long).expect("words");
        assert_eq!(expression.matches("\"word\"*").count(), MAX_TERMS);
    }
}
