#!/usr/bin/env bash
# Installs the .deb the way README says (`apt install ./…deb`) on a fresh Debian 12 — a minimal
# system made by debootstrap, with nothing of Strand's build on it — and starts the installed
# Strand there: every library it needs must come from the package's declared dependencies.
#
#   bash scripts/test-fresh-install.sh path/to/Strand_….deb
#
# Needs root (debootstrap, chroot, mounts), as CI runs. The minimal system and the packages apt
# fetched are kept under the CI cache, so a later run copies them instead of downloading; each
# run installs into a fresh copy.
set -euo pipefail
deb=$(realpath "$1")
cache="${STRAND_CI_CACHE:-/var/cache/strand-ci}"
pristine="$cache/debian-12-minbase"
archives="$cache/fresh-install-apt"

fail() { echo "fresh install failed: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "it needs root, to make and enter a minimal Debian"

if [ ! -f "$pristine/.complete" ]; then
  echo "fresh install: making a minimal Debian 12 (once; kept in $pristine)"
  rm -rf "$pristine"
  debootstrap --variant=minbase bookworm "$pristine" http://deb.debian.org/debian >/dev/null
  touch "$pristine/.complete"
fi

root=$(mktemp -d /var/tmp/strand-fresh.XXXXXX)
display_server=""
mounted=()
cleanup() {
  [ -z "$display_server" ] || kill "$display_server" 2>/dev/null || true
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
  rm -rf "$root"
}
trap cleanup EXIT
bind() { mkdir -p "$root/$2"; mount --bind "$1" "$root/$2"; mounted+=("$root/$2"); }

cp -a "$pristine/." "$root/"
rm -f "$root/.complete"
mount -t proc proc "$root/proc"; mounted+=("$root/proc")
bind /dev dev
bind /sys sys
mkdir -p "$archives"
bind "$archives" var/cache/apt/archives
cp "$deb" "$root/tmp/strand.deb"

echo "fresh install: apt install ./strand.deb"
log="$root/tmp/apt.log"
chroot "$root" sh -c 'cd /tmp && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./strand.deb' >"$log" 2>&1 \
  || { tail -n 30 "$log" >&2; fail "apt could not install the package on a fresh Debian 12"; }
chroot "$root" dpkg -s strand | grep -qx 'Status: install ok installed' || fail "strand is not installed"
missing=$(chroot "$root" ldd /usr/bin/strand | grep 'not found' || true)
[ -z "$missing" ] || fail "libraries the package does not bring: $missing"
launch=$(sed -n 's/^Exec=//p' "$root/usr/share/applications/Strand.desktop")
chroot "$root" sh -c "command -v $launch" >/dev/null || fail "the desktop entry's $launch is not on PATH"

# Start the installed Strand as its desktop entry does, on a display of its own, and let it say
# once it is ready for input; then it quits by itself.
# -displayfd: Xvfb picks a free display and writes its number once it is ready.
Xvfb -displayfd 3 -nolisten tcp 3>"$root/tmp/display" 2>/dev/null &
display_server=$!
for _ in $(seq 100); do [ -s "$root/tmp/display" ] && break; sleep 0.1; done
display_number=$(tr -d '[:space:]' <"$root/tmp/display")
[ -n "$display_number" ] || fail "no display for the installed Strand"
bind /tmp/.X11-unix tmp/.X11-unix
said=$(chroot "$root" env -i HOME=/root PATH=/usr/bin:/bin DISPLAY=":$display_number" \
  STRAND_DATA_DIR=/tmp/strand-data STRAND_EXIT_ON_READY=1 GSETTINGS_BACKEND=memory \
  timeout 60 "$launch" 2>&1) || fail "the installed Strand did not start: $said"
grep -q '^READY since_main_ms=' <<<"$said" || fail "the installed Strand never got ready: $said"
[ -f "$root/tmp/strand-data/strand.sqlite" ] || fail "the installed Strand made no library"
echo "fresh install: ok ($(grep '^READY' <<<"$said"))"
