#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of make check: the ring buffer stress module
# (kernel/trace/ring_buffer_stress.c), in overwrite mode, in
# producer/consumer mode, and resizing under load, each for
# $RB_STRESS_SECONDS seconds of guest time.
# One line per run:  @@CHECK <PASS|FAIL> <name>

S=${RB_STRESS_SECONDS:-10}
run() { # name module-args...
	name=$1
	shift
	if timeout $((S * 6 + 60)) modprobe ring_buffer_stress seconds="$S" "$@" \
		>/tmp/rbs.out 2>&1; then
		rmmod ring_buffer_stress
		echo "@@CHECK PASS $name"
	else
		echo "@@CHECK FAIL $name"
		sed 's/^/| /' /tmp/rbs.out
	fi
	dmesg | grep 'rb_stress:' | tail -n 4 | sed 's/^/| /'
}

run rb-stress-overwrite overwrite=1
run rb-stress-producer overwrite=0 size_kb=256
run rb-stress-resize overwrite=1 resize_ms=100

# A blocking splice of trace_pipe_raw on a buffer that has wrapped in
# overwrite mode: it drains what is there, then sleeps until
# buffer_percent of the buffer is used, and a signal ends it.
pipe_raw_wrapped() {
	T=/sys/kernel/tracing
	old=$(cat $T/buffer_size_kb)
	echo 16 >$T/buffer_size_kb
	echo >$T/trace
	i=0
	while [ $i -lt 3000 ]; do
		echo "pipe-raw-wrapped filler line $i" >$T/trace_marker
		i=$((i + 1))
	done
	cpu=$(grep -l 'overrun: [1-9]' $T/per_cpu/cpu*/stats | head -n 1 |
	      sed 's|.*/cpu\([0-9]*\)/stats|\1|')
	if [ -z "$cpu" ]; then
		echo "@@CHECK FAIL pipe-raw-wrapped"
		echo "| no CPU buffer wrapped"
		echo "$old" >$T/buffer_size_kb
		return
	fi
	/harness/pipe_reader $T/per_cpu/cpu$cpu/trace_pipe_raw "$cpu" \
		>/tmp/pr.out 2>&1 &
	pid=$!
	sleep 2
	state=$(cut -d' ' -f3 /proc/$pid/stat 2>/dev/null)
	kill $pid
	i=0
	while [ -d /proc/$pid ] && [ $i -lt 20 ]; do
		sleep 1
		i=$((i + 1))
	done
	if [ "$state" = S ] && ! [ -d /proc/$pid ] &&
	   grep -q 'READER [1-9]' /tmp/pr.out; then
		echo "@@CHECK PASS pipe-raw-wrapped"
	else
		echo "@@CHECK FAIL pipe-raw-wrapped"
		echo "| reader state after draining: '$state'"
		[ -d /proc/$pid ] && echo "| still running after SIGTERM" &&
			sed 's/^/| /' /proc/$pid/stack && kill -9 $pid
		sed 's/^/| /' /tmp/pr.out
	fi
	echo "$old" >$T/buffer_size_kb
}
pipe_raw_wrapped
