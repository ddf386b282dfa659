// SPDX-License-Identifier: GPL-2.0
/*
 * trace_filter_parse.c - compile an event filter expression into the flat
 * program of trace_filter.h.
 *
 *	predicate := field[.modifier] op value
 *	expr := term { "||" term }
 *	term := unary { "&&" unary }
 *	unary := "!" unary | "(" expr ")" | predicate
 *
 * Three passes, none recursive, so that no expression can run the kernel
 * stack out:
 *
 *  1. An operator-precedence (shunting-yard) pass over the tokens turns
 *     the text into postfix.  Each predicate is parsed whole as it is met,
 *     checked against the event's fields and turned into a struct
 *     filter_pred; its constant goes into the pool.
 *  2. The postfix becomes a tree in an array, with an explicit stack.
 *  3. A walk of the tree with an explicit stack gives every predicate its
 *     two jump targets: for "a && b", a true goes on to b's first
 *     predicate and a false goes where the whole "&&" goes when false;
 *     "||" the other way round; "!" swaps the targets it hands down.
 *
 * Every error names a message of filter_errs[] and the byte where the
 * token at fault starts, for the caret of the filter file and error_log.
 *
 * Locking: the caller holds trace_mutex, which keeps the event's fields
 * as they are.  Everything else is the compiler's own memory.
 */

#include <linux/cpumask.h>
#include <linux/ctype.h>
#include <linux/kallsyms.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/trace_events.h>

#include "trace_array.h"
#include "trace_event_types.h"
#include "trace_field_mod.h"
#include "trace_filter.h"

enum filter_err {
	FERR_FIELD_NOT_FOUND,
	FERR_BAD_FIELD_OP,
	FERR_MISSING_OPERAND,
	FERR_UNBALANCED,
	FERR_BAD_NUMBER,
	FERR_BAD_STRING,
	FERR_TOO_LONG,
	FERR_TOO_MANY_PREDS,
	FERR_MISSING_FIELD,
	FERR_MISSING_OP,
	FERR_BAD_OP,
	FERR_MISSING_VALUE,
	FERR_MISSING_LOGIC,
	FERR_NO_FUNCTION,
	FERR_BAD_CPUMASK,
	FERR_NOT_FILTERABLE,
	FERR_BAD_MODIFIER,
};

/* The messages, shown after "parse_error: " and in error_log. */
static const char *const filter_errs[] = {
	[FERR_FIELD_NOT_FOUND]	= "Field not found",
	[FERR_BAD_FIELD_OP]	= "Invalid operator for this field type",
	[FERR_MISSING_OPERAND]	= "Missing operand",
	[FERR_UNBALANCED]	= "Unbalanced parentheses",
	[FERR_BAD_NUMBER]	= "Invalid number",
	[FERR_BAD_STRING]	= "Invalid string",
	[FERR_TOO_LONG]		= "Expression too long",
	[FERR_TOO_MANY_PREDS]	= "Too many predicates",
	[FERR_MISSING_FIELD]	= "Missing field name",
	[FERR_MISSING_OP]	= "Missing operator",
	[FERR_BAD_OP]		= "Unknown operator",
	[FERR_MISSING_VALUE]	= "Missing value",
	[FERR_MISSING_LOGIC]	= "Expected '&&' or '||'",
	[FERR_NO_FUNCTION]	= "Function not found",
	[FERR_BAD_CPUMASK]	= "Invalid CPU mask",
	[FERR_NOT_FILTERABLE]	= "Field type cannot be filtered",
	[FERR_BAD_MODIFIER]	= "Modifier not valid for this field",
};

/* Tokens, and the nodes of postfix and tree that carry them. */
enum ftok { T_END, T_LPAREN, T_RPAREN, T_AND, T_OR, T_NOT, T_PRED };

/* An operator as written; each maps to a filter_pred_op and a negation. */
enum fsrc_op { SOP_EQ, SOP_NE, SOP_LT, SOP_LE, SOP_GT, SOP_GE, SOP_AND,
	       SOP_GLOB };

