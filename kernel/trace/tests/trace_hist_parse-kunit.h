/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for trace_hist_parse.c, included at the end of it: the
 * shape of every kind of hist command, and every refusal with the
 * position of the token at fault (in the whole command, "hist:" included,
 * as error_log's caret).
 */
#include <kunit/test.h>

#define HP_OFF	5	/* strlen("hist:") */

/* A spec off the stack: it is too big for a KASAN kernel's frames. */
static struct hist_spec *hp_spec(struct kunit *test)
{
	struct hist_spec *spec = kunit_kzalloc(test, sizeof(*spec),
					       GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, spec);
	return spec;
}

/* A command that parses, and what it must count. */
static const struct {
	const char	*line;
	u8		keys, vals, sort, bits;
	bool		pause, cont, clear, nohc;
} hp_good[] = {
	{ "hist:keys=pid", 1, 0, 0, 0 },
	{ "hist:key=pid", 1, 0, 0, 0 },
	{ "hist:keys=a,b", 2, 0, 0, 0 },
	{ "hist:keys=a,b,c", 3, 0, 0, 0 },
	{ "hist:keys=a:vals=b", 1, 1, 0, 0 },
	{ "hist:keys=a:val=b", 1, 1, 0, 0 },
	{ "hist:keys=a:values=b,c", 1, 2, 0, 0 },
	{ "hist:keys=a:vals=hitcount", 1, 0, 0, 0 },
	{ "hist:keys=a:vals=hitcount,b", 1, 1, 0, 0 },
	{ "hist:keys=a:vals=b,hitcount", 1, 1, 0, 0 },
	{ "hist:vals=b:keys=a", 1, 1, 0, 0 },
	{ "hist:keys=a:sort=a", 1, 0, 1, 0 },
	{ "hist:keys=a:sort=hitcount", 1, 0, 1, 0 },
	{ "hist:keys=a,b:sort=a,b", 2, 0, 2, 0 },
	{ "hist:keys=a:sort=a.descending", 1, 0, 1, 0 },
	{ "hist:keys=a:sort=a.ascending", 1, 0, 1, 0 },
	{ "hist:keys=a:vals=b:sort=b.descending,a", 1, 1, 2, 0 },
	{ "hist:keys=a.log2:sort=a.log2", 1, 0, 1, 0 },
	{ "hist:keys=a.buckets=10:sort=a.buckets=10", 1, 0, 1, 0 },
	{ "hist:keys=a.log2:sort=a.log2.descending", 1, 0, 1, 0 },
	{ "hist:keys=a:size=128", 1, 0, 0, 7 },
	{ "hist:keys=a:size=65", 1, 0, 0, 7 },
	{ "hist:keys=a:size=129", 1, 0, 0, 8 },
	{ "hist:keys=a:size=2048", 1, 0, 0, 11 },
	{ "hist:keys=a:size=3000", 1, 0, 0, 12 },
	{ "hist:keys=a:size=131072", 1, 0, 0, 17 },
	{ "hist:keys=a:size=0x100", 1, 0, 0, 8 },
	{ "hist:keys=a:pause", 1, 0, 0, 0, true },
	{ "hist:keys=a:cont", 1, 0, 0, 0, false, true },
	{ "hist:keys=a:continue", 1, 0, 0, 0, false, true },
	{ "hist:keys=a:clear", 1, 0, 0, 0, false, false, true },
	{ "hist:keys=a:pause:clear", 1, 0, 0, 0, true, false, true },
	{ "hist:keys=a:vals=b:nohitcount", 1, 1, 0, 0, .nohc = true },
	{ "hist:keys=a:vals=b:NOHC", 1, 1, 0, 0, .nohc = true },
	{ "hist:keys=a:vals=hitcount.percent:nohitcount", 1, 0, 0, 0,
	  .nohc = true },
	{ "hist:keys=a:vals=hitcount.graph:NOHC", 1, 0, 0, 0, .nohc = true },
	{ "hist:name=foo:keys=a", 1, 0, 0, 0 },
	{ "hist:keys=a:name=foo-bar_1", 1, 0, 0, 0 },
	{ "hist:keys=call_site.sym", 1, 0, 0, 0 },
	{ "hist:keys=call_site.sym-offset", 1, 0, 0, 0 },
	{ "hist:keys=call_site.hex:vals=b.hex", 1, 1, 0, 0 },
	{ "hist:keys=id.syscall", 1, 0, 0, 0 },
	{ "hist:keys=common_pid.execname", 1, 0, 0, 0 },
	{ "hist:keys=common_stacktrace", 1, 0, 0, 0 },
	{ "hist:keys=stacktrace", 1, 0, 0, 0 },
	{ "hist:keys=st.stacktrace", 1, 0, 0, 0 },
	{ "hist:keys=common_timestamp.usecs", 1, 0, 0, 0 },
	{ "hist:keys=a:vals=b.percent,c.graph", 1, 2, 0, 0 },
	{ "hist:keys=a.buckets=0x10", 1, 0, 0, 0 },
	{ "hist:keys=a,b,c:vals=d,e,f,g:sort=d,a:size=256:name=n:pause",
	  3, 4, 2, 8, true },
};

static void hist_parse_good(struct kunit *test)
{
	struct hist_spec *spec = hp_spec(test);
	struct hist_error err;
	char buf[160];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(hp_good); i++) {
		const char *line = hp_good[i].line;

		strscpy(buf, line, sizeof(buf));
		KUNIT_EXPECT_EQ_MSG(test, hist_parse(buf + HP_OFF, HP_OFF,
						     spec, &err), 0,
				    "%s: %s at %u", line, hist_errs[err.code],
				    err.pos);
		KUNIT_EXPECT_EQ_MSG(test, spec->nr_keys, hp_good[i].keys, "%s",
				    line);
		KUNIT_EXPECT_EQ_MSG(test, spec->nr_vals, hp_good[i].vals, "%s",
				    line);
		KUNIT_EXPECT_EQ_MSG(test, spec->nr_sort, hp_good[i].sort, "%s",
				    line);
		KUNIT_EXPECT_EQ_MSG(test, spec->bits, hp_good[i].bits, "%s",
				    line);
		KUNIT_EXPECT_EQ_MSG(test, spec->pause, hp_good[i].pause, "%s",
				    line);
		KUNIT_EXPECT_EQ_MSG(test, spec->cont, hp_good[i].cont, "%s",
				    line);
		KUNIT_EXPECT_EQ_MSG(test, spec->clear, hp_good[i].clear, "%s",
				    line);
		KUNIT_EXPECT_EQ_MSG(test, spec->nohitcount, hp_good[i].nohc,
				    "%s", line);
	}
}

