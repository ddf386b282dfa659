// SPDX-License-Identifier: GPL-2.0
/*
 * trace_unimpl.c - entry points for features not written yet.
 *
 * The rest of the kernel calls into tracing when the tracing options are
 * on.  Until a feature exists its entry points live here and fail honestly
 * (an error code, or nothing recorded), so that nothing pretends to work:
 *
 *  - perf's tracepoint and kprobe PMUs get -ENODEV when an event is opened;
 *  - the buffers are not dumped to the console on oops (ftrace_dump).
 *
 * Each later patch moves its functions out of this file as it implements
 * them; the file disappears when the series is complete.
 *
 * Locking: nothing here has state beyond the sysctl knobs, which the
 * sysctl core serialises.
 */

#include <linux/ftrace.h>
#include <linux/kernel.h>
#include <linux/perf_event.h>
#include <linux/sysctl.h>
#include <linux/trace_events.h>

/*
 * /proc/sys/kernel/ftrace_dump_on_oops and traceoff_on_warning (see
 * disable_trace_on_warning() in trace_buffer_files.c)
 */
char ftrace_dump_on_oops[MAX_TRACER_SIZE] = "0";
int __disable_trace_on_warning;

/* /proc/sys/kernel/tracepoint_printk: only 0 until events exist. */
int tracepoint_printk;

/**
 * tracepoint_printk_sysctl() - handler of /proc/sys/kernel/tracepoint_printk
 * @table:  the sysctl entry
 * @write:  true for a write
 * @buffer: user data
 * @lenp:   its length
 * @ppos:   file position
 *
 * Events cannot be sent to printk yet, so only 0 is accepted.
 *
 * Context: process context.
 * Return: 0, -EOPNOTSUPP for a non-zero value, or proc_dointvec()'s error.
 */
int tracepoint_printk_sysctl(const struct ctl_table *table, int write,
			     void *buffer, size_t *lenp, loff_t *ppos)
{
	int ret = proc_dointvec(table, write, buffer, lenp, ppos);

	if (!ret && write && tracepoint_printk) {
		tracepoint_printk = 0;
		return -EOPNOTSUPP;
	}
	return ret;
}

/**
 * early_trace_init() - first tracing setup, from start_kernel()
 *
 * Context: early boot, before the page allocator's first callers.
 */
void __init early_trace_init(void)
{
}

/**
 * trace_init() - tracing setup once memory allocation works
 *
 * Context: boot, from start_kernel().
 */
void __init trace_init(void)
{
}

/**
 * ftrace_dump() - print the trace buffers to the console (oops, sysrq-z)
 * @oops_dump_mode: all CPUs, the current one, or none
 *
 * Not written yet: nothing is printed.
 *
 * Context: any context, including NMI and oops.
 */
void ftrace_dump(enum ftrace_dump_mode oops_dump_mode)
{
}
EXPORT_SYMBOL_GPL(ftrace_dump);

#ifdef CONFIG_PERF_EVENTS
/**
 * perf_trace_init() - open a perf event on a tracepoint
 * @event: the perf event
 *
 * Context: process context.
 * Return: -ENODEV: tracepoint events are not available to perf yet.
 */
int perf_trace_init(struct perf_event *event)
{
	return -ENODEV;
}

/**
 * perf_trace_destroy() - close a tracepoint perf event
 * @event: the perf event (never opened at this stage)
 *
 * Context: process context.
 */
void perf_trace_destroy(struct perf_event *event)
{
}

/**
 * perf_trace_add() - schedule a tracepoint perf event in
 * @event: the perf event
 * @flags: PERF_EF_* flags
 *
 * Context: perf's scheduling, irqs off.
 * Return: -ENODEV: no tracepoint event can have been opened.
 */
int perf_trace_add(struct perf_event *event, int flags)
{
	return -ENODEV;
}

/**
 * perf_trace_del() - schedule a tracepoint perf event out
 * @event: the perf event
 * @flags: PERF_EF_* flags
 *
 * Context: perf's scheduling, irqs off.
 */
void perf_trace_del(struct perf_event *event, int flags)
{
}

/**
 * perf_trace_buf_update() - fill the common fields of a perf trace record
 * @record: the record
 * @type:   its event id
 *
 * Context: any context; never called at this stage.
 */
void perf_trace_buf_update(void *record, u16 type)
{
}

/**
 * ftrace_profile_set_filter() - set a filter on a tracepoint perf event
 * @event:      the perf event
 * @event_id:   its tracepoint id
 * @filter_str: the filter text
 *
 * Context: process context.
 * Return: -ENODEV: there are no tracepoint perf events yet.
 */
int ftrace_profile_set_filter(struct perf_event *event, int event_id,
			      char *filter_str)
{
	return -ENODEV;
}

/**
 * ftrace_profile_free_filter() - drop a tracepoint perf event's filter
 * @event: the perf event
 *
 * Context: process context.
 */
void ftrace_profile_free_filter(struct perf_event *event)
{
}

/**
 * trace_event_get_offsets() - size of an event's dynamic fields
 * @call: the event
 *
 * Context: any context; no event exists at this stage.
 * Return: 0.
 */
int trace_event_get_offsets(struct trace_event_call *call)
{
	return 0;
}

#ifdef CONFIG_KPROBE_EVENTS
/**
 * perf_kprobe_init() - open a perf kprobe or kretprobe event
 * @event:        the perf event
 * @is_retprobe:  true for a kretprobe
 *
 * Context: process context.
 * Return: -ENODEV: kprobe events are not available to perf yet.
 */
int perf_kprobe_init(struct perf_event *event, bool is_retprobe)
{
	return -ENODEV;
}

/**
 * perf_kprobe_destroy() - close a perf kprobe event
 * @event: the perf event (never opened at this stage)
 *
 * Context: process context.
 */
void perf_kprobe_destroy(struct perf_event *event)
{
}
#endif /* CONFIG_KPROBE_EVENTS */
#endif /* CONFIG_PERF_EVENTS */
