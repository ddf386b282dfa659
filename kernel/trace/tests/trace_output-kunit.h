/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for trace_output.c, included at the end of it: the irq-info
 * columns, time stamps, whole lines in each output mode, the lost-events
 * marker and the header block, checked against mainline's layout.
 */
#include <kunit/test.h>

#include "../trace_ctx.h"
#include "../trace_entries.h"

static const char *to_text(struct kunit *test, struct trace_seq *s)
{
	char *t = kunit_kzalloc(test, trace_seq_used(s) + 1, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	memcpy(t, s->buffer, trace_seq_used(s));
	return t;
}

/*
 * The inline word and the full one, taken while the state stays put: an
 * interrupt, or a wakeup from another CPU, may set a reschedule pending
 * between the two reads.  The inline word is read again after the full
 * one; if it changed, the pair is taken again (a few times at most).
 */
static void to_ctx_pair(unsigned int irqs, unsigned int *fast,
			unsigned int *full)
{
	int tries = 0;

	do {
		*fast = trace_ctx_irq_test(irqs);
		*full = tracing_gen_ctx_irq_test(irqs);
	} while (trace_ctx_irq_test(irqs) != *fast && ++tries < 5);
}

/* The inline context word equals the full one, in and out of its case. */
static void to_ctx_fast(struct kunit *test)
{
	unsigned int fast, full;
	unsigned long flags;
	int i;

#define TO_CTX_SAME(irqs)						\
	do {								\
		to_ctx_pair(irqs, &fast, &full);			\
		KUNIT_EXPECT_EQ(test, fast, full);			\
	} while (0)

	TO_CTX_SAME(0);
	TO_CTX_SAME(TRACE_FLAG_IRQS_NOSUPPORT);
	/* Preempt depths up to and past what the fast case takes. */
	for (i = 0; i < 18; i++) {
		preempt_disable();
		TO_CTX_SAME(0);
	}
	if (IS_ENABLED(CONFIG_PREEMPT_COUNT))
		KUNIT_EXPECT_EQ(test, trace_ctx_irq_test(0) & 0xf, 0xfU);
	for (i = 0; i < 18; i++)
		preempt_enable();
	/* A reschedule pending. */
	preempt_disable();
	set_tsk_need_resched(current);
	TO_CTX_SAME(0);
	KUNIT_EXPECT_TRUE(test, trace_ctx_irq_test(0) &
			  (TRACE_FLAG_NEED_RESCHED << 16));
	/* ...and folded into the preempt count too, as x86 does. */
	set_preempt_need_resched();
	TO_CTX_SAME(0);
	clear_preempt_need_resched();
	clear_tsk_need_resched(current);
	preempt_enable();
	/* Softirqs off, irqs off, migration off. */
	local_bh_disable();
	TO_CTX_SAME(0);
	KUNIT_EXPECT_TRUE(test, trace_ctx_irq_test(0) &
			  (TRACE_FLAG_BH_OFF << 16));
	local_bh_enable();
	local_irq_save(flags);
	TO_CTX_SAME(TRACE_FLAG_IRQS_OFF);
	local_irq_restore(flags);
	migrate_disable();
	TO_CTX_SAME(0);
	if (IS_ENABLED(CONFIG_SMP))
		KUNIT_EXPECT_EQ(test, (trace_ctx_irq_test(0) >> 4) & 0xf, 1U);
	migrate_enable();
#undef TO_CTX_SAME
}

static void to_irq_flags(struct kunit *test)
{
	static const struct {
		unsigned char flags, pc;
		const char *want;
	} cases[] = {
		{ 0, 0, "....." },
		{ TRACE_FLAG_IRQS_OFF, 1, "d..1." },
		{ TRACE_FLAG_IRQS_OFF | TRACE_FLAG_BH_OFF, 0, "D...." },
		{ TRACE_FLAG_BH_OFF, 0, "b...." },
		{ TRACE_FLAG_IRQS_NOSUPPORT, 0, "X...." },
		{ TRACE_FLAG_NEED_RESCHED, 0, ".n..." },
		{ TRACE_FLAG_PREEMPT_RESCHED, 0, ".p..." },
		{ TRACE_FLAG_NEED_RESCHED | TRACE_FLAG_PREEMPT_RESCHED, 0,
		  ".N..." },
		{ TRACE_FLAG_HARDIRQ, 0, "..h.." },
		{ TRACE_FLAG_SOFTIRQ, 0, "..s.." },
		{ TRACE_FLAG_HARDIRQ | TRACE_FLAG_SOFTIRQ, 0, "..H.." },
		{ TRACE_FLAG_NMI, 0, "..z.." },
		{ TRACE_FLAG_NMI | TRACE_FLAG_HARDIRQ, 0, "..Z.." },
		{ 0, 0xf, "...f." },
		{ 0, 0x21, "...12" },
	};
	struct trace_seq *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	struct trace_entry e = {};
	size_t i;

	KUNIT_ASSERT_NOT_NULL(test, s);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		trace_seq_init(s);
		e.flags = cases[i].flags;
		e.preempt_count = cases[i].pc;
		trace_print_irq_flags(s, &e);
		KUNIT_EXPECT_STREQ(test, to_text(test, s), cases[i].want);
	}
}

