#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# bench.sh: instructions per event, ours against mainline (design.md,
# "Performance").  Builds our kernel and mainline's from the pristine base
# tree with the same config, builds harness/bench/ against each, loads it
# in a guest under -icount shift=0 (one guest ns per instruction) and
# prints a table: ours, mainline, ratio.  A case that cannot run on one
# kernel (the module does not build or load there) shows "n/a".
# BENCH_KERNELS=default runs ours only (while working on a fast path).
. "$(dirname "$0")/lib.sh"

kernels=${BENCH_KERNELS:-default mainline}
"$ROOT/harness/build.sh" default
"$ROOT/harness/initramfs.sh" default
case " $kernels " in *" mainline "*) "$ROOT/harness/mainline.sh" ;; esac

declare -A result
for k in $kernels; do
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
echo 1024 >$T/buffer_size_kb	# wraps more than twice before "steady"
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
echo 'c >= 0 && b != 1' >$F && echo ev_filter2_pass >/sys/module/ev_bench/parameters/run
echo 'c >= 0 && b == 1' >$F && echo ev_filter2_reject >/sys/module/ev_bench/parameters/run
echo 0 >$F
# Scaling: every event on; two CPUs writing; a reader splicing meanwhile.
echo 1 >$T/events/enable && echo ev_all >/sys/module/ev_bench/parameters/run
echo 0 >$T/events/enable
echo ev_2cpu >/sys/module/ev_bench/parameters/run
/harness/pipe_reader $T/per_cpu/cpu0/trace_pipe_raw 1 & R=$!
sleep 1; kill -USR1 $R; sleep 1
echo ev_reader >/sys/module/ev_bench/parameters/run
kill $R; sleep 1; kill -9 $R 2>/dev/null; wait $R	# a reader stuck in the kernel is a bug
grep -h overrun $T/per_cpu/cpu*/stats | sed 's/^/BENCH_INFO /'
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
dmesg | grep ' BENCH'
S
	log "running the bench on $k under -icount"
	"$ROOT/harness/qemu.sh" "$k" --icount --initrd "$work/initrd.cpio" \
		--script "$work/run.sh" --log "$work/console.log" \
		--append quiet --timeout 900 || true
	while read -r tag name ops ns; do
		[ "$ops" -gt 0 ] || continue
		key=$k,$name
		[ "$tag" = BENCH_COLD ] && key=$k,cold,$name
		result[$key]=$(awk -v n="$ns" -v o="$ops" 'BEGIN { printf "%.1f", n / o }')
		result[cases]="${result[cases]:-} $name"
	done < <(sed -n 's/.* \(BENCH\|BENCH_COLD\) \([a-z0-9_]*\) \([0-9]*\) \([0-9]*\).*/\1 \2 \3 \4/p' "$work/console.log")
	result[$k,reader]=$(sed -n 's/.*READER \([0-9]*\).*/\1/p' "$work/console.log" | tail -1)
	grep -h 'BENCH_INFO' "$work/console.log" | sed "s/.*BENCH_INFO/$k:/" >&2 || true
done

ratio() {
	[ "$1" != n/a ] && [ "$2" != n/a ] && awk -v o="$1" -v m="$2" 'BEGIN { printf "%.2f", o / m }' || echo n/a
}

printf '\n%-22s %10s %10s %6s   %10s %10s %6s\n' "instructions/event" \
	ours mainline ratio "ours cold" mainline ratio
cases=$(echo "${result[cases]:-}" | tr ' ' '\n' | awk 'NF && !seen[$0]++')
[ -n "$cases" ] || die "no benchmark ran on either kernel"
for c in $cases; do
	o=${result[default,$c]:-n/a}
	m=${result[mainline,$c]:-n/a}
	oc=${result[default,cold,$c]:--}
	mc=${result[mainline,cold,$c]:--}
	rc=-
	[ "$oc" != - ] && rc=$(ratio "$oc" "${mc/-/n/a}")
	printf '%-22s %10s %10s %6s   %10s %10s %6s\n' "$c" "$o" "$m" \
		"$(ratio "$o" "$m")" "$oc" "$mc" "$rc"
done

# The reader's throughput while bench_3f is written on CPU 0: the bytes it
# spliced over the instructions the window spent beyond the writer's own
# (ev_reader_cpu0 less ev_enabled, per event; see ev_bench.c).
for k in default mainline; do
	b=${result[$k,reader]:-}
	w=${result[$k,ev_reader_cpu0]:-}
	e=${result[$k,ev_enabled]:-}
	[ -n "$b" ] && [ -n "$w" ] && [ -n "$e" ] || continue
	result[$k,bpi]=$(awk -v b="$b" -v w="$w" -v e="$e" -v n=100000 \
		'BEGIN { r = (w - e) * n; if (r > 0) printf "%.3f", b / r; else print "n/a" }')
done
printf '%-22s %10s %10s %6s\n' "reader bytes/instr" "${result[default,bpi]:-n/a}" \
	"${result[mainline,bpi]:-n/a}" \
	"$(ratio "${result[default,bpi]:-n/a}" "${result[mainline,bpi]:-n/a}")"
