//! Strand's desktop shell: a thin Tauri layer that opens the library, hands the webview typed
//! commands over the core, and asks before quitting with unkept drafts. Rules live in
//! `strand-core`; nothing here decides what a person may do.

mod commands;
mod covers;
mod dialogs;
pub mod error;
mod instance;
mod items;
mod launch;
pub mod menu;
mod messages;
mod quit_guard;
mod recovery;
mod startup;
pub mod transfer;

use std::path::{Path, PathBuf};
use std::time::Instant;

use strand_core::{Strand, StrandOptions, say};
use tauri::{Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

pub use launch::Launch;
use startup::Startup;

/// The library file inside the data directory.
const LIBRARY_FILE: &str = "strand.sqlite";
/// The folder inside the data directory that holds demo mode's own library.
const DEMO_FOLDER: &str = "demo";

/// Starts Strand as a desktop app.
pub fn run() {
    let main_started = Instant::now();
    #[cfg(target_os = "linux")]
    paint_without_compositing_layers();
    let launch = Launch::from_env();
    // First of all plugins, so a second start hands over before anything else runs. Only in the
    // real app: tests build many apps in one process, and a second one would end the process.
    let builder = tauri::Builder::default().plugin(instance::hand_over_second_starts(&launch));
    match run_app(builder, launch, main_started).build(tauri::generate_context!()) {
        Ok(app) => app.run(on_run_event),
        Err(error) => {
            eprintln!("Strand could not start: {error}");
            std::process::exit(1);
        }
    }
}

/// As the app ends normally, the drafts journal is emptied and the library's log is written back into its file, so the file alone is the
/// whole library and the next start has no log to replay. Closing the database would do that,
/// but Tauri never drops what it manages, so the database is never closed. An import still
/// running is stopped first (it rolls back, as it would if the process just ended): the
/// checkpoint waits for the library, and the person who quit should not wait for the import.
fn on_run_event(app: &tauri::AppHandle, event: tauri::RunEvent) {
    if let tauri::RunEvent::Exit = event {
        app.state::<transfer::ImportCancel>().request();
        if let Some(strand) = app.try_state::<Strand>() {
            // A normal quit: drafts not kept go, as the quit dialog said.
            strand.end_session();
            if let Err(error) = strand.checkpoint() {
                eprintln!("Strand could not write its log back into the library file: {error}");
            }
        }
    }
}

/// WebKitGTK draws a page through compositing layers in OpenGL, which on a desktop without a GPU
/// driver is Mesa's software GL inside the web process. Strand's page is lists and text, nothing
/// for layers to accelerate: measured on a 2-core machine without a GPU, they cost the web process
/// ~90 MiB and start-up ~70 ms, while a virtualised list repaints only a screenful as it scrolls
/// either way. So Strand paints without them unless the person chose
/// (`WEBKIT_DISABLE_COMPOSITING_MODE=0` keeps them). WebKit reads the switch once, when the first
/// webview is made, and its settings API cannot be reached before the window's page starts
/// loading (set then, it made start-up ~40 ms slower than this), hence the environment.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn paint_without_compositing_layers() {
    const SWITCH: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if std::env::var_os(SWITCH).is_none() {
        // SAFETY: the first thing `main` does, while this is the only thread, so nothing can read
        // the environment while it changes.
        unsafe { std::env::set_var(SWITCH, "1") };
    }
}