static const struct {
	char	text[3];
	u8	sop;
} filter_ops[] = {	/* longest first */
	{ "==", SOP_EQ }, { "!=", SOP_NE }, { "<=", SOP_LE }, { ">=", SOP_GE },
	{ "<", SOP_LT }, { ">", SOP_GT }, { "&", SOP_AND },
	{ "~", SOP_GLOB },
};

/* Numeric comparisons: the program's operator, and whether it negates. */
static const struct {
	u8	op;
	u8	neg;
} num_ops[] = {
	[SOP_EQ] = { FOP_EQ, 0 }, [SOP_NE] = { FOP_EQ, 1 },
	[SOP_LT] = { FOP_LT, 0 }, [SOP_GE] = { FOP_LT, 1 },
	[SOP_LE] = { FOP_LE, 0 }, [SOP_GT] = { FOP_LE, 1 },
	[SOP_AND] = { FOP_AND, 0 },
};

struct fitem {
	u8	tok;
	u16	pos;	/* of the token, for "unbalanced" */
	u16	leaf;	/* T_PRED: its predicate */
};

struct fnode {
	u8	tok;
	u16	a, b;	/* children; T_PRED: a is the predicate */
	u16	first;	/* first predicate of the subtree */
};

struct fparse {
	struct trace_event_call	*call;
	const char		*s;
	int			len;
	int			pos;
	struct filter_error	*err;
	struct filter_pred	*preds;
	int			nr_preds;
	char			*pool;
	u32			pool_len;
	u32			pool_size;
};

static int perr(struct fparse *p, int code, int pos)
{
	p->err->code = code;
	p->err->pos = min(pos, p->len);
	return -EINVAL;
}

static bool at_logic(struct fparse *p, int i)
{
	return i + 1 < p->len &&
	       ((p->s[i] == '&' && p->s[i + 1] == '&') ||
		(p->s[i] == '|' && p->s[i + 1] == '|'));
}

static void skip_space(struct fparse *p)
{
	while (p->pos < p->len && isspace(p->s[p->pos]))
		p->pos++;
}

/* The next token; a predicate is left for parse_pred() to read. */
static int next_token(struct fparse *p, int *tpos)
{
	char c;

	skip_space(p);
	*tpos = p->pos;
	if (p->pos >= p->len)
		return T_END;
	c = p->s[p->pos];
	if (c == '(' || c == ')') {
		p->pos++;
		return c == '(' ? T_LPAREN : T_RPAREN;
	}
	if (at_logic(p, p->pos)) {
		p->pos += 2;
		return c == '&' ? T_AND : T_OR;
	}
	if (c == '!' && (p->pos + 1 >= p->len || p->s[p->pos + 1] != '=')) {
		p->pos++;
		return T_NOT;
	}
	return T_PRED;
}

static int pool_add(struct fparse *p, const void *data, u32 len)
{
	u32 off = ALIGN(p->pool_len, sizeof(long));

	if (off + len > p->pool_size) {
		u32 size = max(2 * p->pool_size, off + len + 64);
		char *pool = krealloc(p->pool, size, GFP_KERNEL);

		if (!pool)
			return -ENOMEM;
		p->pool = pool;
		p->pool_size = size;
	}
	memcpy(p->pool + off, data, len);
	p->pool_len = off + len;
	return off;
}

