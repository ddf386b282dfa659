// SPDX-License-Identifier: GPL-2.0
/*
 * ev_bench.c - instructions per trace event, for make bench.
 *
 * Like rb_bench.c: run under QEMU -icount shift=0, where ktime_get_ns()
 * deltas count instructions; each case is measured cold and steady
 * (bench_common.h) in the top-level instance's buffers.
 * The cases call the tracepoint of a three-field event (two u64 and an
 * int) or of a string event, with the event:
 *
 *	ev_disabled	off
 *	ev_enabled	on
 *	ev_others50	on, with fifty other events of this module on too
 *	ev_filter_pass	on, with a filter that passes every event ("c >= 0")
 *	ev_filter_reject on, with a filter that rejects every event ("c < 0")
 *			(mode=hold: the module stays loaded, the harness writes
 *			the event's filter file, then the case name to the
 *			module's "run" parameter)
 *	ev_trigger_cond	on, with a trigger that never fires
 *			("traceoff if c < 0"; mode=hold)
 *	ev_trigger_soft	off, with that trigger: soft mode keeps it called
 *			(mode=hold)
 *	ev_hist		on, with "hist:keys=cpu:vals=c" (mode=hold)
 *	ev_hist_soft	off, with that hist trigger (mode=hold)
 *	ev_hist_compound on, with "hist:keys=common_pid,cpu:vals=c"
 *			(mode=hold)
 *	ev_hist_str	the __string event, on, with "hist:keys=s" (mode=hold)
 *	ev_latency_pair	bench_start then bench_end, both off but for their
 *			triggers: bench_start's hist sets a time stamp
 *			variable, bench_end's reads it and fires a synthetic
 *			event with onmatch(); per pair (mode=hold)
 *	ev_string	the __string event, on
 *	ev_pid_out	on, with set_event_pid filtering this task out
 *			(mode=pid; the harness writes set_event_pid first)
 *	ev_perf_count	off for ftrace, counted by a perf event of this CPU
 *			(perf_event_create_kernel_counter(), as perf stat -a)
 *	ev_perf_sample	off for ftrace, sampled on every hit by a perf event
 *			with PERF_SAMPLE_RAW, as perf record does (the
 *			kernel counter's overflow handler takes the sample)
 *	ev_perf_reject	as ev_perf_sample, with a perf filter that rejects
 *			every event ("c < 0", as perf record --filter);
 *			ftrace_profile_set_filter() is not exported, so its
 *			address is found with a kprobe
 *	perf_submit	perf's part of ev_perf_sample alone (run_submit())
 *	tp_probe, trace_clock, gen_ctx	steps of one event (bench_steps())
 *	ev_2cpu		bench_3f on, written from two CPUs at once (mode=hold)
 *	ev_reader	bench_3f on, written on CPU 0 while a reader splices
 *			its trace_pipe_raw (mode=hold, the harness starts it)
 *
 * The events are switched with trace_set_clr_event(), which mainline and
 * ours both export.  Except in mode=hold, the module refuses to stay
 * loaded (-EAGAIN).
 */

#include <linux/kprobes.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/perf_event.h>
#include <linux/trace_events.h>

#define CREATE_TRACE_POINTS
#include "ev_bench_events.h"

#include "bench_common.h"

static char *mode = "plain";
module_param(mode, charp, 0444);
MODULE_PARM_DESC(mode, "plain: the unfiltered cases; pid: the PID-filtered one; hold: stay loaded for 'run'");

static unsigned long run_3f(void *arg, unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		trace_bench_3f(i, i * 3, (int)i);
	return n;
}

static unsigned long run_str(void *arg, unsigned long n)
{
	static const char *const s[] = { "short", "a longer string here" };
	unsigned long i;

	for (i = 0; i < n; i++)
		trace_bench_str(s[i & 1]);
	return n;
}

static unsigned long run_pair(void *arg, unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++) {
		trace_bench_start(i & 63);
		trace_bench_end(i & 63);
	}
	return n;
}

static void bench(const char *name, bench_fn run)
{
	bench_case(name, run, NULL, bench_reset_trace);
}

static int set_others(int on)
{
	char name[32];
	int i, ret;

	for (i = 10; i < 60; i++) {
		snprintf(name, sizeof(name), "bench_other_%d", i);
		ret = trace_set_clr_event("ev_bench", name, on);
		if (ret)
			return ret;
	}
	return 0;
}

#ifdef CONFIG_PERF_EVENTS
static void perf_sampled(struct perf_event *event,
			 struct perf_sample_data *data, struct pt_regs *regs)
{
}

typedef int (*set_filter_t)(struct perf_event *event, int id, char *str);

#endif

