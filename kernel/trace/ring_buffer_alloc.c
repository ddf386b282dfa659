// SPDX-License-Identifier: GPL-2.0
/*
 * ring_buffer_alloc.c - pages, allocation, resizing and resetting.
 *
 * Everything here that changes a CPU buffer's pages first shuts its writers
 * out (record_disabled, then synchronize_rcu(), since writers run with
 * preemption disabled) and holds its reader_lock, so the lockless paths
 * never see a half-built ring.  New pages are allocated before anything is
 * touched: a failed allocation leaves the buffer as it was.
 * trace_buffer.mutex serialises these operations against each other.
 */

#include <linux/cpu.h>
#include <linux/cpuhotplug.h>
#include <linux/slab.h>
#include <linux/trace_clock.h>

#include "ring_buffer_types.h"

/**
 * rb_clock_read - read a buffer's clock
 * @b: the buffer
 *
 * Context: any.
 * Return: the time stamp.
 */
u64 rb_clock_read(struct trace_buffer *b)
{
	u64 ts;

	preempt_disable_notrace();
	ts = b->clock();
	preempt_enable_notrace();
	return ts;
}

static struct rb_page *rb_page_alloc(int cpu, unsigned int order)
{
	struct rb_page *p;
	struct page *pg;

	p = kzalloc_node(sizeof(*p), GFP_KERNEL, cpu_to_node(cpu));
	if (!p)
		return NULL;
	pg = alloc_pages_node(cpu_to_node(cpu), GFP_KERNEL | __GFP_ZERO |
			      __GFP_RETRY_MAYFAIL | __GFP_NOWARN, order);
	if (!pg) {
		kfree(p);
		return NULL;
	}
	set_page_private(pg, (unsigned long)p);
	p->data = page_address(pg);
	return p;
}

static void rb_page_free(struct rb_page *p, unsigned int order)
{
	if (!p)
		return;
	set_page_private(virt_to_page(p->data), 0);
	free_pages((unsigned long)p->data, order);
	kfree(p);
}

static void rb_pages_free(struct rb_page **pages, unsigned int nr,
			  unsigned int order)
{
	unsigned int i;

	if (!pages)
		return;
	for (i = 0; i < nr; i++)
		rb_page_free(pages[i], order);
	kfree(pages);
}

/* An array of @nr fresh pages, or NULL. */
static struct rb_page **rb_pages_alloc(int cpu, unsigned int nr,
				       unsigned int order)
{
	struct rb_page **pages;
	unsigned int i;

	pages = kcalloc_node(nr, sizeof(*pages), GFP_KERNEL, cpu_to_node(cpu));
	if (!pages)
		return NULL;
	for (i = 0; i < nr; i++) {
		pages[i] = rb_page_alloc(cpu, order);
		if (!pages[i]) {
			rb_pages_free(pages, i, order);
			return NULL;
		}
	}
	return pages;
}

/**
 * rb_cpu_init_state - make a CPU buffer empty
 * @c: the CPU buffer, its slots and reader page in place
 *
 * Statistics start again from zero.
 *
 * Context: writers shut out and reader_lock held, or @c not yet visible.
 */
