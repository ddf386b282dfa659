/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for the probe fetch language, included at the end of
 * trace_probe_fetch.c: the parser (trace_probe_parse.c) on good and bad
 * arguments, with the code and caret position of every refusal; the
 * compiled programs, step by step; and the programs run on crafted
 * registers, stacks, records and memory, faults included.
 */
#include <kunit/test.h>
#include <linux/vmalloc.h>

/* An argument that parses: its type, array length, and steps' ops. */
static const struct {
	const char	*text;
	unsigned int	flags;
	const char	*type;
	unsigned int	count;
	u8		ops[6];
} tp_good[] = {
	{ "%ax", PCTX_KPROBE, "x64", 0, { FOP_REG, FOP_ST_RAW } },
	{ "%di:u32", PCTX_KPROBE, "u32", 0, { FOP_REG, FOP_ST_RAW } },
	{ "%si:s8", PCTX_KPROBE, "s8", 0, { FOP_REG, FOP_ST_RAW } },
	{ "%dx:x16", PCTX_KPROBE, "x16", 0, { FOP_REG, FOP_ST_RAW } },
	{ "%cx:char", PCTX_KPROBE, "char", 0, { FOP_REG, FOP_ST_RAW } },
	{ "%ip:symbol", PCTX_KPROBE, "symbol", 0, { FOP_REG, FOP_ST_RAW } },
	{ "%ip:symstr", PCTX_KPROBE, "symstr", 0, { FOP_REG, FOP_ST_SYMSTR } },
	{ "%r8:u64", PCTX_KPROBE, "u64", 0, { FOP_REG, FOP_ST_RAW } },
	{ "$stack", PCTX_KPROBE, "x64", 0, { FOP_STACKP, FOP_ST_RAW } },
	{ "$stack0", PCTX_KPROBE, "x64", 0, { FOP_STACK, FOP_ST_RAW } },
	{ "$stack12:s32", PCTX_KPROBE, "s32", 0, { FOP_STACK, FOP_ST_RAW } },
	{ "$retval", PCTX_KPROBE | PCTX_RETURN, "x64", 0,
	  { FOP_RETVAL, FOP_ST_RAW } },
	{ "$retval:s64", PCTX_KPROBE | PCTX_RETURN, "s64", 0,
	  { FOP_RETVAL, FOP_ST_RAW } },
	{ "$arg1", PCTX_KPROBE | PCTX_FUNC_ENTRY, "x64", 0,
	  { FOP_ARG, FOP_ST_RAW } },
	{ "$arg8:u8", PCTX_KPROBE | PCTX_FUNC_ENTRY, "u8", 0,
	  { FOP_ARG, FOP_ST_RAW } },
	{ "$arg2", PCTX_KPROBE | PCTX_RETURN, "x64", 0,
	  { FOP_EARG, FOP_ST_RAW } },
	{ "$comm", PCTX_KPROBE, "string", 0, { FOP_COMM, FOP_ST_STR } },
	{ "$COMM", PCTX_KPROBE, "string", 0, { FOP_COMM, FOP_ST_STR } },
	{ "$comm:string", PCTX_KPROBE, "string", 0, { FOP_COMM, FOP_ST_STR } },
	{ "\\1", PCTX_KPROBE, "x64", 0, { FOP_IMM, FOP_ST_RAW } },
	{ "\\-1:s8", PCTX_KPROBE, "s8", 0, { FOP_IMM, FOP_ST_RAW } },
	{ "\\0x1f:u8", PCTX_KPROBE, "u8", 0, { FOP_IMM, FOP_ST_RAW } },
	{ "\\\"abc\"", PCTX_KPROBE, "string", 0, { FOP_IMMSTR, FOP_ST_STR } },
	{ "\\\"a:b\":string", PCTX_KPROBE, "string", 0,
	  { FOP_IMMSTR, FOP_ST_STR } },
	{ "@0x1000", PCTX_KPROBE, "x64", 0, { FOP_IMM, FOP_ST_MEM } },
	{ "@0x1000:u8", PCTX_KPROBE, "u8", 0, { FOP_IMM, FOP_ST_MEM } },
	{ "@jiffies", PCTX_KPROBE, "x64", 0, { FOP_IMM, FOP_ST_MEM } },
	{ "@jiffies+8", PCTX_KPROBE, "x64", 0, { FOP_IMM, FOP_ST_MEM } },
	{ "@jiffies-8:u32", PCTX_KPROBE, "u32", 0, { FOP_IMM, FOP_ST_MEM } },
	{ "@linux_banner:string", PCTX_KPROBE, "string", 0,
	  { FOP_IMM, FOP_ST_STR } },
	{ "+0(%di)", PCTX_KPROBE, "x64", 0, { FOP_REG, FOP_ST_MEM } },
	{ "-8(%di):u32", PCTX_KPROBE, "u32", 0, { FOP_REG, FOP_ST_MEM } },
	{ "+0x10(%si):u16", PCTX_KPROBE, "u16", 0, { FOP_REG, FOP_ST_MEM } },
	{ "+0(+8(%di))", PCTX_KPROBE, "x64", 0,
	  { FOP_REG, FOP_DEREF, FOP_ST_MEM } },
	{ "+0(+8(+16($stack)))", PCTX_KPROBE, "x64", 0,
	  { FOP_STACKP, FOP_DEREF, FOP_DEREF, FOP_ST_MEM } },
	{ "+0(%si):string", PCTX_KPROBE, "string", 0, { FOP_REG, FOP_ST_STR } },
	{ "+0(%si):ustring", PCTX_KPROBE, "ustring", 0,
	  { FOP_REG, FOP_ST_USTR } },
	{ "+u0(%si):string", PCTX_KPROBE, "string", 0,
	  { FOP_REG, FOP_ST_USTR } },
	{ "+u8(%si):u32", PCTX_KPROBE, "u32", 0, { FOP_REG, FOP_ST_UMEM } },
	{ "+0(+u8(%si)):x8", PCTX_KPROBE, "x8", 0,
	  { FOP_REG, FOP_UDEREF, FOP_ST_MEM } },
	{ "+0(%di):u8[4]", PCTX_KPROBE, "u8", 4, { FOP_REG, FOP_ST_MEM } },
	{ "+8(%di):x32[64]", PCTX_KPROBE, "x32", 64, { FOP_REG, FOP_ST_MEM } },
	{ "+u0(%di):s16[2]", PCTX_KPROBE, "s16", 2, { FOP_REG, FOP_ST_UMEM } },
	{ "%ax:b4@4/32", PCTX_KPROBE, "u32", 0,
	  { FOP_REG, FOP_ST_RAW, FOP_MOD_BF } },
	{ "+0(%ax):b1@0/8", PCTX_KPROBE, "u8", 0,
	  { FOP_REG, FOP_ST_MEM, FOP_MOD_BF } },
	{ "%ax:b64@0/64", PCTX_KPROBE, "u64", 0,
	  { FOP_REG, FOP_ST_RAW, FOP_MOD_BF } },
	{ "%di:%pd", PCTX_KPROBE, "%pd", 0,
	  { FOP_REG, FOP_DEREF, FOP_ST_STR } },
	{ "%di:%pD", PCTX_KPROBE, "%pD", 0,
	  { FOP_REG, FOP_DEREF, FOP_DEREF, FOP_ST_STR } },
	{ "$comm", PCTX_EPROBE, "string", 0, { FOP_COMM, FOP_ST_STR } },
	{ "$num", PCTX_EPROBE, "x64", 0, { FOP_FIELD, FOP_ST_RAW } },
	{ "$num:s32", PCTX_EPROBE, "s32", 0, { FOP_FIELD, FOP_ST_RAW } },
	{ "$str", PCTX_EPROBE, "string", 0, { FOP_FIELDP, FOP_ST_STR } },
	{ "+0($num):ustring", PCTX_EPROBE, "ustring", 0,
	  { FOP_FIELD, FOP_ST_USTR } },
	{ "+4($num):u8", PCTX_EPROBE, "u8", 0, { FOP_FIELD, FOP_ST_MEM } },
};

