// SPDX-License-Identifier: GPL-2.0
/*
 * ring_buffer_read.c - the consuming reader: the reader-page swap, peek,
 * consume and read_page.
 *
 * One reader at a time per CPU buffer, under its reader_lock.  The reader
 * owns the reader page; when it has read all of it, it swaps it for the
 * oldest page of the ring (see ring_buffer_types.h).  Records are read only
 * up to a page's commit field, which the writers publish with a write
 * barrier after the data; the reader pairs it with a read barrier.
 *
 * reader_lock covers one step; a record that ring_buffer_peek() returns
 * lies in the reader page after it is dropped.  A consumer that uses the
 * record later (formats it, then consumes it) holds the CPU buffer's
 * consume_lock from the peek to the consume: ring_buffer_consumer_lock().
 * Other consumers, ring_buffer_read_page() (which hands whole pages out),
 * sub-buffer size changes, resets and per-CPU swaps take it too, so none
 * of them can take, recycle or free that page meanwhile.
 */

#include <linux/slab.h>

#include "ring_buffer_types.h"

/**
 * rb_page_events - count the data records of a page
 * @p: the page
 * @len: bytes of records to look at
 *
 * Context: the page must not change meanwhile.
 * Return: the number of data records, discarded ones excluded.
 */
unsigned int rb_page_events(const struct rb_page *p, unsigned int len)
{
	const u8 *pos = p->data->data, *last;
	unsigned int n = 0, rl, tl;

	if (len < RB_HDR_LEN)
		return 0;
	last = pos + len - RB_HDR_LEN;	/* the last place a header fits */

	/*
	 * A writer leaving a full page in overwrite mode runs this over the
	 * page it pushes out, so it is kept tight: most records are small
	 * data records, whose type_len alone gives their length.  One that
	 * runs past @len is taken back after the loop.
	 */
	while (pos <= last) {
		tl = ((const struct ring_buffer_event *)pos)->type_len;
		while (likely(tl - 1 < RINGBUF_TYPE_DATA_TYPE_LEN_MAX)) {
			pos += RB_HDR_LEN + tl * 4;
			n++;
			if (pos > last)
				goto out;
			tl = ((const struct ring_buffer_event *)pos)->type_len;
		}
		rl = rb_record_len((const struct ring_buffer_event *)pos);
		if (!rl || pos + rl > last + RB_HDR_LEN)
			return n;
		n += rb_is_data((const struct ring_buffer_event *)pos);
		pos += rl;
	}
out:
	if (pos > last + RB_HDR_LEN)
		n--;
	return n;
}

/*
 * Take the oldest published page of the ring for the reader, giving the
 * reader page to the ring in exchange.  reader_lock held.
 */
static bool rb_swap_reader(struct rb_cpu *c, u64 cseq)
{
	struct rb_page *rp = c->reader, *d;
	unsigned long head, ov;
	unsigned int h;
	u64 dseq;

	for (;;) {
		head = READ_ONCE(c->head);
		h = rb_head_slot(head);
		d = READ_ONCE(c->slots[h]);
		dseq = READ_ONCE(d->seq);
		if (dseq <= c->reader_seq || dseq > cseq)
			return false;
		if (try_cmpxchg(&c->head, &head, head | RB_HEAD_BUSY))
			break;
	}
	/* The writer cannot enter slot h while it is busy. */
	smp_rmb();
	/* Invariants: the writer is never on the page given back. */
	WARN_ON_ONCE(d == rp || READ_ONCE(d->seq) != dseq);
	WARN_ON_ONCE((unsigned long)rp->data ==
		     ((READ_ONCE(c->ws.pos) - 1) & ~c->buffer->mask));
	rp->slot = h;
	WRITE_ONCE(c->slots[h], rp);
	/*
	 * slots[h], then reader_seq, then head: a writer that reads head
	 * before and after the other two sees them consistent (see
	 * rb_enter_next()).
	 */
	smp_store_release(&c->reader_seq, dseq);
	smp_store_release(&c->head, rb_head_move(head, rb_next_slot(c, h)));	/* see above */

	if (c->read_off)
		c->read_bytes += c->read_off;
	c->reader = d;
	c->read_off = 0;
	c->read_ts = d->data->time_stamp;
	c->pages_read++;
	ov = local_read(&c->overrun);
	c->lost += ov - c->lost_seen;
	c->lost_seen = ov;
	return true;
}