void rb_cpu_init_state(struct rb_cpu *c)
{
	struct rb_page *first;
	unsigned int i;
	u64 ts;

	for (i = 0; i < c->nr_pages; i++) {
		c->slots[i]->slot = i;
		c->slots[i]->seq = 0;
		c->slots[i]->real_end = 0;
		c->slots[i]->events = 0;
		local_set(&c->slots[i]->data->commit, 0);
	}
	c->reader->seq = 0;
	c->reader->real_end = 0;
	c->reader->events = 0;
	c->reader->slot = c->nr_pages - 1;
	local_set(&c->reader->data->commit, 0);

	ts = rb_clock_read(c->buffer);
	first = c->slots[0];
	first->seq = 1;
	first->data->time_stamp = ts;
	c->ws.pos = (unsigned long)first->data->data;
	c->ws.ts = ts;
	c->commit_page = first;
	c->commit_base = (unsigned long)first->data;
	c->commit_seq = 1;
	c->published = 0;
	c->head = 0;
	c->reader_seq = 0;

	local_set(&c->entries, 0);
	local_set(&c->overrun, 0);
	local_set(&c->commit_overrun, 0);
	local_set(&c->dropped, 0);
	local_set(&c->pages_touched, 1);	/* the writer is on slots[0] */
	local_set(&c->pages_lost, 0);
	local_set(&c->written_bytes, 0);
	local_set(&c->lost_bytes, 0);
	c->read_off = 0;
	c->read_ts = ts;
	c->read = 0;
	c->read_bytes = 0;
	c->pages_read = 0;
	c->lost = 0;
	c->lost_seen = 0;
}

static void rb_cpu_free(struct rb_cpu *c)
{
	unsigned int order;

	if (!c)
		return;
	order = c->buffer->subbuf_order;
	irq_work_sync(&c->wait.work);
	rb_pages_free(c->slots, c->nr_pages, order);
	rb_page_free(c->reader, order);
	kfree(c);
}

static struct rb_cpu *rb_cpu_alloc(struct trace_buffer *b, int cpu,
				   unsigned int nr)
{
	struct rb_cpu *c;

	c = kzalloc_node(sizeof(*c), GFP_KERNEL, cpu_to_node(cpu));
	if (!c)
		return NULL;
	c->buffer = b;
	c->cpu = cpu;
	raw_spin_lock_init(&c->reader_lock);
	lockdep_set_class(&c->reader_lock, b->reader_lock_key);
	rb_waiters_init(&c->wait);
	c->slots = rb_pages_alloc(cpu, nr, b->subbuf_order);
	c->reader = rb_page_alloc(cpu, b->subbuf_order);
	if (!c->slots || !c->reader) {
		rb_pages_free(c->slots, c->slots ? nr : 0, b->subbuf_order);
		rb_page_free(c->reader, b->subbuf_order);
		kfree(c);
		return NULL;
	}
	c->nr_pages = nr;
	rb_cpu_init_state(c);
	return c;
}

/* Sub-buffer geometry follows the allocation order. */
static void rb_set_order(struct trace_buffer *b, unsigned int order)
{
	b->subbuf_order = order;
	b->subbuf_size = PAGE_SIZE << order;
	b->mask = b->subbuf_size - 1;
	/* Room for the header, a length word and a time record. */
	b->max_data = rb_usable(b) - 2 * sizeof(u32) - RB_TIME_LEN;
}

static unsigned int rb_nr_pages(struct trace_buffer *b, unsigned long size)
{
	return max_t(unsigned long, DIV_ROUND_UP(size, rb_usable(b)), 2);
}

/**
 * rb_writers_off - shut writers out of some CPU buffers
 * @b: the buffer
 * @cpus: the CPUs
 *
 * Returns once no writer is inside any of them.  Records offered
 * meanwhile are counted as dropped.
 *
 * Context: process; sleeps.
 */
void rb_writers_off(struct trace_buffer *b, const struct cpumask *cpus)
{
	struct rb_cpu *c;
	int cpu;

	for_each_cpu(cpu, cpus) {
		c = rb_cpu_of(b, cpu);
		if (c)
			atomic_add(RB_CPU_PAUSED, &c->record_disabled);
	}
	synchronize_rcu();
}

/**
 * rb_writers_on - let writers in again after rb_writers_off()
 * @b: the buffer
 * @cpus: the same CPUs
 *
 * Context: any.
 */
void rb_writers_on(struct trace_buffer *b, const struct cpumask *cpus)
{
	struct rb_cpu *c;
	int cpu;

	for_each_cpu(cpu, cpus) {
		c = rb_cpu_of(b, cpu);
		if (c)
			atomic_sub(RB_CPU_PAUSED, &c->record_disabled);
	}
}

