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
 * in a per-CPU scratch page (trace_scratch.h), runs the filter on it at
 * commit, and copies it into the ring buffer only if it passes, so a
 * rejected event costs no ring buffer space.  So is the record of a
 * soft-disabled event whose triggers read it (trace_trigger.c): they run
 * on the scratch copy, and the record never reaches the ring buffer; an
 * event that is on is reserved as usual and its triggers read it there.
 * There is a page per nesting level; past the last, or for a record
 * larger than a page, or before the pages exist, the record is reserved
 * in the ring buffer as usual and discarded (left as padding, which
 * readers skip) if it fails.  So is the record of a filter that has been
 * passing its records lately (event_filter.rejects, a two-bit counter the
 * probes keep): that saves the copy, and the rare failure costs padding.
 *
 * Task names: a committed event marks its CPU; the next context switch
 * there saves the names of the tasks involved (trace_cmdlines.c), so the
 * trace can show "comm-pid".  The sched_switch probe that does this is
 * registered while any event is enabled.
 *
 * Locking: the probes take no lock.  cmdline_users is under trace_mutex.
 * Scratch levels follow the nesting rule of trace_scratch.h.
 */

#include <linux/sched.h>
#include <linux/mm_types.h>
#include <trace/events/sched.h>

#include "trace_array.h"
#include "trace_ctx.h"
#include "trace_event_types.h"
#include "trace_filter.h"
#include "trace_scratch.h"
#include "trace_trigger.h"

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

/* Skip the frames of the commit path: event_stack() and its caller. */
#define EVENT_STACK_SKIP	2

/* The stacktrace option: a kernel stack after each event. */
static noinline void event_stack(struct trace_event_file *file)
{
	trace_stack_record(file->tr, tracing_gen_ctx_dec(), EVENT_STACK_SKIP);
}

/*
 * A record was committed: the next context switch saves the task names,
 * and the stacktrace option adds the stack.
 */
static __always_inline void taskinfo_mark(struct trace_event_file *file)
{
	unsigned long flags = READ_ONCE(file->tr->flags);

	if (flags & TRACE_ITER_RECORD_CMD)
		__this_cpu_write(taskinfo_pending, true);
	if (unlikely(flags & TRACE_ITER_STACKTRACE))
		event_stack(file);
}

/*
 * tracing_gen_ctx_dec(), always inline (the compiler outlines that one
 * when it is used twice): the record's context word, not counting the
 * tracepoint's own preempt_disable().
 */
static __always_inline unsigned int event_trace_ctx(void)
{
	unsigned int ctx = trace_ctx_gen();

	return IS_ENABLED(CONFIG_PREEMPTION) ? ctx - 1 : ctx;
}

/* Learn from a record's fate whether the next will pass (see above). */
static __always_inline void filter_learn(struct event_filter *f, bool pass)
{
	u8 r = READ_ONCE(f->rejects);

	if (pass && r)
		WRITE_ONCE(f->rejects, r - 1);
	else if (!pass && r < FILTER_REJECTS_MAX)
		WRITE_ONCE(f->rejects, r + 1);
}

/* Run @file's filter, if any, on a complete record, and learn from it. */
static __always_inline bool event_filter_pass(struct trace_event_file *file,
					      void *rec)
{
	struct event_filter *f = rcu_dereference_sched(file->filter);
	bool pass = !f || !f->prog || trace_filter_match(f->prog, rec);

	if (f)
		filter_learn(f, pass);
	return pass;
}

/* Commit a ring buffer record if it passes its event's filter, else drop it. */
static __always_inline void commit_if_passes(struct trace_event_buffer *fbuffer,
					     struct trace_event_file *file)
{
	if (event_filter_pass(file, fbuffer->entry)) {
		ring_buffer_unlock_commit(fbuffer->buffer);
		taskinfo_mark(file);
	} else {
		ring_buffer_discard_commit(fbuffer->buffer, fbuffer->event);
	}
}

/*
 * Copy a record from scratch into the ring buffer, after filling in its
 * context word (irq state, preempt count), which a filter that reads it
 * runs after; and give the scratch level back.
 */
static noinline void scratch_copy(struct trace_event_buffer *fbuffer,
				  struct event_filter *f,
				  const struct filter_prog *prog)
{
	struct trace_event_file *file = fbuffer->trace_file;
	struct trace_entry *ent = fbuffer->entry;
	bool pass = true;

	fbuffer->trace_ctx = event_trace_ctx();
	tracing_generic_entry_update(ent, ent->type, fbuffer->trace_ctx);
	if (prog && prog->needs_ctx)
		pass = trace_filter_match(prog, ent);
	if (pass &&
	    !ring_buffer_write(READ_ONCE(file->tr->array_buffer.buffer),
			       trace_scratch_len(), ent))
		taskinfo_mark(file);
	if (f)
		filter_learn(f, pass);
	trace_scratch_put();
}

/**
 * trace_event_fill_ctx() - fill in a scratch record's context word
 * @ent: the record, built in scratch by this probe
 *
 * The flags and preempt count that a record built in scratch gets only
 * when it is committed, for a trigger filter that reads them earlier.
 *
 * Context: a probe, preemption disabled.
 */
