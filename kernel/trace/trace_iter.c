// SPDX-License-Identifier: GPL-2.0
/*
 * trace_iter.c - reading an instance's buffer in time order.
 *
 * A struct trace_iterator reads one CPU or all of them.  Over all CPUs it
 * merges: each step peeks at the next record of every CPU and takes the
 * oldest.  A non-consuming reader (the trace file) walks each CPU with a
 * ring buffer iterator and leaves the records in place; a consuming one
 * (trace_pipe) peeks and consumes.
 *
 * Locking: an iterator belongs to one reader; trace_pipe serialises its
 * readers with iter->mutex.  The buffers themselves live as long as the
 * instance, which the open file pins.  A consuming iterator formats the
 * record it peeked at, in the ring buffer's reader page, before it
 * consumes it, and may sleep meanwhile: from trace_iter_next() to
 * trace_iter_consume() or trace_iter_put() it holds the consumer lock of
 * that CPU buffer (ring_buffer_consumer_lock()), so no other consumer
 * (another trace_pipe, trace_pipe_raw), sub-buffer size change or reset
 * takes the record away or prints it too.  It keeps the buffer it holds
 * the lock of in iter->private: a snapshot may swap the instance's
 * buffers meanwhile, and the record is consumed where it was read.  It
 * holds one CPU's lock at a time: over all CPUs, the oldest record is
 * chosen by a look at each without the lock, then looked at again under
 * the lock of its CPU (with other consumers on that CPU, a newer one may
 * come out there first).
 */

#include <linux/slab.h>

#include "trace_output.h"

static bool trace_iter_cpu_in(struct trace_iterator *iter, int cpu)
{
	return iter->cpu_file == RING_BUFFER_ALL_CPUS || iter->cpu_file == cpu;
}

/**
 * trace_iter_init() - set up a reader of an instance's buffer
 * @iter: a zeroed iterator
 * @tr: the instance, pinned by the caller
 * @cpu: one CPU or RING_BUFFER_ALL_CPUS
 * @snapshot: read the snapshot buffer instead of the live one
 * @consume: consume what is read (trace_pipe) rather than walk it
 *
 * Context: process context; sleeps.
 * Return: 0 or -ENOMEM.
 */
int trace_iter_init(struct trace_iterator *iter, struct trace_array *tr,
		    int cpu, bool snapshot, bool consume)
{
	struct trace_buffer *buffer;
	int c;

	iter->tr = tr;
	iter->array_buffer = snapshot ? &tr->max_buffer : &tr->array_buffer;
	iter->cpu_file = cpu;
	iter->snapshot = snapshot;
	mutex_init(&iter->mutex);
	trace_seq_init(&iter->seq);
	trace_seq_init(&iter->tmp_seq);
	if (trace_clock_in_ns(tr))
		iter->iter_flags |= TRACE_FILE_TIME_IN_NS;
	if (!zalloc_cpumask_var(&iter->started, GFP_KERNEL))
		return -ENOMEM;

	buffer = iter->array_buffer->buffer;
	if (!buffer || consume)
		return 0;
	if ((READ_ONCE(tr->flags) & TRACE_ITER_ANNOTATE) &&
	    ring_buffer_overruns(buffer))
		iter->iter_flags |= TRACE_FILE_ANNOTATE;

	iter->buffer_iter = kcalloc(nr_cpu_ids, sizeof(*iter->buffer_iter),
				    GFP_KERNEL);
	if (!iter->buffer_iter)
		goto fail;
	for_each_possible_cpu(c) {
		if (!trace_iter_cpu_in(iter, c))
			continue;
		iter->buffer_iter[c] = ring_buffer_read_start(buffer, c,
							      GFP_KERNEL);
		if (!iter->buffer_iter[c]) {
			trace_iter_fini(iter);
			return -ENOMEM;
		}
	}
	return 0;

fail:
	free_cpumask_var(iter->started);
	return -ENOMEM;
}

/**
 * trace_iter_fini() - release what trace_iter_init() set up
 * @iter: the iterator
 *
 * Context: process context; sleeps.
 */
void trace_iter_fini(struct trace_iterator *iter)
{
	int c;

	trace_iter_put(iter);
	if (iter->buffer_iter) {
		for_each_possible_cpu(c)
			if (iter->buffer_iter[c])
				ring_buffer_read_finish(iter->buffer_iter[c]);
		kfree(iter->buffer_iter);
	}
	kfree(iter->fmt);
	free_cpumask_var(iter->started);
	mutex_destroy(&iter->mutex);
}

/* A look at the next record of @cpu, which a consumer does not hold. */
static struct ring_buffer_event *trace_iter_peek(struct trace_iterator *iter,
						 struct trace_buffer *buffer,
						 int cpu, u64 *ts,
						 unsigned long *lost)
{
	*lost = 0;
	if (!iter->buffer_iter)
		return ring_buffer_peek(buffer, cpu, ts, lost);
	if (!iter->buffer_iter[cpu])
		return NULL;
	return ring_buffer_iter_peek(iter->buffer_iter[cpu], ts);
}

