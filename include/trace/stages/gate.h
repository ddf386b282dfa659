/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stages/gate.h - whether an event's probe records it at all: soft mode,
 * triggers that need no record, and the PID filter (set_event_pid).
 *
 * trace_trigger_soft_disabled() (linux/trace_events.h) calls out of line
 * for any of the three.  The PID filter alone is common (a tracer that
 * follows one task), and the call costs the probe the saving and
 * restoring of its arguments: the probes test it here, in line.  For that
 * an event file carries its instance's per-CPU verdict of the PID filter,
 * which the instance's sched_switch probes keep (trace_event_pid.c): every
 * struct trace_event_file is allocated as a struct trace_event_file_gate
 * (trace_event_registry.c).
 */
#ifndef _TRACE_STAGES_GATE_H
#define _TRACE_STAGES_GATE_H

#include <linux/percpu.h>
#include <linux/trace_events.h>

/**
 * struct trace_event_file_gate - an event file, and what its probe reads
 * @file: the file
 * @pid_ignore: per CPU, whether the file's instance filters out the task
 *	running there: the instance's own (trace_array.pid_ignore), which
 *	is allocated before the instance's first file and freed only after
 *	its files are removed (trace_instance.c: the events part unpublishes
 *	before the PID part frees); read only while the file has
 *	EVENT_FILE_FL_PID_FILTER
 */
struct trace_event_file_gate {
	struct trace_event_file	file;
	bool __percpu		*pid_ignore;
};

#define TRACE_EVENT_GATE_FLAGS	(EVENT_FILE_FL_TRIGGER_MODE |		\
				 EVENT_FILE_FL_SOFT_DISABLED |		\
				 EVENT_FILE_FL_PID_FILTER)

/**
 * trace_event_gated() - trace_trigger_soft_disabled(), with the PID
 *	filter in line
 * @file: the event file a probe was called with
 *
 * Context: a probe, preemption disabled.
 * Return: true when the probe must not record the event.
 */
static __always_inline bool trace_event_gated(struct trace_event_file *file)
{
	unsigned long eflags = READ_ONCE(file->flags);

	if (likely(!(eflags & TRACE_EVENT_GATE_FLAGS)))
		return false;
	/*
	 * Tests of bits, not a compare of the masked flags: that needs a
	 * scratch register, and the compiler took an argument's, which
	 * then cost every probe a stack frame.
	 */
	if (!(eflags & (EVENT_FILE_FL_TRIGGER_MODE |
			EVENT_FILE_FL_SOFT_DISABLED)))	/* the PID filter */
		return this_cpu_read(*container_of(file,
						   struct trace_event_file_gate,
						   file)->pid_ignore);
	/* The rest of trace_trigger_soft_disabled(), flags tested once. */
	if (eflags & EVENT_FILE_FL_TRIGGER_COND)
		return false;
	return __trace_trigger_soft_disabled(file);
}

#endif /* _TRACE_STAGES_GATE_H */
