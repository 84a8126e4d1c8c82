#!/usr/bin/env bash
# Starts the real Polku window on a sample map under Xvfb, takes a screenshot, checks it is not
# blank, and stops the app. Usage: scripts/window-smoke-test.sh BINARY MAP OUT.png
set -euo pipefail
bin=$1 map=$2 out=$3
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"

xvfb-run -a -s '-screen 0 1600x1000x24' bash -c '
  set -euo pipefail
  "$0" "$1" & pid=$!
  trap "kill $pid 2>/dev/null || true" EXIT
  win=$(timeout 60 xdotool search --sync --onlyvisible --name "Polku" | head -1)
  sleep 3
  # Without a window manager nothing gives the window keyboard focus.
  xdotool windowfocus --sync "$win"
  # Pan and zoom like a user, then let the text settle.
  xdotool mousemove 800 500; sleep 0.3
  xdotool keydown ctrl click 4 click 4 keyup ctrl; sleep 0.5
  xdotool mousedown 1; sleep 0.2; xdotool mousemove 700 420; sleep 0.2; xdotool mouseup 1; sleep 1
  import -window root "$2"
  kill -0 $pid  # still running: no crash while driven
' "$bin" "$map" "$out"

colours=$(convert "$out" -format '%k' info:)
echo "window screenshot $out has $colours colours"
if [ "$colours" -lt 50 ]; then
  echo "the window looks blank" >&2
  exit 1
fi
