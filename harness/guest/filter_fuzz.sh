#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of make check: the event filter fuzzer (filter_fuzz.c) on
# $FILTER_FUZZ_WRITES expressions, then the same program on as many
# trigger commands and on as many hist commands, with the sample events
# loaded so that every kind of field is there.  Three lines:
#	@@CHECK <PASS|FAIL> filter-fuzz
#	@@CHECK <PASS|FAIL> trigger-fuzz
#	@@CHECK <PASS|FAIL> hist-fuzz

modprobe trace-events-sample
if timeout 1500 /harness/filter_fuzz "${FILTER_FUZZ_WRITES:-10000}" \
	>/tmp/ff.out 2>&1; then
	echo "@@CHECK PASS filter-fuzz"
else
	echo "@@CHECK FAIL filter-fuzz"
fi
sed 's/^/| /' /tmp/ff.out
if timeout 1500 /harness/filter_fuzz trigger \
	"${TRIGGER_FUZZ_WRITES:-10000}" >/tmp/tf.out 2>&1; then
	echo "@@CHECK PASS trigger-fuzz"
else
	echo "@@CHECK FAIL trigger-fuzz"
fi
sed 's/^/| /' /tmp/tf.out
if timeout 1500 /harness/filter_fuzz hist \
	"${HIST_FUZZ_WRITES:-10000}" >/tmp/hf.out 2>&1; then
	echo "@@CHECK PASS hist-fuzz"
else
	echo "@@CHECK FAIL hist-fuzz"
fi
sed 's/^/| /' /tmp/hf.out
rmmod trace-events-sample