/*
 * The next record of the reader page, swapping pages as needed; NULL when
 * there is nothing to read.  reader_lock held.
 */
static __always_inline struct ring_buffer_event *
rb_reader_record(struct rb_cpu *c)
{
	unsigned long commit;
	u64 cseq;

	for (;;) {
		/* Records below commit are written: pairs with rb_end(). */
		commit = local_read(&c->reader->data->commit) & RB_COMMIT_MASK;
		smp_rmb();	/* see above */
		if (c->read_off < commit)
			return (void *)&c->reader->data->data[c->read_off];
		/* Pages up to cseq are complete: pairs with rb_publish_pages(). */
		cseq = smp_load_acquire(&c->commit_seq);
		if (cseq == c->reader_seq)
			return NULL;
		/* The writer left our page: its last commit is final now. */
		commit = local_read(&c->reader->data->commit) & RB_COMMIT_MASK;
		smp_rmb();	/* as above */
		if (c->read_off < commit)
			continue;
		if (!rb_swap_reader(c, cseq))
			return NULL;
	}
}

/*
 * The next data record, consuming the time and padding records before it;
 * consumes the data record too if @consume.  reader_lock held.
 */
static __always_inline struct ring_buffer_event *
rb_reader_next(struct rb_cpu *c, u64 *ts, unsigned long *lost, bool consume)
{
	struct ring_buffer_event *ev;
	unsigned int len;

	while ((ev = rb_reader_record(c))) {
		len = rb_record_len(ev);
		if (WARN_ON_ONCE(!len || c->read_off + len >
				 (local_read(&c->reader->data->commit) &
				  RB_COMMIT_MASK))) {
			c->read_off = local_read(&c->reader->data->commit) &
				      RB_COMMIT_MASK;
			continue;
		}
		if (rb_is_data(ev)) {
			if (ts)
				*ts = c->read_ts + ev->time_delta;
			if (lost)
				*lost = c->lost;
			if (consume) {
				c->read_ts += ev->time_delta;
				c->read_off += len;
				c->read++;
				c->lost = 0;
			}
			return ev;
		}
		c->read_ts = rb_apply_time(ev, c->read_ts,
					   c->reader->data->time_stamp);
		c->read_off += len;
	}
	return NULL;
}

/**
 * ring_buffer_consumer_lock - become the one consumer of a CPU buffer
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Until ring_buffer_consumer_unlock(), no other consumer that takes this
 * lock reads the CPU buffer and nothing takes, recycles or frees its
 * reader page: a record ring_buffer_peek() returned stays valid and is
 * the one ring_buffer_consume() consumes; the sub-buffer size stays; and
 * @buffer keeps the same CPU buffer for @cpu (ring_buffer_swap_cpu()
 * waits).  Sub-buffer size changes and resets wait too.  Hold it briefly:
 * never while sleeping for records.
 *
 * Context: process; sleeps.  Takes the CPU buffer's consume_lock, which
 * nests inside no ring buffer lock.
 * Return: 0, or -ENODEV if @buffer has no buffer for @cpu.
 */
int ring_buffer_consumer_lock(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c;

	for (;;) {
		c = rb_cpu_of(buffer, cpu);
		if (!c)
			return -ENODEV;
		mutex_lock(&c->consume_lock);
		/* A per-CPU swap moves c only with its consume_lock held. */
		if (likely(rb_cpu_of(buffer, cpu) == c))
			return 0;
		mutex_unlock(&c->consume_lock);
	}
}
EXPORT_SYMBOL_GPL(ring_buffer_consumer_lock);

/**
 * ring_buffer_consumer_unlock - end what ring_buffer_consumer_lock() began
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Context: process, after ring_buffer_consumer_lock() succeeded.
 */
void ring_buffer_consumer_unlock(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);

	/* The CPU buffer the lock was taken on: it cannot have moved. */
	if (!WARN_ON_ONCE(!c))
		mutex_unlock(&c->consume_lock);
}
EXPORT_SYMBOL_GPL(ring_buffer_consumer_unlock);