static DEFINE_MUTEX(rb_cpuhp_mutex);
static int rb_cpuhp_state;

static int rb_cpuhp_setup(void)
{
	int ret = 0;

	mutex_lock(&rb_cpuhp_mutex);
	if (!rb_cpuhp_state) {
		ret = cpuhp_setup_state_multi(CPUHP_TRACE_RB_PREPARE,
					      "trace/RB:prepare",
					      trace_rb_cpu_prepare, NULL);
		if (!ret)
			rb_cpuhp_state = CPUHP_TRACE_RB_PREPARE;
	}
	mutex_unlock(&rb_cpuhp_mutex);
	return ret;
}

/**
 * __ring_buffer_alloc - allocate a ring buffer
 * @size: bytes of records per CPU (rounded up to whole sub-buffers, two at
 *	least)
 * @flags: &enum ring_buffer_flags
 * @key: lockdep class of the reader locks (ring_buffer_alloc() makes one)
 *
 * Buffers exist for the online CPUs and follow CPUs that come online.
 *
 * Context: process; sleeps.
 * Return: the buffer, or NULL when memory runs out.
 */
struct trace_buffer *__ring_buffer_alloc(unsigned long size,
					 unsigned int flags,
					 struct lock_class_key *key)
{
	struct trace_buffer *b;
	int cpu;

	if (rb_cpuhp_setup())
		return NULL;
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return NULL;
	b->buffers = kcalloc(nr_cpu_ids, sizeof(*b->buffers), GFP_KERNEL);
	if (!b->buffers)
		goto free_b;
	b->flags = flags;
	b->clock = trace_clock_local;
	b->fast_delta_end = RB_DELTA_MAX + 1;
	b->reader_lock_key = key;
	mutex_init(&b->mutex);
	rb_waiters_init(&b->wait);
	rb_set_order(b, 0);
	b->nr_pages = rb_nr_pages(b, size);

	cpus_read_lock();
	for_each_online_cpu(cpu) {
		b->buffers[cpu] = rb_cpu_alloc(b, cpu, b->nr_pages);
		if (!b->buffers[cpu])
			goto free_cpus;
	}
	if (cpuhp_state_add_instance_nocalls_cpuslocked(rb_cpuhp_state,
							&b->node))
		goto free_cpus;
	cpus_read_unlock();
	return b;

free_cpus:
	cpus_read_unlock();
	for_each_possible_cpu(cpu)
		rb_cpu_free(b->buffers[cpu]);
	kfree(b->buffers);
free_b:
	kfree(b);
	return NULL;
}
EXPORT_SYMBOL_GPL(__ring_buffer_alloc);

/**
 * ring_buffer_free - free a ring buffer
 * @buffer: the buffer; no writer or reader may use it any more
 *
 * Context: process; sleeps.
 */
void ring_buffer_free(struct trace_buffer *buffer)
{
	int cpu;

	if (!buffer)
		return;
	cpuhp_state_remove_instance_nocalls(rb_cpuhp_state, &buffer->node);
	irq_work_sync(&buffer->wait.work);
	for_each_possible_cpu(cpu)
		rb_cpu_free(buffer->buffers[cpu]);
	kfree(buffer->buffers);
	kfree(buffer);
}
EXPORT_SYMBOL_GPL(ring_buffer_free);

/**
 * trace_rb_cpu_prepare - give a CPU that comes online its buffer
 * @cpu: the CPU
 * @node: the buffer's cpuhp instance
 *
 * Context: CPU hotplug, process; sleeps.
 * Return: 0, or -ENOMEM.
 */