/* What a field of the event is, to the filter; -1 if it cannot be. */
static int field_kind(const struct ftrace_event_field *field)
{
	static const u8 num_kinds[] = { FP_U8, FP_U16, 0, FP_U32,
					0, 0, 0, FP_U64 };
	const char *type = field->type;

	switch (field->filter_type) {
	case FILTER_DYN_STRING:
		return FP_STR_DYN;
	case FILTER_RDYN_STRING:
		return FP_STR_RDYN;
	case FILTER_STATIC_STRING:
		return FP_STR_FIXED;
	case FILTER_PTR_STRING:
		return FP_STR_PTR;
	case FILTER_COMM:
		return FP_COMM;
	case FILTER_CPU:
		return FP_CPU;
	case FILTER_CPUMASK:
		return str_has_prefix(type, "__rel_loc") ? FP_MASK_RDYN
							  : FP_MASK_DYN;
	case FILTER_OTHER:
		break;
	default:
		return -1;
	}
	if (str_has_prefix(type, "__data_loc") ||
	    str_has_prefix(type, "__rel_loc")) {
		if (!strstr(type, "char[]"))
			return -1;
		return type[2] == 'd' ? FP_STR_DYN : FP_STR_RDYN;
	}
	if (field->len)
		return strstr(type, "char") ? FP_STR_FIXED : -1;
	if (strstr(type, "char *") || strstr(type, "char*"))
		return FP_STR_PTR;
	if (field->size < 1 || field->size > 8 ||
	    !num_kinds[field->size - 1])
		return -1;
	/* FP_Sn is one before FP_Un. */
	return num_kinds[field->size - 1] - field->is_signed;
}

static bool kind_is_num(int kind)
{
	return kind <= FP_U64 || kind == FP_CPU;
}

static bool kind_is_str(int kind)
{
	return kind >= FP_STR_FIXED && kind <= FP_COMM;
}

/*
 * Resolve "name" or "name.modifier" (at @pos, @len bytes) to a kind, and
 * the field's place in the record.
 */
static int parse_field(struct fparse *p, int pos, int len,
		       struct filter_pred *pred)
{
	const struct ftrace_event_field *field;
	const struct field_mod *fmod;
	const char *dot = memchr(p->s + pos, '.', len);
	char name[MAX_FILTER_STR_VAL];
	int kind, nlen = dot ? dot - (p->s + pos) : len;
	const char *mod = dot ? dot + 1 : NULL;
	int mlen = dot ? len - nlen - 1 : 0;

	if (nlen >= sizeof(name))
		return perr(p, FERR_FIELD_NOT_FOUND, pos);
	memcpy(name, p->s + pos, nlen);
	name[nlen] = '\0';

	field = trace_find_event_field(p->call, name);
	if (field) {
		kind = field_kind(field);
		if (kind < 0)
			return perr(p, FERR_NOT_FILTERABLE, pos);
		pred->offset = field->offset;
		pred->size = field->size;
		/* A char[] at the end ("print"'s buf): NUL-terminated text. */
		if (kind == FP_STR_FIXED && field->len < 0)
			pred->size = FILTER_TAIL_STR_MAX;
	} else if (!strcmp(name, "CPU") || !strcmp(name, "cpu")) {
		kind = FP_CPU;
	} else if (!strcmp(name, "COMM") || !strcmp(name, "comm")) {
		kind = FP_COMM;
	} else {
		return perr(p, FERR_FIELD_NOT_FOUND, pos);
	}

	if (!mod) {
		pred->kind = kind;
		return 0;
	}
	fmod = trace_field_mod_find(mod, mlen, FMW_FILTER);
	if (!fmod)
		return perr(p, FERR_FIELD_NOT_FOUND, pos);
	/* Pointer-sized fields only: a user string, or a code address. */
	if (fmod == &trace_field_mods[FMOD_USTRING])
		kind = (kind == FP_STR_PTR || kind == FP_U64) && field &&
		       field->size == sizeof(long) ? FP_STR_USER : -1;
	else
		kind = (kind == FP_U64 || kind == FP_S64) && field &&
		       field->size == sizeof(long) ? FP_FUNC : -1;
	if (kind < 0)
		return perr(p, FERR_BAD_MODIFIER, pos + nlen + 1);
	pred->kind = kind;
	return 0;
}

