#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest check, in the multi-threaded boot: for $HIST_STRESS_SECS seconds
# (default 10), add and remove a linked pair of inter-event hist
# triggers (sched_waking sets a variable, sched_switch reads it and fires
# a synthetic event with onmatch()), the synthetic event and a hist
# trigger on it, in random order, while two tasks make the events fire
# and a reader keeps the hist files open.  A write may be refused (the
# variables' owner before its users, an event in use), never splat; at
# the end everything must go, in the right order.
#   @@CHECK <PASS|FAIL> hist-stress

T=/sys/kernel/tracing
SECS=${HIST_STRESS_SECS:-10}

SYN='hs_lat u64 lat; pid_t pid'
WAKE='hist:keys=pid:hs_ts=common_timestamp.usecs'
SWITCH='hist:keys=next_pid:hs_l=common_timestamp.usecs-$hs_ts:onmatch(sched.sched_waking).hs_lat($hs_l,next_pid)'
SYNH='hist:keys=pid,lat.log2:sort=pid'

uptime_s() { cut -d. -f1 /proc/uptime; }

# Wake-ups on both vCPUs, and a reader holding the hist files open.
load() { while :; do sleep 0.01; done; }
load &
l1=$!
load &
l2=$!
# The synthetic event's hist file stays open while the event may go:
# reading it then must fail cleanly (the open holds the event file, and
# the read checks it under trace_mutex), never touch freed memory.
# (A subshell each round: an open that fails, the event being gone, ends
# only that round.)
reader() {
	while :; do
		(
			exec 3<$T/events/sched/sched_switch/hist
			cat $T/events/sched/sched_waking/hist >/dev/null
			exec 4<$T/events/synthetic/hs_lat/hist
			sleep 0.01
			cat <&3 >/dev/null
			cat <&4 >/dev/null
		) 2>/dev/null
	done
}
reader &
r1=$!

# One random step: add or remove one of the four pieces.
step() {
	case $(($(od -An -N1 -tu1 /dev/urandom) % 8)) in
	0) echo "$SYN" >>$T/synthetic_events ;;
	1) echo "!$SYN" >>$T/synthetic_events ;;
	2) echo "$WAKE" >>$T/events/sched/sched_waking/trigger ;;
	3) echo "!$WAKE" >>$T/events/sched/sched_waking/trigger ;;
	4) echo "$SWITCH" >>$T/events/sched/sched_switch/trigger ;;
	5) echo "!$SWITCH" >>$T/events/sched/sched_switch/trigger ;;
	6) echo "$SYNH" >>$T/events/synthetic/hs_lat/trigger ;;
	7) echo "!$SYNH" >>$T/events/synthetic/hs_lat/trigger ;;
	esac
}

# At least SECS seconds and more than 20 steps: a loaded host slows the
# debug guest down (15 steps in 10 s were seen); at most 6 * SECS.
steps=0
t0=$(uptime_s)
end=$((t0 + SECS))
while [ "$(uptime_s)" -lt $end ] ||
	{ [ $steps -le 20 ] && [ "$(uptime_s)" -lt $((t0 + 6 * SECS)) ]; }; do
	step 2>/dev/null
	steps=$((steps + 1))
done
kill $l1 $l2 $r1
wait $l1 $l2 $r1 2>/dev/null

# Tear down in the order the references allow.
echo "!$SYNH" 2>/dev/null >>$T/events/synthetic/hs_lat/trigger
echo "!$SWITCH" 2>/dev/null >>$T/events/sched/sched_switch/trigger
echo "!$WAKE" 2>/dev/null >>$T/events/sched/sched_waking/trigger
echo "!$SYN" 2>/dev/null >>$T/synthetic_events
ok=1
grep -q hist: $T/events/sched/sched_waking/trigger && ok=0
grep -q hist: $T/events/sched/sched_switch/trigger && ok=0
grep -q hs_lat $T/synthetic_events && ok=0
if [ $ok = 1 ] && [ $steps -gt 20 ]; then
	echo "@@CHECK PASS hist-stress"
else
	echo "@@CHECK FAIL hist-stress"
fi
echo "| $steps random steps in $(($(uptime_s) - t0))s"
