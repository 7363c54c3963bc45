#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Retort authors
#
# Builds the .deb and the .tar.gz with CPack, unpacks the .deb with dpkg -x into a temporary root
# and runs from there what a user runs: the version, the CLI on the installed sample (its graph
# drawn by the installed layout helper), the window on the sample, the alembic.ini file type.
#   checkpackage.sh BUILD_DIR VERSION APP_ID UPDATE_MIME_DATABASE
set -euo pipefail
build=$1 version=$2 id=$3 update_mime=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

if ! cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    fail "CPack could not build the packages"
fi
deb=$(echo "$work/out"/retort_"$version"_*.deb)
tarball="$work/out/retort-$version-Linux.tar.gz"
[ -f "$deb" ] || fail "no .deb for version $version in: $(ls "$work/out")"
[ -f "$tarball" ] || fail "no $(basename "$tarball") in: $(ls "$work/out")"

# Control fields: the version, dependencies found by shlibdeps and the ones it cannot see.
[ "$(dpkg-deb -f "$deb" Package)" = retort ] || fail "the package is not named retort"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the package's version is not $version"
depends=$(dpkg-deb -f "$deb" Depends)
for needed in libqt6core6 libqt6widgets6 libqt6sql6-sqlite libgvc6 libcgraph6; do
    [[ "$depends" == *"$needed"* ]] || fail "Depends lacks $needed: $depends"
done
[[ "$(dpkg-deb -f "$deb" Recommends)" == *python3-alembic* ]] || fail "python3-alembic is not recommended"

root="$work/root"
dpkg -x "$deb" "$root"
for file in usr/bin/retort usr/bin/retort-cli usr/libexec/retort/retort-layout \
    "usr/share/applications/$id.desktop" "usr/share/metainfo/$id.metainfo.xml" \
    "usr/share/mime/packages/$id.xml" "usr/share/icons/hicolor/scalable/apps/$id.svg" \
    usr/share/retort/sample/alembic.ini usr/share/doc/retort/copyright; do
    [ -e "$root/$file" ] || fail "the package does not install /$file"
done
for size in 16 22 24 32 48 64 128 256 512; do
    png="$root/usr/share/icons/hicolor/${size}x$size/apps/$id.png"
    [ -s "$png" ] || fail "no ${size}x$size icon"
    file "$png" | grep -q "PNG image data, $size x $size" || fail "${size}x$size icon is $(file -b "$png")"
done

# Run from the unpacked root: it finds its helper and sample relative to its own folder.
"$root/usr/bin/retort-cli" --version | grep -qF "$version" || fail "retort-cli --version does not say $version"
"$root/usr/bin/retort" --version | grep -qF "$version" || fail "retort --version does not say $version"
sample="$root/usr/share/retort/sample"
"$root/usr/bin/retort-cli" -c "$sample/alembic.ini" heads >"$work/heads.txt" || fail "retort-cli heads failed"
[ -s "$work/heads.txt" ] || fail "retort-cli heads printed nothing for the sample"
"$root/usr/bin/retort-cli" -c "$sample/alembic.ini" graph --format svg -o "$work/graph.svg" ||
    fail "retort-cli graph failed"
grep -q "<svg" "$work/graph.svg" || fail "retort-cli graph wrote no SVG"
XDG_CONFIG_HOME="$work/config" "$root/usr/bin/retort" --demo --size 1280x800 --screenshot "$work/window.png" ||
    fail "the window did not open the installed sample"
file "$work/window.png" | grep -q "PNG image data, 1280 x 800" || fail "the window's screenshot is $(file -b "$work/window.png")"

# The file association: alembic.ini gets the type the desktop file declares.
mime_type=$(sed -n 's/^MimeType=\(.*\);$/\1/p' "$root/usr/share/applications/$id.desktop")
[ -n "$mime_type" ] || fail "the desktop file declares no MimeType"
"$update_mime" "$root/usr/share/mime" || fail "update-mime-database rejected the package's MIME type"
grep -qxF "60:$mime_type:alembic.ini" "$root/usr/share/mime/globs2" ||
    fail "alembic.ini is not of type $mime_type: $(cat "$root/usr/share/mime/globs2")"

# The tarball holds the same programs.
tar -tzf "$tarball" >"$work/tarball.txt"
for file in bin/retort bin/retort-cli libexec/retort/retort-layout "share/applications/$id.desktop"; do
    grep -q "/$file\$" "$work/tarball.txt" || fail "the tarball lacks $file"
done
echo "PASS: $(basename "$deb") ($(du -h "$deb" | cut -f1)) and $(basename "$tarball") ($(du -h "$tarball" | cut -f1))"
