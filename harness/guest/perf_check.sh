#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest checks of perf's tracepoint and kprobe PMUs (kernel/trace/
# trace_perf.c), with Debian's perf and guest/perf_open.c.  One line per
# check:  @@CHECK <PASS|FAIL> perf-<name>

T=/sys/kernel/tracing
P=/harness/perf_open
D=/tmp/perf
mkdir -p $D
cd $D || exit 1

check() { # name command...
	name=$1
	shift
	if "$@" >$D/out 2>&1; then
		echo "@@CHECK PASS perf-$name"
	else
		echo "@@CHECK FAIL perf-$name"
		tail -n 30 $D/out | sed 's/^/| /'
	fi
}

id() { cat $T/events/$1/id; }

# Whether perf holds the place: a kprobe on $1 is armed; module $1 is used.
kprobe_armed() { grep "$1" /sys/kernel/debug/kprobes/list | grep -qv DISABLED; }
module_used() { [ "$(cat /sys/module/$1/refcnt)" -gt 0 ]; }
# Wait (up to 30 s: perf starts slowly on the debug kernel) until "$@".
until_held() {
	k=0
	until "$@"; do
		k=$((k + 1))
		[ $k -lt 300 ] || { echo "perf never held it: $*"; return 1; }
		sleep 0.1
	done
}
# Stop a perf record started in the background; it writes its data.
stop() { kill -INT "$1" 2>/dev/null; wait "$1"; }
expect() { # what command...: the command's output must be $what
	want=$1
	shift
	got=$("$@")
	[ "$got" = "$want" ] || { echo "$*: got '$got', want '$want'"; return 1; }
}

list() {
	perf list tracepoint >$D/list || return 1
	grep -q 'sched:sched_switch' $D/list &&
		grep -q 'syscalls:sys_enter_openat' $D/list
}

stat_count() {
	perf stat -x, -e sched:sched_switch -a -- sleep 1 2>$D/stat || return 1
	cat $D/stat
	n=$(awk -F, '/sched:sched_switch/ { print $1 }' $D/stat)
	[ "${n:-0}" -gt 0 ]
}

# The raw records decode with the format files: every field is shown.
record_script() {
	perf record -q -e sched:sched_switch -a -o $D/sw.data -- sleep 1 || return 1
	perf script -i $D/sw.data >$D/sw.txt || return 1
	head -n 3 $D/sw.txt
	[ -s $D/sw.txt ] &&
		! grep -v 'prev_comm=.* prev_pid=[0-9]* prev_prio=[0-9]* prev_state=.* ==> next_comm=.* next_pid=[0-9]* next_prio=[0-9]*' $D/sw.txt
}

# --filter: every sample matches, and there are some.
record_filter() {
	perf record -q -e sched:sched_switch --filter 'prev_pid == 0' -a \
		-o $D/f.data -- sleep 1 || return 1
	perf script -i $D/f.data >$D/f.txt || return 1
	[ -s $D/f.txt ] && ! grep -v 'prev_pid=0 ' $D/f.txt
}

# A task's syscall, with its arguments.
record_syscall() {
	perf record -q -e syscalls:sys_enter_openat -o $D/o.data -- \
		cat /proc/version >/dev/null || return 1
	perf script -i $D/o.data >$D/o.txt || return 1
	cat $D/o.txt
	grep -q '^ *cat .*sys_enter_openat: dfd: 0xffffff9c, filename: 0x' $D/o.txt
}

# A kprobe event of kprobe_events, recorded with its argument; it cannot
# be removed while perf holds it.
record_kprobe() {
	echo 'p:kprobes/perfck do_sys_openat2 dfd=%di:s32' >$T/kprobe_events || return 1
	perf record -q -e kprobes:perfck -o $D/k.data -- cat /proc/version \
		>/dev/null || return 1
	perf script -i $D/k.data >$D/k.txt || return 1
	cat $D/k.txt
	grep -q 'cat .*kprobes:perfck: (.*) dfd=-100' $D/k.txt || return 1
	perf record -q -e kprobes:perfck -a -o $D/k2.data -- sleep 30 &
	pid=$!
	until_held kprobe_armed do_sys_openat2 || { stop $pid; return 1; }
	if echo '-:kprobes/perfck' >>$T/kprobe_events; then
		echo "removed while perf held it"
		stop $pid
		return 1
	fi
	stop $pid
	echo '-:kprobes/perfck' >>$T/kprobe_events
}

