//! Bundle covers: chosen from a file, checked and scaled by the core, undone like any edit,
//! kept, swept when nothing can show them again, and carried by Strand JSON, XSPF and JSPF.

use std::io::Cursor;
use std::path::PathBuf;

use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use strand_core::cover::{COVER_SIDE, MAX_COVER_FILE_BYTES};
use strand_core::{Error, ExportFormat, Policy, Tier, Unwatched};

use crate::support::Library;

/// A photo-like picture of `width` × `height` written as `format` into the library's folder.
fn picture_file(library: &Library, name: &str, width: u32, height: u32) -> PathBuf {
    let picture = DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, y| {
        Rgb([(x % 251) as u8, (y % 241) as u8, 120])
    }));
    let format = ImageFormat::from_path(name).expect("a picture's extension");
    let mut bytes = Vec::new();
    picture
        .write_to(&mut Cursor::new(&mut bytes), format)
        .expect("encode");
    let path = library.dir.path().join(name);
    std::fs::write(&path, bytes).expect("write the picture");
    path
}

/// A restart forgets the demo's tier switch; the premium library is switched again.
fn premium_again(library: &Library) {
    library
        .strand
        .set_demo_tier(Some(Tier::Premium))
        .expect("demo tier");
}

#[test]
fn a_picture_chosen_for_a_draft_becomes_its_scaled_cover_and_undo_takes_it_off() {
    let library = Library::new(true);
    let draft = library.draft("Night drive", 3);
    let path = picture_file(&library, "dusk.png", 1500, 1000);
    let bundle = library
        .strand
        .set_bundle_cover(draft.id, &path)
        .expect("cover");
    let cover_id = bundle.details.cover_image.expect("a cover is set");
    let cover = library.strand.cover(cover_id).expect("stored");
    assert_eq!((cover.width, cover.height), (COVER_SIDE, 400));
    let listed = library.strand.bundles().expect("bundles");
    assert_eq!(listed[0].cover_image, Some(cover_id));

    let undone = library.strand.undo(draft.id).expect("undo");
    assert_eq!(undone.details.cover_image, None);
    let redone = library.strand.redo(draft.id).expect("redo");
    assert_eq!(redone.details.cover_image, Some(cover_id));
}

#[test]
fn changing_the_description_keeps_the_cover() {
    let library = Library::new(true);
    let draft = library.draft("Kitchen", 1);
    let path = picture_file(&library, "pan.jpg", 40, 40);
    let with_cover = library
        .strand
        .set_bundle_cover(draft.id, &path)
        .expect("cover");
    let described = library
        .strand
        .set_bundle_details(draft.id, "Cooking songs", Some("#e4572e"))
        .expect("details");
    assert_eq!(
        described.details.cover_image,
        with_cover.details.cover_image
    );
    assert_eq!(described.details.description, "Cooking songs");
}

#[test]
fn a_kept_bundle_keeps_its_cover_across_a_restart_and_can_take_it_off() {
    let library = Library::premium();
    let draft = library.draft("Long road", 2);
    let path = picture_file(&library, "road.webp", 300, 300);
    library
        .strand
        .set_bundle_cover(draft.id, &path)
        .expect("cover");
    let kept = library.strand.keep(draft.id).expect("keep");
    let cover_id = kept.details.cover_image.expect("kept with its cover");

    let library = library.quit_and_restart();
    premium_again(&library);
    let reopened = library.strand.bundle(kept.id).expect("bundle");
    assert_eq!(reopened.details.cover_image, Some(cover_id));
    assert_eq!(library.strand.cover(cover_id).expect("cover").width, 300);
    let bare = library.strand.remove_bundle_cover(kept.id).expect("remove");
    assert_eq!(bare.details.cover_image, None);
}

#[test]
fn a_file_that_is_no_picture_is_refused_and_changes_nothing() {
    let library = Library::new(true);
    let draft = library.draft("Mixed", 1);
    let path = library.dir.path().join("list.png");
    std::fs::write(&path, "#EXTM3U\nsong.mp3\n").expect("write");
    let error = library
        .strand
        .set_bundle_cover(draft.id, &path)
        .expect_err("not a picture");
    assert!(
        matches!(error, Error::Invalid { field: "cover", .. }),
        "{error}"
    );
    assert_eq!(
        library
            .strand
            .bundle(draft.id)
            .expect("bundle")
            .details
            .cover_image,
        None
    );
    assert_eq!(library.count("covers"), 0);
}

#[test]
fn a_file_larger_than_the_limit_is_refused_without_being_read() {
    let library = Library::new(true);
    let draft = library.draft("Huge", 1);
    let path = library.dir.path().join("huge.jpg");
    let file = std::fs::File::create(&path).expect("create");
    // Sparse: the size is claimed, not written, so the refusal must come from the size alone.
    file.set_len(MAX_COVER_FILE_BYTES + 1).expect("grow");
    let error = library
        .strand
        .set_bundle_cover(draft.id, &path)
        .expect_err("too big");
    assert!(error.to_string().contains("larger than 20 MiB"), "{error}");
    assert_eq!(library.count("covers"), 0);
}