/// Builds the app on any runtime, so tests can build the very same app on Tauri's mock runtime.
pub fn run_app<R: Runtime>(
    builder: tauri::Builder<R>,
    launch: Launch,
    main_started: Instant,
) -> tauri::Builder<R> {
    let messages = messages::Messages::for_system_locale();
    // The core's own words (refusals, skipped lines) in the language the window speaks.
    strand_core::language::set_language(messages.core_language());
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .register_asynchronous_uri_scheme_protocol(covers::COVER_SCHEME, covers::serve)
        // The window opens where and as large as it was left (maximised too); whether it shows
        // stays Strand's to decide, once the library is open.
        .plugin(
            tauri_plugin_window_state::Builder::new()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::SIZE
                        | tauri_plugin_window_state::StateFlags::POSITION
                        | tauri_plugin_window_state::StateFlags::MAXIMIZED,
                )
                .build(),
        )
        .manage(Startup::new(main_started, launch.exit_on_ready))
        .manage(transfer::ImportCancel::default())
        .manage(menu::MenuListener::default())
        .on_menu_event(menu::on_menu_event)
        .manage(messages)
        .setup(move |app| {
            let data_dir = match &launch.data_dir {
                Some(dir) => dir.clone(),
                None => app.path().app_data_dir()?,
            };
            match library_in(&data_dir, launch.demo) {
                Ok((lock, library)) => open_library(app.handle(), lock, library, launch.demo),
                Err(reason) => refuse_to_start(app.handle(), reason),
            }
            Ok(())
        })
        .on_window_event(quit_guard::on_window_event)
        .invoke_handler(tauri::generate_handler![
            commands::desktop_language,
            commands::title_window,
            commands::session_info,
            commands::set_demo_tier,
            commands::set_demo_policy,
            commands::time_travel,
            commands::reset_demo,
            commands::plan_map,
            commands::funnel,
            commands::set_funnel_opt_in,
            commands::export_funnel_csv,
            commands::start_trial,
            commands::activate_licence,
            commands::activate_licence_file,
            commands::list_items,
            commands::search_items,
            commands::add_sample,
            commands::remove_sample,
            commands::list_bundles,
            commands::get_bundle,
            commands::bundle_entries,
            commands::bundle_totals,
            commands::find_entries,
            commands::create_bundle,
            commands::rename_bundle,
            commands::add_entry,
            commands::add_entry_after,
            commands::remove_entry,
            commands::remove_entries,
            commands::move_entries,
            commands::copy_entries,
            commands::move_entries_to,
            commands::list_folders,
            commands::create_folder,
            commands::rename_folder,
            commands::delete_folder,
            commands::move_to_folder,
            commands::set_bundle_details,
            covers::choose_bundle_cover,
            covers::remove_bundle_cover,
            menu::listen_to_menu,
            commands::sort_bundle,
            commands::undo,
            commands::redo,
            commands::keep_bundle,
            commands::resume_keep_bundle,
            commands::delete_bundle,
            commands::list_trash,
            commands::restore_bundle,
            commands::empty_trash,
            commands::restore_points,
            commands::restore_library,
            commands::check_library,
            commands::library_health,
            commands::drafts_left_behind,
            commands::bring_back_drafts,
            commands::let_drafts_go,
            items::create_item,
            items::create_item_from_address,
            items::update_item,
            items::item_uses,
            items::delete_items,
            items::merge_items,
            items::undo_item_removal,
            items::open_item,
            transfer::export_bundle,
            transfer::export_library,
            transfer::import_playlist,
            transfer::import_catalogue,
            transfer::import_audio_folder,
            transfer::import_collection,
            transfer::cancel_import,
            commands::app_ready,
        ])
}

/// Opens the library and the windows on it, or — if its file is damaged and a sound restore
/// point is beside it — asks whether to put that back; otherwise says why it cannot start.
fn open_library<R: Runtime>(
    app: &tauri::AppHandle<R>,
    lock: instance::LibraryLock,
    library: PathBuf,
    demo: bool,
) {
    let options = StrandOptions {
        demo,
        ..StrandOptions::default()
    };
    match Strand::open(&library, options.clone()) {
        Ok(strand) => show_library(app, lock, strand),
        Err(refusal) => recovery::offer_restore_point(app, lock, library, options, refusal),
    }
}

/// Manages the open library and opens the windows the config describes but leaves to the app
/// (`"create": false`): only once the library is open, so no page ever asks a core that is
/// not there.
fn show_library<R: Runtime>(
    app: &tauri::AppHandle<R>,
    lock: instance::LibraryLock,
    strand: Strand,
) {
    app.manage(lock);
    app.manage(strand);
    let windows = app
        .config()
        .app
        .windows
        .iter()
        .filter(|window| !window.create)
        .try_for_each(|window| {
            let messages = *app.state::<messages::Messages>();
            tauri::WebviewWindowBuilder::from_config(app, window)?
                .menu(menu::menu_bar(app, messages)?)
                .build()
                .map(drop)
        });
    if let Err(error) = windows {
        refuse_to_start(
            app,
            say!(
                "cannot open the window: {error}",
                "das Fenster öffnet sich nicht: {error}"
            ),
        );
    }
}

/// Says in a native dialog why the library cannot be opened (another Strand has it, a newer
/// Strand wrote it, it could not be copied before an upgrade) and quits once it is read:
/// started from a desktop menu, Strand has no terminal to print to.
fn refuse_to_start<R: Runtime>(app: &tauri::AppHandle<R>, reason: String) {
    eprintln!("Strand could not start: {reason}");
    let quit = app.clone();
    app.dialog()
        .message(reason)
        .title(say!(
            "Strand could not start",
            "Strand konnte nicht starten"
        ))
        .kind(MessageDialogKind::Error)
        .show(move |_| quit.exit(1));
}

/// Creates the data directory if needed, takes the one-Strand-per-library lock, and answers
/// where the library file is.
fn library_in(data_dir: &Path, demo: bool) -> Result<(instance::LibraryLock, PathBuf), String> {
    // Demo mode reaches past the premium gate and its reset wipes the library, so it runs on a
    // library of its own, in a folder of its own with its own lock (the core refuses to run a
    // demo on a person's library in any case).
    let library_dir = if demo {
        data_dir.join(DEMO_FOLDER)
    } else {
        data_dir.to_owned()
    };
    std::fs::create_dir_all(&library_dir).map_err(|error| {
        let folder = library_dir.display();
        say!(
            "cannot create the data directory {folder}: {error}",
            "der Datenordner {folder} lässt sich nicht anlegen: {error}"
        )
    })?;
    let lock = instance::lock_library(&library_dir)?;
    Ok((lock, library_dir.join(LIBRARY_FILE)))
}
