// SPDX-License-Identifier: GPL-2.0
/*
 * trace_snapshot.c - the snapshot buffer of an instance: the snapshot
 * files (whole instance and per CPU) and tracing_snapshot().
 *
 * Writing 1 to snapshot allocates the second buffer if needed and swaps
 * it with the live one; 2 (or any other number) clears it; 0 frees it.
 * Once allocated, the snapshot's ring buffer object stays until the
 * instance goes: "freeing" shrinks it to its smallest size, so readers
 * and writers holding a pointer to either buffer never see it vanish.
 *
 * Locking: allocation, freeing and clearing under trace_mutex.  A swap
 * of the whole buffers runs under trace_swap_lock with irqs off, so
 * tracing_snapshot() and the snapshot trigger can take one from any
 * context but NMI; trace_array.snapshot_allocated is set and cleared
 * under trace_swap_lock too (and trace_mutex), and a swap tests it under
 * that lock: once snapshot_release() has cleared it, no swap is under way
 * or can begin, and the buffer it shrinks stays the snapshot.  A swap of
 * one CPU (per_cpu/cpuN/snapshot) runs under trace_mutex, in
 * ring_buffer_swap_cpu().
 */

#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

#include "trace_entries.h"
#include "trace_output.h"

static DEFINE_RAW_SPINLOCK(trace_swap_lock);

static bool snapshot_allocated(struct trace_array *tr)
{
	return READ_ONCE(tr->snapshot_allocated);
}

/* Mark the snapshot buffer in use or not, with no swap under way. */
static void snapshot_set_allocated(struct trace_array *tr, bool allocated)
{
	unsigned long flags;

	lockdep_assert_held(&trace_mutex);
	raw_spin_lock_irqsave(&trace_swap_lock, flags);
	WRITE_ONCE(tr->snapshot_allocated, allocated);
	raw_spin_unlock_irqrestore(&trace_swap_lock, flags);
}

/*
 * Give the snapshot buffer the live buffer's shape and settings.  It is
 * not in use: a failure leaves nothing anyone sees.
 */
static int snapshot_match(struct trace_array *tr, struct trace_buffer *snap)
{
	struct trace_buffer *live = tr->array_buffer.buffer;
	unsigned long size;
	int cpu, ret;

	ret = ring_buffer_subbuf_order_set(snap,
					   ring_buffer_subbuf_order_get(live));
	for_each_possible_cpu(cpu) {
		if (ret)
			return ret;
		/* A CPU never online has no buffer in either. */
		size = ring_buffer_size(live, cpu);
		if (size)
			ret = ring_buffer_resize(snap, size, cpu);
	}
	if (ret)
		return ret;
	ring_buffer_set_clock(snap, trace_clock_func(tr->clock_id));
	ring_buffer_change_overwrite(snap, tr->flags & TRACE_ITER_OVERWRITE);
	/* Absolute stamps (hist's common_timestamp) stay across a swap. */
	ring_buffer_set_time_stamp_abs(snap, ring_buffer_time_stamp_abs(live));
	if (trace_tracing_is_on(tr))
		ring_buffer_record_on(snap);
	else
		ring_buffer_record_off(snap);
	return 0;
}

static int snapshot_alloc(struct trace_array *tr)
{
	struct trace_buffer *snap = tr->max_buffer.buffer;
	int cpu, ret;

	lockdep_assert_held(&trace_mutex);
	if (snapshot_allocated(tr))
		return 0;
	if (!snap) {
		snap = ring_buffer_alloc(tr->buffer_size, 0);
		if (!snap)
			return -ENOMEM;
		/* New: its CPUs record as tracing_cpumask says. */
		for_each_possible_cpu(cpu)
			if (!cpumask_test_cpu(cpu, tr->tracing_cpumask))
				ring_buffer_record_disable_cpu(snap, cpu);
	}
	ret = snapshot_match(tr, snap);
	if (ret) {
		if (!tr->max_buffer.buffer)
			ring_buffer_free(snap);
		return ret;
	}
	tr->max_buffer.buffer = snap;
	trace_reset_buffer(&tr->max_buffer, RING_BUFFER_ALL_CPUS);
	snapshot_set_allocated(tr, true);
	return 0;
}

static void snapshot_release(struct trace_array *tr)
{
	lockdep_assert_held(&trace_mutex);
	if (!snapshot_allocated(tr))
		return;
	/* From here on no swap runs: max_buffer stays the one to shrink. */
	snapshot_set_allocated(tr, false);
	ring_buffer_resize(tr->max_buffer.buffer, 0, RING_BUFFER_ALL_CPUS);
	trace_reset_buffer(&tr->max_buffer, RING_BUFFER_ALL_CPUS);
}