/* A refusal: the argument, its flags, the code and the caret's offset. */
static const struct {
	const char	*text;
	unsigned int	flags;
	int		code;
	int		pos;
} tp_bad[] = {
	{ "%none_reg", PCTX_KPROBE, PERR_BAD_REG_NAME, 0 },
	{ "%ex", PCTX_KPROBE, PERR_BAD_REG_NAME, 0 },
	{ "%", PCTX_KPROBE, PERR_BAD_REG_NAME, 0 },
	{ "@", PCTX_KPROBE, PERR_BAD_MEM_ADDR, 0 },
	{ "@12345678abcde", PCTX_KPROBE, PERR_BAD_MEM_ADDR, 0 },
	{ "@deaqswdefr", PCTX_KPROBE, PERR_BAD_MEM_ADDR, 0 },
	{ "@jiffies*10", PCTX_KPROBE, PERR_BAD_MEM_ADDR, 0 },
	{ "@jiffies+1x", PCTX_KPROBE, PERR_BAD_MEM_ADDR, 0 },
	{ "@+10", PCTX_KPROBE, PERR_FILE_ON_KPROBE, 0 },
	{ "@-10", PCTX_KPROBE, PERR_FILE_ON_KPROBE, 0 },
	{ "$retval", PCTX_KPROBE, PERR_RETVAL_ON_PROBE, 0 },
	{ "$stack10000", PCTX_KPROBE, PERR_BAD_STACK_NUM, 0 },
	{ "$stackp", PCTX_KPROBE, PERR_BAD_STACK_NUM, 0 },
	{ "$stack0+10", PCTX_KPROBE, PERR_BAD_STACK_NUM, 0 },
	{ "$stack1-10", PCTX_KPROBE, PERR_BAD_STACK_NUM, 0 },
	{ "$arg10000", PCTX_KPROBE | PCTX_FUNC_ENTRY, PERR_BAD_ARG_NUM, 0 },
	{ "$arg0", PCTX_KPROBE | PCTX_FUNC_ENTRY, PERR_BAD_ARG_NUM, 0 },
	{ "$argx", PCTX_KPROBE | PCTX_FUNC_ENTRY, PERR_BAD_ARG_NUM, 0 },
	{ "$arg7", PCTX_KPROBE | PCTX_RETURN, PERR_BAD_ARG_NUM, 0 },
	{ "$arg1", PCTX_KPROBE, PERR_NOFENTRY_ARGS, 0 },
	{ "$arg*", PCTX_KPROBE | PCTX_FUNC_ENTRY, PERR_NOSUP_BTFARG, 0 },
	{ "$none_var", PCTX_KPROBE, PERR_BAD_VAR, 0 },
	{ "$", PCTX_KPROBE, PERR_BAD_VAR, 0 },
	{ "\\x", PCTX_KPROBE, PERR_BAD_IMM, 1 },
	{ "\\", PCTX_KPROBE, PERR_BAD_IMM, 1 },
	{ "\\12a", PCTX_KPROBE, PERR_BAD_IMM, 1 },
	{ "\\\"abcd", PCTX_KPROBE, PERR_IMMSTR_NO_CLOSE, 6 },
	{ "\\\"", PCTX_KPROBE, PERR_IMMSTR_NO_CLOSE, 2 },
	{ "+0@0)", PCTX_KPROBE, PERR_DEREF_NEED_BRACE, 0 },
	{ "+0ab1(@0)", PCTX_KPROBE, PERR_BAD_DEREF_OFFS, 0 },
	{ "+(%ax)", PCTX_KPROBE, PERR_BAD_DEREF_OFFS, 0 },
	{ "-(%ax)", PCTX_KPROBE, PERR_BAD_DEREF_OFFS, 0 },
	{ "+u(%ax)", PCTX_KPROBE, PERR_BAD_DEREF_OFFS, 0 },
	{ "+0(+0(@0)", PCTX_KPROBE, PERR_DEREF_OPEN_BRACE, 8 },
	{ "+0(%ax", PCTX_KPROBE, PERR_DEREF_OPEN_BRACE, 6 },
	{ "+0(%ax)+10", PCTX_KPROBE, PERR_BAD_FETCH_ARG, 7 },
	{ "+0($comm)", PCTX_KPROBE, PERR_COMM_CANT_DEREF, 3 },
	{ "+10($comm)", PCTX_KPROBE, PERR_COMM_CANT_DEREF, 4 },
	{ "+0(\\\"x\")", PCTX_KPROBE, PERR_COMM_CANT_DEREF, 3 },
	{ "&1", PCTX_KPROBE, PERR_BAD_FETCH_ARG, 0 },
	{ "(%ax)", PCTX_KPROBE, PERR_BAD_FETCH_ARG, 0 },
	{ "(%ax+10)", PCTX_KPROBE, PERR_BAD_FETCH_ARG, 0 },
	{ "x16:%ax", PCTX_KPROBE, PERR_BAD_FETCH_ARG, 0 },
	{ "12", PCTX_KPROBE, PERR_BAD_FETCH_ARG, 0 },
	{ "+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(@0))))))))))))))",
	  PCTX_KPROBE, PERR_TOO_MANY_OPS, 3 },
	{ "+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(%ax)))))))))))))",
	  PCTX_KPROBE, PERR_TOO_MANY_OPS, 3 },
	{ "+0(@11):u8[10", PCTX_KPROBE, PERR_ARRAY_NO_CLOSE, 13 },
	{ "+0(@11):u8[10]a", PCTX_KPROBE, PERR_BAD_ARRAY_SUFFIX, 14 },
	{ "+0(@11):u8[10a]", PCTX_KPROBE, PERR_BAD_ARRAY_NUM, 11 },
	{ "+0(@11):u8[]", PCTX_KPROBE, PERR_BAD_ARRAY_NUM, 11 },
	{ "+0(@11):u8[0]", PCTX_KPROBE, PERR_BAD_ARRAY_NUM, 11 },
	{ "+0(@11):u8[256]", PCTX_KPROBE, PERR_ARRAY_TOO_BIG, 11 },
	{ "+0(@11):u8[65]", PCTX_KPROBE, PERR_ARRAY_TOO_BIG, 11 },
	{ "%ax:u8[4]", PCTX_KPROBE, PERR_ARRAY_NO_MEM, 4 },
	{ "$stack1:x8[8]", PCTX_KPROBE, PERR_ARRAY_NO_MEM, 8 },
	{ "+0(%ax):string[2]", PCTX_KPROBE, PERR_BAD_ARRAY_TYPE, 8 },
	{ "@11:unknown_type", PCTX_KPROBE, PERR_BAD_TYPE, 4 },
	{ "%ax:y16", PCTX_KPROBE, PERR_BAD_TYPE, 4 },
	{ "%ax::x16", PCTX_KPROBE, PERR_BAD_TYPE, 4 },
	{ "%ax:", PCTX_KPROBE, PERR_BAD_TYPE, 4 },
	{ "%ax:u128", PCTX_KPROBE, PERR_BAD_TYPE, 4 },
	{ "$comm:x64", PCTX_KPROBE, PERR_BAD_TYPE, 6 },
	{ "$stack0:string", PCTX_KPROBE, PERR_BAD_STRING, 8 },
	{ "$stack:string", PCTX_KPROBE, PERR_BAD_STRING, 7 },
	{ "%ax:string", PCTX_KPROBE, PERR_BAD_STRING, 4 },
	{ "%ax:ustring", PCTX_KPROBE, PERR_BAD_STRING, 4 },
	{ "$comm:%pd", PCTX_KPROBE, PERR_BAD_STRING, 6 },
	{ "$comm:symstr", PCTX_KPROBE, PERR_BAD_SYMSTRING, 6 },
	{ "@11:b10@a/16", PCTX_KPROBE, PERR_BAD_BITFIELD, 4 },
	{ "%ax:b10@8/16", PCTX_KPROBE, PERR_BAD_BITFIELD, 4 },
	{ "%ax:b0@0/32", PCTX_KPROBE, PERR_BAD_BITFIELD, 4 },
	{ "%ax:b4@4/24", PCTX_KPROBE, PERR_BAD_BITFIELD, 4 },
	{ "%ax:b4@4/32x", PCTX_KPROBE, PERR_BAD_BITFIELD, 4 },
	{ "arg123456789012345678901234567890=@11", PCTX_KPROBE,
	  PERR_ARG_NAME_TOO_LONG, 0 },
	{ "=@11", PCTX_KPROBE, PERR_NO_ARG_NAME, 0 },
	{ "var.1=@11", PCTX_KPROBE, PERR_BAD_ARG_NAME, 0 },
	{ "1var=@11", PCTX_KPROBE, PERR_BAD_ARG_NAME, 0 },
	{ "va-r=%ax", PCTX_KPROBE, PERR_BAD_ARG_NAME, 0 },
	{ "arg1=", PCTX_KPROBE, PERR_NO_ARG_BODY, 5 },
	{ "varname=varname2=%ax", PCTX_KPROBE, PERR_BAD_FETCH_ARG, 8 },
	{ "arg1=\\x", PCTX_KPROBE, PERR_BAD_IMM, 6 },
	{ "arg1=\\\"abcd", PCTX_KPROBE, PERR_IMMSTR_NO_CLOSE, 11 },
	{ "x=+0(%ax):u8[10", PCTX_KPROBE, PERR_ARRAY_NO_CLOSE, 15 },
	{ "x=%ax:bad", PCTX_KPROBE, PERR_BAD_TYPE, 6 },
	{ "+1234567(+1234567(+1234567(+1234567(+1234567(+1234567(@1234))))))",
	  PCTX_KPROBE, PERR_ARG_TOO_LONG, 0 },
	{ "$foo", PCTX_EPROBE, PERR_BAD_ATTACH_ARG, 0 },
	{ "+0($foo)", PCTX_EPROBE, PERR_BAD_ATTACH_ARG, 3 },
	{ "%ax", PCTX_EPROBE, PERR_BAD_FETCH_ARG, 0 },
	{ "@jiffies", PCTX_EPROBE, PERR_BAD_FETCH_ARG, 0 },
	{ "dfd", PCTX_EPROBE, PERR_BAD_FETCH_ARG, 0 },
	{ "x=$num:string", PCTX_EPROBE, PERR_BAD_STRING, 7 },
	{ "x=$str:u32", PCTX_EPROBE, PERR_BAD_TYPE, 7 },
};

