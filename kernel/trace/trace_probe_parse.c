// SPDX-License-Identifier: GPL-2.0
/*
 * trace_probe_parse.c - the fetch argument language of kprobe and event
 * probe events, compiled into fetch programs (trace_probe.h):
 *
 *	[NAME=]FETCHARG[:TYPE]
 *	FETCHARG: %REG @ADDR @SYM[+|-offs] $stackN $stack $argN $retval
 *		  $comm $FIELD (eprobes) +|-[u]OFFS(FETCHARG) \IMM \"STR"
 *	TYPE:	  u8..u64 s8..s64 x8..x64 char string ustring symbol symstr
 *		  %pd %pD b<width>@<offset>/<container> and BASE[N] arrays
 *
 * A source becomes one step (@ADDR and @SYM two: the address, then a
 * dereference), each +OFFS(...) a dereference after its operand's steps.
 * The type then turns the last dereference into the store's memory read
 * (so "+8(%di):u32" reads 4 bytes at %di + 8), or stores the value itself.
 *
 * Errors carry an enum probe_err and the offset of the token at fault in
 * the whole command, for error_log's caret.
 *
 * Locking: none; the parser only reads kallsyms.
 */

#include <kunit/static_stub.h>
#include <linux/ctype.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/kallsyms.h>
#include <linux/ptrace.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "trace_probe.h"

const char *const probe_errs[] = {
	[PERR_BAD_MAXACT_TYPE]	= "Maxactive is only for function exit",
	[PERR_BAD_MAXACT]	= "Invalid maxactive number",
	[PERR_MAXACT_TOO_BIG]	= "Maxactive is too big",
	[PERR_BAD_PROBE_ADDR]	= "Invalid probed address or symbol",
	[PERR_NON_UNIQ_SYMBOL]	= "The symbol is not unique",
	[PERR_BAD_RETPROBE]	= "Retprobe address must be an function entry",
	[PERR_BAD_ADDR_SUFFIX]	= "Invalid probed address suffix",
	[PERR_NO_GROUP_NAME]	= "Group name is not specified",
	[PERR_GROUP_TOO_LONG]	= "Group name is too long",
	[PERR_BAD_GROUP_NAME]	= "Group name must follow the same rules as C identifiers",
	[PERR_NO_EVENT_NAME]	= "Event name is not specified",
	[PERR_EVENT_TOO_LONG]	= "Event name is too long",
	[PERR_BAD_EVENT_NAME]	= "Event name must follow the same rules as C identifiers",
	[PERR_EVENT_EXIST]	= "The event of this name already exists",
	[PERR_RETVAL_ON_PROBE]	= "$retval is not available on probe",
	[PERR_NO_RETVAL]	= "This function returns 'void' type",
	[PERR_BAD_STACK_NUM]	= "Invalid stack number",
	[PERR_BAD_ARG_NUM]	= "Invalid argument number",
	[PERR_NOFENTRY_ARGS]	= "$arg* can be used only on function entry or exit",
	[PERR_BAD_VAR]		= "Invalid $-variable specified",
	[PERR_BAD_REG_NAME]	= "Invalid register name",
	[PERR_BAD_MEM_ADDR]	= "Invalid memory address",
	[PERR_BAD_IMM]		= "Invalid immediate value",
	[PERR_IMMSTR_NO_CLOSE]	= "String is not closed with '\"'",
	[PERR_FILE_ON_KPROBE]	= "File offset is not available with kprobe",
	[PERR_TOO_MANY_OPS]	= "Dereference is too much nested",
	[PERR_DEREF_NEED_BRACE]	= "Dereference needs a brace",
	[PERR_BAD_DEREF_OFFS]	= "Invalid dereference offset",
	[PERR_DEREF_OPEN_BRACE]	= "Dereference is not closed",
	[PERR_COMM_CANT_DEREF]	= "$comm can not be dereferenced",
	[PERR_BAD_FETCH_ARG]	= "Invalid fetch argument",
	[PERR_ARRAY_NO_CLOSE]	= "Array is not closed",
	[PERR_BAD_ARRAY_SUFFIX]	= "Array has wrong suffix",
	[PERR_BAD_ARRAY_NUM]	= "Invalid array size",
	[PERR_ARRAY_TOO_BIG]	= "Array size is too big",
	[PERR_BAD_TYPE]		= "Unknown type is specified",
	[PERR_BAD_STRING]	= "String accepts only memory argument",
	[PERR_BAD_SYMSTRING]	= "Symbol String doesn't accept data/userdata",
	[PERR_BAD_BITFIELD]	= "Invalid bitfield",
	[PERR_ARG_NAME_TOO_LONG] = "Argument name is too long",
	[PERR_NO_ARG_NAME]	= "Argument name is not specified",
	[PERR_BAD_ARG_NAME]	= "Argument name must follow the same rules as C identifiers",
	[PERR_USED_ARG_NAME]	= "This argument name is already used",
	[PERR_ARG_TOO_LONG]	= "Argument expression is too long",
	[PERR_NO_ARG_BODY]	= "No argument expression",
	[PERR_BAD_INSN_BNDRY]	= "Probe point is not an instruction boundary",
	[PERR_FAIL_REG_PROBE]	= "Failed to register probe event",
	[PERR_DIFF_PROBE_TYPE]	= "Probe type is different from existing probe",
	[PERR_DIFF_ARG_TYPE]	= "Argument type or name is different from existing probe",
	[PERR_SAME_PROBE]	= "There is already the exact same probe event",
	[PERR_NO_EVENT_INFO]	= "This requires both group and event name to attach",
	[PERR_BAD_ATTACH_EVENT]	= "Attached event does not exist",
	[PERR_BAD_ATTACH_ARG]	= "Attached event does not have this field",
	[PERR_NO_EP_FILTER]	= "No filter rule after 'if'",
	[PERR_TOO_MANY_ARGS]	= "Too many arguments are specified",
	[PERR_NOSUP_BTFARG]	= "BTF is not available or not supported",
	[PERR_ARRAY_NO_MEM]	= "Array needs a memory argument",
	[PERR_BAD_ARRAY_TYPE]	= "String arrays are not supported",
	[PERR_LOGGED]		= "",
};

