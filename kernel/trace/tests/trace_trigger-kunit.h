/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for trace_trigger_parse.c, included at the end of it: the
 * shape of every command, and every refusal with the position of the
 * token at fault.
 */
#include <kunit/test.h>

/* A command that parses: what each part must be. */
static const struct {
	const char	*line;
	const char	*cmd;
	bool		remove;
	const char	*system;
	const char	*event;
	long		count;
	const char	*filter;
} tt_good[] = {
	{ "traceon", "traceon", false, NULL, NULL, -1, NULL },
	{ "traceoff", "traceoff", false, NULL, NULL, -1, NULL },
	{ "traceoff:1", "traceoff", false, NULL, NULL, 1, NULL },
	{ "traceon:0", "traceon", false, NULL, NULL, 0, NULL },
	{ "traceon:0x10", "traceon", false, NULL, NULL, 16, NULL },
	{ "traceon:010", "traceon", false, NULL, NULL, 8, NULL },
	{ "  traceon  ", "traceon", false, NULL, NULL, -1, NULL },
	{ "traceon\n", "traceon", false, NULL, NULL, -1, NULL },
	{ "\ttraceoff:3\t\n", "traceoff", false, NULL, NULL, 3, NULL },
	{ "snapshot", "snapshot", false, NULL, NULL, -1, NULL },
	{ "snapshot:1 if nr_rq > 1", "snapshot", false, NULL, NULL, 1,
	  "nr_rq > 1" },
	{ "snapshot if nr_rq > 1", "snapshot", false, NULL, NULL, -1,
	  "nr_rq > 1" },
	{ "stacktrace", "stacktrace", false, NULL, NULL, -1, NULL },
	{ "stacktrace:5 if bytes_req >= 65536", "stacktrace", false, NULL,
	  NULL, 5, "bytes_req >= 65536" },
	{ "stacktrace:5   if   bytes_req >= 65536  ", "stacktrace", false,
	  NULL, NULL, 5, "bytes_req >= 65536" },
	{ "stacktrace\tif\ta == 1", "stacktrace", false, NULL, NULL, -1,
	  "a == 1" },
	{ "traceon if (a == 1 || b == 2) && c", "traceon", false, NULL, NULL,
	  -1, "(a == 1 || b == 2) && c" },
	{ "traceon if x", "traceon", false, NULL, NULL, -1, "x" },
	{ "enable_event:kmem:kmalloc", "enable_event", false, "kmem",
	  "kmalloc", -1, NULL },
	{ "enable_event:kmem:kmalloc:1", "enable_event", false, "kmem",
	  "kmalloc", 1, NULL },
	{ "disable_event:kmem:kmalloc", "disable_event", false, "kmem",
	  "kmalloc", -1, NULL },
	{ "disable_event:sched:sched_switch:7 if prev_pid == 0",
	  "disable_event", false, "sched", "sched_switch", 7,
	  "prev_pid == 0" },
	{ "enable_event:kmem:kmalloc if bytes_req == 256", "enable_event",
	  false, "kmem", "kmalloc", -1, "bytes_req == 256" },
	{ "enable_event:a:b", "enable_event", false, "a", "b", -1, NULL },
	{ "enable_hist:sched:sched_switch", "enable_hist", false, "sched",
	  "sched_switch", -1, NULL },
	{ "disable_hist:sched:sched_switch:2 if prev_pid == 0",
	  "disable_hist", false, "sched", "sched_switch", 2,
	  "prev_pid == 0" },
	{ "!traceon", "traceon", true, NULL, NULL, -1, NULL },
	{ "!traceoff:unlimited", "traceoff", true, NULL, NULL, -1, NULL },
	{ "!traceoff:count=3", "traceoff", true, NULL, NULL, -1, NULL },
	{ "!stacktrace:5 if bytes_req >= 65536", "stacktrace", true, NULL,
	  NULL, -1, NULL },
	{ "!stacktrace:5", "stacktrace", true, NULL, NULL, -1, NULL },
	{ "!snapshot if nr_rq > 1", "snapshot", true, NULL, NULL, -1, NULL },
	{ "!snapshot:1 if", "snapshot", true, NULL, NULL, -1, NULL },
	{ "!enable_event:kmem:kmalloc:1", "enable_event", true, "kmem",
	  "kmalloc", -1, NULL },
	{ "!disable_event:kmem:kmalloc", "disable_event", true, "kmem",
	  "kmalloc", -1, NULL },
	{ "!enable_event:sched:sched_switch:unlimited", "enable_event", true,
	  "sched", "sched_switch", -1, NULL },
	{ "!enable_event:kmem:kmalloc garbage", "enable_event", true, "kmem",
	  "kmalloc", -1, NULL },
	{ "  !traceon:2 if a > 1", "traceon", true, NULL, NULL, -1, NULL },
};

