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
        "cover",
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
        fuzzing::check_cover(&bytes);
    }
}

/// A picture of each format a cover may be, cut short at many places and with bytes flipped:
/// damaged pictures are refused, never a panic.
#[test]
fn a_damaged_picture_of_every_cover_format_is_refused_without_a_panic() {
    use image::{DynamicImage, ImageFormat, Rgba, RgbaImage};
    let picture = DynamicImage::ImageRgba8(RgbaImage::from_fn(48, 32, |x, y| {
        Rgba([x as u8 * 5, y as u8 * 7, 90, if x == y { 0 } else { 255 }])
    }));
    for format in [ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::WebP] {
        let mut bytes = Vec::new();
        let encodable = if format == ImageFormat::Jpeg {
            DynamicImage::ImageRgb8(picture.to_rgb8())
        } else {
            picture.clone()
        };
        encodable
            .write_to(&mut std::io::Cursor::new(&mut bytes), format)
            .expect("encode");
        fuzzing::check_cover(&bytes);
        for cut in (0..bytes.len()).step_by(7) {
            fuzzing::check_cover(&bytes[..cut]);
        }
        for flipped in (0..bytes.len()).step_by(11) {
            let mut damaged = bytes.clone();
            damaged[flipped] ^= 0xa5;
            fuzzing::check_cover(&damaged);
        }
    }
}
