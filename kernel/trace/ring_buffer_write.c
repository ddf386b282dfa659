// SPDX-License-Identifier: GPL-2.0
/*
 * ring_buffer_write.c - the write path: reserve, commit, discard, write.
 *
 * A writer runs on its own CPU's buffer with preemption disabled from
 * reserve to commit, never blocks and never takes a lock.  The fast path
 * handles a record that fits in the current page with a small delta; time
 * records, page changes and the fallback for CPUs without a 128-bit cmpxchg
 * are out of line.  See ring_buffer_types.h for the protocol.
 */

#include <linux/kprobes.h>
#include <linux/preempt.h>
#include <linux/sched/clock.h>
#include <linux/trace_clock.h>
#include <trace/stages/copy.h>

#include "ring_buffer_types.h"

/*
 * Whether the CPU has a local 128-bit cmpxchg: the architecture's own
 * test (on x86 a bit of the boot CPU's features, read from memory).
 */
static __always_inline bool rb_cmpxchg128_ok(void)
{
#ifdef system_has_cmpxchg128
	return system_has_cmpxchg128();
#else
	return false;
#endif
}

/*
 * Without a 128-bit cmpxchg, interrupts off make the update atomic against
 * nesting writers; NMIs are refused before they get here.
 */
static noinline bool rb_ws_update_irqoff(struct rb_cpu *c,
					 union rb_wstate *old,
					 const union rb_wstate *new)
{
	unsigned long flags;
	bool ok;

	local_irq_save(flags);
	ok = c->ws.pos == old->pos && c->ws.ts == old->ts;
	if (ok)
		c->ws = *new;
	else
		*old = c->ws;
	local_irq_restore(flags);
	return ok;
}

static __always_inline bool rb_ws_update(struct rb_cpu *c,
					 union rb_wstate *old,
					 const union rb_wstate *new)
{
#ifdef system_has_cmpxchg128
	if (rb_cmpxchg128_ok())
		return try_cmpxchg128_local(&c->ws.full, &old->full, new->full);
#endif
	return rb_ws_update_irqoff(c, old, new);
}

#ifdef system_has_cmpxchg128
/*
 * The fast path's one try at moving ws from (@pos, @ts) to (@npos, @nts).
 * On x86-64 the halves go to cmpxchg16b in registers: any 16-byte value
 * in the function, union rb_wstate or the u128 of try_cmpxchg128_local(),
 * makes the compiler realign the stack (the kernel's is 8-byte aligned),
 * five instructions and a frame pointer on every record.
 */
static __always_inline bool rb_ws_try(struct rb_cpu *c, unsigned long pos,
				      u64 ts, unsigned long npos, u64 nts)
{
#ifdef CONFIG_X86_64
	bool ok;

	asm volatile("cmpxchg16b %[ws]"
		     CC_SET(e)
		     : CC_OUT(e) (ok), [ws] "+m" (c->ws.full),
		       "+a" (pos), "+d" (ts)
		     : "b" (npos), "c" (nts)
		     : "memory");
	return ok;
#else
	u128 old = (u128)ts << 64 | pos;

	return try_cmpxchg128_local(&c->ws.full, &old, (u128)nts << 64 | npos);
#endif
}
#endif

static __always_inline u64 rb_now(struct trace_buffer *b)
{
	/* Preemption is off already: skip trace_clock_local()'s own. */
	if (likely(b->clock == trace_clock_local))
		return sched_clock();
	return b->clock();
}

/* Bytes a record with a payload of @length takes. */
static __always_inline unsigned long rb_need(unsigned long length)
{
	if (unlikely(!length))
		length = 1;
	if (length > RB_SMALL_MAX)
		length += sizeof(u32);
	return ALIGN(length + RB_HDR_LEN, 4);
}

static __always_inline void rb_set_header(struct ring_buffer_event *ev,
					  unsigned long need, u64 delta)
{
	if (need - RB_HDR_LEN > RB_SMALL_MAX) {
		*(u32 *)ev = (u32)delta << 5;
		ev->array[0] = need - RB_HDR_LEN;
	} else {
		*(u32 *)ev = ((u32)delta << 5) | ((need - RB_HDR_LEN) >> 2);
	}
}

