//! The UI's IPC types are generated from Rust by ts-rs and committed under ui/src/lib/bindings.
//! This test fails when they are stale; `STRAND_UPDATE_BINDINGS=1 cargo test --test tests
//! bindings` regenerates them.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use strand_app::error::IpcError;
use strand_app::menu::MenuAction;
use strand_app::transfer::ImportProgress;
use strand_core::{
    BulkAdd, Bundle, BundleSummary, BundleTotals, CollectionImport, DraftBack, EntryPage,
    ExportFormat, Folder, FunnelCount, ImportSummary, Item, ItemDetails, ItemPage, ItemUses,
    ItemsGone, LibraryHealth, PlanRow, PlaylistImport, RestorePoint, SampleRemoval, SearchResults,
    SessionInfo, SortField,
};
use ts_rs::{Config, TS};

fn export_all(out_dir: &Path) {
    let config = Config::new().with_out_dir(out_dir);
    Bundle::export_all(&config).expect("export Bundle");
    EntryPage::export_all(&config).expect("export EntryPage");
    BulkAdd::export_all(&config).expect("export BulkAdd");
    Folder::export_all(&config).expect("export Folder");
    BundleSummary::export_all(&config).expect("export BundleSummary");
    ItemPage::export_all(&config).expect("export ItemPage");
    SessionInfo::export_all(&config).expect("export SessionInfo");
    IpcError::export_all(&config).expect("export IpcError");
    PlanRow::export_all(&config).expect("export PlanRow");
    SearchResults::export_all(&config).expect("export SearchResults");
    SortField::export_all(&config).expect("export SortField");
    FunnelCount::export_all(&config).expect("export FunnelCount");
    ExportFormat::export_all(&config).expect("export ExportFormat");
    ImportSummary::export_all(&config).expect("export ImportSummary");
    PlaylistImport::export_all(&config).expect("export PlaylistImport");
    CollectionImport::export_all(&config).expect("export CollectionImport");
    ImportProgress::export_all(&config).expect("export ImportProgress");
    RestorePoint::export_all(&config).expect("export RestorePoint");
    LibraryHealth::export_all(&config).expect("export LibraryHealth");
    SampleRemoval::export_all(&config).expect("export SampleRemoval");
    DraftBack::export_all(&config).expect("export DraftBack");
    Item::export_all(&config).expect("export Item");
    ItemDetails::export_all(&config).expect("export ItemDetails");
    ItemUses::export_all(&config).expect("export ItemUses");
    ItemsGone::export_all(&config).expect("export ItemsGone");
    BundleTotals::export_all(&config).expect("export BundleTotals");
    MenuAction::export_all(&config).expect("export MenuAction");
}

fn files_in(dir: &Path) -> BTreeMap<String, String> {
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|entry| entry.expect("dir entry").path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "ts"))
                .map(|path| {
                    let name = path
                        .file_name()
                        .expect("name")
                        .to_string_lossy()
                        .into_owned();
                    (name, fs::read_to_string(&path).expect("read binding"))
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_committed_typescript_bindings_match_the_rust_types() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings");
    if std::env::var_os("STRAND_UPDATE_BINDINGS").is_some() {
        let _ = fs::remove_dir_all(&committed);
        export_all(&committed);
    }
    let fresh = tempfile::tempdir().expect("temp dir");
    export_all(fresh.path());
    assert_eq!(
        files_in(&committed),
        files_in(fresh.path()),
        "ui/src/lib/bindings is stale: run STRAND_UPDATE_BINDINGS=1 cargo test --test tests bindings"
    );
}
