#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest check, in the multi-threaded boot: for $KPROBE_STRESS_SECS seconds
# (default 10), create 200 kprobe and kretprobe events on a few busy
# functions, enable them all, hit them from both vCPUs, disable them and
# remove them, over and over.  Every write must succeed, the hits must be
# counted, and nothing may be left at the end.  Then a kretprobe removed
# while tasks sleep in its function.
#   @@CHECK <PASS|FAIL> kprobe-stress
#   @@CHECK <PASS|FAIL> kretprobe-sleeper

T=/sys/kernel/tracing
SECS=${KPROBE_STRESS_SECS:-10}
N=200
FUNCS="vfs_read do_sys_openat2 kernel_clone vfs_write"

uptime_s() { cut -d. -f1 /proc/uptime; }

# Two tasks that keep calling the probed functions, one per vCPU.
hit() { while :; do cat /proc/version >/dev/null; done; }
hit &
h1=$!
hit &
h2=$!

defs=/tmp/kprobe_stress.defs
: >$defs
i=0
for f in $FUNCS; do
	j=0
	while [ $j -lt $((N / 8)) ]; do
		echo "p:stress/p_${i} $f a=%di b=+0(%si):u8 c=\$comm" >>$defs
		echo "r:stress/r_${i} $f ret=\$retval:s64" >>$defs
		i=$((i + 1))
		j=$((j + 1))
	done
done

ok=1
rounds=0
end=$(($(uptime_s) + SECS))
while [ "$(uptime_s)" -lt $end ]; do
	cat $defs >>$T/kprobe_events || { echo "create failed"; ok=0; break; }
	[ "$(grep -c '^[pr]:stress/' $T/kprobe_events)" = $N ] ||
		{ echo "not $N probes"; ok=0; break; }
	echo 1 >$T/events/stress/enable || { echo "enable failed"; ok=0; break; }
	sleep 1
	echo 0 >$T/events/stress/enable || { echo "disable failed"; ok=0; break; }
	hits=$(awk '$1 ~ /^[pr]_/ { n += $2 } END { print n + 0 }' $T/kprobe_profile)
	[ "$hits" -gt 0 ] || { echo "no hits"; ok=0; break; }
	echo >$T/kprobe_events || { echo "clear failed"; ok=0; break; }
	rounds=$((rounds + 1))
done
kill $h1 $h2
wait $h1 $h2 2>/dev/null
[ -d $T/events/stress ] && echo 0 >$T/events/stress/enable
echo >$T/kprobe_events
[ -s $T/kprobe_events ] && { echo "probes left"; ok=0; }
[ -d $T/events/stress ] && { echo "events left"; ok=0; }
echo "kprobe-stress: $rounds rounds of $N probes in ${SECS}s"
if [ $ok = 1 ] && [ $rounds -gt 0 ]; then
	echo "@@CHECK PASS kprobe-stress"
else
	echo "@@CHECK FAIL kprobe-stress"
fi

# A kretprobe removed while tasks sleep in the probed function: their
# returns come back to a freed rethook, and the last one frees its pool
# (from the return trampoline, preemption disabled).
ok=1
echo 'r:kprobes/sleeper hrtimer_nanosleep' >>$T/kprobe_events || ok=0
echo 1 >$T/events/kprobes/sleeper/enable || ok=0
sleep 3 &
s1=$!
sleep 3 &
s2=$!
sleep 1
echo 0 >$T/events/kprobes/sleeper/enable || ok=0
echo '-:kprobes/sleeper' >>$T/kprobe_events || ok=0
wait $s1 $s2
# The pool goes after a grace period.
sleep 1
[ -s $T/kprobe_events ] && { echo "probes left"; ok=0; }
if [ $ok = 1 ]; then
	echo "@@CHECK PASS kretprobe-sleeper"
else
	echo "@@CHECK FAIL kretprobe-sleeper"
fi
