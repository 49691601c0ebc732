//! Folders, which only group bundles: free on every tier.

use super::Strand;
use crate::error::Result;
use crate::ids::FolderId;
use crate::model::Folder;
use crate::store;
use crate::validate;

impl Strand {
    /// Every folder, by name. Folders only group bundles, so they are free on every tier.
    pub fn folders(&self) -> Result<Vec<Folder>> {
        self.store.read(store::folders)
    }

    /// Makes a new, empty folder.
    pub fn create_folder(&self, name: &str) -> Result<Folder> {
        let folder = Folder {
            id: FolderId::new(),
            name: validate::folder_name(name)?,
        };
        self.store
            .write(|tx| store::insert_folder(tx, &folder, self.clock.now()))?;
        Ok(folder)
    }

    /// Renames a folder.
    pub fn rename_folder(&self, id: FolderId, name: &str) -> Result<Folder> {
        let name = validate::folder_name(name)?;
        self.store.write(|tx| store::rename_folder(tx, id, &name))?;
        Ok(Folder { id, name })
    }

    /// Deletes a folder; its bundles stay, in no folder.
    pub fn delete_folder(&self, id: FolderId) -> Result<()> {
        self.store.write(|tx| store::delete_folder(tx, id))?;
        for draft in self.drafts().values_mut() {
            if draft.folder == Some(id) {
                draft.folder = None;
            }
        }
        Ok(())
    }
}
