//! The fuzz targets' checks, on stable, over the seed corpus and every file the fuzzer found
//! interesting and that was checked in: a crash once found stays fixed.

use std::path::Path;

use strand_core::PlaylistFormat;
use strand_core::formats::fuzzing;

fn files_in(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| entries.map(|entry| entry.expect("entry").path()).collect())
        .unwrap_or_default()
}

#[test]
fn every_parser_survives_every_corpus_file_in_every_format() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = files_in(&root.join("tests/data/import"));
    for target in [
        "m3u",
        "pls",
        "xspf",
        "jspf",
        "wpl",
        "asx",
        "csv",
        "strand_json",
        "collection",
    ] {
        files.extend(files_in(&root.join("fuzz/corpus").join(target)));
    }
    assert!(files.len() >= 17, "the corpus is missing: {files:?}");
    for file in files {
        let bytes = std::fs::read(&file).expect("corpus file");
        for format in [
            PlaylistFormat::M3u,
            PlaylistFormat::Pls,
            PlaylistFormat::Xspf,
            PlaylistFormat::Jspf,
            PlaylistFormat::Wpl,
            PlaylistFormat::Asx,
            PlaylistFormat::Csv,
            PlaylistFormat::StrandJson,
        ] {
            fuzzing::check_playlist(format, &bytes);
        }
        fuzzing::check_collection(&bytes);
    }
}