/* A function neither kernel exports to modules, found with a kprobe. */
static void *find_symbol(const char *name)
{
	struct kprobe kp = { .symbol_name = name };
	static const u8 endbr64[] = { 0xf3, 0x0f, 0x1e, 0xfa };
	u8 *addr;

	if (register_kprobe(&kp))
		return NULL;
	addr = (u8 *)kp.addr;
	unregister_kprobe(&kp);
	/* kprobes puts the probe after an ENDBR64: call the entry. */
	if (addr && !memcmp(addr - 4, endbr64, sizeof(endbr64)))
		addr -= 4;
	return addr;
}

#ifdef CONFIG_PERF_EVENTS
/*
 * perf's part of a sample (perf_submit): a perf buffer taken and handed
 * to perf_trace_run_bpf_submit() as a probe does, without the tracepoint
 * or the record's fill, so that the rest of ev_perf_sample is the probe's.
 */
static unsigned long run_submit(void *arg, unsigned long n)
{
	int size = ALIGN(sizeof(struct trace_event_raw_bench_3f) +
			 sizeof(u32), sizeof(u64)) - sizeof(u32);
	struct pt_regs *regs;
	unsigned long i;
	void *rec;
	int rctx;

	for (i = 0; i < n; i++) {
		preempt_disable_notrace();
		rec = perf_trace_buf_alloc(size, &regs, &rctx);
		if (rec) {
			perf_fetch_caller_regs(regs);
			perf_trace_run_bpf_submit(rec, size, rctx,
					&event_bench_3f, 1, regs,
					this_cpu_ptr(event_bench_3f.perf_events),
					NULL);
		}
		preempt_enable_notrace();
	}
	return n;
}

/*
 * bench_3f counted (period 0) or sampled with its raw record (period 1),
 * with @filter as its perf filter if not NULL.
 */
static void bench_perf(const char *name, u64 period, const char *filter)
{
	struct perf_event_attr attr = {
		.type		= PERF_TYPE_TRACEPOINT,
		.size		= sizeof(attr),
		.config		= event_bench_3f.event.type,
		.sample_period	= period,
		.sample_type	= period ? PERF_SAMPLE_RAW : 0,
	};
	struct perf_event *ev;

	ev = perf_event_create_kernel_counter(&attr, smp_processor_id(), NULL,
					      period ? perf_sampled : NULL,
					      NULL);
	if (IS_ERR(ev)) {
		pr_info("BENCH %s: perf_event_create_kernel_counter: %ld\n",
			name, PTR_ERR(ev));
		return;
	}
	if (filter) {
		/* ftrace_profile_set_filter(), which perf's ioctl calls. */
		set_filter_t set = find_symbol("ftrace_profile_set_filter");
		char buf[32];

		strscpy(buf, filter, sizeof(buf));
		if (!set || set(ev, attr.config, buf)) {
			pr_info("BENCH %s: no filter\n", name);
			goto out;
		}
	}
	bench(name, run_3f);
	if (period && !filter)
		bench("perf_submit", run_submit);
out:
	perf_event_release_kernel(ev);
}
#else
static void bench_perf(const char *name, u64 period, const char *filter)
{
}
#endif

/*
 * The steps of one event, measured alone (README, "Where the
 * instructions go"): the tracepoint call with one empty probe and the
 * event off (tp_probe), the clock the buffer reads (trace_clock), the
 * context word (gen_ctx).
 */
static void probe_empty(void *data, u64 a, u64 b, int c)
{
}

static unsigned long run_clock(void *arg, unsigned long n)
{
	unsigned long i;
	u64 sum = 0;

	for (i = 0; i < n; i++)
		sum += trace_clock_local();
	OPTIMIZER_HIDE_VAR(sum);
	return n;
}

/* tracing_gen_ctx(), whose out-of-line half mainline does not export. */
static unsigned int (*gen_ctx_irq_test)(unsigned int irqs_status);

static unsigned long run_ctx(void *arg, unsigned long n)
{
	unsigned long i, flags;
	unsigned int sum = 0;

	for (i = 0; i < n; i++) {
		local_save_flags(flags);
		sum += gen_ctx_irq_test(irqs_disabled_flags(flags) ?
					TRACE_FLAG_IRQS_OFF : 0);
	}
	OPTIMIZER_HIDE_VAR(sum);
	return n;
}

static void bench_steps(void)
{
	if (!register_trace_bench_3f(probe_empty, NULL)) {
		bench("tp_probe", run_3f);
		unregister_trace_bench_3f(probe_empty, NULL);
		tracepoint_synchronize_unregister();
	}
	bench("trace_clock", run_clock);
	gen_ctx_irq_test = find_symbol("tracing_gen_ctx_irq_test");
	if (gen_ctx_irq_test)
		bench("gen_ctx", run_ctx);
}

/*
 * Writers on two CPUs at once (ev_2cpu), or one writer on CPU 0 while a
 * reader on CPU 1 splices its trace_pipe_raw (ev_reader, the reader
 * started by the harness).  For ev_2cpu each writer first wraps its CPU's
 * buffer, untimed, then both start together; ev_reader's writer starts
 * on the buffer ev_2cpu left, which the reader has drained.  Under -icount the guest clock
 * counts the instructions of both vCPUs, which run in turn: a window
 * with both CPUs busy counts the work of both.
 */
