/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_scratch.h - per-CPU scratch pages, nested by context.
 *
 * Tracing code that must build something before it knows whether, or
 * how much of it, goes into the ring buffer (a filtered event's record,
 * a record that triggers read, a kernel stack) builds it in a scratch
 * page of its CPU.  Writers nest: an interrupt can hit a tracepoint while
 * the task's record is being built, an NMI while the interrupt's is.  So
 * each CPU has TRACE_SCRATCH_LEVELS pages, used as a stack.
 *
 * The nesting rule, the only one: take a level with trace_scratch_get()
 * and give it back with trace_scratch_put() in the same context, with
 * preemption disabled in between.  A context that interrupts the holder
 * takes the next level and gives it back before returning, so the levels
 * are always released in the reverse order of taking.  Past the last
 * level, or for more than a page, trace_scratch_get() says no and the
 * caller has a fallback.
 *
 * Locking: the pages are allocated by trace_scratch_alloc() under
 * trace_mutex, by the first user that needs them, and kept from then on;
 * each CPU's depth is touched only by that CPU.
 */
#ifndef _TRACE_SCRATCH_H
#define _TRACE_SCRATCH_H

#include <linux/compiler.h>
#include <linux/mm.h>
#include <linux/percpu.h>

#define TRACE_SCRATCH_LEVELS	4

/**
 * struct trace_scratch - one CPU's scratch pages
 * @depth: levels in use
 * @len: the length each level's user asked for
 * @page: the pages, NULL until allocated
 */
struct trace_scratch {
	unsigned int	depth;
	unsigned int	len[TRACE_SCRATCH_LEVELS];
	void		*page[TRACE_SCRATCH_LEVELS];
};

DECLARE_PER_CPU(struct trace_scratch, trace_scratch);

void trace_scratch_alloc(void);

/**
 * trace_scratch_get() - take this CPU's next scratch level
 * @len: bytes needed, at most PAGE_SIZE
 *
 * Context: preemption disabled; any context, NMI included.
 * Return: the page, or NULL (no level left, too long, not allocated).
 */
static __always_inline void *trace_scratch_get(unsigned long len)
{
	struct trace_scratch *sc = this_cpu_ptr(&trace_scratch);
	unsigned int d = sc->depth;
	void *page;

	if (d >= TRACE_SCRATCH_LEVELS || len > PAGE_SIZE)
		return NULL;
	page = READ_ONCE(sc->page[d]);
	if (!page)
		return NULL;
	sc->len[d] = len;
	sc->depth = d + 1;
	barrier();	/* the level is ours before we write the page */
	return page;
}

/**
 * trace_scratch_len() - the length the holder of the top level asked for
 *
 * Context: the holder of the top level of this CPU.
 * Return: the length given to trace_scratch_get().
 */
static __always_inline unsigned int trace_scratch_len(void)
{
	struct trace_scratch *sc = this_cpu_ptr(&trace_scratch);

	return sc->len[sc->depth - 1];
}

/**
 * trace_scratch_put() - give the top level back
 *
 * Context: the context that took it, preemption still disabled.
 */
static __always_inline void trace_scratch_put(void)
{
	barrier();	/* done with the page before giving the level back */
	__this_cpu_dec(trace_scratch.depth);
}

#endif /* _TRACE_SCRATCH_H */
