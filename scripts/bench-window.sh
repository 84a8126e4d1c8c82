#!/usr/bin/env bash
# The real window on generated maps of 1,000, 5,000 and 10,000 cards, under Xvfb: time from
# process start to the first frame on screen, and the window's peak memory (VmHWM) once it has
# settled. Beside `cargo bench`; the figures go to BENCHMARKS.md.
#   scripts/bench-window.sh [RUNS]   (default 3 runs each; the median is printed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
cargo build --release --quiet --bin polku --example generate_map
dir=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$dir"' EXIT
display=:97
Xvfb $display -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY=$display POLKU_RECOVERY_DIR="$dir/recovery" POLKU_REPORT_FIRST_FRAME=1 XDG_DATA_HOME="$dir/data"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "| cards | file | first frame (ms, median of $runs) | peak memory VmHWM (MB, median) |"
echo "|---:|---:|---:|---:|"
for cards in 1000 5000 10000; do
    map="$dir/map-$cards.ron"
    target/release/examples/generate_map "$cards" "$map"
    firsts=() peaks=()
    for _ in $(seq "$runs"); do
        start=$(date +%s.%N)
        target/release/polku "$map" 2>"$dir/err" &
        pid=$!
        for _ in $(seq 200); do grep -q "first frame shown" "$dir/err" && break; sleep 0.05; done
        # Settle: the first frame, then a few idle seconds (the presentation layout is made then).
        sleep 5
        shown=$(sed -n 's/.*first frame shown at \([0-9.]*\).*/\1/p' "$dir/err" | head -1)
        firsts+=("$(echo "($shown - $start) * 1000" | bc | cut -d. -f1)")
        peaks+=("$(awk '/VmHWM/ {print int($2 / 1024)}' /proc/$pid/status)")
        kill $pid; wait $pid 2>/dev/null || true
    done
    size=$(du -k "$map" | awk '{printf "%.1f MB", $1 / 1024}')
    echo "| $cards | $size | $(printf '%s\n' "${firsts[@]}" | median) | $(printf '%s\n' "${peaks[@]}" | median) |"
done