/* The fetch types, from the README's list; x* print in hex. */
static const struct fetch_type fetch_types[] = {
	{ "u8",	    "u8",  1, false, PP_UNSIGNED, "%u" },
	{ "u16",    "u16", 2, false, PP_UNSIGNED, "%u" },
	{ "u32",    "u32", 4, false, PP_UNSIGNED, "%u" },
	{ "u64",    "u64", 8, false, PP_UNSIGNED, "%llu" },
	{ "s8",	    "s8",  1, true,  PP_SIGNED,   "%d" },
	{ "s16",    "s16", 2, true,  PP_SIGNED,   "%d" },
	{ "s32",    "s32", 4, true,  PP_SIGNED,   "%d" },
	{ "s64",    "s64", 8, true,  PP_SIGNED,   "%lld" },
	{ "x8",	    "u8",  1, false, PP_HEX,      "0x%x" },
	{ "x16",    "u16", 2, false, PP_HEX,      "0x%x" },
	{ "x32",    "u32", 4, false, PP_HEX,      "0x%x" },
	{ "x64",    "u64", 8, false, PP_HEX,      "0x%llx" },
	{ "char",   "u8",  1, false, PP_CHAR,     "'%c'" },
	{ "symbol", "u64", 8, false, PP_SYMBOL,   "%pS" },
	{ "string", "__data_loc char[]", 4, false, PP_STRING, "\\\"%s\\\"" },
	{ "ustring", "__data_loc char[]", 4, false, PP_STRING, "\\\"%s\\\"" },
	{ "symstr", "__data_loc char[]", 4, false, PP_STRING, "\\\"%s\\\"" },
	{ "%pd",    "__data_loc char[]", 4, false, PP_STRING, "\\\"%s\\\"" },
	{ "%pD",    "__data_loc char[]", 4, false, PP_STRING, "\\\"%s\\\"" },
};

#define TYPE_DEFAULT	"x64"

static const struct fetch_type *find_type(const char *name, size_t len)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(fetch_types); i++)
		if (strlen(fetch_types[i].name) == len &&
		    !strncmp(fetch_types[i].name, name, len))
			return &fetch_types[i];
	return NULL;
}

/**
 * probe_good_name() - whether a name follows the rules of C identifiers
 * @name: the name
 * @len:  its length
 *
 * Context: any context.
 * Return: true for a letter or '_' followed by letters, digits and '_'.
 */
bool probe_good_name(const char *name, int len)
{
	int i;

	if (len <= 0 || !(isalpha(name[0]) || name[0] == '_'))
		return false;
	for (i = 1; i < len; i++)
		if (!(isalnum(name[i]) || name[i] == '_'))
			return false;
	return true;
}

/* The state of one argument's compilation. */
struct compiler {
	const struct probe_parse_ctx	*ctx;
	struct probe_perr		*err;
	struct fetch_step		*code;
	int				n;
	int				base;	/* of the FETCHARG in the command */
	bool				field_str; /* FOP_FIELDP: a string */
};

static int fail(struct compiler *c, int code, int pos)
{
	c->err->code = code;
	c->err->pos = c->ctx->offset + c->base + pos;
	return -EINVAL;
}

/* Append a step; the last two slots stay for the store and the modifier. */
static int emit(struct compiler *c, int pos, struct fetch_step step)
{
	if (c->n >= PROBE_STEPS_MAX - 3)
		return fail(c, PERR_TOO_MANY_OPS, pos);
	c->code[c->n++] = step;
	return 0;
}

static int emit_deref(struct compiler *c, int pos, long offset)
{
	return emit(c, pos, (struct fetch_step){ .op = FOP_DEREF,
						 .param = offset });
}

static int parse_reg(struct compiler *c, const char *s, int pos)
{
	int off;

	if (!(c->ctx->flags & PCTX_KPROBE))
		return fail(c, PERR_BAD_FETCH_ARG, pos);
	off = regs_query_register_offset(s + 1);
	if (off < 0)
		return fail(c, PERR_BAD_REG_NAME, pos);
	return emit(c, pos, (struct fetch_step){ .op = FOP_REG, .param = off });
}

