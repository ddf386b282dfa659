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
kmake tinyconfig >/dev/null
"$SRC/scripts/kconfig/merge_config.sh" -m -Q -O "$BUILD" \
	"$BUILD/.config" "$BUILD/fragment.config" >/dev/null
kmake olddefconfig >/dev/null

bad=0
while read -r line; do
	case "$line" in
	CONFIG_*=*)
		grep -qxF "$line" "$BUILD/.config" || {
			echo "config: $line did not survive (have: $(grep "^${line%%=*}=" "$BUILD/.config" || echo unset))" >&2
			bad=1
		}
		;;
	"# CONFIG_"*" is not set")
		sym=${line#\# }
		sym=${sym%% *}
		! grep -q "^$sym=" "$BUILD/.config" || {
			echo "config: $sym should be unset but is $(grep "^$sym=" "$BUILD/.config")" >&2
			bad=1
		}
		;;
	esac
done <"$BUILD/fragment.config"
[ $bad = 0 ] || die "config fragment symbols were dropped"
log "config $name ok"
