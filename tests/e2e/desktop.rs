//! The X11 side of the end-to-end tests: what WebDriver cannot see. Native dialogs are separate
//! top-level windows, and "close the window" is a WM_DELETE_WINDOW message a window manager
//! would send; Xvfb has no window manager, so the test sends it itself.

use std::process::Command;
use std::time::{Duration, Instant};

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{
    AtomEnum, ClientMessageEvent, ConnectionExt, EventMask, InputFocus, Window,
};
use x11rb::rust_connection::RustConnection;

pub struct Desktop {
    display: String,
    connection: RustConnection,
    root: Window,
    wm_protocols: u32,
    wm_delete_window: u32,
    net_wm_name: u32,
    utf8_string: u32,
}

impl Desktop {
    pub fn connect(display: &str) -> Desktop {
        let (connection, screen) = x11rb::connect(Some(display)).expect("connect to the X display");
        let root = connection.setup().roots[screen].root;
        let atom = |name: &str| {
            connection
                .intern_atom(false, name.as_bytes())
                .expect("intern")
                .reply()
                .expect("atom")
                .atom
        };
        Desktop {
            display: display.to_owned(),
            wm_protocols: atom("WM_PROTOCOLS"),
            wm_delete_window: atom("WM_DELETE_WINDOW"),
            net_wm_name: atom("_NET_WM_NAME"),
            utf8_string: atom("UTF8_STRING"),
            connection,
            root,
        }
    }

    /// The mapped top-level windows whose title is exactly `title`.
    pub fn windows_titled(&self, title: &str) -> Vec<Window> {
        self.windows_where(|shown| shown == title)
    }

    fn windows_where(&self, wanted: impl Fn(&str) -> bool) -> Vec<Window> {
        let children = self
            .connection
            .query_tree(self.root)
            .expect("query tree")
            .reply()
            .expect("tree")
            .children;
        children
            .into_iter()
            .filter(|&window| {
                self.is_viewable(window) && self.title(window).is_some_and(|shown| wanted(&shown))
            })
            .collect()
    }

    /// Waits for a window titled `title` to appear.
    pub async fn wait_for_window(&self, title: &str) -> Window {
        self.wait_for_window_where(title, |shown| shown == title)
            .await
    }

    /// Waits for Strand's main window, titled "Strand" or, with a bundle open, "… — Strand".
    pub async fn main_window(&self) -> Window {
        self.wait_for_window_where("Strand's main window", |shown| {
            shown == "Strand" || shown.ends_with(" — Strand")
        })
        .await
    }

    async fn wait_for_window_where(&self, what: &str, wanted: impl Fn(&str) -> bool) -> Window {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(window) = self.windows_where(&wanted).first() {
                return *window;
            }
            assert!(Instant::now() < deadline, "no window {what:?} appeared");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Opens `path` in the native open dialog `window`, as a person would: focus it, open the
    /// location field (Ctrl+L), type, press Enter. xdotool's XTEST input is real keystrokes to GTK.
    pub fn open_in_dialog(&self, window: Window, path: &str) {
        self.type_path_into_dialog(window, "ctrl+l", path);
    }

    /// Saves to `path` through the native save dialog `window`: replace the name field's text
    /// (Ctrl+A) with the whole path and press Enter.
    pub fn save_in_dialog(&self, window: Window, path: &str) {
        self.type_path_into_dialog(window, "ctrl+a", path);
    }

    /// Types `path` and presses Enter until the dialog closes: under load a dialog still filling
    /// its file list can drop keystrokes, so a dialog still open after a few seconds gets the
    /// path typed again (three tries).
    fn type_path_into_dialog(&self, window: Window, field_key: &str, path: &str) {
        let id = window.to_string();
        for _ in 0..3 {
            self.xdotool(&["windowfocus", "--sync", &id]);
            self.xdotool(&["key", "--clearmodifiers", field_key]);
            if field_key == "ctrl+l" {
                // The location field may already hold text from an earlier try.
                self.xdotool(&["key", "--clearmodifiers", "ctrl+a"]);
            }
            self.xdotool(&["type", "--delay", "15", path]);
            // Let the field's completion settle, or it swallows the Enter.
            std::thread::sleep(Duration::from_millis(600));
            self.xdotool(&["key", "--clearmodifiers", "Return"]);
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline {
                if !self.is_viewable(window) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        panic!("the dialog did not take the path {path:?}");
    }

    /// Presses `key` in `window`, as a person at the keyboard would.
    pub fn press_in(&self, window: Window, key: &str) {
        let id = window.to_string();
        self.xdotool(&["windowfocus", "--sync", &id]);
        self.xdotool(&["key", "--clearmodifiers", key]);
    }

    fn xdotool(&self, args: &[&str]) {
        let status = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .status()
            .expect("xdotool must be installed (scripts/bootstrap.sh installs it)");
        assert!(status.success(), "xdotool {args:?} failed");
    }

    /// Takes the keyboard focus from every window, as switching to another app would.
    pub fn focus_nowhere(&self) {
        self.connection
            .set_input_focus(InputFocus::NONE, x11rb::NONE, x11rb::CURRENT_TIME)
            .expect("set focus")
            .check()
            .expect("focus nowhere");
    }

    /// Whether the keyboard focus is in `window` or one of its children.
    pub fn has_focus(&self, window: Window) -> bool {
        let mut focused = self
            .connection
            .get_input_focus()
            .expect("get focus")
            .reply()
            .expect("focus")
            .focus;
        while focused != x11rb::NONE && focused != self.root {
            if focused == window {
                return true;
            }
            focused = self
                .connection
                .query_tree(focused)
                .expect("query tree")
                .reply()
                .map_or(x11rb::NONE, |tree| tree.parent);
        }
        false
    }

    /// Asks `window` to close, as a window manager's close button would.
    pub fn request_close(&self, window: Window) {
        let message = ClientMessageEvent::new(
            32,
            window,
            self.wm_protocols,
            [self.wm_delete_window, 0, 0, 0, 0],
        );
        self.connection
            .send_event(false, window, EventMask::NO_EVENT, message)
            .expect("send close request");
        self.connection.flush().expect("flush");
    }

    fn is_viewable(&self, window: Window) -> bool {
        self.connection
            .get_window_attributes(window)
            .ok()
            .and_then(|cookie| cookie.reply().ok())
            .is_some_and(|attributes| {
                attributes.map_state == x11rb::protocol::xproto::MapState::VIEWABLE
            })
    }

    fn title(&self, window: Window) -> Option<String> {
        let utf8 = self.property(window, self.net_wm_name, self.utf8_string);
        utf8.or_else(|| self.property(window, AtomEnum::WM_NAME.into(), AtomEnum::STRING.into()))
    }

    fn property(&self, window: Window, property: u32, kind: u32) -> Option<String> {
        let reply = self
            .connection
            .get_property(false, window, property, kind, 0, 1024)
            .ok()?
            .reply()
            .ok()?;
        (!reply.value.is_empty()).then(|| String::from_utf8_lossy(&reply.value).into_owned())
    }
}