int trace_rb_cpu_prepare(unsigned int cpu, struct hlist_node *node)
{
	struct trace_buffer *b = hlist_entry(node, struct trace_buffer, node);
	struct rb_cpu *c;
	int ret = 0;

	mutex_lock(&b->mutex);
	if (!b->buffers[cpu]) {
		c = rb_cpu_alloc(b, cpu, b->nr_pages);
		if (c)	/* writers see the buffer only once it is built */
			smp_store_release(&b->buffers[cpu], c);	/* vs rb_cpu_of() */
		else
			ret = -ENOMEM;
	}
	mutex_unlock(&b->mutex);
	return ret;
}

/* A resize of one CPU buffer, prepared before anything is touched. */
struct rb_resize {
	struct rb_page	**slots;	/* the new ring */
	struct rb_page	**fresh;	/* new pages, when growing */
	unsigned int	nr_fresh;
	struct rb_page	**data;		/* scratch: pages holding records */
	struct rb_page	**free;		/* scratch: the other pages */
	struct rb_page	**gone;		/* pages removed, when shrinking */
	unsigned int	nr_gone;
};

static void rb_resize_release(struct trace_buffer *b, struct rb_resize *r)
{
	rb_pages_free(r->fresh, r->fresh ? r->nr_fresh : 0, b->subbuf_order);
	while (r->nr_gone)
		rb_page_free(r->gone[--r->nr_gone], b->subbuf_order);
	kfree(r->gone);
	kfree(r->data);
	kfree(r->free);
	kfree(r->slots);
}

static int rb_resize_prepare(struct trace_buffer *b, struct rb_cpu *c,
			     unsigned int nr, struct rb_resize *r)
{
	int node = cpu_to_node(c->cpu);
	unsigned int old = c->nr_pages;

	/* A size too large for the ring's array is refused quietly. */
	r->slots = kcalloc_node(nr, sizeof(*r->slots),
				GFP_KERNEL | __GFP_NOWARN, node);
	r->data = kcalloc_node(old, sizeof(*r->data), GFP_KERNEL, node);
	r->free = kcalloc_node(old, sizeof(*r->free), GFP_KERNEL, node);
	r->gone = kcalloc_node(old, sizeof(*r->gone), GFP_KERNEL, node);
	if (!r->slots || !r->data || !r->free || !r->gone)
		return -ENOMEM;
	if (nr > old) {
		r->nr_fresh = nr - old;
		r->fresh = rb_pages_alloc(c->cpu, r->nr_fresh, b->subbuf_order);
		if (!r->fresh)
			return -ENOMEM;
	}
	return 0;
}

/*
 * Build the new ring: the pages holding records, oldest first, ending with
 * the writer's page; then the fresh pages; then the free ones.  Shrinking
 * drops free pages first, then the oldest records (counted as overrun).
 * Writers are out and reader_lock is held.
 */
static void rb_resize_commit(struct rb_cpu *c, unsigned int nr,
			     struct rb_resize *r)
{
	unsigned int old = c->nr_pages, h = rb_head_slot(c->head);
	unsigned int i, k = 0, ndata = 0, nfree = 0, skip, keep_free;
	struct rb_page *p;

	for (i = 0; i < old; i++) {
		p = c->slots[(h + i) % old];
		if (p->seq > c->reader_seq)
			r->data[ndata++] = p;
		else
			r->free[nfree++] = p;
	}
	skip = ndata > nr ? ndata - nr : 0;
	keep_free = nr - (ndata - skip) - min(r->nr_fresh, nr - (ndata - skip));

	for (i = 0; i < skip; i++) {
		p = r->data[i];
		local_add(rb_page_events(p, p->real_end), &c->overrun);
		local_add(p->real_end, &c->lost_bytes);
		local_inc(&c->pages_lost);
		r->gone[r->nr_gone++] = p;
	}
	for (i = skip; i < ndata; i++)
		r->slots[k++] = r->data[i];
	for (i = 0; i < r->nr_fresh; i++)
		r->slots[k++] = r->fresh[i];
	for (i = 0; i < nfree; i++) {
		if (i < keep_free)
			r->slots[k++] = r->free[i];
		else
			r->gone[r->nr_gone++] = r->free[i];
	}
	r->fresh = NULL;	/* they belong to the ring now */

