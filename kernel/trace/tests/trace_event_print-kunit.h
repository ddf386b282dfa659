/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for trace_event_print.c, included at the end of it: what
 * the __print_*() helpers of TP_printk() produce.
 */
#include <kunit/test.h>

static struct trace_seq *kunit_seq(struct kunit *test)
{
	struct trace_seq *p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	trace_seq_init(p);
	return p;
}

static void print_flags(struct kunit *test)
{
	static const struct trace_print_flags flags[] = {
		{ 0x1, "A" }, { 0x2, "B" }, { 0x6, "BC" }, { -1, NULL },
	};
	struct trace_seq *p = kunit_seq(test);

	KUNIT_EXPECT_STREQ(test, trace_print_flags_seq(p, "|", 0x3, flags),
			   "A|B");
	KUNIT_EXPECT_STREQ(test, trace_print_flags_seq(p, "|", 0x7, flags),
			   "A|B|0x4");
	KUNIT_EXPECT_STREQ(test, trace_print_flags_seq(p, "|", 0x18, flags),
			   "0x18");
	KUNIT_EXPECT_STREQ(test, trace_print_flags_seq(p, "|", 0, flags), "");
	KUNIT_EXPECT_STREQ(test, trace_print_flags_seq(p, NULL, 0x3, flags),
			   "AB");
}

static void print_symbolic(struct kunit *test)
{
	static const struct trace_print_flags syms[] = {
		{ 0, "HI" }, { 1, "TIMER" }, { -1, NULL },
	};
	struct trace_seq *p = kunit_seq(test);

	KUNIT_EXPECT_STREQ(test, trace_print_symbols_seq(p, 1, syms), "TIMER");
	KUNIT_EXPECT_STREQ(test, trace_print_symbols_seq(p, 0, syms), "HI");
	KUNIT_EXPECT_STREQ(test, trace_print_symbols_seq(p, 9, syms), "0x9");
}

static void print_hex(struct kunit *test)
{
	static const unsigned char buf[] = { 0xde, 0xad, 0x01 };
	struct trace_seq *p = kunit_seq(test);

	KUNIT_EXPECT_STREQ(test, trace_print_hex_seq(p, buf, 3, false),
			   "de ad 01");
	KUNIT_EXPECT_STREQ(test, trace_print_hex_seq(p, buf, 3, true),
			   "dead01");
	KUNIT_EXPECT_STREQ(test, trace_print_hex_seq(p, buf, 0, false), "");
}

static void print_array(struct kunit *test)
{
	static const u16 a16[] = { 1, 0xffff };
	static const u64 a64[] = { 0x123456789ULL };
	static const u8 a8[] = { 7, 8, 9 };
	struct trace_seq *p = kunit_seq(test);

	KUNIT_EXPECT_STREQ(test, trace_print_array_seq(p, a16, 2, 2),
			   "{0x1,0xffff}");
	KUNIT_EXPECT_STREQ(test, trace_print_array_seq(p, a64, 1, 8),
			   "{0x123456789}");
	KUNIT_EXPECT_STREQ(test, trace_print_array_seq(p, a8, 3, 1),
			   "{0x7,0x8,0x9}");
	KUNIT_EXPECT_STREQ(test, trace_print_array_seq(p, a8, 0, 1), "{}");
}

static void print_bitmask(struct kunit *test)
{
	unsigned long mask[2] = { 0x5, 0 };
	struct trace_seq *p = kunit_seq(test);

	KUNIT_EXPECT_STREQ(test, trace_print_bitmask_seq(p, mask, 4),
			   "00000005");
	mask[1] = 1;
	KUNIT_EXPECT_STREQ(test, trace_print_bitmask_seq(p, mask,
							 sizeof(mask)),
			   "00000000,00000001,00000000,00000005");
}

static struct kunit_case trace_event_print_cases[] = {
	KUNIT_CASE(print_flags),
	KUNIT_CASE(print_symbolic),
	KUNIT_CASE(print_hex),
	KUNIT_CASE(print_array),
	KUNIT_CASE(print_bitmask),
	{}
};

static struct kunit_suite trace_event_print_suite = {
	.name = "trace_event_print",
	.test_cases = trace_event_print_cases,
};
kunit_test_suite(trace_event_print_suite);
