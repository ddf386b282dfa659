// SPDX-License-Identifier: GPL-2.0
/*
 * trace_read.c - the text readers: trace and trace_pipe, at the top of an
 * instance (all CPUs merged) and in per_cpu/cpuN (one CPU).
 *
 * "trace" walks the buffer without consuming it, header first, through a
 * seq_file; opening it with O_TRUNC or writing to it empties the buffer.
 * "trace_pipe" consumes what it prints, blocks while the buffer is empty
 * (unless O_NONBLOCK) and supports poll(); a line too long for the
 * caller's buffer is handed out over several reads.
 *
 * Locking: a trace_pipe reader holds iter->mutex while it formats and
 * copies, and drops it while it sleeps; from the look at a record to its
 * consumption it also holds the consumer lock of the record's CPU (see
 * trace_iter.c), never across a sleep for records or a copy to user
 * space.  A trace reader is its seq_file's.
 */

#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "trace_output.h"

/* Position 0 is the header; record n is at position n. */
static void *trace_seek(struct trace_iterator *iter, loff_t pos)
{
	int c;

	if (pos < iter->pos) {
		for_each_possible_cpu(c)
			if (iter->buffer_iter && iter->buffer_iter[c])
				ring_buffer_iter_reset(iter->buffer_iter[c]);
		iter->pos = 0;
		iter->idx = 0;
		iter->ent = NULL;
		cpumask_clear(iter->started);
	}
	while (iter->pos < pos) {
		if (iter->pos && iter->ent)
			trace_iter_consume(iter);
		if (!trace_iter_next(iter))
			return NULL;
		iter->pos++;
	}
	if (!pos)
		return SEQ_START_TOKEN;
	return iter->ent;
}

static void *trace_s_start(struct seq_file *m, loff_t *pos)
{
	return trace_seek(m->private, *pos);
}

static void *trace_s_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return trace_seek(m->private, *pos);
}

static void trace_s_stop(struct seq_file *m, void *v)
{
}

static int trace_s_show(struct seq_file *m, void *v)
{
	struct trace_iterator *iter = m->private;

	if (v == SEQ_START_TOKEN) {
		if (iter->snapshot)
			trace_snapshot_header(iter, m);
		else
			trace_print_header(iter, m);
		return 0;
	}
	trace_seq_init(&iter->seq);
	trace_print_line(iter);
	/* A line longer than a whole trace_seq cannot be shown. */
	if (trace_seq_has_overflowed(&iter->seq))
		seq_puts(m, "[LINE TOO BIG]\n");
	else
		trace_print_seq(m, &iter->seq);
	return 0;
}

static const struct seq_operations trace_seq_ops = {
	.start	= trace_s_start,
	.next	= trace_s_next,
	.stop	= trace_s_stop,
	.show	= trace_s_show,
};

/**
 * trace_open_buffer() - open() of trace, snapshot and their per-CPU twins
 * @inode: the file's inode
 * @filp: the file
 * @snapshot: the file shows the snapshot buffer
 *
 * Opening for writing with O_TRUNC empties the buffer; opening for
 * reading sets up a walk of it.
 *
 * Context: process context; sleeps.
 * Return: 0, -ENODEV if the instance is going away, or -ENOMEM.
 */
