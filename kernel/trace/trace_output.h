/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_output.h - turning records into text: the event-type registry,
 * the line context, the header block and the merged reader.
 *
 * Locking: trace_event_sem (read) is held around every use of a
 * struct trace_event found by ftrace_find_event(); registration takes it
 * for writing.  A struct trace_iterator belongs to one reader, which
 * holds its mutex where it can be shared (trace_pipe).
 */
#ifndef _TRACE_OUTPUT_H
#define _TRACE_OUTPUT_H

#include <linux/rwsem.h>
#include <linux/seq_file.h>
#include <linux/trace_events.h>

#include "trace_array.h"

/*
 * Record types of the trace core's own records; the event layer's
 * types are given out above TRACE_CORE_LAST_TYPE.
 */
enum trace_core_type {
	TRACE_STACK	= 4,
	TRACE_PRINT	= 5,
	TRACE_BPRINT	= 6,
	TRACE_BPUTS	= 14,
	TRACE_RAW_DATA	= 18,
	TRACE_CORE_LAST_TYPE = 31,
};

extern struct rw_semaphore trace_event_sem;

struct trace_event *ftrace_find_event(int type);

int trace_iter_init(struct trace_iterator *iter, struct trace_array *tr,
		    int cpu, bool snapshot, bool consume);
void trace_iter_fini(struct trace_iterator *iter);
struct trace_entry *trace_iter_next(struct trace_iterator *iter);
void trace_iter_consume(struct trace_iterator *iter);
void trace_iter_put(struct trace_iterator *iter);
bool trace_iter_empty(struct trace_iterator *iter);

enum print_line_t trace_print_line(struct trace_iterator *iter);
void trace_print_header(struct trace_iterator *iter, struct seq_file *m);
void trace_print_ts(struct trace_seq *s, u64 ts, bool in_ns);
void trace_print_irq_flags(struct trace_seq *s, const struct trace_entry *e);
void trace_print_sym(struct trace_seq *s, unsigned long ip,
		     unsigned long flags);
const char *trace_iter_fmt(struct trace_iterator *iter, const char *fmt);
void trace_entries_count(struct trace_buffer *buffer, int cpu,
			 unsigned long *entries, unsigned long *written);

/* trace_read.c */
int trace_open_buffer(struct inode *inode, struct file *filp, bool snapshot);
int trace_release_buffer(struct inode *inode, struct file *filp);
loff_t trace_read_llseek(struct file *filp, loff_t offset, int whence);

/* trace_snapshot.c */
void trace_snapshot_header(struct trace_iterator *iter, struct seq_file *m);

#endif /* _TRACE_OUTPUT_H */
