#!/usr/bin/env bash
# The open 100,000-entry bundle in the real window: runs the end-to-end journey
# tests/e2e/big_bundle.rs (which fails if the list ever draws 500 rows or more) and merges what
# it prints into bench/results.json: the most rows it saw (`ui_dom_rows_100k`); how long five
# searches inside the bundle took and the longest gap between two frames the window drew
# meanwhile (`ui_find_100k_searching_ms`, `ui_longest_frame_find_ms`); the same for a sort of
# the whole bundle (`ui_sort_100k_ms`, `ui_longest_frame_sort_ms`).
#
#   bash scripts/bench-ui.sh
set -euo pipefail
cd "$(dirname "$0")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

npm --prefix ui run build --silent
cargo test -p strand --test e2e --locked big_bundle -- --nocapture | tee "$log"

node - "$log" <<'JS'
const fs = require('fs');
const printed = fs.readFileSync(process.argv[2], 'utf8');
const keys = [
  'ui_dom_rows_100k',
  'ui_find_100k_searching_ms',
  'ui_longest_frame_find_ms',
  'ui_sort_100k_ms',
  'ui_longest_frame_sort_ms',
];
const path = 'bench/results.json';
const results = fs.existsSync(path) ? JSON.parse(fs.readFileSync(path, 'utf8')) : {};
for (const key of keys) {
  const found = printed.match(new RegExp(`${key}=([\\d.]+)`));
  if (!found) throw new Error(`the journey printed no ${key}`);
  results[key] = Number(found[1]);
}
const sorted = Object.fromEntries(Object.keys(results).sort().map((key) => [key, results[key]]));
fs.writeFileSync(path, JSON.stringify(sorted, null, 2) + '\n');
console.log(`DOM rows for the open 100,000-entry bundle: at most ${results.ui_dom_rows_100k}`);
console.log(
  `five searches inside it: ${results.ui_find_100k_searching_ms} ms, ` +
    `longest frame meanwhile: ${results.ui_longest_frame_find_ms} ms`,
);
console.log(
  `sorting it: ${results.ui_sort_100k_ms} ms, longest frame meanwhile: ${results.ui_longest_frame_sort_ms} ms`,
);
JS