/* "@ADDR" or "@SYM[+|-offs]": the address, then a read of it. */
static int parse_mem(struct compiler *c, const char *s, int pos)
{
	unsigned long addr;
	char sym[KSYM_NAME_LEN];
	const char *sep;
	long offs = 0;
	int ret;

	if (!(c->ctx->flags & PCTX_KPROBE))
		return fail(c, PERR_BAD_FETCH_ARG, pos);
	s++;
	if (*s == '+' || *s == '-')
		return fail(c, PERR_FILE_ON_KPROBE, pos);
	if (isdigit(*s)) {
		if (kstrtoul(s, 0, &addr))
			return fail(c, PERR_BAD_MEM_ADDR, pos);
	} else {
		sep = strpbrk(s, "+-");
		if (sep && kstrtol(sep, 0, &offs))
			return fail(c, PERR_BAD_MEM_ADDR, pos);
		if (!sep)
			sep = s + strlen(s);
		if (sep == s || sep - s >= KSYM_NAME_LEN)
			return fail(c, PERR_BAD_MEM_ADDR, pos);
		memcpy(sym, s, sep - s);
		sym[sep - s] = '\0';
		addr = kallsyms_lookup_name(sym);
		if (!addr)
			return fail(c, PERR_BAD_MEM_ADDR, pos);
		addr += offs;
	}
	ret = emit(c, pos, (struct fetch_step){ .op = FOP_IMM, .param = addr });
	return ret ?: emit(c, pos, (struct fetch_step){ .op = FOP_DEREF });
}

/* "$name": the stack, arguments, return value, comm, or a field. */
static int parse_var(struct compiler *c, const char *s, int pos)
{
	const char *v = s + 1;
	unsigned int flags = c->ctx->flags;
	struct probe_field_info fi;
	unsigned long n;

	if (!strcmp(v, "comm") || !strcmp(v, "COMM"))
		return emit(c, pos, (struct fetch_step){ .op = FOP_COMM });
	if (flags & PCTX_EPROBE) {
		if (!c->ctx->find_field ||
		    !c->ctx->find_field(c->ctx->data, v, &fi))
			return fail(c, PERR_BAD_ATTACH_ARG, pos);
		if (fi.loc == PFL_VALUE)
			return emit(c, pos, (struct fetch_step){
				.op = FOP_FIELD, .param = fi.offset,
				.size = fi.size, .sign = fi.is_signed });
		c->field_str = fi.is_string;
		return emit(c, pos, (struct fetch_step){
			.op = FOP_FIELDP, .param = fi.offset, .size = fi.loc,
			.count = fi.loc == PFL_ADDR ? min(fi.size, U16_MAX) : 0 });
	}
	if (!strcmp(v, "retval")) {
		if (!(flags & PCTX_RETURN))
			return fail(c, PERR_RETVAL_ON_PROBE, pos);
		return emit(c, pos, (struct fetch_step){ .op = FOP_RETVAL });
	}
	if (!strcmp(v, "stack"))
		return emit(c, pos, (struct fetch_step){ .op = FOP_STACKP });
	if (str_has_prefix(v, "stack")) {
		if (kstrtoul(v + 5, 10, &n) || n >= PAGE_SIZE / sizeof(long))
			return fail(c, PERR_BAD_STACK_NUM, pos);
		return emit(c, pos, (struct fetch_step){ .op = FOP_STACK,
							.param = n });
	}
	if (!strcmp(v, "arg*"))
		return fail(c, PERR_NOSUP_BTFARG, pos);
	if (str_has_prefix(v, "arg")) {
		if (kstrtoul(v + 3, 10, &n) || !n || n > PROBE_ARGS_MAX)
			return fail(c, PERR_BAD_ARG_NUM, pos);
		if (flags & PCTX_RETURN) {
			if (n > PROBE_ENTRY_ARGS_MAX)
				return fail(c, PERR_BAD_ARG_NUM, pos);
			return emit(c, pos, (struct fetch_step){
				.op = FOP_EARG, .param = n - 1 });
		}
		if (!(flags & PCTX_FUNC_ENTRY))
			return fail(c, PERR_NOFENTRY_ARGS, pos);
		return emit(c, pos, (struct fetch_step){ .op = FOP_ARG,
							.param = n - 1 });
	}
	return fail(c, PERR_BAD_VAR, pos);
}

/*
 * Where the architecture's pt_regs holds the return value and the first
 * function arguments, when we know it: such a fast argument is then a
 * plain load from the registers (PROBE_FAST_REG), as regs_return_value()
 * and regs_get_kernel_argument() would read them.
 */
static void fast_as_reg(struct probe_arg *arg)
{
#ifdef CONFIG_X86_64
	static const u16 args[] = {
		offsetof(struct pt_regs, di), offsetof(struct pt_regs, si),
		offsetof(struct pt_regs, dx), offsetof(struct pt_regs, cx),
		offsetof(struct pt_regs, r8), offsetof(struct pt_regs, r9),
	};

	if (arg->fast == PROBE_FAST_RETVAL) {
		arg->fast = PROBE_FAST_REG;
		arg->fast_param = offsetof(struct pt_regs, ax);
	} else if (arg->fast == PROBE_FAST_ARG &&
		   arg->fast_param < ARRAY_SIZE(args)) {
		arg->fast = PROBE_FAST_REG;
		arg->fast_param = args[arg->fast_param];
	}
#endif
}

