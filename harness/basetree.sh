#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Extract the pristine base tree once, and again only when the installed
# linux-source package has another version.  Prints the version.
. "$(dirname "$0")/lib.sh"

[ -f "$BASE_TAR" ] || die "$BASE_TAR missing (run harness/deps.sh)"
ver=$(dpkg-query -W -f='${Version}' "$BASE_PKG")
stamp=$OUT/base/.version
if [ ! -d "$BASE" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$ver" ]; then
	log "extracting $BASE_PKG $ver"
	rm -rf "$OUT/base"
	mkdir -p "$OUT/base"
	tar -C "$OUT/base" -xf "$BASE_TAR"
	echo "$ver" >"$stamp"
fi
kver=$(make -s -C "$BASE" kernelversion)
echo "base tree: $BASE_PKG $ver (Linux $kver)"
