#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A buffer_size_kb write that fails leaves everything as it was: with the
# snapshot allocated, a size the live buffer gets but the snapshot buffer
# cannot get as well is refused, the size stays, and the live and
# snapshot buffers can still swap one CPU.
T=/sys/kernel/tracing
old=$(cat $T/buffer_size_kb)
cleanup() {
	echo 0 >$T/snapshot
	echo "$old" >$T/buffer_size_kb
	echo >$T/trace
}
trap cleanup EXIT

log0=$(dmesg | wc -l)
echo 1 >$T/snapshot || { echo "FAIL: cannot allocate the snapshot"; exit 1; }
avail=$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo)
ncpu=$(ls -d $T/per_cpu/cpu* | wc -l)
# Six tenths of the free memory for the live buffer: the snapshot
# buffer cannot have as much again.
kb=$((avail * 6 / 10 / ncpu))
echo "MemAvailable ${avail} kB, $ncpu CPUs, buffer_size_kb $old -> $kb"
if echo $kb >$T/buffer_size_kb 2>/dev/null; then
	echo "FAIL: buffer_size_kb $kb accepted with the snapshot allocated"
	exit 1
fi
fail=0
now=$(cat $T/buffer_size_kb)
if [ "$now" != "$old" ]; then
	echo "FAIL: buffer_size_kb is $now after the failed write (was $old)"
	fail=1
fi
for c in $T/per_cpu/cpu*; do
	if [ "$(cat $c/buffer_size_kb)" != "$old" ]; then
		echo "FAIL: $c/buffer_size_kb is $(cat $c/buffer_size_kb)"
		fail=1
	fi
done
if ! echo 1 >$T/per_cpu/cpu0/snapshot; then
	echo "FAIL: per_cpu/cpu0/snapshot cannot swap after the failed write"
	fail=1
fi
if dmesg | tail -n +$((log0 + 1)) |
   grep -iE 'warn|bug|kasan|oops|leak|lockdep|circular|killed process'; then
	echo "FAIL: kernel log"
	fail=1
fi
exit $fail
