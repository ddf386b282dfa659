// SPDX-License-Identifier: GPL-2.0
/*
 * trace_buffer_files.c - an instance's buffer and recording state:
 * tracing_on, buffer_size_kb, buffer_total_size_kb, buffer_subbuf_size_kb,
 * buffer_percent, free_buffer, tracing_cpumask, and the per_cpu/cpuN
 * directories with their stats and buffer_size_kb.
 *
 * Settings that shape a buffer (size, sub-buffer size, recording per CPU,
 * on/off) are applied to the live buffer and to the snapshot buffer alike,
 * so that swapping the two never changes what records.  The size and the
 * sub-buffer size are changed in one ring buffer call for both buffers
 * (the _pair() calls), which changes both or neither: a write that fails
 * leaves everything as it was, and the two keep the same geometry, which
 * per-CPU snapshot swaps need.
 *
 * Locking: every write holds trace_mutex; reads are lockless snapshots.
 */

#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "trace_output.h"

/* The buffers settings apply to: the live one and the snapshot's. */
static int tr_buffers(struct trace_array *tr, struct trace_buffer *b[2])
{
	int n = 0;

	b[n++] = tr->array_buffer.buffer;
	if (tr->max_buffer.buffer)
		b[n++] = tr->max_buffer.buffer;
	return n;
}

/**
 * trace_tracing_is_on() - whether an instance records
 * @tr: the instance
 *
 * Context: any.
 * Return: the state of its tracing_on file.
 */
bool trace_tracing_is_on(struct trace_array *tr)
{
	return ring_buffer_record_is_set_on(tr->array_buffer.buffer);
}

/**
 * trace_set_tracing_on() - turn an instance's recording on or off
 * @tr: the instance
 * @on: the new state
 *
 * Context: any.
 */
void trace_set_tracing_on(struct trace_array *tr, bool on)
{
	struct trace_buffer *b[2];
	int i, n = tr_buffers(tr, b);

	for (i = 0; i < n; i++) {
		if (on)
			ring_buffer_record_on(b[i]);
		else
			ring_buffer_record_off(b[i]);
	}
}

/**
 * tracing_on() - turn recording on in the top-level buffer
 *
 * Context: any.
 */
void tracing_on(void)
{
	if (global_trace.array_buffer.buffer)
		trace_set_tracing_on(&global_trace, true);
}
EXPORT_SYMBOL_GPL(tracing_on);

/**
 * tracing_off() - turn recording off in the top-level buffer
 *
 * Context: any.
 */
void tracing_off(void)
{
	if (global_trace.array_buffer.buffer)
		trace_set_tracing_on(&global_trace, false);
}
EXPORT_SYMBOL_GPL(tracing_off);

/**
 * tracing_is_on() - whether the top-level buffer records
 *
 * Context: any.
 * Return: 1 if it does.
 */
int tracing_is_on(void)
{
	return global_trace.array_buffer.buffer &&
	       trace_tracing_is_on(&global_trace);
}
EXPORT_SYMBOL_GPL(tracing_is_on);

/**
 * tracing_start() - undo one tracing_stop()
 *
 * Context: any.
 */
void tracing_start(void)
{
	if (global_trace.array_buffer.buffer)
		ring_buffer_record_enable(global_trace.array_buffer.buffer);
}

/**
 * tracing_stop() - stop recording until the matching tracing_start()
 *
 * Context: any.
 */
void tracing_stop(void)
{
	if (global_trace.array_buffer.buffer)
		ring_buffer_record_disable(global_trace.array_buffer.buffer);
}

/**
 * disable_trace_on_warning() - called by __warn(): honour traceoff_on_warning
 *
 * Context: any.
 */
void disable_trace_on_warning(void)
{
	if (__disable_trace_on_warning)
		tracing_off();
}