/* "\IMM" or "\"STR\"". */
static int parse_imm(struct compiler *c, const char *s, int pos)
{
	size_t len = strlen(s);
	long val;

	if (s[1] == '"') {
		if (len < 3 || s[len - 1] != '"')
			return fail(c, PERR_IMMSTR_NO_CLOSE, pos + len);
		/* The string is the text itself, between the quotes. */
		return emit(c, pos, (struct fetch_step){ .op = FOP_IMMSTR,
							.count = len - 3 });
	}
	if (kstrtol(s + 1, 0, &val) && kstrtoul(s + 1, 0, (unsigned long *)&val))
		return fail(c, PERR_BAD_IMM, pos + 1);
	return emit(c, pos, (struct fetch_step){ .op = FOP_IMM, .param = val });
}

static int parse_fetch(struct compiler *c, char *s, int pos, int depth);

/* "+|-[u]OFFS(FETCHARG)". */
static int parse_deref(struct compiler *c, char *s, int pos, int depth)
{
	char *open = strchr(s, '('), *close, *p = s + 1;
	bool user = false;
	long offs;
	int ret, op;

	if (!open)
		return fail(c, PERR_DEREF_NEED_BRACE, pos);
	if (*p == 'u') {
		user = true;
		p++;
	}
	*open = '\0';
	ret = kstrtol(p, 0, &offs);
	*open = '(';
	if (ret || p == open)
		return fail(c, PERR_BAD_DEREF_OFFS, pos);
	if (*s == '-')
		offs = -offs;
	close = strrchr(open, ')');
	if (!close)
		return fail(c, PERR_DEREF_OPEN_BRACE, pos + strlen(s));
	if (close[1])
		return fail(c, PERR_BAD_FETCH_ARG, pos + (close + 1 - s));
	*close = '\0';
	ret = parse_fetch(c, open + 1, pos + (open + 1 - s), depth + 1);
	*close = ')';
	if (!ret) {
		op = c->code[c->n - 1].op;
		if (op == FOP_COMM || op == FOP_IMMSTR)
			return fail(c, PERR_COMM_CANT_DEREF,
				    pos + (open + 1 - s));
		ret = emit(c, pos, (struct fetch_step){
			.op = user ? FOP_UDEREF : FOP_DEREF, .param = offs });
	}
	/* Too deep a nest is reported at the outermost operand. */
	if (ret && c->err->code == PERR_TOO_MANY_OPS && !depth)
		return fail(c, PERR_TOO_MANY_OPS, pos + (open + 1 - s));
	return ret;
}

/* One FETCHARG at @pos (relative to c->base); @s may be cut and mended. */
static int parse_fetch(struct compiler *c, char *s, int pos, int depth)
{
	switch (*s) {
	case '%':
		return parse_reg(c, s, pos);
	case '@':
		return parse_mem(c, s, pos);
	case '$':
		return parse_var(c, s, pos);
	case '+':
	case '-':
		return parse_deref(c, s, pos, depth);
	case '\\':
		return parse_imm(c, s, pos);
	default:
		return fail(c, PERR_BAD_FETCH_ARG, pos);
	}
}

/* ":TYPE" at @pos: the type, the array length and the bitfield. */
static int parse_type(struct compiler *c, const char *t, int pos,
		      struct probe_arg *arg, u8 *bf_l, u8 *bf_r)
{
	const char *br = strchr(t, '['), *end;
	unsigned int w, o, cont;
	unsigned long n;
	char num[8];
	int len;

	if (t[0] == 'b' && isdigit(t[1])) {
		char tail;

		if (sscanf(t, "b%u@%u/%u%c", &w, &o, &cont, &tail) != 3 ||
		    (cont != 8 && cont != 16 && cont != 32 && cont != 64) ||
		    !w || w + o > cont)
			return fail(c, PERR_BAD_BITFIELD, pos);
		snprintf(num, sizeof(num), "u%u", cont);
		arg->type = find_type(num, strlen(num));
		arg->bitfield = true;
		*bf_l = 64 - (w + o);
		*bf_r = 64 - w;
		return 0;
	}
	len = br ? br - t : strlen(t);
	arg->type = find_type(t, len);
	if (!arg->type)
		return fail(c, PERR_BAD_TYPE, pos);
	if (!br)
		return 0;
	end = strchr(br, ']');
	if (!end)
		return fail(c, PERR_ARRAY_NO_CLOSE, pos + strlen(t));
	if (end[1])
		return fail(c, PERR_BAD_ARRAY_SUFFIX, pos + (end + 1 - t));
	if (end - br - 1 <= 0 || end - br - 1 >= (int)sizeof(num))
		return fail(c, PERR_BAD_ARRAY_NUM, pos + (br + 1 - t));
	memcpy(num, br + 1, end - br - 1);
	num[end - br - 1] = '\0';
	if (kstrtoul(num, 0, &n) || !n)
		return fail(c, PERR_BAD_ARRAY_NUM, pos + (br + 1 - t));
	if (n > PROBE_ARRAY_MAX)
		return fail(c, PERR_ARRAY_TOO_BIG, pos + (br + 1 - t));
	arg->count = n;
	return 0;
}

