/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_kprobe.h - kprobe and kretprobe events (trace_kprobe.c) and their
 * in-kernel API (trace_kprobe_api.c).
 */
#ifndef _TRACE_KPROBE_H
#define _TRACE_KPROBE_H

#include <linux/kprobes.h>

#include "trace_probe.h"

/**
 * struct trace_kprobe - one kprobe or kretprobe definition
 * @tp:        the probe: dynamic event, event, arguments
 * @rp:        the kretprobe; a kprobe uses only @rp.kp (a return probe
 *	       has @rp.handler set)
 * @nhit:      hits per CPU
 * @symbol:    "[MOD:]SYM", or NULL for an address
 * @addr:      the address, when there is no symbol
 * @offset:    the offset from the symbol
 * @mod_len:   the length of "MOD" in @symbol, 0 if none
 * @maxactive: as defined ("rN"), 0 for the default
 * @registered: registered with kprobes (gone, but still registered, once
 *	       its module went; not yet, while a module probe waits)
 */
struct trace_kprobe {
	struct trace_probe	tp;
	struct kretprobe	rp;
	unsigned long __percpu	*nhit;
	char			*symbol;
	unsigned long		addr;
	unsigned int		offset;
	int			mod_len;
	int			maxactive;
	bool			registered;
};

int trace_kprobe_run_command(const char *line);

#endif /* _TRACE_KPROBE_H */
