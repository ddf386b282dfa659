// SPDX-License-Identifier: GPL-2.0
/*
 * ring_buffer_stats.c - what a buffer holds and what it lost.
 *
 * The counters are written by each CPU's writers (local_t) and its reader
 * (under reader_lock) and read here without locks: each value is exact,
 * two values read one after the other may be a few records apart while
 * writers run.  For every CPU:
 *   entries (committed) = read + overrun + records still in the buffer,
 * and the records writers offered = entries + dropped + commit overrun.
 */

#include "ring_buffer_types.h"

/**
 * ring_buffer_entries_cpu - records of a CPU not yet consumed or lost
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Context: any.
 * Return: the number of records still in the buffer.
 */
unsigned long ring_buffer_entries_cpu(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);

	if (!c)
		return 0;
	return local_read(&c->entries) - local_read(&c->overrun) -
	       READ_ONCE(c->read);
}
EXPORT_SYMBOL_GPL(ring_buffer_entries_cpu);

/**
 * ring_buffer_overrun_cpu - records of a CPU lost to overwrite
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Context: any.
 * Return: the count.
 */
unsigned long ring_buffer_overrun_cpu(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);

	return c ? local_read(&c->overrun) : 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_overrun_cpu);

/**
 * ring_buffer_commit_overrun_cpu - records dropped to protect uncommitted
 *	ones
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Nested writers that fill the whole ring before the outer one commits
 * cannot overwrite it; what they would have written is counted here.
 *
 * Context: any.
 * Return: the count.
 */
unsigned long ring_buffer_commit_overrun_cpu(struct trace_buffer *buffer,
					     int cpu)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);

	return c ? local_read(&c->commit_overrun) : 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_commit_overrun_cpu);

/**
 * ring_buffer_dropped_events_cpu - records a full buffer refused
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Context: any.
 * Return: the count.
 */
unsigned long ring_buffer_dropped_events_cpu(struct trace_buffer *buffer,
					     int cpu)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);

	return c ? local_read(&c->dropped) : 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_dropped_events_cpu);

/**
 * ring_buffer_read_events_cpu - records of a CPU consumed
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Context: any.
 * Return: the count.
 */
unsigned long ring_buffer_read_events_cpu(struct trace_buffer *buffer,
					  int cpu)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);

	return c ? READ_ONCE(c->read) : 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_read_events_cpu);

/**
 * ring_buffer_entries - records not yet consumed or lost, all CPUs
 * @buffer: the buffer
 *
 * Context: any.
 * Return: the sum of ring_buffer_entries_cpu().
 */
unsigned long ring_buffer_entries(struct trace_buffer *buffer)
{
	unsigned long n = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		n += ring_buffer_entries_cpu(buffer, cpu);
	return n;
}
EXPORT_SYMBOL_GPL(ring_buffer_entries);

/**
 * ring_buffer_overruns - records lost to overwrite, all CPUs
 * @buffer: the buffer
 *
 * Context: any.
 * Return: the sum of ring_buffer_overrun_cpu().
 */
unsigned long ring_buffer_overruns(struct trace_buffer *buffer)
{
	unsigned long n = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		n += ring_buffer_overrun_cpu(buffer, cpu);
	return n;
}
EXPORT_SYMBOL_GPL(ring_buffer_overruns);

/**
 * ring_buffer_bytes_cpu - bytes of records in a CPU buffer
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * The pages the writer has left, less those read or lost, plus what is
 * committed on the page it is writing: the write path counts only whole
 * pages, and the tail is added here, when someone asks.  A page change
 * racing with the call may count the tail twice, once.
 *
 * Context: any.
 * Return: the byte count.
 */
unsigned long ring_buffer_bytes_cpu(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);
	struct rb_page *tail;
	long n;

	if (!c)
		return 0;
	tail = READ_ONCE(c->commit_page);
	n = local_read(&c->written_bytes) - local_read(&c->lost_bytes) -
	    READ_ONCE(c->read_bytes);
	if (tail)
		n += local_read(&tail->data->commit) & RB_COMMIT_MASK;
	return n > 0 ? n : 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_bytes_cpu);

/**
 * ring_buffer_oldest_event_ts - time stamp of a CPU's oldest page
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Context: any; takes the reader_lock.
 * Return: the time stamp where the oldest unconsumed records start, or 0.
 */
u64 ring_buffer_oldest_event_ts(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);
	unsigned long flags;
	struct rb_page *p;
	u64 ts = 0;

	if (!c)
		return 0;
	if (!rb_reader_lock(c, &flags)) {
		__release(&c->reader_lock);
		return 0;
	}
	if (c->read_off < (local_read(&c->reader->data->commit) &
			   RB_COMMIT_MASK)) {
		ts = c->read_ts;
	} else {
		p = READ_ONCE(c->slots[rb_head_slot(READ_ONCE(c->head))]);
		if (READ_ONCE(p->seq) > c->reader_seq &&
		    /* pages up to commit_seq are complete: rb_publish_pages() */
		    READ_ONCE(p->seq) <= smp_load_acquire(&c->commit_seq))
			ts = p->data->time_stamp;
	}
	rb_reader_unlock(c, flags);
	return ts;
}
EXPORT_SYMBOL_GPL(ring_buffer_oldest_event_ts);

/**
 * ring_buffer_nr_dirty_pages - pages of a CPU holding unconsumed records
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Context: any.
 * Return: the count.
 */
size_t ring_buffer_nr_dirty_pages(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);
	long n;

	if (!c)
		return 0;
	/* Overwritten pages were entered, and will never be read. */
	n = local_read(&c->pages_touched) - local_read(&c->pages_lost) -
	    READ_ONCE(c->pages_read);
	return n > 0 ? min_t(long, n, c->nr_pages) : 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_nr_dirty_pages);

/**
 * ring_buffer_size - bytes of records a CPU buffer holds
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Context: any.
 * Return: the capacity, or 0 for a CPU without a buffer.
 */
unsigned long ring_buffer_size(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);

	return c ? (unsigned long)c->nr_pages * rb_usable(buffer) : 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_size);

/**
 * ring_buffer_max_event_size - the largest payload a record may have
 * @buffer: the buffer
 *
 * Context: any.
 * Return: the size in bytes.
 */
unsigned long ring_buffer_max_event_size(struct trace_buffer *buffer)
{
	return buffer->max_data;
}
EXPORT_SYMBOL_GPL(ring_buffer_max_event_size);
