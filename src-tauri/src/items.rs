//! The commands for a person's own items: made, pasted, edited, opened, deleted and merged.
//! Like every library command they run on Tauri's workers; the core checks every field.

use strand_core::{Item, ItemDetails, ItemId, ItemUses, ItemsGone, Opening, Strand};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::error::{IpcError, IpcResult};

#[tauri::command(async)]
pub fn create_item(strand: State<'_, Strand>, details: ItemDetails) -> IpcResult<Item> {
    Ok(strand.create_item(details)?)
}

/// A pasted or dropped address: an audio file becomes a song, anything else a link.
#[tauri::command(async)]
pub fn create_item_from_address(strand: State<'_, Strand>, address: String) -> IpcResult<Item> {
    Ok(strand.create_item_from_address(&address)?)
}

#[tauri::command(async)]
pub fn update_item(
    strand: State<'_, Strand>,
    item_id: ItemId,
    details: ItemDetails,
) -> IpcResult<Item> {
    Ok(strand.update_item(item_id, details)?)
}

/// What deleting these items would change, for the confirmation.
#[tauri::command(async)]
pub fn item_uses(strand: State<'_, Strand>, item_ids: Vec<ItemId>) -> IpcResult<ItemUses> {
    Ok(strand.item_uses(&item_ids)?)
}

#[tauri::command(async)]
pub fn delete_items(strand: State<'_, Strand>, item_ids: Vec<ItemId>) -> IpcResult<ItemsGone> {
    Ok(strand.delete_items(&item_ids)?)
}

#[tauri::command(async)]
pub fn merge_items(
    strand: State<'_, Strand>,
    survivor: ItemId,
    others: Vec<ItemId>,
) -> IpcResult<ItemsGone> {
    Ok(strand.merge_items(survivor, &others)?)
}

#[tauri::command(async)]
pub fn undo_item_removal(strand: State<'_, Strand>) -> IpcResult<ItemsGone> {
    Ok(strand.undo_item_removal()?)
}

/// Opens the item's own file or address in the desktop's default app. The page names only the
/// item: what is opened comes from the library, so the opener needs no scope the page could
/// widen, and the page holds no opener permission at all.
#[tauri::command(async)]
pub fn open_item<R: Runtime>(
    app: AppHandle<R>,
    strand: State<'_, Strand>,
    item_id: ItemId,
) -> IpcResult<()> {
    let opener = app.opener();
    let opened = match strand.opening(item_id)? {
        Opening::File(path) => opener.open_path(path.to_string_lossy(), None::<&str>),
        Opening::Address(address) => opener.open_url(address, None::<&str>),
    };
    opened.map_err(|error| {
        IpcError::internal(strand_core::say!(
            "the desktop could not open it: {error}",
            "der Desktop konnte es nicht öffnen: {error}"
        ))
    })
}
