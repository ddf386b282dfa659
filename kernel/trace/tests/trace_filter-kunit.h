/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for the filter compiler, included at the end of
 * trace_filter_parse.c: well-formed expressions compiled against a
 * crafted event and run on a crafted record, and malformed ones with the
 * message and the byte the caret goes under.
 */
#include <kunit/test.h>

#include "../trace_scratch.h"

/* A record with a field of every kind the filter knows. */
struct kf_rec {
	struct trace_entry	ent;
	s8			s8v;
	u8			u8v;
	s16			s16v;
	u16			u16v;
	s32			s32v;
	u32			u32v;
	s64			s64v;
	u64			u64v;
	char			name[16];
	u32			__data_loc_dstr;
	u32			__rel_loc_rstr;
	const char		*ptr;
	unsigned long		fn;
	u32			__data_loc_mask;
	int			cpu_nr;
	int			arr[2];
	int			a;
	char			data[64];
};

#define KF_NUM(t, n, sgn)						\
	{ .type = #t, .name = #n, .size = sizeof(t), .align = sizeof(t), \
	  .is_signed = sgn }

static struct trace_event_fields kf_fields[] = {
	KF_NUM(s8, s8v, 1), KF_NUM(u8, u8v, 0),
	KF_NUM(s16, s16v, 1), KF_NUM(u16, u16v, 0),
	KF_NUM(s32, s32v, 1), KF_NUM(u32, u32v, 0),
	KF_NUM(s64, s64v, 1), KF_NUM(u64, u64v, 0),
	{ .type = "char", .name = "name", .size = 16, .align = 1,
	  .len = 16 },
	{ .type = "__data_loc char[]", .name = "dstr", .size = 4,
	  .align = 4, .filter_type = FILTER_DYN_STRING },
	{ .type = "__rel_loc char[]", .name = "rstr", .size = 4,
	  .align = 4, .filter_type = FILTER_RDYN_STRING },
	{ .type = "const char *", .name = "ptr", .size = 8, .align = 8 },
	{ .type = "unsigned long", .name = "fn", .size = 8, .align = 8 },
	{ .type = "__data_loc cpumask_t", .name = "mask", .size = 4,
	  .align = 4, .filter_type = FILTER_CPUMASK },
	KF_NUM(int, cpu_nr, 1),
	{ .type = "int", .name = "arr", .size = 8, .align = 4,
	  .is_signed = 1, .len = 2 },
	KF_NUM(int, a, 1),
	{}
};

static struct trace_event_class kf_class = {
	.system		= "kunit",
	.fields_array	= kf_fields,
	.fields		= LIST_HEAD_INIT(kf_class.fields),
};

static struct trace_event_call kf_call = {
	.class		= &kf_class,
	.name		= "kunit_filter",
};

static const char kf_kernel_str[] = "kernel_ptr";

/* The CPU the record names: the last one, below 8 * sizeof(long). */
static unsigned int kf_cpu(void)
{
	return min_t(unsigned int, nr_cpu_ids, 8 * sizeof(long)) - 1;
}

static void kf_fill(struct kf_rec *r)
{
	u32 off = offsetof(struct kf_rec, data);

	memset(r, 0, sizeof(*r));
	r->ent.type = 42;
	r->ent.preempt_count = 2;
	r->ent.pid = 1234;
	r->s8v = -5;
	r->u8v = 200;
	r->s16v = -300;
	r->u16v = 60000;
	r->s32v = -70000;
	r->u32v = 4000000000U;
	r->s64v = -5000000000LL;
	r->u64v = 0x8000000000000000ULL;
	strscpy(r->name, "bash", sizeof(r->name));
	strscpy(r->data, "hello world", 12);
	r->__data_loc_dstr = (12 << 16) | off;
	strscpy(r->data + 12, "relstr", 7);
	r->__rel_loc_rstr = (7 << 16) |
		(off + 12 - offsetof(struct kf_rec, __rel_loc_rstr) - 4);
	/* The last CPU (CPUS{} takes only CPUs below nr_cpu_ids) */
	r->data[24 + kf_cpu() / 8] = 1 << (kf_cpu() % 8);
	r->__data_loc_mask = (sizeof(long) << 16) | (off + 24);
	r->ptr = kf_kernel_str;
	r->fn = (unsigned long)trace_filter_match;
	r->cpu_nr = kf_cpu();
}

