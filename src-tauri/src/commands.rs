//! The commands the webview may call: each takes the session's [`Strand`], calls the core and
//! maps its error. No rule lives here.

use std::io::Write;

use strand_core::{
    Bundle, BundleId, BundleSummary, EntryId, ItemId, ItemPage, SessionInfo, Strand, Tier,
};
use tauri::State;

use crate::error::IpcResult;
use crate::startup::Startup;

#[tauri::command]
pub fn session_info(strand: State<'_, Strand>) -> SessionInfo {
    strand.session()
}

#[tauri::command]
pub fn set_demo_tier(strand: State<'_, Strand>, tier: Tier) -> IpcResult<SessionInfo> {
    Ok(strand.set_demo_tier(tier)?)
}

#[tauri::command]
pub fn list_items(strand: State<'_, Strand>, offset: u32, limit: u32) -> IpcResult<ItemPage> {
    Ok(strand.items(offset, limit)?)
}

#[tauri::command]
pub fn list_bundles(strand: State<'_, Strand>) -> IpcResult<Vec<BundleSummary>> {
    Ok(strand.bundles()?)
}

#[tauri::command]
pub fn get_bundle(strand: State<'_, Strand>, bundle_id: BundleId) -> IpcResult<Bundle> {
    Ok(strand.bundle(bundle_id)?)
}

#[tauri::command]
pub fn create_bundle(strand: State<'_, Strand>, name: String) -> IpcResult<Bundle> {
    Ok(strand.create_bundle(&name)?)
}

#[tauri::command]
pub fn rename_bundle(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    name: String,
) -> IpcResult<Bundle> {
    Ok(strand.rename_bundle(bundle_id, &name)?)
}

#[tauri::command]
pub fn add_entry(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    item_id: ItemId,
) -> IpcResult<Bundle> {
    Ok(strand.add_entry(bundle_id, item_id)?)
}

#[tauri::command]
pub fn remove_entry(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    entry_id: EntryId,
) -> IpcResult<Bundle> {
    Ok(strand.remove_entry(bundle_id, entry_id)?)
}

#[tauri::command]
pub fn move_entry(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    entry_id: EntryId,
    to_index: u32,
) -> IpcResult<Bundle> {
    Ok(strand.move_entry(bundle_id, entry_id, to_index)?)
}

#[tauri::command]
pub fn keep_bundle(strand: State<'_, Strand>, bundle_id: BundleId) -> IpcResult<Bundle> {
    Ok(strand.keep(bundle_id)?)
}

/// The UI calls this once the library is shown and accepts input: the end of start-up.
#[tauri::command]
pub fn app_ready(startup: State<'_, Startup>) {
    println!("READY since_main_ms={:.1}", startup.since_main_ms());
    let _ = std::io::stdout().flush();
    if startup.exit_on_ready {
        std::process::exit(0);
    }
}
