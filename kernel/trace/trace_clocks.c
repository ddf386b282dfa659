// SPDX-License-Identifier: GPL-2.0
/*
 * trace_clocks.c - which clock stamps an instance's records: the table of
 * clocks, and the trace_clock and timestamp_mode files.
 *
 * Changing the clock empties the instance's buffers, since stamps of two
 * clocks cannot be ordered against each other.  Clocks that do not count
 * nanoseconds (counter, uptime, x86-tsc) print raw in the trace.
 *
 * Locking: tr->clock_id changes under trace_mutex; readers take a
 * snapshot of it.
 */

#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/trace_clock.h>
#include <linux/uaccess.h>

#include "trace_array.h"

static const struct {
	trace_clock_fn func;
	const char *name;
	int in_ns;
} trace_clocks[] = {
	{ trace_clock_local,		"local",	1 },
	{ trace_clock_global,		"global",	1 },
	{ trace_clock_counter,		"counter",	0 },
	{ trace_clock_jiffies,		"uptime",	0 },
	{ trace_clock,			"perf",		1 },
	{ ktime_get_mono_fast_ns,	"mono",		1 },
	{ ktime_get_raw_fast_ns,	"mono_raw",	1 },
	{ ktime_get_boot_fast_ns,	"boot",		1 },
	{ ktime_get_tai_fast_ns,	"tai",		1 },
	ARCH_TRACE_CLOCKS
};

/**
 * trace_clock_func() - the function of a clock in the table
 * @clock_id: its index
 *
 * Context: any.
 * Return: the clock function.
 */
trace_clock_fn trace_clock_func(int clock_id)
{
	return trace_clocks[clock_id].func;
}

/**
 * trace_clock_in_ns() - whether an instance's clock counts nanoseconds
 * @tr: the instance
 *
 * Context: any.
 * Return: true for nanosecond clocks.
 */
bool trace_clock_in_ns(struct trace_array *tr)
{
	return trace_clocks[READ_ONCE(tr->clock_id)].in_ns;
}

/**
 * trace_clock_id() - a clock by name
 * @name: the clock's name in trace_clock
 *
 * Context: any.
 * Return: its index, or -EINVAL for an unknown clock.
 */
int trace_clock_id(const char *name)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(trace_clocks); i++)
		if (!strcmp(trace_clocks[i].name, name))
			return i;
	return -EINVAL;
}

/**
 * trace_set_clock_by_name() - switch an instance to another clock
 * @tr: the instance
 * @name: the clock's name in trace_clock
 *
 * Context: process context, trace_mutex held; sleeps.
 * Return: 0, or -EINVAL for an unknown clock.
 */
int trace_set_clock_by_name(struct trace_array *tr, const char *name)
{
	int i = trace_clock_id(name);

	lockdep_assert_held(&trace_mutex);
	if (i < 0)
		return i;
	if (i == tr->clock_id)
		return 0;

	WRITE_ONCE(tr->clock_id, i);
	ring_buffer_set_clock(tr->array_buffer.buffer, trace_clocks[i].func);
	trace_reset_buffer(&tr->array_buffer, RING_BUFFER_ALL_CPUS);
	trace_snapshot_set_clock(tr, trace_clocks[i].func);
	return 0;
}

static int trace_clock_show(struct seq_file *m, void *v)
{
	struct trace_array *tr = trace_file_tr(m->file);
	int cur = READ_ONCE(tr->clock_id);
	int i;

	for (i = 0; i < ARRAY_SIZE(trace_clocks); i++)
		seq_printf(m, "%s%s%s%s", i ? " " : "", i == cur ? "[" : "",
			   trace_clocks[i].name, i == cur ? "]" : "");
	seq_putc(m, '\n');
	return 0;
}

static int trace_clock_open(struct inode *inode, struct file *filp)
{
	return trace_single_open(inode, filp, trace_clock_show);
}

static ssize_t trace_clock_write(struct file *filp, const char __user *ubuf,
				 size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = trace_file_tr(filp);
	char buf[64];
	int ret;

	if (cnt >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, cnt))
		return -EFAULT;
	buf[cnt] = '\0';

	mutex_lock(&trace_mutex);
	ret = trace_set_clock_by_name(tr, strim(buf));
	mutex_unlock(&trace_mutex);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations trace_clock_fops = {
	.open		= trace_clock_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.write		= trace_clock_write,
	.release	= trace_single_release,
};

static int timestamp_mode_show(struct seq_file *m, void *v)
{
	struct trace_array *tr = trace_file_tr(m->file);

	if (ring_buffer_time_stamp_abs(tr->array_buffer.buffer))
		seq_puts(m, "delta [absolute]\n");
	else
		seq_puts(m, "[delta] absolute\n");
	return 0;
}

static int timestamp_mode_open(struct inode *inode, struct file *filp)
{
	return trace_single_open(inode, filp, timestamp_mode_show);
}

static const struct file_operations timestamp_mode_fops = {
	.open		= timestamp_mode_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= trace_single_release,
};

static const struct trace_file_spec clock_files[] = {
	{ "trace_clock",	TRACE_MODE_WRITE, &trace_clock_fops },
	{ "timestamp_mode",	TRACE_MODE_READ, &timestamp_mode_fops },
};

/**
 * trace_clock_files_create() - create trace_clock and timestamp_mode
 * @tr: the instance
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_clock_files_create(struct trace_array *tr)
{
	return trace_create_files(tr, tr->dir, clock_files,
				  ARRAY_SIZE(clock_files),
				  RING_BUFFER_ALL_CPUS);
}
