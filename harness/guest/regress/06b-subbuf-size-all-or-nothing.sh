#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A buffer_subbuf_size_kb write that fails leaves everything as it was:
# with the snapshot file open for reading (its iterators keep the
# snapshot buffer's sub-buffers in place), a new sub-buffer size is
# refused for both buffers, not applied to the live one alone, and the
# two can still swap one CPU.
T=/sys/kernel/tracing
old=$(cat $T/buffer_subbuf_size_kb)
new=8
[ "$old" = 8 ] && new=4
cleanup() {
	exec 3<&- 2>/dev/null
	echo 0 >$T/snapshot
	echo "$old" >$T/buffer_subbuf_size_kb
	echo >$T/trace
}
trap cleanup EXIT

log0=$(dmesg | wc -l)
echo 1 >$T/snapshot || { echo "FAIL: cannot allocate the snapshot"; exit 1; }
exec 3<$T/snapshot
if echo $new >$T/buffer_subbuf_size_kb 2>/dev/null; then
	echo "FAIL: buffer_subbuf_size_kb $new accepted while the snapshot is read"
	exit 1
fi
exec 3<&-
fail=0
now=$(cat $T/buffer_subbuf_size_kb)
if [ "$now" != "$old" ]; then
	echo "FAIL: buffer_subbuf_size_kb is $now after the failed write (was $old)"
	fail=1
fi
if ! echo 1 >$T/per_cpu/cpu0/snapshot; then
	echo "FAIL: per_cpu/cpu0/snapshot cannot swap after the failed write"
	fail=1
fi
# Both buffers take a new size together.
if ! echo $new >$T/buffer_subbuf_size_kb; then
	echo "FAIL: buffer_subbuf_size_kb $new refused with nothing open"
	fail=1
elif ! echo 1 >$T/per_cpu/cpu0/snapshot; then
	echo "FAIL: per_cpu/cpu0/snapshot cannot swap after a sub-buffer change"
	fail=1
fi
if dmesg | tail -n +$((log0 + 1)) |
   grep -iE 'warn|bug|kasan|oops|leak|lockdep|circular'; then
	echo "FAIL: kernel log"
	fail=1
fi
exit $fail
