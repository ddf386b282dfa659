/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for trace_hist_show.c, included at the end of it: how each
 * modifier renders a key or a value, in mainline's widths, and the order
 * of the sort keys.
 */
#include <kunit/test.h>

#define HST_BUF	1024

static struct seq_file *hst_seq(struct kunit *test)
{
	struct seq_file *m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, m);
	m->buf = kunit_kzalloc(test, HST_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m->buf);
	m->size = HST_BUF;
	return m;
}

static const char *hst_text(struct seq_file *m)
{
	m->buf[min_t(size_t, m->count, HST_BUF - 1)] = '\0';
	m->count = 0;
	return m->buf;
}

/* Render one numeric key @v under modifiers @mods. */
static const char *hst_key(struct kunit *test, struct seq_file *m,
			   const char *name, u32 mods, u64 v, bool is_signed,
			   const void *priv)
{
	struct hist_col c = { .mods = mods, .buckets = 10,
			      .is_signed = is_signed };
	struct tracing_map_entry e = { .key = &v, .key_len = sizeof(v),
				       .priv = priv };

	strscpy(c.name, name, sizeof(c.name));
	key_print(m, &c, &e);
	return hst_text(m);
}

static void hist_show_keys(struct kunit *test)
{
	struct seq_file *m = hst_seq(test);
	char *want = kunit_kzalloc(test, KSYM_SYMBOL_LEN + 64, GFP_KERNEL);
	char *sym = kunit_kzalloc(test, KSYM_SYMBOL_LEN, GFP_KERNEL);
	u64 addr = (unsigned long)kfree;

	KUNIT_ASSERT_NOT_NULL(test, want);
	KUNIT_ASSERT_NOT_NULL(test, sym);

	KUNIT_EXPECT_STREQ(test, hst_key(test, m, "pid", 0, 123, false, NULL),
			   "pid:        123");
	KUNIT_EXPECT_STREQ(test, hst_key(test, m, "x", 0, -5, true, NULL),
			   "x:         -5");
	KUNIT_EXPECT_STREQ(test, hst_key(test, m, "x", 0, -5, false, NULL),
			   "x: 18446744073709551611");
	KUNIT_EXPECT_STREQ(test, hst_key(test, m, "a", BIT(FMOD_HEX), 0xbeef,
					 false, NULL), "a: beef");
	KUNIT_EXPECT_STREQ(test, hst_key(test, m, "n", BIT(FMOD_LOG2), 3,
					 false, NULL), "n: ~ 2^3 ");
	KUNIT_EXPECT_STREQ(test, hst_key(test, m, "n", BIT(FMOD_LOG2), 12,
					 false, NULL), "n: ~ 2^12");
	KUNIT_EXPECT_STREQ(test, hst_key(test, m, "lat", BIT(FMOD_BUCKETS),
					 100, false, NULL), "lat: ~ 100-109");
	KUNIT_EXPECT_STREQ(test, hst_key(test, m, "common_pid",
					 BIT(FMOD_EXECNAME), 42, true, "bash"),
			   "common_pid: bash            [        42]");
	KUNIT_EXPECT_STREQ(test, hst_key(test, m, "id", BIT(FMOD_SYSCALL),
					 4000, true, NULL),
			   "id: unknown_syscall               [4000]");
	if (trace_syscall_name(0)) {
		snprintf(want, KSYM_SYMBOL_LEN + 64, "id: %-30s[  0]",
			 trace_syscall_name(0));
		KUNIT_EXPECT_STREQ(test, hst_key(test, m, "id",
						 BIT(FMOD_SYSCALL), 0, true,
						 NULL), want);
	}
	sprint_symbol_no_offset(sym, addr);
	KUNIT_EXPECT_STREQ(test, sym, "kfree");
	snprintf(want, KSYM_SYMBOL_LEN + 64, "call_site: [%llx] %-45s", addr,
		 sym);
	KUNIT_EXPECT_STREQ(test, hst_key(test, m, "call_site", BIT(FMOD_SYM),
					 addr, false, NULL), want);
	sprint_symbol(sym, addr);
	KUNIT_EXPECT_EQ(test, strncmp(sym, "kfree+0x0/0x", 12), 0);
	snprintf(want, KSYM_SYMBOL_LEN + 64, "call_site: [%llx] %-55s", addr,
		 sym);
	KUNIT_EXPECT_STREQ(test, hst_key(test, m, "call_site",
					 BIT(FMOD_SYM_OFFSET), addr, false,
					 NULL), want);
}

