// SPDX-License-Identifier: GPL-2.0
/*
 * ring_buffer_wait.c - readers sleeping until records arrive.
 *
 * A reader that waits sets its waiters' pending flag; a writer that
 * commits sees the flag and queues an irq_work, which wakes the reader
 * from interrupt context: writers themselves never touch a wait queue, so
 * they stay safe in NMI and under any lock.  A wait for "full" (a share of
 * the pages written, as buffer_percent sets) has a flag of its own, which
 * writers look at only when they complete a page, and is woken once that
 * share is reached.
 *
 * The irq_work is lazy: it runs from the CPU's next tick, or at once if
 * the tick is stopped (an idle CPU), so readers are woken at most once a
 * tick and then find everything written meanwhile.  Readers are often
 * woken by records they cause themselves: one that sleeps on the CPU
 * whose buffer it reads leaves a sched_switch record there as it goes,
 * and another as it comes back.  Woken at once by the first, such a
 * reader (cat of that CPU's trace_pipe_raw, a trace_pipe reader) would
 * read its own records, sleep and be woken again for ever, as fast as the
 * CPU can switch, and flood every buffer that records those events.  A
 * lazy irq_work also spares the writer a self-IPI.
 */

#include <linux/sched/signal.h>

#include "ring_buffer_types.h"

static void rb_wake_work(struct irq_work *work)
{
	struct rb_waiters *w = container_of(work, struct rb_waiters, work);

	wake_up_all(&w->wq);
}

/**
 * rb_waiters_init - set up a wait queue and its irq_work
 * @w: the waiters
 *
 * The irq_work is lazy: see the comment at the top of this file.
 *
 * Context: process.
 */
void rb_waiters_init(struct rb_waiters *w)
{
	w->work = IRQ_WORK_INIT_LAZY(rb_wake_work);
	init_waitqueue_head(&w->wq);
	w->full = RB_WAIT_UNSET;
}

/*
 * Wake every waiter of @w.  They are all on the queue or still to check
 * their condition, and either way arm @w again (rb_wait_arm()) before
 * they sleep, so the wishes of the ones still sleeping are restored.
 */
static void rb_wake(struct rb_waiters *w)
{
	WRITE_ONCE(w->pending, false);
	WRITE_ONCE(w->full_pending, false);
	WRITE_ONCE(w->full, RB_WAIT_UNSET);
	irq_work_queue(&w->work);
}

/* Ask writers to wake @w once @full percent (0: any record) is written. */
static void rb_wait_arm(struct rb_waiters *w, int full)
{
	int old = READ_ONCE(w->full);

	if (!full) {
		WRITE_ONCE(w->pending, true);
		return;
	}
	while (full < old && !try_cmpxchg(&w->full, &old, full))
		;
	WRITE_ONCE(w->full_pending, true);
}

/*
 * Whether CPU buffer @c holds what a waiter for @full percent wants: that
 * share of pages used, and a record to read, since a page the writer has
 * just entered counts as used before it holds one.
 */
static bool rb_ready(struct rb_cpu *c, int full)
{
	unsigned long flags;
	size_t dirty;
	bool ready;

	if (full) {
		dirty = ring_buffer_nr_dirty_pages(c->buffer, c->cpu);
		if (dirty * 100 < (size_t)full * c->nr_pages)
			return false;
	}
	if (!rb_reader_lock(c, &flags)) {
		__release(&c->reader_lock);
		return false;
	}
	ready = !rb_cpu_empty(c);
	rb_reader_unlock(c, flags);
	return ready;
}

/**
 * rb_wakeup - a writer committed while readers wait for any record
 * @c: the CPU buffer it committed to, whose waiters' pending flag is set:
 *	by its own waiters or by buffer-wide ones
 *
 * Context: the writer's; any context, NMI included.
 */
void rb_wakeup(struct rb_cpu *c)
{
	struct trace_buffer *b = c->buffer;

	rb_wake(&c->wait);
	smp_rmb();	/* pairs with the smp_wmb() of rb_wait_done() */
	if (READ_ONCE(b->wait.pending))
		rb_wake(&b->wait);
}

/**
 * rb_wakeup_full - a writer completed a page while readers wait for a share
 * @c: the CPU buffer
 *
 * The share of pages used grows only when a page is entered, and the
 * outermost writer publishes a page it completes right after: so it is
 * weighed there, not on every record.
 *
 * Context: the writer's; any context, NMI included.
 */
void rb_wakeup_full(struct rb_cpu *c)
{
	size_t dirty = ring_buffer_nr_dirty_pages(c->buffer, c->cpu);

	if (dirty * 100 >= (size_t)READ_ONCE(c->wait.full) * c->nr_pages)
		rb_wake(&c->wait);
}