/* Fields of a pretend attached event, for the eprobe cases. */
static bool tp_find_field(void *data, const char *name,
			  struct probe_field_info *info)
{
	memset(info, 0, sizeof(*info));
	if (!strcmp(name, "num")) {
		info->offset = 8;
		info->size = 4;
		info->is_signed = true;
		return true;
	}
	if (!strcmp(name, "str")) {
		info->offset = 12;
		info->size = 4;
		info->is_string = info->is_dynamic = true;
		return true;
	}
	return false;
}

static void tp_ctx(struct probe_parse_ctx *ctx, unsigned int flags, int off)
{
	*ctx = (struct probe_parse_ctx){ .flags = flags, .offset = off,
					 .find_field = tp_find_field };
}

static void probe_parse_good(struct kunit *test)
{
	struct probe_parse_ctx ctx;
	struct probe_perr err;
	struct probe_arg arg;
	int i, j;

	for (i = 0; i < ARRAY_SIZE(tp_good); i++) {
		tp_ctx(&ctx, tp_good[i].flags, 0);
		KUNIT_EXPECT_EQ_MSG(test, probe_parse_arg(tp_good[i].text, 0,
							  &arg, &ctx, &err), 0,
				    "%s: code %d at %d", tp_good[i].text,
				    err.code, err.pos);
		if (!arg.type)
			continue;
		KUNIT_EXPECT_STREQ_MSG(test, arg.type->name, tp_good[i].type,
				       "%s", tp_good[i].text);
		KUNIT_EXPECT_EQ_MSG(test, arg.count, tp_good[i].count, "%s",
				    tp_good[i].text);
		for (j = 0; j < ARRAY_SIZE(tp_good[i].ops); j++) {
			KUNIT_EXPECT_EQ_MSG(test, arg.code[j].op,
					    tp_good[i].ops[j], "%s step %d",
					    tp_good[i].text, j);
			if (arg.code[j].op == FOP_END)
				break;
		}
		probe_arg_free(&arg);
	}
}

