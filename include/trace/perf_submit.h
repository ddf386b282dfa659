/* SPDX-License-Identifier: GPL-2.0 */
/*
 * perf_submit.h - handing a trace record to perf, for the perf probes
 * (include/trace/perf.h) and the event kinds of kernel/trace that build
 * their own records.
 *
 * perf_tp_event() runs each perf event's filter on the record.  A record
 * that every perf event of this CPU filters out is dropped here instead,
 * before perf sets up a sample for it: perf_trace_filtered_out() runs the
 * same filters, so a filtered-out event costs about what an ftrace event
 * rejected by its filter costs.
 */
#ifndef _TRACE_PERF_SUBMIT_H
#define _TRACE_PERF_SUBMIT_H

#include <linux/jump_label_ratelimit.h>
#include <linux/perf_event.h>
#include <linux/trace_events.h>

#ifdef CONFIG_PERF_EVENTS
/* On while some perf event on a trace event has a filter. */
extern struct static_key_false_deferred perf_trace_filters;

bool __perf_trace_drop_filtered(void *rec, int rctx,
				struct trace_event_call *call,
				struct hlist_head *head,
				struct task_struct *task);

/**
 * perf_trace_drop_filtered() - drop a record that no perf event wants
 * @rec:   the record, filled but for its common fields
 * @rctx:  its perf recursion context (perf_trace_buf_alloc())
 * @call:  its event
 * @head:  this CPU's list of @call's perf events
 * @task:  the task named by __perf_task(), or NULL
 *
 * Costs a patched-out branch while no perf event has a filter.
 *
 * Context: a probe, preemption disabled.
 * Return: true if @rec was dropped and @rctx released (every perf event
 * of @head has a filter and none passes @rec, and no task or BPF program
 * wants it); else false, and the caller submits it.
 */
static __always_inline bool
perf_trace_drop_filtered(void *rec, int rctx, struct trace_event_call *call,
			 struct hlist_head *head, struct task_struct *task)
{
	if (!static_branch_unlikely(&perf_trace_filters.key))
		return false;
	return __perf_trace_drop_filtered(rec, rctx, call, head, task);
}

/**
 * perf_trace_count_only() - count a hit for perf events that only count
 * @head:  this CPU's list of the event's perf events, not empty
 * @count: the hit's weight (__perf_count())
 *
 * When every perf event of @head only counts (no sample period, no
 * filter, not excluding the kernel: a tracepoint fires in the kernel),
 * each one that is not stopped gets @count added, which is what perf's
 * core does for such an event, and no record is built.  For the perf
 * probes of TRACE_EVENT() classes, with no task named and no BPF program.
 *
 * Context: a probe, preemption disabled.
 * Return: true if the hit was counted, else false (build the record).
 */
static __always_inline bool perf_trace_count_only(struct hlist_head *head,
						  u64 count)
{
	struct perf_event *event;

	hlist_for_each_entry_rcu(event, head, hlist_entry)
		if (is_sampling_event(event) || event->attr.exclude_kernel ||
		    (event->parent ?: event)->filter)
			return false;
	hlist_for_each_entry_rcu(event, head, hlist_entry)
		if (!(event->hw.state & PERF_HES_STOPPED))
			local64_add(count, &event->count);
	return true;
}
#endif

#endif /* _TRACE_PERF_SUBMIT_H */
