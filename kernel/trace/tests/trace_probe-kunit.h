/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for the probe fetch language, included at the end of
 * trace_probe_fetch.c: the parser (trace_probe_parse.c) on good and bad
 * arguments, with the code and caret position of every refusal, and with
 * each of its allocations failing; the compiled programs, step by step;
 * the programs run on crafted registers, stacks, records and memory, user
 * memory and faults included; and the fields an event keeps of them.
 */
#include <kunit/static_stub.h>
#include <kunit/test.h>
#include <linux/mman.h>
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
	/* A field as C sees it: a pointer's string, an array's address. */
	{ "$num:string", PCTX_EPROBE, "string", 0, { FOP_FIELD, FOP_ST_STR } },
	{ "$ptr:string", PCTX_EPROBE, "string", 0, { FOP_FIELD, FOP_ST_STR } },
	{ "$ptr:ustring", PCTX_EPROBE, "ustring", 0,
	  { FOP_FIELD, FOP_ST_USTR } },
	{ "$ptr:symstr", PCTX_EPROBE, "symstr", 0,
	  { FOP_FIELD, FOP_ST_SYMSTR } },
	{ "$str:string", PCTX_EPROBE, "string", 0, { FOP_FIELDP, FOP_ST_STR } },
	{ "$str:ustring", PCTX_EPROBE, "ustring", 0,
	  { FOP_FIELDP, FOP_ST_STR } },
	{ "$pcomm", PCTX_EPROBE, "string", 0, { FOP_FIELDP, FOP_ST_STR } },
	{ "$pcomm:string", PCTX_EPROBE, "string", 0,
	  { FOP_FIELDP, FOP_ST_STR } },
	{ "$rstr", PCTX_EPROBE, "string", 0, { FOP_FIELDP, FOP_ST_STR } },
	{ "$arr", PCTX_EPROBE, "x64", 0, { FOP_FIELDP, FOP_ST_RAW } },
	{ "$dyn", PCTX_EPROBE, "x64", 0, { FOP_FIELDP, FOP_ST_RAW } },
	{ "+8($arr):ustring", PCTX_EPROBE, "ustring", 0,
	  { FOP_FIELDP, FOP_ST_USTR } },
	{ "+8($arr):u32", PCTX_EPROBE, "u32", 0, { FOP_FIELDP, FOP_ST_MEM } },
	{ "+0($arr):x64[3]", PCTX_EPROBE, "x64", 3,
	  { FOP_FIELDP, FOP_ST_MEM } },
	{ "+0(+8($arr)):string", PCTX_EPROBE, "string", 0,
	  { FOP_FIELDP, FOP_DEREF, FOP_ST_STR } },
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
	{ "x=$str:u32", PCTX_EPROBE, PERR_BAD_TYPE, 7 },
	{ "x=$pcomm:u32", PCTX_EPROBE, PERR_BAD_TYPE, 9 },
	{ "x=$pcomm:symstr", PCTX_EPROBE, PERR_BAD_SYMSTRING, 9 },
	{ "$rstr:x8", PCTX_EPROBE, PERR_BAD_TYPE, 6 },
	{ "$arr:u8[4]", PCTX_EPROBE, PERR_ARRAY_NO_MEM, 5 },
};

/*
 * Fields of a pretend attached event, for the eprobe cases: as
 * trace_eprobe.c's find_field() describes
 *	s32 num; __data_loc char[] str; char pcomm[16];
 *	unsigned long arr[3]; __rel_loc char[] rstr; char *ptr;
 *	__data_loc u8[] dyn;
 */
static const struct {
	const char		*name;
	struct probe_field_info	info;
} tp_fields[] = {
	{ "num", { .offset = 8, .size = 4, .is_signed = true } },
	{ "str", { .offset = 12, .size = 4, .is_string = true,
		   .loc = PFL_DATA_LOC } },
	{ "pcomm", { .offset = 16, .size = 16, .is_string = true,
		     .loc = PFL_ADDR } },
	{ "arr", { .offset = 32, .size = 24, .loc = PFL_ADDR } },
	{ "rstr", { .offset = 56, .size = 4, .is_string = true,
		    .loc = PFL_REL_LOC } },
	{ "ptr", { .offset = 64, .size = 8 } },
	{ "dyn", { .offset = 72, .size = 4, .loc = PFL_DATA_LOC } },
};

