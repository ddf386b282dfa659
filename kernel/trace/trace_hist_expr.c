// SPDX-License-Identifier: GPL-2.0
/*
 * trace_hist_expr.c - parse, check, fold and print hist expressions (the
 * grammar is in trace_hist_expr.h).
 *
 * Parsing is recursive descent over the text, which is not modified:
 * each level of the grammar is a function, and a loop in sum() and
 * product() makes chains of one precedence left-associative, so that
 * "16-8-4-2" is ((16-8)-4)-2.  The checks then walk the finished tree:
 *
 *  - operators are counted in pre-order (an operator, then its left
 *    operand, then its right), and the first one past HIST_EXPR_OPS_MAX
 *    is the one reported, at the start of its text: for "1+2+3+4+5" that
 *    is "1+2", as mainline reports it;
 *  - a unary minus must be the root: "-(1)+2" is refused at the "1";
 *  - constant operands of an operator are folded into one constant, and
 *    a constant divisor of 0 is refused at the "0".
 *
 * Locking: none.
 */

#include <linux/ctype.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "trace_field_mod.h"
#include "trace_hist_expr.h"

/* The parser's state. */
struct xparse {
	struct hist_expr_pool	*pool;
	const char		*s;
	size_t			len;
	size_t			i;
	u16			base;
	u8			err;
	u16			err_pos;
};

static int xerr(struct xparse *p, enum hist_expr_err code, size_t at)
{
	p->err = code;
	p->err_pos = p->base + at;
	return -EINVAL;
}

static char cur(const struct xparse *p)
{
	return p->i < p->len ? p->s[p->i] : '\0';
}

static int node_new(struct xparse *p, u8 kind, size_t at, u8 *idx)
{
	struct hist_node *n;

	if (p->pool->nr >= HIST_NODES_MAX)
		return xerr(p, HXE_TOO_BIG, at);
	*idx = p->pool->nr++;
	n = &p->pool->nodes[*idx];
	memset(n, 0, sizeof(*n));
	n->kind = kind;
	n->l = HIST_NODE_NONE;
	n->r = HIST_NODE_NONE;
	n->pos = p->base + at;
	return 0;
}

static bool is_ident(char c)
{
	return isalnum(c) || c == '_';
}

static size_t ident_len(const struct xparse *p, size_t at)
{
	size_t n = 0;

	while (at + n < p->len && is_ident(p->s[at + n]))
		n++;
	return n;
}

static int number(struct xparse *p, u8 *idx)
{
	size_t at = p->i, n = ident_len(p, at);
	char buf[24];
	u64 v;

	if (n >= sizeof(buf))
		return xerr(p, HXE_BAD_NUMBER, at);
	memcpy(buf, p->s + at, n);
	buf[n] = '\0';
	if (kstrtou64(buf, 0, &v))
		return xerr(p, HXE_BAD_NUMBER, at);
	if (node_new(p, HX_CONST, at, idx))
		return -EINVAL;
	p->pool->nodes[*idx].value = v;
	p->i += n;
	return 0;
}

/* "$name", at the '$' */
static int var_ref(struct xparse *p, size_t start, const char *sys,
		   u16 sys_len, u8 *idx)
{
	size_t n = ident_len(p, p->i + 1);
	struct hist_node *node;

	if (!n)
		return xerr(p, HXE_SYNTAX, p->i + 1);
	if (node_new(p, HX_VAR, start, idx))
		return -EINVAL;
	node = &p->pool->nodes[*idx];
	node->name = p->s + p->i + 1;
	node->len = n;
	node->sys = sys;
	node->sys_len = sys_len;
	p->i += n + 1;
	return 0;
}

/* The modifier after "field.", with "=N" for .buckets. */
static int modifier(struct xparse *p, struct hist_node *node)
{
	const struct field_mod *mod;
	size_t at = p->i, n = 0;
	char buf[24];

	while (at + n < p->len && (is_ident(p->s[at + n])))
		n++;
	/* "sym-offset" is the one modifier with a '-' in it. */
	if (n == 3 && !strncmp(p->s + at, "sym", 3) &&
	    p->len - at >= 10 && !strncmp(p->s + at + 3, "-offset", 7))
		n = 10;
	mod = trace_field_mod_find(p->s + at, n, FMW_KEY | FMW_VAL);
	if (!mod)
		return xerr(p, HXE_BAD_MOD, at);
	node->mods |= BIT(mod - trace_field_mods);
	node->mod_pos = p->base + at;
	p->i = at + n;
	if (!mod->arg)
		return 0;
	if (cur(p) != '=')
		return xerr(p, HXE_BAD_MOD, at);
	p->i++;
	n = ident_len(p, p->i);
	if (!n || n >= sizeof(buf))
		return xerr(p, HXE_BAD_NUMBER, p->i);
	memcpy(buf, p->s + p->i, n);
	buf[n] = '\0';
	if (kstrtou64(buf, 0, &node->value) || !node->value)
		return xerr(p, HXE_BAD_NUMBER, p->i);
	p->i += n;
	return 0;
}

