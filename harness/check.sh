#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# check.sh NAME: build the NAME kernel, boot it three times (below), and judge
# the run: the KUnit suites (at boot), the ftracetest cases and the kernel log
# (harness/results.py).  Exits non-zero if anything failed.
. "$(dirname "$0")/lib.sh"

name=${1:-default}
# Mainline's directories that apply, then ours.  The debug config runs
# mainline's trigger, dynevent and instances directories and all of ours;
# 00basic, event, filter and kprobe (kprobe_core, the probe fuzzer and the
# kprobe stress case cover the kprobes under the checkers) are left to
# the default config: with them the debug guests took 2160 s each here,
# too near the boot's timeout and CI's budget (harness/README.md).
dirs="00basic event filter trigger kprobe dynevent instances"
[ "$name" = debug ] && dirs="trigger dynevent instances"
for d in "$ROOT"/tools/testing/selftests/ftrace/test.d/*/; do
	[ -d "$d" ] && dirs="$dirs $(basename "$d")"
done

tb=$(date +%s)
"$ROOT/harness/build.sh" "$name"
"$ROOT/harness/initramfs.sh" "$name"
log "build and initramfs: $(($(date +%s) - tb)) s"

# Three kinds of boot, one log.  The first, on one CPU, runs only the KUnit
# suites (they must pass on one CPU as on two).  The second (multi-
# threaded TCG, so that the vCPUs run at the same instant for the ring
# buffer stress test, the fuzzers and the tracepoint toggle loop) runs
# the KUnit suites again, the guest checks, the stress test, the fuzzers
# and the toggle loop, with the event layer's boot parameter
# (guest/smoke.sh checks it).  The last runs ftracetest, KUnit off, on
# single-threaded TCG: it passes on multi-threaded TCG too (QEMU 10), but
# its cases run one process at a time and finish no sooner there, so it
# is split across several guests instead.
boot_args="trace_event=sched:sched_process_exec,sched:sched_switch,irq:*,sys_enter_openat"

# The ftracetest run is split into $FTRACE_SHARDS guests booted at once
# (default: one per host core); each runs every n-th case.
shards=${FTRACE_SHARDS:-$(nproc)}
[ "$shards" -ge 1 ] 2>/dev/null || shards=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo true >"$tmp/s0"
# The probe fuzzer's 10,000 definitions take minutes under KASAN and
# lockdep; the debug config runs 4,000 of them to stay in CI's budget.
fuzz_env=
[ "$name" = debug ] && fuzz_env="PROBE_FUZZ_WRITES=4000"
cat >"$tmp/s1" <<S
sh /harness/smoke.sh
sh /harness/rb_stress.sh
$fuzz_env sh /harness/filter_fuzz.sh
sh /harness/trigger_count.sh
sh /harness/tp_toggle.sh
sh /harness/kprobe_stress.sh
sh /harness/hist_stress.sh
sh /harness/regress.sh
sh /harness/perf_check.sh
timeout 900 sh /harness/hotplug.sh
S
log=$LOGS/$name-check.log
t0=$(date +%s)
log "booting $name kernel on one CPU for KUnit (log: ${log#"$ROOT"/})"
set +e
QEMU_SMP=1 "$ROOT/harness/qemu.sh" "$name" --script "$tmp/s0" --log "$log.0" \
	--append "$boot_args" --timeout "${CHECK_TIMEOUT:-3000}"
[ $? = 124 ] && log "QEMU timed out (one-CPU boot)"
t1=$(date +%s)
log "one-CPU boot: $((t1 - t0)) s; booting $name kernel for the test run"
test_boot() {
	"$ROOT/harness/qemu.sh" "$name" --script "$tmp/s1" --log "$log.1" \
		--append "$boot_args" --parallel --timeout "${CHECK_TIMEOUT:-3000}"
	[ $? = 124 ] && log "QEMU timed out (test boot)"
}
test_boot
# Multi-threaded TCG now and then runs a stale int3 that the kernel has
# already patched away (harness/README.md): the kernel dies with an int3
# Oops at a site whose byte is not cc.  That one signature, and no other,
# reruns the test boot once; the rerun is printed, and the first boot's
# log is kept.  Any other crash, or the same fault twice, fails the run.
if rip=$("$ROOT/harness/stale_int3.py" "$log.1"); then
	cp "$log.1" "$LOGS/$name-check.stale-int3.log"
	log "RERUN: the test boot died of QEMU's stale int3: $rip"
	log "RERUN: its log is ${LOGS#"$ROOT"/}/$name-check.stale-int3.log; booting it once more"
	test_boot
fi
t2=$(date +%s)
log "test boot: $((t2 - t1)) s; booting $name kernel $shards time(s) at once for ftracetest"
pids=
for i in $(seq 0 $((shards - 1))); do
	echo "FTRACE_DIRS=\"$dirs\" FTRACE_SHARD=$i/$shards" \
		"FTRACE_TIMEOUT=${FTRACE_TIMEOUT:-300} sh /harness/check.sh" >"$tmp/f$i"
	(
		"$ROOT/harness/qemu.sh" "$name" --script "$tmp/f$i" --log "$log.f$i" \
			--append "kunit.enable=0" --timeout "${CHECK_TIMEOUT:-3000}"
		[ $? = 124 ] && log "QEMU timed out (ftracetest boot $i)"
		log "ftracetest boot $i: $(($(date +%s) - t2)) s"
	) &
	pids="$pids $!"
	sleep 2
done
# shellcheck disable=SC2086
wait $pids
t3=$(date +%s)
log "ftracetest boots: $((t3 - t2)) s"
set -e
{
	echo "@@BOOT one-cpu"
	cat "$log.0"
	echo "@@BOOT test"
	cat "$log.1"
	for i in $(seq 0 $((shards - 1))); do
		echo "@@BOOT ftracetest-$i"
		cat "$log.f$i"
	done
} >"$log"
rm -f "$log.0" "$log.1" "$log".f*
# The slowest cases, to watch the CI budget.
grep -ho '@@FTRACE [A-Z]* [^ ]* [0-9][0-9]*' "$log" | sort -k4 -n -r | head -n 8 |
	awk '{ printf "slow case: %4d s  %s\n", $4, $3 }'
python3 "$ROOT/harness/results.py" "$log" "$ROOT/harness/ftracetest.expect" "$dirs"
