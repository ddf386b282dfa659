#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# mainline.sh: build mainline's kernel from the pristine base tree, with
# the same config fragment as ours, into out/build-mainline (for make bench).
# Symbols the fragment sets that mainline does not have (our own test
# options) are reported, not fatal; every tracing symbol must survive.
. "$(dirname "$0")/lib.sh"

"$ROOT/harness/basetree.sh"
BUILD=$(build_dir mainline)
SRC=$BASE	# kmake builds from $SRC: here the pristine tree
mkdir -p "$BUILD"
cp "$ROOT/harness/configs/default.config" "$BUILD/fragment.config"
kmake tinyconfig >/dev/null
"$BASE/scripts/kconfig/merge_config.sh" -m -Q -O "$BUILD" \
	"$BUILD/.config" "$BUILD/fragment.config" >/dev/null
kmake olddefconfig >/dev/null
bad=0
while read -r line; do
	case "$line" in
	CONFIG_*=*) ;;
	*) continue ;;
	esac
	grep -qxF "$line" "$BUILD/.config" && continue
	case "$line" in
	CONFIG_TRACE_KUNIT_TEST=*)	# ours alone
		echo "mainline config: ${line%%=*} does not exist there" >&2 ;;
	*)
		echo "mainline config: $line did not survive" >&2
		bad=1 ;;
	esac
done <"$BUILD/fragment.config"
[ $bad = 0 ] || die "mainline config differs from ours"
log "building mainline kernel in ${BUILD#"$ROOT"/}"
kmake bzImage modules	# modules: Module.symvers for out-of-tree builds
log "built mainline $(kmake -s kernelrelease)"
