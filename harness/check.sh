#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# check.sh NAME: build the NAME kernel, boot it twice (below), and judge
# the run: the KUnit suites (at boot), the ftracetest cases and the kernel log
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

# Two boots, one log.  The first (multi-threaded TCG, so that the vCPUs
# run at the same instant for the ring buffer stress test and for the
# filter fuzzer's events) runs the KUnit suites, the guest checks, the
# stress test and the filter fuzzer, with the event layer's
# boot parameter (guest/smoke.sh checks it).  The second runs ftracetest
# on single-threaded TCG (harness/qemu.sh says why), KUnit off.
boot_args="trace_event=sched:sched_process_exec,irq:*,sys_enter_openat"

s1=$(mktemp)
s2=$(mktemp)
trap 'rm -f "$s1" "$s2"' EXIT
cat >"$s1" <<S
sh /harness/smoke.sh
sh /harness/rb_stress.sh
sh /harness/filter_fuzz.sh
S
cat >"$s2" <<S
FTRACE_DIRS="$dirs" FTRACE_TIMEOUT=${FTRACE_TIMEOUT:-300} sh /harness/check.sh
S
log=$LOGS/$name-check.log
log "booting $name kernel for the test run (log: ${log#"$ROOT"/})"
set +e
"$ROOT/harness/qemu.sh" "$name" --script "$s1" --log "$log.1" \
	--append "$boot_args" --parallel --timeout "${CHECK_TIMEOUT:-2400}"
[ $? = 124 ] && log "QEMU timed out (first boot)"
log "booting $name kernel again for ftracetest"
"$ROOT/harness/qemu.sh" "$name" --script "$s2" --log "$log.2" \
	--append "kunit.enable=0" --timeout "${CHECK_TIMEOUT:-2400}"
[ $? = 124 ] && log "QEMU timed out (second boot)"
set -e
cat "$log.1" "$log.2" >"$log"
rm -f "$log.1" "$log.2"
python3 "$ROOT/harness/results.py" "$log" "$ROOT/harness/ftracetest.expect" "$dirs"