/* A field, "field.mod", or a qualified reference "sys.event.$var". */
static int name(struct xparse *p, u8 *idx)
{
	size_t at = p->i, n = ident_len(p, at), m;
	struct hist_node *node;

	if (at + n < p->len && p->s[at + n] == '.') {
		m = ident_len(p, at + n + 1);
		if (m && at + n + 1 + m + 1 < p->len &&
		    p->s[at + n + 1 + m] == '.' &&
		    p->s[at + n + 2 + m] == '$') {
			p->i = at + n + 2 + m;
			return var_ref(p, at, p->s + at, n + 1 + m, idx);
		}
	}
	if (node_new(p, HX_FIELD, at, idx))
		return -EINVAL;
	node = &p->pool->nodes[*idx];
	node->name = p->s + at;
	node->len = n;
	p->i = at + n;
	if (cur(p) != '.')
		return 0;
	p->i++;
	return modifier(p, node);
}

static int sum(struct xparse *p, u8 *idx);

static int operand(struct xparse *p, u8 *idx)
{
	size_t at = p->i;
	char c = cur(p);
	u8 sub;

	if (c == '(') {
		p->i++;
		if (sum(p, idx))
			return -EINVAL;
		if (cur(p) != ')')
			return xerr(p, HXE_SYNTAX, p->i);
		p->i++;
		p->pool->nodes[*idx].parens = true;
		return 0;
	}
	if (c == '-') {
		p->i++;
		if (operand(p, &sub) || node_new(p, HX_NEG, at, idx))
			return -EINVAL;
		p->pool->nodes[*idx].l = sub;
		return 0;
	}
	if (isdigit(c))
		return number(p, idx);
	if (c == '$')
		return var_ref(p, at, NULL, 0, idx);
	if (is_ident(c))
		return name(p, idx);
	return xerr(p, c ? HXE_SYNTAX : HXE_EMPTY, at);
}

/* A chain of operators of one precedence, left-associative. */
static int chain(struct xparse *p, u8 *idx, const char *ops,
		 const u8 *kinds, int (*next)(struct xparse *p, u8 *idx))
{
	u8 left, right, node;

	if (next(p, &left))
		return -EINVAL;
	for (;;) {
		const char *op = cur(p) ? strchr(ops, cur(p)) : NULL;

		if (!op)
			break;
		p->i++;
		if (next(p, &right) ||
		    node_new(p, kinds[op - ops], 0, &node))
			return -EINVAL;
		p->pool->nodes[node].l = left;
		p->pool->nodes[node].r = right;
		p->pool->nodes[node].pos = p->pool->nodes[left].pos;
		left = node;
	}
	*idx = left;
	return 0;
}

static int product(struct xparse *p, u8 *idx)
{
	static const u8 kinds[] = { HX_MUL, HX_DIV };

	return chain(p, idx, "*/", kinds, operand);
}

static int sum(struct xparse *p, u8 *idx)
{
	static const u8 kinds[] = { HX_ADD, HX_SUB };

	return chain(p, idx, "+-", kinds, product);
}

static bool is_op(const struct hist_node *n)
{
	return n->kind >= HX_ADD && n->kind <= HX_DIV;
}

/* The first operator past the limit, in pre-order; -1 if none. */
static int ops_check(const struct hist_expr_pool *pool, u8 idx,
		     unsigned int *count)
{
	const struct hist_node *n = &pool->nodes[idx];
	int bad;

	if (is_op(n) && ++*count > HIST_EXPR_OPS_MAX)
		return n->pos;
	if (n->l != HIST_NODE_NONE) {
		bad = ops_check(pool, n->l, count);
		if (bad >= 0)
			return bad;
	}
	if (n->r != HIST_NODE_NONE)
		return ops_check(pool, n->r, count);
	return -1;
}

/* A unary minus below the root: the position of its operand, or -1. */
static int neg_check(const struct hist_expr_pool *pool, u8 idx, bool root)
{
	const struct hist_node *n = &pool->nodes[idx];
	int bad = -1;

	if (n->kind == HX_NEG && !root)
		return pool->nodes[n->l].pos;
	if (n->l != HIST_NODE_NONE)
		bad = neg_check(pool, n->l, false);
	if (bad < 0 && n->r != HIST_NODE_NONE)
		bad = neg_check(pool, n->r, false);
	return bad;
}