static __always_inline struct ring_buffer_event *
rb_read(struct trace_buffer *b, int cpu, u64 *ts, unsigned long *lost,
	bool consume)
{
	struct rb_cpu *c = rb_cpu_of(b, cpu);
	struct ring_buffer_event *ev;
	unsigned long flags;

	if (lost)
		*lost = 0;
	if (!c)
		return NULL;
	if (!rb_reader_lock(c, &flags)) {
		__release(&c->reader_lock);
		return NULL;
	}
	ev = rb_reader_next(c, ts, lost, consume);
	rb_reader_unlock(c, flags);
	return ev;
}

/**
 * ring_buffer_peek - look at the next record of a CPU without consuming it
 * @buffer: the buffer
 * @cpu: the CPU
 * @ts: where to store the record's time stamp, or NULL
 * @lost_events: where to store the records lost before it, or NULL
 *
 * A caller that sleeps before it is done with the record, or shares the
 * CPU with other consumers, holds the CPU's consumer lock meanwhile
 * (ring_buffer_consumer_lock()).
 *
 * Context: any; takes the CPU buffer's reader_lock (only tries it in NMI).
 * Return: the record, valid until the next read of this CPU (a consume,
 * an exchange of pages, a sub-buffer size change or a reset), or NULL.
 */
struct ring_buffer_event *
ring_buffer_peek(struct trace_buffer *buffer, int cpu, u64 *ts,
		 unsigned long *lost_events)
{
	return rb_read(buffer, cpu, ts, lost_events, false);
}
EXPORT_SYMBOL_GPL(ring_buffer_peek);

/**
 * ring_buffer_consume - read and consume the next record of a CPU
 * @buffer: the buffer
 * @cpu: the CPU
 * @ts: where to store the record's time stamp, or NULL
 * @lost_events: where to store the records lost (overwritten) since the
 *	previous consumed record, or NULL
 *
 * Context: any; takes the CPU buffer's reader_lock (only tries it in NMI).
 * Return: the record, valid until the next read of this CPU (see
 * ring_buffer_peek()), or NULL.
 */
struct ring_buffer_event *
ring_buffer_consume(struct trace_buffer *buffer, int cpu, u64 *ts,
		    unsigned long *lost_events)
{
	return rb_read(buffer, cpu, ts, lost_events, true);
}
EXPORT_SYMBOL_GPL(ring_buffer_consume);

/**
 * rb_cpu_empty - whether a CPU buffer has nothing left to consume
 * @c: the CPU buffer
 *
 * Context: reader_lock held.
 * Return: true if empty.
 */
bool rb_cpu_empty(struct rb_cpu *c)
{
	struct ring_buffer_event *ev;
	unsigned int off = c->read_off;
	unsigned long commit;
	struct rb_page *d;
	u64 cseq, seq;

	/* Look without consuming even the time records. */
	commit = local_read(&c->reader->data->commit) & RB_COMMIT_MASK;
	smp_rmb();	/* records below commit: pairs with rb_end() */
	while (off < commit) {
		ev = (void *)&c->reader->data->data[off];
		if (rb_is_data(ev))
			return false;
		if (!rb_record_len(ev))
			break;
		off += rb_record_len(ev);
	}
	cseq = smp_load_acquire(&c->commit_seq);	/* see rb_reader_record() */
	if (cseq == c->reader_seq)
		return true;
	d = READ_ONCE(c->slots[rb_head_slot(READ_ONCE(c->head))]);
	seq = READ_ONCE(d->seq);
	return seq <= c->reader_seq || seq > cseq ||
	       !(local_read(&d->data->commit) & RB_COMMIT_MASK);
}

/**
 * ring_buffer_empty_cpu - whether a CPU has records to consume
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Context: any; takes the CPU buffer's reader_lock.
 * Return: true if there is nothing to consume.
 */
bool ring_buffer_empty_cpu(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);
	unsigned long flags;
	bool empty;

	if (!c)
		return true;
	if (!rb_reader_lock(c, &flags)) {
		__release(&c->reader_lock);
		return true;
	}
	empty = rb_cpu_empty(c);
	rb_reader_unlock(c, flags);
	return empty;
}
EXPORT_SYMBOL_GPL(ring_buffer_empty_cpu);