/*
 * Swap the live and snapshot buffers (one CPU's, or all), then wake the
 * readers: those waiting for records sleep on the buffer that left.
 */
static int snapshot_swap(struct trace_array *tr, int cpu)
{
	struct trace_buffer *live, *snap;
	unsigned long flags;
	int ret = -EBUSY;

	if (cpu != RING_BUFFER_ALL_CPUS) {
		lockdep_assert_held(&trace_mutex);
		live = tr->array_buffer.buffer;
		snap = tr->max_buffer.buffer;
		if (snapshot_allocated(tr))
			ret = ring_buffer_swap_cpu(snap, live, cpu);
	} else {
		raw_spin_lock_irqsave(&trace_swap_lock, flags);
		/* Under the lock: snapshot_release() clears it under it. */
		if (tr->snapshot_allocated) {
			swap(tr->array_buffer.buffer, tr->max_buffer.buffer);
			swap(tr->array_buffer.time_start,
			     tr->max_buffer.time_start);
			ret = 0;
		}
		live = tr->array_buffer.buffer;
		snap = tr->max_buffer.buffer;
		raw_spin_unlock_irqrestore(&trace_swap_lock, flags);
	}
	if (!ret) {
		ring_buffer_wake_waiters(live, cpu);
		ring_buffer_wake_waiters(snap, cpu);
	}
	return ret;
}

/**
 * trace_snapshot_alloc() - make sure an instance has its snapshot buffer
 * @tr: the instance
 *
 * Context: process context, trace_mutex held; sleeps.
 * Return: 0, or -ENOMEM.
 */
int trace_snapshot_alloc(struct trace_array *tr)
{
	return snapshot_alloc(tr);
}

/**
 * trace_snapshot_take() - swap an instance's live and snapshot buffers
 * @tr: the instance
 *
 * Nothing happens if its snapshot buffer is not allocated, or in NMI.
 *
 * Context: any; takes a raw spinlock with irqs off.
 */
void trace_snapshot_take(struct trace_array *tr)
{
	if (!in_nmi())
		snapshot_swap(tr, RING_BUFFER_ALL_CPUS);
}

/**
 * trace_snapshot_twin() - the buffer that must keep the live one's shape
 * @tr: the instance
 *
 * A size or sub-buffer size change of the live buffer applies to it as
 * well, in the same ring buffer call (ring_buffer_resize_pair(),
 * ring_buffer_subbuf_order_set_pair()).  A freed snapshot buffer is not
 * one: it takes the live buffer's shape when it is allocated again.
 *
 * Context: process context, trace_mutex held.
 * Return: the snapshot buffer while it is allocated, else NULL.
 */
struct trace_buffer *trace_snapshot_twin(struct trace_array *tr)
{
	lockdep_assert_held(&trace_mutex);
	return snapshot_allocated(tr) ? tr->max_buffer.buffer : NULL;
}

/**
 * trace_snapshot_set_clock() - follow a clock change of the live buffer
 * @tr: the instance
 * @clock: the new clock
 *
 * Context: process context, trace_mutex held; sleeps.
 */
void trace_snapshot_set_clock(struct trace_array *tr, u64 (*clock)(void))
{
	if (!tr->max_buffer.buffer)
		return;
	ring_buffer_set_clock(tr->max_buffer.buffer, clock);
	trace_reset_buffer(&tr->max_buffer, RING_BUFFER_ALL_CPUS);
}

/**
 * trace_snapshot_free() - free the snapshot buffer with its instance
 * @tr: the instance, no longer reachable
 *
 * Context: process context.
 */
void trace_snapshot_free(struct trace_array *tr)
{
	if (tr->max_buffer.buffer)
		ring_buffer_free(tr->max_buffer.buffer);
	tr->max_buffer.buffer = NULL;
}

/**
 * tracing_snapshot() - take a snapshot of the top-level buffer
 *
 * If no snapshot buffer is allocated a line saying so is recorded
 * instead.
 *
 * Context: any but NMI.
 */
void tracing_snapshot(void)
{
	struct trace_array *tr = &global_trace;

	if (in_nmi())
		return;
	static const char msg[] = "*** SNAPSHOT NOT ALLOCATED ***\n";

	if (snapshot_swap(tr, RING_BUFFER_ALL_CPUS))
		__trace_puts(_THIS_IP_, msg, sizeof(msg) - 1);
}
EXPORT_SYMBOL_GPL(tracing_snapshot);

/**
 * tracing_snapshot_alloc() - allocate the top-level snapshot and take one
 *
 * Context: process context; sleeps.
 */
