#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest check, in the multi-threaded boot: the regression cases of
# guest/regress/, one per defect fixed.  Each case is a shell script that
# exits 0 when the kernel behaves and non-zero (saying why) when it does
# not; each runs under a timeout (REGRESS_TIMEOUT seconds, or what its
# "# timeout: N" line says), so a hang is a failure, not a lost run.
# Every case was seen to fail on the code before its fix.
#   @@CHECK <PASS|FAIL> regress-<case>

T=/sys/kernel/tracing
limit=${REGRESS_TIMEOUT:-120}

for c in /harness/regress/*.sh; do
	[ -f "$c" ] || continue
	name=regress-$(basename "$c" .sh)
	# Each case starts from a quiet top instance.
	echo 0 >$T/events/enable
	echo >$T/trace
	t=$(sed -n 's/^# timeout: \([0-9][0-9]*\)$/\1/p' "$c")
	if timeout "${t:-$limit}" sh "$c" >/tmp/regress.out 2>&1; then
		echo "@@CHECK PASS $name"
	else
		echo "@@CHECK FAIL $name (exit $?)"
	fi
	sed 's/^/| /' /tmp/regress.out
done
