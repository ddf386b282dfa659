#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# bench.sh: instructions per event, ours against mainline (design.md,
# "Performance").  Builds our kernel and mainline's from the pristine base
# tree with the same config, builds harness/bench/ against each, loads it
# in a guest under -icount shift=0 (one guest ns per instruction) and
# prints a table: ours, mainline, ratio.  A case that cannot run on one
# kernel (the module does not build or load there) shows "n/a".
. "$(dirname "$0")/lib.sh"

"$ROOT/harness/build.sh" default
"$ROOT/harness/initramfs.sh" default
"$ROOT/harness/mainline.sh"

declare -A result
for k in default mainline; do
	BUILD=$(build_dir "$k")
	work=$OUT/bench/$k
	rm -rf "$work"
	mkdir -p "$work/mod" "$work/root/bench"
	cp "$ROOT"/harness/bench/* "$work/mod/"
	if ! make -s -C "$BUILD" M="$work/mod" CC="ccache gcc" modules \
		>"$work/build.log" 2>&1; then
		log "bench module does not build against $k (${work#"$ROOT"/}/build.log)"
		continue
	fi
	cp "$work"/mod/*.ko "$work/root/bench/"
	cp "$OUT/initramfs/default.cpio" "$work/initrd.cpio"
	(cd "$work/root" && find . | cpio -o -H newc --quiet) >>"$work/initrd.cpio"
	cat >"$work/run.sh" <<'S'
T=/sys/kernel/tracing
echo 8192 >$T/buffer_size_kb	# no wrapping during a case
insmod /bench/rb_bench.ko 2>/dev/null
insmod /bench/ev_bench.ko 2>/dev/null
insmod /bench/synth_bench.ko 2>/dev/null
insmod /bench/kprobe_bench.ko 2>/dev/null
echo 1 >$T/set_event_pid	# only init: the bench task is filtered out
insmod /bench/ev_bench.ko mode=pid 2>/dev/null
echo >$T/set_event_pid
insmod /bench/ev_bench.ko mode=hold
F=$T/events/ev_bench/bench_3f/filter
echo 'c >= 0' >$F && echo ev_filter_pass >/sys/module/ev_bench/parameters/run
echo 'c < 0' >$F && echo ev_filter_reject >/sys/module/ev_bench/parameters/run
echo 0 >$F
G=$T/events/ev_bench/bench_3f/trigger
if echo 'traceoff if c < 0' >$G; then
	echo ev_trigger_cond >/sys/module/ev_bench/parameters/run
	echo ev_trigger_soft >/sys/module/ev_bench/parameters/run
	echo '!traceoff' >$G
fi
if echo 'hist:keys=cpu:vals=c' >$G; then
	echo ev_hist >/sys/module/ev_bench/parameters/run
	echo ev_hist_soft >/sys/module/ev_bench/parameters/run
	echo '!hist:keys=cpu:vals=c' >$G
fi
if echo 'hist:keys=common_pid,cpu:vals=c' >$G; then
	echo ev_hist_compound >/sys/module/ev_bench/parameters/run
	echo '!hist:keys=common_pid,cpu:vals=c' >$G
fi
S=$T/events/ev_bench/bench_str/trigger
if echo 'hist:keys=s' >$S; then
	echo ev_hist_str >/sys/module/ev_bench/parameters/run
	echo '!hist:keys=s' >$S
fi
# Last: common_timestamp switches the clock to global for what follows.
# (The synthetic event's pid comes from a variable: mainline refuses the
# field x as a parameter there, bench_start having an x too.)
E=$T/events/ev_bench
if echo 'bench_lat u64 lat; int x' >>$T/synthetic_events &&
	echo 'hist:keys=x:ts0=common_timestamp' >$E/bench_start/trigger &&
	echo 'hist:keys=x:lat=common_timestamp-$ts0,id=x:onmatch(ev_bench.bench_start).bench_lat($lat,$id)' >$E/bench_end/trigger; then
	echo 1 >$T/events/synthetic/bench_lat/enable
	echo ev_latency_pair >/sys/module/ev_bench/parameters/run
	echo 0 >$T/events/synthetic/bench_lat/enable
	echo '!hist:keys=x:lat=common_timestamp-$ts0,id=x:onmatch(ev_bench.bench_start).bench_lat($lat,$id)' >$E/bench_end/trigger
	echo '!hist:keys=x:ts0=common_timestamp' >$E/bench_start/trigger
fi
rmmod ev_bench
dmesg | grep ' BENCH '
S
	log "running the bench on $k under -icount"
	"$ROOT/harness/qemu.sh" "$k" --icount --initrd "$work/initrd.cpio" \
		--script "$work/run.sh" --log "$work/console.log" \
		--append quiet --timeout 900 || true
	while read -r name ops ns; do
		[ "$ops" -gt 0 ] && result[$k,$name]=$(awk -v n="$ns" -v o="$ops" 'BEGIN { printf "%.1f", n / o }')
		result[cases]="${result[cases]:-} $name"
	done < <(sed -n 's/.* BENCH \([a-z0-9_]*\) \([0-9]*\) \([0-9]*\).*/\1 \2 \3/p' "$work/console.log")
done

printf '\n%-22s %12s %12s %8s\n' "instructions/event" ours mainline ratio
cases=$(echo "${result[cases]:-}" | tr ' ' '\n' | awk 'NF && !seen[$0]++')
[ -n "$cases" ] || die "no benchmark ran on either kernel"
for c in $cases; do
	o=${result[default,$c]:-n/a}
	m=${result[mainline,$c]:-n/a}
	r=n/a
	[ "$o" != n/a ] && [ "$m" != n/a ] && r=$(awk -v o="$o" -v m="$m" 'BEGIN { printf "%.2f", o / m }')
	printf '%-22s %12s %12s %8s\n' "$c" "$o" "$m" "$r"
done
