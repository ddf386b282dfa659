#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# prof.sh CASE [SETUP]: where the instructions of one bench case go, by
# function, on our kernel.  Boots out/build under -icount twice with the
# tbcount plugin (harness/prof/tbcount.c): once running CASE, once with
# everything but CASE, and prints the difference per function, divided by
# the events the case runs (bench_common.h).
#
#   CASE    an ev_bench case name, written to its "run" parameter (the
#           event is bench_3f, bench_str for names ending in "_str"), or
#           a module of harness/bench, e.g. "rb_bench.ko", which runs
#           all its rows when loaded, or with its parameters, e.g.
#           "kprobe_bench.ko row=kretprobe_hit"
#   SETUP   shell run in the guest first, with $T the tracefs mount and
#           $E the bench events' directory, e.g.
#           'echo "c < 0" >$E/bench_3f/filter'
#
# The divisor is the events the case's BENCH lines report, with the
# untimed wrap between cold and steady (bench_common.h), unless
# PROF_EVENTS gives it.  busybox's insmod loads a module whose init
# fails (the bench modules return -EAGAIN) a second time, by
# init_module() after finit_module(): its rows run twice, and count so.
#
# The plugin is built against the qemu-plugin.h of the QEMU that runs
# the guest (fetched once into ~/.cache/trace-events/qemu-plugin); it
# needs glib's headers (libglib2.0-dev).
. "$(dirname "$0")/lib.sh"

case=${1:?usage: prof.sh CASE [SETUP]}
setup=${2:-}
mod=
case ${case%% *} in *.ko) mod=${case%% *}; params=${case#"$mod"} ;; esac

"$ROOT/harness/build.sh" default
"$ROOT/harness/initramfs.sh" default
BUILD=$(build_dir default)

qver=$("$QEMU_DIR/usr/bin/qemu-system-x86_64" --version |
	sed -n 's/.*version \([0-9.]*\).*/\1/p')
pdir=$CACHE/qemu-plugin/$qver
if [ ! -f "$pdir/qemu-plugin.h" ]; then
	log "fetching qemu-plugin.h of QEMU $qver"
	mkdir -p "$pdir"
	curl -sfL "http://deb.debian.org/debian/pool/main/q/qemu/qemu_$qver+ds.orig.tar.xz" |
		tar -xJ -C "$pdir" --strip-components=3 --wildcards \
			'*/include/qemu/qemu-plugin.h' ||
		die "cannot fetch qemu-plugin.h for QEMU $qver"
fi
pkg-config --exists glib-2.0 || die "glib's headers are missing (apt-get install libglib2.0-dev)"
work=$OUT/prof
rm -rf "$work"
mkdir -p "$work/mod" "$work/root/bench"
# shellcheck disable=SC2046
gcc -O2 -Wall -shared -fPIC $(pkg-config --cflags glib-2.0) -I "$pdir" \
	-o "$work/tbcount.so" "$ROOT/harness/prof/tbcount.c"
cp "$ROOT"/harness/bench/* "$work/mod/"
make -s -C "$BUILD" M="$work/mod" CC="ccache gcc" modules >"$work/build.log" 2>&1 ||
	die "bench modules do not build (${work#"$ROOT"/}/build.log)"
cp "$work"/mod/*.ko "$work/root/bench/"
cp "$OUT/initramfs/default.cpio" "$work/initrd.cpio"
(cd "$work/root" && find . | cpio -o -H newc --quiet) >>"$work/initrd.cpio"

for run in base case; do
	{
		echo 'T=/sys/kernel/tracing; E=$T/events/ev_bench'
		echo 'echo 1024 >$T/buffer_size_kb'
		[ "$mod" ] || echo 'insmod /bench/ev_bench.ko mode=hold'
		echo "$setup"
		if [ $run = case ]; then
			if [ "$mod" ]; then
				echo "insmod /bench/$mod$params 2>/dev/null"
			else
				echo "echo $case >/sys/module/ev_bench/parameters/run"
			fi
		fi
		echo "grep -E '\\[(ev|rb)_bench\\]' /proc/kallsyms | sed 's/^/KSYM /'"
		echo "dmesg | grep ' BENCH'"
	} >"$work/$run.sh"
	log "profiling: $run"
	extra="-L $QEMU_DIR/usr/share/qemu -L $QEMU_DIR/usr/share/seabios"
	QEMU_EXTRA="${QEMU_EXTRA:-$extra} -plugin $work/tbcount.so,out=$work/$run.tb" \
		"$ROOT/harness/qemu.sh" default --icount --initrd "$work/initrd.cpio" \
		--script "$work/$run.sh" --log "$work/$run.log" \
		--append "quiet nokaslr kunit.enable=0" --timeout 1800 || true
	[ -s "$work/$run.tb" ] || die "no counts from the $run run (${work#"$ROOT"/}/$run.log)"
done
grep ' BENCH' "$work/case.log" >&2 || true
wrap=$(sed -n 's/^#define BENCH_WRAP[[:space:]]*\([0-9]*\).*/\1/p' \
	"$ROOT/harness/bench/bench_common.h")
events=${PROF_EVENTS:-$(awk -v wrap="$wrap" '
	$2 == "BENCH_COLD" || $3 == "BENCH_COLD" { n += $(NF - 1) }
	$2 == "BENCH" || $3 == "BENCH" { n += $(NF - 1) + wrap }
	END { print n + 0 }' "$work/case.log")}
[ "$events" -gt 0 ] || die "no BENCH lines in the case run (${work#"$ROOT"/}/case.log)"
python3 "$ROOT/harness/prof/attribute.py" "$BUILD/System.map" "$work/case.log" \
	"$work/base.tb" "$work/case.tb" "$events"
