/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for trace_event_fields.c, included at the end of it: the
 * layout of a class's field array and the format file's text, byte for
 * byte in mainline's layout.
 */
#include <kunit/test.h>
#include <linux/vmalloc.h>
#include <trace/stages/strlen.h>

/* A record as a TRACE_EVENT() would declare it. */
struct kunit_rec {
	struct trace_entry	ent;
	char			c;
	u64			big;
	int			arr[3];
	u32			__data_loc_name;
	short			s;
};

static struct trace_event_fields kunit_fields[] = {
	{ .type = "char", .name = "c", .size = 1, .align = 1 },
	{ .type = "u64", .name = "big", .size = 8, .align = __alignof__(u64) },
	{ .type = "int", .name = "arr", .size = 12, .align = 4,
	  .is_signed = 1, .len = 3 },
	{ .type = "__data_loc char[]", .name = "name", .size = 4,
	  .align = 4, .filter_type = FILTER_DYN_STRING },
	{ .type = "short", .name = "s", .size = 2, .align = 2,
	  .is_signed = 1 },
	{}
};

static struct trace_event_class kunit_class = {
	.system		= "kunit",
	.fields_array	= kunit_fields,
	.fields		= LIST_HEAD_INIT(kunit_class.fields),
};

static char kunit_print_fmt[] = "\"c=%d\", REC->c";

static struct trace_event_call kunit_call = {
	.class		= &kunit_class,
	.name		= "kunit_event",
	.event		= { .type = 4242 },
	.print_fmt	= kunit_print_fmt,
};

static void kunit_fields_setup(struct kunit *test)
{
	int ret;

	mutex_lock(&trace_mutex);
	ret = trace_event_define_fields(&kunit_call);
	mutex_unlock(&trace_mutex);
	/* Asserts leave the case: never with a lock held. */
	KUNIT_ASSERT_EQ(test, ret, 0);
}

static void kunit_fields_teardown(void)
{
	mutex_lock(&trace_mutex);
	trace_event_free_fields(&kunit_call);
	mutex_unlock(&trace_mutex);
}

static void fields_layout(struct kunit *test)
{
	static const struct {
		const char *name;
		int offset, size;
	} want[] = {
		{ "c", offsetof(struct kunit_rec, c), 1 },
		{ "big", offsetof(struct kunit_rec, big), 8 },
		{ "arr", offsetof(struct kunit_rec, arr), 12 },
		{ "name", offsetof(struct kunit_rec, __data_loc_name), 4 },
		{ "s", offsetof(struct kunit_rec, s), 2 },
		{ "common_pid", offsetof(struct trace_entry, pid), 4 },
		{ "common_type", 0, 2 },
	};
	struct ftrace_event_field *f;
	size_t i;

	kunit_fields_setup(test);
	for (i = 0; i < ARRAY_SIZE(want); i++) {
		f = trace_find_event_field(&kunit_call, want[i].name);
		KUNIT_ASSERT_NOT_NULL_MSG(test, f, "%s", want[i].name);
		KUNIT_EXPECT_EQ_MSG(test, f->offset, want[i].offset, "%s",
				    want[i].name);
		KUNIT_EXPECT_EQ_MSG(test, f->size, want[i].size, "%s",
				    want[i].name);
	}
	KUNIT_EXPECT_NULL(test, trace_find_event_field(&kunit_call, "nope"));
	kunit_fields_teardown();
}

static void fields_format_text(struct kunit *test)
{
	static const char want[] =
		"name: kunit_event\n"
		"ID: 4242\n"
		"format:\n"
		"\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n"
		"\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;\n"
		"\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;\n"
		"\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n"
		"\n"
		"\tfield:char c;\toffset:8;\tsize:1;\tsigned:0;\n"
		"\tfield:u64 big;\toffset:16;\tsize:8;\tsigned:0;\n"
		"\tfield:int arr[3];\toffset:24;\tsize:12;\tsigned:1;\n"
		"\tfield:__data_loc char[] name;\toffset:36;\tsize:4;\tsigned:0;\n"
		"\tfield:short s;\toffset:40;\tsize:2;\tsigned:1;\n"
		"\n"
		"print fmt: \"c=%d\", REC->c\n";
	struct seq_file *m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, m);
	m->size = 4096;
	m->buf = kunit_kzalloc(test, m->size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m->buf);
	kunit_fields_setup(test);
	trace_event_format_show(m, &kunit_call);
	kunit_fields_teardown();
	KUNIT_EXPECT_EQ(test, m->count, sizeof(want) - 1);
	KUNIT_EXPECT_MEMEQ(test, m->buf, want, sizeof(want) - 1);
}

/*
 * trace_event_strlen() (stages/strlen.h) against strlen(): every length
 * up to 40 at every alignment, and strings that end on the last bytes of
 * a page followed by an unmapped one (a vmalloc() guard page), where the
 * word loads run past the page.
 */
static void tef_strlen(struct kunit *test)
{
	char *buf = kunit_kzalloc(test, 64, GFP_KERNEL), *page;
	unsigned int len, align, i;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (align = 0; align < 8; align++)
		for (len = 0; len <= 40; len++) {
			memset(buf, 'x', 63);
			buf[align + len] = '\0';
			KUNIT_EXPECT_EQ(test, trace_event_strlen(buf + align),
					(size_t)len);
		}

	page = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, page);
	memset(page, 'y', PAGE_SIZE);
	page[PAGE_SIZE - 1] = '\0';
	for (i = 1; i <= 20; i++)
		KUNIT_EXPECT_EQ(test,
				trace_event_strlen(page + PAGE_SIZE - i),
				(size_t)i - 1);
	vfree(page);
}

static struct kunit_case trace_event_fields_cases[] = {
	KUNIT_CASE(fields_layout),
	KUNIT_CASE(fields_format_text),
	KUNIT_CASE(tef_strlen),
	{}
};

static struct kunit_suite trace_event_fields_suite = {
	.name = "trace_event_fields",
	.test_cases = trace_event_fields_cases,
};
kunit_test_suite(trace_event_fields_suite);