static void rb_set_time(struct ring_buffer_event *ev, unsigned int type,
			u64 value)
{
	ev->type_len = type;
	ev->time_delta = value & RB_DELTA_MAX;
	ev->array[0] = value >> RB_DELTA_BITS;
}

/*
 * Enter the page after the one @old is on.  Overwrite mode pushes the
 * head past the oldest page when the ring is full; producer/consumer mode
 * drops the record.  Returns the new page's first byte, NULL to retry
 * with a fresh @old, or an ERR_PTR when the record is dropped (counted).
 */
static void *rb_enter_next(struct trace_buffer *b, struct rb_cpu *c,
			   union rb_wstate *old, union rb_wstate *new,
			   unsigned long need)
{
	unsigned long base = (old->pos - 1) & ~b->mask;
	struct rb_page *cur = rb_page_of(base), *next;
	unsigned long head, cur_end = old->pos - base - RB_DATA_OFF;
	unsigned int n = rb_next_slot(c, cur->slot), lost, lost_bytes;
	u64 nseq, rseq;

	/*
	 * The reader changes head (RB_HEAD_BUSY) before it touches slots[]
	 * or reader_seq, and again after: an unchanged head means the three
	 * were read consistently.
	 */
	head = smp_load_acquire(&c->head);
	next = READ_ONCE(c->slots[n]);
	nseq = READ_ONCE(next->seq);
	rseq = READ_ONCE(c->reader_seq);
	smp_rmb();	/* pairs with the release stores in rb_swap_reader() */
	if (READ_ONCE(c->head) != head)
		return NULL;
	/*
	 * @next holds the oldest unread records if it is the head and was
	 * written before @cur and after what the reader took last (a seq
	 * above cur's is our own mark from an earlier try, see below), or
	 * if the reader is taking it right now.
	 */
	if (rb_head_slot(head) == n &&
	    ((head & RB_HEAD_BUSY) || (nseq <= cur->seq && nseq > rseq))) {
		if (!(b->flags & RB_FL_OVERWRITE) || (head & RB_HEAD_BUSY)) {
			local_inc(&c->dropped);
			return ERR_PTR(-ENOSPC);
		}
		if (nseq >= READ_ONCE(c->commit_seq)) {
			local_inc(&c->commit_overrun);
			return ERR_PTR(-ENOSPC);
		}
		/*
		 * Count before pushing: once the head has moved, a writer
		 * nesting here may enter @next and overwrite it.
		 */
		lost = next->events;	/* published: below commit_seq */
		lost_bytes = next->real_end;
		if (!try_cmpxchg(&c->head, &head,
				 rb_head_move(head, rb_next_slot(c, n))))
			return NULL;
		local_add(lost, &c->overrun);
		local_add(lost_bytes, &c->lost_bytes);
		local_inc(&c->pages_lost);
	}

	/* From here on, readers and iterators must not trust @next's data. */
	WRITE_ONCE(next->seq, cur->seq + 1);
	smp_wmb();	/* the mark before any record: see rb_iter_copy() */
	new->pos = (unsigned long)next->data->data + need;
	if (!rb_ws_update(c, old, new))
		return NULL;

	/* We own the change of page; writers nesting here just append. */
	cur->real_end = cur_end;
	next->data->time_stamp = new->ts;
	local_set(&next->data->commit, 0);
	local_inc(&c->pages_touched);
	local_add(cur_end, &c->written_bytes);
	return next->data->data;
}

/*
 * Everything but the common case: time extends, absolute stamps, a clock
 * that went backwards, and the change of page.
 */