static void kf_setup(struct kunit *test)
{
	int ret;

	mutex_lock(&trace_mutex);
	ret = trace_event_define_fields(&kf_call);
	/* "char *" and .ustring comparisons copy into scratch pages. */
	trace_scratch_alloc();
	mutex_unlock(&trace_mutex);
	/* Asserts leave the case: never with a lock held. */
	KUNIT_ASSERT_EQ(test, ret, 0);
}

static void kf_teardown(void)
{
	mutex_lock(&trace_mutex);
	trace_event_free_fields(&kf_call);
	mutex_unlock(&trace_mutex);
}

static int kf_compile(const char *str, struct filter_prog **prog,
		      struct filter_error *err)
{
	int ret;

	mutex_lock(&trace_mutex);
	ret = trace_filter_compile(&kf_call, str, prog, err);
	mutex_unlock(&trace_mutex);
	return ret;
}

/* Every jump of a program goes forward, and no further than "reject". */
static void kf_check_jumps(struct kunit *test, const struct filter_prog *prog,
			   const char *str)
{
	int i;

	for (i = 0; i < prog->nr_preds; i++) {
		KUNIT_EXPECT_GT_MSG(test, prog->preds[i].on_true, i, "%s", str);
		KUNIT_EXPECT_GT_MSG(test, prog->preds[i].on_false, i, "%s",
				    str);
		KUNIT_EXPECT_LE_MSG(test, prog->preds[i].on_true,
				    prog->nr_preds + 1, "%s", str);
		KUNIT_EXPECT_LE_MSG(test, prog->preds[i].on_false,
				    prog->nr_preds + 1, "%s", str);
	}
}

