#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Defect 2: removing the first probe of a multiprobe event must not free
# the names its event's fields point to.  The event is made of a probe on
# vfs_read and one on vfs_write; the vfs_read one goes; then 100 other
# kprobe events with argument names of the same length take the freed
# memory (and SLUB keeps its free pointer in the middle of a free
# object).  The format file, a filter on the field and the trace output
# must still name the field as it was defined.

T=/sys/kernel/tracing
F=regress_field_name_of_28_ch	# 28 characters: kmalloc-32
C=100

cleanup() {
	{ echo 0 >$T/events/regr2/enable; } 2>/dev/null
	{ echo 0 >$T/events/regr2/ev/filter; } 2>/dev/null
	{ echo '-:regr2/ev' >>$T/kprobe_events; } 2>/dev/null
	{ echo '-:regr2c/' >>$T/dynamic_events; } 2>/dev/null
}

fail() {
	echo "FAIL: $*"
	cleanup
	exit 1
}

echo "p:regr2/ev vfs_read $F=%di" >>$T/kprobe_events ||
	fail "cannot create the event"
echo "p:regr2/ev vfs_write $F=%di" >>$T/kprobe_events ||
	fail "cannot add the second probe"
grep -q "field:u64 $F;" $T/events/regr2/ev/format ||
	fail "bad format before the removal"
echo "-:regr2/ev vfs_read" >>$T/kprobe_events ||
	fail "cannot remove the first probe"
[ "$(grep -c '^p:regr2/ev ' $T/kprobe_events)" = 1 ] ||
	fail "not one probe left: $(grep regr2 $T/kprobe_events)"

# Reuse the freed memory: other names of the same size, kept alive.
i=0
while [ $i -lt $C ]; do
	n=$(printf 'overwrite_%018d' $i)
	echo "p:regr2c/c$i vfs_read ${n}=%di x${n}=%si" >>$T/kprobe_events ||
		fail "cannot create regr2c/c$i"
	i=$((i + 1))
done

grep -q "field:u64 $F;" $T/events/regr2/ev/format || {
	grep field: $T/events/regr2/ev/format
	fail "the format file lost the field name"
}
echo "$F != 0" >$T/events/regr2/ev/filter ||
	fail "a filter on the field is refused"
echo 1 >$T/events/regr2/ev/enable || fail "cannot enable"
echo x >/dev/null
echo x >/dev/null
echo 0 >$T/events/regr2/ev/enable
grep -q " ev: (.*) $F=0x" $T/trace || {
	grep ' ev: ' $T/trace | head -3
	fail "no record with the field's name in the trace"
}
cleanup
[ -d $T/events/regr2 ] && fail "regr2 left behind"
[ -d $T/events/regr2c ] && fail "regr2c left behind"
echo "ok: the field keeps its name after its first probe went"
exit 0