static void probe_parse_bad(struct kunit *test)
{
	struct probe_parse_ctx ctx;
	struct probe_perr err;
	struct probe_arg arg;
	int i;

	for (i = 0; i < ARRAY_SIZE(tp_bad); i++) {
		/* The caret is relative to the whole command. */
		tp_ctx(&ctx, tp_bad[i].flags, 100);
		err.code = -1;
		err.pos = -1;
		KUNIT_EXPECT_EQ_MSG(test, probe_parse_arg(tp_bad[i].text, 0,
							  &arg, &ctx, &err),
				    -EINVAL, "%s", tp_bad[i].text);
		KUNIT_EXPECT_EQ_MSG(test, err.code, tp_bad[i].code, "%s",
				    tp_bad[i].text);
		KUNIT_EXPECT_EQ_MSG(test, err.pos, 100 + tp_bad[i].pos, "%s",
				    tp_bad[i].text);
		KUNIT_EXPECT_NULL(test, arg.name);
	}
}

/* Names, layout, duplicates and the same-layout check. */
static void probe_parse_layout(struct kunit *test)
{
	static const char * const argv[] = { "a=%ax:u8", "%di:u32", "s=+0(%si):string",
			       "+0(%di):u16[3]" };
	const int pos[] = { 10, 20, 30, 40 };
	static const char * const dup[] = { "var1=@11", "var1=@12" };
	struct probe_parse_ctx ctx;
	struct probe_arg *args, *again;
	struct probe_perr err;
	int end;

	tp_ctx(&ctx, PCTX_KPROBE, 0);
	end = probe_parse_args(4, argv, pos, &args, &ctx, 16, &err);
	KUNIT_ASSERT_EQ(test, end, 16 + 1 + 4 + 4 + 6);
	KUNIT_EXPECT_STREQ(test, args[0].name, "a");
	KUNIT_EXPECT_STREQ(test, args[1].name, "arg2");
	KUNIT_EXPECT_STREQ(test, args[2].name, "s");
	KUNIT_EXPECT_STREQ(test, args[3].name, "arg4");
	KUNIT_EXPECT_EQ(test, args[0].offset, 16);
	KUNIT_EXPECT_EQ(test, args[1].offset, 17);
	KUNIT_EXPECT_EQ(test, args[2].offset, 21);
	KUNIT_EXPECT_EQ(test, args[3].offset, 25);
	KUNIT_EXPECT_TRUE(test, args[2].dynamic);
	KUNIT_EXPECT_STREQ(test, args[3].type_name, "u16[3]");
	KUNIT_EXPECT_STREQ(test, args[2].text, "+0(%si):string");
	KUNIT_ASSERT_EQ(test, probe_parse_args(4, argv, pos, &again, &ctx, 16,
					       &err), end);
	KUNIT_EXPECT_TRUE(test, probe_args_same_layout(args, 4, again, 4));
	KUNIT_EXPECT_FALSE(test, probe_args_same_layout(args, 4, again, 3));
	probe_args_free(again, 4);
	KUNIT_EXPECT_EQ(test, probe_parse_args(2, dup, pos, &again, &ctx, 16,
					       &err), -EINVAL);
	KUNIT_EXPECT_EQ(test, err.code, PERR_USED_ARG_NAME);
	KUNIT_EXPECT_EQ(test, err.pos, 20);
	KUNIT_EXPECT_NULL(test, again);
	probe_args_free(args, 4);
}