static const struct {
	const char	*str;
	bool		match;
} kf_good[] = {
	/* numbers: each size, sign and operator */
	{ "s8v == -5", 1 }, { "s8v < 0", 1 }, { "s8v > -6", 1 },
	{ "s8v >= -5", 1 }, { "s8v <= -6", 0 }, { "s8v != -5", 0 },
	{ "s8v == 0xfb", 0 },
	{ "u8v == 200", 1 }, { "u8v > 100", 1 }, { "u8v & 8", 1 },
	{ "u8v & 1", 0 }, { "u8v == 0310", 1 },
	{ "s16v == -300", 1 }, { "s16v < -299", 1 }, { "s16v > -300", 0 },
	{ "s16v >= -300", 1 },
	{ "u16v == 60000", 1 }, { "u16v > 59999", 1 }, { "u16v <= 60000", 1 },
	{ "u16v < 60000", 0 },
	{ "s32v == -70000", 1 }, { "s32v < 0", 1 },
	{ "u32v == 4000000000", 1 }, { "u32v > 2147483648", 1 },
	{ "s64v == -5000000000", 1 }, { "s64v < -4999999999", 1 },
	{ "u64v == 0x8000000000000000", 1 }, { "u64v > 1", 1 },
	{ "u64v & 0x8000000000000000", 1 },
	/* the ends of each range, and constants past a field's range */
	{ "u8v == 456", 0 }, { "u8v != 456", 1 }, { "u8v < 0", 0 },
	{ "u8v >= 0", 1 }, { "u8v <= 255", 1 }, { "u8v > 255", 0 },
	{ "s8v < -128", 0 }, { "s8v > -129", 1 }, { "s8v <= 127", 1 },
	{ "s8v == 251", 0 }, { "s8v < 1000", 1 }, { "s8v > -1000", 1 },
	{ "s16v > -301 && s16v < -299", 1 }, { "s16v >= -299", 0 },
	{ "u16v < 60001", 1 }, { "u16v > 60000", 0 },
	{ "s32v <= -70000", 1 }, { "s32v < -70000", 0 },
	{ "u32v < 4000000001", 1 }, { "u32v >= 4000000001", 0 },
	{ "s64v < -9223372036854775808", 0 },
	{ "s64v >= -9223372036854775808", 1 },
	{ "s64v <= 9223372036854775807", 1 },
	{ "u64v < 0", 0 }, { "u64v >= 0", 1 },
	{ "u64v <= 0xffffffffffffffff", 1 },
	{ "u64v > 0x7fffffffffffffff", 1 }, { "u64v < 0x8000000000000000", 0 },
	{ "a == 0", 1 }, { "a < 1 && a > -1", 1 },
	/* common fields */
	{ "common_pid == 1234", 1 }, { "common_pid != 1234", 0 },
	{ "common_type == 42", 1 }, { "common_preempt_count < 4", 1 },
	{ "common_flags == 0", 1 }, { "common_type > 41", 1 },
	{ "common_pid < 1235 && common_pid >= 1234", 1 },
	/* logic, precedence and negation */
	{ "s8v == -5 && u8v == 200", 1 }, { "s8v == -5 && u8v == 201", 0 },
	{ "s8v == -4 || u8v == 200", 1 }, { "s8v == -4 || u8v == 201", 0 },
	{ "!(s8v == -5)", 0 }, { "!s8v == -5", 0 }, { "!!(s8v == -5)", 1 },
	{ "((s8v == -5))", 1 },
	{ "s8v == -4 || u8v == 201 || common_pid == 1234", 1 },
	{ "s8v == -5 && u8v == 200 && common_pid == 1", 0 },
	{ "s8v == -4 && u8v == 200 || common_pid == 1234", 1 },
	{ "s8v == -5 || u8v == 0 && common_pid == 1", 1 },
	{ "(s8v == -5 || u8v == 0) && common_pid == 1", 0 },
	{ "!(s8v == -4 || u8v == 201) && !(common_pid != 1234)", 1 },
	{ "((s32v >= -70000 && s32v < 0) || s8v == 17) && name != bash", 0 },
	{ "((s32v >= -70000 && s32v < 0) || s8v == 17) && name != zsh", 1 },
	{ "s8v==-5&&u8v==200", 1 }, { "  s8v == -5  ", 1 },
	{ "!(!(s8v == -5) || !(u8v == 200))", 1 },
	{ "(s8v == 1 || (u8v == 2 || (s16v == 3 || common_pid == 1234)))", 1 },
	/* fixed strings, quotes and globs */
	{ "name == bash", 1 }, { "name == \"bash\"", 1 },
	{ "name == 'bash'", 1 }, { "name != bash", 0 },
	{ "name ~ \"*sh\"", 1 }, { "name ~ \"ba*\"", 1 },
	{ "name ~ \"*as*\"", 1 }, { "name ~ \"b*h\"", 1 },
	{ "name ~ \"b?sh\"", 1 }, { "name ~ \"[abc]ash\"", 1 },
	{ "name ~ \"[!b]ash\"", 0 }, { "name ~ \"[a-c]a[r-t]h\"", 1 },
	{ "name ~ \"*zsh\"", 0 }, { "name ~ \"*\"", 1 },
	{ "name ~ bash", 1 }, { "name ~ bas", 0 }, { "name == bas", 0 },
	{ "name ~ \"b*s*h\"", 1 }, { "name ~ \"*b*a*s*h*\"", 1 },
	{ "name ~ \"ba?\"", 0 }, { "name ~ \"[\"", 0 },
	/* dynamic strings */
	{ "dstr == \"hello world\"", 1 }, { "dstr ~ \"*world\"", 1 },
	{ "dstr ~ \"hello*\"", 1 }, { "dstr ~ \"*lo w*\"", 1 },
	{ "dstr ~ \"h*o*w?rld\"", 1 }, { "dstr ~ \"*x*\"", 0 },
	{ "rstr == relstr", 1 }, { "rstr ~ \"rel*\"", 1 },
	{ "rstr != relstr", 0 },
	/* a char * into the kernel */
	{ "ptr == kernel_ptr", 1 }, { "ptr ~ \"*ptr\"", 1 },
	{ "ptr != kernel_ptr", 0 },
	/* .function */
	{ "fn.function == trace_filter_match", 1 },
	{ "fn.function != trace_filter_match", 0 },
	{ "fn.function == trace_filter_compile", 0 },
	/* CPU numbers; masks are in filter_cpumask */
	{ "CPU < 100000", 1 }, { "cpu >= 0", 1 },
	{ "comm != \"no such task name\"", 1 },
};

