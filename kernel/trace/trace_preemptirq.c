// SPDX-License-Identifier: GPL-2.0
/*
 * trace_preemptirq.c - the irq on/off hooks behind CONFIG_TRACE_IRQFLAGS.
 *
 * local_irq_enable()/disable() and the entry code call these when
 * TRACE_IRQFLAGS is set (PROVE_LOCKING sets it).  They keep lockdep's view
 * of the hardirq state and fire the preemptirq:irq_disable and irq_enable
 * events, once per transition on each CPU.
 *
 * trace_hardirqs_on_prepare() and trace_hardirqs_off_finish() are the
 * event half alone: the entry code calls lockdep itself around them, in
 * the order RCU needs.  trace_hardirqs_on() and trace_hardirqs_off() do
 * both halves.
 *
 * Events are only fired while RCU watches this CPU; the idle and entry
 * paths that run without RCU lose their irq events rather than using RCU
 * unprotected.
 *
 * Locking: the per-CPU flag is only touched with hardirqs off on its own
 * CPU (these hooks run just before irqs are enabled or just after they are
 * disabled).  An NMI may still run the hooks between its read and write;
 * the worst outcome is one irq event reported twice or not at all, while
 * lockdep's own state is kept by lockdep.  Nothing here may be kprobed:
 * kprobe handlers run with irqs off and would recurse.
 */

#include <linux/ftrace.h>
#include <linux/irqflags.h>
#include <linux/kprobes.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>

#define CREATE_TRACE_POINTS
#include <trace/events/preemptirq.h>

/* Set between an emitted irq_disable and the matching irq_enable. */
static DEFINE_PER_CPU(int, irq_off_reported);

static __always_inline void report_irqs_off(unsigned long ip,
					    unsigned long parent_ip)
{
	if (this_cpu_read(irq_off_reported))
		return;
	this_cpu_write(irq_off_reported, 1);
	/* The static key first: this runs on every local_irq_disable(). */
	if (trace_irq_disable_enabled() && rcu_is_watching())
		trace_irq_disable(ip, parent_ip);
}

static __always_inline void report_irqs_on(unsigned long ip,
					   unsigned long parent_ip)
{
	if (!this_cpu_read(irq_off_reported))
		return;
	if (trace_irq_enable_enabled() && rcu_is_watching())
		trace_irq_enable(ip, parent_ip);
	this_cpu_write(irq_off_reported, 0);
}

/**
 * trace_hardirqs_on_prepare() - irqs are about to be enabled: event only
 *
 * Context: hardirqs off, about to be enabled by the caller.
 */
void trace_hardirqs_on_prepare(void)
{
	report_irqs_on(CALLER_ADDR0, CALLER_ADDR1);
}
EXPORT_SYMBOL(trace_hardirqs_on_prepare);
NOKPROBE_SYMBOL(trace_hardirqs_on_prepare);

/**
 * trace_hardirqs_on() - irqs are about to be enabled: event and lockdep
 *
 * Context: hardirqs off, about to be enabled by the caller.
 */
void trace_hardirqs_on(void)
{
	report_irqs_on(CALLER_ADDR0, CALLER_ADDR1);
	lockdep_hardirqs_on_prepare();
	lockdep_hardirqs_on(CALLER_ADDR0);
}
EXPORT_SYMBOL(trace_hardirqs_on);
NOKPROBE_SYMBOL(trace_hardirqs_on);

/**
 * trace_hardirqs_off_finish() - irqs have been disabled: event only
 *
 * Context: hardirqs off.
 */
void trace_hardirqs_off_finish(void)
{
	report_irqs_off(CALLER_ADDR0, CALLER_ADDR1);
}
EXPORT_SYMBOL(trace_hardirqs_off_finish);
NOKPROBE_SYMBOL(trace_hardirqs_off_finish);

/**
 * trace_hardirqs_off() - irqs have been disabled: lockdep and event
 *
 * Context: hardirqs off.
 */
void trace_hardirqs_off(void)
{
	lockdep_hardirqs_off(CALLER_ADDR0);
	report_irqs_off(CALLER_ADDR0, CALLER_ADDR1);
}
EXPORT_SYMBOL(trace_hardirqs_off);
NOKPROBE_SYMBOL(trace_hardirqs_off);
