#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest check, in the multi-threaded boot: switch sched_switch on and off
# for a minute while two busy tasks keep both vCPUs scheduling, so that
# the tracepoint's call site in __schedule() is patched (text_poke_bp())
# while the other vCPU runs through it.  On QEMU 7.2 this died within
# seconds on an int3 (harness/README.md); the kernel must survive it.
#   @@CHECK <PASS|FAIL> tracepoint-toggle

T=/sys/kernel/tracing
SECS=${TOGGLE_SECS:-60}

uptime_s() { cut -d. -f1 /proc/uptime; }

(while :; do :; done) &
b1=$!
(while :; do :; done) &
b2=$!
e=$T/events/sched/sched_switch/enable
was=$(cat $e)
end=$(($(uptime_s) + SECS))
n=0
ok=1
while [ "$(uptime_s)" -lt $end ]; do
	echo 1 >$e && echo 0 >$e || { ok=0; break; }
	n=$((n + 1))
done
kill $b1 $b2
wait $b1 $b2 2>/dev/null
case $was in 1*) echo 1 >$e ;; esac
echo "tracepoint-toggle: $n toggles in ${SECS}s"
if [ $ok = 1 ] && [ $n -gt 0 ]; then
	echo "@@CHECK PASS tracepoint-toggle"
else
	echo "@@CHECK FAIL tracepoint-toggle"
fi
