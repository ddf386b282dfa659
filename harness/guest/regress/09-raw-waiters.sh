#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Waiters of one CPU buffer each get what they asked for.
# 1. A read() of per_cpu/cpu0/trace_pipe_raw, which wants any record,
#    sleeping beside a splice of the same file waiting for buffer_percent
#    (100) returns as soon as one record is written on CPU 0.
# 2. poll() of the file waits for a record as read() does (with
#    buffer_percent 0), where it used to say "readable" at once.
T=/sys/kernel/tracing
old_pct=$(cat $T/buffer_percent)
pids=
cleanup() {
	for p in $pids; do
		kill "$p" 2>/dev/null
	done
	wait 2>/dev/null
	echo "$old_pct" >$T/buffer_percent
	echo >$T/trace
	rm -f /tmp/rb09.splice /tmp/rb09.read /tmp/rb09.poll
}
trap cleanup EXIT
fail=0
log0=$(dmesg | wc -l)
raw=$T/per_cpu/cpu0/trace_pipe_raw

# 1. read() behind a splice waiting for a share.
echo 100 >$T/buffer_percent
echo >$T/trace
/harness/pipe_reader $raw 1 >/tmp/rb09.splice 2>&1 &
pids="$pids $!"
sleep 1
/harness/rb_consumer waitread $raw 20 >/tmp/rb09.read &
reader=$!
sleep 1
taskset -c 0 sh -c "echo rb09 >$T/trace_marker"
wait $reader
out=$(cat /tmp/rb09.read)
echo "read() beside a splice for 100%: $out"
case "$out" in
READ\ 0\ *|READ\ -*|"")
	echo "FAIL: the read() returned nothing"
	fail=1 ;;
READ\ *)
	ms=${out##* }
	if [ "$ms" -gt 10000 ]; then
		echo "FAIL: the read() took $ms ms"
		fail=1
	fi ;;
*)
	echo "FAIL: the read() was not woken by the record"
	fail=1 ;;
esac
for p in $pids; do
	kill "$p" 2>/dev/null
done
wait 2>/dev/null
pids=

# 2. poll() of trace_pipe_raw waits too: for any record with
#    buffer_percent 0, not saying "readable" while the buffer is empty.
echo 0 >$T/buffer_percent
echo >$T/trace
out=$(/harness/rb_consumer poll $raw 1000)
echo "poll() of an empty trace_pipe_raw: $out"
if [ "$out" != NONE ]; then
	echo "FAIL: poll() says an empty trace_pipe_raw is readable"
	fail=1
fi
/harness/rb_consumer poll $raw 20000 >/tmp/rb09.poll &
poller=$!
sleep 1
taskset -c 0 sh -c "echo rb09 >$T/trace_marker"
wait $poller
out=$(cat /tmp/rb09.poll)
echo "poll() of trace_pipe_raw, then a record: $out"
case "$out" in
POLLIN\ *) ;;
*)
	echo "FAIL: poll() was not woken by the record"
	fail=1 ;;
esac

if dmesg | tail -n +$((log0 + 1)) |
   grep -iE 'warn|bug|kasan|oops|leak|lockdep|circular'; then
	echo "FAIL: kernel log"
	fail=1
fi
exit $fail
