#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Defect 5: a probe that joins a multiprobe event while the event is being
# enabled or disabled must end up armed exactly when the event is in use.
# The join and the arming of the event's probes must be one step against
# each other; before the fix they were not (the join took only
# dyn_event_mutex, the arming walked the probes under trace_mutex only).
#
# A race: each round makes an event of one probe, lets a task switch the
# event on and off as fast as it can while probes on other functions
# join it, stops the task, and then, whatever state the event was left
# in, checks every probe against it: enabled, each probe must count hits
# when its function runs; disabled, none may (kprobe_profile).  Rounds
# run for $REGRESS5_SECS seconds (default 20).  The window is a few
# instructions wide: a pass does not prove the absence of the race, a
# failure proves it is there.

T=/sys/kernel/tracing
SECS=${REGRESS5_SECS:-20}
FUNCS="ksys_read do_sys_openat2 do_filp_open kernel_clone vfs_write ksys_write"

uptime_s() { cut -d. -f1 /proc/uptime; }

tog=
cleanup() {
	[ -n "$tog" ] && kill $tog 2>/dev/null && wait $tog 2>/dev/null
	tog=
	{ echo 0 >$T/events/regr5/ev/enable; } 2>/dev/null
	{ echo '-:regr5/ev' >>$T/kprobe_events; } 2>/dev/null
}

fail() {
	echo "FAIL: $*"
	cleanup
	exit 1
}

# The hits of every probe of regr5/ev, one number per line, in order.
hits() { awk '$1 == "ev" { print $2 }' $T/kprobe_profile; }

# Run every probed function a few times.
work() {
	cat /proc/version >/dev/null
	echo x >/dev/null
	cat /proc/version >/dev/null
}

rounds=0
end=$(($(uptime_s) + SECS))
while [ "$(uptime_s)" -lt $end ]; do
	echo "p:regr5/ev vfs_read a=%di" >>$T/kprobe_events ||
		fail "cannot create the event"
	(while :; do
		echo 1 >$T/events/regr5/ev/enable
		echo 0 >$T/events/regr5/ev/enable
	done) 2>/dev/null &
	tog=$!
	for f in $FUNCS; do
		echo "p:regr5/ev $f a=%di" >>$T/kprobe_events ||
			fail "cannot add a probe on $f"
	done
	kill $tog
	wait $tog 2>/dev/null
	tog=
	state=$(cat $T/events/regr5/ev/enable)
	before=$(hits)
	work
	after=$(hits)
	echo 0 >$T/events/regr5/ev/enable
	set -- $after
	n=0
	for b in $before; do
		n=$((n + 1))
		a=$1
		shift
		if [ "$state" = 1 ] && [ "$a" = "$b" ]; then
			fail "round $rounds: probe $n not armed in the enabled event"
		fi
		if [ "$state" = 0 ] && [ "$a" != "$b" ]; then
			fail "round $rounds: probe $n armed in the disabled event"
		fi
	done
	[ $n = 7 ] || fail "round $rounds: $n probes, not 7"
	echo '-:regr5/ev' >>$T/kprobe_events || fail "cannot remove the event"
	rounds=$((rounds + 1))
done
cleanup
[ -d $T/events/regr5 ] && fail "regr5 left behind"
echo "ok: $rounds rounds, every probe armed exactly while its event was"
exit 0
