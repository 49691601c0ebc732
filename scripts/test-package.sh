#!/usr/bin/env bash
# Builds the .deb as README documents it and checks what it holds: the binary, the desktop entry
# that starts it, the AppStream metainfo (validated), icons at every size, its dependencies
# declared — and that apt would install it here (a simulation: nothing is installed).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
target="${CARGO_TARGET_DIR:-$repo/target}"

CI=true npx --yes @tauri-apps/cli@^2 build --bundles deb
deb=$(ls -t "$target"/release/bundle/deb/*.deb | head -n 1)
echo "package: $deb"

fail() { echo "package check failed: $*" >&2; exit 1; }

depends=$(dpkg-deb -f "$deb" Depends)
for needed in libwebkit2gtk-4.1-0 libgtk-3-0; do
  [[ "$depends" == *"$needed"* ]] || fail "Depends lacks $needed ($depends)"
done

unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"
[ -x "$unpacked/usr/bin/strand" ] || fail "no /usr/bin/strand"
entry="$unpacked/usr/share/applications/Strand.desktop"
[ -f "$entry" ] || fail "no desktop entry"
grep -qx 'Exec=strand' "$entry" || fail "the desktop entry does not start strand"
grep -qx 'Icon=strand' "$entry" || fail "the desktop entry names no icon"
for size in 16 24 32 48 64 96 128 256 512; do
  [ -f "$unpacked/usr/share/icons/hicolor/${size}x${size}/apps/strand.png" ] || fail "no ${size}×${size} icon"
done
metainfo="$unpacked/usr/share/metainfo/app.strand.desktop.metainfo.xml"
[ -f "$metainfo" ] || fail "no AppStream metainfo"
grep -q '<launchable type="desktop-id">Strand.desktop</launchable>' "$metainfo" \
  || fail "the metainfo does not launch the desktop entry the package holds"
appstreamcli validate --no-net "$metainfo"

apt-get install --simulate "$deb" >/dev/null || fail "apt would not install it"
echo "package check: ok"
