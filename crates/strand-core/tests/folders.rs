//! Folders group bundles: drafts and kept bundles alike, across a restart; filing is undoable;
//! deleting a folder keeps its bundles.

use strand_core::{Error, FolderId, Tier};

use crate::support::Library;

fn folder_of(library: &Library, name: &str) -> Option<FolderId> {
    library
        .strand
        .bundles()
        .expect("bundles")
        .into_iter()
        .find(|summary| summary.name == name)
        .expect("listed")
        .folder
}

#[test]
fn bundles_are_filed_in_folders_that_last_and_filing_can_be_undone() {
    let library = Library::premium();
    let trips = library.strand.create_folder("  Trips ").expect("create");
    assert_eq!(trips.name, "Trips");
    let work = library.strand.create_folder("Work").expect("create");
    let draft = library.draft("Road", 2);
    let kept = library.bundle("Office", 1, true);

    let filed = library
        .strand
        .move_to_folder(draft.id, Some(trips.id))
        .expect("file draft");
    assert_eq!(filed.folder, Some(trips.id));
    library
        .strand
        .move_to_folder(kept.id, Some(work.id))
        .expect("file kept");
    library
        .strand
        .move_to_folder(kept.id, Some(trips.id))
        .expect("refile");
    library.strand.undo(kept.id).expect("undo the refiling");
    assert_eq!(folder_of(&library, "Office"), Some(work.id));

    // The draft keeps its folder when kept; both survive a restart.
    library.strand.keep(draft.id).expect("keep");
    let library = library.restart();
    assert_eq!(folder_of(&library, "Road"), Some(trips.id));
    assert_eq!(folder_of(&library, "Office"), Some(work.id));
    let names: Vec<String> = library
        .strand
        .folders()
        .expect("folders")
        .into_iter()
        .map(|folder| folder.name)
        .collect();
    assert_eq!(names, ["Trips", "Work"]);
}

#[test]
fn deleting_a_folder_keeps_its_bundles_in_no_folder() {
    let library = Library::premium();
    let folder = library.strand.create_folder("Gone soon").expect("create");
    let draft = library.draft("Draft", 1);
    let kept = library.bundle("Kept", 1, true);
    for id in [draft.id, kept.id] {
        library
            .strand
            .move_to_folder(id, Some(folder.id))
            .expect("file");
    }
    library.strand.delete_folder(folder.id).expect("delete");
    assert_eq!(folder_of(&library, "Draft"), None);
    assert_eq!(folder_of(&library, "Kept"), None);
    assert_eq!(library.strand.bundles().expect("bundles").len(), 2);
    // Redoing is not possible after a new edit, but an undo to the deleted folder is refused
    // cleanly for a kept bundle, and a draft pointing at it is kept in no folder.
    assert!(matches!(
        library
            .strand
            .undo(kept.id)
            .and_then(|_| library.strand.redo(kept.id)),
        Err(Error::NotFound { what: "folder", .. })
    ));
    library.strand.undo(draft.id).expect("undo");
    library
        .strand
        .redo(draft.id)
        .expect("redo to the deleted folder");
    library.strand.keep(draft.id).expect("keep");
    assert_eq!(folder_of(&library, "Draft"), None);
}

#[test]
fn folder_names_are_checked_and_unknown_folders_are_not_found() {
    let library = Library::premium();
    for name in ["", "   ", &"f".repeat(201)] {
        assert!(matches!(
            library.strand.create_folder(name),
            Err(Error::Invalid { field: "name", .. })
        ));
    }
    let draft = library.draft("Mine", 1);
    assert!(matches!(
        library
            .strand
            .move_to_folder(draft.id, Some(FolderId::new())),
        Err(Error::NotFound { what: "folder", .. })
    ));
    assert!(matches!(
        library.strand.delete_folder(FolderId::new()),
        Err(Error::NotFound { what: "folder", .. })
    ));
    assert!(library.strand.folders().expect("folders").is_empty());
}

#[test]
fn filing_a_kept_bundle_is_an_edit_the_gate_decides_but_folders_are_free() {
    let library = Library::premium();
    let kept = library.bundle("Kept", 1, true);
    library
        .strand
        .set_demo_tier(Some(Tier::Free))
        .expect("free");
    let folder = library
        .strand
        .create_folder("Free to make")
        .expect("create");
    assert!(matches!(
        library.strand.move_to_folder(kept.id, Some(folder.id)),
        Err(Error::PremiumRequired { .. })
    ));
    assert_eq!(folder_of(&library, "Kept"), None);
}