/**
 * ring_buffer_empty - whether no CPU has records to consume
 * @buffer: the buffer
 *
 * Context: any; takes the reader_locks one at a time.
 * Return: true if every CPU buffer is empty.
 */
bool ring_buffer_empty(struct trace_buffer *buffer)
{
	int cpu;

	for_each_possible_cpu(cpu)
		if (!ring_buffer_empty_cpu(buffer, cpu))
			return false;
	return true;
}
EXPORT_SYMBOL_GPL(ring_buffer_empty);

/**
 * ring_buffer_alloc_read_page - allocate a page for ring_buffer_read_page()
 * @buffer: the buffer
 * @cpu: the CPU it will be used for
 * @rpage: where to store the page
 *
 * Context: process; sleeps.
 * Return: 0, or -ENOMEM.
 */
int ring_buffer_alloc_read_page(struct trace_buffer *buffer, int cpu,
				struct buffer_data_read_page **rpage)
{
	struct buffer_data_read_page *r;
	struct page *pg;
	int node = cpu >= 0 && cpu < nr_cpu_ids ? cpu_to_node(cpu) :
		   NUMA_NO_NODE;

	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	r->order = buffer->subbuf_order;
	/* Not zeroed: ring_buffer_read_page() clears what it leaves unused. */
	pg = alloc_pages_node(node, GFP_KERNEL | __GFP_NORETRY, r->order);
	if (!pg) {
		kfree(r);
		return -ENOMEM;
	}
	r->data = page_address(pg);
	*rpage = r;
	return 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_alloc_read_page);

/**
 * ring_buffer_free_read_page - free a page from ring_buffer_alloc_read_page()
 * @buffer: the buffer
 * @cpu: the CPU
 * @page: the page
 *
 * Context: any.
 */
void ring_buffer_free_read_page(struct trace_buffer *buffer, int cpu,
				struct buffer_data_read_page *page)
{
	if (!page)
		return;
	free_pages((unsigned long)page->data, page->order);
	kfree(page);
}
EXPORT_SYMBOL_GPL(ring_buffer_free_read_page);

/**
 * ring_buffer_read_page_data - the sub-buffer of a read page
 * @page: the read page
 *
 * Context: any.
 * Return: its data, laid out as events/header_page describes.
 */
void *ring_buffer_read_page_data(struct buffer_data_read_page *page)
{
	return page->data;
}
EXPORT_SYMBOL_GPL(ring_buffer_read_page_data);

/**
 * ring_buffer_read_page_size - bytes of a read page
 * @rpage: the read page
 *
 * Context: any.
 * Return: its size.
 */
unsigned int ring_buffer_read_page_size(struct buffer_data_read_page *rpage)
{
	return PAGE_SIZE << rpage->order;
}
EXPORT_SYMBOL_GPL(ring_buffer_read_page_size);

/*
 * End a page for the caller of ring_buffer_read_page(): after its @len
 * bytes of records the count of @lost records, if any and if it fits in
 * @room (libtraceevent reads it there), then zeroes to the end of @room,
 * so that nothing older leaks out with the page; and the commit word.
 */
static void rb_page_finish(struct buffer_data_page *page, unsigned long len,
			   size_t room, unsigned long lost)
{
	unsigned long flags = 0;

	if (lost) {
		if (room - len >= sizeof(long)) {
			memcpy(&page->data[len], &lost, sizeof(long));
			len += sizeof(long);
			flags |= RB_MISSED_STORED;
		}
		flags |= RB_MISSED_EVENTS;
	}
	memset(&page->data[len], 0, room - len);
	if (flags & RB_MISSED_STORED)
		len -= sizeof(long);
	local_set(&page->commit, len | flags);
}

/*
 * Give the caller the whole reader page, which the writer has left and
 * nothing has been read from, in exchange for @rpage's page, which
 * becomes the reader page; @commit of its bytes are records, and @room
 * fit in @rpage.  reader_lock held.
 */
