// SPDX-License-Identifier: GPL-2.0
/*
 * trace_unimpl.c - entry points for features not written yet.
 *
 * The rest of the kernel calls into tracing when the tracing options are
 * on.  Until a feature exists its entry points live here and fail honestly
 * (an error code, or nothing recorded), so that nothing pretends to work:
 *
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
