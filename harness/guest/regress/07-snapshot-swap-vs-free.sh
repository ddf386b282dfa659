#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A snapshot trigger's swap never races the snapshot being freed: while
# trace_marker records on CPU 0 fire a snapshot trigger, CPU 1 frees and
# allocates the snapshot in a loop.  A swap that passed its "allocated"
# test before the free and swapped after it would make the shrunk
# snapshot buffer the live one: buffer_size_kb must not change.  (A
# stress test: the window is a few instructions wide.)
T=/sys/kernel/tracing
S=${RB_SNAPSHOT_SECONDS:-15}
old=$(cat $T/buffer_size_kb)
trig=$T/events/ftrace/print/trigger
pid=
cleanup() {
	[ -n "$pid" ] && kill $pid 2>/dev/null
	wait 2>/dev/null
	echo '!snapshot' >$trig 2>/dev/null
	echo 0 >$T/snapshot
	echo "$old" >$T/buffer_size_kb
	echo >$T/trace
	rm -f /tmp/rb07.mark
}
trap cleanup EXIT

log0=$(dmesg | wc -l)
echo 1 >$T/snapshot || { echo "FAIL: cannot allocate the snapshot"; exit 1; }
echo snapshot >$trig || { echo "FAIL: cannot set the snapshot trigger"; exit 1; }
/harness/rb_consumer mark "$S" 0 >/tmp/rb07.mark &
pid=$!
fail=0
n=0
end=$(($(date +%s) + S))
while [ "$(date +%s)" -lt $end ]; do
	echo 0 >$T/snapshot
	now=$(cat $T/buffer_size_kb)
	if [ "$now" != "$old" ]; then
		echo "FAIL: after freeing the snapshot (round $n), buffer_size_kb is $now, was $old"
		fail=1
		break
	fi
	echo 1 >$T/snapshot
	n=$((n + 1))
done
wait $pid
pid=
echo "$n rounds, $(cat /tmp/rb07.mark)"
for c in $T/per_cpu/cpu*; do
	if [ "$(cat $c/buffer_size_kb)" != "$old" ]; then
		echo "FAIL: $c/buffer_size_kb is $(cat $c/buffer_size_kb), was $old"
		fail=1
	fi
done
if dmesg | tail -n +$((log0 + 1)) |
   grep -iE 'warn|bug|kasan|oops|leak|lockdep|circular'; then
	echo "FAIL: kernel log"
	fail=1
fi
exit $fail
