/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_entries.h - the layout of the trace core's own records.
 *
 * These are ABI: events/ftrace/<name>/format describes them and tools
 * decode them from trace_pipe_raw.  Types are in trace_output.h.
 */
#ifndef _TRACE_ENTRIES_H
#define _TRACE_ENTRIES_H

#include <linux/trace_events.h>

/* A kernel stack, innermost call first: "kernel_stack" */
struct stack_entry {
	struct trace_entry	ent;
	int			size;
	unsigned long		caller[];
};

/* trace_marker and trace_printk() with a run-time format: "print" */
struct print_entry {
	struct trace_entry	ent;
	unsigned long		ip;
	char			buf[];
};

/* trace_printk() with a constant format, arguments binary: "bprint" */
struct bprint_entry {
	struct trace_entry	ent;
	unsigned long		ip;
	const char		*fmt;
	u32			buf[];
};

/* trace_puts() of a constant string: "bputs" */
struct bputs_entry {
	struct trace_entry	ent;
	unsigned long		ip;
	const char		*str;
};

/* trace_marker_raw: "raw_data" */
struct raw_data_entry {
	struct trace_entry	ent;
	unsigned int		id;
	char			buf[];
};

struct ring_buffer_event *trace_core_reserve(struct trace_buffer *buffer,
					     unsigned short type,
					     unsigned long len,
					     unsigned int trace_ctx);

#endif /* _TRACE_ENTRIES_H */