static noinline struct ring_buffer_event *
rb_reserve_slow(struct trace_buffer *b, struct rb_cpu *c, unsigned long need,
		u64 *tsp)
{
	union rb_wstate old, new;
	unsigned long extra, pos;
	u64 delta;
	void *p;

	old.pos = READ_ONCE(c->ws.pos);
	old.ts = READ_ONCE(c->ws.ts);
	for (;;) {
		new.ts = rb_now(b);
		delta = new.ts - old.ts;
		if ((s64)delta < 0) {
			new.ts = old.ts;
			delta = 0;
		}
		extra = (b->time_stamp_abs || delta > RB_DELTA_MAX) ?
			RB_TIME_LEN : 0;
		pos = old.pos;
		if (((pos - 1) ^ (pos + need + extra - 1)) & ~b->mask) {
			/* A new page starts from its own time stamp. */
			extra = b->time_stamp_abs ? RB_TIME_LEN : 0;
			delta = 0;
			p = rb_enter_next(b, c, &old, &new, need + extra);
			if (IS_ERR(p))
				return NULL;
			if (!p)
				continue;
		} else {
			new.pos = pos + need + extra;
			if (!rb_ws_update(c, &old, &new))
				continue;
			p = (void *)pos;
		}
		break;
	}
	if (extra) {
		if (b->time_stamp_abs)
			rb_set_time(p, RINGBUF_TYPE_TIME_STAMP,
				    new.ts & RB_ABS_MASK);
		else
			rb_set_time(p, RINGBUF_TYPE_TIME_EXTEND, delta);
		p += RB_TIME_LEN;
		delta = 0;
	}
	rb_set_header(p, need, delta);
	*tsp = new.ts;
	return p;
}

/*
 * The data records on @cp, which the writer left for @np, the page at
 * @base, where it still is: all records are committed (we are the
 * outermost writer), so they are the records committed less those on the
 * pages published before and those on @np, which is short to walk (most
 * often just the record that entered it).  A writer nesting here moves
 * ws.pos (or gives its room back, and then changes nothing): look again.
 * One that has left @np too makes @np complete as well; then @cp is
 * walked.
 */
static unsigned int rb_left_page_events(struct trace_buffer *b,
					struct rb_cpu *c, struct rb_page *cp,
					struct rb_page *np, unsigned long base)
{
	unsigned long entries, pos;
	unsigned int n;

	for (;;) {
		entries = local_read(&c->entries);
		barrier();	/* entries first: a nested writer moves pos */
		pos = READ_ONCE(c->ws.pos);
		if (((pos - 1) & ~b->mask) != base)
			return rb_page_events(cp, cp->real_end);
		n = rb_page_events(np, pos - base - RB_DATA_OFF);
		barrier();
		if (likely(local_read(&c->entries) == entries &&
			   READ_ONCE(c->ws.pos) == pos))
			return entries - c->published - n;
	}
}

/*
 * Make everything reserved up to the page of ws visible to readers, with
 * each complete page's count of records.  The outermost writer only.
 */
static noinline void rb_publish_pages(struct trace_buffer *b,
				      struct rb_cpu *c, unsigned long base)
{
	struct rb_page *cp = c->commit_page, *np;
	unsigned int i;

	for (i = 0; cp->data != (void *)base; i++) {
		if (WARN_ON_ONCE(i > c->nr_pages))
			break;
		np = READ_ONCE(c->slots[rb_next_slot(c, cp->slot)]);
		if (np->data == (void *)base)
			cp->events = rb_left_page_events(b, c, cp, np, base);
		else
			cp->events = rb_page_events(cp, cp->real_end);
		c->published += cp->events;
		local_set(&cp->data->commit, cp->real_end);
		cp = np;
		c->commit_page = cp;
		/* Pages before cp are complete: pairs with the readers. */
		smp_store_release(&c->commit_seq, cp->seq);
	}
	c->commit_base = base;
	if (unlikely(READ_ONCE(c->wait.full_pending)))
		rb_wakeup_full(c);
}

/*
 * The outermost writer's end of a reservation, the whole of it: publish
 * what is reserved up to ws.pos, then look again in case a writer slipped
 * in between our publishing and our leaving (we are then the outermost
 * writer again).  c->committing is 1 on entry.
 */
static noinline void rb_end_slow(struct trace_buffer *b, struct rb_cpu *c)
{
	unsigned long pos, base;

	for (;;) {
		pos = READ_ONCE(c->ws.pos);
		base = (pos - 1) & ~b->mask;
		if (base != c->commit_base)
			rb_publish_pages(b, c, base);
		smp_wmb();	/* records before commit: see rb_reader_record() */
		local_set(&((struct buffer_data_page *)base)->commit,
			  pos - base - RB_DATA_OFF);
		local_dec(&c->committing);
		barrier();
		if (likely(READ_ONCE(c->ws.pos) == pos))
			break;
		local_inc(&c->committing);
	}
	if (unlikely(READ_ONCE(c->wait.pending)))
		rb_wakeup(c);
}