static void trigger_parse_good(struct kunit *test)
{
	struct trigger_error err;
	struct trigger_spec spec;
	char buf[128];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(tt_good); i++) {
		const char *line = tt_good[i].line;

		strscpy(buf, line, sizeof(buf));
		if (trigger_parse(buf, &spec, &err)) {
			KUNIT_FAIL(test, "%s: refused: %s at %u", line,
				   trigger_errs[err.code], err.pos);
			continue;
		}
		KUNIT_EXPECT_STREQ_MSG(test, spec.cmd->name, tt_good[i].cmd,
				       "%s", line);
		KUNIT_EXPECT_EQ_MSG(test, spec.remove, tt_good[i].remove, "%s",
				    line);
		KUNIT_EXPECT_EQ_MSG(test, spec.count, tt_good[i].count, "%s",
				    line);
		if (tt_good[i].system) {
			KUNIT_EXPECT_STREQ_MSG(test, spec.system,
					       tt_good[i].system, "%s", line);
			KUNIT_EXPECT_STREQ_MSG(test, spec.event,
					       tt_good[i].event, "%s", line);
			/* The column is where the system's name starts. */
			KUNIT_EXPECT_EQ_MSG(test,
					    strncmp(line + spec.target_col,
						    tt_good[i].system,
						    strlen(tt_good[i].system)),
					    0, "%s", line);
			KUNIT_EXPECT_EQ_MSG(test, line[spec.target_col - 1],
					    ':', "%s", line);
		} else {
			KUNIT_EXPECT_NULL_MSG(test, spec.system, "%s", line);
		}
		if (tt_good[i].filter) {
			KUNIT_EXPECT_STREQ_MSG(test, spec.filter,
					       tt_good[i].filter, "%s", line);
			/* The column points at the filter in the line. */
			KUNIT_EXPECT_EQ_MSG(test,
					    strncmp(line + spec.filter_col,
						    tt_good[i].filter,
						    strlen(tt_good[i].filter)),
					    0, "%s", line);
		} else {
			KUNIT_EXPECT_NULL_MSG(test, spec.filter, "%s", line);
		}
	}
}

/* Names one byte longer than a target's system or event may be. */
#define TT_NAME64	"123456789012345678901234567890123456789012345678901234567890123"
#define TT_LONG_SYSTEM	"enable_event:a" TT_NAME64 ":b"
#define TT_LONG_EVENT	"enable_event:a:b" TT_NAME64

