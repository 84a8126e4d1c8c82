#!/usr/bin/env bash
# Builds Polku's packages into target/packages/:
#   polku_VERSION-1_ARCH.deb   the Debian package (cargo-deb), installable with apt or dpkg
#   Polku.AppDir/              the AppImage's contents; made into Polku-ARCH.AppImage when
#                              appimagetool is on PATH (it is not in Debian and cannot be
#                              downloaded on an offline build machine)
#   polku.ico, polku.icns      the Windows and macOS icons, from assets/icon/
# and checks the Windows installer script (packaging/windows/polku.nsi, with makensis) and the
# macOS bundle's Info.plist (with plistutil) when those tools are installed. The Windows
# installer itself is built when POLKU_WINDOWS_EXE names a Windows build of polku.exe.
#
# Needs: Rust, dpkg-dev; optional: imagemagick, nsis, icnsutils, libplist-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(pwd)/target/packages
rm -rf "$out"
mkdir -p "$out"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
bin="${CARGO_TARGET_DIR:-target}/release/polku"

step() { printf '\n--- %s\n' "$*"; }

step "cargo-deb"
cargo_deb_version=3.8.0
if ! cargo deb --version 2>/dev/null | grep -q "$cargo_deb_version"; then
  cargo install cargo-deb --version "$cargo_deb_version" --locked
fi

step "release build (LTO, stripped)"
cargo build --release --locked
ls -l "$bin"

step "Debian package"
cargo deb --no-build --output "$out/"
deb=$(ls "$out"/polku_*.deb)
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
dpkg-deb --contents "$deb"

step "AppImage contents (AppDir)"
app="$out/Polku.AppDir"
mkdir -p "$app/usr/bin" "$app/usr/share/applications" "$app/usr/share/mime/packages"
cp "$bin" "$app/usr/bin/"
cp packaging/linux/polku.desktop "$app/usr/share/applications/"
cp packaging/linux/polku.desktop "$app/"
cp packaging/linux/polku.xml "$app/usr/share/mime/packages/"
for png in assets/icon/png/*.png; do
  size=$(basename "$png" .png)
  mkdir -p "$app/usr/share/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$app/usr/share/icons/hicolor/${size}x${size}/apps/polku.png"
done
cp assets/icon/png/256.png "$app/polku.png"
ln -sf polku.png "$app/.DirIcon"
cp packaging/linux/AppRun "$app/AppRun"
chmod 755 "$app/AppRun"
if command -v appimagetool >/dev/null 2>&1; then
  ARCH=$(uname -m) appimagetool "$app" "$out/Polku-$(uname -m).AppImage"
else
  echo "appimagetool is not installed: the AppDir is ready in $app; run 'appimagetool $app' to make the AppImage"
fi

step "Windows: icon and installer script"
if command -v convert >/dev/null 2>&1; then
  convert assets/icon/png/16.png assets/icon/png/24.png assets/icon/png/32.png assets/icon/png/48.png \
    assets/icon/png/64.png assets/icon/png/256.png "$out/polku.ico"
  ls -l "$out/polku.ico"
fi
if command -v makensis >/dev/null 2>&1 && [ -f "$out/polku.ico" ]; then
  if [ -n "${POLKU_WINDOWS_EXE:-}" ]; then
    makensis -V2 -DVERSION="$version" -DPOLKU_EXE="$POLKU_WINDOWS_EXE" -DICON="$out/polku.ico" \
      -DOUTFILE="$out/Polku-$version-windows.exe" packaging/windows/polku.nsi
  else
    # No Windows build here: compile the script with a stand-in program, to check it, and
    # throw the result away.
    check=$(mktemp -d)
    printf 'stand-in' > "$check/polku.exe"
    makensis -V2 -DVERSION="$version" -DPOLKU_EXE="$check/polku.exe" -DICON="$out/polku.ico" \
      -DOUTFILE="$check/polku-check.exe" packaging/windows/polku.nsi
    rm -rf "$check"
    echo "the installer script compiles; set POLKU_WINDOWS_EXE to a Windows build of polku.exe to make the installer"
  fi
else
  echo "makensis (Debian: nsis) or ImageMagick is not installed: the Windows installer script was not checked"
fi

step "macOS: icon and Info.plist"
if command -v png2icns >/dev/null 2>&1; then
  png2icns "$out/polku.icns" assets/icon/png/16.png assets/icon/png/32.png assets/icon/png/48.png \
    assets/icon/png/128.png assets/icon/png/256.png assets/icon/png/512.png >/dev/null
  ls -l "$out/polku.icns"
fi
if command -v plistutil >/dev/null 2>&1; then
  sed "s/@VERSION@/$version/g" packaging/macos/Info.plist > "$out/Info.plist"
  plistutil -i "$out/Info.plist" -f bin -o /dev/null && echo "Info.plist is a valid property list"
  rm "$out/Info.plist"
fi
if [ "$(uname)" = Darwin ]; then
  bundle="$out/Polku.app/Contents"
  mkdir -p "$bundle/MacOS" "$bundle/Resources"
  cp "$bin" "$bundle/MacOS/"
  sed "s/@VERSION@/$version/g" packaging/macos/Info.plist > "$bundle/Info.plist"
  cp "$out/polku.icns" "$bundle/Resources/"
  echo "macOS bundle: $out/Polku.app"
else
  echo "the macOS bundle (Polku.app) is assembled by this script on a Mac, from a macOS build"
fi

step "done"
ls -l "$out"
