/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for trace_hist_expr.c, included at the end of it: what each
 * expression parses and folds to (as the listing prints it), and every
 * refusal with the position of the token at fault.
 */
#include <kunit/test.h>

/* An expression that parses, what it lists as, and its operators. */
static const struct {
	const char	*expr;
	const char	*shown;
	u8		ops;
	u8		kind;	/* of the root */
} hx_good[] = {
	{ "123", "123", 0, HX_CONST },
	{ "0x10", "16", 0, HX_CONST },
	{ "16-8-4-2", "2", 0, HX_CONST },
	{ "64/8/4/2", "1", 0, HX_CONST },
	{ "16-8+4+2", "14", 0, HX_CONST },
	{ "4*3/2*2", "12", 0, HX_CONST },
	{ "4+3*2-2", "8", 0, HX_CONST },
	{ "4+6/2-2", "5", 0, HX_CONST },
	{ "2*3+4", "10", 0, HX_CONST },
	{ "7/2", "3", 0, HX_CONST },
	{ "-5", "-5", 0, HX_CONST },
	{ "-(2+3)", "-5", 0, HX_CONST },
	{ "(2+3)*4", "20", 0, HX_CONST },
	{ "1-2", "-1", 0, HX_CONST },
	{ "pid", "pid", 0, HX_FIELD },
	{ "common_timestamp", "common_timestamp", 0, HX_FIELD },
	{ "common_timestamp.usecs", "common_timestamp.usecs", 0, HX_FIELD },
	{ "lat.buckets=10", "lat.buckets=10", 0, HX_FIELD },
	{ "lat.log2", "lat.log2", 0, HX_FIELD },
	{ "addr.sym-offset", "addr.sym-offset", 0, HX_FIELD },
	{ "$ts0", "$ts0", 0, HX_VAR },
	{ "sched.sched_waking.$ts0", "sched.sched_waking.$ts0", 0, HX_VAR },
	{ "common_timestamp.usecs-$ts0", "common_timestamp.usecs-$ts0", 1,
	  HX_SUB },
	{ "$a+$b", "$a+$b", 1, HX_ADD },
	{ "$a+$b-$c", "$a+$b-$c", 2, HX_SUB },
	{ "$a+$b*$c", "$a+$b*$c", 2, HX_ADD },
	{ "$a*$b+$c", "$a*$b+$c", 2, HX_ADD },
	{ "a/1000000", "a/1000000", 1, HX_DIV },
	{ "a-16-8", "a-16-8", 2, HX_SUB },
	{ "16-8-a", "8-a", 1, HX_SUB },
	{ "a*(2+3)", "a*5", 1, HX_MUL },
	{ "(a+b)*c", "(a+b)*c", 2, HX_MUL },
	{ "-(a+b)", "-(a+b)", 2, HX_NEG },
	{ "-a", "-a", 1, HX_NEG },
	{ "a+1+2", "a+1+2", 2, HX_ADD },
	{ "32+10*3/20", "33", 0, HX_CONST },
	{ "a/b", "a/b", 1, HX_DIV },
	{ "a/0x2", "a/2", 1, HX_DIV },
	{ "x.hex", "x.hex", 0, HX_FIELD },
	{ "common_cpu", "common_cpu", 0, HX_FIELD },
};

/* A refused expression, its code, and where the caret goes. */
static const struct {
	const char	*expr;
	u8		code;
	const char	*at;	/* NULL: the end */
} hx_bad[] = {
	{ "32+10*3/20-4", HXE_TOO_MANY, "10*3" },
	{ "1+2+3+4+5", HXE_TOO_MANY, "1+2+" },
	{ "a+b+c+d+e", HXE_TOO_MANY, "a+b+" },
	{ "a*b*c*d*e", HXE_TOO_MANY, "a*b*" },
	{ "a-b-c-d-e-f", HXE_TOO_MANY, "a-b-c-" },
	{ "(a+b)+(c+d)+e", HXE_TOO_MANY, "c+d" },
	{ "-(1)+2", HXE_UNARY, "1)" },
	{ "2*-3", HXE_UNARY, "3" },
	{ "a+-b", HXE_UNARY, "b" },
	{ "--1", HXE_UNARY, "1" },
	{ "-a*b", HXE_UNARY, "a*" },
	{ "3/0", HXE_DIV_ZERO, "0" },
	{ "a/0", HXE_DIV_ZERO, "0" },
	{ "a/(2-2)", HXE_DIV_ZERO, "2-2" },
	{ "8/(4-4)+1", HXE_DIV_ZERO, "4-4" },
	{ "", HXE_EMPTY, NULL },
	{ "a+", HXE_EMPTY, NULL },
	{ "a*", HXE_EMPTY, NULL },
	{ "+a", HXE_SYNTAX, "+a" },
	{ "a++b", HXE_SYNTAX, "+b" },
	{ "a b", HXE_SYNTAX, " b" },
	{ "(a+b", HXE_SYNTAX, NULL },
	{ "a+b)", HXE_SYNTAX, ")" },
	{ "()", HXE_SYNTAX, ")" },
	{ "$", HXE_SYNTAX, NULL },
	{ "$+1", HXE_SYNTAX, "+1" },
	{ "a,b", HXE_SYNTAX, ",b" },
	{ "a.junk", HXE_BAD_MOD, "junk" },
	{ "a.", HXE_BAD_MOD, NULL },
	{ "a.buckets", HXE_BAD_MOD, "buckets" },
	{ "a.buckets=", HXE_BAD_NUMBER, NULL },
	{ "a.buckets=0", HXE_BAD_NUMBER, "0" },
	{ "a.buckets=x", HXE_BAD_NUMBER, "x" },
	{ "99999999999999999999", HXE_BAD_NUMBER, "9" },
	{ "12ab", HXE_BAD_NUMBER, "12ab" },
	{ "a.ascending", HXE_BAD_MOD, "ascending" },
	{ "s.e.$", HXE_SYNTAX, NULL },
	{ "1/0+a", HXE_DIV_ZERO, "0" },
};