	for (i = 0; i < nr; i++)
		r->slots[i]->slot = i;
	/* With no records in the ring, the writer is on the reader page. */
	if (!ndata)
		c->reader->slot = nr - 1;
	swap(c->slots, r->slots);
	c->nr_pages = nr;
	/* Pairs with the acquire of head in the writer's rb_enter_next(). */
	smp_store_release(&c->head, 0);
}

/**
 * ring_buffer_resize - change the size of a buffer
 * @buffer: the buffer
 * @size: new bytes of records per CPU
 * @cpu: the CPU, or RING_BUFFER_ALL_CPUS
 *
 * Records are kept, as far as the new size holds them; the oldest ones
 * that do not fit are counted as overrun.  Writers on the CPUs concerned
 * are refused for the moment the ring is rebuilt.
 *
 * Context: process; sleeps.
 * Return: 0, or -ENOMEM (nothing changed), or -EINVAL for a bad @cpu.
 */
int ring_buffer_resize(struct trace_buffer *buffer, unsigned long size,
		       int cpu)
{
	struct rb_resize *plans;
	unsigned int nr;
	cpumask_var_t cpus;
	struct rb_cpu *c;
	unsigned long flags;
	int i, ret = 0;

	if (cpu != RING_BUFFER_ALL_CPUS && !rb_cpu_of(buffer, cpu))
		return -EINVAL;
	if (!zalloc_cpumask_var(&cpus, GFP_KERNEL))
		return -ENOMEM;
	plans = kcalloc(nr_cpu_ids, sizeof(*plans), GFP_KERNEL);
	if (!plans) {
		free_cpumask_var(cpus);
		return -ENOMEM;
	}

	mutex_lock(&buffer->mutex);
	nr = rb_nr_pages(buffer, size);
	for_each_possible_cpu(i) {
		c = rb_cpu_of(buffer, i);
		if (!c || (cpu != RING_BUFFER_ALL_CPUS && cpu != i))
			continue;
		if (c->nr_pages == nr)
			continue;
		ret = rb_resize_prepare(buffer, c, nr, &plans[i]);
		if (ret)
			goto release;
		cpumask_set_cpu(i, cpus);
	}
	if (cpu == RING_BUFFER_ALL_CPUS)
		buffer->nr_pages = nr;

	rb_writers_off(buffer, cpus);
	for_each_cpu(i, cpus) {
		c = buffer->buffers[i];
		raw_spin_lock_irqsave(&c->reader_lock, flags);
		rb_resize_commit(c, nr, &plans[i]);
		raw_spin_unlock_irqrestore(&c->reader_lock, flags);
	}
	rb_writers_on(buffer, cpus);

release:
	for_each_possible_cpu(i)
		rb_resize_release(buffer, &plans[i]);
	mutex_unlock(&buffer->mutex);
	kfree(plans);
	free_cpumask_var(cpus);
	return ret;
}
EXPORT_SYMBOL_GPL(ring_buffer_resize);

/* Empty the CPU buffers in @cpus. */
static void rb_reset_cpus(struct trace_buffer *b, const struct cpumask *cpus)
{
	unsigned long flags;
	struct rb_cpu *c;
	int cpu;

	mutex_lock(&b->mutex);
	rb_writers_off(b, cpus);
	for_each_cpu(cpu, cpus) {
		c = rb_cpu_of(b, cpu);
		if (!c)
			continue;
		raw_spin_lock_irqsave(&c->reader_lock, flags);
		rb_cpu_init_state(c);
		raw_spin_unlock_irqrestore(&c->reader_lock, flags);
	}
	rb_writers_on(b, cpus);
	mutex_unlock(&b->mutex);
}

