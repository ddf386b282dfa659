#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# build.sh NAME: base tree, overlay, config and build (bzImage + modules).
. "$(dirname "$0")/lib.sh"

name=${1:-default}
BUILD=$(build_dir "$name")
"$ROOT/harness/basetree.sh"
"$ROOT/harness/overlay.sh"
"$ROOT/harness/config.sh" "$name"
log "building $name kernel in ${BUILD#"$ROOT"/}"
kmake bzImage modules
log "built $(kmake -s kernelrelease)"
