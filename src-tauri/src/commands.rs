//! The commands the webview may call: each takes the session's [`Strand`], calls the core and
//! maps its error. No rule lives here.
//!
//! Tauri runs a plain command on the main thread, which on Linux is also the thread that draws
//! the window and hands the page its input: while a search walked a 100,000-entry bundle or a
//! sort rewrote it, the window froze. So every command that reads or edits the library or its
//! bundles is `#[tauri::command(async)]` and runs on Tauri's worker threads. Workers promise no
//! order, so the UI keeps only the newest answer to each kind of read, and sends its edits one
//! after another (two quick Alt+↓ land in the order pressed). The session's commands (tier,
//! policy, trial, licence, funnel, the bundle and folder lists) are quick and stay on the main
//! thread.

use std::io::Write;

use strand_core::{
    BulkAdd, Bundle, BundleId, BundleSummary, BundleTotals, DraftBack, EntryId, EntryPage, Folder,
    FolderId, FunnelCount, ItemId, ItemKind, ItemPage, LibraryHealth, PlanRow, Policy,
    RestorePoint, SampleRemoval, SearchResults, SessionInfo, SortField, Strand, Tier,
};
use tauri::{AppHandle, Runtime, State};

use crate::dialogs;
use crate::error::IpcResult;
use crate::messages::Messages;
use crate::startup::Startup;

/// Names the open bundle in the window's title ("Road trip — Strand"; "Strand" with none). The
/// page names only the bundle: the title is read from the library.
#[tauri::command(async)]
pub fn title_window<R: Runtime>(
    window: tauri::WebviewWindow<R>,
    strand: State<'_, Strand>,
    bundle_id: Option<BundleId>,
) -> IpcResult<()> {
    let title = match bundle_id {
        Some(id) => format!("{} — Strand", strand.bundle(id)?.name),
        None => "Strand".to_owned(),
    };
    window.set_title(&title).map_err(|error| {
        crate::error::IpcError::internal(format!("cannot title the window: {error}"))
    })
}

