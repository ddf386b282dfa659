#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# config.sh NAME: write out/build[-NAME]/.config from tinyconfig and the
# fragments (default.config, then NAME.config), then check that every
# symbol the fragments set survived olddefconfig.
. "$(dirname "$0")/lib.sh"

name=${1:-default}
BUILD=$(build_dir "$name")
mkdir -p "$BUILD"
frags=$ROOT/harness/configs/default.config
[ "$name" = default ] || frags="$frags $ROOT/harness/configs/$name.config"
for f in $frags; do [ -f "$f" ] || die "no config fragment $f"; done

cat $frags >"$BUILD/fragment.config"
gen_config "$BUILD/fragment.config"
dropped=$(config_dropped "$BUILD/fragment.config")
[ -z "$dropped" ] || {
	echo "$dropped" | sed 's/^/config: did not survive: /' >&2
	die "config fragment symbols were dropped"
}
log "config $name ok"
