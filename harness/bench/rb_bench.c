// SPDX-License-Identifier: GPL-2.0
/*
 * rb_bench.c - instructions per ring-buffer operation, for make bench.
 *
 * Built out of tree against our kernel and against mainline's, loaded in a
 * guest running under QEMU -icount shift=0, where the guest clock advances
 * one nanosecond per instruction: ktime_get_ns() deltas are instruction
 * counts.  Each case is measured cold and steady (bench_common.h), on a
 * buffer of its own in overwrite mode: reserve and commit, and
 * ring_buffer_write(), of 24 bytes, then write of 8, 64, 512 and 2,000
 * bytes (the record-size scaling), then the consuming read.  The module
 * then refuses to stay loaded (-EAGAIN), so it can be loaded again.
 */

#include <linux/module.h>
#include <linux/ring_buffer.h>
#include <linux/smp.h>

#include "bench_common.h"

#define RB_BENCH_PAYLOAD	24
#define RB_BENCH_MAX_PAYLOAD	2000
#define RB_BENCH_SIZE		(1UL << 20)	/* bytes per CPU */

static u8 payload[RB_BENCH_MAX_PAYLOAD];
static struct trace_buffer *buf;

static void reset(void *arg)
{
	ring_buffer_reset(buf);
}

/* ring_buffer_lock_reserve(), fill 24 bytes, ring_buffer_unlock_commit() */
static unsigned long bench_reserve_commit(void *arg, unsigned long want)
{
	struct ring_buffer_event *ev;
	unsigned long i, n = 0;

	for (i = 0; i < want; i++) {
		ev = ring_buffer_lock_reserve(buf, RB_BENCH_PAYLOAD);
		if (!ev)
			continue;
		memcpy(ring_buffer_event_data(ev), payload, RB_BENCH_PAYLOAD);
		ring_buffer_unlock_commit(buf);
		n++;
	}
	return n;
}

/* ring_buffer_write() of *@arg bytes */
static unsigned long bench_write(void *arg, unsigned long want)
{
	unsigned long len = *(unsigned long *)arg, i, n = 0;

	for (i = 0; i < want; i++)
		n += !ring_buffer_write(buf, len, payload);
	return n;
}

/* consuming reads of everything this CPU's buffer holds, up to @want */
static unsigned long bench_consume(void *arg, unsigned long want)
{
	unsigned long lost, n = 0;
	u64 ts;

	while (n < want &&
	       ring_buffer_consume(buf, smp_processor_id(), &ts, &lost))
		n++;
	return n;
}

static unsigned long sizes[] = { 24, 8, 64, 512, RB_BENCH_MAX_PAYLOAD };

/*
 * The consuming read, cold: what 20,000 writes left in an empty buffer;
 * steady: a full ring, wrapped, read out to the end, until 100,000 records
 * have been read.  Only the reads are timed.
 */
static void bench_consume_case(void)
{
	unsigned long n, total = 0, len = RB_BENCH_PAYLOAD;
	u64 ns, sum = 0;

	ring_buffer_reset(buf);
	bench_write(&len, BENCH_COLD);
	ns = bench_time(bench_consume, NULL, BENCH_COLD, &n);
	pr_info("BENCH_COLD consume %lu %llu\n", n, ns);
	while (total < BENCH_STEADY) {
		bench_write(&len, BENCH_WRAP);
		sum += bench_time(bench_consume, NULL, BENCH_STEADY - total,
				  &n);
		if (!n)
			break;
		total += n;
	}
	pr_info("BENCH consume %lu %llu\n", total, sum);
}

static int __init rb_bench_init(void)
{
	char name[32];
	int i;

	buf = ring_buffer_alloc(RB_BENCH_SIZE, RB_FL_OVERWRITE);
	if (!buf)
		return -ENOMEM;

	/* One CPU throughout, so every case sees the same per-CPU buffer. */
	bench_pin();
	bench_case("reserve_commit", bench_reserve_commit, NULL, reset);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		if (sizes[i] == RB_BENCH_PAYLOAD)
			strscpy(name, "write", sizeof(name));
		else
			snprintf(name, sizeof(name), "write_%lu", sizes[i]);
		bench_case(name, bench_write, &sizes[i], reset);
	}
	pr_info("BENCH_INFO rb overrun %lu\n",
		ring_buffer_overrun_cpu(buf, smp_processor_id()));
	bench_consume_case();
	bench_unpin();
	ring_buffer_free(buf);
	return -EAGAIN;
}
module_init(rb_bench_init);

MODULE_DESCRIPTION("Ring buffer instruction-count benchmark");
MODULE_LICENSE("GPL");