/* The oldest record of the CPUs @iter reads, at a look. */
static struct ring_buffer_event *trace_iter_oldest(struct trace_iterator *iter,
						   struct trace_buffer *buffer,
						   int *cpu, u64 *ts,
						   unsigned long *lost)
{
	struct ring_buffer_event *ev, *best = NULL;
	unsigned long l;
	u64 t;
	int c;

	for_each_possible_cpu(c) {
		if (!trace_iter_cpu_in(iter, c))
			continue;
		ev = trace_iter_peek(iter, buffer, c, &t, &l);
		if (ev && (!best || t < *ts)) {
			best = ev;
			*ts = t;
			*cpu = c;
			*lost = l;
		}
	}
	return best;
}

/*
 * For a consuming iterator: the oldest record, its CPU's consumer lock
 * held (see the file comment).
 */
static struct ring_buffer_event *trace_iter_take(struct trace_iterator *iter,
						 struct trace_buffer *buffer,
						 int *cpu, u64 *ts,
						 unsigned long *lost)
{
	struct ring_buffer_event *ev;
	bool all = iter->cpu_file == RING_BUFFER_ALL_CPUS;
	int c = iter->cpu_file;

	for (;;) {
		if (all && !trace_iter_oldest(iter, buffer, &c, ts, lost))
			return NULL;
		if (ring_buffer_consumer_lock(buffer, c))
			return NULL;
		*lost = 0;
		ev = ring_buffer_peek(buffer, c, ts, lost);
		if (ev) {
			iter->private = buffer;
			*cpu = c;
			return ev;
		}
		ring_buffer_consumer_unlock(buffer, c);
		/* Another consumer of c took it: look again. */
		if (!all)
			return NULL;
	}
}

/**
 * trace_iter_next() - move to the oldest record not yet read
 * @iter: the iterator
 *
 * Sets @iter->ent, @iter->ent_size, @iter->cpu, @iter->ts and
 * @iter->lost_events (records lost just before it on its CPU; -1 when a
 * walking reader was overtaken and cannot tell how many).  The reader
 * moves past the record with trace_iter_consume() once it is printed; a
 * consuming reader that does not consume it gives it back with
 * trace_iter_put().  A record still held is given back here first.
 *
 * Context: process context; a consuming iterator holds the consumer lock
 * of the record's CPU on return (see the file comment).
 * Return: the record, or NULL if every CPU is empty.
 */
struct trace_entry *trace_iter_next(struct trace_iterator *iter)
{
	struct trace_buffer *buffer;
	struct ring_buffer_event *ev;
	unsigned long lost = 0;
	int cpu = -1;
	u64 ts = 0;

	trace_iter_put(iter);
	iter->ent = NULL;
	buffer = READ_ONCE(iter->array_buffer->buffer);
	if (!buffer)
		return NULL;
	if (iter->buffer_iter)
		ev = trace_iter_oldest(iter, buffer, &cpu, &ts, &lost);
	else
		ev = trace_iter_take(iter, buffer, &cpu, &ts, &lost);
	if (!ev)
		return NULL;
	if (iter->buffer_iter &&
	    ring_buffer_iter_dropped(iter->buffer_iter[cpu]))
		lost = (unsigned long)-1;

	iter->ent = ring_buffer_event_data(ev);
	iter->ent_size = ring_buffer_event_length(ev);
	iter->cpu = cpu;
	iter->ts = ts;
	iter->lost_events = lost;
	iter->idx++;
	return iter->ent;
}

/**
 * trace_iter_consume() - move past the record trace_iter_next() returned
 * @iter: the iterator
 *
 * A consuming iterator consumes it where it read it and gives its CPU's
 * consumer lock back.
 *
 * Context: process context.
 */
void trace_iter_consume(struct trace_iterator *iter)
{
	struct trace_buffer *buffer = iter->private;

	if (iter->buffer_iter) {
		ring_buffer_iter_advance(iter->buffer_iter[iter->cpu]);
		return;
	}
	if (!buffer)
		return;
	ring_buffer_consume(buffer, iter->cpu, NULL, NULL);
	trace_iter_put(iter);
}

/**
 * trace_iter_put() - give back a record without consuming it
 * @iter: the iterator
 *
 * A consuming iterator releases the consumer lock trace_iter_next() took;
 * the record stays for the next read.  Nothing happens if it holds none,
 * or for a walking iterator.
 *
 * Context: process context.
 */
void trace_iter_put(struct trace_iterator *iter)
{
	struct trace_buffer *buffer = iter->private;

	/* A walk keeps another thing in iter->private: see trace_read.c. */
	if (iter->buffer_iter || !buffer)
		return;
	iter->private = NULL;
	iter->ent = NULL;
	ring_buffer_consumer_unlock(buffer, iter->cpu);
}

/**
 * trace_iter_empty() - whether there is nothing left to read
 * @iter: the iterator
 *
 * Context: any.
 * Return: true when every CPU the iterator reads is empty.
 */
bool trace_iter_empty(struct trace_iterator *iter)
{
	struct trace_buffer *buffer = iter->array_buffer->buffer;
	int c;

	if (!buffer)
		return true;
	for_each_possible_cpu(c) {
		if (!trace_iter_cpu_in(iter, c))
			continue;
		if (iter->buffer_iter ? iter->buffer_iter[c] &&
		    !ring_buffer_iter_empty(iter->buffer_iter[c]) :
		    !ring_buffer_empty_cpu(buffer, c))
			return false;
	}
	return true;
}
