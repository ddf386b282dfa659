// SPDX-License-Identifier: GPL-2.0
/*
 * ring_buffer_iter.c - non-consuming iterators.
 *
 * An iterator walks one CPU buffer in page order (by seq) without taking
 * anything from it.  It copies one page at a time into its own buffer,
 * under the reader_lock so the consumer cannot swap pages meanwhile, and
 * checks the page's seq before and after the copy: a writer that entered
 * the page during the copy changes it first, and the iterator then reports
 * dropped records and goes on from the oldest page left.  Writers are not
 * stopped; the records an iterator returns live in its own copy.
 */

#include <linux/slab.h>

#include "ring_buffer_types.h"

/**
 * struct ring_buffer_iter - a walk over one CPU buffer
 * @c: the CPU buffer
 * @copy: the current page, copied
 * @order: allocation order of @copy
 * @seq: seq of the page in @copy (the reader page's own when it started)
 * @size: bytes of records in @copy
 * @off: offset of the next record in @copy
 * @ts: the time stamp the next record's delta applies to
 * @dropped: records were overwritten before the iterator saw them
 */
struct ring_buffer_iter {
	struct rb_cpu		*c;
	struct buffer_data_page	*copy;
	unsigned int		order;
	u64			seq;
	unsigned int		size;
	unsigned int		off;
	u64			ts;
	bool			dropped;
};

/**
 * rb_find_seq - the page with a given seq
 * @c: the CPU buffer
 * @seq: the seq
 *
 * Context: reader_lock held.
 * Return: the page (the reader page or one in the ring), or NULL.
 */
struct rb_page *rb_find_seq(struct rb_cpu *c, u64 seq)
{
	unsigned int i;

	if (c->reader->seq == seq)
		return c->reader;
	for (i = 0; i < c->nr_pages; i++)
		if (READ_ONCE(c->slots[i]->seq) == seq)
			return c->slots[i];
	return NULL;
}

/*
 * Copy page @p, which had seq @seq, from offset @off.  Returns false if a
 * writer entered it meanwhile.  reader_lock held.
 */
static bool rb_iter_copy(struct ring_buffer_iter *it, struct rb_page *p,
			 u64 seq)
{
	unsigned long commit;

	/* Records before the commit, pairs with the writers' smp_wmb(). */
	commit = local_read(&p->data->commit) & RB_COMMIT_MASK;
	smp_rmb();	/* see above */
	it->copy->time_stamp = p->data->time_stamp;
	memcpy(it->copy->data, p->data->data, commit);
	/* The copy before the seq check, pairs with rb_enter_next()'s wmb. */
	smp_rmb();
	if (READ_ONCE(p->seq) != seq)
		return false;
	it->size = commit;
	return true;
}

/*
 * Move on: first to records committed to the current page since it was
 * copied, then to the next page.  Returns false at the end of the buffer.
 */
static bool rb_iter_next_page(struct ring_buffer_iter *it)
{
	struct rb_cpu *c = it->c;
	unsigned long flags;
	struct rb_page *p;
	bool ok = false;
	u64 cseq, seq;

	raw_spin_lock_irqsave(&c->reader_lock, flags);
	/* Pages up to cseq are complete: pairs with rb_publish_pages(). */
	cseq = smp_load_acquire(&c->commit_seq);
	p = rb_find_seq(c, it->seq);
	if (!p || !rb_iter_copy(it, p, it->seq))
		goto lost;
	if (it->off < it->size || it->seq >= cseq) {
		ok = it->off < it->size;
		goto out;
	}
	seq = it->seq + 1;
	p = rb_find_seq(c, seq);
	if (!p || !rb_iter_copy(it, p, seq))
		goto lost;
	it->seq = seq;
	it->off = 0;
	it->ts = it->copy->time_stamp;
	ok = true;
	goto out;
lost:
	/* Overwritten: go on from the oldest page left, if any. */
	it->dropped = true;
	it->size = 0;
	it->off = 0;
	p = READ_ONCE(c->slots[rb_head_slot(READ_ONCE(c->head))]);
	seq = READ_ONCE(p->seq);
	if (seq > c->reader_seq && seq <= cseq && rb_iter_copy(it, p, seq)) {
		it->seq = seq;
		it->ts = it->copy->time_stamp;
		ok = true;
	}
out:
	raw_spin_unlock_irqrestore(&c->reader_lock, flags);
	return ok;
}

/**
 * ring_buffer_iter_peek - the record an iterator is at
 * @iter: the iterator
 * @ts: where to store its time stamp, or NULL
 *
 * Context: process or any context that may take the reader_lock.
 * Return: the record, valid until the iterator moves, or NULL at the end.
 */