/*
 * End a reservation.  In line, the outermost writer's common case: no
 * page to publish and no writer slipping in; the rest in rb_end_slow(),
 * so that this needs no saved registers.
 */
static __always_inline void rb_end(struct trace_buffer *b, struct rb_cpu *c)
{
	unsigned long pos, base;

	if (unlikely(local_read(&c->committing) != 1)) {
		local_dec(&c->committing);
		return;
	}
	pos = READ_ONCE(c->ws.pos);
	base = (pos - 1) & ~b->mask;
	if (unlikely(base != c->commit_base)) {
		rb_end_slow(b, c);
		return;
	}
	smp_wmb();	/* records before commit: see rb_reader_record() */
	local_set(&((struct buffer_data_page *)base)->commit,
		  pos - base - RB_DATA_OFF);
	local_dec(&c->committing);
	barrier();
	if (unlikely(READ_ONCE(c->ws.pos) != pos)) {
		local_inc(&c->committing);
		rb_end_slow(b, c);
		return;
	}
	/* Buffer-wide waiters set it too: see rb_wait_done(). */
	if (unlikely(READ_ONCE(c->wait.pending)))
		rb_wakeup(c);
}

/* The CPU buffer a writer may use now, or NULL. Preemption is off. */
static __always_inline struct rb_cpu *rb_writer_cpu(struct trace_buffer *b)
{
	struct rb_cpu *c;
	int off;

	if (unlikely(atomic_read(&b->record_disabled)))
		return NULL;
	c = b->buffers[raw_smp_processor_id()];
	if (unlikely(!c))
		return NULL;
	off = atomic_read(&c->record_disabled);
	if (unlikely(off)) {
		/* Refused by a resize or reset: lost, so counted. */
		if (off == RB_CPU_PAUSED)
			local_inc(&c->dropped);
		return NULL;
	}
	return c;
}

/*
 * The rest of a reservation once c->committing is bumped: the slow path,
 * and the unwinding of a reservation that fails.
 */
static noinline struct ring_buffer_event *
rb_reserve_rest(struct trace_buffer *b, struct rb_cpu *c, unsigned long length,
		long depth)
{
	struct ring_buffer_event *ev;
	u64 ts;

	/* Without a 128-bit cmpxchg, ws is updated with irqs off: not in NMI. */
	if (!rb_cmpxchg128_ok() && in_nmi()) {
		local_inc(&c->dropped);
		goto out;
	}
	if (likely(depth <= RB_NEST_MAX && length <= b->max_data)) {
		ev = rb_reserve_slow(b, c, rb_need(length), &ts);
		if (likely(ev)) {
			c->nest_ts[depth - 1] = ts;
			return ev;
		}
	} else if (depth > RB_NEST_MAX) {
		local_inc(&c->dropped);
	}
out:
	/* Writers that nested in us may need us to publish. */
	rb_end(b, c);
	return NULL;
}

/*
 * Reserve @length bytes of payload on @c, stamped @now, which the caller
 * read first so that little is live across the clock's call, as the
 * nesting depth @depth: one try of the cmpxchg.  Everything else goes to
 * rb_reserve_rest(), a tail call, which reads the clock again: time
 * extends, a page change, a writer that interrupted us.  One that came
 * between the clock and our load of ws left a later stamp there than
 * @now: the delta is "negative", too large, and goes the slow way.
 * @large: the record's length goes in array[0], not in type_len.
 */
static __always_inline struct ring_buffer_event *
rb_reserve_try(struct trace_buffer *b, struct rb_cpu *c, unsigned long length,
	       u64 now, long depth, bool large)
{
#ifdef system_has_cmpxchg128
	struct ring_buffer_event *ev;
	unsigned long need, pos;
	u64 delta, ts;

	/* A large record's length is in array[0]: see rb_set_header(). */
	need = ALIGN(length + RB_HDR_LEN + (large ? sizeof(u32) : 0), 4);
	pos = READ_ONCE(c->ws.pos);
	ts = READ_ONCE(c->ws.ts);
	delta = now - ts;
	if (unlikely(delta >= READ_ONCE(b->fast_delta_end) ||
		     (((pos - 1) ^ (pos + need - 1)) & ~b->mask) ||
		     !rb_ws_try(c, pos, ts, pos + need, now)))
		return rb_reserve_rest(b, c, length, depth);
	ev = (struct ring_buffer_event *)pos;
	if (large) {
		*(u32 *)ev = (u32)delta << 5;
		ev->array[0] = need - RB_HDR_LEN;
	} else {
		*(u32 *)ev = (u32)delta << 5 | (need - RB_HDR_LEN) >> 2;
	}
	c->nest_ts[depth - 1] = now;
	return ev;
#else
	return rb_reserve_rest(b, c, length, depth);
#endif
}

