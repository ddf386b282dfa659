#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest check, last in the multi-threaded boot: every CPU but the boot CPU
# goes offline and comes back, several times, while events are enabled in
# the top instance and in two others (one with a filter and a hist
# trigger), while a trace_pipe reader waits on the top instance and a
# trace_pipe_raw reader on each CPU of the third (HOTPLUG_RAW=0 leaves
# those out).  Each offline and online must return within a deadline (a
# write that never returns is a hung kernel: the check reports it and
# stops), the CPU's records must stay readable while it is away, events
# must be recorded on it again once it is back, reading `trace` must end,
# and no raw reader may keep its CPU busy.
#   @@CHECK <PASS|FAIL> cpu-hotplug

T=/sys/kernel/tracing
I=$T/instances/hotplug
R=$T/instances/hotplug_raw
ROUNDS=${HOTPLUG_ROUNDS:-5}
fail=

say() { echo "cpu-hotplug: $*"; }

# set_online CPU 0|1: write the CPU's online file in the background and
# wait for it, at most 60 s.
set_online() {
	echo "$2" >/sys/devices/system/cpu/cpu$1/online &
	w=$!
	i=0
	while kill -0 $w 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt 600 ]; then
			# The hotplug lock is held for good: removing the
			# instance would wait on it too.  Stop here.
			say "echo $2 > cpu$1/online has not returned after 60 s"
			echo "@@CHECK FAIL cpu-hotplug"
			exit 0
		fi
		sleep 0.1
	done
	wait $w || { say "echo $2 > cpu$1/online failed"; return 1; }
	[ "$(cat /sys/devices/system/cpu/cpu$1/online)" = "$2" ] ||
		{ say "cpu$1/online does not read $2"; return 1; }
}

# rename_on CPU NAME: a task on CPU renames itself (task:task_rename).
rename_on() {
	taskset -c "$1" sh -c "echo -n $2 >/proc/self/comm"
}

# in_trace PATTERN: $I/trace shows PATTERN.  Reading `trace` must end: a
# read still going after 60 s (writers outrunning it) counts as a miss.
in_trace() {
	timeout 60 grep -q -e "$1" $I/trace
}

# now_cs: the uptime in centiseconds, the unit of /proc/PID/stat times.
now_cs() {
	read -r up _ </proc/uptime
	f=${up#*.}
	echo $((${up%.*} * 100 + ${f#0}))
}

cpus=
for d in /sys/devices/system/cpu/cpu[0-9]*; do
	[ -f "$d/online" ] && cpus="$cpus ${d##*cpu}"
done
[ -n "$cpus" ] || { say "no CPU can go offline"; echo "@@CHECK FAIL cpu-hotplug"; exit 0; }

mkdir $I $R
# The top instance records renames only: its trace_pipe goes to a file.
echo 1 >$T/events/task/task_rename/enable
for tr in $I $R; do
	echo 1 >$tr/events/task/task_rename/enable
	echo 1 >$tr/events/sched/sched_switch/enable
	echo 1 >$tr/events/irq/enable
done
echo 'prev_pid >= 0' >$I/events/sched/sched_switch/filter
echo 'hist:keys=common_cpu' >$I/events/sched/sched_switch/trigger
cat $T/trace_pipe >/tmp/hotplug.pipe &
readers=$!
# A trace_pipe_raw reader on each CPU of $R, started on the CPU it reads
# (CPU 0's stays there).  There its own sleeping and waking are records
# of that CPU, which wake it again: the ring buffer must batch those
# wake-ups (once a tick), not wake it for every record, for ever, as
# fast as the CPU goes, flooding $I until reading `trace` never ends.
raw=
t0=$(now_cs)
if [ "${HOTPLUG_RAW:-1}" = 1 ]; then
	for d in "$R"/per_cpu/cpu[0-9]*; do
		c=${d##*cpu}
		taskset -c "$c" cat "$d/trace_pipe_raw" >/dev/null &
		raw="$raw $!"
	done
	readers="$readers$raw"
fi

r=0
while [ $r -lt "$ROUNDS" ] && [ -z "$fail" ]; do
	for c in $cpus; do
		# Read back from $I with `trace`, which does not consume.
		rename_on "$c" "hpin$r.$c"
		set_online "$c" 0 || { fail=y; break; }
		in_trace "newcomm=hpin$r.$c" ||
			{ say "cpu$c's record is gone while it is offline"; fail=y; }
		cat $I/per_cpu/cpu$c/stats >/dev/null ||
			{ say "cpu$c's stats unreadable while offline"; fail=y; }
		rename_on 0 "hpoff$r.$c"
		set_online "$c" 1 || { fail=y; break; }
		rename_on "$c" "hpback$r.$c"
		n=$(printf '%03d' "$c")
		in_trace "\[$n\].*newcomm=hpback$r.$c" || {
			say "no event on cpu$c after it came back"
			timeout 60 grep -e "newcomm=hp" $I/trace | tail -4
			cat $I/per_cpu/cpu$c/stats
			fail=y
		}
	done
	r=$((r + 1))
done

# A raw reader woken for its own records does little else: more than a
# third of the run on a CPU is such a loop.
t=$(($(now_cs) - t0))
for p in $raw; do
	# shellcheck disable=SC2046
	set -- $(cut -d' ' -f14,15,39 "/proc/$p/stat" 2>/dev/null)
	[ $# -eq 3 ] || continue
	say "raw reader $p: $(($1 + $2)) of $t cs, on cpu$3"
	[ $((3 * ($1 + $2))) -le "$t" ] ||
		{ say "raw reader $p kept cpu$3 busy"; fail=y; }
done
# shellcheck disable=SC2086
kill $readers 2>/dev/null
wait 2>/dev/null
grep -q 'newcomm=hpback' /tmp/hotplug.pipe ||
	{ say "trace_pipe saw no event after the CPUs came back"; fail=y; }
grep -q '^{ common_cpu:' $I/events/sched/sched_switch/hist ||
	{ say "the hist trigger counted nothing"; fail=y; }
echo '!hist:keys=common_cpu' >$I/events/sched/sched_switch/trigger
echo 0 >$T/events/enable
rmdir $I $R || { say "cannot remove the instances"; fail=y; }
for c in $cpus; do
	[ "$(cat /sys/devices/system/cpu/cpu$c/online)" = 1 ] ||
		{ say "cpu$c left offline"; fail=y; }
done

say "$r round(s) over CPUs$cpus"
if [ -z "$fail" ]; then
	echo "@@CHECK PASS cpu-hotplug"
else
	echo "@@CHECK FAIL cpu-hotplug"
fi