/* The parts of one command, down to names, modifiers and positions. */
static void hist_parse_parts(struct kunit *test)
{
	char buf[] = "hist:keys=call_site.sym,bytes_req.buckets=64:vals=bytes_alloc.hex:sort=bytes_alloc.descending:name=kh";
	struct hist_spec *spec = hp_spec(test);
	struct hist_error err;

	KUNIT_ASSERT_EQ(test, hist_parse(buf + HP_OFF, HP_OFF, spec, &err),
			0);
	KUNIT_EXPECT_EQ(test, spec->keys[0].len, 9);
	KUNIT_EXPECT_EQ(test, memcmp(spec->keys[0].name, "call_site", 9), 0);
	KUNIT_EXPECT_EQ(test, spec->keys[0].pos, 10);
	KUNIT_EXPECT_EQ(test, spec->keys[0].mods, BIT(FMOD_SYM));
	KUNIT_EXPECT_EQ(test, spec->keys[0].mod_pos, 20);
	KUNIT_EXPECT_EQ(test, spec->keys[1].mods, BIT(FMOD_BUCKETS));
	KUNIT_EXPECT_EQ(test, spec->keys[1].buckets, 64);
	KUNIT_EXPECT_EQ(test, spec->vals[0].mods, BIT(FMOD_HEX));
	KUNIT_EXPECT_EQ(test, spec->vals[0].len, 11);
	KUNIT_EXPECT_TRUE(test, spec->sort[0].descending);
	KUNIT_EXPECT_EQ(test, spec->sort[0].field.len, 11);
	KUNIT_EXPECT_EQ(test, spec->sort[0].field.mods, 0);
	KUNIT_EXPECT_EQ(test, spec->name_len, 2);
	KUNIT_EXPECT_EQ(test, memcmp(spec->name, "kh", 2), 0);
	KUNIT_EXPECT_EQ(test, spec->keys_pos, 5);
}