/* Fold constant operands, bottom up; refuse a constant divisor of 0. */
static int fold(struct xparse *p, u8 idx)
{
	struct hist_node *n = &p->pool->nodes[idx];
	struct hist_node *l, *r;
	u64 v;

	if (n->l != HIST_NODE_NONE && fold(p, n->l))
		return -EINVAL;
	if (n->r != HIST_NODE_NONE && fold(p, n->r))
		return -EINVAL;
	l = n->l != HIST_NODE_NONE ? &p->pool->nodes[n->l] : NULL;
	r = n->r != HIST_NODE_NONE ? &p->pool->nodes[n->r] : NULL;
	if (n->kind == HX_DIV && r->kind == HX_CONST && !r->value) {
		p->err = HXE_DIV_ZERO;
		p->err_pos = r->pos;
		return -EINVAL;
	}
	if (n->kind == HX_NEG && l->kind == HX_CONST) {
		v = -l->value;
	} else if (is_op(n) && l->kind == HX_CONST && r->kind == HX_CONST) {
		switch (n->kind) {
		case HX_ADD:
			v = l->value + r->value;
			break;
		case HX_SUB:
			v = l->value - r->value;
			break;
		case HX_MUL:
			v = l->value * r->value;
			break;
		default:
			v = div64_u64(l->value, r->value);
			break;
		}
	} else {
		return 0;
	}
	n->kind = HX_CONST;
	n->value = v;
	n->l = HIST_NODE_NONE;
	n->r = HIST_NODE_NONE;
	return 0;
}

/**
 * hist_expr_parse() - parse an expression into a command's node pool
 * @pool: the pool; the nodes are added to it
 * @s: the text (not NUL-terminated); names in the nodes point into it
 * @len: its length
 * @base: the offset of @s in the command, for error positions
 * @root: the expression's root node, on success
 * @err: on failure, an enum hist_expr_err
 * @err_pos: on failure, the offset in the command of the fault
 *
 * Context: any; no allocation, no lock.
 * Return: 0 or -EINVAL.
 */
int hist_expr_parse(struct hist_expr_pool *pool, const char *s, size_t len,
		    u16 base, u8 *root, u8 *err, u16 *err_pos)
{
	struct xparse p = { .pool = pool, .s = s, .len = len, .base = base };
	unsigned int count = 0;
	int bad;

	if (!len) {
		xerr(&p, HXE_EMPTY, 0);
		goto fail;
	}
	if (sum(&p, root))
		goto fail;
	if (p.i != len) {
		xerr(&p, HXE_SYNTAX, p.i);
		goto fail;
	}
	bad = ops_check(pool, *root, &count);
	if (bad >= 0) {
		p.err = HXE_TOO_MANY;
		p.err_pos = bad;
		goto fail;
	}
	bad = neg_check(pool, *root, true);
	if (bad >= 0) {
		p.err = HXE_UNARY;
		p.err_pos = bad;
		goto fail;
	}
	if (fold(&p, *root))
		goto fail;
	return 0;
fail:
	*err = p.err;
	*err_pos = p.err_pos;
	return -EINVAL;
}

static const char hist_op_chars[] = {
	[HX_ADD] = '+', [HX_SUB] = '-', [HX_MUL] = '*', [HX_DIV] = '/',
};

/**
 * hist_expr_print() - an expression as the trigger file lists it
 * @sb: where to print
 * @pool: its pool
 * @root: its root node
 *
 * Folded, with the parentheses it was written with.
 *
 * Context: any.
 */
void hist_expr_print(struct seq_buf *sb, const struct hist_expr_pool *pool,
		     u8 root)
{
	const struct hist_node *n = &pool->nodes[root];
	unsigned int id;

	if (n->parens && n->kind != HX_CONST)
		seq_buf_putc(sb, '(');
	switch (n->kind) {
	case HX_CONST:
		if ((s64)n->value < 0)
			seq_buf_printf(sb, "%lld", (s64)n->value);
		else
			seq_buf_printf(sb, "%llu", n->value);
		break;
	case HX_VAR:
		if (n->sys)
			seq_buf_printf(sb, "%.*s.", n->sys_len, n->sys);
		seq_buf_printf(sb, "$%.*s", n->len, n->name);
		break;
	case HX_FIELD:
		seq_buf_printf(sb, "%.*s", n->len, n->name);
		for (id = 0; id < FMOD_MAX; id++) {
			if (!(n->mods & BIT(id)))
				continue;
			seq_buf_printf(sb, ".%s", trace_field_mods[id].name);
			if (trace_field_mods[id].arg)
				seq_buf_printf(sb, "=%llu", n->value);
		}
		break;
	case HX_NEG:
		seq_buf_putc(sb, '-');
		hist_expr_print(sb, pool, n->l);
		break;
	default:
		hist_expr_print(sb, pool, n->l);
		seq_buf_putc(sb, hist_op_chars[n->kind]);
		hist_expr_print(sb, pool, n->r);
		break;
	}
	if (n->parens && n->kind != HX_CONST)
		seq_buf_putc(sb, ')');
}

/**
 * hist_expr_ops() - the number of operators left in an expression
 * @pool: its pool
 * @root: its root node
 *
 * Context: any.
 * Return: the binary operators and unary minuses after folding.
 */
unsigned int hist_expr_ops(const struct hist_expr_pool *pool, u8 root)
{
	const struct hist_node *n = &pool->nodes[root];
	unsigned int c = n->kind >= HX_ADD;

	if (n->l != HIST_NODE_NONE)
		c += hist_expr_ops(pool, n->l);
	if (n->r != HIST_NODE_NONE)
		c += hist_expr_ops(pool, n->r);
	return c;
}

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/trace_hist_expr-kunit.h"
#endif
