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