/* A refused command: its code, and the text the caret goes under. */
static const struct {
	const char	*line;
	u8		code;
	const char	*at;	/* NULL: the end of the line */
	u8		nth;	/* occurrences of @at to pass over */
} hp_bad[] = {
	/* mainline's trigger-hist-syntax-errors cases */
	{ "hist:keys=common_pid:vals=bytes_req:sort=common_pid.junk",
	  HERR_BAD_SORT_MOD, "junk" },
	{ "hist:keys=common_pid:vals=bytes_req:sort=",
	  HERR_EMPTY_ASSIGNMENT, "sort=" },
	{ "hist:keys=common_pid:vals=bytes_req:sort=common_pid,",
	  HERR_EMPTY_SORT_FIELD, "sort=" },
	{ "hist:keys=common_pid:vals=bytes_req,bytes_alloc:sort=common_pid,bytes_req,bytes_alloc",
	  HERR_TOO_MANY_SORT, "sort=" },
	/* empty and unknown items */
	{ "hist:", HERR_NO_KEYS, NULL },
	{ "hist:vals=a", HERR_NO_KEYS, "vals" },
	{ "hist:pause", HERR_NO_KEYS, "pause" },
	{ "hist:keys=a:", HERR_BAD_PARAM, NULL },
	{ "hist::keys=a", HERR_BAD_PARAM, ":keys" },
	{ "hist:keys=a::pause", HERR_BAD_PARAM, ":pause" },
	{ "hist:keys=a:junk", HERR_BAD_PARAM, "junk" },
	{ "hist:keys=a:x-y=1", HERR_VAR_NAME, "x-y=1" },
	{ "hist:keys=a:x=1:x=2", HERR_VAR_DUP, "x=2" },
	{ "hist:keys=a:x=1,y=", HERR_EMPTY_ASSIGNMENT, "y=" },
	{ "hist:keys=a:x=3/0", HERR_EXPR_DIV_ZERO, "0" },
	{ "hist:keys=a:x=1+2+3+4+5", HERR_EXPR_TOO_MANY, "1+2" },
	{ "hist:keys=a:vals=$", HERR_EXPR_SYNTAX, NULL },
	{ "hist:keys=$a-b", HERR_VAR_NAME, "$a" },
	{ "hist:keys=a:onmax($x).save()", HERR_BAD_ACTION, "save" },
	{ "hist:keys=a:onmax($x).snapshot(a)", HERR_BAD_ACTION, "snapshot" },
	{ "hist:keys=a:onmax($x).trace()", HERR_BAD_ACTION, "trace" },
	{ "hist:keys=a:onmax($x).foo(a)", HERR_BAD_ACTION, "foo" },
	{ "hist:keys=a:onmax($x)", HERR_BAD_ACTION, NULL },
	{ "hist:keys=a:onmax($x)save(a)", HERR_BAD_ACTION, "save" },
	{ "hist:keys=a:onmax().save(a)", HERR_BAD_HANDLER, ").save" },
	{ "hist:keys=a:onmax($x.save(a)", HERR_BAD_HANDLER, "$x" },
	{ "hist:keys=a:onmatch(s.e).save(a)", HERR_BAD_PAIR, "save" },
	{ "hist:keys=a:onmatch(s.e).snapshot()", HERR_BAD_PAIR, "snapshot" },
	{ "hist:keys=a:onmatch(s.e).ev(a,,b)", HERR_BAD_ACTION, ",b" },
	{ "hist:keys=a:onmatch(s.e).ev(a,)", HERR_BAD_ACTION, ")", 1 },
	{ "hist:keys=a:pause=1", HERR_BAD_PARAM, "pause=1" },
	{ "hist:keys=a:clear=", HERR_BAD_PARAM, "clear=" },
	{ "hist:keys", HERR_EMPTY_ASSIGNMENT, "keys" },
	{ "hist:keys=", HERR_EMPTY_ASSIGNMENT, "keys=" },
	{ "hist:keys=a:vals=", HERR_EMPTY_ASSIGNMENT, "vals=" },
	{ "hist:keys=a:size", HERR_EMPTY_ASSIGNMENT, "size" },
	{ "hist:keys=a:name=", HERR_EMPTY_ASSIGNMENT, "name=" },
	/* given twice */
	{ "hist:keys=a:keys=b", HERR_DUP_PARAM, "keys=b" },
	{ "hist:keys=a:key=b", HERR_DUP_PARAM, "key=b" },
	{ "hist:keys=a:vals=b:val=c", HERR_DUP_PARAM, "val=c" },
	{ "hist:keys=a:sort=a:sort=hitcount", HERR_DUP_PARAM, "sort=hitcount" },
	{ "hist:keys=a:size=256:size=512", HERR_DUP_PARAM, "size=512" },
	{ "hist:keys=a:pause:pause", HERR_DUP_PARAM, "pause", 1 },
	{ "hist:keys=a:clear:clear", HERR_DUP_PARAM, "clear", 1 },
	{ "hist:keys=a:cont:continue", HERR_DUP_PARAM, "continue" },
	{ "hist:keys=a:NOHC:nohitcount", HERR_DUP_PARAM, "nohitcount" },
	{ "hist:keys=a:name=x:name=y", HERR_DUP_PARAM, "name=y" },
	/* fields */
	{ "hist:keys=a,b,c,d", HERR_TOO_MANY_KEYS, "keys" },
	{ "hist:keys=,a", HERR_EMPTY_FIELD, ",a" },
	{ "hist:keys=a,", HERR_EMPTY_FIELD, NULL },
	{ "hist:keys=a,,b", HERR_EMPTY_FIELD, ",b" },
	{ "hist:keys=.hex", HERR_EMPTY_FIELD, ".hex" },
	{ "hist:keys=a:vals=b,", HERR_EMPTY_FIELD, NULL },
	{ "hist:keys=a:vals=,b", HERR_EMPTY_FIELD, ",b" },
	{ "hist:keys=a.junk", HERR_BAD_MODIFIER, "junk" },
	{ "hist:keys=a.HEX", HERR_BAD_MODIFIER, "HEX" },
	{ "hist:keys=a.", HERR_BAD_MODIFIER, NULL },
	{ "hist:keys=a.hex.sym", HERR_BAD_MODIFIER, "hex.sym" },
	{ "hist:keys=a.percent", HERR_BAD_MODIFIER, "percent" },
	{ "hist:keys=a.graph", HERR_BAD_MODIFIER, "graph" },
	{ "hist:keys=a.ustring", HERR_BAD_MODIFIER, "ustring" },
	{ "hist:keys=a.function", HERR_BAD_MODIFIER, "function" },
	{ "hist:keys=a.descending", HERR_BAD_MODIFIER, "descending" },
	{ "hist:keys=a:vals=b.sym", HERR_BAD_MODIFIER, "sym" },
	{ "hist:keys=a:vals=b.log2", HERR_BAD_MODIFIER, "log2" },
	{ "hist:keys=a:vals=b.execname", HERR_BAD_MODIFIER, "execname" },
	{ "hist:keys=a:vals=b.stacktrace", HERR_BAD_MODIFIER, "stacktrace" },
	{ "hist:keys=a:vals=hitcount.sym", HERR_BAD_MODIFIER, "sym" },
	{ "hist:keys=a.buckets", HERR_BAD_MODIFIER, "buckets" },
	{ "hist:keys=a.hex=4", HERR_BAD_MODIFIER, "hex=4" },
	{ "hist:keys=a.buckets=", HERR_BAD_BUCKETS, NULL },
	{ "hist:keys=a.buckets=0", HERR_BAD_BUCKETS, "0" },
	{ "hist:keys=a.buckets=x", HERR_BAD_BUCKETS, "x" },
	{ "hist:keys=a.buckets=-5", HERR_BAD_BUCKETS, "-5" },
	{ "hist:keys=a.buckets=99999999999999999999999", HERR_BAD_BUCKETS,
	  "9999" },
	{ "hist:keys=a:vals=b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q",
	  HERR_TOO_MANY_VALS, "q" },
	/* sort */
	{ "hist:keys=a:sort=a,b,c", HERR_TOO_MANY_SORT, "sort" },
	{ "hist:keys=a:sort=,a", HERR_EMPTY_SORT_FIELD, "sort" },
	{ "hist:keys=a:sort=a,,b", HERR_EMPTY_SORT_FIELD, "sort" },
	{ "hist:keys=a:sort=a.up", HERR_BAD_SORT_MOD, "up" },
	{ "hist:keys=a:sort=a.", HERR_BAD_SORT_MOD, NULL },
	{ "hist:keys=a:sort=.descending", HERR_EMPTY_FIELD, ".descending" },
	{ "hist:keys=a:sort=a.junk.descending", HERR_BAD_MODIFIER, "junk" },
	/* size */
	{ "hist:keys=a:size=64", HERR_BAD_SIZE, "64" },
	{ "hist:keys=a:size=131073", HERR_BAD_SIZE, "131073" },
	{ "hist:keys=a:size=0", HERR_BAD_SIZE, "0" },
	{ "hist:keys=a:size=-1", HERR_BAD_SIZE, "-1" },
	{ "hist:keys=a:size=1k", HERR_BAD_SIZE, "1k" },
	{ "hist:keys=a:size=99999999999999999999", HERR_BAD_SIZE, "9999" },
	/* name */
	{ "hist:keys=a:name=a b", HERR_BAD_NAME, " b" },
	{ "hist:keys=a:name=a/b", HERR_BAD_NAME, "/b" },
	{ "hist:keys=a:name=a.b", HERR_BAD_NAME, ".b" },
	{ "hist:keys=a:name=0123456789012345678901234567890123456789012345678901234567890123",
	  HERR_BAD_NAME, "0123" },
	/* nohitcount needs something to show */
	{ "hist:keys=a:nohitcount", HERR_NOHC, "keys" },
	{ "hist:keys=a:vals=hitcount:NOHC", HERR_NOHC, "keys" },
	{ "hist:keys=a:vals=hitcount.hex:NOHC", HERR_NOHC, "keys" },
};

