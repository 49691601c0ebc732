#!/usr/bin/env bash
# DOM rows for an open 100,000-entry bundle in the real window: runs the end-to-end journey
# tests/e2e/big_bundle.rs (which fails if the list ever draws 500 rows or more) and merges the
# most rows it saw, `ui_dom_rows_100k`, into bench/results.json.
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
const found = fs.readFileSync(process.argv[2], 'utf8').match(/ui_dom_rows_100k=(\d+)/);
if (!found) throw new Error('the journey printed no ui_dom_rows_100k');
const path = 'bench/results.json';
const results = fs.existsSync(path) ? JSON.parse(fs.readFileSync(path, 'utf8')) : {};
results.ui_dom_rows_100k = Number(found[1]);
const sorted = Object.fromEntries(Object.keys(results).sort().map((key) => [key, results[key]]));
fs.writeFileSync(path, JSON.stringify(sorted, null, 2) + '\n');
console.log(`DOM rows for the open 100,000-entry bundle: at most ${found[1]}`);
JS
