/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_hist_expr.h - the expressions of hist variables and values.
 *
 *	sum     := product { ('+' | '-') product }	(an expression)
 *	product := operand { ('*' | '/') operand }
 *	operand := number | '$' var | sys '.' event '.$' var | '-' operand
 *		 | field ['.' modifier ['=' N]] | '(' sum ')'
 *
 * The parser (trace_hist_expr.c) builds a tree of struct hist_node in a
 * pool that the whole hist command shares, checks it (at most
 * HIST_EXPR_OPS_MAX operators, as mainline; a unary minus only in front
 * of the whole expression; no constant division by zero), then folds
 * constant sub-expressions.  Names are left as text: binding the command
 * to an event resolves them (trace_hist_vars.c).
 *
 * Locking: none; the caller owns the pool and the text.
 */
#ifndef _TRACE_HIST_EXPR_H
#define _TRACE_HIST_EXPR_H

#include <linux/seq_buf.h>
#include <linux/types.h>

/* Mainline's limit: three operators in an expression, four refused. */
#define HIST_EXPR_OPS_MAX	3
/* Nodes of the pool a command's expressions share. */
#define HIST_NODES_MAX		64
#define HIST_NODE_NONE		0xff

/**
 * enum hist_node_kind - what a node of an expression is
 * @HX_FIELD: a field of the event (or common_timestamp, common_cpu...)
 * @HX_VAR: a variable reference, "$name" or "sys.event.$name"
 * @HX_CONST: a number
 * @HX_ADD: left + right
 * @HX_SUB: left - right
 * @HX_MUL: left * right
 * @HX_DIV: left / right; -1 when right is 0 at run time
 * @HX_NEG: - left
 */
enum hist_node_kind {
	HX_FIELD,
	HX_VAR,
	HX_CONST,
	HX_ADD,
	HX_SUB,
	HX_MUL,
	HX_DIV,
	HX_NEG,
};

/**
 * struct hist_node - one node of an expression
 * @kind: enum hist_node_kind
 * @l: the left (or only) operand's node, for operators
 * @r: the right operand's node
 * @parens: written in parentheses (kept so the listing reads the same)
 * @pos: offset in the command of the node's text (an operator's: its
 *	left operand's), for error_log
 * @name: HX_FIELD, HX_VAR: the name (without '$'), in the command
 * @len: its length
 * @sys: HX_VAR: the "sys.event" qualifier, or NULL
 * @sys_len: its length
 * @mods: HX_FIELD: FMOD_* bits
 * @mod_pos: offset of the modifier
 * @value: HX_CONST: the number; HX_FIELD: .buckets=N
 */
struct hist_node {
	u8		kind;
	u8		l;
	u8		r;
	bool		parens;
	u16		pos;
	u16		len;
	const char	*name;
	const char	*sys;
	u16		sys_len;
	u16		mod_pos;
	u32		mods;
	u64		value;
};

/**
 * struct hist_expr_pool - the nodes of a command's expressions
 * @nodes: the nodes
 * @nr: how many are used
 */
struct hist_expr_pool {
	struct hist_node	nodes[HIST_NODES_MAX];
	u8			nr;
};

/**
 * enum hist_expr_err - why an expression was refused (hist_errs[] holds
 *	the messages, from HERR_EXPR_BASE on)
 * @HXE_EMPTY: no expression
 * @HXE_SYNTAX: not an expression
 * @HXE_TOO_MANY: more than HIST_EXPR_OPS_MAX operators
 * @HXE_UNARY: a unary minus inside the expression
 * @HXE_DIV_ZERO: division by the constant 0
 * @HXE_BAD_NUMBER: a number that does not fit 64 bits
 * @HXE_BAD_MOD: an unknown modifier
 * @HXE_TOO_BIG: the command has more nodes than the pool
 * @HXE_MAX: number of codes
 */
enum hist_expr_err {
	HXE_EMPTY,
	HXE_SYNTAX,
	HXE_TOO_MANY,
	HXE_UNARY,
	HXE_DIV_ZERO,
	HXE_BAD_NUMBER,
	HXE_BAD_MOD,
	HXE_TOO_BIG,
	HXE_MAX
};

int hist_expr_parse(struct hist_expr_pool *pool, const char *s, size_t len,
		    u16 base, u8 *root, u8 *err, u16 *err_pos);
void hist_expr_print(struct seq_buf *sb, const struct hist_expr_pool *pool,
		     u8 root);
unsigned int hist_expr_ops(const struct hist_expr_pool *pool, u8 root);

#endif /* _TRACE_HIST_EXPR_H */