/* Read the operator at p->pos; Return: SOP_*, or -EINVAL. */
static int parse_op(struct fparse *p)
{
	int i, pos = p->pos;
	char c;

	for (i = 0; i < ARRAY_SIZE(filter_ops); i++) {
		int n = strlen(filter_ops[i].text);

		if (pos + n > p->len ||
		    strncmp(p->s + pos, filter_ops[i].text, n) ||
		    at_logic(p, pos))
			continue;
		c = pos + n < p->len ? p->s[pos + n] : ' ';
		if (strchr("=<>!~", c))
			return perr(p, FERR_BAD_OP, pos);
		p->pos += n;
		return filter_ops[i].sop;
	}
	c = pos < p->len ? p->s[pos] : ' ';
	if (ispunct(c) && !strchr("()\"'", c) && !at_logic(p, pos))
		return perr(p, FERR_BAD_OP, pos);
	return perr(p, FERR_MISSING_OP, pos);
}

/*
 * Read the value at p->pos into @buf: a quoted string, or a run of
 * characters up to a space, parenthesis, quote, '&' or '|'.
 */
static int parse_value(struct fparse *p, char *buf, size_t size)
{
	int start = p->pos, end;
	char q = p->s[start];

	if (q == '"' || q == '\'') {
		const char *close = memchr(p->s + start + 1, q,
					   p->len - start - 1);

		if (!close)
			return perr(p, FERR_BAD_STRING, start);
		end = close - p->s;
		p->pos = end + 1;
		start++;
	} else {
		for (end = start; end < p->len; end++)
			if (isspace(p->s[end]) || strchr("()\"'&|", p->s[end]))
				break;
		p->pos = end;
		if (end == start)
			return perr(p, FERR_MISSING_VALUE, start);
	}
	if (end - start >= size)
		return perr(p, FERR_BAD_STRING, q == '"' || q == '\'' ?
			    start - 1 : start);
	memcpy(buf, p->s + start, end - start);
	buf[end - start] = '\0';
	return 0;
}

static int parse_number(struct fparse *p, int kind, const char *v,
			int vpos, struct filter_pred *pred)
{
	bool is_signed = kind <= FP_U64 && !(kind & 1);
	s64 sval;
	int ret;

	if (is_signed) {
		ret = kstrtoll(v, 0, &sval);
		pred->val = sval;
	} else {
		ret = kstrtoull(v, 0, &pred->val);
	}
	return ret ? perr(p, FERR_BAD_NUMBER, vpos) : 0;
}

/* "CPUS{list}", or for a cpumask field a lone CPU number. */
static int parse_cpumask(struct fparse *p, const char *v, int vpos,
			 struct filter_pred *pred)
{
	cpumask_var_t mask;
	char inner[MAX_FILTER_STR_VAL];
	size_t len = strlen(v);
	unsigned int cpu;
	int ret;

	if (!alloc_cpumask_var(&mask, GFP_KERNEL))
		return -ENOMEM;
	cpumask_clear(mask);
	ret = -EINVAL;
	if (str_has_prefix(v, "CPUS{") && len > 5 && v[len - 1] == '}') {
		memcpy(inner, v + 5, len - 6);
		inner[len - 6] = '\0';
		if (!cpulist_parse(inner, mask))
			ret = 0;
	} else if (!kstrtouint(v, 0, &cpu) && cpu < nr_cpumask_bits) {
		cpumask_set_cpu(cpu, mask);
		ret = 0;
	}
	if (ret) {
		ret = perr(p, FERR_BAD_CPUMASK, vpos);
		goto out;
	}
	pred->val = cpumask_weight(mask) == 1 ? cpumask_first(mask) : U64_MAX;
	ret = pool_add(p, cpumask_bits(mask), cpumask_size());
	if (ret >= 0) {
		pred->pool = ret;
		pred->len = cpumask_size();
		ret = 0;
	}
out:
	free_cpumask_var(mask);
	return ret;
}

static int parse_function(struct fparse *p, const char *v, int vpos,
			  struct filter_pred *pred)
{
	unsigned long addr = 0, size, off;