static void rb_swap_out(struct rb_cpu *c, struct buffer_data_read_page *rpage,
			unsigned long commit, size_t room)
{
	struct buffer_data_page *src = c->reader->data, *dst = rpage->data;

	c->read += c->reader->events;	/* complete: see the caller */
	rb_page_finish(src, commit, room, c->lost);
	c->lost = 0;

	dst->time_stamp = src->time_stamp;
	local_set(&dst->commit, 0);
	set_page_private(virt_to_page(dst), (unsigned long)c->reader);
	set_page_private(virt_to_page(src), 0);
	c->reader->data = dst;
	rpage->data = src;
	/* Read to the end: the next swap counts the bytes. */
	c->read_off = commit;
}

/* Copy records from the reader page; reader_lock held. */
static int rb_copy_records(struct rb_cpu *c,
			   struct buffer_data_read_page *rpage,
			   size_t room, bool full)
{
	struct buffer_data_page *dst = rpage->data;
	struct buffer_data_page *src;
	unsigned long commit, copied = 0, lost;
	struct ring_buffer_event *ev;
	unsigned int len;

	if (!rb_reader_record(c))
		return -ENODATA;
	src = c->reader->data;
	commit = local_read(&src->commit) & RB_COMMIT_MASK;
	smp_rmb();	/* records below commit: pairs with rb_end() */
	/*
	 * A full page is one the writer has left: pages up to commit_seq
	 * are complete (pairs with rb_publish_pages()).
	 */
	if (smp_load_acquire(&c->commit_seq) == c->reader_seq) {
		if (full)
			return -EAGAIN;
	} else if (!c->read_off && commit <= room) {
		rb_swap_out(c, rpage, commit, room);
		return 0;
	}

	dst->time_stamp = c->read_ts;
	lost = c->lost;
	while (c->read_off < commit) {
		ev = (void *)&src->data[c->read_off];
		len = rb_record_len(ev);
		if (!len || c->read_off + len > commit || copied + len > room)
			break;
		memcpy(&dst->data[copied], ev, len);
		copied += len;
		c->read_off += len;
		if (rb_is_data(ev))
			c->read++;
		c->read_ts = rb_apply_time(ev, c->read_ts, src->time_stamp);
	}
	if (!copied)
		return -ENOSPC;
	c->lost = 0;
	rb_page_finish(dst, copied, room, lost);
	return 0;
}

/**
 * ring_buffer_read_page - consume records into a page
 * @buffer: the buffer
 * @data_page: a page from ring_buffer_alloc_read_page()
 * @len: bytes of @data_page that may be used, header included
 * @cpu: the CPU
 * @full: only succeed with a whole page the writer has finished
 *
 * A whole page that the writer has finished and that nothing was read
 * from yet is not copied: it is exchanged with @data_page's page, which
 * takes its place in the buffer.
 *
 * The page is filled as events/header_page describes: the time stamp the
 * first record's delta applies to, the bytes of records (with
 * RB_MISSED_EVENTS, and RB_MISSED_STORED when the count of lost records
 * follows the records), then the records.
 *
 * The caller holds the CPU's consumer lock (ring_buffer_consumer_lock()):
 * the page it takes may be the one another consumer peeked at, and the
 * sub-buffer size it checks @data_page against must stay until the
 * exchange is done.
 *
 * Context: process; takes the CPU buffer's reader_lock, inside its
 * consumer lock.
 * Return: 0 (the offset of the records in the page), -ENODATA when there
 * is nothing to read, -EAGAIN when @full and no full page is ready,
 * -EINVAL for bad arguments (a page of another sub-buffer size), -ENOSPC
 * when @len cannot hold a record.
 */
int ring_buffer_read_page(struct trace_buffer *buffer,
			  struct buffer_data_read_page *data_page,
			  size_t len, int cpu, int full)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);
	unsigned long flags;
	int ret = -EINVAL;

	if (!c || !data_page || len <= RB_DATA_OFF)
		return -EINVAL;
	lockdep_assert_held(&c->consume_lock);
	raw_spin_lock_irqsave(&c->reader_lock, flags);
	/* The geometry cannot change under consume_lock; read it here. */
	if (data_page->order == buffer->subbuf_order) {
		len = min_t(size_t, len, buffer->subbuf_size) - RB_DATA_OFF;
		ret = rb_copy_records(c, data_page, len, full);
	}
	raw_spin_unlock_irqrestore(&c->reader_lock, flags);
	return ret;
}
EXPORT_SYMBOL_GPL(ring_buffer_read_page);
