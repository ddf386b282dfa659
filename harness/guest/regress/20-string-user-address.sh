#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Defect 20: on x86-64 (non-overlapping address spaces) "string" and a
# plain dereference read a user address with the user accessors, as
# mainline does: the classic
#	p:myopen do_sys_openat2 path=+0(%si):string
# must record the path, not "(fault)", and a filter on it must match.
# "ustring" and "+u" keep working.

T=/sys/kernel/tracing
P=/tmp/regress20_marker_path

cleanup() {
	{ echo 0 >$T/events/regr20/enable; } 2>/dev/null
	{ echo 0 >$T/events/regr20/myopen/filter; } 2>/dev/null
	{ echo '-:regr20/' >>$T/dynamic_events; } 2>/dev/null
	rm -f $P
}

fail() {
	echo "FAIL: $*"
	grep -E ' (myopen|uopen|uderef|c0):' $T/trace | head -5
	cleanup
	exit 1
}

echo hello >$P
echo "p:regr20/myopen do_sys_openat2 path=+0(%si):string" >>$T/kprobe_events ||
	fail "cannot create myopen"
echo "p:regr20/uopen do_sys_openat2 path=+0(%si):ustring" >>$T/kprobe_events ||
	fail "cannot create uopen"
echo "p:regr20/uderef do_sys_openat2 path=+u0(%si):string" >>$T/kprobe_events ||
	fail "cannot create uderef"
echo "p:regr20/c0 do_sys_openat2 c=+0(%si):u8 w=+1(%si):x16" >>$T/kprobe_events ||
	fail "cannot create c0"
echo 'path ~ "*regress20_marker*"' >$T/events/regr20/myopen/filter ||
	fail "cannot set the filter"
echo 1 >$T/events/regr20/enable || fail "cannot enable"
cat $P >/dev/null
echo 0 >$T/events/regr20/enable

grep -q " myopen: (.*) path=\"$P\"" $T/trace ||
	fail "string on a user address: no record of the path (filtered)"
grep -q " uopen: (.*) path=\"$P\"" $T/trace || fail "ustring broke"
grep -q " uderef: (.*) path=\"$P\"" $T/trace || fail "+u0():string broke"
# '/' is 47; "tm" is 0x6d74 in little-endian order.
grep -q " c0: (.*) c=47 w=0x6d74" $T/trace ||
	fail "a plain dereference of a user address"
grep ' myopen: ' $T/trace | grep -qv regress20_marker &&
	fail "the filter let another path through"
cleanup
echo "ok: string and dereferences read user addresses"
exit 0
