// SPDX-License-Identifier: GPL-2.0
/*
 * trace_stack.c - kernel stack records ("kernel_stack"): written by the
 * stacktrace trigger, by the stacktrace option after each event, and by
 * trace_dump_stack().  How they print is in trace_core_events.c.
 *
 * The stack is saved into a scratch page first (trace_scratch.h), so that
 * the record reserved in the ring buffer has exactly its depth; without a
 * free scratch level, a shorter stack is saved on the kernel stack.
 *
 * Locking: none; callable from any context, NMI included.
 */

#include <linux/stacktrace.h>

#include "trace_array.h"
#include "trace_entries.h"
#include "trace_output.h"
#include "trace_scratch.h"
#include "trace_trigger.h"

/* Deepest stack recorded: the record stays well inside a page. */
#define TRACE_STACK_MAX		64
/* Depth saved when no scratch level is free. */
#define TRACE_STACK_SHORT	16

static_assert(TRACE_STACK_MAX * sizeof(unsigned long) <= PAGE_SIZE);

/**
 * trace_stack_record() - record the current kernel stack
 * @tr: the instance whose buffer gets it
 * @trace_ctx: the record's context word (tracing_gen_ctx())
 * @skip: frames of the caller's own to leave out
 *
 * Context: any.
 */
void trace_stack_record(struct trace_array *tr, unsigned int trace_ctx,
			int skip)
{
	unsigned long short_stack[TRACE_STACK_SHORT], *calls;
	struct ring_buffer_event *ev;
	struct trace_buffer *buffer;
	struct stack_entry *e;
	unsigned int n;

	preempt_disable_notrace();
	calls = trace_scratch_get(TRACE_STACK_MAX * sizeof(*calls));
	if (calls)
		n = stack_trace_save(calls, TRACE_STACK_MAX, skip + 1);
	else
		n = stack_trace_save(short_stack, TRACE_STACK_SHORT, skip + 1);
	buffer = READ_ONCE(tr->array_buffer.buffer);
	ev = trace_core_reserve(buffer, TRACE_STACK, struct_size(e, caller, n),
				trace_ctx);
	if (ev) {
		e = ring_buffer_event_data(ev);
		e->size = n;
		memcpy(e->caller, calls ?: short_stack, n * sizeof(*calls));
		ring_buffer_unlock_commit(buffer);
	}
	if (calls)
		trace_scratch_put();
	preempt_enable_notrace();
}

/**
 * trace_dump_stack() - record the current kernel stack in the trace
 * @skip: frames to leave out
 *
 * Recorded as a kernel_stack record in the instance trace_printk()
 * writes to.
 *
 * Context: any.
 */
void trace_dump_stack(int skip)
{
	struct trace_array *tr;

	/* The destination instance goes only after a grace period. */
	preempt_disable_notrace();
	tr = READ_ONCE(trace_printk_tr);
	if (tr->array_buffer.buffer)
		trace_stack_record(tr, tracing_gen_ctx_dec(), skip + 1);
	preempt_enable_notrace();
}
EXPORT_SYMBOL_GPL(trace_dump_stack);