static void filter_good(struct kunit *test)
{
	struct kf_rec *rec = kunit_kzalloc(test, sizeof(*rec), GFP_KERNEL);
	struct filter_prog *prog;
	struct filter_error err;
	size_t i;

	KUNIT_ASSERT_NOT_NULL(test, rec);
	kf_fill(rec);
	kf_setup(test);
	for (i = 0; i < ARRAY_SIZE(kf_good); i++) {
		const char *str = kf_good[i].str;
		int ret = kf_compile(str, &prog, &err);

		KUNIT_EXPECT_EQ_MSG(test, ret, 0, "%s: %s at %d", str,
				    ret == -EINVAL ? filter_errs[err.code] : "",
				    err.pos);
		if (ret)
			continue;
		kf_check_jumps(test, prog, str);
		preempt_disable();
		KUNIT_EXPECT_EQ_MSG(test, trace_filter_match(prog, rec),
				    kf_good[i].match, "%s", str);
		preempt_enable();
		kfree(prog);
	}
	kf_teardown();
}

/*
 * Number comparisons that the compiler runs in line (FOP_RANGE) and those
 * it leaves to the general path: "&", and fields in the first 8 bytes.
 */
static void filter_range_form(struct kunit *test)
{
	static const struct {
		const char	*str;
		u8		op;
	} cases[] = {
		{ "s8v == -5", FOP_RANGE }, { "u64v > 1", FOP_RANGE },
		{ "common_pid != 1", FOP_RANGE }, { "a <= 3", FOP_RANGE },
		{ "u8v & 8", FOP_AND }, { "u8v < 0", FOP_AND },
		{ "common_flags == 0", FOP_EQ },
		{ "common_preempt_count < 4", FOP_LT },
	};
	/* Whether trace_filter_match() runs the program in line. */
	static const struct {
		const char	*str;
		bool		simple;
	} simple[] = {
		{ "s8v == -5 && u64v > 1", true }, { "!(a == 1 || a == 2)", true },
		{ "a == 1 || u8v & 8", false }, { "a == 1 || name == x", false },
		{ "a == 1 || a == 2 || a == 3", false },
	};
	struct filter_prog *prog;
	struct filter_error err;
	size_t i;

	kf_setup(test);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		if (kf_compile(cases[i].str, &prog, &err)) {
			KUNIT_FAIL(test, "%s does not compile", cases[i].str);
			continue;
		}
		KUNIT_EXPECT_EQ_MSG(test, prog->preds[0].op, cases[i].op, "%s",
				    cases[i].str);
		KUNIT_EXPECT_EQ_MSG(test, prog->simple,
				    cases[i].op == FOP_RANGE, "%s",
				    cases[i].str);
		kfree(prog);
	}
	for (i = 0; i < ARRAY_SIZE(simple); i++) {
		if (kf_compile(simple[i].str, &prog, &err)) {
			KUNIT_FAIL(test, "%s does not compile", simple[i].str);
			continue;
		}
		KUNIT_EXPECT_EQ_MSG(test, prog->simple, simple[i].simple, "%s",
				    simple[i].str);
		kfree(prog);
	}
	kf_teardown();
}

/*
 * CPUS{} takes only CPUs below nr_cpu_ids, as mainline's cpulist_parse()
 * does, so the cases are written for the CPUs this boot has: A is the
 * record's CPU (the last), B another one when there are two.  On one CPU
 * there is no B, and a CPUS{} naming CPU 1 must be refused.
 */
