#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Defect 6c: a hist command that is refused changes nothing.  One that
# reads common_timestamp (or names a clock, or takes snapshots) and then
# fails as a duplicate (EEXIST) or on a named table of another shape
# leaves the instance's clock, its time stamp mode, its buffer and its
# snapshot buffer as they were.

T=/sys/kernel/tracing
I=$T/instances/regress06c
E=$I/events/task/task_rename
N=$I/events/task/task_newtask
fail=0

cleanup() {
	[ -d $I ] && rmdir $I
}
trap cleanup EXIT

bad() {
	echo "FAIL: $*"
	fail=1
}

mkdir $I || { echo "FAIL: mkdir instance"; exit 1; }

# state: the instance's clock, time stamp mode and whether the marker
# written before the command is still in the buffer.
state() {
	echo "clock=$(sed 's/.*\[\(.*\)\].*/\1/' $I/trace_clock)" \
	     "mode=$(cat $I/timestamp_mode)" \
	     "marker=$(grep -c regress06c-mark $I/trace)" \
	     "snapshot=$(grep -c 'Snapshot is allocated' $I/snapshot)"
}

# refused HOW CMD FILE: CMD must be refused and leave state() as it was.
refused() {
	echo mono >$I/trace_clock
	echo regress06c-mark >$I/trace_marker
	before=$(state)
	if echo "$2" >>"$3" 2>/dev/null; then
		bad "$1: '$2' accepted"
		return
	fi
	after=$(state)
	[ "$before" = "$after" ] ||
		bad "$1: '$2' refused, but changed '$before' to '$after'"
}

# A duplicate of a trigger that reads the time stamp.
C='hist:keys=common_pid:t0=common_timestamp'
echo "$C" >>$E/trigger || bad "'$C' refused"
refused duplicate "$C" $E/trigger
echo "!$C" >>$E/trigger

C='hist:keys=common_pid:vals=hitcount:clock=local'
echo "$C" >>$E/trigger || bad "'$C' refused"
refused "duplicate with clock" "$C" $E/trigger
echo "!$C" >>$E/trigger

# A named table of another shape.
echo 'hist:name=regress06c:keys=common_pid' >>$E/trigger ||
	bad "named table refused"
refused "named mismatch" \
	'hist:name=regress06c:keys=common_pid:vals=common_timestamp' \
	$N/trigger
refused "named mismatch with clock" \
	'hist:name=regress06c:keys=pid:clock=local' $N/trigger
echo 0 >$I/snapshot
refused "named mismatch with a snapshot" \
	'hist:name=regress06c:keys=common_pid:v=common_pid:onchange($v).snapshot()' \
	$N/trigger
echo '!hist:name=regress06c:keys=common_pid' >>$E/trigger

[ $fail = 0 ] && echo "PASS: refused hist commands change nothing"
exit $fail
