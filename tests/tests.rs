//! App-level tests of the `strand` package that need no display: the IPC surface through Tauri's
//! mock runtime, and the TypeScript bindings the UI is compiled against.

mod bindings;
mod ipc;
mod ipc_items;
mod test_app;
