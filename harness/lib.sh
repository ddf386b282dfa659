# SPDX-License-Identifier: GPL-2.0
# Shared settings for the harness scripts; sourced, never run.
#
# Layout under out/ (git-ignored):
#   out/base/linux-source-6.12   pristine base tree, extracted once per version
#   out/src                      the base tree with our overlay applied
#   out/build, out/build-debug   kernel build trees (O=)
#   out/initramfs                guest userland staging and cpio archives
#   out/logs                     console logs of every QEMU run
# Outside the clone, so that every clone and CI run on this machine share
# them:
#   ~/.cache/trace-events/ccache  compiler cache
#   ~/.cache/trace-events/qemu    QEMU from bookworm-backports (deps.sh)

set -eu

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/out
BASE_PKG=linux-source-6.12
BASE_TAR=/usr/src/$BASE_PKG.tar.xz
BASE=$OUT/base/$BASE_PKG
SRC=$OUT/src
LOGS=$OUT/logs
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/trace-events
export CCACHE_DIR=${CCACHE_DIR:-$CACHE/ccache}
QEMU_DIR=$CACHE/qemu
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}
JOBS=${JOBS:-$(nproc)}

log() { printf '>>> %s\n' "$*" >&2; }
die() { printf 'harness: error: %s\n' "$*" >&2; exit 1; }

# Build tree for a config name: "default" -> out/build, else out/build-<name>.
build_dir() {
	if [ "${1:-default}" = default ]; then
		echo "$OUT/build"
	else
		echo "$OUT/build-$1"
	fi
}

# The kernel make command line, shared by every script that builds.
kmake() {
	make -s -C "$SRC" O="$BUILD" -j"$JOBS" \
		CC="ccache gcc" HOSTCC="ccache gcc" "$@"
}

# gen_config FRAGMENT: $BUILD/.config = tinyconfig + FRAGMENT, from $SRC.
gen_config() {
	kmake tinyconfig >/dev/null
	"$SRC/scripts/kconfig/merge_config.sh" -m -Q -O "$BUILD" \
		"$BUILD/.config" "$1" >/dev/null
	kmake olddefconfig >/dev/null
}

# config_dropped FRAGMENT: print each setting of FRAGMENT that
# $BUILD/.config did not keep, with what it has instead.
config_dropped() {
	local line sym
	while read -r line; do
		case "$line" in
		CONFIG_*=*)
			grep -qxF "$line" "$BUILD/.config" ||
				echo "$line (have: $(grep "^${line%%=*}=" "$BUILD/.config" || echo unset))"
			;;
		"# CONFIG_"*" is not set")
			sym=${line#\# }
			sym=${sym%% *}
			! grep -q "^$sym=" "$BUILD/.config" ||
				echo "$line (have: $(grep "^$sym=" "$BUILD/.config"))"
			;;
		esac
	done <"$1"
}
