#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest check, in the multi-threaded boot: a trigger with a count fires
# exactly that many times while its event fires on both CPUs at once.
# Two tasks, one pinned to each CPU, rename themselves in a loop; a
# "stacktrace:50" trigger on task_rename must leave exactly 50 stacks,
# without a filter (run before the record) and with one (run on it).
#   @@CHECK <PASS|FAIL> trigger-count-<how>

T=/sys/kernel/tracing
F=$T/events/task/task_rename/trigger

renamer() { # cpu
	taskset -c "$1" sh -c '
		i=0
		while [ $i -lt 400 ]; do
			echo -n "r$i" > /proc/self/comm
			i=$((i + 1))
		done'
}

run() { # how trigger
	echo 0 > $T/events/enable
	echo > $T/trace
	echo "$2" > $F
	renamer 0 &
	a=$!
	renamer 1 &
	b=$!
	wait $a $b
	n=$(grep -c '<stack trace>' $T/trace)
	left=$(grep -v '^#' $F)
	echo "!stacktrace" > $F
	echo "trigger-count-$1: $n stacks, trigger now '$left'"
	if [ "$n" = 50 ] && [ "${left%% *}" = "stacktrace:count=0" ]; then
		echo "@@CHECK PASS trigger-count-$1"
	else
		echo "@@CHECK FAIL trigger-count-$1"
	fi
}

run plain 'stacktrace:50'
run filtered 'stacktrace:50 if pid > 0'