# A return probe through dynamic_events, and an event probe.
record_kretprobe_eprobe() {
	echo 'r:kprobes/perfret do_sys_openat2 ret=$retval:s32' >>$T/dynamic_events &&
		echo 'e:eprobes/perfep syscalls/sys_enter_openat dfd=$dfd:s32' >>$T/dynamic_events ||
		return 1
	perf record -q -e kprobes:perfret -e eprobes:perfep -o $D/r.data -- \
		cat /proc/version >/dev/null || return 1
	perf script -i $D/r.data >$D/r.txt || return 1
	cat $D/r.txt
	grep -q 'cat .*kprobes:perfret: (.* <- .*) ret=[0-9]' $D/r.txt &&
		grep -q 'cat .*eprobes:perfep: .*dfd=-100' $D/r.txt || return 1
	echo '-:kprobes/perfret' >>$T/dynamic_events &&
		echo '-:eprobes/perfep' >>$T/dynamic_events
}

perf_probe() {
	perf probe -q -a vfs_read || return 1
	grep -q '^p:probe/vfs_read ' $T/kprobe_events || return 1
	# busybox cat copies with sendfile(); head read()s.
	perf record -q -e probe:vfs_read -o $D/p.data -- head -n 1 /proc/version \
		>/dev/null || return 1
	perf script -i $D/p.data | grep -q 'head .*probe:vfs_read:' || return 1
	perf probe -q -d vfs_read && ! grep -q 'probe/vfs_read' $T/kprobe_events
}

# perf's kprobe PMU: probes of their own, listed nowhere, gone with perf.
kprobe_pmu() {
	before=$(wc -l </sys/kernel/debug/kprobes/list)
	expect "ok 10" $P -n 10 -k do_sys_openat2 || return 1
	expect "ok 10" $P -n 10 -r -k do_sys_openat2 || return 1
	expect "err ENOENT" $P -k no_such_function_here || return 1
	addr=$(awk '$3 == "do_sys_openat2" { print "0x" $1 }' /proc/kallsyms)
	expect "ok 10" $P -n 10 -K "$addr" || return 1
	[ ! -s $T/kprobe_events ] || { cat $T/kprobe_events; return 1; }
	[ "$(wc -l </sys/kernel/debug/kprobes/list)" = "$before" ]
}

# Filters through the ioctl: compiled, one per perf event.
ioctl_filter() {
	oid=$(id syscalls/sys_enter_openat)
	# AT_FDCWD, as the int in the syscall's register
	expect "ok 20 20" $P -n 20 -s -t "$oid" -f 'dfd == 0xffffff9c' || return 1
	expect "ok 0 0" $P -n 20 -s -t "$oid" -f 'dfd == 3' || return 1
	expect "err EINVAL" $P -t "$oid" -f 'no_such_field == 1' || return 1
	expect "err EINVAL" $P -t "$oid" -f 'dfd ==' || return 1
	expect "ok 5" $P -n 5 -t "$oid" -f 'dfd > 0' -F 'dfd == 1'
}

# What perf cannot use answers as mainline does: an unknown id (EINVAL),
# a synthetic event (ENODEV); the trace core's events open but never fire.
refusals() {
	echo 'perfck_synth u64 x' >>$T/synthetic_events || return 1
	expect "err ENODEV" $P -t "$(id synthetic/perfck_synth)" || return 1
	echo '!perfck_synth u64 x' >>$T/synthetic_events || return 1
	expect "err EINVAL" $P -t 65535 || return 1
	expect "ok 0" $P -a -t "$(id ftrace/print)"
}

# Who may open what (perf_event_paranoid, CAP_PERFMON), as mainline: the
# perf core refuses kernel events (2) and CPU-wide events (1) to users;
# raw samples need -1, except a task's own syscall events (CAP_ANY); the
# kprobe PMU needs CAP_PERFMON.
permissions() {
	oid=$(id syscalls/sys_enter_openat)
	sid=$(id sched/sched_switch)
	old=$(cat /proc/sys/kernel/perf_event_paranoid)
	echo 2 >/proc/sys/kernel/perf_event_paranoid
	expect "err EACCES" $P -u 65534 -a -t "$sid" &&
		expect "err EACCES" $P -u 65534 -s -t "$oid" &&
		expect "err EACCES" $P -u 65534 -t "$oid" &&
		$P -n 5 -a -s -t "$sid" | grep -q '^ok '
	r1=$?
	echo 1 >/proc/sys/kernel/perf_event_paranoid
	expect "err EACCES" $P -u 65534 -a -t "$sid" &&
		expect "err EPERM" $P -u 65534 -a -s -t "$sid" &&
		expect "ok 5 5" $P -n 5 -u 65534 -s -t "$oid" &&
		expect "ok 7" $P -n 7 -u 65534 -t "$oid" &&
		expect "err EPERM" $P -u 65534 -s -t "$sid" &&
		$P -u 65534 -t "$sid" | grep -q '^ok ' &&
		expect "err EACCES" $P -u 65534 -k do_sys_openat2
	r2=$?
	echo -1 >/proc/sys/kernel/perf_event_paranoid
	$P -u 65534 -a -s -t "$sid" | grep -q '^ok ' &&
		$P -u 65534 -s -t "$sid" | grep -q '^ok ' &&
		expect "ok 3 3" $P -n 3 -u 65534 -s -t "$oid" &&
		expect "err EACCES" $P -u 65534 -k do_sys_openat2
	r3=$?
	echo "$old" >/proc/sys/kernel/perf_event_paranoid
	echo "paranoid 2: $r1, 1: $r2, -1: $r3"
	[ $r1 = 0 ] && [ $r2 = 0 ] && [ $r3 = 0 ]
}