static bool is_deref(const struct fetch_step *s)
{
	return s->op == FOP_DEREF || s->op == FOP_UDEREF;
}

/*
 * Whether the program so far gives the address of a string that is
 * kernel memory, whatever the type says: $comm, an immediate string, a
 * string field of the attached event's record.
 */
static bool string_source(const struct compiler *c)
{
	u8 op = c->code[c->n - 1].op;

	return op == FOP_COMM || op == FOP_IMMSTR ||
	       (op == FOP_FIELDP && c->field_str);
}

/* Put the store (and the modifier) after the source steps. */
static int compile_store(struct compiler *c, struct probe_arg *arg,
			 int tpos, u8 bf_l, u8 bf_r)
{
	const struct fetch_type *t = arg->type;
	struct fetch_step *last = &c->code[c->n - 1];
	bool str_src = string_source(c);
	bool user = !strcmp(t->name, "ustring");

	if (t->print == PP_STRING) {
		arg->dynamic = true;
		if (arg->count)
			return fail(c, PERR_BAD_ARRAY_TYPE, tpos);
		if (!strcmp(t->name, "symstr")) {
			if (str_src)
				return fail(c, PERR_BAD_SYMSTRING, tpos);
			c->code[c->n++] = (struct fetch_step){ .op = FOP_ST_SYMSTR };
			return 0;
		}
		if (t->name[0] == '%') {
			/* A dentry's name, or a file's dentry's name. */
			if (str_src)
				return fail(c, PERR_BAD_STRING, tpos);
			if (t->name[2] == 'D' &&
			    emit_deref(c, tpos, offsetof(struct file, f_path.dentry)))
				return -EINVAL;
			if (emit_deref(c, tpos, offsetof(struct dentry, d_name.name)))
				return -EINVAL;
			c->code[c->n++] = (struct fetch_step){ .op = FOP_ST_STR };
			return 0;
		}
		if (str_src) {
			c->code[c->n++] = (struct fetch_step){ .op = FOP_ST_STR };
			return 0;
		}
		/* An event's field, as a pointer: the string it points to. */
		if (last->op == FOP_FIELD || last->op == FOP_FIELDP) {
			c->code[c->n++] = (struct fetch_step){
				.op = user ? FOP_ST_USTR : FOP_ST_STR };
			return 0;
		}
		if (!is_deref(last))
			return fail(c, PERR_BAD_STRING, tpos);
		user |= last->op == FOP_UDEREF;
		*last = (struct fetch_step){ .op = user ? FOP_ST_USTR : FOP_ST_STR,
					     .param = last->param };
		return 0;
	}
	if (str_src)
		return fail(c, PERR_BAD_TYPE, tpos);
	if (arg->count) {
		if (!is_deref(last))
			return fail(c, PERR_ARRAY_NO_MEM, tpos);
		*last = (struct fetch_step){
			.op = last->op == FOP_UDEREF ? FOP_ST_UMEM : FOP_ST_MEM,
			.param = last->param, .size = t->size,
			.count = arg->count };
	} else if (is_deref(last)) {
		*last = (struct fetch_step){
			.op = last->op == FOP_UDEREF ? FOP_ST_UMEM : FOP_ST_MEM,
			.param = last->param, .size = t->size, .count = 1 };
	} else {
		c->code[c->n++] = (struct fetch_step){ .op = FOP_ST_RAW,
						       .size = t->size };
	}
	if (arg->bitfield)
		c->code[c->n++] = (struct fetch_step){ .op = FOP_MOD_BF,
						       .size = t->size,
						       .lshift = bf_l,
						       .rshift = bf_r };
	return 0;
}

/**
 * probe_arg_strdup() - copy a string that an argument will own
 * @s:   the string
 * @len: at most this many characters of it
 *
 * Every allocation of the argument parser is one of these, so that KUnit
 * can make each fail in turn (tests/trace_probe-kunit.h).
 *
 * Context: process context.
 * Return: the copy, or NULL.
 */
char *probe_arg_strdup(const char *s, size_t len)
{
	KUNIT_STATIC_STUB_REDIRECT(probe_arg_strdup, s, len);
	return kstrndup(s, len, GFP_KERNEL);
}

/* The default name of argument @idx: a field's own, or "argN". */
static char *default_name(const char *body, int idx,
			  const struct probe_parse_ctx *ctx)
{
	size_t len = strcspn(body, ":");
	char buf[16];

	if ((ctx->flags & PCTX_EPROBE) && body[0] == '$' &&
	    probe_good_name(body + 1, len - 1) &&
	    !(len == 5 && !strncmp(body + 1, "comm", 4)))
		return probe_arg_strdup(body + 1, len - 1);
	snprintf(buf, sizeof(buf), "arg%d", idx + 1);
	return probe_arg_strdup(buf, sizeof(buf));
}