static void probe_parse_names(struct kunit *test)
{
	static const struct {
		const char *cmd;	/* the name is from 2 to the blank */
		int code, pos;
		const char *group, *event;
	} cases[] = {
		{ "p:foo/bar x", -1, 0, "foo", "bar" },
		{ "p:bar x", -1, 0, NULL, "bar" },
		{ "p:foo/ x", -1, 0, "foo", NULL },
		{ "p:/bar x", PERR_NO_GROUP_NAME, 2 },
		{ "p: x", PERR_NO_EVENT_NAME, 2 },
		{ "p:foo.1/bar x", PERR_BAD_GROUP_NAME, 2 },
		{ "p:foo/bar.1 x", PERR_BAD_EVENT_NAME, 6 },
		{ "p:1foo x", PERR_BAD_EVENT_NAME, 2 },
		{ "p:1234567890123456789012345678901234567890123456789012345678901234/b x",
		  PERR_GROUP_TOO_LONG, 2 },
		{ "p:foo/1234567890123456789012345678901234567890123456789012345678901234 x",
		  PERR_EVENT_TOO_LONG, 6 },
	};
	const char *group, *event;
	struct probe_perr err;
	int i, glen, elen, ret;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *cmd = cases[i].cmd;

		ret = probe_parse_event_name(cmd, 2, strchr(cmd, ' ') - cmd,
					     &group, &glen, &event, &elen,
					     &err);
		if (cases[i].code < 0) {
			KUNIT_EXPECT_EQ_MSG(test, ret, 0, "%s", cmd);
			KUNIT_EXPECT_EQ(test, !group, !cases[i].group);
			KUNIT_EXPECT_EQ(test, !event, !cases[i].event);
			if (group && cases[i].group)
				KUNIT_EXPECT_EQ(test, strncmp(group,
					cases[i].group, glen), 0);
			if (event && cases[i].event)
				KUNIT_EXPECT_EQ(test, strncmp(event,
					cases[i].event, elen), 0);
			continue;
		}
		KUNIT_EXPECT_EQ_MSG(test, ret, -EINVAL, "%s", cmd);
		KUNIT_EXPECT_EQ_MSG(test, err.code, cases[i].code, "%s", cmd);
		KUNIT_EXPECT_EQ_MSG(test, err.pos, cases[i].pos, "%s", cmd);
	}
}