static void to_timestamps(struct kunit *test)
{
	static const struct {
		u64 ts;
		bool in_ns;
		const char *want;
	} cases[] = {
		{ 1831747000ULL, true, "     1.831747: " },
		{ 999999500ULL, true, "     1.000000: " },
		{ 999999499ULL, true, "     0.999999: " },
		{ 123456000000000ULL, true, " 123456.000000: " },
		{ 42, false, "           42: " },
	};
	struct trace_seq *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	size_t i;

	KUNIT_ASSERT_NOT_NULL(test, s);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		trace_seq_init(s);
		trace_print_ts(s, cases[i].ts, cases[i].in_ns);
		KUNIT_EXPECT_STREQ(test, to_text(test, s), cases[i].want);
	}
}

/* An iterator on one "print" record of the idle task (pid 0). */
static struct trace_iterator *to_iter(struct kunit *test, unsigned long flags,
				      const char *text)
{
	struct trace_iterator *iter;
	struct trace_array *tr;
	struct print_entry *e;
	size_t len = strlen(text) + 1;

	iter = kunit_kzalloc(test, sizeof(*iter), GFP_KERNEL);
	tr = kunit_kzalloc(test, sizeof(*tr), GFP_KERNEL);
	e = kunit_kzalloc(test, sizeof(*e) + len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, iter);
	KUNIT_ASSERT_NOT_NULL(test, tr);
	KUNIT_ASSERT_NOT_NULL(test, e);
	tr->flags = flags;
	e->ent.type = TRACE_PRINT;
	e->ent.flags = TRACE_FLAG_IRQS_OFF | TRACE_FLAG_HARDIRQ;
	e->ent.preempt_count = 1;
	e->ip = (unsigned long)trace_print_ts;
	memcpy(e->buf, text, len);
	iter->tr = tr;
	iter->ent = &e->ent;
	iter->ent_size = sizeof(*e) + len;
	iter->cpu = 1;
	iter->ts = 1000001000ULL;
	iter->iter_flags = TRACE_FILE_TIME_IN_NS;
	trace_seq_init(&iter->seq);
	return iter;
}

static void to_line_default(struct kunit *test)
{
	static const char want[] =
	"          <idle>-0       [001] d.h1.     1.000001: trace_print_ts: hello\n";
	struct trace_iterator *iter;

	iter = to_iter(test, TRACE_ITER_CONTEXT_INFO | TRACE_ITER_IRQ_INFO,
		       "hello\n");
	KUNIT_EXPECT_EQ(test, trace_print_line(iter), TRACE_TYPE_HANDLED);
	KUNIT_EXPECT_STREQ(test, to_text(test, &iter->seq), want);
}

static void to_line_options(struct kunit *test)
{
	static const char want_noirq[] =
	"          <idle>-0       [001]      1.000001: trace_print_ts: a\n";
	static const char want_tgid[] =
	"          <idle>-0       (-------) [001]      1.000001: trace_print_ts: c\n";
	struct trace_iterator *iter;

	/* No irq-info: the flag columns go. */
	iter = to_iter(test, TRACE_ITER_CONTEXT_INFO, "a\n");
	trace_print_line(iter);
	KUNIT_EXPECT_STREQ(test, to_text(test, &iter->seq), want_noirq);

	/* No context-info: the record alone. */
	iter = to_iter(test, 0, "b\n");
	trace_print_line(iter);
	KUNIT_EXPECT_STREQ(test, to_text(test, &iter->seq),
			   "trace_print_ts: b\n");

	/* record-tgid: a tgid column, dashes when unknown. */
	iter = to_iter(test, TRACE_ITER_CONTEXT_INFO | TRACE_ITER_RECORD_TGID,
		       "c\n");
	trace_print_line(iter);
	KUNIT_EXPECT_STREQ(test, to_text(test, &iter->seq), want_tgid);

	/* printk-msg-only: the text alone. */
	iter = to_iter(test, TRACE_ITER_PRINTK_MSGONLY, "d\n");
	trace_print_line(iter);
	KUNIT_EXPECT_STREQ(test, to_text(test, &iter->seq), "d\n");
}