static const struct {
	const char	*fmt;	/* one %u: CPU B if needs_b, else CPU A */
	bool		match;
	bool		needs_b;
} kf_cpu_cases[] = {
	{ "mask & CPUS{%u}", 1 }, { "mask == CPUS{%u}", 1 },
	{ "mask & %u", 1 }, { "cpu_nr == CPUS{%u}", 1 },
	{ "cpu_nr != CPUS{%u}", 0 }, { "cpu_nr & CPUS{0-%u}", 1 },
	{ "CPU & CPUS{0-%u}", 1 },
	{ "mask & CPUS{%u}", 0, true }, { "mask != CPUS{%u}", 1, true },
	{ "cpu_nr & CPUS{%u}", 0, true }, { "cpu_nr == CPUS{%u}", 0, true },
	{ "mask == CPUS{%u-1}", 0, true }, { "mask == %u", 0, true },
};

static void filter_cpumask(struct kunit *test)
{
	struct kf_rec *rec = kunit_kzalloc(test, sizeof(*rec), GFP_KERNEL);
	unsigned int a = kf_cpu();
	struct filter_prog *prog;
	struct filter_error err;
	char str[64];
	size_t i;
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, rec);
	kf_fill(rec);
	kf_setup(test);
	for (i = 0; i < ARRAY_SIZE(kf_cpu_cases); i++) {
		if (kf_cpu_cases[i].needs_b && !a)
			continue;
		/* B is CPU 0, A the last: "CPUS{0-1}" holds both */
		snprintf(str, sizeof(str), kf_cpu_cases[i].fmt,
			 kf_cpu_cases[i].needs_b ? 0 : a);
		ret = kf_compile(str, &prog, &err);
		KUNIT_EXPECT_EQ_MSG(test, ret, 0, "%s", str);
		if (ret)
			continue;
		preempt_disable();
		KUNIT_EXPECT_EQ_MSG(test, trace_filter_match(prog, rec),
				    kf_cpu_cases[i].match, "%s", str);
		preempt_enable();
		kfree(prog);
	}
	/* The first CPU this kernel does not have is refused. */
	snprintf(str, sizeof(str), "mask & CPUS{%u}", nr_cpu_ids);
	KUNIT_EXPECT_EQ_MSG(test, kf_compile(str, &prog, &err), -EINVAL, "%s",
			    str);
	KUNIT_EXPECT_EQ(test, err.code, FERR_BAD_CPUMASK);
	kf_teardown();
}

/* COMM is the running task's name; and pointers that fault never match. */
static void filter_comm_and_faults(struct kunit *test)
{
	static const char *const faulting[] = {
		"ptr == kernel_ptr", "ptr != kernel_ptr", "ptr ~ \"*\"",
		"fn.ustring == x", "fn.ustring != x", "ptr.ustring ~ \"*\"",
	};
	struct kf_rec *rec = kunit_kzalloc(test, sizeof(*rec), GFP_KERNEL);
	struct filter_prog *prog;
	struct filter_error err;
	char *str;
	size_t i;

	KUNIT_ASSERT_NOT_NULL(test, rec);
	kf_fill(rec);
	rec->ptr = (const char *)16;
	rec->fn = 16;
	kf_setup(test);
	str = kasprintf(GFP_KERNEL, "COMM == \"%s\" && comm ~ \"%.3s*\"",
			current->comm, current->comm);
	KUNIT_ASSERT_NOT_NULL(test, str);
	KUNIT_EXPECT_EQ(test, kf_compile(str, &prog, &err), 0);
	preempt_disable();
	KUNIT_EXPECT_TRUE(test, trace_filter_match(prog, rec));
	preempt_enable();
	kfree(prog);
	kfree(str);

	for (i = 0; i < ARRAY_SIZE(faulting); i++) {
		KUNIT_ASSERT_EQ(test, kf_compile(faulting[i], &prog, &err), 0);
		preempt_disable();
		KUNIT_EXPECT_FALSE_MSG(test, trace_filter_match(prog, rec),
				       "%s", faulting[i]);
		preempt_enable();
		kfree(prog);
	}
	kf_teardown();
}

