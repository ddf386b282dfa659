#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Defect 1: enable_hist and disable_hist pin their target as enable_event
# and disable_event do.  While one of the four commands names a kprobe, a
# synthetic or a module event, removing that event fails with EBUSY (the
# module stays loaded), and the trigger lists its target by name; once the
# trigger is gone, the event can be removed.

T=/sys/kernel/tracing
F=$T/events/task/task_rename/trigger
fail=0

cleanup() {
	for c in enable_hist disable_hist enable_event disable_event; do
		for e in kprobes:regress01_kp synthetic:regress01_syn \
			 sample-trace:foo_bar; do
			echo "!$c:$e" >>$F 2>/dev/null
			echo 0 2>/dev/null >$T/events/${e%%:*}/${e#*:}/enable
		done
	done
	echo '-:kprobes/regress01_kp' >>$T/kprobe_events 2>/dev/null
	echo '!regress01_syn int x' >>$T/synthetic_events 2>/dev/null
	rmmod trace-events-sample 2>/dev/null
	rmmod synth_event_gen_test 2>/dev/null
}
trap cleanup EXIT

bad() {
	echo "FAIL: $*"
	fail=1
}

# check CMD TARGET REMOVE: with CMD on TARGET, REMOVE must fail; once the
# trigger is gone, it must succeed.  REMOVE is run with eval.
check() {
	if ! echo "$1:$2" >>$F; then
		bad "$1:$2 refused"
		return
	fi
	grep -q "^$1:$2:unlimited" $F || bad "$1:$2 not listed: $(cat $F)"
	if eval "$3" 2>/dev/null; then
		# Listing the trigger now would read the gone event: stop.
		echo "FAIL: $1:$2: the target went while the trigger names it"
		exit 1
	fi
	echo "!$1:$2" >>$F || bad "!$1:$2 refused"
	# enable_event leaves its target on if it fired (a task renamed
	# itself), as mainline does: an enabled event is in use.
	echo 0 >$T/events/${2%%:*}/${2#*:}/enable
}

kprobe_add() {
	echo 'p:kprobes/regress01_kp do_sys_openat2' >>$T/kprobe_events
}
kprobe_rm='echo "-:kprobes/regress01_kp" >>$T/kprobe_events'
synth_add() {
	echo 'regress01_syn int x' >>$T/synthetic_events
}
synth_rm='echo "!regress01_syn int x" >>$T/synthetic_events'
mod_rm='rmmod trace-events-sample'

for c in enable_hist disable_hist enable_event disable_event; do
	if kprobe_add; then
		check $c kprobes:regress01_kp "$kprobe_rm" &&
			{ eval "$kprobe_rm" || bad "$c: kprobe not removable after"; }
	else
		bad "cannot add a kprobe event"
	fi
	if synth_add; then
		check $c synthetic:regress01_syn "$synth_rm" &&
			{ eval "$synth_rm" || bad "$c: synthetic event not removable after"; }
	else
		bad "cannot add a synthetic event"
	fi
	if modprobe trace-events-sample; then
		check $c sample-trace:foo_bar "$mod_rm" &&
			{ eval "$mod_rm" || bad "$c: module not removable after"; }
	else
		bad "cannot load trace-events-sample"
	fi
done

# A module's synthetic event goes with its module whatever its state
# (enable_hist does not pin the module the way enable_event's soft mode
# does): the triggers that name it go with it, and the trigger file
# lists what is left without reading the gone event.
if modprobe synth_event_gen_test; then
	echo 'enable_hist:synthetic:gen_synth_test' >>$F ||
		bad "enable_hist on a module's synthetic event refused"
	if rmmod synth_event_gen_test; then
		grep -q 'gen_synth_test' $F &&
			bad "a trigger names a gone event: $(cat $F)"
	else
		bad "synth_event_gen_test did not unload"
		echo '!enable_hist:synthetic:gen_synth_test' >>$F
		rmmod synth_event_gen_test
	fi
else
	bad "cannot load synth_event_gen_test"
fi

[ $fail = 0 ] && echo "PASS: every command pins its target"
exit $fail
