//! On a German desktop the core's own words are German: what it refuses and why an imported
//! line was skipped (the shell sets the language once; here each test sets it for its thread).

use strand_core::language::{Language, with_language};
use strand_core::{Error, Policy, Unwatched};

use crate::support::Library;

#[test]
fn a_refusal_is_said_in_german_and_the_same_refusal_in_english_stays_english() {
    let library = Library::new(true);
    let german = with_language(Language::German, || {
        library.strand.create_bundle("   ").expect_err("blank")
    });
    assert!(matches!(german, Error::Invalid { field: "name", .. }));
    assert!(
        german
            .to_string()
            .contains("Ein Bündel braucht einen Namen"),
        "{german}"
    );
    let english = library.strand.create_bundle("   ").expect_err("blank");
    assert!(
        english.to_string().contains("a bundle needs a name"),
        "{english}"
    );
}

#[test]
fn the_premium_gate_refuses_in_german() {
    let library = Library::new(true);
    library
        .strand
        .set_demo_policy(Policy::KeepIsPremium)
        .expect("policy");
    let draft = library.draft("Entwurf", 1);
    // Said when it is shown, as the shell shows it: in the language of the moment.
    let refused = with_language(Language::German, || {
        let error = library.strand.keep(draft.id).expect_err("premium");
        assert!(matches!(error, Error::PremiumRequired { .. }));
        error.to_string()
    });
    assert_eq!(refused, "Ein Bündel behalten braucht Strand Premium");
}

#[test]
fn the_reasons_an_imported_line_was_skipped_are_german() {
    let library = Library::new(true);
    let path = library.dir.path().join("halb.pls");
    std::fs::write(
        &path,
        "[playlist]\nFile1=/musik/a.mp3\nTitle1=A\nTitle2=B\nNumberOfEntries=2\n",
    )
    .expect("write");
    let import = with_language(Language::German, || {
        library.strand.import_playlist(&path, &Unwatched)
    })
    .expect("import");
    let reasons: Vec<&str> = import
        .summary
        .skipped_lines
        .iter()
        .map(|line| line.reason.as_str())
        .collect();
    assert_eq!(
        reasons,
        ["Eintrag 2 hat einen Titel oder eine Länge, aber kein File2"]
    );
}

#[test]
fn a_file_that_is_no_playlist_is_refused_in_german_naming_what_strand_reads() {
    let library = Library::new(true);
    let path = library.dir.path().join("bild.png");
    std::fs::write(&path, [0x89, b'P', b'N', b'G', 0, 1, 2, 3]).expect("write");
    let refused = with_language(Language::German, || {
        library.strand.import_playlist(&path, &Unwatched)
    })
    .expect_err("no playlist");
    let said = refused.to_string();
    assert!(
        said.contains("das ist keine Wiedergabeliste, die Strand liest"),
        "{said}"
    );
}
