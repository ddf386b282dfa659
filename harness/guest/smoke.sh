#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of make check: what the guest itself must provide before any
# test can mean anything.  One line per check:  @@CHECK <PASS|FAIL> <name>

T=/sys/kernel/tracing

check() { # name command...
	name=$1
	shift
	if "$@" >/tmp/smoke.out 2>&1; then
		echo "@@CHECK PASS $name"
	else
		echo "@@CHECK FAIL $name"
		sed 's/^/| /' /tmp/smoke.out
	fi
}

two_cpus() { [ "$(nproc)" = 2 ]; }
tracefs_mounted() { grep -q "^tracefs $T tracefs " /proc/mounts; }
loopback_up() { ping -c 1 -W 2 127.0.0.1; }
readme_readable() { grep -q '^tracing mini-HOWTO:' $T/README; }
readme_read_only() {
	before=$(md5sum <$T/README)
	! echo junk >$T/README && [ "$(md5sum <$T/README)" = "$before" ]
}
readme_any_read_size() {
	full=$(md5sum <$T/README)
	for bs in 1 7 64 4096 65536; do
		[ "$(dd if=$T/README bs=$bs 2>/dev/null | md5sum)" = "$full" ] ||
			return 1
	done
}

# The test run boots with trace_event= (harness/check.sh): every event it
# names is on, and what ran since boot is in the buffer.
boot_events() {
	list=$(sed -n 's/.*trace_event=\([^ ]*\).*/\1/p' /proc/cmdline)
	[ -n "$list" ] || { echo "no trace_event= on the command line"; return 1; }
	cat $T/set_event
	for w in $(echo "$list" | tr , ' '); do
		case $w in
		*:\*)	s=${w%%:*}
			[ "$(grep -c "^$s:" $T/set_event)" = \
			  "$(grep -c "^$s:" $T/available_events)" ] || return 1 ;;
		*:*)	grep -qx "$w" $T/set_event || return 1 ;;
		*)	grep -q ":$w\$" $T/set_event || return 1 ;;
		esac
	done
	grep -q 'sched_process_exec: filename=/init' $T/trace
}

check boot-trace-event boot_events
echo >$T/set_event
check guest-has-2-cpus two_cpus
check tracefs-mounted tracefs_mounted
check loopback-up loopback_up
check readme-readable readme_readable
check readme-read-only readme_read_only
check readme-any-read-size readme_any_read_size