/// The language the app decided on at start (`de` or `en`), for the window to speak.
#[tauri::command]
pub fn desktop_language(messages: State<'_, Messages>) -> &'static str {
    messages.language()
}

#[tauri::command]
pub fn session_info(strand: State<'_, Strand>) -> IpcResult<SessionInfo> {
    Ok(strand.session()?)
}

#[tauri::command]
pub fn set_demo_tier(strand: State<'_, Strand>, tier: Option<Tier>) -> IpcResult<SessionInfo> {
    Ok(strand.set_demo_tier(tier)?)
}

#[tauri::command]
pub fn set_demo_policy(strand: State<'_, Strand>, policy: Policy) -> IpcResult<SessionInfo> {
    Ok(strand.set_demo_policy(policy)?)
}

#[tauri::command]
pub fn time_travel(strand: State<'_, Strand>, days: i64) -> IpcResult<SessionInfo> {
    Ok(strand.time_travel(days)?)
}

#[tauri::command]
pub fn reset_demo(strand: State<'_, Strand>) -> IpcResult<SessionInfo> {
    Ok(strand.reset_demo()?)
}

#[tauri::command]
pub fn plan_map(strand: State<'_, Strand>) -> Vec<PlanRow> {
    strand.plan_map()
}

#[tauri::command]
pub fn funnel(strand: State<'_, Strand>) -> IpcResult<Vec<FunnelCount>> {
    Ok(strand.funnel()?)
}

#[tauri::command]
pub fn set_funnel_opt_in(strand: State<'_, Strand>, opted_in: bool) -> IpcResult<SessionInfo> {
    Ok(strand.set_funnel_opt_in(opted_in)?)
}

/// Opens the native save dialog and writes the funnel there as CSV; `false` if cancelled.
#[tauri::command]
pub async fn export_funnel_csv<R: Runtime>(
    app: AppHandle<R>,
    strand: State<'_, Strand>,
) -> IpcResult<bool> {
    let csv = strand.funnel_csv()?;
    dialogs::save_funnel_csv(&app, &csv)
}

#[tauri::command]
pub fn start_trial(strand: State<'_, Strand>) -> IpcResult<SessionInfo> {
    Ok(strand.start_trial()?)
}

#[tauri::command]
pub fn activate_licence(strand: State<'_, Strand>, key: String) -> IpcResult<SessionInfo> {
    Ok(strand.activate_licence(&key)?)
}

/// Opens the native open dialog and activates the licence file chosen; `None` if cancelled.
#[tauri::command]
pub async fn activate_licence_file<R: Runtime>(
    app: AppHandle<R>,
    strand: State<'_, Strand>,
) -> IpcResult<Option<SessionInfo>> {
    let Some(key) = dialogs::read_licence_file(&app)? else {
        return Ok(None);
    };
    Ok(Some(strand.activate_licence(&key)?))
}

#[tauri::command(async)]
pub fn list_items(strand: State<'_, Strand>, offset: u32, limit: u32) -> IpcResult<ItemPage> {
    Ok(strand.items(offset, limit)?)
}

#[tauri::command(async)]
pub fn search_items(
    strand: State<'_, Strand>,
    text: String,
    kind: Option<ItemKind>,
    tag: Option<String>,
    limit: u32,
) -> IpcResult<SearchResults> {
    Ok(strand.search_items(&text, kind, tag.as_deref(), limit)?)
}

/// Puts the sample catalogue into the library (the welcome's offer); how many items it added.
#[tauri::command(async)]
pub fn add_sample(strand: State<'_, Strand>) -> IpcResult<u32> {
    Ok(strand.add_sample()?)
}

/// Takes the sample catalogue out, except the items a bundle threads.
#[tauri::command(async)]
pub fn remove_sample(strand: State<'_, Strand>) -> IpcResult<SampleRemoval> {
    Ok(strand.remove_sample()?)
}

#[tauri::command]
pub fn list_bundles(strand: State<'_, Strand>) -> IpcResult<Vec<BundleSummary>> {
    Ok(strand.bundles()?)
}

#[tauri::command(async)]
pub fn get_bundle(strand: State<'_, Strand>, bundle_id: BundleId) -> IpcResult<Bundle> {
    Ok(strand.bundle(bundle_id)?)
}

#[tauri::command(async)]
pub fn bundle_entries(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    offset: u32,
    limit: u32,
) -> IpcResult<EntryPage> {
    Ok(strand.entries(bundle_id, offset, limit)?)
}

/// What the bundle adds up to: its running time and prices per currency.
#[tauri::command(async)]
pub fn bundle_totals(strand: State<'_, Strand>, bundle_id: BundleId) -> IpcResult<BundleTotals> {
    Ok(strand.bundle_totals(bundle_id)?)
}

#[tauri::command(async)]
pub fn find_entries(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    text: String,
    limit: u32,
) -> IpcResult<EntryPage> {
    Ok(strand.find_entries(bundle_id, &text, limit)?)
}

#[tauri::command(async)]
pub fn create_bundle(strand: State<'_, Strand>, name: String) -> IpcResult<Bundle> {
    Ok(strand.create_bundle(&name)?)
}

#[tauri::command(async)]
pub fn rename_bundle(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    name: String,
) -> IpcResult<Bundle> {
    Ok(strand.rename_bundle(bundle_id, &name)?)
}

#[tauri::command(async)]
pub fn add_entry(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    item_id: ItemId,
    anyway: bool,
) -> IpcResult<Bundle> {
    Ok(strand.add_entry(bundle_id, item_id, anyway)?)
}

/// Threads an item right after the entry `after` (first, when null): a drop from the library.
#[tauri::command(async)]
pub fn add_entry_after(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    item_id: ItemId,
    after: Option<EntryId>,
    anyway: bool,
) -> IpcResult<Bundle> {
    Ok(strand.add_entry_after(bundle_id, item_id, after, anyway)?)
}

#[tauri::command(async)]
pub fn remove_entry(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    entry_id: EntryId,
) -> IpcResult<Bundle> {
    Ok(strand.remove_entry(bundle_id, entry_id)?)
}

#[tauri::command(async)]
pub fn remove_entries(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    entry_ids: Vec<EntryId>,
) -> IpcResult<Bundle> {
    Ok(strand.remove_entries(bundle_id, &entry_ids)?)
}

#[tauri::command(async)]
pub fn move_entries(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    entry_ids: Vec<EntryId>,
    after: Option<EntryId>,
) -> IpcResult<Bundle> {
    Ok(strand.move_entries(bundle_id, &entry_ids, after)?)
}

#[tauri::command(async)]
pub fn copy_entries(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    entry_ids: Vec<EntryId>,
    to: BundleId,
) -> IpcResult<BulkAdd> {
    Ok(strand.copy_entries(bundle_id, &entry_ids, to)?)
}

#[tauri::command(async)]
pub fn move_entries_to(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    entry_ids: Vec<EntryId>,
    to: BundleId,
) -> IpcResult<BulkAdd> {
    Ok(strand.move_entries_to(bundle_id, &entry_ids, to)?)
}

#[tauri::command]
pub fn list_folders(strand: State<'_, Strand>) -> IpcResult<Vec<Folder>> {
    Ok(strand.folders()?)
}

#[tauri::command(async)]
pub fn create_folder(strand: State<'_, Strand>, name: String) -> IpcResult<Folder> {
    Ok(strand.create_folder(&name)?)
}

#[tauri::command(async)]
pub fn rename_folder(
    strand: State<'_, Strand>,
    folder_id: FolderId,
    name: String,
) -> IpcResult<Folder> {
    Ok(strand.rename_folder(folder_id, &name)?)
}

#[tauri::command(async)]
pub fn delete_folder(strand: State<'_, Strand>, folder_id: FolderId) -> IpcResult<()> {
    Ok(strand.delete_folder(folder_id)?)
}

#[tauri::command(async)]
pub fn move_to_folder(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    folder_id: Option<FolderId>,
) -> IpcResult<Bundle> {
    Ok(strand.move_to_folder(bundle_id, folder_id)?)
}

#[tauri::command(async)]
pub fn set_bundle_details(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    description: String,
    colour: Option<String>,
) -> IpcResult<Bundle> {
    Ok(strand.set_bundle_details(bundle_id, &description, colour.as_deref())?)
}

#[tauri::command(async)]
pub fn sort_bundle(
    strand: State<'_, Strand>,
    bundle_id: BundleId,
    field: SortField,
) -> IpcResult<Bundle> {
    Ok(strand.sort_bundle(bundle_id, field)?)
}

#[tauri::command(async)]
pub fn undo(strand: State<'_, Strand>, bundle_id: BundleId) -> IpcResult<Bundle> {
    Ok(strand.undo(bundle_id)?)
}

#[tauri::command(async)]
pub fn redo(strand: State<'_, Strand>, bundle_id: BundleId) -> IpcResult<Bundle> {
    Ok(strand.redo(bundle_id)?)
}

#[tauri::command(async)]
pub fn keep_bundle(strand: State<'_, Strand>, bundle_id: BundleId) -> IpcResult<Bundle> {
    Ok(strand.keep(bundle_id)?)
}

/// Completes the keep the paywall interrupted (the same attempt, in the funnel).
#[tauri::command(async)]
pub fn resume_keep_bundle(strand: State<'_, Strand>, bundle_id: BundleId) -> IpcResult<Bundle> {
    Ok(strand.resume_keep(bundle_id)?)
}

#[tauri::command(async)]
pub fn delete_bundle(strand: State<'_, Strand>, bundle_id: BundleId) -> IpcResult<()> {
    Ok(strand.delete_bundle(bundle_id)?)
}

#[tauri::command]
pub fn list_trash(strand: State<'_, Strand>) -> IpcResult<Vec<BundleSummary>> {
    Ok(strand.trash()?)
}

#[tauri::command(async)]
pub fn restore_bundle(strand: State<'_, Strand>, bundle_id: BundleId) -> IpcResult<Bundle> {
    Ok(strand.restore_bundle(bundle_id)?)
}

#[tauri::command(async)]
pub fn empty_trash(strand: State<'_, Strand>) -> IpcResult<u32> {
    Ok(strand.empty_trash()?)
}

#[tauri::command(async)]
pub fn restore_points(strand: State<'_, Strand>) -> IpcResult<Vec<RestorePoint>> {
    Ok(strand.restore_points()?)
}

/// Puts a restore point back (the UI has asked first); answers the restore points after it.
#[tauri::command(async)]
pub fn restore_library(strand: State<'_, Strand>, name: String) -> IpcResult<Vec<RestorePoint>> {
    Ok(strand.restore(&name)?)
}

/// The check at start, which the UI asks for once the library is on screen: it reads the whole
/// file (and makes today's restore point of a sound one), seconds for a large library.
#[tauri::command(async)]
pub fn check_library(strand: State<'_, Strand>) -> IpcResult<LibraryHealth> {
    Ok(strand.check_at_start()?)
}

/// What is known to be damaged now, asked for when a command answered `damaged`.
#[tauri::command(async)]
pub fn library_health(strand: State<'_, Strand>) -> IpcResult<LibraryHealth> {
    Ok(strand.library_health()?)
}

/// The drafts a crash left behind, offered back at the start.
#[tauri::command]
pub fn drafts_left_behind(strand: State<'_, Strand>) -> Vec<DraftBack> {
    strand.drafts_left_behind()
}

#[tauri::command(async)]
pub fn bring_back_drafts(strand: State<'_, Strand>) -> IpcResult<u32> {
    Ok(strand.bring_back_drafts()?)
}

#[tauri::command]
pub fn let_drafts_go(strand: State<'_, Strand>) -> u32 {
    strand.let_drafts_go()
}

/// The UI calls this once the library is shown and accepts input: the end of start-up.
#[tauri::command]
pub fn app_ready<R: Runtime>(app: AppHandle<R>, startup: State<'_, Startup>) {
    println!("READY since_main_ms={:.1}", startup.since_main_ms());
    let _ = std::io::stdout().flush();
    if startup.exit_on_ready {
        app.exit(0);
    }
}