	if (!IS_ENABLED(CONFIG_KALLSYMS))
		return perr(p, FERR_NO_FUNCTION, vpos);
	if (isdigit(v[0])) {
		if (kstrtoul(v, 0, &addr))
			return perr(p, FERR_BAD_NUMBER, vpos);
	} else {
		addr = kallsyms_lookup_name(v);
	}
	if (!addr || !kallsyms_lookup_size_offset(addr, &size, &off))
		return perr(p, FERR_NO_FUNCTION, vpos);
	pred->val = addr - off;
	pred->end = addr - off + size;
	return 0;
}

static bool has_glob(const char *s, size_t len)
{
	return strcspn(s, "*?[") < len;
}

/* A string comparison: "==" and "!=", or a glob sorted by its shape. */
static int parse_string(struct fparse *p, int sop, const char *v,
			struct filter_pred *pred)
{
	size_t len = strlen(v);
	bool lead, trail;
	int off;

	pred->op = FOP_EQ;
	pred->neg = sop == SOP_NE;
	if (sop == SOP_GLOB && has_glob(v, len)) {
		lead = v[0] == '*';
		trail = len > lead && v[len - 1] == '*';
		if (!has_glob(v + lead, len - lead - trail)) {
			pred->op = lead ? (trail ? FOP_SUBSTR : FOP_SUFFIX)
					: FOP_PREFIX;
			v += lead;
			len -= lead + trail;
		} else {
			pred->op = FOP_GLOB;
		}
	}
	off = pool_add(p, v, len);
	if (off < 0)
		return off;
	pred->pool = off;
	pred->len = len;
	return 0;
}

/* field op value, at p->pos; appended to p->preds. */
static int parse_pred(struct fparse *p)
{
	struct filter_pred *pred;
	char v[MAX_FILTER_STR_VAL];
	int start = p->pos, opos, vpos, sop, ret, kind;

	while (p->pos < p->len &&
	       (isalnum(p->s[p->pos]) || p->s[p->pos] == '_' ||
		(p->s[p->pos] == '.' && p->pos > start)))
		p->pos++;
	if (p->pos == start || isdigit(p->s[start]))
		return perr(p, FERR_MISSING_FIELD, start);
	if (p->nr_preds >= FILTER_MAX_PREDS)
		return perr(p, FERR_TOO_MANY_PREDS, start);
	pred = &p->preds[p->nr_preds];
	memset(pred, 0, sizeof(*pred));
	ret = parse_field(p, start, p->pos - start, pred);
	if (ret)
		return ret;

	skip_space(p);
	opos = p->pos;
	sop = parse_op(p);
	if (sop < 0)
		return sop;
	skip_space(p);
	vpos = p->pos;
	if (vpos >= p->len || p->s[vpos] == ')' || at_logic(p, vpos))
		return perr(p, FERR_MISSING_VALUE, vpos);
	ret = parse_value(p, v, sizeof(v));
	if (ret)
		return ret;

	if (str_has_prefix(v, "CPUS{") && kind_is_num(pred->kind))
		pred->kind = pred->kind == FP_CPU ? FP_MASK_CPU : FP_MASK_NUM;
	kind = pred->kind;

	if (kind_is_num(kind)) {
		if (sop == SOP_GLOB)
			return perr(p, FERR_BAD_FIELD_OP, opos);
		pred->op = num_ops[sop].op;
		pred->neg = num_ops[sop].neg;
		ret = parse_number(p, kind, v, vpos, pred);
	} else if (kind_is_str(kind)) {
		if (sop != SOP_EQ && sop != SOP_NE && sop != SOP_GLOB)
			return perr(p, FERR_BAD_FIELD_OP, opos);
		ret = parse_string(p, sop, v, pred);
	} else {
		/* CPU masks and functions: "==", "!=", and "&" for masks */
		if (sop != SOP_EQ && sop != SOP_NE &&
		    (sop != SOP_AND || kind == FP_FUNC))
			return perr(p, FERR_BAD_FIELD_OP, opos);
		pred->op = sop == SOP_AND ? FOP_AND : FOP_EQ;
		pred->neg = sop == SOP_NE;
		ret = kind == FP_FUNC ? parse_function(p, v, vpos, pred)
				      : parse_cpumask(p, v, vpos, pred);
	}
	if (ret)
		return ret;
	p->nr_preds++;
	return 0;
}

