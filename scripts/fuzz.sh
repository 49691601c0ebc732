#!/usr/bin/env bash
# Fuzzes every import parser and the cover judge for a bounded time with cargo-fuzz (libFuzzer), which needs a nightly
# toolchain. New interesting inputs land in crates/strand-core/fuzz/corpus/<target>; the import
# test data seeds every target. A crash stops the run and leaves its input in fuzz/artifacts.
#
#   bash scripts/fuzz.sh [seconds per target (default 60)] [target …]
set -euo pipefail
cd "$(dirname "$0")/../crates/strand-core"

seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(m3u pls xspf jspf wpl asx csv strand_json collection cover)

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "cargo-fuzz needs a nightly toolchain: rustup toolchain install nightly" >&2
  exit 1
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  # Bounded: time, memory per input (an entity bomb or a huge line must fail fast, not grow) and
  # time per input (a hang is a bug).
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" tests/data/import -- \
    -max_total_time="$seconds" -rss_limit_mb=1024 -timeout=10 -max_len=262144 \
    -dict=fuzz/playlists.dict
done
