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
 *	kretprobe_arg	a kretprobe event recording $arg1 (saved at the
 *			entry) and $retval
 *	kprobe_deref	a kprobe event on a function given a structure and
 *			a name, recording two fields read through the
 *			first argument and the name as a string
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

static struct {
	unsigned long	a;
	unsigned int	b;
} deref_obj = { 1, 2 };
static const char deref_name[] = "kprobe_bench";

noinline unsigned long kprobe_bench_deref(const void *obj, const char *name)
{
	sink += *(const unsigned long *)obj;
	return (unsigned long)name;
}

static unsigned long calls(void *arg, unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		kprobe_bench_target(i, i * 3);
	return n;
}

static unsigned long deref_calls(void *arg, unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		kprobe_bench_deref(&deref_obj, deref_name);
	return n;
}

static void run_loop(const char *name, bench_fn loop)
{
	bench_case(name, loop, NULL, bench_reset_trace);
}

static void run(const char *name)
{
	run_loop(name, calls);
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

/* A probe event row: where, what it records, and the loop that hits it. */
struct event_row {
	const char	*row;
	const char	*event;
	const char	*target;
	bool		is_return;
	const char	*args[4];	/* NULL-terminated */
	bench_fn	loop;
};

static const struct event_row event_rows[] = {
	{ "kprobe_hit", "bench_kprobe", "kprobe_bench_target", false,
	  { "a=%di", "b=%si" }, calls },
	{ "kretprobe_hit", "bench_kretprobe", "kprobe_bench_target", true,
	  { "$retval" }, calls },
	{ "kretprobe_arg", "bench_kretprobe_arg", "kprobe_bench_target", true,
	  { "a=$arg1", "$retval" }, calls },
	{ "kprobe_deref", "bench_kprobe_deref", "kprobe_bench_deref", false,
	  { "a=+0(%di):u64", "b=+8(%di):u32", "name=+0(%si):string" },
	  deref_calls },
};

static int make_event(char *buf, const struct event_row *r)
{
	struct dynevent_cmd cmd;
	int err, i;

	kprobe_event_cmd_init(&cmd, buf, MAX_DYNEVENT_CMD_LEN);
	err = __kprobe_event_gen_cmd_start(&cmd, r->is_return, r->event,
					   r->target, NULL);
	for (i = 0; !err && r->args[i]; i++)
		err = kprobe_event_add_fields(&cmd, r->args[i]);
	return err ?: kprobe_event_gen_cmd_end(&cmd);
}

static void bench_event(char *buf, const struct event_row *r)
{
	struct trace_event_file *file;

	if (!wanted(r->row) || make_event(buf, r))
		return;
	file = trace_get_event_file(NULL, "kprobes", r->event);
	if (!IS_ERR(file)) {
		if (!trace_array_set_clr_event(file->tr, "kprobes", r->event,
					       true)) {
			msleep(200);	/* let the optimizer settle */
			bench_pin();
			run_loop(r->row, r->loop);
			bench_unpin();
			trace_array_set_clr_event(file->tr, "kprobes",
						  r->event, false);
		}
		trace_put_event_file(file);
	}
	kprobe_event_delete(r->event);
}

static int __init kprobe_bench_init(void)
{
	char *buf = kzalloc(MAX_DYNEVENT_CMD_LEN, GFP_KERNEL);
	int i;

	if (!buf)
		return -ENOMEM;
	if (wanted("kprobe_off")) {
		bench_pin();
		run("kprobe_off");
		bench_unpin();
	}
	bench_trap();
	for (i = 0; i < ARRAY_SIZE(event_rows); i++)
		bench_event(buf, &event_rows[i]);
	kfree(buf);
	return -EAGAIN;
}
module_init(kprobe_bench_init);

MODULE_DESCRIPTION("kprobe event instruction-count benchmark");
MODULE_LICENSE("GPL");
