// SPDX-License-Identifier: GPL-2.0
/*
 * ring_buffer_alloc.c - pages, allocation, resizing and resetting.
 *
 * Everything here that changes a CPU buffer's pages first shuts its writers
 * out (record_disabled, then synchronize_rcu(), since writers run with
 * preemption disabled) and holds its reader_lock, so the lockless paths
 * never see a half-built ring.  What also takes or restarts the reader
 * page (sub-buffer size changes, resets, per-CPU swaps) first waits for
 * the CPU buffer's consumers: it holds their consume_lock (see
 * ring_buffer_types.h).  New pages are allocated before anything is
 * touched: a failed allocation, or a refusal, leaves the buffer as it
 * was, and the _pair() calls change two buffers (a live buffer and its
 * snapshot) both or neither.  trace_buffer.mutex serialises these
 * operations against each other; of two buffers, the one at the lower
 * address is locked first.
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

/*
 * Sizes come from users: an allocation too large fails quietly, and does
 * not call the OOM killer.
 */
#define RB_GFP	(GFP_KERNEL | __GFP_RETRY_MAYFAIL | __GFP_NOWARN)

static struct rb_page *rb_page_alloc(int cpu, unsigned int order)
{
	struct rb_page *p;
	struct page *pg;

	p = kzalloc_node(sizeof(*p), RB_GFP, cpu_to_node(cpu));
	if (!p)
		return NULL;
	pg = alloc_pages_node(cpu_to_node(cpu), RB_GFP | __GFP_ZERO, order);
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