static bool tp_find_field(void *data, const char *name,
			  struct probe_field_info *info)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(tp_fields); i++) {
		if (!strcmp(name, tp_fields[i].name)) {
			*info = tp_fields[i].info;
			return true;
		}
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
	struct probe_field *fields;
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
	fields = probe_fields_new(args, 4);
	KUNIT_ASSERT_NOT_NULL(test, fields);
	KUNIT_EXPECT_EQ(test, probe_fields_diff(fields, 4, again, 4), -1);
	KUNIT_EXPECT_EQ(test, probe_fields_diff(fields, 4, again, 3), 3);
	KUNIT_EXPECT_EQ(test, probe_fields_diff(fields, 3, again, 4), 3);
	KUNIT_EXPECT_EQ(test, probe_fields_diff(fields, 4, again + 1, 3), 0);
	probe_fields_free(fields, 4);
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
				KUNIT_EXPECT_EQ(test, strncmp(group, cases[i].group,
							      glen), 0);
			if (event && cases[i].event)
				KUNIT_EXPECT_EQ(test, strncmp(event, cases[i].event,
							      elen), 0);
			continue;
		}
		KUNIT_EXPECT_EQ_MSG(test, ret, -EINVAL, "%s", cmd);
		KUNIT_EXPECT_EQ_MSG(test, err.code, cases[i].code, "%s", cmd);
		KUNIT_EXPECT_EQ_MSG(test, err.pos, cases[i].pos, "%s", cmd);
	}
}

/* Fault injection: probe_arg_strdup() fails its tp_fail_at-th call (from 0). */
static int tp_alloc_calls, tp_fail_at;

static char *tp_failing_strdup(const char *s, size_t len)
{
	if (tp_alloc_calls++ == tp_fail_at)
		return NULL;
	return kstrndup(s, len, GFP_KERNEL);
}

/*
 * Each allocation of the parser fails in turn: the parse must then fail
 * with -ENOMEM and leave nothing behind, never go on with a default (a
 * name that failed to copy is not "argN").
 */
static void probe_parse_nomem(struct kunit *test)
{
	static const struct {
		const char	*text;
		unsigned int	flags;
	} cases[] = {
		{ "name=%ax", PCTX_KPROBE },
		{ "%ax", PCTX_KPROBE },
		{ "s=\\\"imm\"", PCTX_KPROBE },
		{ "x=+0(%di):u8[4]", PCTX_KPROBE },
		{ "b=%ax:b4@4/32", PCTX_KPROBE },
		{ "$num", PCTX_EPROBE },
		{ "f=$str", PCTX_EPROBE },
	};
	struct probe_parse_ctx ctx;
	struct probe_perr err;
	struct probe_arg arg;
	int i, n, ret;

	kunit_activate_static_stub(test, probe_arg_strdup, tp_failing_strdup);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		tp_ctx(&ctx, cases[i].flags, 0);
		for (n = 0; n < 16; n++) {
			tp_alloc_calls = 0;
			tp_fail_at = n;
			ret = probe_parse_arg(cases[i].text, 0, &arg, &ctx, &err);
			if (tp_alloc_calls <= n) {
				/* Every allocation was made: it parses. */
				KUNIT_EXPECT_EQ_MSG(test, ret, 0, "%s",
						    cases[i].text);
				probe_arg_free(&arg);
				break;
			}
			KUNIT_EXPECT_EQ_MSG(test, ret, -ENOMEM,
					    "%s: allocation %d of %d failed",
					    cases[i].text, n, tp_alloc_calls);
			KUNIT_EXPECT_NULL_MSG(test, arg.name, "%s: name %s",
					      cases[i].text, arg.name);
			if (!ret)
				probe_arg_free(&arg);
		}
		KUNIT_EXPECT_LT_MSG(test, n, 16, "%s", cases[i].text);
	}
	kunit_deactivate_static_stub(test, probe_arg_strdup);
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

