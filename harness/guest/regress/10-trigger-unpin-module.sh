#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Defect 10: a trigger that names a module's event holds the module only
# while it exists.  enable_event:sample-trace:foo_bar on an instance's
# sched_switch, removed with '!enable_event:...' or with the instance,
# leaves nothing that keeps trace-events-sample loaded.

T=/sys/kernel/tracing
I=$T/instances/regress10
fail=0

drop() {
	[ -d $I ] && rmdir $I
	rmmod trace-events-sample 2>/dev/null
}
trap drop EXIT

bad() {
	echo "FAIL: $*"
	fail=1
}

# one CMD FILTER HOW: set CMD on the instance's sched_switch (with FILTER),
# let it fire, remove it (HOW: "bang" or "rmdir"); the module must go.
one() {
	modprobe trace-events-sample || { bad "no trace-events-sample"; return; }
	mkdir $I || { bad "mkdir instance"; return; }
	F=$I/events/sched/sched_switch/trigger
	if ! echo "$1:sample-trace:foo_bar$2" >>$F; then
		bad "$1$2 refused"
		drop
		return
	fi
	sleep 1
	state=$(cat $I/events/sample-trace/foo_bar/enable)
	if rmmod trace-events-sample 2>/dev/null; then
		bad "$1$2: module went while the trigger names its event"
		drop
		return
	fi
	if [ "$3" = bang ]; then
		echo "!$1:sample-trace:foo_bar" >>$F || bad "!$1 refused"
		after=$(cat $I/events/sample-trace/foo_bar/enable)
	else
		rmdir $I || bad "rmdir instance"
		after=gone
	fi
	if ! rmmod trace-events-sample; then
		bad "$1$2 removed by $3 (enable was '$state', then '$after'):" \
		    "the module stays pinned"
	fi
	drop
	return 0
}

for c in enable_event disable_event enable_hist disable_hist; do
	for how in bang rmdir; do
		one $c '' $how
		one $c ' if prev_pid == -1' $how
	done
done

[ $fail = 0 ] && echo "PASS: the module goes with the last trigger"
exit $fail
