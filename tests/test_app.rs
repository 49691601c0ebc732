//! The app as the webview drives it, through Tauri's mock runtime: real core, real SQLite file,
//! no window.

use std::time::Instant;

use serde_json::{Value, json};
use strand_app::{Launch, run_app};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};
use tempfile::TempDir;

pub struct TestApp {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    pub dir: TempDir,
    demo: bool,
}

impl TestApp {
    /// The app on a fresh library with the sample catalogue to thread: a demo's starts with
    /// it, and a person's is given it, as the welcome's *Try the sample* does.
    pub fn start(demo: bool) -> TestApp {
        let app = TestApp::on_a_new_library(demo);
        if !demo {
            app.ok("add_sample", json!({}));
        }
        app
    }

    /// The app on a library as it is made: a person's empty, a demo's with the sample.
    pub fn on_a_new_library(demo: bool) -> TestApp {
        TestApp::on(tempfile::tempdir().expect("temp dir"), demo)
    }

    /// The app on whatever library `dir` holds.
    pub fn on(dir: TempDir, demo: bool) -> TestApp {
        let launch = Launch {
            data_dir: Some(dir.path().to_owned()),
            demo,
            exit_on_ready: false,
        };
        let mut app = run_app(mock_builder(), launch, Instant::now())
            .build(mock_context(noop_assets()))
            .expect("build app");
        // The setup hook (which opens the library) runs on the first turn of the event loop. The
        // deprecation warns against busy-looping; one turn is exactly what is wanted here.
        #[allow(deprecated)]
        app.run_iteration(|_, _| {});
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("window");
        TestApp {
            _app: app,
            window,
            dir,
            demo,
        }
    }

    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request)
            .map(|body| body.deserialize::<Value>().expect("json body"))
    }

    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|error| panic!("{cmd} failed: {error}"))
    }

    /// The library file this run works on: the person's, or in demo mode the demo's own.
    pub fn library_file(&self) -> std::path::PathBuf {
        let folder = if self.demo {
            self.dir.path().join("demo")
        } else {
            self.dir.path().to_owned()
        };
        folder.join("strand.sqlite")
    }

    /// How many bundles a fresh process would find kept in the library file.
    pub fn kept_rows(&self) -> usize {
        let options = strand_core::StrandOptions {
            demo: self.demo,
            ..Default::default()
        };
        let strand = strand_core::Strand::open(&self.library_file(), options).expect("reopen");
        strand.bundles().expect("bundles").len()
    }

    pub fn draft_with_items(&self, name: &str, count: usize) -> Value {
        let items = self.ok("list_items", json!({ "offset": 0, "limit": count }));
        let mut bundle = self.ok("create_bundle", json!({ "name": name }));
        for item in items["items"].as_array().expect("items") {
            bundle = self.ok(
                "add_entry",
                json!({ "bundleId": bundle["id"], "itemId": item["id"], "anyway": false }),
            );
        }
        bundle
    }

    /// Every entry of the bundle, through the window command the editor uses.
    pub fn entries(&self, bundle: &Value) -> Value {
        self.ok(
            "bundle_entries",
            json!({ "bundleId": bundle["id"], "offset": 0, "limit": 1000 }),
        )["entries"]
            .clone()
    }
}