/* Compile @text for a kprobe (or eprobe), at record offset @off. */
static void tp_compile(struct kunit *test, const char *text,
		       unsigned int flags, unsigned int off,
		       struct probe_arg *arg)
{
	struct probe_parse_ctx ctx;
	struct probe_perr err;

	tp_ctx(&ctx, flags, 0);
	KUNIT_ASSERT_EQ_MSG(test, probe_parse_arg(text, 0, arg, &ctx, &err), 0,
			    "%s", text);
	arg->offset = off;
}

/*
 * A register or a function argument stored as it is runs in line
 * (probe_arg.fast); anything more runs its program.  Both store the same.
 * Where pt_regs' layout of the arguments and the return value is known,
 * those are register loads too.
 */
#ifdef CONFIG_X86_64
#define FAST_ARG_REG	PROBE_FAST_REG
#define FAST_RET_REG	PROBE_FAST_REG
#else
#define FAST_ARG_REG	PROBE_FAST_ARG
#define FAST_RET_REG	PROBE_FAST_RETVAL
#endif

static void probe_fetch_fast(struct kunit *test)
{
	static const struct {
		const char	*text;
		unsigned int	flags;
		u8		fast;
	} cases[] = {
		{ "%si", PCTX_KPROBE, PROBE_FAST_REG },
		{ "%di:s8", PCTX_KPROBE, PROBE_FAST_REG },
		{ "$arg1", PCTX_KPROBE | PCTX_FUNC_ENTRY, FAST_ARG_REG },
		{ "$arg2:u32", PCTX_KPROBE | PCTX_FUNC_ENTRY, FAST_ARG_REG },
		{ "$arg3:x8", PCTX_KPROBE | PCTX_FUNC_ENTRY, FAST_ARG_REG },
		{ "$arg7:u16", PCTX_KPROBE | PCTX_FUNC_ENTRY, PROBE_FAST_ARG },
		{ "$retval:s16", PCTX_KPROBE | PCTX_RETURN, FAST_RET_REG },
		{ "$retval", PCTX_KPROBE | PCTX_RETURN, FAST_RET_REG },
		{ "$arg2:x16", PCTX_KPROBE | PCTX_RETURN, PROBE_FAST_EARG },
		{ "%dx:b4@4/8", PCTX_KPROBE, PROBE_FAST_NONE },
		{ "+0(%si):u64", PCTX_KPROBE, PROBE_FAST_NONE },
	};
	unsigned long word = 0x1122334455667788UL;
	unsigned long eargs[2] = { 0x1111, 0xabcdef };
	struct probe_fetch_ctx fctx = { .eargs = eargs };
	struct pt_regs regs = {};
	struct probe_arg *a;
	u8 fast[8], slow[8];
	size_t i;

	a = kunit_kzalloc(test, sizeof(*a), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	regs.ax = 0x8765;
	regs.di = 0x80;
	regs.si = (unsigned long)&word;
	regs.dx = 0xf0;
	fctx.regs = &regs;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		tp_compile(test, cases[i].text, cases[i].flags, 0, a);
		KUNIT_EXPECT_EQ_MSG(test, a->fast, cases[i].fast, "%s",
				    cases[i].text);
		memset(fast, 0, sizeof(fast));
		memset(slow, 0, sizeof(slow));
		if (a->fast)
			probe_store_fast(a, 1, &fctx, fast);
		else
			probe_store_args(a, 1, &fctx, fast, sizeof(fast), 0);
		a->fast = PROBE_FAST_NONE;
		probe_store_args(a, 1, &fctx, slow, sizeof(slow), 0);
		KUNIT_EXPECT_MEMEQ_MSG(test, fast, slow, sizeof(fast), "%s",
				       cases[i].text);
		probe_arg_free(a);
	}
	KUNIT_EXPECT_EQ(test, get_unaligned((u32 *)slow), (u32)word);
}

