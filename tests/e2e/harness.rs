//! Runs the real Strand binary in a real WebKitGTK window and drives it over WebDriver:
//! tauri-driver (which starts WebKitWebDriver) under Xvfb when there is no display. Each
//! [`Harness`] owns its data directory, so a test can restart Strand on the same library.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use tempfile::TempDir;

const PATIENCE: Duration = Duration::from_secs(20);

/// A private X server, started only when the environment has no display.
struct VirtualDisplay {
    process: Child,
    name: String,
}

impl VirtualDisplay {
    fn start() -> VirtualDisplay {
        // -displayfd: Xvfb picks a free display itself and writes its number once it is ready,
        // so tests running side by side never race for one.
        let mut process = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb must be installed (scripts/bootstrap.sh installs it)");
        let mut number = String::new();
        let stdout = process.stdout.take().expect("Xvfb's stdout");
        BufReader::new(stdout)
            .read_line(&mut number)
            .expect("Xvfb's display number");
        VirtualDisplay {
            process,
            name: format!(":{}", number.trim()),
        }
    }
}

impl Drop for VirtualDisplay {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// One library on disk, and Strand running on it.
pub struct Harness {
    pub data_dir: TempDir,
    /// Whether Strand runs in demo mode (every journey but a person's first run does).
    demo: bool,
    display: Option<VirtualDisplay>,
    driver: Option<Child>,
    pub client: Option<Client>,
    /// Variables Strand starts with beside the harness's own (a PATH with a stand-in program).
    env: Vec<(String, std::ffi::OsString)>,
}

impl Harness {
    /// A fresh, empty data directory for demo mode; nothing runs yet.
    pub fn new() -> Harness {
        Harness::in_mode(true)
    }

    /// A fresh, empty data directory for a person's own library, as a first start finds it.
    pub fn for_a_person() -> Harness {
        Harness::in_mode(false)
    }

    fn in_mode(demo: bool) -> Harness {
        let display = std::env::var_os("DISPLAY")
            .is_none()
            .then(VirtualDisplay::start);
        Harness {
            data_dir: tempfile::tempdir().expect("temp dir"),
            demo,
            display,
            driver: None,
            client: None,
            env: Vec::new(),
        }
    }

    /// Starts Strand (at the next launch) with `key` set to `value`.
    pub fn with_env(mut self, key: &str, value: impl Into<std::ffi::OsString>) -> Harness {
        self.env.push((key.to_owned(), value.into()));
        self
    }

    /// The folder the library is in: demo mode's own, inside the data directory, or the data
    /// directory itself for a person's.
    pub fn library_dir(&self) -> std::path::PathBuf {
        if self.demo {
            self.data_dir.path().join("demo")
        } else {
            self.data_dir.path().to_owned()
        }
    }

    /// The library file the journey runs on.
    pub fn library_file(&self) -> std::path::PathBuf {
        self.library_dir().join("strand.sqlite")
    }

    /// Opens the library file beside the running app (or before it starts), in its mode.
    pub fn open_library(&self) -> strand_core::Strand {
        std::fs::create_dir_all(self.library_dir()).expect("the demo's folder");
        strand_core::Strand::open(
            &self.library_file(),
            strand_core::StrandOptions {
                demo: self.demo,
                ..strand_core::StrandOptions::default()
            },
        )
        .expect("open the library file")
    }