static __printf(4, 5)
ssize_t trace_printf_user(char __user *ubuf, size_t cnt, loff_t *ppos,
			  const char *fmt, ...)
{
	char buf[64];
	va_list args;
	int len;

	va_start(args, fmt);
	len = vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

static ssize_t tracing_on_read(struct file *filp, char __user *ubuf,
			       size_t cnt, loff_t *ppos)
{
	return trace_printf_user(ubuf, cnt, ppos, "%d\n",
				 trace_tracing_is_on(trace_file_tr(filp)));
}

static ssize_t tracing_on_write(struct file *filp, const char __user *ubuf,
				size_t cnt, loff_t *ppos)
{
	unsigned long val;
	int ret;

	ret = kstrtoul_from_user(ubuf, cnt, 10, &val);
	if (ret)
		return ret;
	trace_set_tracing_on(trace_file_tr(filp), val);
	*ppos += cnt;
	return cnt;
}

static const struct file_operations tracing_on_fops = {
	.open		= trace_open_ref,
	.read		= tracing_on_read,
	.write		= tracing_on_write,
	.release	= trace_release_ref,
	.llseek		= default_llseek,
};

static ssize_t buffer_size_read(struct file *filp, char __user *ubuf,
				size_t cnt, loff_t *ppos)
{
	struct trace_buffer *b = trace_file_tr(filp)->array_buffer.buffer;
	int cpu = trace_file_cpu(filp);
	unsigned long size = 0;
	int c;

	if (cpu != RING_BUFFER_ALL_CPUS)
		return trace_printf_user(ubuf, cnt, ppos, "%lu\n",
					 ring_buffer_size(b, cpu) >> 10);
	for_each_possible_cpu(c) {
		if (size && ring_buffer_size(b, c) != size)
			return trace_printf_user(ubuf, cnt, ppos, "X\n");
		size = ring_buffer_size(b, c);
	}
	return trace_printf_user(ubuf, cnt, ppos, "%lu\n", size >> 10);
}

/* Resize the live buffer and the snapshot in use, both or neither. */
static int trace_resize(struct trace_array *tr, unsigned long size, int cpu)
{
	int ret;

	lockdep_assert_held(&trace_mutex);
	/* Both pointers at once: a snapshot trigger may swap them. */
	ret = ring_buffer_resize_pair(tr->array_buffer.buffer,
				      trace_snapshot_twin(tr), size, cpu);
	if (ret < 0)
		return ret;
	if (cpu == RING_BUFFER_ALL_CPUS)
		tr->buffer_size = size;
	return 0;
}

static ssize_t buffer_size_write(struct file *filp, const char __user *ubuf,
				 size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = trace_file_tr(filp);
	unsigned long kb;
	int ret;

	ret = kstrtoul_from_user(ubuf, cnt, 10, &kb);
	if (ret)
		return ret;
	if (!kb || kb > (ULONG_MAX >> 10) / num_possible_cpus())
		return -EINVAL;
	mutex_lock(&trace_mutex);
	ret = trace_resize(tr, kb << 10, trace_file_cpu(filp));
	mutex_unlock(&trace_mutex);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations buffer_size_fops = {
	.open		= trace_open_ref,
	.read		= buffer_size_read,
	.write		= buffer_size_write,
	.release	= trace_release_ref,
	.llseek		= default_llseek,
};

static ssize_t buffer_total_read(struct file *filp, char __user *ubuf,
				 size_t cnt, loff_t *ppos)
{
	struct trace_buffer *b = trace_file_tr(filp)->array_buffer.buffer;
	unsigned long size = 0;
	int c;

	for_each_possible_cpu(c)
		size += ring_buffer_size(b, c) >> 10;
	return trace_printf_user(ubuf, cnt, ppos, "%lu\n", size);
}

static const struct file_operations buffer_total_fops = {
	.open		= trace_open_ref,
	.read		= buffer_total_read,
	.release	= trace_release_ref,
	.llseek		= default_llseek,
};

static ssize_t subbuf_size_read(struct file *filp, char __user *ubuf,
				size_t cnt, loff_t *ppos)
{
	struct trace_buffer *b = trace_file_tr(filp)->array_buffer.buffer;

	/* The whole sub-buffer, header included, as it is set. */
	return trace_printf_user(ubuf, cnt, ppos, "%lu\n",
				 (PAGE_SIZE << ring_buffer_subbuf_order_get(b)) >> 10);
}

static ssize_t subbuf_size_write(struct file *filp, const char __user *ubuf,
				 size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = trace_file_tr(filp);
	unsigned long kb, pages;
	int order, ret;

	ret = kstrtoul_from_user(ubuf, cnt, 10, &kb);
	if (ret)
		return ret;
	/* A sub-buffer is one to 2^MAX_PAGE_ORDER pages, rounded up. */
	if (!kb || kb > (PAGE_SIZE << MAX_PAGE_ORDER) >> 10)
		return -EINVAL;
	pages = DIV_ROUND_UP(kb << 10, PAGE_SIZE);
	order = fls(pages - 1);

	mutex_lock(&trace_mutex);
	ret = ring_buffer_subbuf_order_set_pair(tr->array_buffer.buffer,
						trace_snapshot_twin(tr), order);
	mutex_unlock(&trace_mutex);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations subbuf_size_fops = {
	.open		= trace_open_ref,
	.read		= subbuf_size_read,
	.write		= subbuf_size_write,
	.release	= trace_release_ref,
	.llseek		= default_llseek,
};

static ssize_t buffer_percent_read(struct file *filp, char __user *ubuf,
				   size_t cnt, loff_t *ppos)
{
	return trace_printf_user(ubuf, cnt, ppos, "%u\n",
				 READ_ONCE(trace_file_tr(filp)->buffer_percent));
}

static ssize_t buffer_percent_write(struct file *filp,
				    const char __user *ubuf, size_t cnt,
				    loff_t *ppos)
{
	unsigned long val;
	int ret;

	ret = kstrtoul_from_user(ubuf, cnt, 10, &val);
	if (ret)
		return ret;
	if (val > 100)
		return -EINVAL;
	WRITE_ONCE(trace_file_tr(filp)->buffer_percent, val);
	*ppos += cnt;
	return cnt;
}

static const struct file_operations buffer_percent_fops = {
	.open		= trace_open_ref,
	.read		= buffer_percent_read,
	.write		= buffer_percent_write,
	.release	= trace_release_ref,
	.llseek		= default_llseek,
};

/* free_buffer: any write is accepted; closing the file frees. */
static ssize_t free_buffer_write(struct file *filp, const char __user *ubuf,
				 size_t cnt, loff_t *ppos)
{
	*ppos += cnt;
	return cnt;
}

static int free_buffer_release(struct inode *inode, struct file *filp)
{
	struct trace_array *tr = trace_file_tr(filp);

	mutex_lock(&trace_mutex);
	if (READ_ONCE(tr->flags) & TRACE_ITER_STOP_ON_FREE)
		trace_set_tracing_on(tr, false);
	/* The smallest buffer the ring buffer keeps. */
	trace_resize(tr, 0, RING_BUFFER_ALL_CPUS);
	mutex_unlock(&trace_mutex);
	return trace_release_ref(inode, filp);
}

static const struct file_operations free_buffer_fops = {
	.open		= trace_open_ref,
	.write		= free_buffer_write,
	.release	= free_buffer_release,
	.llseek		= default_llseek,
};

static ssize_t cpumask_read(struct file *filp, char __user *ubuf, size_t cnt,
			    loff_t *ppos)
{
	struct trace_array *tr = trace_file_tr(filp);
	char *buf;
	ssize_t ret;
	int len;

	buf = kasprintf(GFP_KERNEL, "%*pb\n",
			cpumask_pr_args(tr->tracing_cpumask));
	if (!buf)
		return -ENOMEM;
	len = strlen(buf);
	ret = simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
	kfree(buf);
	return ret;
}

static void trace_cpu_record(struct trace_array *tr, int cpu, bool on)
{
	struct trace_buffer *b[2];
	int i, n = tr_buffers(tr, b);

	for (i = 0; i < n; i++) {
		if (on)
			ring_buffer_record_enable_cpu(b[i], cpu);
		else
			ring_buffer_record_disable_cpu(b[i], cpu);
	}
}

static ssize_t cpumask_write(struct file *filp, const char __user *ubuf,
			     size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = trace_file_tr(filp);
	cpumask_var_t mask;
	int ret, cpu;

	if (!zalloc_cpumask_var(&mask, GFP_KERNEL))
		return -ENOMEM;
	ret = cpumask_parse_user(ubuf, cnt, mask);
	if (ret)
		goto out;

	mutex_lock(&trace_mutex);
	for_each_possible_cpu(cpu) {
		bool was = cpumask_test_cpu(cpu, tr->tracing_cpumask);
		bool now = cpumask_test_cpu(cpu, mask);

		if (was != now)
			trace_cpu_record(tr, cpu, now);
	}
	cpumask_copy(tr->tracing_cpumask, mask);
	mutex_unlock(&trace_mutex);
	*ppos += cnt;
	ret = cnt;
out:
	free_cpumask_var(mask);
	return ret;
}

static const struct file_operations cpumask_fops = {
	.open		= trace_open_ref,
	.read		= cpumask_read,
	.write		= cpumask_write,
	.release	= trace_release_ref,
	.llseek		= generic_file_llseek,
};

static void trace_print_usecs(struct seq_file *m, const char *what, u64 ns,
			      bool in_ns)
{
	unsigned long usec;

	if (!in_ns) {
		seq_printf(m, "%s: %llu\n", what, ns);
		return;
	}
	ns = div_u64(ns + 500, NSEC_PER_USEC);
	usec = do_div(ns, USEC_PER_SEC);
	seq_printf(m, "%s: %5llu.%06lu\n", what, ns, usec);
}

static int stats_show(struct seq_file *m, void *v)
{
	struct trace_array *tr = trace_file_tr(m->file);
	struct trace_buffer *b = tr->array_buffer.buffer;
	int cpu = trace_file_cpu(m->file);
	bool in_ns = trace_clock_in_ns(tr);

	seq_printf(m, "entries: %lu\n", ring_buffer_entries_cpu(b, cpu));
	seq_printf(m, "overrun: %lu\n", ring_buffer_overrun_cpu(b, cpu));
	seq_printf(m, "commit overrun: %lu\n",
		   ring_buffer_commit_overrun_cpu(b, cpu));
	seq_printf(m, "bytes: %lu\n", ring_buffer_bytes_cpu(b, cpu));
	/* An empty buffer has no oldest record. */
	trace_print_usecs(m, "oldest event ts",
			  ring_buffer_entries_cpu(b, cpu) ?
			  ring_buffer_oldest_event_ts(b, cpu) : 0, in_ns);
	trace_print_usecs(m, "now ts", ring_buffer_time_stamp(b), in_ns);
	seq_printf(m, "dropped events: %lu\n",
		   ring_buffer_dropped_events_cpu(b, cpu));
	seq_printf(m, "read events: %lu\n", ring_buffer_read_events_cpu(b, cpu));
	return 0;
}

static int stats_open(struct inode *inode, struct file *filp)
{
	return trace_single_open(inode, filp, stats_show);
}

static const struct file_operations stats_fops = {
	.open		= stats_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= trace_single_release,
};

static const struct trace_file_spec buffer_files[] = {
	{ "tracing_on",			TRACE_MODE_WRITE, &tracing_on_fops },
	{ "buffer_size_kb",		TRACE_MODE_WRITE, &buffer_size_fops },
	{ "buffer_total_size_kb",	TRACE_MODE_READ, &buffer_total_fops },
	{ "buffer_subbuf_size_kb",	TRACE_MODE_WRITE, &subbuf_size_fops },
	{ "buffer_percent",		TRACE_MODE_WRITE, &buffer_percent_fops },
	{ "free_buffer",		0200, &free_buffer_fops },
	{ "tracing_cpumask",		TRACE_MODE_WRITE, &cpumask_fops },
};

static const struct trace_file_spec percpu_files[] = {
	{ "stats",		TRACE_MODE_READ, &stats_fops },
	{ "buffer_size_kb",	TRACE_MODE_WRITE, &buffer_size_fops },
};

/* Every per_cpu/cpuN file, by concern. */
static int (*const percpu_groups[])(struct trace_array *tr, int cpu,
				    struct dentry *dir) = {
	trace_read_percpu_files_create,
	trace_pipe_raw_percpu_create,
	trace_snapshot_percpu_files_create,
};

/**
 * trace_percpu_files_create() - create per_cpu/cpuN and its files
 * @tr: the instance
 * @cpu: the CPU
 * @parent: the per_cpu directory
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_percpu_files_create(struct trace_array *tr, int cpu,
			      struct dentry *parent)
{
	struct dentry *dir;
	char name[16];
	size_t i;
	int ret;

	snprintf(name, sizeof(name), "cpu%d", cpu);
	dir = tracefs_create_dir(name, parent);
	if (IS_ERR_OR_NULL(dir))
		return -ENOMEM;
	ret = trace_create_files(tr, dir, percpu_files,
				 ARRAY_SIZE(percpu_files), cpu);
	for (i = 0; !ret && i < ARRAY_SIZE(percpu_groups); i++)
		ret = percpu_groups[i](tr, cpu, dir);
	return ret;
}

/**
 * trace_buffer_files_create() - the buffer files and per_cpu/ of an instance
 * @tr: the instance
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_buffer_files_create(struct trace_array *tr)
{
	int cpu, ret;

	ret = trace_create_files(tr, tr->dir, buffer_files,
				 ARRAY_SIZE(buffer_files),
				 RING_BUFFER_ALL_CPUS);
	if (ret)
		return ret;
	tr->percpu_dir = tracefs_create_dir("per_cpu", tr->dir);
	if (IS_ERR_OR_NULL(tr->percpu_dir))
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		ret = trace_percpu_files_create(tr, cpu, tr->percpu_dir);
		if (ret)
			return ret;
	}
	return 0;
}