/* Run programs on crafted registers, stack and memory. */
static void probe_fetch_run(struct kunit *test)
{
	static const char hello[] = "hello";
	unsigned long stack[4] = { 0x1111, 0x2222, 0x3333, 0x4444 };
	struct { u32 a; u16 b; u8 c[4]; const char *p; } mem = {
		0xdeadbeef, 0xbeef, { 1, 2, 3, 4 }, hello };
	struct probe_fetch_ctx fctx = {};
	struct pt_regs regs = {};
	struct probe_arg *a;
	u8 rec[256] = {};
	int dsize, i;
	u32 loc;

	a = kunit_kcalloc(test, 8, sizeof(*a), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	regs.ax = 0x123456789abcdef0UL;
	regs.di = (unsigned long)&mem;
	regs.si = (unsigned long)&mem.p;
	regs.dx = 0xf0;
	regs.sp = (unsigned long)stack;
	fctx.regs = &regs;

	tp_compile(test, "%ax:u16", PCTX_KPROBE, 0, &a[0]);
	tp_compile(test, "+0(%di):u32", PCTX_KPROBE, 2, &a[1]);
	tp_compile(test, "+4(%di):s16", PCTX_KPROBE, 6, &a[2]);
	tp_compile(test, "+6(%di):u8[4]", PCTX_KPROBE, 8, &a[3]);
	tp_compile(test, "+0(+0(%si)):string", PCTX_KPROBE, 12, &a[4]);
	tp_compile(test, "$stack2", PCTX_KPROBE, 16, &a[5]);
	tp_compile(test, "%dx:b4@4/8", PCTX_KPROBE, 24, &a[6]);
	tp_compile(test, "\\\"imm\"", PCTX_KPROBE, 25, &a[7]);

	dsize = probe_dynamic_size(a, 8, &fctx);
	KUNIT_EXPECT_EQ(test, dsize, (int)sizeof(hello) + 4);
	probe_store_args(a, 8, &fctx, rec, 32, dsize);
	KUNIT_EXPECT_EQ(test, get_unaligned((u16 *)rec), 0xdef0);
	KUNIT_EXPECT_EQ(test, get_unaligned((u32 *)(rec + 2)), 0xdeadbeef);
	KUNIT_EXPECT_EQ(test, get_unaligned((s16 *)(rec + 6)), (s16)0xbeef);
	KUNIT_EXPECT_EQ(test, rec[8] + rec[9] + rec[10] + rec[11], 10);
	loc = get_unaligned((u32 *)(rec + 12));
	KUNIT_EXPECT_EQ(test, loc & 0xffff, 32);
	KUNIT_EXPECT_EQ(test, loc >> 16, sizeof(hello));
	KUNIT_EXPECT_STREQ(test, (char *)rec + 32, "hello");
	KUNIT_EXPECT_EQ(test, get_unaligned((u64 *)(rec + 16)),
			regs_get_kernel_stack_nth(&regs, 2));
	KUNIT_EXPECT_EQ(test, rec[24], 0xf);
	loc = get_unaligned((u32 *)(rec + 25));
	KUNIT_EXPECT_EQ(test, loc >> 16, 4);
	KUNIT_EXPECT_STREQ(test, (char *)rec + (loc & 0xffff), "imm");
	for (i = 0; i < 8; i++)
		probe_arg_free(&a[i]);
}

/* Bad addresses store zeroes and "(fault)", and never oops. */
static void probe_fetch_faults(struct kunit *test)
{
	struct probe_fetch_ctx fctx = {};
	struct pt_regs regs = {};
	struct probe_arg *a;
	struct trace_seq *s;
	u8 rec[128];
	int dsize;

	a = kunit_kcalloc(test, 4, sizeof(*a), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	memset(rec, 0xaa, sizeof(rec));
	regs.di = 0x10;			/* the first page: never mapped */
	regs.si = 0xdead000000000000UL;	/* not canonical */
	fctx.regs = &regs;
	tp_compile(test, "+0(%di):u32", PCTX_KPROBE, 0, &a[0]);
	tp_compile(test, "+8(+0(%si)):u64", PCTX_KPROBE, 4, &a[1]);
	tp_compile(test, "+0(%di):string", PCTX_KPROBE, 12, &a[2]);
	tp_compile(test, "+0(%si):u8[4]", PCTX_KPROBE, 16, &a[3]);
	dsize = probe_dynamic_size(a, 4, &fctx);
	KUNIT_EXPECT_EQ(test, dsize, 0);
	probe_store_args(a, 4, &fctx, rec, 20, dsize);
	KUNIT_EXPECT_EQ(test, get_unaligned((u32 *)rec), 0);
	KUNIT_EXPECT_EQ(test, get_unaligned((u64 *)(rec + 4)), 0);
	KUNIT_EXPECT_EQ(test, get_unaligned((u32 *)(rec + 12)), 20);
	KUNIT_EXPECT_EQ(test, get_unaligned((u32 *)(rec + 16)), 0);

	s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	trace_seq_init(s);
	probe_print_args(s, a, 4, rec, 20);
	trace_seq_putc(s, '\0');
	KUNIT_EXPECT_STREQ(test, (char *)s->buffer,
			   " arg1=0 arg1=0 arg1=(fault) arg1={0,0,0,0}");
	for (dsize = 0; dsize < 4; dsize++)
		probe_arg_free(&a[dsize]);
}

/*
 * A kernel string's length with its NUL, at most the cap; a string that
 * runs into an unmapped page, or starts at a bad address, is a fault (0).
 * The in-line reads of scalars agree with copy_from_kernel_nofault().
 */
static void probe_fetch_kernel_reads(struct kunit *test)
{
	static const char word[] = "kprobe";
	unsigned long v8 = 0x0102030405060708UL, out = 0;
	char *page;
	u16 v2;

	KUNIT_EXPECT_EQ(test, kernel_strlen((unsigned long)word, 64), 7);
	KUNIT_EXPECT_EQ(test, kernel_strlen((unsigned long)word, 7), 7);
	KUNIT_EXPECT_EQ(test, kernel_strlen((unsigned long)word, 6), 6);
	KUNIT_EXPECT_EQ(test, kernel_strlen((unsigned long)word, 1), 1);
	KUNIT_EXPECT_EQ(test, kernel_strlen((unsigned long)word + 6, 8), 1);
	KUNIT_EXPECT_EQ(test, kernel_strlen(0x10, 8), 0);
	KUNIT_EXPECT_EQ(test, kernel_strlen(0xdead000000000000UL, 8), 0);

	/* vmalloc() leaves a guard page after the area. */
	page = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, page);
	memset(page, 'x', PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, kernel_strlen((unsigned long)page, 16), 16);
	KUNIT_EXPECT_EQ(test, kernel_strlen((unsigned long)page +
					    PAGE_SIZE - 4, 16), 0);
	page[PAGE_SIZE - 1] = '\0';
	KUNIT_EXPECT_EQ(test, kernel_strlen((unsigned long)page +
					    PAGE_SIZE - 4, 16), 4);
	KUNIT_EXPECT_FALSE(test, read_kernel(&out, (unsigned long)page +
					     PAGE_SIZE - 4, 8));
	vfree(page);

	KUNIT_EXPECT_TRUE(test, read_kernel(&out, (unsigned long)&v8, 8));
	KUNIT_EXPECT_EQ(test, out, v8);
	KUNIT_EXPECT_TRUE(test, read_kernel(&v2, (unsigned long)&v8 + 1, 2));
	KUNIT_EXPECT_EQ(test, v2, (u16)(v8 >> 8));
	KUNIT_EXPECT_FALSE(test, read_kernel(&out, 0x10, 8));
	KUNIT_EXPECT_FALSE(test, read_kernel(&v2, 0xdead000000000000UL, 2));
}

/* Event probes read the attached record's fields. */
static void probe_fetch_fields(struct kunit *test)
{
	struct probe_fetch_ctx fctx = {};
	struct probe_arg *a;
	u8 src[32] = {}, rec[64] = {};
	int dsize;

	a = kunit_kcalloc(test, 2, sizeof(*a), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	put_unaligned((s32)-5, (s32 *)(src + 8));
	put_unaligned((u32)(6 << 16 | 20), (u32 *)(src + 12));
	memcpy(src + 20, "field", 6);
	fctx.rec = src;
	tp_compile(test, "$num:s64", PCTX_EPROBE, 0, &a[0]);
	tp_compile(test, "$str", PCTX_EPROBE, 8, &a[1]);
	KUNIT_EXPECT_STREQ(test, a[0].name, "num");
	dsize = probe_dynamic_size(a, 2, &fctx);
	KUNIT_EXPECT_EQ(test, dsize, 6);
	probe_store_args(a, 2, &fctx, rec, 12, dsize);
	KUNIT_EXPECT_EQ(test, get_unaligned((s64 *)rec), -5);
	KUNIT_EXPECT_STREQ(test, (char *)rec + 12, "field");
	probe_arg_free(&a[0]);
	probe_arg_free(&a[1]);
}

static struct kunit_case trace_probe_cases[] = {
	KUNIT_CASE(probe_parse_good),
	KUNIT_CASE(probe_parse_bad),
	KUNIT_CASE(probe_parse_layout),
	KUNIT_CASE(probe_parse_names),
	KUNIT_CASE(probe_fetch_run),
	KUNIT_CASE(probe_fetch_fast),
	KUNIT_CASE(probe_fetch_faults),
	KUNIT_CASE(probe_fetch_kernel_reads),
	KUNIT_CASE(probe_fetch_fields),
	{}
};

static struct kunit_suite trace_probe_suite = {
	.name		= "trace_probe",
	.test_cases	= trace_probe_cases,
};
kunit_test_suite(trace_probe_suite);
