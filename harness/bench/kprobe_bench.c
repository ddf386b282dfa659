// SPDX-License-Identifier: GPL-2.0
/*
 * kprobe_bench.c - instructions per kprobe and kretprobe hit, for make
 * bench.
 *
 * Like ev_bench.c: run under QEMU -icount shift=0 and measure, cold and
 * steady (bench_common.h), a loop of calls to a noinline function of two
 * arguments:
 *	kprobe_off	no probe: the loop and the call alone
 *	kprobe_trap	a bare kprobe with an empty handler: the trap and
 *			kprobes' dispatch, code that neither side owns
 *	kprobe_hit	a kprobe event recording both register arguments
 *	kretprobe_hit	a kretprobe event recording $retval
 * The events are made with the in-kernel API that mainline and ours both
 * export, enabled in the top-level instance, and left for the kprobe
 * optimizer to settle before the count.  The module refuses to stay
 * loaded (-EAGAIN).  "row=NAME" runs that row alone (harness/prof.sh).
 */

#include <linux/delay.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/trace_events.h>

#include "bench_common.h"

static unsigned long sink;

static char *row;
module_param(row, charp, 0);
MODULE_PARM_DESC(row, "run this row only (default: all)");

static bool wanted(const char *name)
{
	return !row || !strcmp(row, name);
}

noinline unsigned long kprobe_bench_target(unsigned long a, unsigned long b)
{
	sink += a;
	return a ^ b;
}

static unsigned long calls(void *arg, unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		kprobe_bench_target(i, i * 3);
	return n;
}

static void run(const char *name)
{
	bench_case(name, calls, NULL, bench_reset_trace);
}

static int empty_handler(struct kprobe *p, struct pt_regs *regs)
{
	return 0;
}

static void bench_trap(void)
{
	struct kprobe kp = {
		.symbol_name	= "kprobe_bench_target",
		.pre_handler	= empty_handler,
	};

	if (!wanted("kprobe_trap") || register_kprobe(&kp))
		return;
	msleep(200);	/* let the optimizer settle */
	bench_pin();
	run("kprobe_trap");
	bench_unpin();
	unregister_kprobe(&kp);
}

static int make_event(char *buf, bool ret, const char *name)
{
	struct dynevent_cmd cmd;
	int err;

	kprobe_event_cmd_init(&cmd, buf, MAX_DYNEVENT_CMD_LEN);
	if (ret)
		err = kretprobe_event_gen_cmd_start(&cmd, name,
						    "kprobe_bench_target",
						    "$retval");
	else
		err = kprobe_event_gen_cmd_start(&cmd, name,
						 "kprobe_bench_target",
						 "a=%di", "b=%si");
	return err ?: kprobe_event_gen_cmd_end(&cmd);
}

static void bench_event(char *buf, bool ret, const char *name,
			const char *row_name)
{
	struct trace_event_file *file;

	if (!wanted(row_name) || make_event(buf, ret, name))
		return;
	file = trace_get_event_file(NULL, "kprobes", name);
	if (!IS_ERR(file)) {
		if (!trace_array_set_clr_event(file->tr, "kprobes", name, true)) {
			msleep(200);	/* let the optimizer settle */
			bench_pin();
			run(row_name);
			bench_unpin();
			trace_array_set_clr_event(file->tr, "kprobes", name,
						  false);
		}
		trace_put_event_file(file);
	}
	kprobe_event_delete(name);
}

static int __init kprobe_bench_init(void)
{
	char *buf = kzalloc(MAX_DYNEVENT_CMD_LEN, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (wanted("kprobe_off")) {
		bench_pin();
		run("kprobe_off");
		bench_unpin();
	}
	bench_trap();
	bench_event(buf, false, "bench_kprobe", "kprobe_hit");
	bench_event(buf, true, "bench_kretprobe", "kretprobe_hit");
	kfree(buf);
	return -EAGAIN;
}
module_init(kprobe_bench_init);

MODULE_DESCRIPTION("kprobe event instruction-count benchmark");
MODULE_LICENSE("GPL");
