// SPDX-License-Identifier: GPL-2.0
/*
 * synth_bench.c - instructions per synthetic event traced from a module,
 * for make bench.
 *
 * Like ev_bench.c: run under QEMU -icount shift=0 and measure, cold and
 * steady (bench_common.h), synth_event_trace() of a
 * three-field synthetic event (two u64 and an int), enabled in the
 * top-level instance.  Every call here is the in-kernel API that mainline
 * and ours both export.  The module refuses to stay loaded (-EAGAIN).
 */

#include <linux/module.h>
#include <linux/trace_events.h>

#include "bench_common.h"

static struct synth_field_desc fields[] = {
	{ .type = "u64", .name = "a" },
	{ .type = "u64", .name = "b" },
	{ .type = "int", .name = "c" },
};

static unsigned long run(void *file, unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		synth_event_trace(file, 3, (u64)i, (u64)i * 3, (u64)i);
	return n;
}

static int __init synth_bench_init(void)
{
	struct trace_event_file *file;
	int ret;

	ret = synth_event_create("bench_synth", fields, ARRAY_SIZE(fields),
				 THIS_MODULE);
	if (ret)
		return ret;
	file = trace_get_event_file(NULL, "synthetic", "bench_synth");
	if (IS_ERR(file)) {
		ret = PTR_ERR(file);
		goto out;
	}
	ret = trace_array_set_clr_event(file->tr, "synthetic", "bench_synth",
					true);
	if (!ret) {
		bench_pin();
		bench_case("synth_trace", run, file, bench_reset_trace);
		bench_unpin();
		trace_array_set_clr_event(file->tr, "synthetic", "bench_synth",
					  false);
	}
	trace_put_event_file(file);
out:
	synth_event_delete("bench_synth");
	return ret ? ret : -EAGAIN;
}
module_init(synth_bench_init);

MODULE_DESCRIPTION("Synthetic event instruction-count benchmark");
MODULE_LICENSE("GPL");
