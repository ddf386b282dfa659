// SPDX-License-Identifier: GPL-2.0
/*
 * trace_event_buffer.c - the path of an enabled event: reserve, fill (in
 * the probe), commit.
 *
 * The probes of include/trace/stages/probe.h call these with preemption
 * disabled by the tracepoint.  The fast path is a few loads and the ring
 * buffer's own reserve and commit; the PID filter and soft mode cost a
 * test of the file's flags when unused.
 *
 * Filtered events: an event file with a filter in force builds its record
 * in a per-CPU scratch page, runs the filter on it at commit, and copies
 * it into the ring buffer only if it passes, so a rejected event costs no
 * ring buffer space.  There is a page per nesting level (an event in an
 * interrupt of an event ...); past FILTER_SCRATCH_LEVELS, or for a record
 * larger than a page, or before the pages exist, the record is reserved
 * in the ring buffer as usual and discarded if it fails.
 *
 * Task names: a committed event marks its CPU; the next context switch
 * there saves the names of the tasks involved (trace_cmdlines.c), so the
 * trace can show "comm-pid".  The sched_switch probe that does this is
 * registered while any event is enabled.
 *
 * Locking: the probes take no lock.  cmdline_users is under trace_mutex,
 * and so is the allocation of the scratch pages, which once made are kept.
 * A scratch level is taken by raising its CPU's depth before writing the
 * page, and given back after the copy: an interrupt that takes a level in
 * between gives it back before returning.
 */

#include <linux/sched.h>
#include <linux/mm_types.h>
#include <trace/events/sched.h>

#include "trace_array.h"
#include "trace_event_types.h"
#include "trace_filter.h"

#define FILTER_SCRATCH_LEVELS	4

struct filter_scratch {
	unsigned int	depth;
	unsigned int	len[FILTER_SCRATCH_LEVELS];
	void		*page[FILTER_SCRATCH_LEVELS];
};

static DEFINE_PER_CPU(struct filter_scratch, filter_scratch);

static DEFINE_PER_CPU(bool, taskinfo_pending);
static unsigned int cmdline_users;

static void cmdline_sched_switch(void *data, bool preempt,
				 struct task_struct *prev,
				 struct task_struct *next,
				 unsigned int prev_state)
{
	if (!__this_cpu_read(taskinfo_pending))
		return;
	__this_cpu_write(taskinfo_pending, false);
	trace_save_cmdline(prev);
	trace_save_cmdline(next);
}

/**
 * trace_event_cmdline_record() - count an enabled event for task names
 * @start: an event was enabled (true) or disabled (false)
 *
 * Context: process context, trace_mutex held.
 */
void trace_event_cmdline_record(bool start)
{
	lockdep_assert_held(&trace_mutex);
	if (start) {
		if (!cmdline_users++)
			register_trace_sched_switch(cmdline_sched_switch, NULL);
	} else if (!WARN_ON_ONCE(!cmdline_users) && !--cmdline_users) {
		unregister_trace_sched_switch(cmdline_sched_switch, NULL);
	}
}

/**
 * trace_event_scratch_alloc() - make the scratch pages of filtered events
 *
 * Called when a filter is installed; the pages are kept from then on.  A
 * page that cannot be allocated leaves its level to the fallback.
 *
 * Context: process context, trace_mutex held.
 */
