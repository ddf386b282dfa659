#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Defect 21: an event probe's $FIELD on an array or dynamic-array field of
# the attached event, as eprobetrace.rst has it:
#  - $prev_comm:string on sched_switch's char prev_comm[16] is accepted
#    and records the name, as does a bare $prev_comm;
#  - $filename:string on sched_process_exec's __data_loc char[] filename;
#  - $args of raw_syscalls/sys_enter (unsigned long args[6]) is the
#    address of the array, so +8($args):x64 is the second argument (the
#    rst's Example 2) and +0(+8($args)):ustring the string it points to;
#  - a numeric type on a string field is refused.

T=/sys/kernel/tracing
P=/tmp/regress21_marker_path

cleanup() {
	{ echo 0 >$T/events/regr21/enable; } 2>/dev/null
	{ echo '-:regr21/' >>$T/dynamic_events; } 2>/dev/null
	rm -f $P
}

fail() {
	echo "FAIL: $*"
	grep -E ' (sw|ex|oa):' $T/trace | head -5
	cleanup
	exit 1
}

echo hello >$P
echo 'e:regr21/sw sched/sched_switch pcomm=$prev_comm:string ncomm=$next_comm npid=$next_pid:s32' >>$T/dynamic_events ||
	fail "\$prev_comm:string refused: $(tail -2 $T/error_log)"
echo 'e:regr21/ex sched/sched_process_exec fname=$filename:string f2=$filename' >>$T/dynamic_events ||
	fail "\$filename:string refused: $(tail -2 $T/error_log)"
echo 'e:regr21/oa raw_syscalls/sys_enter nr=$id ptr=+8($args):x64 path=+0(+8($args)):ustring if id == 257' >>$T/dynamic_events ||
	fail "+0(+8(\$args)):ustring refused: $(tail -2 $T/error_log)"
echo 'e:regr21/bad sched/sched_switch c=$prev_comm:u32' >>$T/dynamic_events 2>/dev/null &&
	fail "a numeric type on a string field was taken"

grep -q 'field:__data_loc char\[\] pcomm;' $T/events/regr21/sw/format ||
	fail "pcomm is not a string field"
echo 1 >$T/events/regr21/enable || fail "cannot enable"
/bin/cat $P >/dev/null
sleep 1
echo 0 >$T/events/regr21/enable

grep -q ' sw: (sched.sched_switch) pcomm="[^"][^"]*" ncomm="[^"][^"]*" npid=' $T/trace ||
	fail "no sched_switch record with the names"
grep ' sw: ' $T/trace | grep -q '(fault)' && fail "a comm read faulted"
grep -q ' ex: (sched.sched_process_exec) fname="/bin/cat" f2="/bin/cat"' $T/trace ||
	fail "no exec record with the file name"
grep -q " oa: (raw_syscalls.sys_enter) nr=0x101 ptr=0x[1-7][0-9a-f]* path=\"$P\"" $T/trace ||
	fail "+0(+8(\$args)):ustring did not read the path"
cleanup
echo "ok: array and dynamic-array fields of the attached event"
exit 0