void trace_event_fill_ctx(struct trace_entry *ent)
{
	tracing_generic_entry_update(ent, ent->type, event_trace_ctx());
}

/*
 * The record of an event with triggers that read it, built in scratch
 * because the event is soft-disabled or likely filtered out: run the
 * triggers (the context word is filled in only if a trigger's filter
 * reads it), record the event if it is on and passes its filter, give
 * the scratch level back, then run the triggers that come after the
 * record.
 */
static noinline void scratch_trigger_commit(struct trace_event_buffer *fbuffer)
{
	struct trace_event_file *file = fbuffer->trace_file;
	struct trace_entry *ent = fbuffer->entry;
	enum event_trigger_type tt;

	tt = trace_triggers_run(file, ent, true);
	if (test_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags)) {
		trace_scratch_put();
		goto post;
	}
	fbuffer->trace_ctx = event_trace_ctx();
	tracing_generic_entry_update(ent, ent->type, fbuffer->trace_ctx);
	if (event_filter_pass(file, ent) &&
	    !ring_buffer_write(READ_ONCE(file->tr->array_buffer.buffer),
			       trace_scratch_len(), ent))
		taskinfo_mark(file);
	trace_scratch_put();
post:
	if (tt)
		event_triggers_post_call(file, tt);
}

/* Filter the record in the current scratch level; copy it if it passes. */
static noinline void scratch_commit(struct trace_event_buffer *fbuffer)
{
	struct event_filter *f;
	struct filter_prog *prog;

	f = rcu_dereference_sched(fbuffer->trace_file->filter);
	prog = f ? f->prog : NULL;
	if (prog && !prog->needs_ctx &&
	    !trace_filter_match(prog, fbuffer->entry)) {
		filter_learn(f, false);
		trace_scratch_put();
		return;
	}
	scratch_copy(fbuffer, f, prog);
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

/*
 * The event's triggers, none of which needs the record, then the tests
 * of __trace_trigger_soft_disabled(); out of line, so that the PID filter
 * and soft mode alone cost no stack frame there.
 */
static noinline bool triggers_then_soft_disabled(struct trace_event_file *file,
						 unsigned long eflags)
{
	event_triggers_call(file, NULL, NULL, NULL);
	if (eflags & EVENT_FILE_FL_SOFT_DISABLED)
		return true;
	if (eflags & EVENT_FILE_FL_PID_FILTER)
		return pid_ignored(file);
	return false;
}

/**
 * __trace_trigger_soft_disabled() - the slow half of
 *	trace_trigger_soft_disabled()
 * @file: the event file, with a trigger, soft-mode or PID flag set, and
 *	no trigger that needs the record (EVENT_FILE_FL_TRIGGER_COND)
 *
 * Runs the event's triggers, which need no record, then says whether the
 * event is to be recorded.
 *
 * Context: a probe, preemption disabled.
 * Return: true when the event is not to be recorded.
 */
bool __trace_trigger_soft_disabled(struct trace_event_file *file)
{
	unsigned long eflags = file->flags;

	if (unlikely(eflags & EVENT_FILE_FL_TRIGGER_MODE))
		return triggers_then_soft_disabled(file, eflags);
	if (eflags & EVENT_FILE_FL_SOFT_DISABLED)
		return true;
	if (eflags & EVENT_FILE_FL_PID_FILTER)
		return pid_ignored(file);
	return false;
}
EXPORT_SYMBOL_GPL(__trace_trigger_soft_disabled);

/* reserve_filtered(): reserve in the ring buffer as usual. */
#define RESERVE_IN_RING		((void *)1)

/* A record in this CPU's next scratch level, or NULL. */
static __always_inline void *reserve_scratch(struct trace_event_buffer *fbuffer,
					     struct trace_event_file *trace_file,
					     unsigned long len)
{
	struct trace_entry *entry = trace_scratch_get(len);

	if (!entry)
		return NULL;
	fbuffer->trace_file = trace_file;
	fbuffer->event = NULL;		/* the record is in scratch */
	fbuffer->entry = entry;
	/* Flags and preempt count: at the commit, or when a filter reads them. */
	entry->type = trace_file->event_call->event.type;
	entry->pid = current->pid;
	return entry;
}

/*
 * The PID filter, and the scratch page of a filtered or soft-disabled
 * event, whose common fields get the type and pid now and the context
 * word at the commit (nothing reads fbuffer->regs on this path).
 */
static noinline void *reserve_filtered(struct trace_event_buffer *fbuffer,
				       struct trace_event_file *trace_file,
				       unsigned long len)
{
	unsigned long flags = trace_file->flags;
	struct event_filter *f;

	/* Not every caller went through trace_trigger_soft_disabled(). */
	if ((flags & EVENT_FILE_FL_PID_FILTER) && pid_ignored(trace_file))
		return NULL;
	/*
	 * A soft-disabled event gets here only when its triggers read the
	 * record (TRIGGER_COND; else the probe returned already): it is
	 * built in scratch, and never reaches the ring buffer.  An event
	 * that is on records as usual, triggers or not, unless its filter
	 * has been rejecting its records.
	 */
	if (!(flags & EVENT_FILE_FL_SOFT_DISABLED)) {
		if (!(flags & EVENT_FILE_FL_FILTERED))
			return RESERVE_IN_RING;
		f = rcu_dereference_sched(trace_file->filter);
		if (f && READ_ONCE(f->rejects) < FILTER_REJECTS_SCRATCH)
			return RESERVE_IN_RING;		/* likely to pass */
	}
	return reserve_scratch(fbuffer, trace_file, len) ?: RESERVE_IN_RING;
}

/*
 * The ring buffer refused the record (tracing is off, or a full buffer
 * in producer/consumer mode): triggers that read it still get it, built
 * in scratch.
 */
static noinline void *reserve_refused(struct trace_event_buffer *fbuffer,
				      struct trace_event_file *trace_file,
				      unsigned long len)
{
	if (!(trace_file->flags & EVENT_FILE_FL_TRIGGER_COND))
		return NULL;
	return reserve_scratch(fbuffer, trace_file, len);
}

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
 * event's record may be in scratch memory until the commit, which fills
 * in its flags and preempt count.
 */
void *trace_event_buffer_reserve(struct trace_event_buffer *fbuffer,
				 struct trace_event_file *trace_file,
				 unsigned long len)
{
	struct ring_buffer_event *event;
	void *entry;

	if (unlikely(trace_file->flags & (EVENT_FILE_FL_PID_FILTER |
					  EVENT_FILE_FL_FILTERED |
					  EVENT_FILE_FL_SOFT_DISABLED))) {
		entry = reserve_filtered(fbuffer, trace_file, len);
		if (entry != RESERVE_IN_RING)
			return entry;
	}
	fbuffer->trace_ctx = event_trace_ctx();
	fbuffer->buffer = READ_ONCE(trace_file->tr->array_buffer.buffer);
	event = ring_buffer_lock_reserve(fbuffer->buffer, len);
	if (unlikely(!event))
		return reserve_refused(fbuffer, trace_file, len);
	entry = __ring_buffer_event_data(event);
	fbuffer->trace_file = trace_file;
	fbuffer->regs = NULL;
	fbuffer->event = event;
	fbuffer->entry = entry;
	tracing_generic_entry_update(entry, trace_file->event_call->event.type,
				     fbuffer->trace_ctx);
	return entry;
}
EXPORT_SYMBOL_GPL(trace_event_buffer_reserve);

/*
 * A record reserved in the ring buffer while its event had triggers that
 * read it: run them on it, commit it if the event is on and passes its
 * filter (else discard it), then run the triggers that come after it.
 */
static noinline void commit_triggered(struct trace_event_buffer *fbuffer)
{
	struct trace_event_file *file = fbuffer->trace_file;
	enum event_trigger_type tt;

	tt = trace_triggers_run(file, fbuffer->entry, false);
	if (test_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags))
		ring_buffer_discard_commit(fbuffer->buffer, fbuffer->event);
	else
		commit_if_passes(fbuffer, file);
	if (tt)
		event_triggers_post_call(file, tt);
}

