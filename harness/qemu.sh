#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# qemu.sh NAME [options]: boot out/build[-NAME] under QEMU (software
# emulation, 2 CPUs, serial console).
#   --script FILE   run FILE in the guest as /harness/run.sh, then power off
#   --append ARGS   extra kernel command line
#   --timeout SEC   kill QEMU after SEC seconds (default 1800)
#   --log FILE      console log (default out/logs/NAME-run.log)
#   --icount        -icount shift=0: one guest ns per instruction (bench)
#   --parallel      multi-threaded TCG (see below)
#   --initrd FILE   base initramfs (default out/initramfs/NAME.cpio)
# Without --script the guest gives an interactive shell on this terminal.
# With a script the exit status is the script's in the guest; 124 means
# the timeout hit, 125 that the guest never reported a status.
. "$(dirname "$0")/lib.sh"

name=${1:-default}
shift || true
script= append= timeout=1800 log= icount= base_cpio= parallel=
while [ $# -gt 0 ]; do
	case "$1" in
	--script) script=$2; shift 2 ;;
	--append) append=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--log) log=$2; shift 2 ;;
	--icount) icount="-icount shift=0,align=off,sleep=off"; shift ;;
	--parallel) parallel=y; shift ;;
	--initrd) base_cpio=$2; shift 2 ;;
	*) die "qemu.sh: unknown option $1" ;;
	esac
done
BUILD=$(build_dir "$name")
kernel=$BUILD/arch/x86/boot/bzImage
base_cpio=${base_cpio:-$OUT/initramfs/$name.cpio}
[ -f "$kernel" ] || die "no kernel at $kernel (make kernel)"
[ -f "$base_cpio" ] || die "no initramfs at $base_cpio"
mkdir -p "$LOGS"
log=${log:-$LOGS/$name-run.log}

kasan=
grep -q '^CONFIG_KASAN=y' "$BUILD/.config" && kasan=y
mem=1G
[ -n "$kasan" ] && mem=3G
# KASAN kernels boot with 4-level paging.  With QEMU's LA57 (-cpu max), a
# timer interrupt that lands inside identify_cpu(), while boot_cpu_data's
# capabilities are briefly cleared and alternatives not yet applied, sees
# pgtable_l5_enabled() false: KASAN then takes the irq_desc lock in the
# 5-level direct map for a wild access ("BUG: KASAN: wild-memory-access in
# do_raw_spin_lock" from handle_edge_irq, about one boot in eight).  The path is
# arch/x86 and KASAN code, not ours; 4-level paging closes the window.
[ -n "$kasan" ] && append="no5lvl $append"

# The run script travels as a second cpio archive appended to the first.
# One archive per run: check.sh boots several guests at once.
mkdir -p "$OUT/initramfs"
cpio=$(mktemp "$OUT/initramfs/$name-run.XXXXXX.cpio")
trap 'rm -f "$cpio"' EXIT
cp "$base_cpio" "$cpio"
if [ -n "$script" ]; then
	extra=$(mktemp -d)
	mkdir -p "$extra/harness"
	cp "$script" "$extra/harness/run.sh"
	(cd "$extra" && find . | cpio -o -H newc --quiet) >>"$cpio"
	rm -rf "$extra"
fi

# Single-threaded TCG by default: one host thread runs both vCPUs in turn.
# --parallel asks for multi-threaded TCG, where vCPUs run at the same
# instant (the ring buffer stress test, the fuzzers, the tracepoint toggle
# loop).  It needs QEMU 10 (deps.sh): QEMU 7.2 ran a stale translation of
# patched code, an int3 that text_poke_bp() had already removed.
accel="-accel tcg,thread=single"
[ -n "$parallel" ] && accel="-accel tcg,thread=multi"
[ -n "$icount" ] && accel="-accel tcg"
QEMU_BIN=${QEMU_BIN:-$QEMU_DIR/usr/bin/qemu-system-x86_64}
[ -x "$QEMU_BIN" ] || die "no QEMU at $QEMU_BIN (make deps)"
QEMU_EXTRA=${QEMU_EXTRA:--L $QEMU_DIR/usr/share/qemu -L $QEMU_DIR/usr/share/seabios}
# QEMU loads its display and audio modules from $QEMU_MODULE_DIR first,
# then from the system's module directory.  Where Debian's QEMU 7.2 came
# with its recommended packages (qemu-system-gui), that directory holds
# 7.2's ui-opengl.so and audio-pa.so: QEMU 10 refuses them ("Only modules
# from the same build") and then asserts in module_load_dso().  So look in
# QEMU 10's own module directory first, and ask for no audio backend at
# all: the default one is what probes audio-pa (and through it
# ui-opengl).  Checked with and without qemu-system-gui installed.
export QEMU_MODULE_DIR=$QEMU_DIR/usr/lib/x86_64-linux-gnu/qemu
# shellcheck disable=SC2086
qemu=("$QEMU_BIN" $QEMU_EXTRA $accel -audio none -machine pc -cpu "${QEMU_CPU:-max}" -smp "${QEMU_SMP:-2}" -m "$mem"
      -kernel "$kernel" -initrd "$cpio" -no-reboot $icount
      -append "console=ttyS0 panic=-1 $append")

if [ -z "$script" ]; then
	"${qemu[@]}" -nographic
	exit
fi

set +e
timeout -k 10 "$timeout" "${qemu[@]}" -display none -monitor none \
	-serial stdio </dev/null >"$log" 2>&1
qrc=$?
set -e
[ $qrc = 124 ] && { echo "harness: QEMU timed out after ${timeout}s" >>"$log"; exit 124; }
rc=$(sed -n 's/.*@@EXIT=\([0-9]*\)@@.*/\1/p' "$log" | tail -1)
[ -n "$rc" ] || exit 125
exit "$rc"
