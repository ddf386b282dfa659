/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ring_buffer_types.h - the ring buffer's private types and record layout.
 *
 * Types and small inline helpers only; the code lives in ring_buffer_*.c,
 * one concern per file.
 *
 * Shape of one CPU's buffer
 * -------------------------
 * The sub-buffers ("pages") of a CPU sit in slots[0..nr_pages-1], a ring.
 * One more page, the reader page, sits outside the ring and belongs to the
 * consuming reader.  To consume the oldest page, the reader swaps its own
 * page into that slot and takes the old one out; the writer never sees a
 * page that the reader is reading, unless the reader took the very page the
 * writer is on, in which case the writer finishes it and moves on to the
 * ring, and the reader only reads what has been committed.
 *
 * Every page the writer enters gets the next sequence number (seq), so that
 * readers can tell fresh pages from stale ones and notice overwritten ones.
 *
 * The writer's state is one 128-bit word, ws: the address of the next free
 * byte and the time stamp of the last record.  A writer reads the clock,
 * then swaps ws with a local (CPU-only) cmpxchg; a writer that interrupted
 * it makes the cmpxchg fail, or, if it came between the clock and the load
 * of ws, leaves a later time stamp there than the clock gave (the slow
 * path reads the clock again); so time stamps follow the order of the
 * records and each delta is taken from the true previous record.
 *
 * Writers nest (task, softirq, irq, NMI).  Space is reserved in order, and
 * data becomes visible to readers when the outermost writer, the last one
 * to finish on this CPU, publishes the pages' commit fields.
 *
 * Locking rules
 * -------------
 *  ws, committing, nest_ts, commit_*, counters written by writers:
 *	this CPU's writers only, with preemption disabled; nesting is handled
 *	by local_t operations and the ws cmpxchg.  Readers only read them.
 *  head:	cmpxchg'd by the writer (pushing it, overwrite mode) and the
 *		reader (claiming it with RB_HEAD_BUSY, under reader_lock).
 *  slots[]:	the entry at head is replaced by the reader while it holds
 *		RB_HEAD_BUSY; writers read the entry they enter.  The array
 *		itself changes only under resize, with writers excluded
 *		(record_disabled + synchronize_rcu()) and reader_lock held.
 *  reader, read_*, lost_*:	reader_lock.
 *  the records of the reader page, between a consumer's look at one
 *	(ring_buffer_peek(), ring_buffer_read_page()) and its use of it:
 *		consume_lock, a mutex per CPU buffer that its consumers hold
 *		(ring_buffer_consumer_lock()).  Whatever takes the reader
 *		page's records away from under a consumer takes it too:
 *		another consumer, a sub-buffer size change (which frees the
 *		pages), a reset (which starts the reader over) and a per-CPU
 *		swap (which moves the CPU buffer to another trace_buffer).
 *		So, while it is held, @reader's records stay where they are
 *		and the buffer's geometry (subbuf_order, subbuf_size) and
 *		trace_buffer.buffers[cpu] do not change.
 *  buffer-wide settings (size, order, clock, flags):	trace_buffer.mutex,
 *		with writers excluded where the fast path reads them.
 *
 *  Lock order: trace_buffer.mutex (of two buffers: the lower address
 *  first), consume_lock (all of a buffer's at once only under its mutex),
 *  reader_lock.
 */
#ifndef _RING_BUFFER_TYPES_H
#define _RING_BUFFER_TYPES_H

#include <linux/irq_work.h>
#include <asm/local.h>
#include <linux/mutex.h>
#include <linux/ring_buffer.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

/**
 * struct buffer_data_page - a sub-buffer as readers and user space see it
 * @time_stamp: time of the first record; deltas start from it
 * @commit: bytes of committed records in @data; a page handed out by
 *	ring_buffer_read_page() may carry RB_MISSED_EVENTS and
 *	RB_MISSED_STORED in it
 * @data: the records
 */
struct buffer_data_page {
	u64		time_stamp;
	local_t		commit;
	unsigned char	data[];
};

/* Flags in a read page's commit word, as libtraceevent expects them. */
#define RB_MISSED_EVENTS	BIT(31)
#define RB_MISSED_STORED	BIT(30)
#define RB_COMMIT_MASK		(RB_MISSED_STORED - 1)

#define RB_DATA_OFF		offsetof(struct buffer_data_page, data)
#define RB_HDR_LEN		4U	/* struct ring_buffer_event */
#define RB_TIME_LEN		8U	/* time extend and time stamp */
#define RB_SMALL_MAX		(RINGBUF_TYPE_DATA_TYPE_LEN_MAX * 4U)
#define RB_DELTA_BITS		27
#define RB_DELTA_MAX		((1ULL << RB_DELTA_BITS) - 1)
#define RB_ABS_BITS		59	/* an absolute stamp holds these */
#define RB_ABS_MASK		((1ULL << RB_ABS_BITS) - 1)

/* Deeper nesting on one CPU than this is a runaway recursion. */
#define RB_NEST_MAX		8

/**
 * struct buffer_data_read_page - a page handed to ring_buffer_read_page()
 * @order: allocation order of @data
 * @data: the page
 */
struct buffer_data_read_page {
	unsigned int		order;
	struct buffer_data_page	*data;
};

/**
 * struct rb_page - a sub-buffer's descriptor
 * @data: the sub-buffer, aligned to its size; its struct page's private
 *	field points back here
 * @seq: 0 if never written, else the number the writer gave it when it
 *	entered it (see the file comment)
 * @slot: the slot it occupies, or occupied when the reader took it
 * @real_end: bytes of records when the writer left it
 * @events: data records in it, set when it is published complete (see
 *	rb_publish_pages()), so that neither a writer pushing it out nor a
 *	reader taking it whole has to walk it
 */
struct rb_page {
	struct buffer_data_page	*data;
	u64			seq;
	unsigned int		slot;
	unsigned int		real_end;
	unsigned int		events;
};

/**
 * union rb_wstate - the writer's position, swapped as one word
 * @pos: address of the next free byte in the writer's page
 * @ts: time stamp of the last record reserved
 * @full: both, for the cmpxchg
 */
union rb_wstate {
	struct {
		unsigned long	pos;
		u64		ts;
	};
#ifdef system_has_cmpxchg128
	u128			full;
#endif
} __aligned(16);

/**
 * struct rb_waiters - readers sleeping until data arrives
 * @work: queued by a committing writer; wakes @wq from irq context, at
 *	the writer CPU's next tick (lazy: see ring_buffer_wait.c)
 * @wq: the sleepers
 * @pending: a reader waits for any record: writers queue @work when they
 *	commit.  A CPU buffer's is also set by buffer-wide waiters, so that
 *	writers test one flag
 * @full_pending: a reader waits for a share of the pages: the writer
 *	that completes a page weighs @full
 * @full: the smallest share the waiters armed since the last wake-up ask
 *	for, RB_WAIT_UNSET if none.  Waiters only lower it; the writer that
 *	wakes them resets it and both flags, and every woken waiter arms
 *	again before it sleeps.
 * @wakeups: bumped by ring_buffer_wake_waiters() to end every wait
 */
#define RB_WAIT_UNSET		101

struct rb_waiters {
	struct irq_work		work;
	wait_queue_head_t	wq;
	bool			pending;
	bool			full_pending;
	int			full;
	unsigned long		wakeups;
};

/**
 * struct rb_cpu - one CPU's buffer
 *
 * Writer side (this CPU's writers, see the file comment):
 * @ws: position and last time stamp
 * @committing: reservations open on this CPU
 * @commit_base: data page of @commit_page, for the commit fast path
 * @commit_page: the page holding the last published record
 * @commit_seq: seq of @commit_page, stored with release
 * @published: records on the pages published complete so far
 * @nest_ts: time stamp of the open reservation at each nesting depth
 * @entries: records committed (discarded ones are not counted)
 * @overrun: records lost to overwrite or resize
 * @commit_overrun: records dropped because the writer wrapped into
 *	records not yet committed
 * @dropped: records dropped because the buffer was full (producer/consumer
 *	mode, or a reader was swapping the page to overwrite)
 * @pages_touched: pages entered
 * @pages_lost: pages given up unread (overwritten, or dropped by a resize)
 * @written_bytes: bytes of records in pages the writer left
 * @lost_bytes: bytes of records lost to overwrite
 * @record_disabled: writers refuse when non-zero: RB_CPU_PAUSED while the
 *	ring is rebuilt (the refusals count as dropped), plus the count of
 *	ring_buffer_record_disable_cpu() calls
 *
 * Ring (see the locking rules):
 * @slots: the ring of pages
 * @nr_pages: entries in @slots
 * @head: slot of the oldest unread page, RB_HEAD_BUSY while the reader
 *	swaps it out, and a generation (see rb_head_slot())
 * @reader_seq: seq of the page the reader took last
 *
 * Reader side (@reader_lock):
 * @consume_lock: serialises the consumers of this CPU buffer, from the
 *	look at a record to its use, with each other and with what moves or
 *	frees the reader page (see the locking rules)
 * @reader_lock: serialises readers, iterators' page loads and resizing
 * @reader: the reader page
 * @read_off: offset of the next unread record in @reader
 * @read_ts: time stamp the next record's delta applies to
 * @read: records consumed
 * @read_bytes: bytes of pages consumed
 * @pages_read: pages taken by the reader
 * @lost: overrun not yet reported to a consumer
 * @lost_seen: @overrun when it was last looked at
 * @iters: open iterators (sub-buffer size changes refuse while non-zero)
 *
 * @wait: readers waiting for this CPU's data
 * @buffer: the trace_buffer
 * @cpu: the CPU
 */
struct rb_cpu {
	union rb_wstate		ws;
	local_t			committing;
	unsigned long		commit_base;
	struct rb_page		*commit_page;
	u64			commit_seq;
	unsigned long		published;
	u64			nest_ts[RB_NEST_MAX];
	local_t			entries;
	local_t			overrun;
	local_t			commit_overrun;
	local_t			dropped;
	local_t			pages_touched;
	local_t			pages_lost;
	local_t			written_bytes;
	local_t			lost_bytes;
	atomic_t		record_disabled;

	struct rb_page		**slots;
	unsigned int		nr_pages;
	unsigned long		head;
	u64			reader_seq;

	struct mutex		consume_lock ____cacheline_aligned_in_smp;
	raw_spinlock_t		reader_lock;
	struct rb_page		*reader;
	unsigned int		read_off;
	u64			read_ts;
	unsigned long		read;
	unsigned long		read_bytes;
	unsigned long		pages_read;
	unsigned long		lost;
	unsigned long		lost_seen;
	atomic_t		iters;

	struct rb_waiters	wait;
	struct trace_buffer	*buffer;
	int			cpu;
};

/*
 * rb_cpu.head: bit 0 is RB_HEAD_BUSY, the bits up to RB_HEAD_GEN_SHIFT
 * hold the slot shifted left by one, the bits above a generation that
 * every move bumps, so that a cmpxchg with a stale head fails even when
 * the writer has gone round the whole ring meanwhile.
 */
#define RB_HEAD_BUSY		1UL
#define RB_HEAD_GEN_SHIFT	(BITS_PER_LONG / 2)
/* The most slots a head can name: a larger size is refused. */
#define RB_MAX_PAGES		((1UL << (RB_HEAD_GEN_SHIFT - 1)) - 1)

static __always_inline unsigned int rb_head_slot(unsigned long head)
{
	return (head & ((1UL << RB_HEAD_GEN_SHIFT) - 1)) >> 1;
}

static __always_inline unsigned long rb_head_move(unsigned long head,
						  unsigned int slot)
{
	return (((head >> RB_HEAD_GEN_SHIFT) + 1) << RB_HEAD_GEN_SHIFT) |
	       (unsigned long)slot << 1;
}

/**
 * struct trace_buffer - a ring buffer: one struct rb_cpu per CPU
 * @flags: &enum ring_buffer_flags
 * @record_disabled: writers refuse when non-zero; RB_BUFFER_OFF is the
 *	record_off() bit, the rest counts record_disable() calls
 * @subbuf_order: allocation order of a page
 * @subbuf_size: bytes of a page
 * @mask: @subbuf_size - 1
 * @max_data: the largest payload a writer may reserve
 * @time_stamp_abs: precede every record with an absolute time stamp
 * @fast_delta_end: the writers' fast path takes deltas below this:
 *	RB_DELTA_MAX + 1, or 0 with @time_stamp_abs (every record slow)
 * @clock: the clock of this buffer
 * @nr_pages: pages per CPU for CPUs that come online later
 * @mutex: serialises changes of size, order and CPUs
 * @buffers: per CPU, NULL for CPUs without a buffer
 * @wait: readers waiting for any CPU's data
 * @node: cpuhp instance
 * @reader_lock_key: lockdep class of the reader locks
 */
struct trace_buffer {
	unsigned int		flags;
	atomic_t		record_disabled;
	unsigned int		subbuf_order;
	unsigned int		subbuf_size;
	unsigned long		mask;
	unsigned long		max_data;
	bool			time_stamp_abs;
	u64			fast_delta_end;
	u64			(*clock)(void);
	unsigned long		nr_pages;
	struct mutex		mutex;		/* see the kernel-doc above */
	struct rb_cpu		**buffers;
	struct rb_waiters	wait;
	struct hlist_node	node;
	struct lock_class_key	*reader_lock_key;
};

#define RB_BUFFER_OFF		BIT(20)
/* In rb_cpu.record_disabled: the ring is being rebuilt. */
#define RB_CPU_PAUSED		BIT(20)

/* Bytes of records a page holds. */
static __always_inline unsigned int rb_usable(const struct trace_buffer *b)
{
	return b->subbuf_size - RB_DATA_OFF;
}

/**
 * rb_record_len - bytes a record takes, header included
 * @ev: the record
 *
 * Return: its length, or 0 for a record that cannot be valid.
 */
static __always_inline unsigned int
rb_record_len(const struct ring_buffer_event *ev)
{
	switch (ev->type_len) {
	case 0:
	case RINGBUF_TYPE_PADDING:
		return ev->array[0] ? RB_HDR_LEN + ev->array[0] : 0;
	case RINGBUF_TYPE_TIME_EXTEND:
	case RINGBUF_TYPE_TIME_STAMP:
		return RB_TIME_LEN;
	default:
		return RB_HDR_LEN + ev->type_len * 4;
	}
}

static __always_inline bool rb_is_data(const struct ring_buffer_event *ev)
{
	return ev->type_len <= RINGBUF_TYPE_DATA_TYPE_LEN_MAX;
}

/* The value of a time extend or time stamp record. */
static __always_inline u64 rb_time_value(const struct ring_buffer_event *ev)
{
	return ((u64)ev->array[0] << RB_DELTA_BITS) | ev->time_delta;
}

/**
 * rb_apply_time - the time stamp after one record
 * @ev: the record
 * @ts: the time stamp before it
 * @page_ts: the page's time stamp, for the upper bits of absolute stamps
 *
 * Return: the time stamp of @ev, which the next record's delta adds to.
 */
static __always_inline u64 rb_apply_time(const struct ring_buffer_event *ev,
					 u64 ts, u64 page_ts)
{
	switch (ev->type_len) {
	case RINGBUF_TYPE_TIME_EXTEND:
		return ts + rb_time_value(ev);
	case RINGBUF_TYPE_TIME_STAMP:
		return (page_ts & ~RB_ABS_MASK) | rb_time_value(ev);
	default:
		return ts + ev->time_delta;
	}
}

/* Where a data record's payload starts. */
static __always_inline void *rb_payload(struct ring_buffer_event *ev)
{
	return __ring_buffer_event_data(ev);
}

/* The page descriptor of a data page. */
static __always_inline struct rb_page *rb_page_of(unsigned long base)
{
	return (struct rb_page *)page_private(virt_to_page((void *)base));
}

static __always_inline unsigned int rb_next_slot(const struct rb_cpu *c,
						 unsigned int slot)
{
	return slot + 1 == c->nr_pages ? 0 : slot + 1;
}

/* ring_buffer_alloc.c */
u64 rb_clock_read(struct trace_buffer *b);
void rb_cpu_init_state(struct rb_cpu *c);
void rb_writers_off(struct trace_buffer *b, const struct cpumask *cpus);
void rb_writers_on(struct trace_buffer *b, const struct cpumask *cpus);

/**
 * rb_reader_lock - take a CPU buffer's reader_lock
 * @c: the CPU buffer
 * @flags: saved interrupt state
 *
 * In NMI context the lock is only tried: the NMI may have interrupted its
 * holder on this CPU.  For sparse the lock counts as taken either way; a
 * caller that gets false says __release(&c->reader_lock).
 *
 * Context: any.
 * Return: true if the lock is held.
 */
static __always_inline bool rb_reader_lock(struct rb_cpu *c,
					   unsigned long *flags)
	__acquires(&c->reader_lock)
{
	if (likely(!in_nmi())) {
		raw_spin_lock_irqsave(&c->reader_lock, *flags);
		return true;
	}
	local_irq_save(*flags);
	if (raw_spin_trylock(&c->reader_lock))
		return true;
	local_irq_restore(*flags);
	__acquire(&c->reader_lock);
	return false;
}

/**
 * rb_reader_unlock - release what rb_reader_lock() took
 * @c: the CPU buffer
 * @flags: the interrupt state rb_reader_lock() saved
 *
 * Context: after rb_reader_lock() succeeded.
 */
static __always_inline void rb_reader_unlock(struct rb_cpu *c,
					     unsigned long flags)
	__releases(&c->reader_lock)
{
	raw_spin_unlock_irqrestore(&c->reader_lock, flags);
}

/* ring_buffer_read.c */
unsigned int rb_page_events(const struct rb_page *p, unsigned int len);
bool rb_cpu_empty(struct rb_cpu *c);

/* ring_buffer_wait.c */
void rb_waiters_init(struct rb_waiters *w);
void rb_wakeup(struct rb_cpu *c);
void rb_wakeup_full(struct rb_cpu *c);

/* ring_buffer_iter.c */
struct rb_page *rb_find_seq(struct rb_cpu *c, u64 seq);

static __always_inline struct rb_cpu *rb_cpu_of(struct trace_buffer *b,
						int cpu)
{
	if (cpu < 0 || cpu >= nr_cpu_ids)
		return NULL;
	return READ_ONCE(b->buffers[cpu]);
}

#endif /* _RING_BUFFER_TYPES_H */