void trace_event_scratch_alloc(void)
{
	static bool done;
	int cpu, i;

	lockdep_assert_held(&trace_mutex);
	if (done)
		return;
	done = true;
	for_each_possible_cpu(cpu) {
		struct filter_scratch *sc = per_cpu_ptr(&filter_scratch, cpu);

		for (i = 0; i < FILTER_SCRATCH_LEVELS; i++) {
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

/* Take this CPU's next scratch level for a @len-byte record, or NULL. */
static void *scratch_get(unsigned long len)
{
	struct filter_scratch *sc = this_cpu_ptr(&filter_scratch);
	unsigned int d = sc->depth;
	void *page;

	if (d >= FILTER_SCRATCH_LEVELS || len > PAGE_SIZE)
		return NULL;
	page = READ_ONCE(sc->page[d]);
	if (!page)
		return NULL;
	sc->len[d] = len;
	sc->depth = d + 1;
	barrier();	/* the level is ours before we write the page */
	return page;
}

/* Filter the record in the current scratch level; copy it if it passes. */
static noinline void scratch_commit(struct trace_event_buffer *fbuffer)
{
	struct filter_scratch *sc = this_cpu_ptr(&filter_scratch);
	unsigned int d = sc->depth - 1;

	if (trace_event_filter_pass(fbuffer->trace_file, fbuffer->entry) &&
	    !ring_buffer_write(fbuffer->buffer, sc->len[d], fbuffer->entry) &&
	    (READ_ONCE(fbuffer->trace_file->tr->flags) & TRACE_ITER_RECORD_CMD))
		__this_cpu_write(taskinfo_pending, true);
	barrier();	/* done with the page before giving the level back */
	sc->depth = d;
}

/* The PID filter's verdict for this CPU's task (trace_event_pid.c). */
static __always_inline bool pid_ignored(struct trace_event_file *file)
{
	return this_cpu_read(*file->tr->pid_ignore);
}

/**
 * trace_event_ignore_this_pid() - whether the PID filter drops this task
 * @trace_file: the event file
 *
 * Context: a probe, preemption disabled.
 * Return: true to drop the event.
 */
bool trace_event_ignore_this_pid(struct trace_event_file *trace_file)
{
	return pid_ignored(trace_file);
}
EXPORT_SYMBOL_GPL(trace_event_ignore_this_pid);

/**
 * __trace_trigger_soft_disabled() - the slow half of
 *	trace_trigger_soft_disabled()
 * @file: the event file, with a trigger, soft-mode or PID flag set
 *
 * Context: a probe, preemption disabled.
 * Return: true when the event is not to be recorded.
 */
bool __trace_trigger_soft_disabled(struct trace_event_file *file)
{
	unsigned long eflags = file->flags;

	if (eflags & EVENT_FILE_FL_SOFT_DISABLED)
		return true;
	if (eflags & EVENT_FILE_FL_PID_FILTER)
		return pid_ignored(file);
	return false;
}
EXPORT_SYMBOL_GPL(__trace_trigger_soft_disabled);

/**
 * trace_event_buffer_reserve() - reserve an event's record
 * @fbuffer: the reservation, filled here
 * @trace_file: the event file
 * @len: the record's length, common fields included
 *
 * The common fields are filled: type, flags and preempt count of the
 * context the tracepoint was hit in, and the pid.
 *
 * Context: a probe, preemption disabled.
 * Return: the record, or NULL (filtered by PID, or no room).  A filtered
 * event's record may be in scratch memory until the commit.
 */
void *trace_event_buffer_reserve(struct trace_event_buffer *fbuffer,
				 struct trace_event_file *trace_file,
				 unsigned long len)
{
	unsigned long flags = trace_file->flags;
	void *entry = NULL;

	if (unlikely(flags & (EVENT_FILE_FL_PID_FILTER |
			      EVENT_FILE_FL_FILTERED))) {
		/* Not every caller went through trace_trigger_soft_disabled(). */
		if ((flags & EVENT_FILE_FL_PID_FILTER) && pid_ignored(trace_file))
			return NULL;
		if (flags & EVENT_FILE_FL_FILTERED)
			entry = scratch_get(len);
	}

	/* Not counting the tracepoint's own preempt_disable(). */
	fbuffer->trace_ctx = tracing_gen_ctx_dec();
	fbuffer->trace_file = trace_file;
	fbuffer->buffer = READ_ONCE(trace_file->tr->array_buffer.buffer);
	fbuffer->regs = NULL;
	if (unlikely(entry)) {
		fbuffer->event = NULL;	/* the record is in scratch */
	} else {
		fbuffer->event = ring_buffer_lock_reserve(fbuffer->buffer, len);
		if (unlikely(!fbuffer->event))
			return NULL;
		entry = ring_buffer_event_data(fbuffer->event);
	}
	fbuffer->entry = entry;
	tracing_generic_entry_update(fbuffer->entry,
				     trace_file->event_call->event.type,
				     fbuffer->trace_ctx);
	return fbuffer->entry;
}
EXPORT_SYMBOL_GPL(trace_event_buffer_reserve);

/**
 * trace_event_buffer_commit() - commit a filled record
 * @fbuffer: the reservation from trace_event_buffer_reserve()
 *
 * Context: a probe, preemption disabled.
 */
void trace_event_buffer_commit(struct trace_event_buffer *fbuffer)
{
	struct trace_event_file *file = fbuffer->trace_file;

	if (unlikely(!fbuffer->event)) {
		scratch_commit(fbuffer);
		return;
	}
	if (unlikely(file->flags & EVENT_FILE_FL_FILTERED) &&
	    !trace_event_filter_pass(file, fbuffer->entry)) {
		ring_buffer_discard_commit(fbuffer->buffer, fbuffer->event);
		return;
	}
	ring_buffer_unlock_commit(fbuffer->buffer);
	if (READ_ONCE(file->tr->flags) & TRACE_ITER_RECORD_CMD)
		__this_cpu_write(taskinfo_pending, true);
}
EXPORT_SYMBOL_GPL(trace_event_buffer_commit);
