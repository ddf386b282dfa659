/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for trace_synth_parse.c, included at the end of it: every
 * field type, arrays, both separators, the listing, and every refusal
 * with its code and the position of the token at fault.
 */
#include <kunit/test.h>

/* A definition that parses, and its listing. */
static const struct {
	const char	*cmd;
	const char	*list;
} sp_good[] = {
	{ "e u64 a", "u64 a" },
	{ "e u8 a; u16 b; u32 c; u64 d", "u8 a; u16 b; u32 c; u64 d" },
	{ "e s8 a; s16 b; s32 c; s64 d", "s8 a; s16 b; s32 c; s64 d" },
	{ "e char a; short b; int c; long d",
	  "char a; short b; int c; long d" },
	{ "e unsigned char a; unsigned short b; unsigned int c; unsigned long d",
	  "unsigned char a; unsigned short b; unsigned int c; unsigned long d" },
	{ "e pid_t p; gfp_t g; bool b", "pid_t p; gfp_t g; bool b" },
	{ "e char comm[16]", "char[16] comm" },
	{ "e char[16] comm", "char[16] comm" },
	{ "e char s[256]", "char[256] s" },
	{ "e char name[]", "char[] name" },
	{ "e unsigned long[] stack", "unsigned long[] stack" },
	{ "e long[] stack", "long[] stack" },
	{ "e unsigned long stack[]", "unsigned long[] stack" },
	{ "e u32 arr[4]", "u32[4] arr" },
	{ "e u64 lat pid_t pid char comm[16]",
	  "u64 lat; pid_t pid; char[16] comm" },
	{ "e u64 a ; u64 b ;", "u64 a; u64 b" },
	{ "e u64 a ;u64 b", "u64 a; u64 b" },
	{ "e u64 a;;u64 b", "u64 a; u64 b" },
	{ "e\tu64\ta;\tu64 b", "u64 a; u64 b" },
	{ "_e9 u64 _a1", "u64 _a1" },
};

/* A refusal: the command, the code, and the caret's offset. */
static const struct {
	const char	*cmd;
	int		code;
	int		pos;
} sp_bad[] = {
	{ "myevent chr arg",		SERR_INVALID_TYPE,	8 },
	{ "myevent unsigned arg",	SERR_INCOMPLETE_TYPE,	8 },
	{ "myevent char str]; int v",	SERR_BAD_NAME,		13 },
	{ "mye-vent char str[]",	SERR_BAD_NAME,		0 },
	{ "myevent char st-r[]",	SERR_BAD_NAME,		13 },
	{ "myevent char str;[]",	SERR_INVALID_FIELD,	17 },
	{ "myevent char str; int",	SERR_INVALID_FIELD,	18 },
	{ "myevent char str[; int v",	SERR_INVALID_ARRAY_SPEC, 13 },
	{ "myevent char str[kdjdk]",	SERR_INVALID_ARRAY_SPEC, 13 },
	{ "myevent char str[257]",	SERR_INVALID_ARRAY_SPEC, 13 },
	{ "myevent char str[0]",	SERR_INVALID_ARRAY_SPEC, 13 },
	{ "myevent char[4] str[4]",	SERR_INVALID_ARRAY_SPEC, 16 },
	{ "myevent char[x] str",	SERR_INVALID_ARRAY_SPEC, 8 },
	{ "mye;vent char str[]",	SERR_INVALID_CMD,	0 },
	{ "myevent ; char str[]",	SERR_INVALID_CMD,	0 },
	{ "myevent; char str[]",	SERR_INVALID_CMD,	0 },
	{ "myevent ;char str[]",	SERR_INVALID_CMD,	0 },
	{ "; char str[]",		SERR_INVALID_CMD,	0 },
	{ ";myevent char str[]",	SERR_INVALID_CMD,	0 },
	{ "myevent",			SERR_INVALID_CMD,	0 },
	{ "",				SERR_INVALID_CMD,	0 },
	{ "myevent ;",			SERR_INVALID_CMD,	0 },
	{ "myevent u64 a; u64 a",	SERR_INVALID_FIELD,	19 },
	{ "myevent u64 a b",		SERR_INVALID_FIELD,	14 },
	{ "myevent int x[]",		SERR_INVALID_TYPE,	8 },
	{ "myevent unsigned int",	SERR_INVALID_FIELD,	8 },
	{ "myevent u64 9a",		SERR_BAD_NAME,		12 },
};

static void synth_parse_good(struct kunit *test)
{
	struct synth_parse_err err;
	struct synth_def def;
	char *buf;
	size_t i;
	int ret;

	buf = kunit_kzalloc(test, 512, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < ARRAY_SIZE(sp_good); i++) {
		struct seq_file m = { .buf = buf, .size = 512 };

		ret = synth_parse(sp_good[i].cmd, 0, &def, &err);
		KUNIT_EXPECT_EQ_MSG(test, ret, 0, "%s", sp_good[i].cmd);
		if (ret)
			continue;
		synth_show_fields(&m, &def);
		buf[m.count] = '\0';
		KUNIT_EXPECT_STREQ_MSG(test, buf, sp_good[i].list, "%s",
				       sp_good[i].cmd);
		synth_def_free(&def);
	}
}