/* rb_reserve_try() for a record longer than a type_len can say. */
static noinline struct ring_buffer_event *
rb_reserve_large(struct trace_buffer *b, struct rb_cpu *c, unsigned long length,
		 u64 now, long depth)
{
	if (length > b->max_data)
		return rb_reserve_rest(b, c, length, depth);
	return rb_reserve_try(b, c, length, now, depth, true);
}

/*
 * The writers' fast path, in line: a record of 1 to RB_SMALL_MAX bytes,
 * with a 128-bit cmpxchg and no runaway nesting.  Larger records take a
 * call more (rb_reserve_large()), the rest rb_reserve_rest().
 */
static __always_inline struct ring_buffer_event *
rb_reserve_fast(struct trace_buffer *b, struct rb_cpu *c, unsigned long length,
		u64 now)
{
	long depth = local_inc_return(&c->committing);

	if (unlikely(depth > RB_NEST_MAX || !rb_cmpxchg128_ok() || !length))
		return rb_reserve_rest(b, c, length, depth);
	if (unlikely(length > RB_SMALL_MAX))
		return rb_reserve_large(b, c, length, now, depth);
	return rb_reserve_try(b, c, length, now, depth, false);
}

/**
 * ring_buffer_lock_reserve - reserve room for a record
 * @buffer: the buffer
 * @length: bytes of payload
 *
 * Fill the payload through ring_buffer_event_data() and finish with
 * ring_buffer_unlock_commit() or ring_buffer_discard_commit(), on the same
 * CPU: preemption stays disabled in between.  Records nest: a reservation
 * may be made inside another one, from any context, NMI included.
 *
 * Context: any; does not sleep and takes no lock.
 * Return: the record, or NULL if recording is off, @length is larger than
 * ring_buffer_max_event_size(), or the buffer is full in producer/consumer
 * mode (counted in dropped events).
 */
struct ring_buffer_event *
ring_buffer_lock_reserve(struct trace_buffer *buffer, unsigned long length)
{
	struct ring_buffer_event *ev;
	struct rb_cpu *c;
	u64 now;

	preempt_disable_notrace();
	now = rb_now(buffer);
	c = rb_writer_cpu(buffer);
	if (likely(c)) {
		ev = rb_reserve_fast(buffer, c, length, now);
		if (likely(ev))
			return ev;
	}
	preempt_enable_notrace();
	return NULL;
}
EXPORT_SYMBOL_GPL(ring_buffer_lock_reserve);
NOKPROBE_SYMBOL(ring_buffer_lock_reserve);

/**
 * ring_buffer_unlock_commit - commit the record reserved last on this CPU
 * @buffer: the buffer
 *
 * Context: after ring_buffer_lock_reserve() succeeded, on the same CPU.
 * Return: 0.
 */
int ring_buffer_unlock_commit(struct trace_buffer *buffer)
{
	struct rb_cpu *c = buffer->buffers[raw_smp_processor_id()];

	local_inc(&c->entries);
	rb_end(buffer, c);
	preempt_enable_notrace();
	return 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_unlock_commit);
NOKPROBE_SYMBOL(ring_buffer_unlock_commit);

/*
 * Give a discarded record's bytes back, if it is still the last one
 * reserved on its CPU and not the first of its page: move the writer's
 * position back over it, and its time stamp back by the record's delta,
 * in one update.  A writer that reserved after it (an interrupt) makes
 * the update fail, and the record stays, as padding.
 */
static bool rb_try_unreserve(struct trace_buffer *b, struct rb_cpu *c,
			     struct ring_buffer_event *ev)
{
	unsigned long start = (unsigned long)ev;
	union rb_wstate old, new;

