// SPDX-License-Identifier: GPL-2.0
/*
 * trace-events-sample.c - a module whose events use every TRACE_EVENT form
 * and field kind (see trace-events-sample.h), and a thread that fires them
 * ten times a second.
 *
 *	modprobe trace-events-sample
 *	echo 1 > /sys/kernel/tracing/events/sample-trace/enable
 *	cat /sys/kernel/tracing/trace
 *
 * foo_bar_with_fn is a TRACE_EVENT_FN: its registration callbacks count
 * the probes on it, and the thread fires it only while there are some.
 *
 * Locking: the thread owns its counters; fn_users is atomic.
 */

#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/module.h>

#define CREATE_TRACE_POINTS
#include "trace-events-sample.h"

static struct task_struct *sample_thread;
static atomic_t fn_users = ATOMIC_INIT(0);

/**
 * sample_fn_reg() - foo_bar_with_fn gained a probe
 *
 * Context: process context, under the tracepoint's registration lock.
 * Return: 0.
 */
int sample_fn_reg(void)
{
	atomic_inc(&fn_users);
	return 0;
}

/**
 * sample_fn_unreg() - foo_bar_with_fn lost a probe
 *
 * Context: process context, under the tracepoint's registration lock.
 */
void sample_fn_unreg(void)
{
	atomic_dec(&fn_users);
}

static __printf(3, 4)
void sample_vstring(const unsigned long *bits, unsigned int nbits,
		    const char *fmt, ...)
{
	struct va_format vaf = { .fmt = fmt };
	va_list va;

	va_start(va, fmt);
	vaf.va = &va;
	trace_foo_vstring(bits, nbits, &vaf);
	va_end(va);
}

static enum sample_phase sample_phase_of(unsigned int seq)
{
	static const enum sample_phase cycle[] = {
		SAMPLE_PHASE_WARM, SAMPLE_PHASE_RUN, SAMPLE_PHASE_RUN,
		SAMPLE_PHASE_COOL,
	};

	return cycle[seq % ARRAY_SIZE(cycle)];
}

static void sample_fire(unsigned int seq)
{
	static const char *const names[] = { "alpha", "beta", "gamma" };
	const char *name = names[seq % ARRAY_SIZE(names)];
	int vals[3] = { seq, -(int)seq, seq * 2 };
	u16 ids[2] = { seq & 0xffff, (seq + 1) & 0xffff };
	unsigned long bits = seq & 0xff;
	struct sample_pair pair = { .lo = seq, .hi = seq >> 16 };
	struct sample_packed packed = { .tag = seq & 0x7f, .val = seq * 1000ULL };
	u8 bytes[4] = { 0xde, 0xad, seq & 0xff, 0xef };

	trace_foo_bar(seq, name, vals, 1 + seq % ARRAY_SIZE(vals),
		      sample_phase_of(seq), cpu_online_mask);
	trace_foo_bar_with_cond(seq, &pair);
	if (atomic_read(&fn_users))
		trace_foo_bar_with_fn(name, strlen(name), bytes);
	trace_foo_rel_loc(name, ids, ARRAY_SIZE(ids), &bits, 8,
			  cpu_possible_mask);
	sample_vstring(&bits, 8, "seq %u of %s", seq, name);
	trace_foo_packed(&packed, seq % 2 ? -1 : 1);
	trace_foo_tick(seq, jiffies);
	trace_foo_tock(seq, jiffies);
	trace_foo_cond_tick(seq, jiffies);
}

static int sample_thread_fn(void *unused)
{
	unsigned int seq = 0;

	while (!kthread_should_stop()) {
		sample_fire(seq++);
		schedule_timeout_interruptible(HZ / 10);
	}
	return 0;
}

static int __init trace_event_sample_init(void)
{
	sample_thread = kthread_run(sample_thread_fn, NULL, "event-sample");
	return PTR_ERR_OR_ZERO(sample_thread);
}

static void __exit trace_event_sample_exit(void)
{
	kthread_stop(sample_thread);
}

module_init(trace_event_sample_init);
module_exit(trace_event_sample_exit);

MODULE_DESCRIPTION("Trace event sample: every TRACE_EVENT form and field kind");
MODULE_LICENSE("GPL");
