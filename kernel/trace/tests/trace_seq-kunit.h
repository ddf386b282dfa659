/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for trace_seq.c, included at the end of it.
 */
#include <kunit/test.h>
#include <linux/mman.h>

static struct trace_seq *ts_new(struct kunit *test)
{
	struct trace_seq *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	trace_seq_init(s);
	return s;
}

/* The text so far, NUL-terminated for comparison. */
static const char *ts_text(struct kunit *test, struct trace_seq *s)
{
	char *t = kunit_kzalloc(test, trace_seq_used(s) + 1, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	memcpy(t, s->buffer, trace_seq_used(s));
	return t;
}

static void ts_printf_appends(struct kunit *test)
{
	struct trace_seq *s = ts_new(test);

	trace_seq_printf(s, "pid=%d", 42);
	trace_seq_puts(s, " comm=");
	trace_seq_puts(s, "sh");
	trace_seq_putc(s, '\n');
	KUNIT_EXPECT_STREQ(test, ts_text(test, s), "pid=42 comm=sh\n");
	KUNIT_EXPECT_EQ(test, trace_seq_used(s), 15);
	KUNIT_EXPECT_FALSE(test, trace_seq_has_overflowed(s));
	KUNIT_EXPECT_PTR_EQ(test, trace_seq_buffer_ptr(s), s->buffer + 15);
}

static void ts_zeroed_is_usable(struct kunit *test)
{
	struct trace_seq *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	trace_seq_puts(s, "lazy");
	KUNIT_EXPECT_STREQ(test, ts_text(test, s), "lazy");
}

/* Fill to exactly one byte short of the end. */
static void ts_fill(struct trace_seq *s, unsigned int leave)
{
	while (seq_buf_buffer_left(&s->seq) > leave)
		trace_seq_putc(s, 'x');
}

static void ts_overflow_is_all_or_nothing(struct kunit *test)
{
	struct trace_seq *s = ts_new(test);
	unsigned int used;

	ts_fill(s, 4);
	used = trace_seq_used(s);
	KUNIT_EXPECT_EQ(test, used, (unsigned int)TRACE_SEQ_BUFFER_SIZE - 4);

	/* Does not fit: nothing of it is written. */
	trace_seq_printf(s, "%s", "too long");
	KUNIT_EXPECT_TRUE(test, trace_seq_has_overflowed(s));
	KUNIT_EXPECT_EQ(test, trace_seq_used(s), used);

	/* Once full, even a fitting write is refused. */
	trace_seq_putc(s, 'y');
	KUNIT_EXPECT_EQ(test, trace_seq_used(s), used);

	/* init empties and clears the overflow. */
	trace_seq_init(s);
	KUNIT_EXPECT_FALSE(test, trace_seq_has_overflowed(s));
	KUNIT_EXPECT_EQ(test, trace_seq_used(s), 0);
}

static void ts_overflow_each_writer(struct kunit *test)
{
	static const char big[64] = "0123456789abcdef0123456789abcdef";
	struct trace_seq *s;
	unsigned int used;
	int i, ret;

	for (i = 0; i < 5; i++) {
		s = ts_new(test);
		ts_fill(s, 3);
		used = trace_seq_used(s);
		switch (i) {
		case 0:
			trace_seq_puts(s, big);
			break;
		case 1:
			trace_seq_putmem(s, big, sizeof(big));
			break;
		case 2:
			trace_seq_putmem_hex(s, big, 8);
			break;
		case 3:
			ret = trace_seq_hex_dump(s, "", DUMP_PREFIX_NONE, 16, 1,
						 big, 16, true);
			KUNIT_EXPECT_EQ(test, ret, 0);
			break;
		case 4:
			KUNIT_EXPECT_NULL(test, trace_seq_acquire(s, 4));
			break;
		}
		KUNIT_EXPECT_TRUE_MSG(test, trace_seq_has_overflowed(s), "writer %d", i);
		KUNIT_EXPECT_EQ_MSG(test, trace_seq_used(s), used, "writer %d", i);
	}
}

static void ts_putmem_and_hex(struct kunit *test)
{
	static const u8 bytes[] = { 'a', 0, 'b' };
	static const u8 hex[] = { 0x01, 0xab };
	struct trace_seq *s = ts_new(test);

	trace_seq_putmem(s, bytes, sizeof(bytes));
	KUNIT_EXPECT_EQ(test, trace_seq_used(s), 3);
	KUNIT_EXPECT_EQ(test, memcmp(s->buffer, bytes, 3), 0);

	s = ts_new(test);
	trace_seq_putmem_hex(s, hex, sizeof(hex));
	/* seq_buf_putmem_hex(): digits in CPU byte order, then a space. */
	KUNIT_EXPECT_STREQ(test, ts_text(test, s),
			   IS_ENABLED(CONFIG_CPU_BIG_ENDIAN) ? "01ab " : "ab01 ");
}

static void ts_bitmask(struct kunit *test)
{
	DECLARE_BITMAP(mask, 40) = { 0 };
	struct trace_seq *s = ts_new(test);

	__set_bit(0, mask);
	__set_bit(3, mask);
	__set_bit(36, mask);
	trace_seq_bitmask(s, mask, 40);
	KUNIT_EXPECT_STREQ(test, ts_text(test, s), "10,00000009");
}

static void ts_hex_dump_layout(struct kunit *test)
{
	static const char data[] = "ABCD";
	struct trace_seq *s = ts_new(test);

	KUNIT_EXPECT_EQ(test, trace_seq_hex_dump(s, "> ", DUMP_PREFIX_OFFSET,
						 16, 1, data, 4, true), 1);
	KUNIT_EXPECT_STREQ(test, ts_text(test, s),
			   "> 00000000: 41 42 43 44                                      ABCD\n");
}

static void ts_acquire_commits(struct kunit *test)
{
	struct trace_seq *s = ts_new(test);
	char *p;

	trace_seq_puts(s, "ab");
	p = trace_seq_acquire(s, 3);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_PTR_EQ(test, p, s->buffer + 2);
	memcpy(p, "cde", 3);
	trace_seq_putc(s, 'f');
	KUNIT_EXPECT_STREQ(test, ts_text(test, s), "abcdef");
}

static void ts_to_user_resumes(struct kunit *test)
{
	struct trace_seq *s = ts_new(test);
	char back[16] = { 0 };
	unsigned long uaddr;
	char __user *ubuf;

	uaddr = kunit_vm_mmap(test, NULL, 0, PAGE_SIZE, PROT_READ | PROT_WRITE,
			      MAP_ANONYMOUS | MAP_PRIVATE, 0);
	if (IS_ERR_VALUE(uaddr))
		kunit_skip(test, "no user memory for this test");
	ubuf = (char __user *)uaddr;

	trace_seq_puts(s, "hello world");
	KUNIT_EXPECT_EQ(test, trace_seq_to_user(s, ubuf, 5), 5);
	KUNIT_EXPECT_EQ(test, trace_seq_to_user(s, ubuf + 5, 100), 6);
	KUNIT_EXPECT_EQ(test, trace_seq_to_user(s, ubuf + 11, 100), -EBUSY);
	KUNIT_ASSERT_EQ(test, copy_from_user(back, ubuf, 11), 0);
	KUNIT_EXPECT_STREQ(test, back, "hello world");
}

static struct kunit_case trace_seq_cases[] = {
	KUNIT_CASE(ts_printf_appends),
	KUNIT_CASE(ts_zeroed_is_usable),
	KUNIT_CASE(ts_overflow_is_all_or_nothing),
	KUNIT_CASE(ts_overflow_each_writer),
	KUNIT_CASE(ts_putmem_and_hex),
	KUNIT_CASE(ts_bitmask),
	KUNIT_CASE(ts_hex_dump_layout),
	KUNIT_CASE(ts_acquire_commits),
	KUNIT_CASE(ts_to_user_resumes),
	{}
};

static struct kunit_suite trace_seq_suite = {
	.name = "trace_seq",
	.test_cases = trace_seq_cases,
};

kunit_test_suite(trace_seq_suite);
