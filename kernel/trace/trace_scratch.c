// SPDX-License-Identifier: GPL-2.0
/*
 * trace_scratch.c - allocation of the per-CPU scratch pages; the rule for
 * using them is in trace_scratch.h.
 *
 * The pages are made at boot, early (trace_printk() needs them from its
 * first call), TRACE_SCRATCH_LEVELS pages per possible CPU; a page that
 * could not be had then is tried again by the next user that installs
 * something needing them (a filter, a trigger).
 *
 * Locking: trace_mutex serialises allocation; pages once made are kept.
 */

#include <linux/gfp.h>

#include "trace_array.h"
#include "trace_scratch.h"

DEFINE_PER_CPU(struct trace_scratch, trace_scratch);

/**
 * trace_scratch_alloc() - make the scratch pages of every possible CPU
 *
 * Called at boot, and by each user before it first needs them
 * (installing a filter, adding a trigger); does nothing once they exist.
 * A page that cannot be allocated leaves its level to the users'
 * fallback, and the next call tries again.
 *
 * Context: process context, trace_mutex held; sleeps.
 */
void trace_scratch_alloc(void)
{
	static bool done;
	int cpu, i;

	lockdep_assert_held(&trace_mutex);
	if (done)
		return;
	done = true;
	for_each_possible_cpu(cpu) {
		struct trace_scratch *sc = per_cpu_ptr(&trace_scratch, cpu);

		for (i = 0; i < TRACE_SCRATCH_LEVELS; i++) {
			struct page *page;

			if (sc->page[i])
				continue;
			page = alloc_pages_node(cpu_to_node(cpu), GFP_KERNEL, 0);
			if (!page) {
				done = false;
				continue;
			}
			WRITE_ONCE(sc->page[i], page_address(page));
		}
	}
}

static int __init trace_scratch_init(void)
{
	mutex_lock(&trace_mutex);
	trace_scratch_alloc();
	mutex_unlock(&trace_mutex);
	return 0;
}
early_initcall(trace_scratch_init);