	pages = kcalloc_node(nr, sizeof(*pages), RB_GFP, cpu_to_node(cpu));
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
	mutex_destroy(&c->consume_lock);
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
	mutex_init(&c->consume_lock);
	raw_spin_lock_init(&c->reader_lock);
	lockdep_set_class(&c->reader_lock, b->reader_lock_key);
	rb_waiters_init(&c->wait);
	c->slots = rb_pages_alloc(cpu, nr, b->subbuf_order);
	c->reader = rb_page_alloc(cpu, b->subbuf_order);
	if (!c->slots || !c->reader) {
		rb_pages_free(c->slots, c->slots ? nr : 0, b->subbuf_order);
		rb_page_free(c->reader, b->subbuf_order);
		mutex_destroy(&c->consume_lock);
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

/*
 * Pages of @usable bytes for @size bytes of records, two at least; 0 for
 * more than a ring can have (a size that is then refused).
 */
static unsigned int rb_size_pages(unsigned long size, unsigned long usable)
{
	unsigned long nr = max(DIV_ROUND_UP(size, usable), 2UL);

	return nr <= RB_MAX_PAGES ? nr : 0;
}

static unsigned int rb_nr_pages(struct trace_buffer *b, unsigned long size)
{
	return rb_size_pages(size, rb_usable(b));
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

/*
 * The mutexes of a buffer and of its twin (NULL if none), the lower
 * address first: ring_buffer_swap_cpu() and the _pair() calls.
 */
static void rb_lock_pair(struct trace_buffer *a, struct trace_buffer *b)
{
	if (b && b < a)
		swap(a, b);
	mutex_lock(&a->mutex);
	if (b)
		mutex_lock_nested(&b->mutex, SINGLE_DEPTH_NESTING);
}

static void rb_unlock_pair(struct trace_buffer *a, struct trace_buffer *b)
{
	if (b)
		mutex_unlock(&b->mutex);
	mutex_unlock(&a->mutex);
}

/*
 * Wait until no consumer of @b's CPU buffers in @cpus is between a look
 * at a record and its use, and keep them out: take their consume_locks.
 * @b's mutex, held, makes taking many locks of one class safe (it is
 * their nest lock for lockdep) and keeps the set of CPU buffers fixed.
 * Two buffers' sets may be held together, taken one right after the
 * other.
 */
static void rb_consumers_lock(struct trace_buffer *b,
			      const struct cpumask *cpus)
{
	struct rb_cpu *c;
	int cpu;

	lockdep_assert_held(&b->mutex);
	for_each_cpu(cpu, cpus) {
		c = rb_cpu_of(b, cpu);
		if (c)
			mutex_lock_nest_lock(&c->consume_lock, &b->mutex);
	}
}

static void rb_consumers_unlock(struct trace_buffer *b,
				const struct cpumask *cpus)
{
	struct rb_cpu *c;
	int cpu;

	for_each_cpu(cpu, cpus) {
		c = rb_cpu_of(b, cpu);
		if (c)
			mutex_unlock(&c->consume_lock);
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
	if (!b->nr_pages)
		goto free_buffers;

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
free_buffers:
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

	r->slots = kcalloc_node(nr, sizeof(*r->slots), RB_GFP, node);
	r->data = kcalloc_node(old, sizeof(*r->data), RB_GFP, node);
	r->free = kcalloc_node(old, sizeof(*r->free), RB_GFP, node);
	r->gone = kcalloc_node(old, sizeof(*r->gone), RB_GFP, node);
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

/*
 * Whether @pages more pages can be had, roughly, now: a size far too
 * large is refused before it drains the memory everything else needs.
 */
static bool rb_mem_ok(unsigned long pages)
{
	return pages <= (unsigned long)max(si_mem_available(), 0L);
}

/**
 * ring_buffer_resize_pair - change the size of two buffers together
 * @buffer: a buffer
 * @twin: a buffer that keeps @buffer's size (its snapshot buffer), or NULL
 * @size: new bytes of records per CPU
 * @cpu: the CPU, or RING_BUFFER_ALL_CPUS
 *
 * As ring_buffer_resize(), for both buffers or for neither: everything
 * the two need is allocated before either changes.
 *
 * Context: process; sleeps.
 * Return: 0, or -ENOMEM (nothing changed), or -EINVAL for a @cpu that
 * either buffer lacks.
 */
int ring_buffer_resize_pair(struct trace_buffer *buffer,
			    struct trace_buffer *twin, unsigned long size,
			    int cpu)
{
	struct trace_buffer *bufs[2] = { buffer, twin != buffer ? twin : NULL };
	unsigned int n = bufs[1] ? 2 : 1, i, nr[2];
	unsigned long need = 0, flags;
	struct rb_resize *plans;
	cpumask_var_t cpus[2];
	struct trace_buffer *b;
	struct rb_cpu *c;
	int j, ret = -ENOMEM;

	plans = kcalloc(2 * nr_cpu_ids, sizeof(*plans), GFP_KERNEL);
	if (!plans)
		return -ENOMEM;
	if (!zalloc_cpumask_var(&cpus[0], GFP_KERNEL))
		goto free_plans;
	if (!zalloc_cpumask_var(&cpus[1], GFP_KERNEL))
		goto free_mask;

	rb_lock_pair(bufs[0], bufs[1]);
	for (i = 0; i < n; i++) {
		if (cpu != RING_BUFFER_ALL_CPUS && !rb_cpu_of(bufs[i], cpu)) {
			ret = -EINVAL;
			goto release;
		}
	}
	/* Plan both, and allocate for both, before touching either. */
	for (i = 0; i < n; i++) {
		b = bufs[i];
		nr[i] = rb_nr_pages(b, size);
		if (!nr[i])
			goto release;
		for_each_possible_cpu(j) {
			c = rb_cpu_of(b, j);
			if (!c || (cpu != RING_BUFFER_ALL_CPUS && cpu != j) ||
			    c->nr_pages == nr[i])
				continue;
			if (nr[i] > c->nr_pages)
				need += (unsigned long)(nr[i] - c->nr_pages) <<
					b->subbuf_order;
			cpumask_set_cpu(j, cpus[i]);
		}
	}
	if (!rb_mem_ok(need))
		goto release;
	for (i = 0; i < n; i++) {
		for_each_cpu(j, cpus[i]) {
			ret = rb_resize_prepare(bufs[i], bufs[i]->buffers[j],
						nr[i], &plans[i * nr_cpu_ids + j]);
			if (ret)
				goto release;
		}
	}

	for (i = 0; i < n; i++) {
		b = bufs[i];
		if (cpu == RING_BUFFER_ALL_CPUS)
			b->nr_pages = nr[i];
		if (cpumask_empty(cpus[i]))
			continue;
		rb_writers_off(b, cpus[i]);
		for_each_cpu(j, cpus[i]) {
			c = b->buffers[j];
			raw_spin_lock_irqsave(&c->reader_lock, flags);
			rb_resize_commit(c, nr[i], &plans[i * nr_cpu_ids + j]);
			raw_spin_unlock_irqrestore(&c->reader_lock, flags);
		}
		rb_writers_on(b, cpus[i]);
	}
	ret = 0;

release:
	for (i = 0; i < n; i++)
		for_each_possible_cpu(j)
			rb_resize_release(bufs[i], &plans[i * nr_cpu_ids + j]);
	rb_unlock_pair(bufs[0], bufs[1]);
	free_cpumask_var(cpus[1]);
free_mask:
	free_cpumask_var(cpus[0]);
free_plans:
	kfree(plans);
	return ret;
}
EXPORT_SYMBOL_GPL(ring_buffer_resize_pair);

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
	return ring_buffer_resize_pair(buffer, NULL, size, cpu);
}
EXPORT_SYMBOL_GPL(ring_buffer_resize);

/* Empty the CPU buffers in @cpus. */
static void rb_reset_cpus(struct trace_buffer *b, const struct cpumask *cpus)
{
	unsigned long flags;
	struct rb_cpu *c;
	int cpu;

	mutex_lock(&b->mutex);
	/* A consumer's peeked record stays the one it consumes. */
	rb_consumers_lock(b, cpus);
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
	rb_consumers_unlock(b, cpus);
	mutex_unlock(&b->mutex);
}

/**
 * ring_buffer_reset_cpu - empty one CPU's buffer
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Its records and statistics are cleared.
 *
 * Context: process; sleeps; waits for the CPU's consumer lock.
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
 * Context: process; sleeps; waits for the consumer locks.
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
 * Context: process; sleeps; waits for the consumer locks.
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

/*
 * A change of one buffer's sub-buffer order, prepared: per CPU the new
 * ring and reader page, which after the change hold the old ones.
 */
struct rb_reorder {
	unsigned int	order;		/* of the pages held here */
	struct rb_page	***slots;
	struct rb_page	**readers;
	unsigned int	*nrs;
};

static void rb_reorder_release(struct rb_reorder *r)
{
	int cpu;

	for (cpu = 0; r->slots && r->readers && r->nrs && cpu < nr_cpu_ids;
	     cpu++) {
		rb_pages_free(r->slots[cpu], r->slots[cpu] ? r->nrs[cpu] : 0,
			      r->order);
		rb_page_free(r->readers[cpu], r->order);
	}
	kfree(r->slots);
	kfree(r->readers);
	kfree(r->nrs);
}

/*
 * Each CPU buffer keeps about as many bytes as it holds now, in pages of
 * @order; 0 if they are too many.
 */
static unsigned int rb_reorder_nr(struct trace_buffer *b, unsigned long nr,
				  unsigned int order)
{
	return rb_size_pages(nr * rb_usable(b),
			     (PAGE_SIZE << order) - RB_DATA_OFF);
}

/* The pages of @r; @need counts them, in pages.  Nothing of @b changes. */
static int rb_reorder_prepare(struct trace_buffer *b, unsigned int order,
			      struct rb_reorder *r, unsigned long *need)
{
	struct rb_cpu *c;
	int cpu;

	r->order = order;
	if (!rb_reorder_nr(b, b->nr_pages, order))
		return -ENOMEM;
	r->slots = kcalloc(nr_cpu_ids, sizeof(*r->slots), GFP_KERNEL);
	r->readers = kcalloc(nr_cpu_ids, sizeof(*r->readers), GFP_KERNEL);
	r->nrs = kcalloc(nr_cpu_ids, sizeof(*r->nrs), GFP_KERNEL);
	if (!r->slots || !r->readers || !r->nrs)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		c = rb_cpu_of(b, cpu);
		if (!c)
			continue;
		r->nrs[cpu] = rb_reorder_nr(b, c->nr_pages, order);
		if (!r->nrs[cpu])
			return -ENOMEM;
		*need += (unsigned long)(r->nrs[cpu] + 1) << order;
	}
	if (!rb_mem_ok(*need))
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		if (!r->nrs[cpu])
			continue;
		r->slots[cpu] = rb_pages_alloc(cpu, r->nrs[cpu], order);
		r->readers[cpu] = rb_page_alloc(cpu, order);
		if (!r->slots[cpu] || !r->readers[cpu])
			return -ENOMEM;
	}
	return 0;
}

/*
 * Swap the prepared pages in; @r then holds the old ones.  Writers and
 * consumers are out.
 */
static void rb_reorder_commit(struct trace_buffer *b, struct rb_reorder *r)
{
	unsigned int old_order = b->subbuf_order;
	unsigned long flags;
	struct rb_cpu *c;
	int cpu;

	/* For CPUs to come: prepared to be non-zero. */
	b->nr_pages = rb_reorder_nr(b, b->nr_pages, r->order);
	rb_set_order(b, r->order);
	for_each_possible_cpu(cpu) {
		c = rb_cpu_of(b, cpu);
		if (!c)
			continue;
		raw_spin_lock_irqsave(&c->reader_lock, flags);
		swap(c->slots, r->slots[cpu]);
		swap(c->reader, r->readers[cpu]);
		swap(c->nr_pages, r->nrs[cpu]);
		rb_cpu_init_state(c);
		raw_spin_unlock_irqrestore(&c->reader_lock, flags);
	}
	r->order = old_order;
}

/**
 * ring_buffer_subbuf_order_set_pair - change the sub-buffer size of two
 *	buffers together
 * @buffer: a buffer
 * @twin: a buffer that keeps @buffer's geometry (its snapshot buffer), or
 *	NULL
 * @order: new allocation order (0 to 7: up to 128 pages)
 *
 * As ring_buffer_subbuf_order_set(), for both buffers or for neither:
 * every refusal is checked and every page the two need is allocated
 * before either changes.
 *
 * Context: process; sleeps; waits for the consumer locks.
 * Return: 0; -EINVAL for a bad order; -EBUSY while iterators are open on
 * either; -ENOMEM (nothing changed).
 */
int ring_buffer_subbuf_order_set_pair(struct trace_buffer *buffer,
				      struct trace_buffer *twin, int order)
{
	struct trace_buffer *bufs[2] = { buffer, twin != buffer ? twin : NULL };
	struct rb_reorder plans[2] = {};
	unsigned int n = bufs[1] ? 2 : 1, i;
	unsigned long need = 0;
	bool change[2] = {};
	struct rb_cpu *c;
	int cpu, ret = 0;

	if (order < 0 || order > 7)
		return -EINVAL;
	rb_lock_pair(bufs[0], bufs[1]);
	for (i = 0; i < n; i++) {
		change[i] = bufs[i]->subbuf_order != order;
		for_each_possible_cpu(cpu) {
			c = rb_cpu_of(bufs[i], cpu);
			if (change[i] && c && atomic_read(&c->iters)) {
				ret = -EBUSY;
				goto release;
			}
		}
	}
	for (i = 0; i < n && !ret; i++)
		if (change[i])
			ret = rb_reorder_prepare(bufs[i], order, &plans[i],
						 &need);
	if (ret)
		goto release;

	/* The records are lost: wait for consumers, then writers. */
	for (i = 0; i < n; i++)
		if (change[i])
			rb_consumers_lock(bufs[i], cpu_possible_mask);
	for (i = 0; i < n; i++) {
		if (!change[i])
			continue;
		rb_writers_off(bufs[i], cpu_possible_mask);
		rb_reorder_commit(bufs[i], &plans[i]);
		rb_writers_on(bufs[i], cpu_possible_mask);
	}
	for (i = 0; i < n; i++)
		if (change[i])
			rb_consumers_unlock(bufs[i], cpu_possible_mask);

release:
	for (i = 0; i < n; i++)
		rb_reorder_release(&plans[i]);
	rb_unlock_pair(bufs[0], bufs[1]);
	return ret;
}
EXPORT_SYMBOL_GPL(ring_buffer_subbuf_order_set_pair);

/**
 * ring_buffer_subbuf_order_set - change the size of the sub-buffers
 * @buffer: the buffer
 * @order: new allocation order (0 to 7: up to 128 pages)
 *
 * Every CPU buffer gets new sub-buffers holding about as many bytes as
 * it holds now; the records in the buffer are lost (as mainline documents
 * for buffer_subbuf_size_kb).
 *
 * Context: process; sleeps; waits for the consumer locks.
 * Return: 0; -EINVAL for a bad order; -EBUSY while iterators are open;
 * -ENOMEM (nothing changed).
 */
int ring_buffer_subbuf_order_set(struct trace_buffer *buffer, int order)
{
	return ring_buffer_subbuf_order_set_pair(buffer, NULL, order);
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
 * Their consumers are waited for: a record one of them peeked at is the
 * one it consumes.
 *
 * Context: process; sleeps; waits for the two consumer locks.
 * Return: 0; -EINVAL if the geometries differ or a CPU buffer is missing;
 * -EBUSY while an iterator is open on either.
 */
int ring_buffer_swap_cpu(struct trace_buffer *buffer_a,
			 struct trace_buffer *buffer_b, int cpu)
{
	const struct cpumask *mask;
	struct rb_cpu *a, *b;
	int ret = -EINVAL;

	if (buffer_a == buffer_b || cpu < 0 || cpu >= nr_cpu_ids)
		return -EINVAL;
	mask = cpumask_of(cpu);
	/* Geometry, iterators and buffers[cpu] are stable under both. */
	rb_lock_pair(buffer_a, buffer_b);
	a = rb_cpu_of(buffer_a, cpu);
	b = rb_cpu_of(buffer_b, cpu);
	if (!a || !b || a->nr_pages != b->nr_pages ||
	    buffer_a->subbuf_order != buffer_b->subbuf_order)
		goto unlock;
	if (atomic_read(&a->iters) || atomic_read(&b->iters)) {
		ret = -EBUSY;
		goto unlock;
	}
	mutex_lock_nest_lock(&a->consume_lock, &buffer_a->mutex);
	mutex_lock_nest_lock(&b->consume_lock, &buffer_b->mutex);
	rb_writers_off(buffer_a, mask);
	rb_writers_off(buffer_b, mask);
	WRITE_ONCE(buffer_a->buffers[cpu], b);
	WRITE_ONCE(buffer_b->buffers[cpu], a);
	a->buffer = buffer_b;
	b->buffer = buffer_a;
	/* The counts follow the CPU buffers: re-enable each where it is now. */
	rb_writers_on(buffer_a, mask);
	rb_writers_on(buffer_b, mask);
	mutex_unlock(&b->consume_lock);
	mutex_unlock(&a->consume_lock);
	ret = 0;
unlock:
	rb_unlock_pair(buffer_a, buffer_b);
	return ret;
}
EXPORT_SYMBOL_GPL(ring_buffer_swap_cpu);
#endif