static void to_line_modes(struct kunit *test)
{
	struct trace_iterator *iter;
	char want[64];

	iter = to_iter(test, TRACE_ITER_CONTEXT_INFO | TRACE_ITER_RAW, "r\n");
	trace_print_line(iter);
	snprintf(want, sizeof(want), "0 1 1000001000 # %lx r\n",
		 (unsigned long)trace_print_ts);
	KUNIT_EXPECT_STREQ(test, to_text(test, &iter->seq), want);

	/* bin: pid, cpu and time stamp in binary, then the record. */
	iter = to_iter(test, TRACE_ITER_CONTEXT_INFO | TRACE_ITER_BIN, "x");
	trace_print_line(iter);
	KUNIT_EXPECT_EQ(test, trace_seq_used(&iter->seq),
			(int)(4 + 4 + 8 + iter->ent_size));
	KUNIT_EXPECT_EQ(test, memcmp(iter->seq.buffer + 16, iter->ent,
				     iter->ent_size), 0);

	/* hex wins over raw: hex digits (grouped), one line. */
	iter = to_iter(test, TRACE_ITER_HEX | TRACE_ITER_RAW, "h");
	trace_print_line(iter);
	KUNIT_EXPECT_GE(test, trace_seq_used(&iter->seq),
			(int)(iter->ent_size * 2 + 1));
	KUNIT_EXPECT_EQ(test, iter->seq.buffer[trace_seq_used(&iter->seq) - 1],
			'\n');
	KUNIT_EXPECT_NULL(test, strnchr(iter->seq.buffer,
					trace_seq_used(&iter->seq), '#'));
}

static void to_lost_events(struct kunit *test)
{
	struct trace_iterator *iter;

	iter = to_iter(test, 0, "after\n");
	iter->lost_events = 3;
	trace_print_line(iter);
	KUNIT_EXPECT_STREQ(test, to_text(test, &iter->seq),
			   "CPU:1 [LOST 3 EVENTS]\ntrace_print_ts: after\n");

	iter = to_iter(test, 0, "after\n");
	iter->lost_events = (unsigned long)-1;
	trace_print_line(iter);
	KUNIT_EXPECT_STREQ(test, to_text(test, &iter->seq),
			   "CPU:1 [LOST EVENTS]\ntrace_print_ts: after\n");
}

static void to_header(struct kunit *test)
{
	static const char want_fmt[] =
		"# tracer: nop\n"
		"#\n"
		"# entries-in-buffer/entries-written: 0/0   #P:%d\n"
		"#\n"
		"#                                _-----=> irqs-off/BH-disabled\n"
		"#                               / _----=> need-resched\n"
		"#                              | / _---=> hardirq/softirq\n"
		"#                              || / _--=> preempt-depth\n"
		"#                              ||| / _-=> migrate-disable\n"
		"#                              |||| /     delay\n"
		"#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n"
		"#              | |         |   |||||     |         |\n";
	struct trace_iterator *iter;
	struct array_buffer ab = {};
	struct seq_file m = {};
	char *want;

	iter = to_iter(test, TRACE_ITER_CONTEXT_INFO | TRACE_ITER_IRQ_INFO,
		       "");
	iter->array_buffer = &ab;
	iter->cpu_file = RING_BUFFER_ALL_CPUS;
	m.size = PAGE_SIZE;
	m.buf = kunit_kzalloc(test, m.size, GFP_KERNEL);
	want = kunit_kzalloc(test, sizeof(want_fmt) + 8, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	KUNIT_ASSERT_NOT_NULL(test, want);
	snprintf(want, sizeof(want_fmt) + 8, want_fmt, num_online_cpus());
	trace_print_header(iter, &m);
	KUNIT_EXPECT_STREQ(test, m.buf, want);
}

static struct kunit_case trace_output_cases[] = {
	KUNIT_CASE(to_ctx_fast),
	KUNIT_CASE(to_irq_flags),
	KUNIT_CASE(to_timestamps),
	KUNIT_CASE(to_line_default),
	KUNIT_CASE(to_line_options),
	KUNIT_CASE(to_line_modes),
	KUNIT_CASE(to_lost_events),
	KUNIT_CASE(to_header),
	{}
};

static struct kunit_suite trace_output_suite = {
	.name = "trace_output",
	.test_cases = trace_output_cases,
};

kunit_test_suite(trace_output_suite);
