//! A bundle's cover picture: chosen from a file, taken off, read back for the window. Choosing
//! and taking off are ordinary undoable edits of the bundle's details (through the gate for a
//! kept bundle); the picture itself is stored once, by id.

use std::path::Path;

use super::Strand;
use crate::cover::{self, Cover, MAX_COVER_FILE_BYTES};
use crate::error::{Error, Result};
use crate::history::Change;
use crate::ids::{BundleId, CoverId};
use crate::import;
use crate::model::{Bundle, BundleDetails};
use crate::store;

impl Strand {
    /// Makes the picture in the file at `path` the bundle's cover: read (at most
    /// [`MAX_COVER_FILE_BYTES`]), checked and scaled by [`cover::prepare`], stored, then set.
    /// A picture that is refused changes nothing.
    pub fn set_bundle_cover(&self, id: BundleId, path: &Path) -> Result<Bundle> {
        let bytes = import::read_bounded(path, MAX_COVER_FILE_BYTES, "cover picture")?;
        // Asked before the picture is stored, so a refused edit stores nothing the person could
        // not see. (A picture stored for an edit that then fails is swept at the next quit.)
        if !self.drafts().contains_key(&id) {
            self.require_editable_kept(id)?;
        }
        let cover_id = self.store_cover(&bytes)?;
        self.show_cover(id, Some(cover_id))
    }

    /// Stores the picture a playlist file carries as a `data:` URI, judged like a chosen one.
    pub(super) fn store_carried_cover(&self, uri: &str) -> Result<CoverId> {
        let bytes = cover::data_uri_bytes(uri).ok_or_else(|| {
            Error::invalid(
                "cover",
                say!(
                    "the file's cover is not a base64 picture",
                    "das Titelbild der Datei ist kein base64-Bild"
                ),
            )
        })?;
        self.store_cover(&bytes)
    }

    /// The picture `bytes` judged, remade by [`cover::prepare`] and stored.
    fn store_cover(&self, bytes: &[u8]) -> Result<CoverId> {
        let cover = cover::prepare(bytes)?;
        self.store.write(|tx| store::insert_cover(tx, &cover))
    }

    /// Takes the bundle's cover picture off (its first items' colours show again). Undoable.
    pub fn remove_bundle_cover(&self, id: BundleId) -> Result<Bundle> {
        self.show_cover(id, None)
    }

    /// The stored cover picture `id`.
    pub fn cover(&self, id: CoverId) -> Result<Cover> {
        self.store
            .read(|connection| store::cover(connection, id))?
            .ok_or_else(|| Error::not_found("cover", id))
    }

    fn show_cover(&self, id: BundleId, cover_image: Option<CoverId>) -> Result<Bundle> {
        self.edit(id, |bundle| {
            let from = bundle.details()?;
            let to = BundleDetails {
                cover_image,
                ..from.clone()
            };
            Ok(Change::Detailed { from, to })
        })
    }
}