static void hist_show_strings_stacks(struct kunit *test)
{
	struct seq_file *m = hst_seq(test);
	unsigned long frames[HIST_STACK_DEPTH] = { (unsigned long)kfree };
	struct hist_col c = { .is_string = true, .key_size = 16 };
	struct tracing_map_entry e = { .key = "bash", .key_len = 5 };
	char want[128];

	strscpy(c.name, "comm", sizeof(c.name));
	key_print(m, &c, &e);
	snprintf(want, sizeof(want), "comm: %-50s", "bash");
	KUNIT_EXPECT_STREQ(test, hst_text(m), want);
	/* A string key that fills its slot has no NUL to stop at. */
	e.key = "0123456789abcdefXYZ";
	e.key_len = 16;
	key_print(m, &c, &e);
	snprintf(want, sizeof(want), "comm: %-50s", "0123456789abcdef");
	KUNIT_EXPECT_STREQ(test, hst_text(m), want);

	memset(&c, 0, sizeof(c));
	strscpy(c.name, "common_stacktrace", sizeof(c.name));
	c.src = HSRC_STACK;
	c.is_stack = true;
	c.key_size = sizeof(frames);
	e.key = frames;
	e.key_len = sizeof(frames);
	key_print(m, &c, &e);
	snprintf(want, sizeof(want), "common_stacktrace:\n         %pS\n",
		 (void *)kfree);
	KUNIT_EXPECT_STREQ(test, hst_text(m), want);
	/* A long[] field with .stacktrace: its name, then the frames. */
	strscpy(c.name, "stack", sizeof(c.name));
	c.src = HSRC_FIELD;
	c.mods = BIT(FMOD_STACKTRACE);
	key_print(m, &c, &e);
	snprintf(want, sizeof(want), "stack.stacktrace         %pS\n",
		 (void *)kfree);
	KUNIT_EXPECT_STREQ(test, hst_text(m), want);
}

static void hist_show_vals(struct kunit *test)
{
	struct seq_file *m = hst_seq(test);
	struct hist_col c = {};

	strscpy(c.name, "hitcount", sizeof(c.name));
	val_print(m, &c, 7, 100, 10);
	KUNIT_EXPECT_STREQ(test, hst_text(m), " hitcount:          7");
	c.mods = BIT(FMOD_HEX);
	val_print(m, &c, 255, 100, 10);
	KUNIT_EXPECT_STREQ(test, hst_text(m), " hitcount:         ff");
	c.mods = BIT(FMOD_PERCENT);
	val_print(m, &c, 1, 3, 10);
	KUNIT_EXPECT_STREQ(test, hst_text(m), " hitcount (%):  33.33");
	val_print(m, &c, 3, 3, 10);
	KUNIT_EXPECT_STREQ(test, hst_text(m), " hitcount (%): 100.00");
	val_print(m, &c, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, hst_text(m), " hitcount (%):[ERROR]");
	val_print(m, &c, U64_MAX / 2, U64_MAX, 0);
	KUNIT_EXPECT_STREQ(test, hst_text(m), " hitcount (%):  50.00");
	c.mods = BIT(FMOD_GRAPH);
	val_print(m, &c, 5, 0, 10);
	KUNIT_EXPECT_STREQ(test, hst_text(m),
			   " hitcount: ##########          ");
	val_print(m, &c, 10, 0, 10);
	KUNIT_EXPECT_STREQ(test, hst_text(m),
			   " hitcount: ####################");
	val_print(m, &c, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, hst_text(m),
			   " hitcount:                     ");
}

/* Sort keys: signed and unsigned numbers, values, and their order. */
static void hist_show_sort(struct kunit *test)
{
	struct hist_table *tab = kunit_kzalloc(test, sizeof(*tab), GFP_KERNEL);
	u64 k[3] = { -1, 2, 2 }, s[3][2] = { { 1, 0 }, { 5, 0 }, { 3, 0 } };
	struct tracing_map_entry e[3];
	int i;

	KUNIT_ASSERT_NOT_NULL(test, tab);
	for (i = 0; i < 3; i++)
		e[i] = (struct tracing_map_entry){ &k[i], NULL, 8, s[i] };
	tab->nr_keys = 1;
	tab->keys[0].key_size = 8;
	tab->nr_vals = 1;
	tab->sort[0] = 0;
	tab->nr_sort = 1;
	/* Unsigned: -1 is the largest. */
	KUNIT_EXPECT_GT(test, entry_cmp(&e[0], &e[1], tab), 0);
	tab->keys[0].is_signed = true;
	KUNIT_EXPECT_LT(test, entry_cmp(&e[0], &e[1], tab), 0);
	KUNIT_EXPECT_EQ(test, entry_cmp(&e[1], &e[2], tab), 0);
	/* Then by hitcount, descending. */
	tab->sort[1] = HIST_KEYS_MAX;
	tab->sort_desc[1] = true;
	tab->nr_sort = 2;
	KUNIT_EXPECT_LT(test, entry_cmp(&e[1], &e[2], tab), 0);
	sort_r(e, 3, sizeof(e[0]), entry_cmp, NULL, tab);
	KUNIT_EXPECT_EQ(test, e[0].sums[0], 1);
	KUNIT_EXPECT_EQ(test, e[1].sums[0], 5);
	KUNIT_EXPECT_EQ(test, e[2].sums[0], 3);
}

static struct kunit_case trace_hist_show_cases[] = {
	KUNIT_CASE(hist_show_keys),
	KUNIT_CASE(hist_show_strings_stacks),
	KUNIT_CASE(hist_show_vals),
	KUNIT_CASE(hist_show_sort),
	{}
};

static struct kunit_suite trace_hist_show_suite = {
	.name		= "trace_hist_show",
	.test_cases	= trace_hist_show_cases,
};
kunit_test_suite(trace_hist_show_suite);
