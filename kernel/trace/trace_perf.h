/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_perf.h - what the event kinds share to feed perf (trace_perf.c).
 *
 * An event kind whose records are not built by a TRACE_EVENT() probe
 * (syscalls, probes) writes its perf records so:
 *
 *	head = this_cpu_ptr(call->perf_events);
 *	if (hlist_empty(head))
 *		return;
 *	size = perf_trace_rec_size(bytes);
 *	rec = perf_trace_buf_alloc(size, NULL, &rctx);
 *	if (!rec)
 *		return;
 *	<fill rec after its struct trace_entry>
 *	if (perf_trace_drop_filtered(rec, rctx, call, head, NULL))
 *		return;
 *	perf_trace_buf_submit(rec, size, rctx, call->event.type, 1, regs,
 *			      head, NULL);
 *
 * perf_tp_event() fills the common fields and runs the perf filters;
 * perf_trace_drop_filtered() runs them first when every perf event has
 * one, and drops the record they all reject (include/trace/perf_submit.h).
 */
#ifndef _TRACE_PERF_H
#define _TRACE_PERF_H

#include <linux/align.h>
#include <linux/trace_events.h>
#include <trace/perf_submit.h>

/*
 * The size to ask for a record of @bytes: perf puts a u32 size before the
 * raw data and pads the pair to u64, so the record is grown to make
 * them end on a u64 boundary (the padding is zeroed by the alloc).
 */
static inline int perf_trace_rec_size(int bytes)
{
	return ALIGN(bytes + sizeof(u32), sizeof(u64)) - sizeof(u32);
}

#ifdef CONFIG_PERF_EVENTS
/*
 * Whether @type is a perf step that our event kinds need nothing for
 * (PERF_OPEN, PERF_CLOSE, PERF_ADD, PERF_DEL): their reg() returns 0,
 * which for ADD and DEL lets trace_perf.c keep the per-CPU lists.
 */
static inline bool trace_reg_perf_noop(enum trace_reg type)
{
	return type == TRACE_REG_PERF_OPEN || type == TRACE_REG_PERF_CLOSE ||
	       type == TRACE_REG_PERF_ADD || type == TRACE_REG_PERF_DEL;
}

int perf_trace_event_attach(struct trace_event_call *call,
			    struct perf_event *p_event);
void perf_trace_event_detach(struct perf_event *p_event);
#else
static inline bool trace_reg_perf_noop(enum trace_reg type)
{
	return false;
}
#endif

#endif /* _TRACE_PERF_H */