static struct rb_waiters *rb_waiters_of(struct trace_buffer *b, int cpu)
{
	struct rb_cpu *c;

	if (cpu == RING_BUFFER_ALL_CPUS)
		return &b->wait;
	c = rb_cpu_of(b, cpu);
	return c ? &c->wait : NULL;
}

/* The wake-up condition; also re-arms the writers' flag. */
static bool rb_wait_done(struct trace_buffer *b, int cpu, int full,
			 ring_buffer_cond_fn cond, void *data,
			 struct rb_waiters *w, unsigned long wakeups)
{
	int i;

	rb_wait_arm(w, full);
	/*
	 * Writers look at their own CPU's flag only: a buffer-wide waiter
	 * sets every CPU's, after its own (see rb_wakeup()).
	 */
	if (cpu == RING_BUFFER_ALL_CPUS) {
		smp_wmb();	/* b->wait's flag first: see rb_wakeup() */
		for_each_possible_cpu(i)
			if (rb_cpu_of(b, i))
				WRITE_ONCE(b->buffers[i]->wait.pending, true);
	}
	/* The flag before the check; a writer commits before testing it. */
	smp_mb();
	if (READ_ONCE(w->wakeups) != wakeups)
		return true;
	if (cond && cond(data))
		return true;
	if (cpu != RING_BUFFER_ALL_CPUS)
		return rb_ready(b->buffers[cpu], full);
	for_each_possible_cpu(i)
		if (rb_cpu_of(b, i) && rb_ready(b->buffers[i], 0))
			return true;
	return false;
}

/**
 * ring_buffer_wait - sleep until a CPU buffer has records
 * @buffer: the buffer
 * @cpu: the CPU, or RING_BUFFER_ALL_CPUS for any
 * @full: 0 to wake on any record, else the percentage of pages that must
 *	hold records (one CPU only)
 * @cond: an extra condition that ends the wait, or NULL
 * @data: argument of @cond
 *
 * Context: process; sleeps.
 * Return: 0 when woken, -EINTR on a signal, -ENODEV for a bad @cpu.
 */
int ring_buffer_wait(struct trace_buffer *buffer, int cpu, int full,
		     ring_buffer_cond_fn cond, void *data)
{
	struct rb_waiters *w = rb_waiters_of(buffer, cpu);
	unsigned long wakeups;

	if (!w)
		return -ENODEV;
	if (cpu == RING_BUFFER_ALL_CPUS)
		full = 0;
	wakeups = READ_ONCE(w->wakeups);
	return wait_event_interruptible(w->wq,
		rb_wait_done(buffer, cpu, full, cond, data, w, wakeups));
}
EXPORT_SYMBOL_GPL(ring_buffer_wait);

/**
 * ring_buffer_poll_wait - poll support for a CPU buffer
 * @buffer: the buffer
 * @cpu: the CPU, or RING_BUFFER_ALL_CPUS
 * @filp: the file polled
 * @poll_table: the poll table
 * @full: as for ring_buffer_wait()
 *
 * Context: process.
 * Return: EPOLLIN | EPOLLRDNORM if there is something to read, else 0.
 */
__poll_t ring_buffer_poll_wait(struct trace_buffer *buffer, int cpu,
			       struct file *filp, poll_table *poll_table,
			       int full)
{
	struct rb_waiters *w = rb_waiters_of(buffer, cpu);

	if (!w)
		return EPOLLERR;
	if (cpu == RING_BUFFER_ALL_CPUS)
		full = 0;
	poll_wait(filp, &w->wq, poll_table);
	if (rb_wait_done(buffer, cpu, full, NULL, NULL, w, READ_ONCE(w->wakeups)))
		return EPOLLIN | EPOLLRDNORM;
	return 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_poll_wait);

/**
 * ring_buffer_wake_waiters - end every wait on a CPU buffer
 * @buffer: the buffer
 * @cpu: the CPU, or RING_BUFFER_ALL_CPUS for the buffer-wide waiters
 *
 * Context: any but NMI.
 */
void ring_buffer_wake_waiters(struct trace_buffer *buffer, int cpu)
{
	struct rb_waiters *w;
	int i;

	if (!buffer)
		return;
	if (cpu == RING_BUFFER_ALL_CPUS) {
		for_each_possible_cpu(i)
			if (rb_cpu_of(buffer, i))
				ring_buffer_wake_waiters(buffer, i);
	}
	w = rb_waiters_of(buffer, cpu);
	if (!w)
		return;
	WRITE_ONCE(w->wakeups, w->wakeups + 1);
	irq_work_queue(&w->work);
}
EXPORT_SYMBOL_GPL(ring_buffer_wake_waiters);
