// SPDX-License-Identifier: GPL-2.0
/*
 * rb_bench.c - instructions per ring-buffer operation, for make bench.
 *
 * Built out of tree against our kernel and against mainline's, loaded in a
 * guest running under QEMU -icount shift=0, where the guest clock advances
 * one nanosecond per instruction: ktime_get_ns() deltas are instruction
 * counts.  Each case runs its loop once to warm up, then timed, and prints
 *   BENCH <case> <operations> <ns>
 * for harness/bench.sh to turn into a table.  The module then refuses to
 * stay loaded (-EAGAIN), so it can be loaded again.
 */

#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/ring_buffer.h>
#include <linux/smp.h>

#define RB_BENCH_EVENTS		20000
#define RB_BENCH_PAYLOAD	24
#define RB_BENCH_SIZE		(4UL << 20)	/* bytes per CPU: no wrap */

static u8 payload[RB_BENCH_PAYLOAD];

/* ring_buffer_lock_reserve(), fill 24 bytes, ring_buffer_unlock_commit() */
static unsigned long bench_reserve_commit(struct trace_buffer *buf)
{
	struct ring_buffer_event *ev;
	unsigned long i, n = 0;

	for (i = 0; i < RB_BENCH_EVENTS; i++) {
		ev = ring_buffer_lock_reserve(buf, RB_BENCH_PAYLOAD);
		if (!ev)
			continue;
		memcpy(ring_buffer_event_data(ev), payload, RB_BENCH_PAYLOAD);
		ring_buffer_unlock_commit(buf);
		n++;
	}
	return n;
}

/* ring_buffer_write() of 24 bytes */
static unsigned long bench_write(struct trace_buffer *buf)
{
	unsigned long i, n = 0;

	for (i = 0; i < RB_BENCH_EVENTS; i++)
		n += !ring_buffer_write(buf, RB_BENCH_PAYLOAD, payload);
	return n;
}

/* consuming reads of what the two cases above wrote on this CPU */
static unsigned long bench_consume(struct trace_buffer *buf)
{
	unsigned long lost, n = 0;
	u64 ts;

	while (ring_buffer_consume(buf, smp_processor_id(), &ts, &lost))
		n++;
	return n;
}

static const struct rb_bench_case {
	const char *name;
	unsigned long (*run)(struct trace_buffer *buf);
	bool reset_before;	/* start from an empty buffer */
} cases[] = {
	{ "reserve_commit",	bench_reserve_commit,	true },
	{ "write",		bench_write,		false },
	{ "consume",		bench_consume,		false },
};

static int __init rb_bench_init(void)
{
	struct trace_buffer *buf;
	unsigned long n;
	u64 t0, t1;
	int i, pass;

	buf = ring_buffer_alloc(RB_BENCH_SIZE, 0);
	if (!buf)
		return -ENOMEM;

	/* One CPU throughout, so every case sees the same per-CPU buffer. */
	migrate_disable();
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < ARRAY_SIZE(cases); i++) {
			if (cases[i].reset_before)
				ring_buffer_reset(buf);
			t0 = ktime_get_ns();
			n = cases[i].run(buf);
			t1 = ktime_get_ns();
			if (pass)	/* the first pass only warms up */
				pr_info("BENCH %s %lu %llu\n", cases[i].name, n,
					t1 - t0);
		}
	}
	migrate_enable();
	ring_buffer_free(buf);
	return -EAGAIN;
}
module_init(rb_bench_init);

MODULE_DESCRIPTION("Ring buffer instruction-count benchmark");
MODULE_LICENSE("GPL");