/* A refused command: its code, and the text the caret goes under. */
static const struct {
	const char	*line;
	u8		code;
	const char	*at;	/* NULL: the end of the (trimmed) line */
} tt_bad[] = {
	{ "", TERR_EMPTY, NULL },
	{ "\t \t\n", TERR_EMPTY, NULL },
	{ "traceof", TERR_UNKNOWN, "traceof" },
	{ "traceonx", TERR_UNKNOWN, "traceonx" },
	{ "TRACEON", TERR_UNKNOWN, "TRACEON" },
	{ "traceoff+0", TERR_UNKNOWN, "traceoff+0" },
	{ "disable_event+1", TERR_UNKNOWN, "disable_event+1" },
	{ "snapshot+1", TERR_UNKNOWN, "snapshot+1" },
	{ ":1", TERR_UNKNOWN, ":1" },
	{ "!", TERR_UNKNOWN, NULL },
	{ "! traceon", TERR_UNKNOWN, " traceon" },
	{ "!!traceon", TERR_UNKNOWN, "!traceon" },
	{ "if a == 1", TERR_UNKNOWN, "if" },
	{ "hist", TERR_NO_ARGS, NULL },
	{ "hist:", TERR_NO_ARGS, ":" },
	{ "hist if a == 1", TERR_NO_ARGS, " if" },
	{ "hist: if a == 1", TERR_NO_ARGS, ": if" },
	{ "hist:keys=pid junk", TERR_EXPECT_IF, "junk" },
	{ "hist:keys=pid if", TERR_NO_FILTER, NULL },
	{ "enable_hist", TERR_NO_TARGET, NULL },
	{ "disable_hist:sched", TERR_NO_TARGET, NULL },
	{ "enable_hist:sched:sched_switch:x", TERR_BAD_COUNT, "x" },
	{ "traceoff:badparam", TERR_BAD_COUNT, "badparam" },
	{ "stacktrace:foo", TERR_BAD_COUNT, "foo" },
	{ "traceon:", TERR_BAD_COUNT, NULL },
	{ "traceon:-1", TERR_BAD_COUNT, "-1" },
	{ "traceon:1x", TERR_BAD_COUNT, "1x" },
	{ "traceon:1:2", TERR_BAD_COUNT, "1:2" },
	{ "traceon:unlimited", TERR_BAD_COUNT, "unlimited" },
	{ "traceon:count=3", TERR_BAD_COUNT, "count=3" },
	{ "traceon:99999999999999999999", TERR_BAD_COUNT, "9999" },
	{ "traceon:0x", TERR_BAD_COUNT, "0x" },
	{ "traceon::1", TERR_BAD_COUNT, ":1" },
	{ "traceoff if", TERR_NO_FILTER, NULL },
	{ "traceoff if   ", TERR_NO_FILTER, NULL },
	{ "traceoff:2 if", TERR_NO_FILTER, NULL },
	{ "traceoff a == 1", TERR_EXPECT_IF, "a == 1" },
	{ "traceoff iff a == 1", TERR_EXPECT_IF, "iff" },
	{ "traceoff IF a == 1", TERR_EXPECT_IF, "IF" },
	{ "traceoff:1 when a == 1", TERR_EXPECT_IF, "when" },
	{ "snapshot garbage", TERR_EXPECT_IF, "garbage" },
	{ "enable_event", TERR_NO_TARGET, NULL },
	{ "enable_event:", TERR_NO_TARGET, NULL },
	{ "enable_event:kmem", TERR_NO_TARGET, NULL },
	{ "enable_event:kmem:", TERR_NO_TARGET, NULL },
	{ "enable_event::kmalloc", TERR_NO_TARGET, ":kmalloc" },
	{ "enable_event if a", TERR_NO_TARGET, " if" },
	{ "disable_event:kmem if a", TERR_NO_TARGET, " if" },
	{ "enable_event:kmem:kmalloc:x", TERR_BAD_COUNT, "x" },
	{ "enable_event:kmem:kmalloc:", TERR_BAD_COUNT, NULL },
	{ "enable_event:kmem:kmalloc:1:2", TERR_BAD_COUNT, "1:2" },
	{ "enable_event:kmem:kmalloc garbage", TERR_EXPECT_IF, "garbage" },
	{ "enable_event:kmem:kmalloc if", TERR_NO_FILTER, NULL },
	{ TT_LONG_SYSTEM, TERR_BAD_TARGET, "a1234" },
	{ TT_LONG_EVENT, TERR_BAD_TARGET, "b1234" },
	{ "!enable_event", TERR_NO_TARGET, NULL },
	{ "!enable_event:kmem", TERR_NO_TARGET, NULL },
	{ "!traceof", TERR_UNKNOWN, "traceof" },
	{ "!hist", TERR_NO_ARGS, NULL },
	{ "!traceon:5x6 if", TERR_NONE, NULL },	/* a removal ignores both */
};

static void trigger_parse_bad(struct kunit *test)
{
	struct trigger_error err;
	struct trigger_spec spec;
	char buf[160], trimmed[160];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(tt_bad); i++) {
		const char *line = tt_bad[i].line;
		unsigned int want;
		int ret;

		strscpy(buf, line, sizeof(buf));
		strscpy(trimmed, line, sizeof(trimmed));
		strim(trimmed);
		ret = trigger_parse(buf, &spec, &err);
		if (tt_bad[i].code == TERR_NONE) {
			KUNIT_EXPECT_EQ_MSG(test, ret, 0, "%s", line);
			continue;
		}
		KUNIT_EXPECT_EQ_MSG(test, ret, -EINVAL, "%s", line);
		KUNIT_EXPECT_STREQ_MSG(test, trigger_errs[err.code],
				       trigger_errs[tt_bad[i].code], "%s",
				       line);
		if (tt_bad[i].code == TERR_EMPTY)
			want = 0;
		else if (tt_bad[i].at)
			want = strstr(line, tt_bad[i].at) - line;
		else
			want = (skip_spaces(line) - line) + strlen(trimmed);
		KUNIT_EXPECT_EQ_MSG(test, err.pos, want, "%s", line);
	}
}

/* Commands with arguments: the text up to a blank outside parentheses. */
static const struct {
	const char	*line;
	const char	*args;
	const char	*filter;
} tt_args[] = {
	{ "hist:keys=pid", "keys=pid", NULL },
	{ "  hist:keys=pid  ", "keys=pid", NULL },
	{ "hist:keys=pid:vals=x if x > 1", "keys=pid:vals=x", "x > 1" },
	{ "!hist:keys=pid", "keys=pid", NULL },
	{ "hist:keys=a:onmax($x).save(a, b) if c", "keys=a:onmax($x).save(a, b)",
	  "c" },
	{ "hist:keys=a:x=f(1 2)", "keys=a:x=f(1 2)", NULL },
	{ "hist:keys=a:unbalanced(", "keys=a:unbalanced(", NULL },
	{ "hist:k\tif x", "k", "x" },
};

