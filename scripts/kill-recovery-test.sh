#!/usr/bin/env bash
# Kills the real app with SIGKILL while a map is being edited and checks that the recovery file
# holds the edits made up to the last autosave, and that a new start offers them.
# Usage: scripts/kill-recovery-test.sh BINARY MAP
set -euo pipefail
bin=$1 map=$2
work=${KEEP_DIR:-$(mktemp -d)}
cp "$map" "$work/map.ron"
export POLKU_RECOVERY_DIR="$work/recovery"
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"

xvfb-run -a -s '-screen 0 1600x1000x24' bash -c '
  set -euo pipefail
  "$0" "$1/map.ron" & pid=$!
  win=$(timeout 60 xdotool search --sync --onlyvisible --name "Polku" | head -1)
  sleep 2
  xdotool windowfocus --sync "$win"; sleep 0.3
  # Keyboard only: go to the first cell, add a card, type its title.
  xdotool key Tab; sleep 0.3
  xdotool key n; sleep 0.5
  xdotool key ctrl+a; xdotool type --delay 30 "Killed mid-edit"; sleep 3
  import -window root "$1/before-kill.png"
  kill -9 $pid
  wait $pid 2>/dev/null || true
  # A new start finds the orphan and offers it.
  "$0" "$1/map.ron" & pid=$!
  timeout 60 xdotool search --sync --onlyvisible --name "Polku" >/dev/null
  sleep 2
  import -window root "$1/offer.png"
  kill $pid
' "$bin" "$work"

if ! grep -q "Killed mid-edit" "$work"/recovery/recovery-*.ron; then
  echo "the recovery file does not hold the edit made before the kill" >&2
  exit 1
fi
if grep -q "Killed mid-edit" "$work/map.ron"; then
  echo "autosave wrote over the user's own file" >&2
  exit 1
fi
echo "recovery after kill -9: the edit is in $(ls "$work"/recovery/recovery-*.ron | head -1), the map file is untouched"