	if ((start & b->mask) == RB_DATA_OFF)
		return false;
	old.pos = READ_ONCE(c->ws.pos);
	old.ts = READ_ONCE(c->ws.ts);
	if (old.pos != start + RB_HDR_LEN +
	    (ev->type_len ? ev->type_len * 4 : ev->array[0]))
		return false;
	new.pos = start;
	new.ts = old.ts - ev->time_delta;
	return rb_ws_update(c, &old, &new);
}

/**
 * ring_buffer_discard_commit - throw a reserved record away
 * @buffer: the buffer
 * @event: the record ring_buffer_lock_reserve() returned
 *
 * The record is not counted as an entry.  If nothing was reserved after
 * it, its room is given back and it leaves no trace; otherwise it becomes
 * padding that readers skip, its time delta kept, made 1 if it was 0,
 * because padding with a zero delta means "end of page" to readers.
 *
 * Context: instead of ring_buffer_unlock_commit().
 */
void ring_buffer_discard_commit(struct trace_buffer *buffer,
				struct ring_buffer_event *event)
{
	struct rb_cpu *c = buffer->buffers[raw_smp_processor_id()];

	if (rb_try_unreserve(buffer, c, event)) {
		rb_end(buffer, c);
		preempt_enable_notrace();
		return;
	}
	if (event->type_len)
		event->array[0] = event->type_len * 4;
	event->type_len = RINGBUF_TYPE_PADDING;
	if (!event->time_delta)
		event->time_delta = 1;
	rb_end(buffer, c);
	preempt_enable_notrace();
}
EXPORT_SYMBOL_GPL(ring_buffer_discard_commit);

/**
 * ring_buffer_write - write a whole record at once
 * @buffer: the buffer
 * @length: bytes of @data
 * @data: the payload
 *
 * Context: any; does not sleep and takes no lock.
 * Return: 0, or -EBUSY if the record could not be written (see
 * ring_buffer_lock_reserve()).
 */
int ring_buffer_write(struct trace_buffer *buffer, unsigned long length,
		      void *data)
{
	struct ring_buffer_event *ev;
	struct rb_cpu *c;
	int ret = -EBUSY;
	u64 now;

	preempt_disable_notrace();
	now = rb_now(buffer);
	c = rb_writer_cpu(buffer);
	if (likely(c)) {
		ev = rb_reserve_fast(buffer, c, length, now);
		if (likely(ev)) {
			trace_copy(rb_payload(ev), data, length);
			local_inc(&c->entries);
			rb_end(buffer, c);
			ret = 0;
		}
	}
	preempt_enable_notrace();
	return ret;
}
EXPORT_SYMBOL_GPL(ring_buffer_write);
NOKPROBE_SYMBOL(ring_buffer_write);

/**
 * ring_buffer_nest_start - allow a reservation inside a reservation
 * @buffer: the buffer
 *
 * Writers here nest freely up to a fixed depth, so this only keeps the
 * caller on its CPU until ring_buffer_nest_end().
 *
 * Context: any.
 */
void ring_buffer_nest_start(struct trace_buffer *buffer)
{
	preempt_disable_notrace();
}
EXPORT_SYMBOL_GPL(ring_buffer_nest_start);

/**
 * ring_buffer_nest_end - end what ring_buffer_nest_start() began
 * @buffer: the buffer
 *
 * Context: after ring_buffer_nest_start(), on the same CPU.
 */
void ring_buffer_nest_end(struct trace_buffer *buffer)
{
	preempt_enable_notrace();
}
EXPORT_SYMBOL_GPL(ring_buffer_nest_end);

/**
 * ring_buffer_event_time_stamp - time stamp of a record being written
 * @buffer: the buffer
 * @event: a record reserved and not yet committed on this CPU
 *
 * Context: between reserve and commit, on the writer's CPU.
 * Return: the time stamp the record was given.
 */
u64 ring_buffer_event_time_stamp(struct trace_buffer *buffer,
				 struct ring_buffer_event *event)
{
	struct rb_cpu *c = buffer->buffers[raw_smp_processor_id()];
	long depth = c ? local_read(&c->committing) : 0;

	if (depth < 1 || depth > RB_NEST_MAX)
		return rb_clock_read(buffer);
	return c->nest_ts[depth - 1];
}
EXPORT_SYMBOL_GPL(ring_buffer_event_time_stamp);

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/ring_buffer-kunit.h"
#endif
