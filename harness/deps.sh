#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Install, with apt-get, the host packages the harness needs and lacks.
. "$(dirname "$0")/lib.sh"

pkgs="linux-source-6.12 qemu-system-x86 busybox-static flex bison bc
      libelf-dev libssl-dev cpio ccache trace-cmd linux-perf kmod xz-utils gcc libc6-dev make
      python3 perl rsync dash coreutils"
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive

missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	log "installing:$missing"
	$SUDO apt-get update -qq
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# The guest runs on QEMU 10 from bookworm-backports, unpacked into
# $QEMU_DIR beside (not over) bookworm's QEMU 7.2.  Under multi-threaded
# TCG, QEMU 7.2 keeps running a stale translation of code that another
# vCPU has patched: toggling sched_switch while two tasks run kills the
# guest with an int3 Oops at the tracepoint within seconds, mainline's
# kernel as well as ours, whatever the CPU model.  QEMU 10.0 runs the same
# loop for minutes.  See the harness README.
QEMU_PKGS="qemu-system-x86 qemu-system-common qemu-system-data seabios"
if [ ! -x "$QEMU_DIR/usr/bin/qemu-system-x86_64" ]; then
	log "installing QEMU from bookworm-backports into $QEMU_DIR"
	list=/etc/apt/sources.list.d/bookworm-backports.list
	if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list \
		/etc/apt/sources.list.d; then
		echo "deb http://deb.debian.org/debian bookworm-backports main" |
			$SUDO tee "$list" >/dev/null
	fi
	$SUDO apt-get update -qq
	dl=$(mktemp -d)
	chmod 777 "$dl"
	# shellcheck disable=SC2086
	(cd "$dl" && apt-get download -qq -t bookworm-backports $QEMU_PKGS \
		2>/dev/null)
	rm -rf "$QEMU_DIR.new"
	mkdir -p "$QEMU_DIR.new"
	for d in "$dl"/*.deb; do dpkg -x "$d" "$QEMU_DIR.new"; done
	rm -rf "$dl"
	"$QEMU_DIR.new/usr/bin/qemu-system-x86_64" --version >/dev/null ||
		die "QEMU from bookworm-backports does not run"
	rm -rf "$QEMU_DIR"
	mv "$QEMU_DIR.new" "$QEMU_DIR"
fi
