#!/usr/bin/env bash
# Installs the Debian package built by scripts/package.sh, checks the installed Polku (its
# version, a sample map, the desktop entry, the file types, the window from the desktop
# entry's command under Xvfb), then removes it and checks that nothing it installed is left.
# Needs root (or sudo). Usage: scripts/install-test.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
mkdir -p "$out"
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
deb=$(ls target/packages/polku_*.deb)

echo "--- install $deb"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null
polku --version
polku check /usr/share/polku/sample_maps/*.ron
desktop-file-validate /usr/share/applications/polku.desktop && echo "desktop entry: valid"
grep -q '^application/x-polku-map$' /usr/share/mime/types && grep -q '^image/x-polku-map-png$' /usr/share/mime/types \
  && grep -q '^image/x-polku-map-svg$' /usr/share/mime/types && grep -q '^application/x-polku-map-pdf$' /usr/share/mime/types \
  && echo "file types: registered"
grep -q 'application/x-polku-map=polku.desktop' /usr/share/applications/mimeinfo.cache && echo "opens maps: polku.desktop"

echo "--- the window, started by the desktop entry's command"
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/polku.desktop)
cmd=${exec_line/\%f/\/usr\/share\/polku\/sample_maps\/ecommerce-running-shoes.ron}
bash scripts/window-smoke-test.sh "$(command -v "${cmd%% *}")" "${cmd#* }" "$out/installed-window.png"

echo "--- remove"
dpkg -L polku > "$out/installed-files.txt"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq --purge polku >/dev/null
left=0
while read -r f; do
  if [ -f "$f" ] || [ -L "$f" ]; then echo "left behind: $f" >&2; left=1; fi
done < "$out/installed-files.txt"
for d in /usr/share/polku /usr/share/doc/polku; do
  if [ -e "$d" ]; then echo "left behind: $d" >&2; left=1; fi
done
if grep -q polku /usr/share/mime/types; then echo "the file types are still registered" >&2; left=1; fi
[ "$left" = 0 ] && echo "removed: nothing of the $(wc -l < "$out/installed-files.txt") installed paths is left"
exit "$left"
