#!/usr/bin/env bash
# Installs what is missing, builds Strand (UI and app, release) and opens its window; safe to run
# again. Arguments go to Strand, e.g. `scripts/run.sh --demo`.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

bash scripts/bootstrap.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run.sh: no display to open Strand's window on (DISPLAY and WAYLAND_DISPLAY are unset)" >&2
  exit 1
fi
npm --prefix ui run build --silent
cargo run --release --locked --features custom-protocol -- "$@"