static void hist_parse_bad(struct kunit *test)
{
	struct hist_spec *spec = hp_spec(test);
	struct hist_error err;
	char buf[160];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(hp_bad); i++) {
		const char *line = hp_bad[i].line;
		unsigned int want;

		strscpy(buf, line, sizeof(buf));
		KUNIT_EXPECT_EQ_MSG(test, hist_parse(buf + HP_OFF, HP_OFF,
						     spec, &err), -EINVAL,
				    "%s", line);
		KUNIT_EXPECT_STREQ_MSG(test, hist_errs[err.code],
				       hist_errs[hp_bad[i].code], "%s", line);
		if (hp_bad[i].at) {
			const char *at = strstr(line + HP_OFF, hp_bad[i].at);
			unsigned int n;

			for (n = 0; n < hp_bad[i].nth; n++)
				at = strstr(at + 1, hp_bad[i].at);
			want = at - line;
		} else {
			want = strlen(line);
		}
		KUNIT_EXPECT_EQ_MSG(test, err.pos, want, "%s", line);
	}
}

/* Every message exists; every modifier is found where it is allowed. */
static void hist_parse_tables(struct kunit *test)
{
	static const struct {
		const char	*name;
		unsigned int	where;
		bool		found;
	} lookups[] = {
		{ "hex", FMW_KEY, true }, { "hex", FMW_VAL, true },
		{ "hex", FMW_FILTER, false }, { "sym", FMW_VAL, false },
		{ "ustring", FMW_FILTER, true }, { "ustring", FMW_KEY, false },
		{ "function", FMW_FILTER, true }, { "percent", FMW_VAL, true },
		{ "descending", FMW_SORT, true }, { "descending", FMW_KEY, false },
		{ "buckets", FMW_KEY, true }, { "bucket", FMW_KEY, false },
		{ "", FMW_KEY, false },
	};
	size_t i;

	for (i = 0; i < HERR_MAX; i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, hist_errs[i], "%zu", i);
	for (i = 0; i < FMOD_MAX; i++) {
		const struct field_mod *fm = &trace_field_mods[i];
		const struct field_mod *got;

		got = trace_field_mod_find(fm->name, strlen(fm->name),
					   fm->where);
		KUNIT_EXPECT_PTR_EQ(test, got, fm);
	}
	for (i = 0; i < ARRAY_SIZE(lookups); i++) {
		const char *name = lookups[i].name;
		bool found = trace_field_mod_find(name, strlen(name),
						  lookups[i].where);

		KUNIT_EXPECT_EQ_MSG(test, found, lookups[i].found, "%s", name);
	}
}

static struct kunit_case trace_hist_parse_cases[] = {
	KUNIT_CASE(hist_parse_good),
	KUNIT_CASE(hist_parse_parts),
	KUNIT_CASE(hist_parse_bad),
	KUNIT_CASE(hist_parse_tables),
	{}
};

static struct kunit_suite trace_hist_parse_suite = {
	.name		= "trace_hist_parse",
	.test_cases	= trace_hist_parse_cases,
};
kunit_test_suite(trace_hist_parse_suite);
