#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A trace_marker write that ends in a newline is recorded with its NUL.
# Without it the record's padding, stale bytes from a page used before,
# printed after the text: extra lines, or a bare character, in `trace`.
T=/sys/kernel/tracing
old=$(cat $T/buffer_size_kb)
fail=0
echo 4 >$T/buffer_size_kb
# Fill every page with text that has no newline, so the pages are full
# of 'X' before they are reused.
i=0
while [ $i -lt 400 ]; do
	echo -n XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX >$T/trace_marker
	i=$((i + 1))
done
# Then records whose text and newline leave padding: "ab\n" is 3 bytes.
i=0
while [ $i -lt 400 ]; do
	echo ab >$T/trace_marker
	i=$((i + 1))
done
lines() { grep -v -e '^#' -e 'LOST EVENTS' $T/trace; }
bad=$(lines | grep -v 'tracing_mark_write: XX*$' |
	grep -vc 'tracing_mark_write: ab$')
if [ "$bad" != 0 ]; then
	echo "$bad line(s) of trace are not whole marker records:"
	lines | grep -v 'tracing_mark_write: XX*$' |
		grep -v 'tracing_mark_write: ab$' | head -5
	fail=1
fi
echo >$T/trace
echo "$old" >$T/buffer_size_kb
exit $fail