void tracing_snapshot_alloc(void)
{
	int ret;

	mutex_lock(&trace_mutex);
	ret = snapshot_alloc(&global_trace);
	mutex_unlock(&trace_mutex);
	if (!ret)
		tracing_snapshot();
}
EXPORT_SYMBOL_GPL(tracing_snapshot_alloc);

static const char snapshot_help[] =
	"# Snapshot commands:\n"
	"# echo 0 > snapshot : Clears and frees snapshot buffer\n"
	"# echo 1 > snapshot : Allocates snapshot buffer, if not already allocated.\n"
	"#                      Takes a snapshot of the main buffer.\n"
	"# echo 2 > snapshot : Clears snapshot buffer (but does not allocate or free)\n"
	"#                      (Doesn't have to be '2' works with any number that\n"
	"#                       is not a '0' or '1')\n";

static const char snapshot_help_cpu[] =
	"# Snapshot commands:\n"
	"# echo 0 > snapshot : Invalid for per_cpu snapshot file.\n"
	"# echo 1 > snapshot : Allocates snapshot buffer, if not already allocated.\n"
	"#                      Takes a snapshot of the main buffer for this cpu.\n"
	"# echo 2 > snapshot : Clears this cpu's snapshot buffer (but does not allocate)\n"
	"#                      (Doesn't have to be '2' works with any number that\n"
	"#                       is not a '0' or '1')\n";

/**
 * trace_snapshot_header() - the top of the snapshot file
 * @iter: the reader of the snapshot buffer
 * @m: the seq_file
 *
 * An empty or freed snapshot shows its state and the commands; one with
 * records shows the trace header.
 *
 * Context: process context.
 */
void trace_snapshot_header(struct trace_iterator *iter, struct seq_file *m)
{
	bool alloc = snapshot_allocated(iter->tr);

	if (alloc && !trace_iter_empty(iter)) {
		trace_print_header(iter, m);
		return;
	}
	seq_printf(m, "#\n# * Snapshot is %s *\n#\n",
		   alloc ? "allocated" : "freed");
	seq_puts(m, iter->cpu_file == RING_BUFFER_ALL_CPUS ? snapshot_help :
		 snapshot_help_cpu);
}

static ssize_t snapshot_write(struct file *filp, const char __user *ubuf,
			      size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = trace_file_tr(filp);
	int cpu = trace_file_cpu(filp);
	unsigned long val;
	bool alloc;
	int ret;

	ret = kstrtoul_from_user(ubuf, cnt, 10, &val);
	if (ret)
		return ret;

	mutex_lock(&trace_mutex);
	switch (val) {
	case 0:
		if (cpu != RING_BUFFER_ALL_CPUS)
			ret = -EINVAL;
		else
			snapshot_release(tr);
		break;
	case 1:
		alloc = !snapshot_allocated(tr);
		ret = snapshot_alloc(tr);
		if (!ret)
			ret = snapshot_swap(tr, cpu);
		/* A swap refused (iterators open) undoes the allocation. */
		if (ret && alloc)
			snapshot_release(tr);
		break;
	default:
		if (snapshot_allocated(tr))
			trace_reset_buffer(&tr->max_buffer, cpu);
		break;
	}
	mutex_unlock(&trace_mutex);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static int snapshot_open(struct inode *inode, struct file *filp)
{
	return trace_open_buffer(inode, filp, true);
}

static const struct file_operations snapshot_fops = {
	.open		= snapshot_open,
	.read		= seq_read,
	.write		= snapshot_write,
	.llseek		= trace_read_llseek,
	.release	= trace_release_buffer,
};

static const struct trace_file_spec snapshot_files[] = {
	{ "snapshot", TRACE_MODE_WRITE, &snapshot_fops },
};

/**
 * trace_snapshot_files_create() - create an instance's snapshot file
 * @tr: the instance
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_snapshot_files_create(struct trace_array *tr)
{
	if (!IS_ENABLED(CONFIG_TRACER_SNAPSHOT))
		return 0;
	return trace_create_files(tr, tr->dir, snapshot_files,
				  ARRAY_SIZE(snapshot_files),
				  RING_BUFFER_ALL_CPUS);
}

/**
 * trace_snapshot_percpu_files_create() - per_cpu/cpuN/snapshot
 * @tr: the instance
 * @cpu: the CPU
 * @dir: per_cpu/cpuN
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_snapshot_percpu_files_create(struct trace_array *tr, int cpu,
				       struct dentry *dir)
{
	if (!IS_ENABLED(CONFIG_TRACER_SNAPSHOT))
		return 0;
	return trace_create_files(tr, dir, snapshot_files,
				  ARRAY_SIZE(snapshot_files), cpu);
}
