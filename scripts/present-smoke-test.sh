#!/usr/bin/env bash
# Presents a sample map in the real window under Xvfb with a window manager (full screen needs
# one): F5, steps with Page Down, a black screen and back, Esc. Checks that the window went full
# screen, that the black screen is black and the steps are not, and that the app is still
# running. Usage: scripts/present-smoke-test.sh BINARY MAP OUTDIR
set -euo pipefail
bin=$1 map=$2 out=$3
mkdir -p "$out"
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"
export POLKU_RECOVERY_DIR=$(mktemp -d)

xvfb-run -a -s '-screen 0 1920x1080x24' bash -c '
  set -euo pipefail
  openbox >/dev/null 2>&1 & wm=$!
  sleep 1
  "$0" "$1" & pid=$!
  trap "kill $pid $wm 2>/dev/null || true" EXIT
  win=$(timeout 60 xdotool search --sync --onlyvisible --name "Polku" | head -1)
  sleep 3
  xdotool windowactivate --sync "$win" || true
  xdotool windowfocus --sync "$win"
  key() { xdotool key "$1"; sleep 0.8; }
  xdotool getwindowgeometry "$win" | sed -n "s/.*Geometry: //p" > "$2/geometry-before.txt"
  key F5; sleep 1
  import -window root "$2/present-title.png"
  key Next; key Next; key Next
  import -window root "$2/present-stage.png"
  key b
  import -window root "$2/present-black.png"
  key Next
  import -window root "$2/present-back.png"
  geometry=$(xdotool getwindowgeometry "$win" | sed -n "s/.*Geometry: //p")
  echo "$geometry" > "$2/geometry.txt"
  key Escape
  import -window root "$2/present-ended.png"
  kill -0 $pid  # still running: no crash while presenting
' "$bin" "$map" "$out"

before=$(cat "$out/geometry-before.txt") geometry=$(cat "$out/geometry.txt")
echo "window before presenting: $before; while presenting: $geometry"
[ "$geometry" = "1920x1080" ] || { echo "the presentation did not fill the screen" >&2; exit 1; }
[ "$before" != "1920x1080" ] || { echo "the window filled the screen already before F5" >&2; exit 1; }
for shot in present-title present-stage present-back present-ended; do
  colours=$(convert "$out/$shot.png" -format '%k' info:)
  echo "$shot: $colours colours"
  [ "$colours" -ge 50 ] || { echo "$shot looks blank" >&2; exit 1; }
done
black=$(convert "$out/present-black.png" -format '%[fx:mean]' info:)
echo "black screen mean brightness: $black"
awk -v b="$black" 'BEGIN { exit !(b < 0.01) }' || { echo "B did not black the screen out" >&2; exit 1; }
if cmp -s "$out/present-stage.png" "$out/present-back.png"; then echo "back where it was"; else
  echo "note: the step after the black screen differs from before (pointer or timer)"; fi
