#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# run.sh NAME [CMD]: build everything, then boot the guest.  With CMD, run
# that shell command line in the guest, print its output and exit with its
# status; without, give an interactive root shell.
. "$(dirname "$0")/lib.sh"

name=${1:-default}
cmd=${2:-}
"$ROOT/harness/build.sh" "$name" >&2
"$ROOT/harness/initramfs.sh" "$name" >&2
if [ -z "$cmd" ]; then
	exec "$ROOT/harness/qemu.sh" "$name" --append quiet
fi

script=$(mktemp)
trap 'rm -f "$script"' EXIT
printf '%s\n' "$cmd" >"$script"
log=$LOGS/$name-cmd.log
set +e
"$ROOT/harness/qemu.sh" "$name" --script "$script" --append quiet \
	--timeout "${RUN_TIMEOUT:-600}" --log "$log"
rc=$?
set -e
# The command's output: everything between the guest's markers.
sed -n '/@@BEGIN@@/,/@@EXIT=/{/@@BEGIN@@/d;/@@EXIT=/d;p}' "$log" | tr -d '\r'
case $rc in
0) ;;
124) echo "harness: guest timed out (log: ${log#"$ROOT"/})" >&2 ;;
125) echo "harness: guest did not finish (log: ${log#"$ROOT"/})" >&2 ;;
*) echo "harness: guest command exited with status $rc" >&2 ;;
esac
exit $rc
