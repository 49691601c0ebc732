#!/usr/bin/env bash
# Start-up and memory of Strand with a 1,000,000-item library against the bare Tauri app in
# ../shared/baseline, measured the same way by its measure-startup-rss.sh (READY since_main_ms of
# starts after a warm-up, then whole-process-tree VmRSS 3 s after READY), the two apps taking
# turns. Merges startup_ms_median, bare_startup_ms_median, rss_mb and bare_rss_mb into
# bench/results.json.
#
#   bash scripts/bench-startup.sh [items (default 1000000)]
set -euo pipefail
cd "$(dirname "$0")/.."
items="${1:-1000000}"
baseline="${STRAND_BASELINE:-../shared/baseline}"
target="${CARGO_TARGET_DIR:-target}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

npm --prefix ui run build --silent
cargo build --release --features custom-protocol --locked
bare_target="$(realpath -m "$target")/bare-tauri"
(cd "$baseline/bare-tauri" && CARGO_TARGET_DIR="$bare_target" cargo build --release)
cargo run --release -p strand-core --example generate_library -- "$work/library" "$items"

# On this 2-core machine single starts of either app vary by ±60 ms, and the machine's speed
# drifts within minutes, so the two apps take turns: seven rounds of three measured starts each
# (after the script's own warm-up start), 21 per app, and an RSS reading per round.
measure() { # binary ready-env → the script's output
  "$baseline/measure-startup-rss.sh" "$1" 3 "$2"
}
for round in 1 2 3 4 5 6 7; do
  echo "== round $round"
  STRAND_DATA_DIR="$work/library" measure "$target/release/strand" STRAND_EXIT_ON_READY | tee -a "$work/strand.txt"
  measure "$bare_target/release/spike-app" SPIKE_EXIT_ON_READY | tee -a "$work/bare.txt"
done

# Medians over the measured starts (each round's run 0 warms the caches) and over the rounds' RSS
# totals, merged with node (the UI's).
node - "$work/strand.txt" "$work/bare.txt" <<'JS'
const fs = require('fs');
const [strandFile, bareFile] = process.argv.slice(2);
const median = (sorted) => sorted[Math.floor(sorted.length / 2)];
function figures(file) {
  const text = fs.readFileSync(file, 'utf8');
  const runs = [...text.matchAll(/run (\d+): READY since_main_ms=([\d.]+)/g)]
    .filter((m) => m[1] !== '0')
    .map((m) => Number(m[2]))
    .sort((a, b) => a - b);
  if (runs.length === 0) throw new Error(`no READY lines in ${file}`);
  const rss = [...text.matchAll(/TOTAL VmRSS=(\d+) kB/g)].map((m) => Number(m[1]) / 1024).sort((a, b) => a - b);
  if (rss.length === 0) throw new Error(`no RSS total in ${file}`);
  return { median: median(runs), range: `${runs[0]}–${runs[runs.length - 1]}`, rssMb: median(rss) };
}
const strand = figures(strandFile);
const bare = figures(bareFile);
const path = 'bench/results.json';
const results = fs.existsSync(path) ? JSON.parse(fs.readFileSync(path, 'utf8')) : {};
Object.assign(results, {
  startup_ms_median: strand.median,
  bare_startup_ms_median: bare.median,
  rss_mb: strand.rssMb,
  bare_rss_mb: bare.rssMb,
});
const sorted = Object.fromEntries(Object.keys(results).sort().map((key) => [key, results[key]]));
fs.writeFileSync(path, JSON.stringify(sorted, null, 2) + '\n');
console.log(`start-up median: Strand ${strand.median} ms (${strand.range}) vs bare ${bare.median} ms (${bare.range}), ${(strand.median / bare.median).toFixed(2)}×`);
console.log(`RSS 3 s after READY: Strand ${strand.rssMb.toFixed(0)} MiB vs bare ${bare.rssMb.toFixed(0)} MiB`);
JS
