#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of make check: the event filter fuzzer (filter_fuzz.c) on
# $FILTER_FUZZ_WRITES expressions, then the same program on as many
# trigger commands and on as many hist commands, with the sample events
# loaded so that every kind of field is there; then dynevent_fuzz.c on
# $DYNEVENT_FUZZ_WRITES synthetic event definitions, and probe_fuzz.c on
# $PROBE_FUZZ_WRITES probe definitions.  Five lines:
#	@@CHECK <PASS|FAIL> filter-fuzz
#	@@CHECK <PASS|FAIL> trigger-fuzz
#	@@CHECK <PASS|FAIL> hist-fuzz
#	@@CHECK <PASS|FAIL> dynevent-fuzz
#	@@CHECK <PASS|FAIL> probe-fuzz

# fuzz NAME WRITES [MODE [PROGRAM]]: one run of a fuzzer, its verdict
# and output.
fuzz() {
	if timeout 1500 /harness/${4:-filter_fuzz} $3 "$2" >/tmp/fuzz.out 2>&1; then
		echo "@@CHECK PASS $1"
	else
		echo "@@CHECK FAIL $1"
	fi
	sed 's/^/| /' /tmp/fuzz.out
}

modprobe trace-events-sample
fuzz filter-fuzz "${FILTER_FUZZ_WRITES:-10000}"
fuzz trigger-fuzz "${TRIGGER_FUZZ_WRITES:-10000}" trigger
fuzz hist-fuzz "${HIST_FUZZ_WRITES:-10000}" hist
rmmod trace-events-sample
fuzz dynevent-fuzz "${DYNEVENT_FUZZ_WRITES:-10000}" "" dynevent_fuzz
fuzz probe-fuzz "${PROBE_FUZZ_WRITES:-10000}" "" probe_fuzz