int trace_open_buffer(struct inode *inode, struct file *filp, bool snapshot)
{
	struct trace_iterator *iter;
	struct trace_array *tr;
	int cpu, ret;

	ret = trace_open_ref(inode, filp);
	if (ret)
		return ret;
	tr = trace_file_tr(filp);
	cpu = trace_file_cpu(filp);

	if ((filp->f_mode & FMODE_WRITE) && (filp->f_flags & O_TRUNC))
		trace_reset_buffer(snapshot ? &tr->max_buffer :
				   &tr->array_buffer, cpu);
	if (!(filp->f_mode & FMODE_READ))
		return 0;

	iter = __seq_open_private(filp, &trace_seq_ops, sizeof(*iter));
	if (!iter) {
		ret = -ENOMEM;
		goto put;
	}
	/* Remember which buffer was paused: a snapshot may swap it. */
	if (!snapshot && (READ_ONCE(tr->flags) & TRACE_ITER_PAUSE_ON_TRACE)) {
		iter->private = tr->array_buffer.buffer;
		ring_buffer_record_disable(iter->private);
	}
	ret = trace_iter_init(iter, tr, cpu, snapshot, false);
	if (ret)
		goto release;
	return 0;

release:
	if (iter->private)
		ring_buffer_record_enable(iter->private);
	seq_release_private(inode, filp);
put:
	trace_release_ref(inode, filp);
	return ret;
}

/**
 * trace_release_buffer() - release() matching trace_open_buffer()
 * @inode: the file's inode
 * @filp: the file
 *
 * Context: process context; sleeps.
 * Return: 0.
 */
int trace_release_buffer(struct inode *inode, struct file *filp)
{
	if (filp->f_mode & FMODE_READ) {
		struct seq_file *m = filp->private_data;
		struct trace_iterator *iter = m->private;

		if (iter->private)
			ring_buffer_record_enable(iter->private);
		trace_iter_fini(iter);
		seq_release_private(inode, filp);
	}
	return trace_release_ref(inode, filp);
}

static int trace_open(struct inode *inode, struct file *filp)
{
	return trace_open_buffer(inode, filp, false);
}

static ssize_t trace_write(struct file *filp, const char __user *ubuf,
			   size_t cnt, loff_t *ppos)
{
	trace_reset_buffer(&trace_file_tr(filp)->array_buffer,
			   trace_file_cpu(filp));
	*ppos += cnt;
	return cnt;
}

/**
 * trace_read_llseek() - llseek() of the files trace_open_buffer() opens
 * @filp: the file
 * @offset: the offset
 * @whence: SEEK_*
 *
 * Context: process context.
 * Return: the new position or an error.
 */
loff_t trace_read_llseek(struct file *filp, loff_t offset, int whence)
{
	if (filp->f_mode & FMODE_READ)
		return seq_lseek(filp, offset, whence);
	filp->f_pos = 0;
	return 0;
}

static const struct file_operations trace_fops = {
	.open		= trace_open,
	.read		= seq_read,
	.write		= trace_write,
	.llseek		= trace_read_llseek,
	.release	= trace_release_buffer,
};

static int trace_pipe_open(struct inode *inode, struct file *filp)
{
	struct trace_iterator *iter;
	int ret;

	ret = trace_open_ref(inode, filp);
	if (ret)
		return ret;
	iter = kzalloc(sizeof(*iter), GFP_KERNEL);
	if (!iter) {
		ret = -ENOMEM;
		goto put;
	}
	ret = trace_iter_init(iter, trace_file_tr(filp), trace_file_cpu(filp),
			      false, true);
	if (ret)
		goto free;
	filp->private_data = iter;
	return nonseekable_open(inode, filp);

free:
	kfree(iter);
put:
	trace_release_ref(inode, filp);
	return ret;
}

static int trace_pipe_release(struct inode *inode, struct file *filp)
{
	struct trace_iterator *iter = filp->private_data;

	trace_iter_fini(iter);
	kfree(iter);
	return trace_release_ref(inode, filp);
}

/*
 * Wait for a record.  Return 1 when there is one, 0 for end of file (the
 * reader has read before and tracing is off), or an error.
 */