/*
 * Print a record through the fields an event would make of @a; @expect
 * is what each field prints, " name=value", then NULL.
 */
static void tp_expect_print(struct kunit *test, const struct probe_arg *a,
			    int nr, const void *rec, unsigned int len,
			    const char *const *expect)
{
	struct probe_field *fields;
	struct trace_seq *s;
	const char *out;
	int i;

	s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	fields = probe_fields_new(a, nr);
	KUNIT_ASSERT_NOT_NULL(test, fields);
	trace_seq_init(s);
	probe_print_fields(s, fields, nr, rec, len);
	trace_seq_putc(s, '\0');
	out = s->buffer;
	for (i = 0; expect[i]; i++) {
		KUNIT_EXPECT_TRUE_MSG(test, str_has_prefix(out, expect[i]),
				      "field %d: \"%s\", not \"%s\"", i, out,
				      expect[i]);
		out += strnlen(out, strlen(expect[i]));
	}
	KUNIT_EXPECT_STREQ(test, out, "");
	probe_fields_free(fields, nr);
}

/* Bad addresses store zeroes and "(fault)", and never oops. */
static void probe_fetch_faults(struct kunit *test)
{
	struct probe_fetch_ctx fctx = {};
	struct pt_regs regs = {};
	struct probe_arg *a;
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

	tp_expect_print(test, a, 4, rec, 20, (const char *const []){
		" arg1=0", " arg1=0", " arg1=(fault)", " arg1={0,0,0,0}",
		NULL });
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

	KUNIT_EXPECT_EQ(test, mem_strlen((unsigned long)word, 64), 7);
	KUNIT_EXPECT_EQ(test, mem_strlen((unsigned long)word, 7), 7);
	KUNIT_EXPECT_EQ(test, mem_strlen((unsigned long)word, 6), 6);
	KUNIT_EXPECT_EQ(test, mem_strlen((unsigned long)word, 1), 1);
	KUNIT_EXPECT_EQ(test, mem_strlen((unsigned long)word + 6, 8), 1);
	KUNIT_EXPECT_EQ(test, mem_strlen(0x10, 8), 0);
	KUNIT_EXPECT_EQ(test, mem_strlen(0xdead000000000000UL, 8), 0);

	/* vmalloc() leaves a guard page after the area. */
	page = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, page);
	memset(page, 'x', PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, mem_strlen((unsigned long)page, 16), 16);
	KUNIT_EXPECT_EQ(test, mem_strlen((unsigned long)page +
					    PAGE_SIZE - 4, 16), 0);
	page[PAGE_SIZE - 1] = '\0';
	KUNIT_EXPECT_EQ(test, mem_strlen((unsigned long)page +
					    PAGE_SIZE - 4, 16), 4);
	KUNIT_EXPECT_FALSE(test, read_mem(&out, (unsigned long)page +
					     PAGE_SIZE - 4, 8));
	vfree(page);

	KUNIT_EXPECT_TRUE(test, read_mem(&out, (unsigned long)&v8, 8));
	KUNIT_EXPECT_EQ(test, out, v8);
	KUNIT_EXPECT_TRUE(test, read_mem(&v2, (unsigned long)&v8 + 1, 2));
	KUNIT_EXPECT_EQ(test, v2, (u16)(v8 >> 8));
	KUNIT_EXPECT_FALSE(test, read_mem(&out, 0x10, 8));
	KUNIT_EXPECT_FALSE(test, read_mem(&v2, 0xdead000000000000UL, 2));
}

/*
 * Event probes read the attached record's fields as C would: a scalar's
 * value, an array's address, a string field's string, which stops at the
 * end of the field (pcomm has no NUL) or of its data.
 */
