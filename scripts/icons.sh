#!/usr/bin/env bash
# Renders the app icon's PNG sizes from its SVG sources (needs rsvg-convert, from Debian's
# librsvg2-bin). The PNGs are committed, so building and packaging do not need this; run it
# after changing assets/icon/*.svg. 16–32 px use the heavier small variant.
set -euo pipefail
cd "$(dirname "$0")/../assets/icon"
mkdir -p png
for size in 16 24 32; do
  rsvg-convert -w "$size" -h "$size" polku-small.svg -o "png/$size.png"
done
for size in 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" polku.svg -o "png/$size.png"
done
ls -l png