/* @at: the text the caret goes under (its first occurrence); NULL: end. */
static const struct {
	const char	*str;
	u8		code;
	const char	*at;
} kf_bad[] = {
	{ "dsig == 17", FERR_FIELD_NOT_FOUND, "dsig" },
	{ "((s8v >= 10 && s8v < 15) || dsig == 17) && name != bash",
	  FERR_FIELD_NOT_FOUND, "dsig" },
	{ "common_pid == 1 && nosuch == 2", FERR_FIELD_NOT_FOUND, "nosuch" },
	{ "s8v == 1 && (u8v == 2 || dsig == 3)", FERR_FIELD_NOT_FOUND,
	  "dsig" },
	{ "s8v.foo == 1", FERR_FIELD_NOT_FOUND, "s8v" },
	{ "", FERR_MISSING_OPERAND, NULL },
	{ "   ", FERR_MISSING_OPERAND, NULL },
	{ "s8v == 1 &&", FERR_MISSING_OPERAND, NULL },
	{ "s8v == 1 ||", FERR_MISSING_OPERAND, NULL },
	{ "s8v == 1 && !", FERR_MISSING_OPERAND, NULL },
	{ "s8v == 1 || !! ", FERR_MISSING_OPERAND, NULL },
	{ "!", FERR_MISSING_OPERAND, NULL },
	{ "&& s8v == 1", FERR_MISSING_OPERAND, "&&" },
	{ "()", FERR_MISSING_OPERAND, ")" },
	{ "(s8v == 1", FERR_UNBALANCED, "(" },
	{ "s8v == 1)", FERR_UNBALANCED, ")" },
	{ "((s8v == 1)", FERR_UNBALANCED, "(" },
	{ "s8v == 1))", FERR_UNBALANCED, ")" },
	{ "(s8v == 1 && (u8v == 2)", FERR_UNBALANCED, "(" },
	{ "s8v == abc", FERR_BAD_NUMBER, "abc" },
	{ "u8v == -1", FERR_BAD_NUMBER, "-1" },
	{ "s8v == 1x", FERR_BAD_NUMBER, "1x" },
	{ "common_pid == 99999999999999999999", FERR_BAD_NUMBER, "9" },
	{ "s8v == \"1", FERR_BAD_STRING, "\"" },
	{ "name == \"bash", FERR_BAD_STRING, "\"" },
	{ "name == 'bash", FERR_BAD_STRING, "'" },
	{ "name < bash", FERR_BAD_FIELD_OP, "<" },
	{ "name & 1", FERR_BAD_FIELD_OP, "&" },
	{ "s8v ~ 1", FERR_BAD_FIELD_OP, "~" },
	{ "fn.function < 1", FERR_BAD_FIELD_OP, "<" },
	{ "fn.function & 1", FERR_BAD_FIELD_OP, "&" },
	{ "mask < 1", FERR_BAD_FIELD_OP, "<" },
	{ "COMM < 1", FERR_BAD_FIELD_OP, "<" },
	{ "CPU ~ 1", FERR_BAD_FIELD_OP, "~" },
	{ "cpu_nr < CPUS{0}", FERR_BAD_FIELD_OP, "<" },
	{ "s8v", FERR_MISSING_OP, NULL },
	{ "s8v 1", FERR_MISSING_OP, "1" },
	{ "s8v && u8v == 1", FERR_MISSING_OP, "&&" },
	{ "(s8v)", FERR_MISSING_OP, ")" },
	{ "s8v =~ 1", FERR_BAD_OP, "=~" },
	{ "s8v = -5", FERR_BAD_OP, "=" },
	{ "s8v=0", FERR_BAD_OP, "=" },
	{ "s8v <> 1", FERR_BAD_OP, "<>" },
	{ "s8v === 1", FERR_BAD_OP, "===" },
	{ "s8v ! 1", FERR_BAD_OP, "!" },
	{ "s8v % 1", FERR_BAD_OP, "%" },
	{ "s8v ==", FERR_MISSING_VALUE, NULL },
	{ "s8v == && u8v == 1", FERR_MISSING_VALUE, "&&" },
	{ "(s8v == )", FERR_MISSING_VALUE, ")" },
	{ "s8v == 1 u8v == 2", FERR_MISSING_LOGIC, "u8v" },
	{ "s8v == 1 (u8v == 2)", FERR_MISSING_LOGIC, "(" },
	{ "s8v == 1 !u8v == 2", FERR_MISSING_LOGIC, "!" },
	{ "s8v == 1 | u8v == 2", FERR_MISSING_LOGIC, "|" },
	{ "s8v == 1 & u8v == 2", FERR_MISSING_LOGIC, "& " },
	{ "(s8v == 1) (u8v == 2)", FERR_MISSING_LOGIC, "(u8v" },
	{ "== 1", FERR_MISSING_FIELD, "==" },
	{ "1 == s8v", FERR_MISSING_FIELD, "1" },
	{ "s8v == 1 &&& u8v == 2", FERR_MISSING_FIELD, "& u8v" },
	{ "fn.function == no_such_function_xyz", FERR_NO_FUNCTION, "no_" },
	{ "mask & CPUS{x}", FERR_BAD_CPUMASK, "CPUS" },
	{ "mask == CPUS{0-1", FERR_BAD_CPUMASK, "CPUS" },
	{ "CPU & CPUS{99999}", FERR_BAD_CPUMASK, "CPUS" },
	{ "mask == nope", FERR_BAD_CPUMASK, "nope" },
	{ "arr == 1", FERR_NOT_FILTERABLE, "arr" },
	{ "name.ustring == x", FERR_BAD_MODIFIER, "ustring" },
	{ "s8v.function == 1", FERR_BAD_MODIFIER, "function" },
	{ "COMM.ustring == x", FERR_BAD_MODIFIER, "ustring" },
};