static void probe_fetch_fields(struct kunit *test)
{
	static const char second[] = "second", pointed[] = "pointed";
	struct probe_fetch_ctx fctx = {};
	struct probe_arg *a;
	u8 *src, rec[96] = {};
	char arr[32];
	int dsize, i;

	a = kunit_kcalloc(test, 8, sizeof(*a), GFP_KERNEL);
	src = kunit_kzalloc(test, 128, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, src);
	put_unaligned((s32)-5, (s32 *)(src + 8));
	put_unaligned((u32)(6 << 16 | 80), (u32 *)(src + 12));
	memcpy(src + 80, "field", 6);
	memcpy(src + 16, "abcdefghijklmnop", 16);
	put_unaligned(0x1111UL, (unsigned long *)(src + 32));
	put_unaligned((unsigned long)second, (unsigned long *)(src + 40));
	/* __rel_loc: from the end of the word, at 60. */
	put_unaligned((u32)(4 << 16 | (96 - 60)), (u32 *)(src + 56));
	memcpy(src + 96, "rel", 4);
	put_unaligned((unsigned long)pointed, (unsigned long *)(src + 64));
	fctx.rec = src;
	tp_compile(test, "$num:s64", PCTX_EPROBE, 0, &a[0]);
	tp_compile(test, "$str", PCTX_EPROBE, 8, &a[1]);
	tp_compile(test, "$pcomm", PCTX_EPROBE, 12, &a[2]);
	tp_compile(test, "+0(+8($arr)):string", PCTX_EPROBE, 16, &a[3]);
	tp_compile(test, "$rstr", PCTX_EPROBE, 20, &a[4]);
	tp_compile(test, "$ptr:string", PCTX_EPROBE, 24, &a[5]);
	tp_compile(test, "$arr", PCTX_EPROBE, 28, &a[6]);
	tp_compile(test, "+0($arr):u64", PCTX_EPROBE, 36, &a[7]);
	KUNIT_EXPECT_STREQ(test, a[0].name, "num");
	dsize = probe_dynamic_size(a, 8, &fctx);
	KUNIT_EXPECT_EQ(test, dsize, 6 + 16 + 7 + 4 + 8);
	probe_store_args(a, 8, &fctx, rec, 44, dsize);
	KUNIT_EXPECT_EQ(test, get_unaligned((s64 *)rec), -5);
	KUNIT_EXPECT_STREQ(test, (char *)rec + 44, "field");
	KUNIT_EXPECT_EQ(test, get_unaligned((u64 *)(rec + 28)),
			(u64)(unsigned long)(src + 32));
	snprintf(arr, sizeof(arr), " arr=0x%lx", (unsigned long)(src + 32));
	tp_expect_print(test, a, 8, rec, 44 + dsize, (const char *const []){
		" num=-5", " str=\"field\"", " pcomm=\"abcdefghijklmno\"",
		" arg1=\"second\"", " rstr=\"rel\"", " ptr=\"pointed\"", arr,
		" arg1=4369", NULL });
	for (i = 0; i < 8; i++)
		probe_arg_free(&a[i]);
}

/*
 * "string" and plain dereferences of a user address read user memory
 * where the address spaces cannot overlap (x86-64); "ustring" and "+u"
 * as ever.  An empty user string is "", not a fault.
 */