/* Pass 1: tokens to postfix; @post and @stack hold p->len + 1 items. */
static int to_postfix(struct fparse *p, struct fitem *post, int *nr_post,
		      struct fitem *stack)
{
	int n = 0, top = 0, tpos, tok, ret;
	bool operand = true;

	for (;;) {
		tok = next_token(p, &tpos);
		if (operand) {
			switch (tok) {
			case T_LPAREN:
			case T_NOT:
				stack[top++] = (struct fitem){ tok, tpos };
				continue;
			case T_PRED:
				ret = parse_pred(p);
				if (ret)
					return ret;
				post[n++] = (struct fitem){ T_PRED, tpos,
							    p->nr_preds - 1 };
				break;
			default:
				return perr(p, FERR_MISSING_OPERAND, tpos);
			}
		} else {
			switch (tok) {
			case T_AND:
			case T_OR:
				/* "&&" binds tighter; both associate left. */
				while (top && (stack[top - 1].tok == T_AND ||
					       (tok == T_OR &&
						stack[top - 1].tok == T_OR)))
					post[n++] = stack[--top];
				stack[top++] = (struct fitem){ tok, tpos };
				operand = true;
				continue;
			case T_RPAREN:
				while (top && stack[top - 1].tok != T_LPAREN)
					post[n++] = stack[--top];
				if (!top)
					return perr(p, FERR_UNBALANCED, tpos);
				top--;
				break;
			case T_END:
				while (top) {
					if (stack[top - 1].tok == T_LPAREN)
						return perr(p, FERR_UNBALANCED,
							    stack[top - 1].pos);
					post[n++] = stack[--top];
				}
				*nr_post = n;
				return 0;
			default:
				return perr(p, FERR_MISSING_LOGIC, tpos);
			}
		}
		/* An operand is complete: the "!"s before it apply. */
		while (top && stack[top - 1].tok == T_NOT)
			post[n++] = stack[--top];
		operand = false;
	}
}

/* Pass 2: postfix to a tree; Return: the root's index. */
static int to_tree(const struct fitem *post, int nr_post,
		   struct fnode *nodes, u16 *stack)
{
	int i, top = 0;

	for (i = 0; i < nr_post; i++) {
		struct fnode *nd = &nodes[i];

		nd->tok = post[i].tok;
		switch (nd->tok) {
		case T_PRED:
			nd->a = post[i].leaf;
			nd->first = nd->a;
			break;
		case T_NOT:
			nd->a = stack[--top];
			nd->first = nodes[nd->a].first;
			break;
		default:
			nd->b = stack[--top];
			nd->a = stack[--top];
			nd->first = nodes[nd->a].first;
			break;
		}
		stack[top++] = i;
	}
	return stack[0];
}

struct fjump {
	u16	node, t, f;
};

/* Pass 3: give each predicate its jumps; @stack holds nr_nodes + 1. */
static void set_jumps(struct filter_pred *preds, int nr_preds,
		      const struct fnode *nodes, int root,
		      struct fjump *stack)
{
	int top = 0;