/**
 * probe_parse_arg() - parse and compile one fetch argument
 * @text: "[NAME=]FETCHARG[:TYPE]"
 * @idx:  its index, for the default name "arg<idx + 1>"
 * @arg:  filled in (its offset is left to the caller)
 * @ctx:  the probe's kind; @ctx->offset is where @text is in the command
 * @err:  the error and its position, on -EINVAL
 *
 * Context: process context.
 * Return: 0, -EINVAL, or -ENOMEM.  On error @arg holds nothing to free.
 */
int probe_parse_arg(const char *text, int idx, struct probe_arg *arg,
		    const struct probe_parse_ctx *ctx, struct probe_perr *err)
{
	struct compiler c = { .ctx = ctx, .err = err, .code = arg->code };
	const char *eq, *body;
	char *buf = NULL, *colon, *name;
	int ret, tpos = 0;
	u8 bf_l = 0, bf_r = 0;

	memset(arg, 0, sizeof(*arg));
	if (strlen(text) >= PROBE_ARG_LEN_MAX)
		return fail(&c, PERR_ARG_TOO_LONG, 0);
	eq = strchr(text, '=');
	if (eq && !(text[0] == '\\' && text[1] == '"')) {
		if (eq == text)
			return fail(&c, PERR_NO_ARG_NAME, 0);
		if (eq - text >= PROBE_ARG_NAME_MAX)
			return fail(&c, PERR_ARG_NAME_TOO_LONG, 0);
		if (!probe_good_name(text, eq - text))
			return fail(&c, PERR_BAD_ARG_NAME, 0);
		body = eq + 1;
		if (!*body)
			return fail(&c, PERR_NO_ARG_BODY, body - text);
		name = probe_arg_strdup(text, eq - text);
		if (!name)
			return -ENOMEM;
	} else {
		body = text;
		name = NULL;
	}
	c.base = body - text;
	ret = -ENOMEM;
	buf = probe_arg_strdup(body, strlen(body));
	if (!buf)
		goto out;
	/* The type starts at the first ':' after any immediate string. */
	colon = buf;
	if (buf[0] == '\\' && buf[1] == '"')
		colon = strchr(buf + 2, '"') ?: buf;
	colon = strchr(colon, ':');
	if (colon) {
		*colon = '\0';
		tpos = colon + 1 - buf;
	}
	ret = parse_fetch(&c, buf, 0, 0);
	if (ret)
		goto out;
	if (colon)
		ret = parse_type(&c, colon + 1, tpos, arg, &bf_l, &bf_r);
	else
		arg->type = find_type(TYPE_DEFAULT, strlen(TYPE_DEFAULT));
	if (ret)
		goto out;
	/* $comm and strings are strings unless told otherwise. */
	if (!colon && string_source(&c))
		arg->type = find_type("string", 6);
	ret = compile_store(&c, arg, tpos, bf_l, bf_r);
	if (ret)
		goto out;
	c.code[c.n] = (struct fetch_step){ .op = FOP_END };
	/*
	 * The common argument: a register, an argument, the return value,
	 * an argument saved at the entry.
	 */
	if (c.n == 2 && c.code[1].op == FOP_ST_RAW &&
	    c.code[0].param >= 0 && c.code[0].param <= U16_MAX) {
		static const u8 fast[] = { [FOP_REG] = PROBE_FAST_REG,
					   [FOP_ARG] = PROBE_FAST_ARG,
					   [FOP_RETVAL] = PROBE_FAST_RETVAL,
					   [FOP_EARG] = PROBE_FAST_EARG };

		arg->fast = c.code[0].op < ARRAY_SIZE(fast) ?
			    fast[c.code[0].op] : PROBE_FAST_NONE;
		arg->fast_size = c.code[1].size;
		arg->fast_param = c.code[0].param;
		fast_as_reg(arg);
	}
	ret = -ENOMEM;
	arg->text = probe_arg_strdup(body, strlen(body));
	arg->name = name ?: default_name(body, idx, ctx);
	name = NULL;
	if (!arg->text || !arg->name)
		goto out;
	if (arg->count || arg->bitfield) {
		char tname[16];

		if (arg->count)
			snprintf(tname, sizeof(tname), "%s[%u]",
				 arg->type->field, arg->count);
		else
			strscpy(tname, arg->type->field, sizeof(tname));
		arg->type_name = probe_arg_strdup(tname, sizeof(tname));
		if (!arg->type_name)
			goto out;
	}
	/* The immediate string, without its quotes. */
	if (c.code[0].op == FOP_IMMSTR) {
		c.code[0].str = probe_arg_strdup(body + 2, c.code[0].count);
		if (!c.code[0].str)
			goto out;
	}
	ret = 0;
out:
	kfree(buf);
	kfree(name);
	if (ret)
		probe_arg_free(arg);
	return ret;
}

/**
 * probe_arg_free() - free what probe_parse_arg() allocated
 * @arg: the argument
 *
 * Context: process context.
 */
void probe_arg_free(struct probe_arg *arg)
{
	kfree(arg->name);
	kfree(arg->text);
	kfree(arg->type_name);
	if (arg->code[0].op == FOP_IMMSTR)
		kfree(arg->code[0].str);
	memset(arg, 0, sizeof(*arg));
}

/**
 * probe_args_free() - free an array of arguments
 * @args: the array, or NULL
 * @nr:   its length
 *
 * Context: process context.
 */