#[test]
fn a_cover_on_a_kept_bundle_is_an_edit_the_gate_decides_and_a_refusal_stores_nothing() {
    let library = Library::premium();
    let kept = library.bundle("Mine", 1, true);
    library
        .strand
        .set_demo_policy(Policy::EditIsPremium)
        .expect("policy");
    library
        .strand
        .set_demo_tier(Some(Tier::Free))
        .expect("free");
    let path = picture_file(&library, "sky.png", 50, 50);
    let refused = library.strand.set_bundle_cover(kept.id, &path);
    assert!(
        matches!(refused, Err(Error::PremiumRequired { .. })),
        "{refused:?}"
    );
    assert_eq!(library.count("covers"), 0);
}

#[test]
fn a_normal_quit_sweeps_covers_nothing_names_and_keeps_those_an_undo_brings_back() {
    let library = Library::premium();
    let kept = library.bundle("Kept", 1, true);
    let first = picture_file(&library, "first.png", 20, 20);
    let second = picture_file(&library, "second.jpg", 30, 30);
    let old = library
        .strand
        .set_bundle_cover(kept.id, &first)
        .expect("first");
    library
        .strand
        .set_bundle_cover(kept.id, &second)
        .expect("second");
    let draft = library.draft("Lost at quit", 1);
    library
        .strand
        .set_bundle_cover(draft.id, &first)
        .expect("draft's");
    assert_eq!(library.count("covers"), 3);

    let library = library.quit_and_restart();
    assert_eq!(
        library.count("covers"),
        2,
        "the lost draft's cover is swept"
    );
    premium_again(&library);
    let undone = library.strand.undo(kept.id).expect("undo");
    assert_eq!(undone.details.cover_image, old.details.cover_image);
    let cover = library
        .strand
        .cover(undone.details.cover_image.expect("the first cover"))
        .expect("still stored");
    assert_eq!(cover.width, 20);
}

#[test]
fn a_crash_keeps_a_drafts_cover_for_the_draft_brought_back() {
    let library = Library::new(true);
    let draft = library.draft("Unsaved", 2);
    let path = picture_file(&library, "unsaved.png", 25, 25);
    let cover_id = library
        .strand
        .set_bundle_cover(draft.id, &path)
        .expect("cover")
        .details
        .cover_image
        .expect("set");
    let library = library.restart();
    let back = library.strand.drafts_left_behind();
    assert_eq!(back.len(), 1);
    library.strand.bring_back_drafts().expect("brought back");
    let summary = library.strand.bundles().expect("bundles");
    assert_eq!(summary[0].cover_image, Some(cover_id));
    assert!(library.strand.cover(cover_id).is_ok());
}

#[test]
fn a_cover_travels_in_strand_json_xspf_and_jspf_and_comes_back_on_import() {
    let library = Library::new(true);
    let draft = library.draft("Shared", 2);
    let path = picture_file(&library, "shared.png", 64, 48);
    library
        .strand
        .set_bundle_cover(draft.id, &path)
        .expect("cover");
    let export = library.strand.prepare_export(draft.id).expect("export");
    for (format, name) in [
        (ExportFormat::StrandJson, "shared.json"),
        (ExportFormat::Xspf, "shared.xspf"),
        (ExportFormat::Jspf, "shared.jspf"),
    ] {
        let text = export.text(format, None).expect("text");
        assert!(text.contains("data:image/jpeg;base64,"), "{format:?}");
        let file = library.dir.path().join(name);
        std::fs::write(&file, text).expect("write");
        let import = library
            .strand
            .import_playlist(&file, &Unwatched)
            .expect("import");
        assert_eq!(import.cover_left_out, None, "{format:?}");
        let cover = library
            .strand
            .cover(import.bundle.details.cover_image.expect("cover came back"))
            .expect("stored");
        assert_eq!((cover.width, cover.height), (64, 48), "{format:?}");
    }
    let json = export.text(ExportFormat::StrandJson, None).expect("json");
    assert!(
        json.contains("\"version\": 2"),
        "a file with a cover is version 2"
    );
}

#[test]
fn a_damaged_cover_in_a_file_leaves_the_cover_out_and_says_why() {
    let library = Library::new(true);
    let draft = library.draft("Plain", 2);
    let json = library
        .strand
        .prepare_export(draft.id)
        .expect("export")
        .text(ExportFormat::StrandJson, None)
        .expect("json")
        .replacen(
            "\"name\": \"Plain\",",
            "\"name\": \"Plain\", \"cover\": \"data:image/png;base64,iVBORw0KGgo=\",",
            1,
        )
        .replacen("\"version\": 1", "\"version\": 2", 1);
    let file = library.dir.path().join("plain.json");
    std::fs::write(&file, json).expect("write");
    let import = library
        .strand
        .import_playlist(&file, &Unwatched)
        .expect("import");
    assert_eq!(import.bundle.entry_count, 2, "the entries came in");
    assert_eq!(import.bundle.details.cover_image, None);
    let why = import.cover_left_out.expect("a reason");
    assert!(why.contains("damaged or incomplete"), "{why}");
}