# A module's events pin the module while perf holds them.
module_pin() {
	modprobe trace-events-sample || return 1
	perf record -q -e sample-trace:foo_bar -a -o $D/m.data -- sleep 30 &
	pid=$!
	until_held module_used trace_events_sample || { stop $pid; return 1; }
	sleep 2		# the sample's thread fires foo_bar every second
	if rmmod trace-events-sample 2>/dev/null; then
		echo "module went while perf held its event"
		stop $pid
		return 1
	fi
	stop $pid
	perf script -i $D/m.data | grep -q 'foo_bar:' || { echo "no sample"; return 1; }
	rmmod trace-events-sample
}

# Many events at once, with ftrace recording the same events.
many_events() {
	echo 1 >$T/events/sched/enable
	perf record -q -e 'sched:*' -e 'irq:*' -e 'raw_syscalls:*' -a \
		-o $D/all.data -- sleep 2
	rc=$?
	echo 0 >$T/events/sched/enable
	[ $rc = 0 ] || return 1
	perf script -i $D/all.data >$D/all.txt || return 1
	grep -q 'raw_syscalls:sys_enter' $D/all.txt &&
		grep -q 'sched:sched_switch' $D/all.txt
}

uptime_s() { cut -d. -f1 /proc/uptime; }

# For $PERF_STRESS_SECS s (default 10): perf events opened and closed on
# both CPUs, on tracepoints that ftrace switches on and off at the same
# time and on kprobe events that are created and removed (a removal
# while perf holds the event must be refused, then work).
stress() {
	sid=$(id sched/sched_switch)
	oid=$(id syscalls/sys_enter_openat)
	end=$(($(uptime_s) + ${PERF_STRESS_SECS:-10}))
	( while [ "$(uptime_s)" -lt $end ]; do
		$P -a -s -t "$sid" -n 20 >/dev/null
		$P -s -t "$oid" -n 20 -f 'dfd < 0' >/dev/null
		$P -r -k vfs_read -n 20 >/dev/null
	done ) &
	bg=$!
	i=0
	while [ "$(uptime_s)" -lt $end ]; do
		echo 1 >$T/events/sched/sched_switch/enable
		echo "p:kprobes/st$i do_sys_openat2" >>$T/kprobe_events || break
		perf record -q -e kprobes:st$i -e sched:sched_switch -a \
			-o $D/st.data -- sleep 30 &
		pid=$!
		until_held kprobe_armed do_sys_openat2 || { stop $pid; return 1; }
		echo 0 >$T/events/sched/sched_switch/enable
		if echo "-:kprobes/st$i" >>$T/kprobe_events 2>/dev/null; then
			echo "st$i removed while perf held it"
			stop $pid
			break
		fi
		stop $pid
		echo "-:kprobes/st$i" >>$T/kprobe_events || break
		i=$((i + 1))
	done
	wait $bg
	echo "$i rounds"
	echo 0 >$T/events/sched/sched_switch/enable
	[ "$(uptime_s)" -ge $end ] && [ ! -s $T/kprobe_events ] && [ $i -gt 0 ]
}

perf_tests() {
	perf test 2 3 6 15 16 35 50 >$D/pt.txt 2>&1
	cat $D/pt.txt
	! grep -q 'FAILED' $D/pt.txt && [ "$(grep -c ': Ok' $D/pt.txt)" -ge 9 ]
}

check list list
check stat stat_count
check record-script record_script
check record-filter record_filter
check record-syscall record_syscall
check record-kprobe record_kprobe
check record-kretprobe-eprobe record_kretprobe_eprobe
check probe perf_probe
check kprobe-pmu kprobe_pmu
check ioctl-filter ioctl_filter
check refusals refusals
check permissions permissions
check module-pin module_pin
check many-events many_events
check stress stress
check perf-test perf_tests
rm -rf $D