static struct {
	atomic_t	waiting;
	bool		wrap;
	u64		ns[2];
	struct completion done[2];
} wr;

static int writer_thread(void *arg)
{
	long k = (long)arg;
	unsigned long n;

	if (wr.wrap)
		run_3f(NULL, BENCH_WRAP);
	atomic_dec(&wr.waiting);
	while (atomic_read(&wr.waiting))
		cpu_relax();
	wr.ns[k] = bench_time(run_3f, NULL, BENCH_STEADY, &n);
	kthread_complete_and_exit(&wr.done[k], 0);
}

static int bench_writers(const char *name, int nr)
{
	struct task_struct *t[2];
	long k;

	atomic_set(&wr.waiting, nr);
	wr.wrap = nr > 1;
	for (k = 0; k < nr; k++) {
		init_completion(&wr.done[k]);
		t[k] = kthread_create(writer_thread, (void *)k, "ev_bench/%ld",
				      k);
		if (IS_ERR(t[k])) {
			int err = PTR_ERR(t[k]);

			/* Never woken, they end without running. */
			while (k--)
				kthread_stop(t[k]);
			return err;
		}
		kthread_bind(t[k], k);
	}
	for (k = 0; k < nr; k++)
		wake_up_process(t[k]);
	for (k = 0; k < nr; k++) {
		wait_for_completion(&wr.done[k]);
		pr_info("BENCH %s_cpu%ld %lu %llu\n", name, k,
			nr * BENCH_STEADY, wr.ns[k]);
	}
	return 0;
}

/*
 * Writing a case name to the "run" parameter: bench_3f on, as the
 * harness set up its filter or trigger.  A name ending in "_soft" runs
 * with the event off, kept on only by its trigger's soft mode; a name
 * ending in "_str" runs the string event instead.
 */
static int run_set(const char *val, const struct kernel_param *kp)
{
	char name[32], *n;
	const char *event;
	bool soft, str;
	int ret = 0;

	strscpy(name, val, sizeof(name));
	n = strim(name);
	if (!strcmp(n, "ev_2cpu") || !strcmp(n, "ev_reader")) {
		if (num_online_cpus() < 2)
			return -ENODEV;
		ret = trace_set_clr_event("ev_bench", "bench_3f", 1);
		if (!ret)
			ret = bench_writers(n, !strcmp(n, "ev_2cpu") ? 2 : 1);
		trace_set_clr_event("ev_bench", "bench_3f", 0);
		return ret;
	}
	if (!strcmp(n, "ev_latency_pair")) {
		/* The harness set up the triggers; the events stay off. */
		bench_pin();
		bench(n, run_pair);
		bench_unpin();
		return 0;
	}
	soft = strlen(n) > 5 && !strcmp(n + strlen(n) - 5, "_soft");
	str = strlen(n) > 4 && !strcmp(n + strlen(n) - 4, "_str");
	event = str ? "bench_str" : "bench_3f";
	bench_pin();
	if (!soft)
		ret = trace_set_clr_event("ev_bench", event, 1);
	if (!ret)
		bench(n, str ? run_str : run_3f);
	if (!soft)
		trace_set_clr_event("ev_bench", event, 0);
	bench_unpin();
	return ret;
}

static const struct kernel_param_ops run_ops = {
	.set = run_set,
};
module_param_cb(run, &run_ops, NULL, 0200);
MODULE_PARM_DESC(run, "mode=hold: run the named case now");

static int __init ev_bench_init(void)
{
	int ret;

	if (!strcmp(mode, "hold"))
		return 0;
	bench_pin();
	if (!strcmp(mode, "pid")) {
		ret = trace_set_clr_event("ev_bench", "bench_3f", 1);
		if (!ret)
			bench("ev_pid_out", run_3f);
		goto out;
	}

	bench("ev_disabled", run_3f);
	bench_steps();
	ret = trace_set_clr_event("ev_bench", "bench_3f", 1);
	if (ret)
		goto out;
	bench("ev_enabled", run_3f);
	ret = set_others(1);
	if (!ret)
		bench("ev_others50", run_3f);
	set_others(0);
	trace_set_clr_event("ev_bench", "bench_3f", 0);
	ret = trace_set_clr_event("ev_bench", "bench_str", 1);
	if (!ret)
		bench("ev_string", run_str);
	trace_set_clr_event("ev_bench", "bench_str", 0);
	bench_perf("ev_perf_count", 0, NULL);
	bench_perf("ev_perf_sample", 1, NULL);
	bench_perf("ev_perf_reject", 1, "c < 0");
out:
	trace_set_clr_event("ev_bench", NULL, 0);
	bench_unpin();
	return ret ? ret : -EAGAIN;
}
module_init(ev_bench_init);

MODULE_DESCRIPTION("Trace event instruction-count benchmark");
MODULE_LICENSE("GPL");
