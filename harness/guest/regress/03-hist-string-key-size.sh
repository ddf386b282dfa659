#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Defect 3: a hist key on a string or an array is sized as what it stores.
# The same text written N times makes ONE entry with hitcount N, keyed by
# the whole text: ftrace/print's tail string (keys=common_pid,buf), a
# __data_loc string and a __rel_loc string (sample-trace's foo_bar and
# foo_rel_loc, fed through inject).  A char array that its text fills
# keeps all of it: KUnit trace_hist.hist_key_strings (inject cuts a
# char array's text one short of its size).

T=/sys/kernel/tracing
S=$T/events/sample-trace
P=$T/events/ftrace/print/trigger
fail=0

cleanup() {
	echo '!hist:keys=common_pid,buf' >>$P 2>/dev/null
	echo '!hist:keys=buf' >>$P 2>/dev/null
	echo '!hist:keys=common_pid,who if who == "regress03"' \
		>>$S/foo_bar/trigger 2>/dev/null
	echo '!hist:keys=common_pid,name if name == "regress03r"' \
		>>$S/foo_rel_loc/trigger 2>/dev/null
	rmmod trace-events-sample 2>/dev/null
}
trap cleanup EXIT

bad() {
	echo "FAIL: $*"
	fail=1
}

# expect HIST PATTERN COUNT: exactly one entry matches PATTERN, with
# hitcount COUNT.
expect() {
	n=$(grep -c -- "$2" "$1")
	hc=$(grep -- "$2" "$1" | sed -n 's/.*hitcount: *\([0-9]*\).*/\1/p')
	if [ "$n" != 1 ] || [ "$hc" != "$3" ]; then
		bad "$1: want one '$2' with hitcount $3, got $n entries ($hc)"
		sed 's/^/  | /' "$1"
	fi
}

# ftrace/print: the text as written, up to its NUL.
echo 1 >$T/tracing_on
for k in 'common_pid,buf' 'buf'; do
	if ! echo "hist:keys=$k" >>$P; then
		bad "hist:keys=$k refused on ftrace/print"
		continue
	fi
	for i in 1 2 3 4 5; do
		printf 'regress03 tail string' >$T/trace_marker
	done
	expect $T/events/ftrace/print/hist 'buf: regress03 tail string *}' 5
	echo "!hist:keys=$k" >>$P
done

if ! modprobe trace-events-sample; then
	bad "no trace-events-sample"
	exit 1
fi

# A __data_loc string.
F=$S/foo_bar
echo 'hist:keys=common_pid,who if who == "regress03"' >>$F/trigger ||
	bad "hist on foo_bar's who refused"
for i in 1 2 3 4; do
	echo 'who=regress03 seq=1' >$F/inject || bad "inject foo_bar"
done
expect $F/hist 'who: regress03 *}' 4
echo '!hist:keys=common_pid,who if who == "regress03"' >>$F/trigger

# A __rel_loc string.
F=$S/foo_rel_loc
echo 'hist:keys=common_pid,name if name == "regress03r"' >>$F/trigger ||
	bad "hist on foo_rel_loc's name refused"
for i in 1 2 3; do
	echo 'name=regress03r' >$F/inject || bad "inject foo_rel_loc"
done
expect $F/hist 'name: regress03r *}' 3
echo '!hist:keys=common_pid,name if name == "regress03r"' >>$F/trigger

[ $fail = 0 ] && echo "PASS: string keys hold their whole text, once"
exit $fail