struct ring_buffer_event *
ring_buffer_iter_peek(struct ring_buffer_iter *iter, u64 *ts)
{
	struct ring_buffer_event *ev;
	unsigned int len;

	for (;;) {
		if (iter->off >= iter->size && !rb_iter_next_page(iter))
			return NULL;
		ev = (void *)&iter->copy->data[iter->off];
		len = rb_record_len(ev);
		if (!len || iter->off + len > iter->size) {
			iter->off = iter->size;
			continue;
		}
		if (rb_is_data(ev)) {
			if (ts)
				*ts = iter->ts + ev->time_delta;
			return ev;
		}
		iter->ts = rb_apply_time(ev, iter->ts, iter->copy->time_stamp);
		iter->off += len;
	}
}
EXPORT_SYMBOL_GPL(ring_buffer_iter_peek);

/**
 * ring_buffer_iter_advance - move an iterator past its record
 * @iter: the iterator
 *
 * Context: as ring_buffer_iter_peek().
 */
void ring_buffer_iter_advance(struct ring_buffer_iter *iter)
{
	struct ring_buffer_event *ev;

	if (!ring_buffer_iter_peek(iter, NULL))
		return;
	ev = (void *)&iter->copy->data[iter->off];
	iter->ts += ev->time_delta;
	iter->off += rb_record_len(ev);
}
EXPORT_SYMBOL_GPL(ring_buffer_iter_advance);

/**
 * ring_buffer_iter_empty - whether an iterator is at the end
 * @iter: the iterator
 *
 * Context: as ring_buffer_iter_peek().
 * Return: 1 at the end, else 0.
 */
int ring_buffer_iter_empty(struct ring_buffer_iter *iter)
{
	return !ring_buffer_iter_peek(iter, NULL);
}
EXPORT_SYMBOL_GPL(ring_buffer_iter_empty);

/**
 * ring_buffer_iter_dropped - whether records were lost under the iterator
 * @iter: the iterator
 *
 * The flag is cleared by reading it.
 *
 * Context: any.
 * Return: true if writers overwrote records before the iterator saw them.
 */
bool ring_buffer_iter_dropped(struct ring_buffer_iter *iter)
{
	bool dropped = iter->dropped;

	iter->dropped = false;
	return dropped;
}
EXPORT_SYMBOL_GPL(ring_buffer_iter_dropped);

/**
 * ring_buffer_iter_reset - start an iterator again
 * @iter: the iterator
 *
 * It goes back to the consumer's position: the oldest unconsumed record.
 *
 * Context: may take the reader_lock.
 */
void ring_buffer_iter_reset(struct ring_buffer_iter *iter)
{
	struct rb_cpu *c = iter->c;
	unsigned long flags;

	raw_spin_lock_irqsave(&c->reader_lock, flags);
	iter->seq = c->reader->seq;
	iter->size = 0;
	if (rb_iter_copy(iter, c->reader, iter->seq)) {
		iter->off = c->read_off;
		iter->ts = c->read_ts;
	} else {
		iter->off = 0;
	}
	raw_spin_unlock_irqrestore(&c->reader_lock, flags);
}
EXPORT_SYMBOL_GPL(ring_buffer_iter_reset);

/**
 * ring_buffer_read_start - start walking a CPU buffer without consuming
 * @buffer: the buffer
 * @cpu: the CPU
 * @flags: allocation flags
 *
 * Writers go on while the iterator walks; records they overwrite before
 * the iterator gets there are reported by ring_buffer_iter_dropped().
 *
 * Context: process; sleeps (takes the buffer's mutex).
 * Return: the iterator, or NULL.
 */
struct ring_buffer_iter *
ring_buffer_read_start(struct trace_buffer *buffer, int cpu, gfp_t flags)
{
	struct ring_buffer_iter *it;
	struct rb_cpu *c;

	it = kzalloc(sizeof(*it), flags);
	if (!it)
		return NULL;
	/*
	 * The CPU buffer and its sub-buffer size, under the mutex: once
	 * iters counts us, neither a per-CPU swap nor a sub-buffer size
	 * change goes ahead.
	 */
	mutex_lock(&buffer->mutex);
	c = rb_cpu_of(buffer, cpu);
	if (c) {
		it->order = buffer->subbuf_order;
		it->copy = (void *)__get_free_pages(flags, it->order);
	}
	if (!it->copy) {
		mutex_unlock(&buffer->mutex);
		kfree(it);
		return NULL;
	}
	it->c = c;
	atomic_inc(&c->iters);
	mutex_unlock(&buffer->mutex);
	ring_buffer_iter_reset(it);
	return it;
}
EXPORT_SYMBOL_GPL(ring_buffer_read_start);

/**
 * ring_buffer_read_finish - end a walk
 * @iter: the iterator, freed here
 *
 * Context: any.
 */
void ring_buffer_read_finish(struct ring_buffer_iter *iter)
{
	free_pages((unsigned long)iter->copy, iter->order);
	atomic_dec(&iter->c->iters);
	kfree(iter);
}
EXPORT_SYMBOL_GPL(ring_buffer_read_finish);