static void trigger_parse_args(struct kunit *test)
{
	struct trigger_error err;
	struct trigger_spec spec;
	char buf[160];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(tt_args); i++) {
		const char *line = tt_args[i].line;

		strscpy(buf, line, sizeof(buf));
		KUNIT_ASSERT_EQ_MSG(test, trigger_parse(buf, &spec, &err), 0,
				    "%s", line);
		KUNIT_EXPECT_STREQ_MSG(test, spec.cmd->name, "hist", "%s",
				       line);
		KUNIT_EXPECT_STREQ_MSG(test, spec.args, tt_args[i].args, "%s",
				       line);
		KUNIT_EXPECT_EQ_MSG(test, spec.args_col,
				    strstr(line, tt_args[i].args) - line, "%s",
				    line);
		KUNIT_EXPECT_EQ_MSG(test, spec.count, TRIGGER_UNLIMITED, "%s",
				    line);
		if (tt_args[i].filter)
			KUNIT_EXPECT_STREQ_MSG(test, spec.filter,
					       tt_args[i].filter, "%s", line);
		else
			KUNIT_EXPECT_NULL_MSG(test, spec.filter, "%s", line);
	}
}

/* The limit on a line's length, and every message in the table. */
static void trigger_parse_limits(struct kunit *test)
{
	struct trigger_error err;
	struct trigger_spec spec;
	char *buf = kunit_kzalloc(test, TRIGGER_CMD_MAX + 2, GFP_KERNEL);
	size_t i;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	strscpy(buf, "traceon if a == 1 ", TRIGGER_CMD_MAX + 2);
	memset(buf + 18, 'x', TRIGGER_CMD_MAX - 18);
	buf[TRIGGER_CMD_MAX] = '\0';
	KUNIT_EXPECT_EQ(test, trigger_parse(buf, &spec, &err), 0);
	KUNIT_EXPECT_EQ(test, strlen(spec.filter), TRIGGER_CMD_MAX - 11);

	memset(buf, ' ', TRIGGER_CMD_MAX + 1);
	buf[TRIGGER_CMD_MAX + 1] = '\0';
	KUNIT_EXPECT_EQ(test, trigger_parse(buf, &spec, &err), -EINVAL);
	KUNIT_EXPECT_EQ(test, err.code, TERR_TOO_LONG);
	KUNIT_EXPECT_EQ(test, err.pos, 0);

	for (i = 0; i < TERR_MAX; i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, trigger_errs[i], "%zu", i);
}

/* Every command the help lists is found, and only whole names. */
static void trigger_parse_table(struct kunit *test)
{
	static const char *const names[] = {
		"traceon", "traceoff", "snapshot", "stacktrace",
		"enable_event", "disable_event", "enable_hist",
		"disable_hist", "hist",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		const struct trigger_cmd *cmd;

		cmd = trigger_cmd_find(names[i], strlen(names[i]));
		KUNIT_EXPECT_NOT_NULL_MSG(test, cmd, "%s", names[i]);
		if (cmd)
			KUNIT_EXPECT_STREQ(test, cmd->name, names[i]);
	}
	KUNIT_EXPECT_NULL(test, trigger_cmd_find("trace", 5));
	KUNIT_EXPECT_NULL(test, trigger_cmd_find("traceonx", 8));
	KUNIT_EXPECT_NULL(test, trigger_cmd_find("", 0));
	/* traceon and traceoff are one kind: at most one per event. */
	KUNIT_EXPECT_EQ(test, trigger_cmd_find("traceon", 7)->type,
			trigger_cmd_find("traceoff", 8)->type);
	KUNIT_EXPECT_TRUE(test, trigger_cmd_find("traceoff", 8)->post);
	KUNIT_EXPECT_FALSE(test, trigger_cmd_find("stacktrace", 10)->post);
}

static struct kunit_case trace_trigger_cases[] = {
	KUNIT_CASE(trigger_parse_good),
	KUNIT_CASE(trigger_parse_bad),
	KUNIT_CASE(trigger_parse_args),
	KUNIT_CASE(trigger_parse_limits),
	KUNIT_CASE(trigger_parse_table),
	{}
};

static struct kunit_suite trace_trigger_suite = {
	.name		= "trace_trigger",
	.test_cases	= trace_trigger_cases,
};
kunit_test_suite(trace_trigger_suite);
