#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# initramfs.sh NAME: build out/initramfs/NAME.cpio, the guest userland:
# busybox, the kernel's modules, trace-cmd and perf with their libraries, the
# ftracetest runner with mainline's test.d plus ours, and harness/guest/.
. "$(dirname "$0")/lib.sh"

name=${1:-default}
BUILD=$(build_dir "$name")
stage=$OUT/initramfs/$name
rm -rf "$stage"
mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,etc,proc,sys,dev,tmp,run,root,lib,lib64}
cd "$stage"

cp /bin/busybox bin/busybox
cp "$ROOT/harness/guest/init" init
chmod +x init
mkdir -p harness
cp -r "$ROOT"/harness/guest/* harness/
rm -f harness/init harness/*.c harness/*.h
# The fuzzers (guest/*_fuzz.c), static: the guest has no libc.
gcc -O2 -static -Wall -o harness/filter_fuzz "$ROOT/harness/guest/filter_fuzz.c"
gcc -O2 -static -Wall -o harness/dynevent_fuzz "$ROOT/harness/guest/dynevent_fuzz.c"
gcc -O2 -static -Wall -o harness/probe_fuzz "$ROOT/harness/guest/probe_fuzz.c"
gcc -O2 -static -Wall -o harness/perf_open "$ROOT/harness/guest/perf_open.c"
gcc -O2 -static -Wall -o harness/pipe_reader "$ROOT/harness/guest/pipe_reader.c"
gcc -O2 -static -Wall -o harness/rb_consumer "$ROOT/harness/guest/rb_consumer.c"

cat >etc/passwd <<'P'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
P
cat >etc/group <<'G'
root:x:0:
nogroup:x:65534:
G
echo "127.0.0.1 localhost guest" >etc/hosts

# Modules, if the kernel has any.
if grep -q '^CONFIG_MODULES=y' "$BUILD/.config"; then
	kmake modules_install INSTALL_MOD_PATH="$stage" INSTALL_MOD_STRIP=1 >/dev/null
fi

# trace-cmd, its plugins, and every shared library they load.
copy_with_libs() {
	local f lib
	for f in "$@"; do
		mkdir -p ".$(dirname "$f")"
		cp -L "$f" ".$f"
		for lib in $(ldd "$f" 2>/dev/null | grep -oE '/[^ ]+\.so[^ ]*'); do
			[ -e ".$lib" ] && continue
			mkdir -p ".$(dirname "$lib")"
			cp -L "$lib" ".$lib"
		done
	done
}
copy_with_libs /usr/bin/trace-cmd
# perf (Debian's linux-perf; /usr/bin/perf is its wrapper's diverted
# binary), for the perf PMU checks (guest/perf_check.sh).
copy_with_libs /usr/bin/perf
# dash runs ftracetest (guest/check.sh); busybox here has no nice, which
# the onchange() cases of trigger/inter-event use.
copy_with_libs /bin/dash /usr/bin/nice
for p in /usr/lib/x86_64-linux-gnu/traceevent/plugins/*.so \
	 /usr/lib/x86_64-linux-gnu/trace-cmd/plugins/*.so; do
	[ -f "$p" ] && copy_with_libs "$p"
done

# ftracetest: the base tree's runner and cases, with our cases overlaid
# (out/src already has them).
mkdir -p ftrace
cp -r "$SRC/tools/testing/selftests/ftrace/." ftrace/

find . -print0 | cpio --null -o -H newc --quiet >"$OUT/initramfs/$name.cpio"
log "initramfs $name: $(du -h "$OUT/initramfs/$name.cpio" | cut -f1)"