static void synth_parse_bad(struct kunit *test)
{
	struct synth_parse_err err;
	struct synth_def def;
	size_t i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(sp_bad); i++) {
		err.code = -1;
		err.pos = -1;
		ret = synth_parse(sp_bad[i].cmd, 0, &def, &err);
		KUNIT_EXPECT_EQ_MSG(test, ret, -EINVAL, "%s", sp_bad[i].cmd);
		KUNIT_EXPECT_EQ_MSG(test, err.code, sp_bad[i].code, "%s",
				    sp_bad[i].cmd);
		KUNIT_EXPECT_EQ_MSG(test, err.pos, sp_bad[i].pos, "%s",
				    sp_bad[i].cmd);
		KUNIT_EXPECT_NULL(test, def.fields);
		if (!ret)
			synth_def_free(&def);
	}
}

/* Sizes and kinds of the record, and the limits. */
static void synth_parse_layout(struct kunit *test)
{
	struct synth_parse_err err;
	struct synth_def def;
	char *cmd;
	int i, len;

	KUNIT_ASSERT_EQ(test, synth_parse("e u8 a; char s[9]; char d[]; "
					  "long[] st; u16 arr[5]", 0, &def,
					  &err), 0);
	KUNIT_EXPECT_EQ(test, def.n_fields, 5);
	KUNIT_EXPECT_EQ(test, def.fields[0].kind, SYNTH_NUM);
	KUNIT_EXPECT_EQ(test, def.fields[0].size, 8);
	KUNIT_EXPECT_EQ(test, def.fields[0].base->size, 1);
	KUNIT_EXPECT_EQ(test, def.fields[1].kind, SYNTH_STR);
	KUNIT_EXPECT_EQ(test, def.fields[1].size, 16);
	KUNIT_EXPECT_EQ(test, def.fields[1].len, 9);
	KUNIT_EXPECT_EQ(test, def.fields[2].kind, SYNTH_DYN_STR);
	KUNIT_EXPECT_EQ(test, def.fields[3].kind, SYNTH_STACK);
	KUNIT_EXPECT_EQ(test, def.fields[4].kind, SYNTH_ARRAY);
	KUNIT_EXPECT_EQ(test, def.fields[4].size, 16);
	KUNIT_EXPECT_STREQ(test, def.name, "e");
	synth_def_free(&def);

	/* SYNTH_FIELDS_MAX fields, then one more. */
	cmd = kunit_kzalloc(test, 2048, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cmd);
	len = sprintf(cmd, "e");
	for (i = 0; i < SYNTH_FIELDS_MAX; i++)
		len += sprintf(cmd + len, " u8 f%d;", i);
	KUNIT_EXPECT_EQ(test, synth_parse(cmd, 0, &def, &err), 0);
	KUNIT_EXPECT_EQ(test, def.n_fields, SYNTH_FIELDS_MAX);
	synth_def_free(&def);
	sprintf(cmd + len, " u8 x");
	KUNIT_EXPECT_EQ(test, synth_parse(cmd, 0, &def, &err), -EINVAL);
	KUNIT_EXPECT_EQ(test, err.code, SERR_TOO_MANY_FIELDS);
	KUNIT_EXPECT_EQ(test, err.pos, len + 1);

	/* A definition after a prefix: positions stay in the command. */
	KUNIT_EXPECT_EQ(test, synth_parse("s:synthetic/e chr x", 12, &def,
					  &err), -EINVAL);
	KUNIT_EXPECT_EQ(test, err.code, SERR_INVALID_TYPE);
	KUNIT_EXPECT_EQ(test, err.pos, 14);
}

static void synth_parse_one_field(struct kunit *test)
{
	struct synth_field f;

	KUNIT_EXPECT_EQ(test, synth_parse_field("char[16]", "comm", &f), 0);
	KUNIT_EXPECT_STREQ(test, f.type, "char[16]");
	KUNIT_EXPECT_STREQ(test, f.name, "comm");
	kfree(f.type);
	kfree(f.name);
	KUNIT_EXPECT_EQ(test, synth_parse_field("unsigned int", "cpu", &f), 0);
	KUNIT_EXPECT_EQ(test, f.base->size, 4);
	kfree(f.type);
	kfree(f.name);
	KUNIT_EXPECT_EQ(test, synth_parse_field("u64", "x[]", &f), -EINVAL);
	KUNIT_EXPECT_EQ(test, synth_parse_field("float", "x", &f), -EINVAL);
	KUNIT_EXPECT_EQ(test, synth_parse_field("u64", "a b", &f), -EINVAL);
	KUNIT_EXPECT_NULL(test, f.name);
}

static struct kunit_case trace_synth_parse_cases[] = {
	KUNIT_CASE(synth_parse_good),
	KUNIT_CASE(synth_parse_bad),
	KUNIT_CASE(synth_parse_layout),
	KUNIT_CASE(synth_parse_one_field),
	{}
};

static struct kunit_suite trace_synth_parse_suite = {
	.name		= "trace_synth_parse",
	.test_cases	= trace_synth_parse_cases,
};
kunit_test_suite(trace_synth_parse_suite);