	stack[top++] = (struct fjump){ root, nr_preds, nr_preds + 1 };
	while (top) {
		struct fjump j = stack[--top];
		const struct fnode *nd = &nodes[j.node];
		u16 next_b = nd->tok == T_AND || nd->tok == T_OR ?
			     nodes[nd->b].first : 0;

		switch (nd->tok) {
		case T_PRED:
			preds[nd->a].on_true = j.t;
			preds[nd->a].on_false = j.f;
			break;
		case T_NOT:
			stack[top++] = (struct fjump){ nd->a, j.f, j.t };
			break;
		case T_AND:
			stack[top++] = (struct fjump){ nd->b, j.t, j.f };
			stack[top++] = (struct fjump){ nd->a, next_b, j.f };
			break;
		case T_OR:
			stack[top++] = (struct fjump){ nd->b, j.t, j.f };
			stack[top++] = (struct fjump){ nd->a, j.t, next_b };
			break;
		}
	}
	/* Negated numbers, masks and functions: swap, at no run-time cost. */
	for (top = 0; top < nr_preds; top++) {
		struct filter_pred *pred = &preds[top];

		if (pred->neg && !kind_is_str(pred->kind)) {
			swap(pred->on_true, pred->on_false);
			pred->neg = 0;
		}
	}
}

/*
 * Whether a predicate reads bytes 2 and 3 of the record, common_flags and
 * common_preempt_count: those of a filtered event are filled in late.
 */
static bool reads_ctx(const struct filter_pred *preds, int nr_preds)
{
	int i;

	for (i = 0; i < nr_preds; i++) {
		const struct filter_pred *pred = &preds[i];

		if (pred->kind == FP_CPU || pred->kind == FP_COMM ||
		    pred->kind == FP_MASK_CPU)
			continue;	/* not read from the record */
		if (pred->offset < 4 && pred->offset + pred->size > 2)
			return true;
	}
	return false;
}

/*
 * Pass 4: turn a number comparison into FOP_RANGE (see struct filter_pred)
 * when its field ends at byte 8 or later, so that the 8 bytes ending with
 * it are in the record.  The set of values that pass is an interval of
 * the field's sign- or zero-extended value, as the 64-bit comparison the
 * expression asks for sees it; an empty one ("< 0" on an unsigned field)
 * becomes "& 0", which never holds.
 */
static void to_range(struct filter_pred *pred)
{
	bool is_signed = !(pred->kind & 1);
	u64 min = is_signed ? (u64)S64_MIN : 0, lo = min, hi = pred->val;
	unsigned int width, bits;

	if (pred->kind > FP_U64 ||
	    !(pred->op == FOP_EQ || pred->op == FOP_LT || pred->op == FOP_LE))
		return;
	width = 1U << (pred->kind >> 1);	/* what the run loop loads */
	bits = width * BITS_PER_BYTE;
	if (pred->offset + width < sizeof(u64))
		return;
	if (pred->op == FOP_EQ) {
		lo = hi;
	} else if (pred->op == FOP_LT) {
		if (hi == min) {
			pred->op = FOP_AND;
			pred->val = 0;
			return;
		}
		hi--;
	}
	pred->sign = is_signed && bits < 64 ? 1U << (bits - 1) : 0;
	pred->load = pred->offset + width - sizeof(u64);
	pred->shift = 64 - bits;
	pred->val = lo + pred->sign;
	pred->end = hi - lo;
	pred->op = FOP_RANGE;
}