void probe_args_free(struct probe_arg *args, int nr)
{
	int i;

	if (!args)
		return;
	for (i = 0; i < nr; i++)
		probe_arg_free(&args[i]);
	kfree(args);
}

/**
 * probe_parse_args() - parse the arguments of a definition
 * @argc:   number of arguments
 * @argv:   the arguments
 * @argpos: where each is in @cmd
 * @args:   the new array (NULL when @argc is 0)
 * @ctx:    the probe's kind
 * @base:   where the arguments start in the record
 * @err:    the error, on -EINVAL
 *
 * Lays the arguments out in the record: packed, from @base.
 *
 * Context: process context.
 * Return: the end of the arguments' fixed part, -EINVAL or -ENOMEM.
 */
int probe_parse_args(int argc, const char *const *argv, const int *argpos,
		     struct probe_arg **args, const struct probe_parse_ctx *ctx,
		     unsigned int base, struct probe_perr *err)
{
	struct probe_parse_ctx actx = *ctx;
	struct probe_arg *a;
	unsigned int off = base;
	int i, j, ret;

	*args = NULL;
	if (!argc)
		return base;
	if (argc > PROBE_ARGS_MAX) {
		err->code = PERR_TOO_MANY_ARGS;
		err->pos = argpos[PROBE_ARGS_MAX];
		return -EINVAL;
	}
	a = kcalloc(argc, sizeof(*a), GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	for (i = 0; i < argc; i++) {
		actx.offset = argpos[i];
		ret = probe_parse_arg(argv[i], i, &a[i], &actx, err);
		if (ret)
			goto fail;
		for (j = 0; j < i; j++) {
			if (strcmp(a[j].name, a[i].name))
				continue;
			err->code = PERR_USED_ARG_NAME;
			err->pos = argpos[i];
			ret = -EINVAL;
			i++;
			goto fail;
		}
		a[i].offset = off;
		off += a[i].type->size * (a[i].count ?: 1);
	}
	*args = a;
	return off;
fail:
	probe_args_free(a, i);
	return ret;
}

/**
 * probe_fields_free() - free what probe_fields_new() made
 * @fields: the fields, or NULL
 * @nr:     their number
 *
 * Context: process context.
 */
void probe_fields_free(struct probe_field *fields, int nr)
{
	int i;

	if (!fields)
		return;
	for (i = 0; i < nr; i++) {
		kfree(fields[i].name);
		kfree(fields[i].type_name);
	}
	kfree(fields);
}

/**
 * probe_fields_new() - the fields of an event, from its first probe's
 *	arguments
 * @args: the arguments, laid out
 * @nr:   their number, > 0
 *
 * The fields own copies of the names and types: the probe may go first.
 *
 * Context: process context.
 * Return: the fields (free with probe_fields_free()), or NULL.
 */
struct probe_field *probe_fields_new(const struct probe_arg *args, int nr)
{
	struct probe_field *f;
	int i;

	f = kcalloc(nr, sizeof(*f), GFP_KERNEL);
	if (!f)
		return NULL;
	for (i = 0; i < nr; i++) {
		const struct probe_arg *a = &args[i];

		f[i] = (struct probe_field){
			.type = a->type, .offset = a->offset, .count = a->count,
			.bitfield = a->bitfield, .dynamic = a->dynamic };
		f[i].name = probe_arg_strdup(a->name, strlen(a->name));
		if (a->type_name)
			f[i].type_name = probe_arg_strdup(a->type_name,
							  strlen(a->type_name));
		if (!f[i].name || (a->type_name && !f[i].type_name)) {
			probe_fields_free(f, i + 1);
			return NULL;
		}
	}
	return f;
}

/**
 * probe_fields_diff() - whether a probe's arguments record an event's fields
 * @fields: the event's fields
 * @nf:     their number
 * @args:   the probe's arguments
 * @na:     their number
 *
 * Context: any context.
 * Return: -1 if names, types and array lengths match one for one, else
 * the index of the first argument that does not (or min(@nf, @na)).
 */
int probe_fields_diff(const struct probe_field *fields, int nf,
		      const struct probe_arg *args, int na)
{
	int i;

	for (i = 0; i < nf && i < na; i++)
		if (strcmp(fields[i].name, args[i].name) ||
		    fields[i].type != args[i].type ||
		    fields[i].count != args[i].count ||
		    fields[i].bitfield != args[i].bitfield)
			return i;
	return nf == na ? -1 : i;
}

/**
 * probe_parse_event_name() - split "[GROUP/][EVENT]" and check it
 * @cmd:   the whole command
 * @start: where the name starts in @cmd
 * @end:   where it ends (the first blank, or the end)
 * @group: the group, or NULL if none was given
 * @glen:  its length
 * @event: the event, or NULL if none was given
 * @elen:  its length
 * @err:   the error, on -EINVAL
 *
 * Context: any context.
 * Return: 0 or -EINVAL.
 */
int probe_parse_event_name(const char *cmd, int start, int end,
			   const char **group, int *glen, const char **event,
			   int *elen, struct probe_perr *err)
{
	const char *s = cmd + start, *slash;
	int len = end - start;

	*group = NULL;
	*event = NULL;
	*glen = *elen = 0;
	slash = memchr(s, '/', len);
	if (slash) {
		*glen = slash - s;
		err->pos = start;
		if (!*glen) {
			err->code = PERR_NO_GROUP_NAME;
			return -EINVAL;
		}
		if (*glen >= PROBE_NAME_MAX) {
			err->code = PERR_GROUP_TOO_LONG;
			return -EINVAL;
		}
		if (!probe_good_name(s, *glen)) {
			err->code = PERR_BAD_GROUP_NAME;
			return -EINVAL;
		}
		*group = s;
		len -= *glen + 1;
		start += *glen + 1;
		s = slash + 1;
		/* "GROUP/" alone: the event gets its default name. */
		if (!len)
			return 0;
	}
	err->pos = start;
	if (!len) {
		err->code = PERR_NO_EVENT_NAME;
		return -EINVAL;
	}
	if (len >= PROBE_NAME_MAX) {
		err->code = PERR_EVENT_TOO_LONG;
		return -EINVAL;
	}
	if (!probe_good_name(s, len)) {
		err->code = PERR_BAD_EVENT_NAME;
		return -EINVAL;
	}
	*event = s;
	*elen = len;
	return 0;
}

/**
 * probe_split_args() - split a command at blanks, in place
 * @buf:  the command (a copy), cut with NULs
 * @argv: the words
 * @pos:  where each word starts in @buf
 * @max:  the most words
 *
 * Context: any context.
 * Return: the number of words, or -E2BIG if there are more than @max.
 */
int probe_split_args(char *buf, const char **argv, int *pos, int max)
{
	char *p = buf;
	int n = 0;

	for (;;) {
		while (isspace(*p))
			*p++ = '\0';
		if (!*p)
			return n;
		if (n == max)
			return -E2BIG;
		pos[n] = p - buf;
		argv[n++] = p;
		while (*p && !isspace(*p))
			p++;
	}
}

/**
 * probe_cmd_parse() - split a probe definition and check its name
 * @cmd:  "X[:[GRP/][EVENT]] PLACE [ARGS...]"
 * @len:  how much of @cmd is the definition (an eprobe's filter is not)
 * @no_place: the error code when there is no place
 * @err:  the error, on -EINVAL
 *
 * The words point into a copy of @cmd; the first one is cut at its ':'.
 *
 * Context: process context.
 * Return: the parts (free with probe_cmd_free()), ERR_PTR(-EINVAL) or
 * ERR_PTR(-ENOMEM).
 */
struct probe_cmd *probe_cmd_parse(const char *cmd, size_t len, int no_place,
				  struct probe_perr *err)
{
	struct probe_cmd *pc = kzalloc(sizeof(*pc), GFP_KERNEL);
	char *colon;
	int end0;

	if (!pc)
		return ERR_PTR(-ENOMEM);
	pc->buf = kstrndup(cmd, len, GFP_KERNEL);
	if (!pc->buf) {
		kfree(pc);
		return ERR_PTR(-ENOMEM);
	}
	err->pos = 0;
	pc->argc = probe_split_args(pc->buf, pc->argv, pc->pos,
				    ARRAY_SIZE(pc->argv));
	if (pc->argc < 0) {
		err->code = PERR_TOO_MANY_ARGS;
		goto inval;
	}
	if (pc->argc < 2) {
		err->code = no_place;
		err->pos = strlen(cmd);
		goto inval;
	}
	end0 = pc->pos[0] + strlen(pc->argv[0]);
	colon = strchr(pc->argv[0], ':');
	if (!colon)
		return pc;
	*colon = '\0';
	pc->name_pos = colon + 1 - pc->buf;
	if (probe_parse_event_name(cmd, pc->name_pos, end0, &pc->group,
				   &pc->glen, &pc->event, &pc->elen, err))
		goto inval;
	return pc;
inval:
	probe_cmd_free(pc);
	return ERR_PTR(-EINVAL);
}

/**
 * probe_cmd_free() - free what probe_cmd_parse() returned
 * @pc: the parts, or NULL
 *
 * Context: process context.
 */
void probe_cmd_free(struct probe_cmd *pc)
{
	if (IS_ERR_OR_NULL(pc))
		return;
	kfree(pc->buf);
	kfree(pc);
}

/**
 * probe_cmd_names() - the group and event names a definition gives
 * @pc:    the parts
 * @group: the group, or @dgroup if none was given
 * @event: the event, or @devent if none was given
 * @dgroup: the default group
 * @devent: the default event name
 *
 * Context: process context.
 * Return: 0 or -ENOMEM (both are then NULL).
 */
int probe_cmd_names(const struct probe_cmd *pc, char **group, char **event,
		    const char *dgroup, const char *devent)
{
	*group = pc->group ? kstrndup(pc->group, pc->glen, GFP_KERNEL) :
			     kstrdup(dgroup, GFP_KERNEL);
	*event = pc->event ? kstrndup(pc->event, pc->elen, GFP_KERNEL) :
			     kstrdup(devent, GFP_KERNEL);
	if (*group && *event)
		return 0;
	kfree(*group);
	kfree(*event);
	*group = *event = NULL;
	return -ENOMEM;
}