    /// Starts Strand on this harness's library, in its mode, and waits for its window.
    pub async fn launch(&mut self) -> &Client {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), json!("wry"));
        capabilities.insert(
            "tauri:options".into(),
            json!({ "application": env!("CARGO_BIN_EXE_strand") }),
        );
        let deadline = Instant::now() + PATIENCE;
        let mut url = self.spawn_driver();
        // tauri-driver needs a moment before it listens; a refused connection is retried. A
        // driver that has exited (its port was taken between being picked and bound) is started
        // again on other ports.
        let client = loop {
            match ClientBuilder::native()
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(error) if Instant::now() > deadline => {
                    panic!("no WebDriver session with Strand: {error}")
                }
                Err(_) if self.driver_has_exited() => {
                    self.stop_driver();
                    url = self.spawn_driver();
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        self.client = Some(client);
        self.client()
    }

    /// Starts tauri-driver for this harness on two fresh ports and returns its address.
    fn spawn_driver(&mut self) -> String {
        let [port, native_port] = two_free_ports();
        let mut driver = Command::new(tauri_driver());
        driver
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("STRAND_DATA_DIR", self.data_dir.path())
            .env("STRAND_DEMO", if self.demo { "1" } else { "0" })
            // The webview keeps its storage (the theme picked) under the XDG data directory: one
            // of its own per journey, so journeys running side by side never see each other's.
            .env("XDG_DATA_HOME", self.data_dir.path().join("webview"))
            // The window's size and place are kept under the XDG config directory: one per
            // journey too, so a journey's small window is not the next one's.
            .env("XDG_CONFIG_HOME", self.data_dir.path().join("config"))
            // No session bus under Xvfb: keep GTK's settings in memory instead of warning.
            .env("GSETTINGS_BACKEND", "memory")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        driver.envs(self.env.iter().map(|(key, value)| (key, value)));
        if let Some(display) = &self.display {
            driver.env("DISPLAY", &display.name);
        }
        // Its own process group, so stopping it also stops WebKitWebDriver and Strand.
        std::os::unix::process::CommandExt::process_group(&mut driver, 0);
        self.driver = Some(
            driver
                .spawn()
                .expect("tauri-driver must be installed (cargo install tauri-driver)"),
        );
        format!("http://127.0.0.1:{port}")
    }

    fn driver_has_exited(&mut self) -> bool {
        self.driver
            .as_mut()
            .is_some_and(|driver| matches!(driver.try_wait(), Ok(Some(_))))
    }

    /// The X display Strand's windows are on.
    pub fn display_name(&self) -> String {
        match &self.display {
            Some(display) => display.name.clone(),
            None => std::env::var("DISPLAY").expect("DISPLAY"),
        }
    }

    /// Saves what the window shows to a PNG in the temp directory, for a failure message.
    pub async fn save_screenshot(&self) -> String {
        match self.client().screenshot().await {
            Ok(png) => {
                let path =
                    std::env::temp_dir().join(format!("strand-e2e-{}.png", uuid::Uuid::now_v7()));
                match std::fs::write(&path, png) {
                    Ok(()) => path.display().to_string(),
                    Err(error) => format!("not saved: {error}"),
                }
            }
            Err(error) => format!("no screenshot: {error}"),
        }
    }

    /// Whether Strand still answers over WebDriver.
    pub async fn is_running(&self) -> bool {
        let answer = self.client().execute("return 1;", vec![]);
        matches!(
            tokio::time::timeout(Duration::from_secs(3), answer).await,
            Ok(Ok(_))
        )
    }

    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("Strand is running")
    }

    /// Stops Strand the way a crash or a kill would: drafts in memory are simply gone.
    pub async fn stop(&mut self) {
        if let Some(client) = self.client.take() {
            let _ = tokio::time::timeout(Duration::from_secs(5), client.close()).await;
        }
        self.stop_driver();
    }

    fn stop_driver(&mut self) {
        if let Some(mut driver) = self.driver.take() {
            // The whole group: tauri-driver, WebKitWebDriver and whatever Strand they started.
            let group = format!("-{}", driver.id());
            let _ = Command::new("kill")
                .args(["-s", "TERM", "--", &group])
                .status();
            let _ = driver.wait();
            // Strand is in the group too and may outlive the driver by a moment; a restart must
            // not find it still holding the library's lock.
            let deadline = Instant::now() + PATIENCE;
            while Instant::now() < deadline && group_alive(&group) {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }

    /// Waits for the first element matching `css`.
    pub async fn find(&self, css: &str) -> Element {
        self.client()
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|error| panic!("no element matches {css}: {error}"))
    }

    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client()
            .find_all(Locator::Css(css))
            .await
            .expect("find_all")
    }

    /// Waits until `condition` on the page's state holds, failing with `what` after a while.
    pub async fn wait_for(&self, what: &str, script: &str) -> Value {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let value = self.client().execute(script, vec![]).await.expect("script");
            if !value.is_null() && value != json!(false) {
                return value;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The `data-item-id`s of the elements matching `css`, in document order, read in one go so
    /// a re-render cannot leave half of them stale.
    pub async fn item_ids(&self, css: &str) -> Vec<String> {
        let script = format!(
            "return [...document.querySelectorAll('{css}')].map((element) => element.dataset.itemId);"
        );
        let ids = self
            .client()
            .execute(&script, vec![])
            .await
            .expect("read item ids");
        serde_json::from_value(ids).expect("a list of ids")
    }
}

/// Whether any process of the group `-pgid` is still alive (`kill -0` only asks).
fn group_alive(group: &str) -> bool {
    Command::new("kill")
        .args(["-0", "--", group])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

impl Drop for Harness {
    fn drop(&mut self) {
        self.stop_driver();
    }
}

fn tauri_driver() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
    cargo_home
        .map(|home| home.join("bin/tauri-driver"))
        .filter(|path| path.exists())
        .unwrap_or_else(|| PathBuf::from("tauri-driver"))
}

/// Two distinct ports free now, below the kernel's ephemeral range (32768 and up), so that the
/// source port of some other connection cannot take one before tauri-driver binds it. Both are
/// held while the second is picked, so the two never coincide.
fn two_free_ports() -> [u16; 2] {
    use std::hash::{BuildHasher, Hasher};
    let mut held = Vec::new();
    while held.len() < 2 {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_usize(held.len());
        let port = 20_000 + (hasher.finish() % 12_000) as u16;
        if let Ok(listener) = TcpListener::bind(("127.0.0.1", port)) {
            held.push(listener);
        }
    }
    let port_of = |listener: &TcpListener| listener.local_addr().expect("addr").port();
    [port_of(&held[0]), port_of(&held[1])]
}
