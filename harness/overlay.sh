#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Make out/src = pristine base tree + our owned paths + harness/patches.
#
# harness/owned.txt lists every base-tree path we own: a line ending in '/'
# owns the whole directory (mainline's files in it are removed), any other
# line owns one file (removed if we do not ship it).  Files are copied only
# when their content differs, so unchanged files keep their mtime and kernel
# rebuilds stay incremental.  Patches are applied to pristine copies in a
# staging directory and the results copied in the same way; a patch that
# does not apply stops the build.
. "$(dirname "$0")/lib.sh"

ver=$(cat "$OUT/base/.version")
if [ ! -d "$SRC" ] || [ "$(cat "$SRC/.base-version" 2>/dev/null)" != "$ver" ]; then
	log "copying base tree to out/src"
	rm -rf "$SRC"
	cp -a "$BASE" "$SRC"
	echo "$ver" >"$SRC/.base-version"
fi

# put SRC-FILE DEST: copy when the content differs.
put() {
	if ! cmp -s "$1" "$2"; then
		mkdir -p "$(dirname "$2")"
		cp "$1" "$2.overlay-tmp"
		chmod --reference="$1" "$2.overlay-tmp"
		mv -f "$2.overlay-tmp" "$2"
	fi
}

owned=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$ROOT/harness/owned.txt")

# A path we owned last time and no longer do goes back to mainline's.
for path in $(cat "$SRC/.overlay-owned" 2>/dev/null); do
	echo "$owned" | grep -qxF "$path" && continue
	path=${path%/}
	rm -rf "${SRC:?}/$path"
	if [ -e "$BASE/$path" ]; then
		mkdir -p "$(dirname "$SRC/$path")"
		cp -a "$BASE/$path" "$SRC/$path"
	fi
	log "restored mainline's $path"
done
echo "$owned" >"$SRC/.overlay-owned"
for path in $owned; do
	case "$path" in
	*/)
		dir=${path%/}
		mkdir -p "$SRC/$dir"
		# Remove whatever in the tree is not ours.
		(cd "$SRC/$dir" && find . -type f) | while read -r f; do
			[ -f "$ROOT/$dir/$f" ] || rm -f "$SRC/$dir/$f"
		done
		find "$SRC/$dir" -mindepth 1 -type d -empty -delete
		if [ -d "$ROOT/$dir" ]; then
			(cd "$ROOT/$dir" && find . -type f) | while read -r f; do
				put "$ROOT/$dir/$f" "$SRC/$dir/$f"
			done
		fi
		;;
	*)
		if [ -f "$ROOT/$path" ]; then
			put "$ROOT/$path" "$SRC/$path"
		else
			rm -f "$SRC/$path"
		fi
		;;
	esac
done

# Patches: files touched now or by the previous overlay are rebuilt from
# pristine copies.
stage=$OUT/patch-stage
rm -rf "$stage"
mkdir -p "$stage"
touched=$(cat "$SRC/.overlay-patched" 2>/dev/null || true)
now=
for p in "$ROOT"/harness/patches/*.patch; do
	[ -f "$p" ] || continue
	now="$now $(sed -n 's|^+++ b/\([^[:space:]]*\).*|\1|p' "$p")"
done
for f in $now; do
	if [ -f "$BASE/$f" ]; then
		mkdir -p "$stage/$(dirname "$f")"
		cp -p "$BASE/$f" "$stage/$f"
	fi
done
for p in "$ROOT"/harness/patches/*.patch; do
	[ -f "$p" ] || continue
	patch -p1 -s --batch --forward -d "$stage" <"$p" ||
		die "patch does not apply: ${p#"$ROOT"/}"
done
for f in $touched $now; do
	if [ -f "$stage/$f" ]; then
		put "$stage/$f" "$SRC/$f"
	elif [ -f "$BASE/$f" ]; then
		put "$BASE/$f" "$SRC/$f"
	fi
done
echo "$now" | tr ' ' '\n' | sed '/^$/d' | sort -u >"$SRC/.overlay-patched"
log "overlay applied ($(echo "$owned" | wc -l) owned paths)"
