#!/usr/bin/env bash
# Runs every test Strand has, installing what is missing first; safe to run again.
# Lints and formatting, UI unit tests, core tests on real SQLite files, IPC tests through Tauri's
# mock runtime (with the TypeScript bindings check), the end-to-end journeys in the real window, and
# the .deb: its contents, and installed and started on a fresh Debian 12.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

bash scripts/bootstrap.sh --with-e2e
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "UI build (the app embeds ui/dist)"
npm --prefix ui run build --silent

step "formatting and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy --test e2e --locked -- -D warnings
npm --prefix ui run check --silent

step "UI unit tests (Vitest)"
npm --prefix ui test --silent

step "core (real SQLite files) and the licence issuer"
cargo test -p strand-core -p strand-licence --locked
# Order keys again in a release build, where arithmetic wraps instead of panicking: a key that
# wrapped into its neighbour would only show there.
cargo test -p strand-core --release --locked --test tests -- undoing

step "shell: unit tests, IPC through the mock runtime, bindings freshness"
cargo test -p strand --lib --test tests --locked

step "end to end in the real window (tauri-driver, WebKitWebDriver, Xvfb)"
# Three windows at a time: each journey runs its own Xvfb, WebKit and Strand, and more at once
# on two cores starve the WebDriver handshakes and the file dialogs past their timeouts.
cargo test -p strand --test e2e --locked -- --test-threads=3

step "the .deb: built as documented, its contents and dependencies checked"
bash scripts/test-package.sh

step "the .deb on a fresh Debian 12: installed with apt, started"
bash scripts/test-fresh-install.sh "$(ls -t "${CARGO_TARGET_DIR:-$repo/target}"/release/bundle/deb/*.deb | head -n 1)"
