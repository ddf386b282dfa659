# SPDX-License-Identifier: GPL-2.0
#
# Front door.  The harness scripts do the work; see README.md.
#
#   make run [CMD='...']   boot our kernel (shell, or run CMD and exit)
#   make check             whole test suite; last line "N passed, N failed"
#   make check-debug       the same on the debug config
#   make bench             instructions per event, ours against mainline
#   make kernel            prepare and build only (out/build)
#   make clean             remove out/ build trees (keeps the base tree)
#   make distclean         remove out/ entirely

H := harness
CMD ?=

.PHONY: all deps kernel kernel-debug run check check-debug bench clean distclean

all: kernel

deps:
	@$(H)/deps.sh

kernel: deps
	@$(H)/build.sh default

kernel-debug: deps
	@$(H)/build.sh debug

run: deps
	@$(H)/run.sh default "$(CMD)"

check: deps
	@$(H)/check.sh default

check-debug: deps
	@$(H)/check.sh debug

bench: deps
	@$(H)/bench.sh

clean:
	rm -rf out/build out/build-* out/src out/initramfs out/logs out/patch-stage out/bench

distclean:
	rm -rf out
