//! A music app's whole library brought in at once (see [`crate::formats::Collection`]): its
//! tracks join the library and its folders the folders in one transaction — all of it, or, if
//! anything fails or the person cancels, nothing — and then each of its playlists becomes a
//! draft in its order, filed in its folder.

use std::path::Path;

use super::{Strand, draft_head};
use crate::drafts::Draft;
use crate::error::Result;
use crate::formats::{self, MAX_COLLECTION_BYTES};
use crate::funnel::FunnelStep;
use crate::ids::FolderId;
use crate::import::{self, CollectionImport, ImportWatch, Importer};
use crate::model::Folder;
use crate::store;
use crate::store::backups::RestoreReason;
use crate::validate;

impl Strand {
    /// Imports an iTunes / Apple Music library file or a Spotify account-data export: tracks
    /// become items (matched to the library's as every import matches), playlists drafts and
    /// playlist folders folders (one already named so is used again). The app's built-in lists
    /// are left out and counted.
    pub fn import_collection(
        &self,
        path: &Path,
        watch: &dyn ImportWatch,
    ) -> Result<CollectionImport> {
        let bytes = import::read_bounded(path, MAX_COLLECTION_BYTES, "music library")?;
        let collection = formats::parse_collection(&bytes)?;
        self.restore_point(RestoreReason::Import)?;
        let now = self.clock.now();
        let skipped = collection.tracks.skipped.clone();
        let (item_ids, summary, folder_ids) = self.store.write(|tx| {
            let mut importer = Importer::new(tx, now)?;
            let ids = importer.take_all(&collection.tracks.entries, skipped, watch)?;
            let summary = importer.finish()?;
            let known = store::folders(tx)?;
            let mut folder_ids: Vec<FolderId> = Vec::with_capacity(collection.folders.len());
            for name in &collection.folders {
                let name = folder_name(name);
                let id = match known.iter().find(|folder| folder.name == name) {
                    Some(folder) => folder.id,
                    None => {
                        let folder = Folder {
                            id: FolderId::new(),
                            name,
                        };
                        store::insert_folder(tx, &folder, now)?;
                        folder.id
                    }
                };
                folder_ids.push(id);
            }
            Ok((ids, summary, folder_ids))
        })?;

        let mut drafts = Vec::with_capacity(collection.playlists.len());
        for playlist in &collection.playlists {
            let name =
                validate::bundle_name(&playlist.name).unwrap_or_else(|_| super::unnamed_playlist());
            let mut draft = Draft::new(name, now);
            draft.folder = playlist.folder.map(|index| folder_ids[index]);
            for &track in &playlist.tracks {
                draft.append(item_ids[track], now)?;
            }
            drafts.push(draft);
        }
        let first = drafts.first().map(draft_head);
        let made = drafts.len() as u32;
        if made > 0 {
            self.record_alone(FunnelStep::DraftStarted)?;
        }
        let mut held = self.drafts();
        for draft in drafts {
            self.journal.started(&draft);
            held.insert(draft.id, draft);
        }
        Ok(CollectionImport {
            summary,
            drafts: made,
            folders: folder_ids.len() as u32,
            built_in: collection.built_in,
            missing: collection
                .playlists
                .iter()
                .map(|playlist| playlist.missing)
                .sum(),
            first,
        })
    }
}

/// A folder's full name as Strand may hold it: if "Parent / Child" is too long, its own name.
fn folder_name(full: &str) -> String {
    validate::folder_name(full)
        .or_else(|_| validate::folder_name(full.rsplit(" / ").next().unwrap_or(full)))
        .unwrap_or_else(|_| "Imported folder".to_owned())
}
