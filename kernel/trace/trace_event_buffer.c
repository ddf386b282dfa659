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
 * Task names: a committed event marks its CPU; the next context switch
 * there saves the names of the tasks involved (trace_cmdlines.c), so the
 * trace can show "comm-pid".  The sched_switch probe that does this is
 * registered while any event is enabled.
 *
 * Locking: the probes take no lock.  cmdline_users is under trace_mutex.
 */

#include <linux/sched.h>
#include <linux/mm_types.h>
#include <trace/events/sched.h>

#include "trace_array.h"
#include "trace_event_types.h"

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
 * Return: the record, or NULL (filtered by PID, or no room).
 */
void *trace_event_buffer_reserve(struct trace_event_buffer *fbuffer,
				 struct trace_event_file *trace_file,
				 unsigned long len)
{
	/* Again: not every caller went through trace_trigger_soft_disabled(). */
	if (unlikely(trace_file->flags & EVENT_FILE_FL_PID_FILTER) &&
	    pid_ignored(trace_file))
		return NULL;

	/* Not counting the tracepoint's own preempt_disable(). */
	fbuffer->trace_ctx = tracing_gen_ctx_dec();
	fbuffer->trace_file = trace_file;
	fbuffer->buffer = READ_ONCE(trace_file->tr->array_buffer.buffer);
	fbuffer->event = ring_buffer_lock_reserve(fbuffer->buffer, len);
	if (unlikely(!fbuffer->event))
		return NULL;
	fbuffer->regs = NULL;
	fbuffer->entry = ring_buffer_event_data(fbuffer->event);
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

	ring_buffer_unlock_commit(fbuffer->buffer);
	if (READ_ONCE(file->tr->flags) & TRACE_ITER_RECORD_CMD)
		__this_cpu_write(taskinfo_pending, true);
}
EXPORT_SYMBOL_GPL(trace_event_buffer_commit);