/**
 * ring_buffer_reset_cpu - empty one CPU's buffer
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Its records and statistics are cleared.
 *
 * Context: process; sleeps.
 */
void ring_buffer_reset_cpu(struct trace_buffer *buffer, int cpu)
{
	if (rb_cpu_of(buffer, cpu))
		rb_reset_cpus(buffer, cpumask_of(cpu));
}
EXPORT_SYMBOL_GPL(ring_buffer_reset_cpu);

/**
 * ring_buffer_reset_online_cpus - empty the buffers of the online CPUs
 * @buffer: the buffer
 *
 * Context: process; sleeps.
 */
void ring_buffer_reset_online_cpus(struct trace_buffer *buffer)
{
	rb_reset_cpus(buffer, cpu_online_mask);
}
EXPORT_SYMBOL_GPL(ring_buffer_reset_online_cpus);

/**
 * ring_buffer_reset - empty every CPU's buffer
 * @buffer: the buffer
 *
 * Context: process; sleeps.
 */
void ring_buffer_reset(struct trace_buffer *buffer)
{
	rb_reset_cpus(buffer, cpu_possible_mask);
}
EXPORT_SYMBOL_GPL(ring_buffer_reset);

/**
 * ring_buffer_subbuf_order_get - allocation order of the sub-buffers
 * @buffer: the buffer
 *
 * Context: any.
 * Return: the order, or -EINVAL without a buffer.
 */
int ring_buffer_subbuf_order_get(struct trace_buffer *buffer)
{
	return buffer ? buffer->subbuf_order : -EINVAL;
}
EXPORT_SYMBOL_GPL(ring_buffer_subbuf_order_get);

/**
 * ring_buffer_subbuf_size_get - bytes of records a sub-buffer holds
 * @buffer: the buffer
 *
 * Context: any.
 * Return: the size.
 */
int ring_buffer_subbuf_size_get(struct trace_buffer *buffer)
{
	return rb_usable(buffer);
}
EXPORT_SYMBOL_GPL(ring_buffer_subbuf_size_get);

/**
 * ring_buffer_subbuf_order_set - change the size of the sub-buffers
 * @buffer: the buffer
 * @order: new allocation order (0 to 7: up to 128 pages)
 *
 * Every CPU buffer gets new sub-buffers holding about as many bytes as
 * before; the records in the buffer are lost (as mainline documents for
 * buffer_subbuf_size_kb).
 *
 * Context: process; sleeps.
 * Return: 0; -EINVAL for a bad order; -EBUSY while iterators are open;
 * -ENOMEM (nothing changed).
 */
