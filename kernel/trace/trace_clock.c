// SPDX-License-Identifier: GPL-2.0
/*
 * trace_clock.c - the clocks a trace buffer can stamp records with.
 *
 * local:	sched_clock() of this CPU: fast, monotonic per CPU, not
 *		synchronised between CPUs.
 * global:	never goes backwards across CPUs; the latest value any CPU
 *		returned is kept in one word, updated with cmpxchg.
 * counter:	an atomic counter, strictly ordered, no time at all.
 * jiffies:	jiffies since boot.
 * trace_clock(): local_clock().
 */

#include <linux/atomic.h>
#include <linux/export.h>
#include <linux/jiffies.h>
#include <linux/sched/clock.h>
#include <linux/trace_clock.h>

/**
 * trace_clock_local - this CPU's sched_clock()
 *
 * Context: any.
 * Return: nanoseconds, monotonic on this CPU.
 */
u64 notrace trace_clock_local(void)
{
	u64 ts;

	preempt_disable_notrace();
	ts = sched_clock();
	preempt_enable_notrace();
	return ts;
}
EXPORT_SYMBOL_GPL(trace_clock_local);

/**
 * trace_clock - local_clock()
 *
 * Context: any.
 * Return: nanoseconds, roughly synchronised between CPUs.
 */
u64 notrace trace_clock(void)
{
	return local_clock();
}
EXPORT_SYMBOL_GPL(trace_clock);

/**
 * trace_clock_jiffies - jiffies since boot
 *
 * Context: any.
 * Return: jiffies, from 0 at boot.
 */
u64 notrace trace_clock_jiffies(void)
{
	return jiffies_64_to_clock_t(jiffies_64 - INITIAL_JIFFIES);
}
EXPORT_SYMBOL_GPL(trace_clock_jiffies);

static atomic64_t trace_clock_global_last;

/**
 * trace_clock_global - a clock that never goes backwards across CPUs
 *
 * Context: any.
 * Return: nanoseconds, at least the last value any CPU got.
 */
u64 notrace trace_clock_global(void)
{
	s64 last = atomic64_read(&trace_clock_global_last);
	s64 now = local_clock();

	do {
		if (now <= last)
			return last;
	} while (!atomic64_try_cmpxchg(&trace_clock_global_last, &last, now));
	return now;
}
EXPORT_SYMBOL_GPL(trace_clock_global);

static atomic64_t trace_counter;

/**
 * trace_clock_counter - an event counter used as a clock
 *
 * Context: any.
 * Return: the next value of a global counter.
 */
u64 notrace trace_clock_counter(void)
{
	return atomic64_inc_return(&trace_counter);
}
EXPORT_SYMBOL_GPL(trace_clock_counter);