/*
 * A record reserved in the ring buffer while its event had a filter (one
 * likely to pass, or the fallback of trace_scratch_get()): commit it if
 * it passes, else discard it.
 */
static noinline void commit_filtered(struct trace_event_buffer *fbuffer)
{
	commit_if_passes(fbuffer, fbuffer->trace_file);
}

/**
 * trace_event_buffer_discard() - give back a reserved record unrecorded
 * @fbuffer: the reservation from trace_event_buffer_reserve()
 *
 * No trigger runs and nothing is recorded.
 *
 * Context: as trace_event_buffer_commit().
 */
void trace_event_buffer_discard(struct trace_event_buffer *fbuffer)
{
	if (fbuffer->event)
		ring_buffer_discard_commit(fbuffer->buffer, fbuffer->event);
	else
		trace_scratch_put();
}

/**
 * trace_event_buffer_commit() - commit a filled record
 * @fbuffer: the reservation from trace_event_buffer_reserve()
 *
 * Context: a probe, preemption disabled.
 */
void trace_event_buffer_commit(struct trace_event_buffer *fbuffer)
{
	struct trace_event_file *file = fbuffer->trace_file;
	unsigned long flags = file->flags;

	if (unlikely(!fbuffer->event)) {
		if (flags & (EVENT_FILE_FL_TRIGGER_COND |
			     EVENT_FILE_FL_SOFT_DISABLED))
			scratch_trigger_commit(fbuffer);
		else
			scratch_commit(fbuffer);
		return;
	}
	if (unlikely(flags & (EVENT_FILE_FL_FILTERED |
			      EVENT_FILE_FL_TRIGGER_COND))) {
		if (flags & EVENT_FILE_FL_TRIGGER_COND)
			commit_triggered(fbuffer);
		else
			commit_filtered(fbuffer);
		return;
	}
	ring_buffer_unlock_commit(fbuffer->buffer);
	taskinfo_mark(file);
}
EXPORT_SYMBOL_GPL(trace_event_buffer_commit);