static void filter_bad(struct kunit *test)
{
	struct filter_prog *prog = NULL;
	struct filter_error err;
	size_t i;

	kf_setup(test);
	for (i = 0; i < ARRAY_SIZE(kf_bad); i++) {
		const char *str = kf_bad[i].str;
		const char *at = kf_bad[i].at ? strstr(str, kf_bad[i].at) :
				 str + strlen(str);

		KUNIT_ASSERT_NOT_NULL_MSG(test, at, "%s", str);
		memset(&err, 0xff, sizeof(err));
		KUNIT_EXPECT_EQ_MSG(test, kf_compile(str, &prog, &err),
				    -EINVAL, "%s", str);
		KUNIT_EXPECT_STREQ_MSG(test, filter_errs[err.code],
				       filter_errs[kf_bad[i].code], "%s", str);
		KUNIT_EXPECT_EQ_MSG(test, err.pos, at - str, "%s", str);
	}
	KUNIT_EXPECT_NULL(test, prog);
	kf_teardown();
}

/* The limits: length, number of predicates, length of a string value. */
static void filter_limits(struct kunit *test)
{
	char *buf = kunit_kzalloc(test, FILTER_MAX_LEN + 2, GFP_KERNEL);
	struct filter_prog *prog;
	struct filter_error err;
	int i, n;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	kf_setup(test);

	/* FILTER_MAX_PREDS predicates compile; one more does not. */
	for (i = 0, n = 0; i < FILTER_MAX_PREDS; i++)
		n += sprintf(buf + n, "a==%d||", i % 10);
	buf[n - 2] = '\0';
	KUNIT_EXPECT_EQ(test, kf_compile(buf, &prog, &err), 0);
	if (!IS_ERR_OR_NULL(prog)) {
		KUNIT_EXPECT_EQ(test, prog->nr_preds, FILTER_MAX_PREDS);
		kf_check_jumps(test, prog, "max preds");
		kfree(prog);
	}
	strscpy(buf + n - 2, "||a==1", FILTER_MAX_LEN + 4 - n);
	KUNIT_EXPECT_EQ(test, kf_compile(buf, &prog, &err), -EINVAL);
	KUNIT_EXPECT_EQ(test, err.code, FERR_TOO_MANY_PREDS);
	KUNIT_EXPECT_EQ(test, err.pos, n);

	/* An expression of FILTER_MAX_LEN bytes is read; one more is not. */
	memset(buf, ' ', FILTER_MAX_LEN + 1);
	memcpy(buf, "a == 1", 6);
	buf[FILTER_MAX_LEN] = '\0';
	KUNIT_EXPECT_EQ(test, kf_compile(buf, &prog, &err), 0);
	kfree(prog);
	buf[FILTER_MAX_LEN] = ' ';
	KUNIT_EXPECT_EQ(test, kf_compile(buf, &prog, &err), -EINVAL);
	KUNIT_EXPECT_EQ(test, err.code, FERR_TOO_LONG);
	KUNIT_EXPECT_EQ(test, err.pos, FILTER_MAX_LEN);

	/* A string value must fit MAX_FILTER_STR_VAL with its NUL. */
	n = sprintf(buf, "name == \"");
	memset(buf + n, 'x', MAX_FILTER_STR_VAL);
	strscpy(buf + n + MAX_FILTER_STR_VAL, "\"", 2);
	KUNIT_EXPECT_EQ(test, kf_compile(buf, &prog, &err), -EINVAL);
	KUNIT_EXPECT_EQ(test, err.code, FERR_BAD_STRING);
	KUNIT_EXPECT_EQ(test, err.pos, n - 1);
	strscpy(buf + n + MAX_FILTER_STR_VAL - 1, "\"", 2);
	KUNIT_EXPECT_EQ(test, kf_compile(buf, &prog, &err), 0);
	kfree(prog);

	/* Deep nesting is no problem: no pass recurses. */
	n = FILTER_MAX_LEN / 3;
	memset(buf, '(', n);
	memcpy(buf + n, "a==1", 4);
	memset(buf + n + 4, ')', n);
	buf[2 * n + 4] = '\0';
	KUNIT_EXPECT_EQ(test, kf_compile(buf, &prog, &err), 0);
	kfree(prog);
	memset(buf, '!', FILTER_MAX_LEN - 4);
	strscpy(buf + FILTER_MAX_LEN - 4, "a==1", 5);
	KUNIT_EXPECT_EQ(test, kf_compile(buf, &prog, &err), 0);
	kfree(prog);
	kf_teardown();
}

