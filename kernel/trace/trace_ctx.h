/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_ctx.h - the context word of a record (struct trace_entry's flags
 * and preempt_count), computed inline in the common case.
 *
 * tracing_gen_ctx_irq_test() (trace_output.c) builds the word from the
 * preempt count, the reschedule flags and the migrate-disable depth, a
 * test for each.  Most events are recorded from a task with a shallow
 * preempt count and nothing pending, where the word is just the irq
 * state, the reschedule flags and the preempt depth: trace_ctx_irq_test()
 * checks that case (one compare of the preempt count, a test of the
 * migrate-disable depth), builds the word in line, and leaves the rest to
 * the full function.
 */
#ifndef _TRACE_CTX_H
#define _TRACE_CTX_H

#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/trace_events.h>

/**
 * trace_ctx_irq_test() - tracing_gen_ctx_irq_test(), inline when simple
 * @irqs_status: TRACE_FLAG_IRQS_OFF or TRACE_FLAG_IRQS_NOSUPPORT, or 0
 *
 * Context: any.
 * Return: what tracing_gen_ctx_irq_test(@irqs_status) returns.
 */
static __always_inline unsigned int trace_ctx_irq_test(unsigned int irqs_status)
{
	unsigned int pc = preempt_count();
	bool migrating_off = false;

#ifdef CONFIG_SMP
	migrating_off = current->migration_disabled;
#endif
	/*
	 * Below 16: no NMI, hardirq or softirq bits, and a preempt depth
	 * the word holds as it is.  A pending reschedule is common (a task
	 * that traces in a loop keeps it set until it yields): in line too.
	 */
	if (likely(pc < 0x10 && !migrating_off)) {
		if (unlikely(tif_need_resched()))
			irqs_status |= TRACE_FLAG_NEED_RESCHED;
		if (unlikely(test_preempt_need_resched()))
			irqs_status |= TRACE_FLAG_PREEMPT_RESCHED;
		return irqs_status << 16 | pc;
	}
	return tracing_gen_ctx_irq_test(irqs_status);
}

/**
 * trace_ctx_gen() - tracing_gen_ctx(), inline when simple
 *
 * Context: any.
 * Return: the context word of the caller's context.
 */
static __always_inline unsigned int trace_ctx_gen(void)
{
#ifdef CONFIG_TRACE_IRQFLAGS_SUPPORT
	unsigned long irqflags;

	local_save_flags(irqflags);
	return trace_ctx_irq_test(irqs_disabled_flags(irqflags) ?
				  TRACE_FLAG_IRQS_OFF : 0);
#else
	return trace_ctx_irq_test(TRACE_FLAG_IRQS_NOSUPPORT);
#endif
}

#endif /* _TRACE_CTX_H */
