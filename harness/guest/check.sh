#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of make check: run each ftracetest case of the directories
# in $FTRACE_DIRS on its own, under a timeout, and print one line per case:
#   @@FTRACE <RESULT> <dir>/<case>.tc <seconds>
# With FTRACE_SHARD=i/n, only every n-th case from the i-th (0-based) runs:
# check.sh boots n guests at once, one per host core.  RESULT is ftracetest's (PASS, FAIL, UNSUPPORTED, UNRESOLVED,
# UNTESTED, XFAIL) or TIMEOUT or NORESULT.  The log of a case that did not
# pass follows, each line prefixed with "| ".

T=${FTRACE_TIMEOUT:-300}
# ftracetest runs under dash, as on a distribution: busybox's shell runs
# its applets through /proc/self/exe, so an exec'd "ping" would show as
# that in sched_process_exec (trigger-synthetic-event-dynstring.tc).
FTSH=
command -v dash >/dev/null && FTSH=dash
shard=${FTRACE_SHARD:-0/1}
si=${shard%/*}
sn=${shard#*/}
n=0
cd /ftrace || exit 1
for d in $FTRACE_DIRS; do
	if [ ! -d "test.d/$d" ]; then
		[ "$si" = 0 ] && echo "@@FTRACE NODIR $d"
		continue
	fi
	for t in $(find "test.d/$d" -name '*.tc' | sort); do
		n=$((n + 1))
		[ $((n % sn)) = "$si" ] || continue
		t0=$(date +%s)
		rm -rf /tmp/ftlog
		timeout "$T" $FTSH ./ftracetest -l /tmp/ftlog "$t" >/tmp/ftout 2>&1
		rc=$?
		r=$(sed -n 's/.*\[\(PASS\|FAIL\|UNSUPPORTED\|UNRESOLVED\|UNTESTED\|XFAIL\)\][[:space:]]*$/\1/p' /tmp/ftout | tail -n 1)
		[ -z "$r" ] && r=NORESULT
		[ $rc = 124 ] || [ $rc = 143 ] && r=TIMEOUT
		echo "@@FTRACE $r ${t#test.d/} $(($(date +%s) - t0))"
		case $r in PASS|UNSUPPORTED|UNTESTED) ;; *)
			cat /tmp/ftout /tmp/ftlog/*.log 2>/dev/null | tail -n 40 | sed 's/^/| /';;
		esac
	done
done
# Let the console drain anything the kernel still has to say.
sleep 1