static void hx_check_good(struct kunit *test, struct hist_expr_pool *pool,
			  unsigned int i)
{
	const char *e = hx_good[i].expr;
	char buf[128];
	struct seq_buf sb;
	u16 pos;
	u8 root, code;

	pool->nr = 0;
	KUNIT_ASSERT_EQ_MSG(test, hist_expr_parse(pool, e, strlen(e), 10,
						  &root, &code, &pos), 0,
			    "%s", e);
	seq_buf_init(&sb, buf, sizeof(buf));
	hist_expr_print(&sb, pool, root);
	KUNIT_EXPECT_STREQ_MSG(test, seq_buf_str(&sb), hx_good[i].shown,
			       "%s", e);
	KUNIT_EXPECT_EQ_MSG(test, hist_expr_ops(pool, root), hx_good[i].ops,
			    "%s", e);
	KUNIT_EXPECT_EQ_MSG(test, pool->nodes[root].kind, hx_good[i].kind,
			    "%s", e);
}

static void hist_expr_good(struct kunit *test)
{
	struct hist_expr_pool *pool;
	unsigned int i;

	pool = kunit_kzalloc(test, sizeof(*pool), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pool);
	for (i = 0; i < ARRAY_SIZE(hx_good); i++)
		hx_check_good(test, pool, i);
}

static void hist_expr_bad(struct kunit *test)
{
	struct hist_expr_pool *pool;
	unsigned int i;
	u8 root, code;
	u16 pos;

	pool = kunit_kzalloc(test, sizeof(*pool), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pool);
	for (i = 0; i < ARRAY_SIZE(hx_bad); i++) {
		const char *e = hx_bad[i].expr, *at = hx_bad[i].at;
		size_t want = at ? strstr(e, at) - e : strlen(e);

		pool->nr = 0;
		KUNIT_EXPECT_EQ_MSG(test, hist_expr_parse(pool, e, strlen(e),
							  20, &root, &code,
							  &pos), -EINVAL,
				    "%s", e);
		KUNIT_EXPECT_EQ_MSG(test, code, hx_bad[i].code, "%s", e);
		KUNIT_EXPECT_EQ_MSG(test, pos, 20 + want, "%s", e);
	}
}

/* Names point into the text; qualifiers and modifiers are split out. */
static void hist_expr_parts(struct kunit *test)
{
	static const char e[] = "sched.sched_waking.$ts0-lat.buckets=8";
	struct hist_expr_pool *pool;
	const struct hist_node *n, *l, *r;
	u8 root, code;
	u16 pos;

	pool = kunit_kzalloc(test, sizeof(*pool), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pool);
	KUNIT_ASSERT_EQ(test, hist_expr_parse(pool, e, strlen(e), 0, &root,
					      &code, &pos), 0);
	n = &pool->nodes[root];
	KUNIT_ASSERT_EQ(test, n->kind, HX_SUB);
	l = &pool->nodes[n->l];
	r = &pool->nodes[n->r];
	KUNIT_EXPECT_EQ(test, l->kind, HX_VAR);
	KUNIT_EXPECT_EQ(test, l->sys_len, 18);
	KUNIT_EXPECT_EQ(test, memcmp(l->sys, "sched.sched_waking", 18), 0);
	KUNIT_EXPECT_EQ(test, l->len, 3);
	KUNIT_EXPECT_EQ(test, l->pos, 0);
	KUNIT_EXPECT_EQ(test, r->kind, HX_FIELD);
	KUNIT_EXPECT_EQ(test, r->len, 3);
	KUNIT_EXPECT_EQ(test, r->pos, 24);
	KUNIT_EXPECT_EQ(test, r->mods, BIT(FMOD_BUCKETS));
	KUNIT_EXPECT_EQ(test, r->value, 8);
	KUNIT_EXPECT_EQ(test, r->mod_pos, 28);
	KUNIT_EXPECT_EQ(test, n->pos, 0);
}

/* A pool that runs out refuses, and never writes past its end. */
static void hist_expr_pool_full(struct kunit *test)
{
	static const char e[] = "a+b";
	struct hist_expr_pool *pool;
	u8 root, code;
	u16 pos;

	pool = kunit_kzalloc(test, sizeof(*pool), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pool);
	pool->nr = HIST_NODES_MAX - 2;
	KUNIT_EXPECT_EQ(test, hist_expr_parse(pool, e, 3, 0, &root, &code,
					      &pos), -EINVAL);
	KUNIT_EXPECT_EQ(test, code, HXE_TOO_BIG);
	KUNIT_EXPECT_EQ(test, pool->nr, HIST_NODES_MAX);
}

static struct kunit_case trace_hist_expr_cases[] = {
	KUNIT_CASE(hist_expr_good),
	KUNIT_CASE(hist_expr_bad),
	KUNIT_CASE(hist_expr_parts),
	KUNIT_CASE(hist_expr_pool_full),
	{}
};

static struct kunit_suite trace_hist_expr_suite = {
	.name		= "trace_hist_expr",
	.test_cases	= trace_hist_expr_cases,
};

kunit_test_suite(trace_hist_expr_suite);
