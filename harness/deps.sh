#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Install, with apt-get, the host packages the harness needs and lacks.
. "$(dirname "$0")/lib.sh"

pkgs="linux-source-6.12 qemu-system-x86 busybox-static flex bison bc
      libelf-dev libssl-dev cpio ccache trace-cmd kmod xz-utils gcc libc6-dev make
      python3 perl rsync"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
log "installing:$missing"
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
