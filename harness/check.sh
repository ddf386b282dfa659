#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# check.sh NAME: build the NAME kernel, boot it once, and judge the run:
# the KUnit suites (at boot), the ftracetest cases and the kernel log
# (harness/results.py).  Exits non-zero if anything failed.
. "$(dirname "$0")/lib.sh"

name=${1:-default}
# Mainline's directories that apply, then ours.
dirs="00basic event filter trigger kprobe dynevent instances"
for d in "$ROOT"/tools/testing/selftests/ftrace/test.d/*/; do
	[ -d "$d" ] && dirs="$dirs $(basename "$d")"
done

"$ROOT/harness/build.sh" "$name"
"$ROOT/harness/initramfs.sh" "$name"

# Boot with the event layer's boot parameter (guest/smoke.sh checks it).
boot_args="trace_event=sched:sched_process_exec,irq:*,sys_enter_openat"

script=$(mktemp)
trap 'rm -f "$script"' EXIT
cat >"$script" <<S
sh /harness/smoke.sh
sh /harness/rb_stress.sh
FTRACE_DIRS="$dirs" FTRACE_TIMEOUT=${FTRACE_TIMEOUT:-300} sh /harness/check.sh
S
log=$LOGS/$name-check.log
log "booting $name kernel for the test run (log: ${log#"$ROOT"/})"
set +e
"$ROOT/harness/qemu.sh" "$name" --script "$script" --log "$log" \
	--append "$boot_args" \
	--timeout "${CHECK_TIMEOUT:-2400}"
qrc=$?
set -e
[ $qrc = 124 ] && log "QEMU timed out"
python3 "$ROOT/harness/results.py" "$log" "$ROOT/harness/ftracetest.expect" "$dirs"
