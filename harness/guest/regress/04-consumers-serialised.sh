#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 300
# Consumers of one CPU buffer are serialised: trace_pipe (the CPU's and
# the instance's), trace_pipe_raw and sub-buffer size changes on CPU 0
# while trace_marker records fire there.  No record may come out twice,
# out of order or garbled, no read may fail, and the kernel log stays
# clean.
T=/sys/kernel/tracing
S=${RB_CONSUMERS_SECONDS:-5}
D=/tmp/rb04
rm -rf $D
mkdir -p $D
old_sub=$(cat $T/buffer_subbuf_size_kb)
old_size=$(cat $T/buffer_size_kb)
pids=

cleanup() {
	for p in $pids; do
		kill "$p" 2>/dev/null
	done
	wait 2>/dev/null
	echo "$old_sub" >$T/buffer_subbuf_size_kb
	echo "$old_size" >$T/buffer_size_kb
	echo >$T/trace
	rm -rf $D
}
trap cleanup EXIT

log0=$(dmesg | wc -l)
echo 64 >$T/buffer_size_kb
echo >$T/trace

taskset -c 1 cat $T/per_cpu/cpu0/trace_pipe >$D/pipe_cpu0 &
pids="$pids $!"
taskset -c 1 cat $T/trace_pipe >$D/pipe_all &
pids="$pids $!"
taskset -c 1 /harness/rb_consumer raw $T/per_cpu/cpu0/trace_pipe_raw \
	$((S + 2)) >$D/raw &
pids="$pids $!"
(
	end=$(($(date +%s) + S))
	while [ "$(date +%s)" -lt $end ]; do
		for kb in 8 4 16 4; do
			echo $kb >$T/buffer_subbuf_size_kb 2>>$D/subbuf_err ||
				echo "write $kb failed" >>$D/subbuf_err
			sleep 0.3
		done
	done
) &
sub=$!
/harness/rb_consumer mark "$S" 0 >$D/mark
wait $sub
sleep 3
for p in $pids; do
	kill "$p" 2>/dev/null
done
wait 2>/dev/null
pids=

fail=0
marked=$(sed -n 's/^MARKED //p' $D/mark)
echo "marked: ${marked:-?}"
for f in pipe_cpu0 pipe_all; do
	sed -n 's/.*tracing_mark_write: rbc \([0-9][0-9]*\)$/\1/p' $D/$f \
		>$D/$f.seq
	# Anything but marker lines and lost-event notes is garbage.
	grep -n -v -E 'tracing_mark_write: rbc [0-9]+$|^CPU:[0-9]+ \[LOST( [0-9]+)? EVENTS\]$' \
		$D/$f >$D/$f.bad
	echo "$f: $(wc -l <$D/$f.seq) records"
	if [ -s $D/$f.bad ]; then
		echo "FAIL: $f has $(wc -l <$D/$f.bad) lines that are not records:"
		for n in $(head -n 3 $D/$f.bad | cut -d: -f1); do
			sed -n "$((n > 1 ? n - 1 : 1)),$((n + 1))p" $D/$f
			echo "--"
		done
		fail=1
	fi
done
sed -n 's/^R //p' $D/raw >$D/raw.seq
echo "raw: $(wc -l <$D/raw.seq) records"
if grep -q -E '^(ERR|BAD)' $D/raw; then
	echo "FAIL: trace_pipe_raw reader:"
	grep -E '^(ERR|BAD)' $D/raw | sort | uniq -c | head -n 5
	fail=1
fi
if [ -s $D/subbuf_err ]; then
	echo "FAIL: buffer_subbuf_size_kb writes failed:"
	head -n 5 $D/subbuf_err
	fail=1
fi
for f in pipe_cpu0.seq pipe_all.seq raw.seq; do
	if ! [ -s $D/$f ]; then
		echo "FAIL: $f: nothing read"
		fail=1
	fi
	if ! awk 'NR > 1 && $1 <= last { print "not after " last ": " $1;
		  bad = 1; exit } { last = $1 } END { exit bad }' $D/$f; then
		echo "FAIL: $f out of order"
		fail=1
	fi
done
cat $D/pipe_cpu0.seq $D/pipe_all.seq $D/raw.seq | sort -n | uniq -d \
	>$D/dups
if [ -s $D/dups ]; then
	echo "FAIL: $(wc -l <$D/dups) records read twice, e.g. $(head -n 3 $D/dups | tr '\n' ' ')"
	fail=1
fi
total=$(cat $D/pipe_cpu0.seq $D/pipe_all.seq $D/raw.seq | wc -l)
if [ -n "$marked" ] && [ "$total" -gt "$marked" ]; then
	echo "FAIL: $total records read, $marked written"
	fail=1
fi
if dmesg | tail -n +$((log0 + 1)) |
   grep -iE 'warn|bug|kasan|oops|leak|lockdep|circular'; then
	echo "FAIL: kernel log"
	fail=1
fi
exit $fail
