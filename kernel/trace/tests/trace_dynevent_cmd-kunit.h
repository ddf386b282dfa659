/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for trace_dynevent_cmd.c, included at the end of it: the
 * text the builder makes (spaces, separators, operators), lengths up to
 * and past the buffer, check callbacks and the command type.
 */
#include <kunit/test.h>

static int dc_runs;

static int dc_run(struct dynevent_cmd *cmd)
{
	dc_runs++;
	return 7;
}

static int dc_refuse(void *arg)
{
	return -EPERM;
}

static int dc_accept(void *arg)
{
	return 0;
}

static void dynevent_cmd_text(struct kunit *test)
{
	struct dynevent_arg_pair pair;
	struct dynevent_arg arg;
	struct dynevent_cmd cmd;
	char buf[128];

	dynevent_cmd_init(&cmd, buf, sizeof(buf), DYNEVENT_TYPE_SYNTH, dc_run);
	dynevent_arg_init(&arg, NULL, 0);
	arg.str = "ev";
	KUNIT_EXPECT_EQ(test, dynevent_arg_add(&cmd, &arg), 0);
	dynevent_arg_pair_init(&pair, dc_accept, 0, ';');
	pair.lhs = "u64";
	pair.rhs = "lat";
	KUNIT_EXPECT_EQ(test, dynevent_arg_pair_add(&cmd, &pair), 0);
	dynevent_arg_pair_init(&pair, NULL, '=', 0);
	pair.lhs = "flags";
	pair.rhs = "%cx";
	KUNIT_EXPECT_EQ(test, dynevent_arg_pair_add(&cmd, &pair), 0);
	dynevent_arg_init(&arg, NULL, ';');
	arg.str = "int x";
	KUNIT_EXPECT_EQ(test, dynevent_arg_add(&cmd, &arg), 0);
	KUNIT_EXPECT_EQ(test, dynevent_str_add(&cmd, "!"), 0);
	KUNIT_EXPECT_STREQ(test, buf, "ev u64 lat; flags=%cx int x;!");
	KUNIT_EXPECT_EQ(test, dynevent_create(&cmd), 7);
	KUNIT_EXPECT_EQ(test, dc_runs, 1);
}

static void dynevent_cmd_lengths(struct kunit *test)
{
	struct dynevent_arg arg;
	struct dynevent_cmd cmd;
	char buf[8];

	/* Seven characters and the NUL fit; the eighth does not. */
	dynevent_cmd_init(&cmd, buf, sizeof(buf), DYNEVENT_TYPE_SYNTH, dc_run);
	dynevent_arg_init(&arg, NULL, 0);
	arg.str = "abc";
	KUNIT_EXPECT_EQ(test, dynevent_arg_add(&cmd, &arg), 0);
	arg.str = "def";
	KUNIT_EXPECT_EQ(test, dynevent_arg_add(&cmd, &arg), 0);
	KUNIT_EXPECT_STREQ(test, buf, "abc def");
	KUNIT_EXPECT_EQ(test, dynevent_str_add(&cmd, "g"), -E2BIG);
	arg.str = "";
	KUNIT_EXPECT_EQ(test, dynevent_arg_add(&cmd, &arg), -E2BIG);
	KUNIT_EXPECT_STREQ(test, buf, "abc def");
	KUNIT_EXPECT_EQ(test, seq_buf_used(&cmd.seq), 7);

	/* A separator that does not fit refuses the whole argument. */
	dynevent_cmd_init(&cmd, buf, sizeof(buf), DYNEVENT_TYPE_KPROBE, dc_run);
	dynevent_arg_init(&arg, NULL, ';');
	arg.str = "abcdefg";
	KUNIT_EXPECT_EQ(test, dynevent_arg_add(&cmd, &arg), -E2BIG);
	KUNIT_EXPECT_STREQ(test, buf, "");
	arg.str = "abcdef";
	KUNIT_EXPECT_EQ(test, dynevent_arg_add(&cmd, &arg), 0);
	KUNIT_EXPECT_STREQ(test, buf, "abcdef;");
}

static void dynevent_cmd_checks(struct kunit *test)
{
	struct dynevent_arg_pair pair;
	struct dynevent_arg arg;
	struct dynevent_cmd cmd;
	char buf[32];

	dynevent_cmd_init(&cmd, buf, sizeof(buf), DYNEVENT_TYPE_SYNTH, dc_run);
	dynevent_arg_init(&arg, dc_refuse, 0);
	arg.str = "x";
	KUNIT_EXPECT_EQ(test, dynevent_arg_add(&cmd, &arg), -EPERM);
	dynevent_arg_pair_init(&pair, dc_refuse, 0, ';');
	pair.lhs = "u64";
	pair.rhs = "x";
	KUNIT_EXPECT_EQ(test, dynevent_arg_pair_add(&cmd, &pair), -EPERM);
	KUNIT_EXPECT_STREQ(test, buf, "");

	/* Missing parts, and commands of no valid type. */
	dynevent_arg_init(&arg, NULL, 0);
	KUNIT_EXPECT_EQ(test, dynevent_arg_add(&cmd, &arg), -EINVAL);
	dynevent_arg_pair_init(&pair, NULL, 0, 0);
	pair.lhs = "u64";
	KUNIT_EXPECT_EQ(test, dynevent_arg_pair_add(&cmd, &pair), -EINVAL);
	KUNIT_EXPECT_EQ(test, dynevent_str_add(&cmd, NULL), -EINVAL);
	dynevent_cmd_init(&cmd, buf, sizeof(buf), DYNEVENT_TYPE_NONE, dc_run);
	KUNIT_EXPECT_EQ(test, dynevent_str_add(&cmd, "a"), -EINVAL);
	KUNIT_EXPECT_EQ(test, dynevent_create(&cmd), -EINVAL);
	dynevent_cmd_init(&cmd, buf, sizeof(buf), 0, dc_run);
	KUNIT_EXPECT_EQ(test, dynevent_str_add(&cmd, "a"), -EINVAL);
	dynevent_cmd_init(&cmd, buf, sizeof(buf), DYNEVENT_TYPE_SYNTH, NULL);
	KUNIT_EXPECT_EQ(test, dynevent_create(&cmd), -EINVAL);
	KUNIT_EXPECT_EQ(test, dynevent_create(NULL), -EINVAL);
}

static struct kunit_case trace_dynevent_cmd_cases[] = {
	KUNIT_CASE(dynevent_cmd_text),
	KUNIT_CASE(dynevent_cmd_lengths),
	KUNIT_CASE(dynevent_cmd_checks),
	{}
};

static struct kunit_suite trace_dynevent_cmd_suite = {
	.name		= "trace_dynevent_cmd",
	.test_cases	= trace_dynevent_cmd_cases,
};
kunit_test_suite(trace_dynevent_cmd_suite);
