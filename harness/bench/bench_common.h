/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bench_common.h - the measuring loop the bench modules share.
 *
 * Every case is measured twice (issue 19):
 *
 *   cold	from an empty buffer, BENCH_COLD events, which fit in it;
 *   steady	after BENCH_WRAP more events, untimed, which wrap the 1 MiB
 *		per-CPU buffers the harness sets up more than twice in
 *		overwrite mode: BENCH_STEADY events in a full ring, where
 *		every page crossing pushes the head and counts an overrun.
 *
 * Under QEMU -icount shift=0 the guest clock advances one nanosecond per
 * instruction, so the ktime_get_ns() deltas are instruction counts.  A
 * case prints
 *
 *	BENCH_COLD <case> <events> <ns>
 *	BENCH <case> <events> <ns>
 *
 * for harness/bench.sh.  A case whose events never reach the buffer
 * (disabled, filtered out, perf only) is measured the same way: its
 * steady figure is taken after the same untimed run.
 */
#ifndef _BENCH_COMMON_H
#define _BENCH_COMMON_H

#include <linux/cpumask.h>
#include <linux/fs.h>
#include <linux/ktime.h>
#include <linux/printk.h>
#include <linux/sched.h>

#define BENCH_COLD	20000UL
#define BENCH_WRAP	100000UL
#define BENCH_STEADY	100000UL

/* Runs @n events of a case, returns how many it made. */
typedef unsigned long (*bench_fn)(void *arg, unsigned long n);

/* Empties the top-level instance's buffers, as "echo > trace" does. */
static inline void bench_reset_trace(void *unused)
{
	struct file *f;

	f = filp_open("/sys/kernel/tracing/trace", O_WRONLY | O_TRUNC, 0);
	if (!IS_ERR(f))
		filp_close(f, NULL);
}

/*
 * Keep the bench on one CPU through its affinity, as a traced task
 * normally runs, rather than with migrate_disable(), whose depth every
 * record's context word would carry.
 */
static inline void bench_pin(void)
{
	set_cpus_allowed_ptr(current, cpumask_of(raw_smp_processor_id()));
}

static inline void bench_unpin(void)
{
	set_cpus_allowed_ptr(current, cpu_possible_mask);
}

static inline u64 bench_time(bench_fn run, void *arg, unsigned long want,
			     unsigned long *n)
{
	u64 t0 = ktime_get_ns();

	*n = run(arg, want);
	return ktime_get_ns() - t0;
}

/**
 * bench_case - measure one case, cold then steady
 * @name:  the case's name in the table
 * @run:   the loop
 * @arg:   its argument
 * @reset: empties the buffer the case writes to, before the cold part
 */
static inline void bench_case(const char *name, bench_fn run, void *arg,
			      void (*reset)(void *arg))
{
	unsigned long n;
	u64 ns;

	reset(arg);
	ns = bench_time(run, arg, BENCH_COLD, &n);
	pr_info("BENCH_COLD %s %lu %llu\n", name, n, ns);
	run(arg, BENCH_WRAP);
	ns = bench_time(run, arg, BENCH_STEADY, &n);
	pr_info("BENCH %s %lu %llu\n", name, n, ns);
}

#endif /* _BENCH_COMMON_H */
