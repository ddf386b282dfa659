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
gen_config "$BUILD/fragment.config"
# Our own test options are the symbols mainline cannot have.
ours_only='^CONFIG_\(TRACE_KUNIT_TEST\|RING_BUFFER_STRESS_TEST\)='
dropped=$(config_dropped "$BUILD/fragment.config" | grep -v "$ours_only" || true)
[ -z "$dropped" ] || {
	echo "$dropped" | sed 's/^/mainline config: did not survive: /' >&2
	die "mainline config differs from ours"
}
log "building mainline kernel in ${BUILD#"$ROOT"/}"
kmake bzImage modules	# modules: Module.symvers for out-of-tree builds
log "built mainline $(kmake -s kernelrelease)"