static int compile(struct fparse *p, struct filter_prog **progp)
{
	int nr_post = 0, items = p->len + 2, root, ret = -ENOMEM, i;
	struct fitem *post, *stack;
	struct fnode *nodes;
	struct filter_prog *prog;

	post = kmalloc_array(items, sizeof(*post), GFP_KERNEL);
	stack = kmalloc_array(items, max(sizeof(*stack),
					 sizeof(struct fjump)), GFP_KERNEL);
	nodes = kmalloc_array(items, sizeof(*nodes), GFP_KERNEL);
	p->preds = kmalloc_array(min(items, FILTER_MAX_PREDS),
				 sizeof(*p->preds), GFP_KERNEL);
	if (!post || !stack || !nodes || !p->preds)
		goto out;

	ret = to_postfix(p, post, &nr_post, stack);
	if (ret)
		goto out;
	root = to_tree(post, nr_post, nodes, (u16 *)stack);
	set_jumps(p->preds, p->nr_preds, nodes, root, (struct fjump *)stack);

	ret = -ENOMEM;
	prog = kzalloc(struct_size(prog, preds, p->nr_preds) + p->pool_len,
		       GFP_KERNEL);
	if (!prog)
		goto out;
	prog->nr_preds = p->nr_preds;
	prog->needs_ctx = reads_ctx(p->preds, p->nr_preds);
	prog->simple = p->nr_preds && p->nr_preds <= 2;
	for (i = 0; i < p->nr_preds; i++) {
		to_range(&p->preds[i]);
		if (p->preds[i].op != FOP_RANGE)
			prog->simple = false;
	}
	memcpy(prog->preds, p->preds, p->nr_preds * sizeof(*p->preds));
	if (p->pool_len)
		memcpy(&prog->preds[p->nr_preds], p->pool, p->pool_len);
	*progp = prog;
	ret = 0;
out:
	kfree(post);
	kfree(stack);
	kfree(nodes);
	kfree(p->preds);
	kfree(p->pool);
	return ret;
}

/**
 * trace_filter_compile() - compile a filter expression for an event
 * @call: the event whose fields the expression names
 * @str: the expression, NUL-terminated
 * @progp: the program, on success; free it with kfree() or, once
 *	published, with trace_filter_free_rcu()
 * @err: on -EINVAL, the message and the byte of @str at fault
 *
 * Context: process context; trace_mutex held.
 * Return: 0, -EINVAL for an expression that does not compile (see @err),
 * or -ENOMEM.
 */
int trace_filter_compile(struct trace_event_call *call, const char *str,
			 struct filter_prog **progp, struct filter_error *err)
{
	struct fparse p = {
		.call	= call,
		.s	= str,
		.len	= strnlen(str, FILTER_MAX_LEN + 1),
		.err	= err,
	};

	lockdep_assert_held(&trace_mutex);
	if (p.len > FILTER_MAX_LEN)
		return perr(&p, FERR_TOO_LONG, FILTER_MAX_LEN);
	return compile(&p, progp);
}

/**
 * trace_filter_err_show() - the text a filter file shows after an error
 * @str: the refused expression
 * @err: where and why
 *
 * The expression, a line with a caret under the byte at fault, and
 * "parse_error: <message>", each ending in a newline.
 *
 * Context: process context.
 * Return: a kmalloc()ed string, or NULL.
 */
char *trace_filter_err_show(const char *str, const struct filter_error *err)
{
	return kasprintf(GFP_KERNEL, "%s\n%*s^\nparse_error: %s\n", str,
			 err->pos, "", filter_errs[err->code]);
}

/**
 * trace_filter_log_err() - record a refused expression in error_log
 * @tr: the instance whose error_log gets it
 * @loc: where it was written, printed before "error:" (for a filter
 *	file "event filter parse error")
 * @cmd: the whole command the expression was part of
 * @col: byte offset of the expression in @cmd, so that the caret falls
 *	under the token at fault in the whole command
 * @err: where and why, relative to the expression
 *
 * Context: process context.
 */
void trace_filter_log_err(struct trace_array *tr, const char *loc,
			  const char *cmd, unsigned int col,
			  const struct filter_error *err)
{
	tracing_log_err(tr, loc, cmd, filter_errs, err->code,
			min_t(unsigned int, col + err->pos, U16_MAX));
}

static void filter_prog_free(struct rcu_head *rcu)
{
	kfree(container_of(rcu, struct filter_prog, rcu));
}

/**
 * trace_filter_free_rcu() - free a program once no probe can be running it
 * @prog: the program, already unpublished; may be NULL
 *
 * Context: any context that may call call_rcu().
 */
void trace_filter_free_rcu(struct filter_prog *prog)
{
	if (prog)
		call_rcu(&prog->rcu, filter_prog_free);
}

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/trace_filter-kunit.h"
#endif
