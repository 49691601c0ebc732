#!/usr/bin/env bash
# Installs what Strand needs on a fresh Debian 12 / Ubuntu machine and is safe to run again:
# the system libraries Tauri builds against (apt), the UI's npm packages, and tauri-driver for
# the end-to-end tests. Each step is skipped when its result is already there.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

apt_packages=(libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver xdotool sqlite3 e2fsprogs
  appstream dbus-daemon debootstrap)

missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
    || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -d "$repo/ui/node_modules" ] || [ "$repo/ui/package-lock.json" -nt "$repo/ui/node_modules/.package-lock.json" ]; then
  echo "bootstrap: npm ci"
  (cd "$repo/ui" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "${1:-}" = "--with-e2e" ] && ! command -v tauri-driver >/dev/null; then
  echo "bootstrap: cargo install tauri-driver"
  cargo install tauri-driver --locked --version '^2'
fi