static void probe_fetch_user(struct kunit *test)
{
	static const char path[] = "/tmp/probe_user";
	static const char *const texts[] = {
		"+0(%si):string", "+0(%si):ustring", "+u0(%si):string",
		"+0(+64(%si)):string", "+128(%si):string", "+128(%si):ustring",
		"+0(%si):u8", "+1(%si):x16", "+4096(%si):string",
		"+0(%si):u8[4]",
	};
	static const u8 off[] = { 0, 4, 8, 12, 16, 20, 24, 25, 27, 31 };
	struct probe_fetch_ctx fctx = {};
	struct pt_regs regs = {};
	unsigned long uaddr;
	struct probe_arg *a;
	int dsize, i, n = ARRAY_SIZE(texts);
	u8 *rec;

	if (!IS_ENABLED(CONFIG_ARCH_HAS_NON_OVERLAPPING_ADDRESS_SPACE))
		kunit_skip(test, "kernel and user addresses may overlap");
	uaddr = kunit_vm_mmap(test, NULL, 0, PAGE_SIZE, PROT_READ | PROT_WRITE,
			      MAP_ANONYMOUS | MAP_PRIVATE, 0);
	if (!uaddr || uaddr >= TASK_SIZE)
		kunit_skip(test, "no user memory");
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)uaddr, path,
					   sizeof(path)), 0);
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)(uaddr + 64), &uaddr,
					   sizeof(uaddr)), 0);
	a = kunit_kcalloc(test, n, sizeof(*a), GFP_KERNEL);
	rec = kunit_kzalloc(test, 512, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, rec);
	regs.si = uaddr;
	fctx.regs = &regs;
	for (i = 0; i < n; i++)
		tp_compile(test, texts[i], PCTX_KPROBE, off[i], &a[i]);
	dsize = probe_dynamic_size(a, n, &fctx);
	KUNIT_EXPECT_EQ(test, dsize, 4 * (int)sizeof(path) + 2);
	probe_store_args(a, n, &fctx, rec, 35, dsize);
	tp_expect_print(test, a, n, rec, 35 + dsize, (const char *const []){
		" arg1=\"/tmp/probe_user\"", " arg1=\"/tmp/probe_user\"",
		" arg1=\"/tmp/probe_user\"", " arg1=\"/tmp/probe_user\"",
		" arg1=\"\"", " arg1=\"\"", " arg1=47", " arg1=0x6d74",
		" arg1=(fault)", " arg1={47,116,109,112}", NULL });
	for (i = 0; i < n; i++)
		probe_arg_free(&a[i]);
}

/*
 * An event's fields are its own copies: its first probe's arguments may
 * go (defect: they were the first probe's, freed with it).
 */
static void probe_fields_own(struct kunit *test)
{
	static const char * const argv[] = { "a_name_the_event_keeps=%ax:u8",
					     "+0(%di):u16[3]", "s=$comm" };
	const int pos[] = { 0, 40, 60 };
	struct probe_field *fields;
	struct probe_parse_ctx ctx;
	struct probe_arg *args;
	struct probe_perr err;

	tp_ctx(&ctx, PCTX_KPROBE, 0);
	KUNIT_ASSERT_GT(test, probe_parse_args(3, argv, pos, &args, &ctx, 16,
					       &err), 0);
	fields = probe_fields_new(args, 3);
	KUNIT_ASSERT_NOT_NULL(test, fields);
	KUNIT_EXPECT_PTR_NE(test, fields[0].name, args[0].name);
	KUNIT_EXPECT_PTR_NE(test, fields[1].type_name, args[1].type_name);
	probe_args_free(args, 3);
	KUNIT_EXPECT_STREQ(test, fields[0].name, "a_name_the_event_keeps");
	KUNIT_EXPECT_STREQ(test, fields[1].name, "arg2");
	KUNIT_EXPECT_STREQ(test, fields[1].type_name, "u16[3]");
	KUNIT_EXPECT_EQ(test, fields[1].offset, 17);
	KUNIT_EXPECT_EQ(test, fields[1].count, 3);
	KUNIT_EXPECT_TRUE(test, fields[2].dynamic);
	KUNIT_EXPECT_NULL(test, fields[2].type_name);
	probe_fields_free(fields, 3);
}

static struct kunit_case trace_probe_cases[] = {
	KUNIT_CASE(probe_parse_good),
	KUNIT_CASE(probe_parse_bad),
	KUNIT_CASE(probe_parse_layout),
	KUNIT_CASE(probe_parse_names),
	KUNIT_CASE(probe_parse_nomem),
	KUNIT_CASE(probe_fetch_run),
	KUNIT_CASE(probe_fetch_fast),
	KUNIT_CASE(probe_fetch_faults),
	KUNIT_CASE(probe_fetch_kernel_reads),
	KUNIT_CASE(probe_fetch_fields),
	KUNIT_CASE(probe_fetch_user),
	KUNIT_CASE(probe_fields_own),
	{}
};

static struct kunit_suite trace_probe_suite = {
	.name		= "trace_probe",
	.test_cases	= trace_probe_cases,
};
kunit_test_suite(trace_probe_suite);