int ring_buffer_subbuf_order_set(struct trace_buffer *buffer, int order)
{
	struct rb_page ***slots, **readers;
	unsigned int old_order, nr, *nrs;
	unsigned long flags, bytes;
	struct rb_cpu *c;
	int cpu, ret = -ENOMEM;

	if (order < 0 || order > 7)
		return -EINVAL;
	mutex_lock(&buffer->mutex);
	old_order = buffer->subbuf_order;
	if (order == old_order) {
		ret = 0;
		goto unlock;
	}
	for_each_possible_cpu(cpu) {
		c = rb_cpu_of(buffer, cpu);
		if (c && atomic_read(&c->iters)) {
			ret = -EBUSY;
			goto unlock;
		}
	}
	slots = kcalloc(nr_cpu_ids, sizeof(*slots), GFP_KERNEL);
	readers = kcalloc(nr_cpu_ids, sizeof(*readers), GFP_KERNEL);
	nrs = kcalloc(nr_cpu_ids, sizeof(*nrs), GFP_KERNEL);
	if (!slots || !readers || !nrs)
		goto free;

	/* About as many bytes as before, in the new sub-buffers. */
	bytes = buffer->nr_pages * rb_usable(buffer);
	nr = max_t(unsigned long, 2,
		   DIV_ROUND_UP(bytes, (PAGE_SIZE << order) - RB_DATA_OFF));
	for_each_possible_cpu(cpu) {
		if (!rb_cpu_of(buffer, cpu))
			continue;
		nrs[cpu] = nr;
		slots[cpu] = rb_pages_alloc(cpu, nr, order);
		readers[cpu] = rb_page_alloc(cpu, order);
		if (!slots[cpu] || !readers[cpu])
			goto free;
	}

	/* Swap the new pages in; the arrays then hold the old ones. */
	rb_writers_off(buffer, cpu_possible_mask);
	rb_set_order(buffer, order);
	buffer->nr_pages = nr;
	for_each_possible_cpu(cpu) {
		c = rb_cpu_of(buffer, cpu);
		if (!c)
			continue;
		raw_spin_lock_irqsave(&c->reader_lock, flags);
		swap(c->slots, slots[cpu]);
		swap(c->reader, readers[cpu]);
		swap(c->nr_pages, nrs[cpu]);
		rb_cpu_init_state(c);
		raw_spin_unlock_irqrestore(&c->reader_lock, flags);
	}
	rb_writers_on(buffer, cpu_possible_mask);
	ret = 0;
	order = old_order;
free:
	for (cpu = 0; slots && readers && nrs && cpu < nr_cpu_ids; cpu++) {
		rb_pages_free(slots[cpu], slots[cpu] ? nrs[cpu] : 0, order);
		rb_page_free(readers[cpu], order);
	}
	kfree(slots);
	kfree(readers);
	kfree(nrs);
unlock:
	mutex_unlock(&buffer->mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(ring_buffer_subbuf_order_set);

#ifdef CONFIG_RING_BUFFER_ALLOW_SWAP
/**
 * ring_buffer_swap_cpu - exchange one CPU's buffer between two buffers
 * @buffer_a: one buffer
 * @buffer_b: the other
 * @cpu: the CPU
 *
 * Used for snapshots.  The two CPU buffers must have the same geometry.
 *
 * Context: process; sleeps.
 * Return: 0; -EINVAL if the geometries differ or a CPU buffer is missing;
 * -EBUSY while an iterator is open on either.
 */
int ring_buffer_swap_cpu(struct trace_buffer *buffer_a,
			 struct trace_buffer *buffer_b, int cpu)
{
	struct rb_cpu *a = rb_cpu_of(buffer_a, cpu);
	struct rb_cpu *b = rb_cpu_of(buffer_b, cpu);
	const struct cpumask *mask = cpumask_of(cpu);
	int ret = -EINVAL;

	if (!a || !b || a->nr_pages != b->nr_pages ||
	    buffer_a->subbuf_order != buffer_b->subbuf_order)
		return -EINVAL;
	if (buffer_a < buffer_b) {
		mutex_lock(&buffer_a->mutex);
		mutex_lock_nested(&buffer_b->mutex, SINGLE_DEPTH_NESTING);
	} else {
		mutex_lock(&buffer_b->mutex);
		mutex_lock_nested(&buffer_a->mutex, SINGLE_DEPTH_NESTING);
	}
	if (atomic_read(&a->iters) || atomic_read(&b->iters)) {
		ret = -EBUSY;
		goto unlock;
	}
	rb_writers_off(buffer_a, mask);
	rb_writers_off(buffer_b, mask);
	WRITE_ONCE(buffer_a->buffers[cpu], b);
	WRITE_ONCE(buffer_b->buffers[cpu], a);
	a->buffer = buffer_b;
	b->buffer = buffer_a;
	/* The counts follow the CPU buffers: re-enable each where it is now. */
	rb_writers_on(buffer_a, mask);
	rb_writers_on(buffer_b, mask);
	ret = 0;
unlock:
	mutex_unlock(&buffer_a->mutex);
	mutex_unlock(&buffer_b->mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(ring_buffer_swap_cpu);
#endif