/* Only a filter that reads common_flags or common_preempt_count needs them. */
static void filter_needs_ctx(struct kunit *test)
{
	static const struct {
		const char *str;
		bool needs;
	} cases[] = {
		{ "common_flags & 1", true },
		{ "common_preempt_count < 4", true },
		{ "s8v == 1 || !(common_flags == 0)", true },
		{ "common_pid == 1", false },
		{ "common_type == 1 && s8v == 1 && CPU == 0", false },
		{ "COMM ~ \"x*\" || CPU & CPUS{0}", false },
	};
	struct filter_prog *prog;
	struct filter_error err;
	size_t i;

	kf_setup(test);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		KUNIT_ASSERT_EQ(test, kf_compile(cases[i].str, &prog, &err), 0);
		KUNIT_EXPECT_EQ_MSG(test, prog->needs_ctx, cases[i].needs, "%s",
				    cases[i].str);
		kfree(prog);
	}
	kf_teardown();
}

/* What the filter file shows for an error. */
static void filter_err_text(struct kunit *test)
{
	static const char str[] = "((sig >= 10 && sig < 15) || dsig == 17)";
	struct filter_error err = { FERR_FIELD_NOT_FOUND, 28 };
	char *text = trace_filter_err_show(str, &err);

	KUNIT_ASSERT_NOT_NULL(test, text);
	KUNIT_EXPECT_STREQ(test, text,
			   "((sig >= 10 && sig < 15) || dsig == 17)\n"
			   "                            ^\n"
			   "parse_error: Field not found\n");
	kfree(text);
}

static struct kunit_case trace_filter_cases[] = {
	KUNIT_CASE(filter_good),
	KUNIT_CASE(filter_range_form),
	KUNIT_CASE(filter_cpumask),
	KUNIT_CASE(filter_comm_and_faults),
	KUNIT_CASE(filter_bad),
	KUNIT_CASE(filter_limits),
	KUNIT_CASE(filter_needs_ctx),
	KUNIT_CASE(filter_err_text),
	{}
};

static struct kunit_suite trace_filter_suite = {
	.name = "trace_filter",
	.test_cases = trace_filter_cases,
};
kunit_test_suite(trace_filter_suite);
