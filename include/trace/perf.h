/* SPDX-License-Identifier: GPL-2.0 */
/*
 * perf.h - stage 7 of trace_events.h (with CONFIG_PERF_EVENTS): the perf
 * probe of each event class.
 *
 *	static notrace void perf_trace_<class>(void *__data, <proto>)
 *	{
 *		measure the dynamic fields;
 *		if (no perf event is scheduled in on this CPU, and no
 *		    task is named by __perf_task())
 *			return;
 *		if (they all only count)
 *			count the hit, return;
 *		take a perf buffer, fill the record as the ftrace probe does;
 *		if (every perf event here filters it out)
 *			return;
 *		hand it to perf_tp_event(), which emits the samples;
 *	}
 *
 * The class's reg() registers it on the tracepoint, with the event as
 * data, while perf events are open on the event (kernel/trace/trace_perf.c).
 * The record has the ring buffer's layout, the one the format file
 * describes: perf gives it to user space as PERF_SAMPLE_RAW.
 *
 * __perf_count(c) in a tracepoint's arguments sets the sample's weight,
 * __perf_task(t) sends the sample to task t's events as well.
 *
 * No include guard: it is read once per instantiated header.
 */

#ifdef CONFIG_PERF_EVENTS

#include <trace/perf_submit.h>

/* The dynamic-field words and the helpers are the probe stage's. */
#include <trace/stages/probe.h>

#undef __perf_count
#define __perf_count(c)	(__count = (c))
#undef __perf_task
#define __perf_task(t)	(__task = (t))

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(call, proto, args, tstruct, assign, print)	\
	static notrace void						\
	perf_trace_##call(void *__data, proto)				\
	{								\
		struct trace_event_call *event_call = __data;		\
		/* The sizes stage sets every member: no zeroing. */	\
		struct trace_event_data_offsets_##call			\
			__maybe_unused __data_offsets __uninitialized;	\
		struct trace_event_raw_##call *entry;			\
		struct task_struct *__task = NULL;			\
		struct hlist_head *head;				\
		struct pt_regs *__regs;					\
		u64 __count __maybe_unused = 1;				\
		int __entry_size, __data_size, rctx;			\
									\
		head = this_cpu_ptr(event_call->perf_events);		\
		/* Sets __count and __task, if the event has them. */	\
		__data_size = trace_event_get_offsets_##call(		\
					&__data_offsets, args);		\
		if (!__task && !bpf_prog_array_valid(event_call) &&	\
		    (hlist_empty(head) ||				\
		     perf_trace_count_only(head, __count)))		\
			return;						\
		__entry_size = ALIGN(__data_size + sizeof(*entry) +	\
				     sizeof(u32), sizeof(u64)) -	\
			       sizeof(u32);				\
		entry = perf_trace_buf_alloc(__entry_size, &__regs, &rctx); \
		if (!entry)						\
			return;						\
		tstruct							\
		{ assign; }						\
		if (perf_trace_drop_filtered(entry, rctx, event_call,	\
					     head, __task))		\
			return;						\
		perf_fetch_caller_regs(__regs);				\
		perf_trace_run_bpf_submit(entry, __entry_size, rctx,	\
					  event_call, __count, __regs,	\
					  head, __task);		\
	}

#undef DEFINE_EVENT
#define DEFINE_EVENT(template, name, proto, args)

#endif /* CONFIG_PERF_EVENTS */
