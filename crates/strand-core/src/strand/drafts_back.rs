//! Drafts a crash left behind (see `journal.rs`): offered back once the library is open, each
//! still a draft — lost on a normal quit unless kept, as every draft is.

use std::collections::HashSet;

use super::{Strand, lock};
use crate::error::Result;
use crate::ids::ItemId;
use crate::journal::MAX_TIMES_BACK;
use crate::model::DraftBack;
use crate::store;

impl Strand {
    /// The drafts the last session left unkept when it ended abnormally, oldest first; none
    /// after a normal quit, or once answered.
    pub fn drafts_left_behind(&self) -> Vec<DraftBack> {
        lock(&self.left_behind)
            .iter()
            .map(|draft| DraftBack {
                id: draft.id,
                name: draft.name.clone(),
                entry_count: draft.entries.len() as u32,
                created_at: draft.created_at,
                last_time: draft.times_back >= MAX_TIMES_BACK,
            })
            .collect()
    }

    /// Brings back every draft the last session left behind, as drafts of this one; returns
    /// how many. Entries whose items the library no longer holds (a restore point put in place
    /// since) are left out, and the folder too if it went.
    pub fn bring_back_drafts(&self) -> Result<u32> {
        let mut left = lock(&self.left_behind);
        let items: Vec<ItemId> = left
            .iter()
            .flat_map(|draft| draft.entries.iter().map(|entry| entry.item_id))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let (known, folders) = self.store.read(|connection| {
            let known = store::item_rows(connection, &items)?;
            let folders: HashSet<_> = store::folders(connection)?
                .into_iter()
                .map(|folder| folder.id)
                .collect();
            Ok((known, folders))
        })?;
        let mut drafts = self.drafts();
        let count = left.len() as u32;
        for mut draft in left.drain(..) {
            draft.keep_only(|item| known.contains_key(&item));
            draft.folder = draft.folder.filter(|folder| folders.contains(folder));
            self.journal.started(&draft);
            drafts.insert(draft.id, draft);
        }
        Ok(count)
    }

    /// Lets go of the drafts the last session left behind; returns how many.
    pub fn let_drafts_go(&self) -> u32 {
        let mut left = lock(&self.left_behind);
        for draft in left.iter() {
            self.journal.gone(draft.id);
        }
        let count = left.len() as u32;
        left.clear();
        count
    }

    /// Ends the session normally: the journal is emptied, so drafts not kept are gone, as a
    /// person who quits without keeping was told. (An abnormal end never gets here.)
    pub fn end_session(&self) {
        self.journal.clear();
        // The drafts' covers went with them. A sweep that fails (a damaged, read-only library)
        // must not hold up the quit; the next normal quit sweeps them.
        let _ = self.store.write(|tx| store::sweep_covers(tx).map(drop));
    }
}