static int trace_pipe_wait(struct trace_iterator *iter, struct file *filp)
{
	struct trace_array *tr = iter->tr;
	int ret;

	while (trace_iter_empty(iter)) {
		if (filp->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (iter->pos && !trace_tracing_is_on(tr))
			return 0;
		mutex_unlock(&iter->mutex);
		ret = ring_buffer_wait(iter->array_buffer->buffer,
				       iter->cpu_file, 0, NULL, NULL);
		mutex_lock(&iter->mutex);
		if (ret)
			return ret;
	}
	return 1;
}

/*
 * Format whole lines into iter->seq until it holds @cnt bytes.  Each
 * record is consumed, or given back, before the next is looked at: no
 * consumer lock is held on return.
 */
static void trace_pipe_fill(struct trace_iterator *iter, size_t cnt)
{
	struct trace_seq *s = &iter->seq;
	unsigned int save;

	while (trace_iter_next(iter)) {
		save = s->seq.len;
		if (trace_print_line(iter) == TRACE_TYPE_PARTIAL_LINE) {
			/* Keep the line for the next read, unless alone. */
			if (save) {
				s->seq.len = save;
				s->full = 0;
				trace_iter_put(iter);
				break;
			}
		}
		trace_iter_consume(iter);
		iter->pos++;
		if (trace_seq_used(s) >= cnt)
			break;
	}
}

static ssize_t trace_pipe_read(struct file *filp, char __user *ubuf,
			       size_t cnt, loff_t *ppos)
{
	struct trace_iterator *iter = filp->private_data;
	ssize_t ret;

	mutex_lock(&iter->mutex);
	/* First what a previous read left of its last line. */
	ret = trace_seq_to_user(&iter->seq, ubuf, cnt);
	if (ret != -EBUSY)
		goto out;
	do {
		trace_seq_init(&iter->seq);
		ret = trace_pipe_wait(iter, filp);
		if (ret <= 0)
			goto out;
		trace_pipe_fill(iter, min_t(size_t, cnt,
					    TRACE_SEQ_BUFFER_SIZE - 1));
		ret = trace_seq_to_user(&iter->seq, ubuf, cnt);
	} while (ret == -EBUSY);
out:
	if (iter->seq.readpos >= trace_seq_used(&iter->seq))
		trace_seq_init(&iter->seq);
	mutex_unlock(&iter->mutex);
	return ret;
}

static __poll_t trace_pipe_poll(struct file *filp, poll_table *pt)
{
	struct trace_iterator *iter = filp->private_data;
	bool leftover;

	/* The "block" option: poll never waits. */
	if (READ_ONCE(iter->tr->flags) & TRACE_ITER_BLOCK)
		return EPOLLIN | EPOLLRDNORM;
	/* Text already taken from the buffer but not yet read. */
	mutex_lock(&iter->mutex);
	leftover = iter->seq.readpos < trace_seq_used(&iter->seq);
	mutex_unlock(&iter->mutex);
	if (leftover)
		return EPOLLIN | EPOLLRDNORM;
	return ring_buffer_poll_wait(iter->array_buffer->buffer,
				     iter->cpu_file, filp, pt, 0);
}

static const struct file_operations trace_pipe_fops = {
	.open		= trace_pipe_open,
	.read		= trace_pipe_read,
	.poll		= trace_pipe_poll,
	.release	= trace_pipe_release,
};

static const struct trace_file_spec trace_read_files[] = {
	{ "trace",	TRACE_MODE_WRITE, &trace_fops },
	{ "trace_pipe",	TRACE_MODE_READ, &trace_pipe_fops },
};

/**
 * trace_read_files_create() - create an instance's trace and trace_pipe
 * @tr: the instance
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_read_files_create(struct trace_array *tr)
{
	return trace_create_files(tr, tr->dir, trace_read_files,
				  ARRAY_SIZE(trace_read_files),
				  RING_BUFFER_ALL_CPUS);
}

/**
 * trace_read_percpu_files_create() - per_cpu/cpuN/trace and trace_pipe
 * @tr: the instance
 * @cpu: the CPU
 * @dir: per_cpu/cpuN
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_read_percpu_files_create(struct trace_array *tr, int cpu,
				   struct dentry *dir)
{
	return trace_create_files(tr, dir, trace_read_files,
				  ARRAY_SIZE(trace_read_files), cpu);
}
