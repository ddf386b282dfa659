// SPDX-License-Identifier: GPL-2.0
/*
 * trace_hist_vars.c - hist variables: binding "name=expr", "$name"
 * references and expressions to an event, and what a trigger holds on
 * for them.
 *
 * A trigger's variables are columns of its table that are not shown:
 * each entry has a slot for each (hist_table.vars, in the entry's
 * private data) and a bit that says it is set.  A trigger sets them on
 * every hit, from a compiled expression (struct hist_prog), a string
 * field, the stack, or another variable.
 *
 * "$name" is looked up in this order:
 *  1. a variable of the command itself (read as set this hit);
 *  2. with "sys.event.$name", a hist trigger of that event;
 *  3. else a hist trigger of the onmatch() event, then of any event of
 *     the instance; two tables that define the name make it ambiguous.
 * A reference to another table (struct hist_ref) holds that table, and
 * counts in its var_users: the trigger that defines the variable cannot
 * be removed while others use it (-EBUSY, as mainline), and its table,
 * which the reference reads on every hit, lives as long as the reference
 * whatever order the triggers go in.
 *
 * Using common_timestamp switches the instance's buffer to absolute time
 * stamps while such a trigger exists, and its clock to "global" unless
 * clock= names another, as mainline does.  Binding only checks the
 * clock; the switch, which empties the buffer, is made when the trigger
 * is armed (hist_inter_arm()), once nothing can refuse it any more.
 *
 * Locking: everything here runs at bind and free time, under trace_mutex.
 */

#include <linux/kernel.h>
#include <linux/ring_buffer.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "trace_array.h"
#include "trace_event_types.h"
#include "trace_hist.h"
#include "trace_trigger.h"

static int herr(struct hist_bind *b, enum hist_err code, u16 pos)
{
	b->err->code = code;
	b->err->pos = pos;
	return -EINVAL;
}

static bool name_is(const char *a, const char *s, size_t len)
{
	return strlen(a) == len && !memcmp(a, s, len);
}

/* The first table of a hist trigger of @file that defines @name. */
static struct hist_table *file_var_find(struct trace_event_file *file,
					const char *name, size_t len, u8 *var)
{
	struct event_trigger *t;
	unsigned int i;

	list_for_each_entry(t, &file->triggers, list) {
		struct hist_trigger *ht = t->data;

		if (!hist_is_trigger(t) || ht->unlisted)
			continue;
		for (i = 0; i < ht->table->nr_vars; i++) {
			if (name_is(ht->table->vars[i].name, name, len)) {
				*var = i;
				return ht->table;
			}
		}
	}
	return NULL;
}

/* The event "sys.event" of the trigger's instance, or NULL. */
static struct trace_event_file *event_find(struct hist_bind *b,
					   const char *s, size_t len)
{
	char buf[2 * TRIGGER_EVENT_NAME_MAX + 2];
	char *dot;

	if (len >= sizeof(buf))
		return NULL;
	memcpy(buf, s, len);
	buf[len] = '\0';
	dot = strchr(buf, '.');
	if (!dot)
		return NULL;
	*dot = '\0';
	return __trace_find_event_file(b->file->tr, buf, dot + 1);
}

/* A reference to variable @var of @tab, shared by its uses. */
static int ref_add(struct hist_bind *b, struct hist_table *tab, u8 var,
		   u16 pos, u8 *idx)
{
	struct hist_inter *hi = b->ht->inter;
	unsigned int i;

	for (i = 0; i < hi->nr_refs; i++) {
		if (hi->refs[i].tab == tab && hi->refs[i].var == var) {
			*idx = i;
			return 0;
		}
	}
	if (hi->nr_refs >= HIST_REFS_MAX)
		return herr(b, HERR_TOO_MANY_VARS, pos);
	refcount_inc(&tab->ref);
	tab->var_users++;
	hi->refs[hi->nr_refs].tab = tab;
	hi->refs[hi->nr_refs].var = var;
	*idx = hi->nr_refs++;
	return 0;
}

/**
 * hist_ref_resolve() - find the variable "[sys.event.]$name" refers to
 * @b: the binding
 * @sys: "sys.event", or NULL
 * @sys_len: its length
 * @name: the name, without '$'
 * @len: its length
 * @pos: its offset in the command, for error_log
 * @own: set if it is a variable of the command itself
 * @idx: the variable (@own) or the reference (else)
 *
 * The order of the lookup is at the top of the file.
 *
 * Context: trace_mutex held.
 * Return: 0, or -EINVAL with the error set.
 */
int hist_ref_resolve(struct hist_bind *b, const char *sys, u16 sys_len,
		     const char *name, u16 len, u16 pos, bool *own, u8 *idx)
{
	struct trace_event_file *file = NULL;
	struct hist_table *tab = NULL, *t;
	unsigned int i;
	u8 var = 0, v;

	lockdep_assert_held(&trace_mutex);
	if (sys) {
		file = event_find(b, sys, sys_len);
		if (!file)
			return herr(b, HERR_EVENT_NOT_FOUND, pos);
	}
	if (!file || file == b->file) {
		for (i = 0; i < b->spec->nr_vars; i++) {
			if (b->spec->vars[i].len == len &&
			    !memcmp(b->spec->vars[i].name, name, len)) {
				*own = true;
				*idx = i;
				return 0;
			}
		}
	}
	*own = false;
	if (file) {
		tab = file_var_find(file, name, len, &var);
	} else {
		if (b->match)
			tab = file_var_find(b->match, name, len, &var);
		list_for_each_entry(file, &b->file->tr->events, list) {
			if (tab && b->match)
				break;
			t = file_var_find(file, name, len, &v);
			if (!t)
				continue;
			if (tab && t != tab)
				return herr(b, HERR_VAR_NOT_UNIQUE, pos);
			tab = t;
			var = v;
		}
	}
	if (!tab)
		return herr(b, HERR_VAR_NOT_FOUND, pos);
	return ref_add(b, tab, var, pos, idx);
}

/**
 * hist_ref_var() - the variable a resolved reference names
 * @ht: the trigger being bound
 * @own: what hist_ref_resolve() said
 * @idx: likewise
 *
 * Context: trace_mutex held.
 * Return: the variable, of the trigger's table or another.
 */
const struct hist_var *hist_ref_var(const struct hist_trigger *ht, bool own,
				    u8 idx)
{
	const struct hist_ref *r = &ht->inter->refs[idx];

	return own ? &ht->table->vars[idx] : &r->tab->vars[r->var];
}

static struct hist_op *emit(struct hist_bind *b, struct hist_prog *pr,
			    u8 code, u16 pos)
{
	if (pr->n >= HIST_PROG_MAX) {
		herr(b, HERR_EXPR_TOO_BIG, pos);
		return NULL;
	}
	pr->ops[pr->n].code = code;
	return &pr->ops[pr->n++];
}

static const u8 node_ops[] = {
	[HX_ADD] = HOP_ADD, [HX_SUB] = HOP_SUB, [HX_MUL] = HOP_MUL,
	[HX_DIV] = HOP_DIV, [HX_NEG] = HOP_NEG,
};

/* Resolve the field of node @n, as hist_resolve() does for a key. */
static int node_field(struct hist_bind *b, const struct hist_node *n,
		      struct hist_col *col, struct hist_load_op *op)
{
	struct hist_field_spec f = {
		.name = n->name, .len = n->len, .pos = n->pos,
		.mod_pos = n->mod_pos, .mods = n->mods, .buckets = n->value,
	};

	return hist_resolve(b->file->event_call, &f, true, col, op, b->err);
}

/*
 * Compile the expression at node @idx into @pr.  Variables of the
 * command below @own_max may be read; references to other tables only
 * if @refs.
 */
static int compile(struct hist_bind *b, u8 idx, struct hist_prog *pr,
		   unsigned int own_max, bool refs)
{
	const struct hist_node *n = &b->spec->pool.nodes[idx];
	const struct hist_var *var;
	struct hist_load_op load;
	struct hist_col col;
	struct hist_op *op;
	bool own;
	u8 i;

	switch (n->kind) {
	case HX_FIELD:
		if (node_field(b, n, &col, &load))
			return -EINVAL;
		/* A "char *" is a number here: the pointer. */
		if (load.load == HLOAD_STR_PTR)
			load.load = HLOAD_U64;
		if (!hist_load_is_num(load.load))
			return herr(b, HERR_NOT_NUMBER, n->pos);
		op = emit(b, pr, HOP_LOAD, n->pos);
		if (!op)
			return -EINVAL;
		op->load = load;
		op->mods = n->mods;
		op->arg = n->value;
		return 0;
	case HX_CONST:
		op = emit(b, pr, HOP_CONST, n->pos);
		if (!op)
			return -EINVAL;
		op->arg = n->value;
		return 0;
	case HX_VAR:
		if (hist_ref_resolve(b, n->sys, n->sys_len, n->name, n->len,
				     n->pos, &own, &i))
			return -EINVAL;
		if ((own && i >= own_max) || (!own && !refs))
			return herr(b, own ? HERR_VAR_NOT_FOUND : HERR_KEY_VAR,
				    n->pos);
		var = hist_ref_var(b->ht, own, i);
		if (var->kind != HVK_NUM)
			return herr(b, HERR_NOT_NUMBER, n->pos);
		op = emit(b, pr, own ? HOP_VAR : HOP_REF, n->pos);
		if (!op)
			return -EINVAL;
		op->idx = i;
		return 0;
	default:
		if (compile(b, n->l, pr, own_max, refs))
			return -EINVAL;
		if (n->r != HIST_NODE_NONE &&
		    compile(b, n->r, pr, own_max, refs))
			return -EINVAL;
		return emit(b, pr, node_ops[n->kind], n->pos) ? 0 : -EINVAL;
	}
}

static void var_type(struct hist_var *v, const char *type, u8 size,
		     bool is_signed)
{
	strscpy(v->type, type, sizeof(v->type));
	v->size = size;
	v->is_signed = is_signed;
}

/* A variable that is a field: a string, a stack, or a number. */
static int var_field(struct hist_bind *b, const struct hist_node *n,
		     struct hist_var *v, struct hist_var_def *def)
{
	struct hist_load_op load;
	struct hist_col col;

	if (node_field(b, n, &col, &load))
		return -EINVAL;
	switch (load.load) {
	case HLOAD_STR:
	case HLOAD_STR_DYN:
	case HLOAD_STR_RDYN:
		v->kind = HVK_STR;
		def->src = HVS_STR;
		def->load = load;
		var_type(v, "char[]", 0, false);
		return 0;
	case HLOAD_STACK:
		v->kind = HVK_STACK;
		def->src = HVS_STACK;
		var_type(v, "unsigned long[]", 0, false);
		return 0;
	case HLOAD_LONGS_DYN:
		v->kind = HVK_STACK;
		def->src = HVS_LONGS;
		def->load = load;
		var_type(v, "unsigned long[]", 0, false);
		return 0;
	}
	if (compile(b, n - b->spec->pool.nodes, &def->prog, 0, false))
		return -EINVAL;
	/* The field's own type, unless a modifier changed its unit. */
	if (n->mods || load.load == HLOAD_TIMESTAMP)
		var_type(v, "u64", 8, false);
	else if (load.load == HLOAD_CPU)
		var_type(v, "int", 4, true);
	else
		var_type(v, col.type, load.load == HLOAD_STR_PTR ?
			 sizeof(long) : load.size, col.is_signed);
	return 0;
}

/* Bind variable @i of the command. */
static int var_bind(struct hist_bind *b, unsigned int i)
{
	const struct hist_var_spec *vs = &b->spec->vars[i];
	const struct hist_node *n = &b->spec->pool.nodes[vs->root];
	struct hist_var_def *def = &b->ht->inter->vars[i];
	struct hist_var *v = &b->tab->vars[i];
	const struct hist_var *ref;
	bool own;
	u8 idx;

	v->kind = HVK_NUM;
	def->src = HVS_PROG;
	if (n->kind == HX_FIELD)
		return var_field(b, n, v, def);
	if (n->kind == HX_VAR) {
		if (hist_ref_resolve(b, n->sys, n->sys_len, n->name, n->len,
				     n->pos, &own, &idx))
			return -EINVAL;
		if (own && idx >= i)
			return herr(b, HERR_VAR_NOT_FOUND, n->pos);
		ref = hist_ref_var(b->ht, own, idx);
		var_type(v, ref->type, ref->size, ref->is_signed);
		if (ref->kind != HVK_NUM) {
			v->kind = ref->kind;
			def->src = own ? HVS_VAR : HVS_REF;
			def->idx = idx;
			return 0;
		}
	} else {
		var_type(v, n->kind == HX_NEG ? "s64" : "u64", 8,
			 n->kind == HX_NEG);
	}
	return compile(b, vs->root, &def->prog, i, true);
}

static unsigned int var_slot_size(const struct hist_var *v)
{
	switch (v->kind) {
	case HVK_STR:
		return HIST_STR_MAX;
	case HVK_STACK:
		return HIST_VAR_STACK_SIZE;
	default:
		return sizeof(u64);
	}
}

/* A key written "$var": the variable's program, without references. */
static int key_bind(struct hist_bind *b, unsigned int k)
{
	const struct hist_field_spec *f = &b->spec->keys[k];
	struct hist_inter *hi = b->ht->inter;
	unsigned int i;

	for (i = 0; i < b->spec->nr_vars; i++)
		if (b->spec->vars[i].len == f->len &&
		    !memcmp(b->spec->vars[i].name, f->name, f->len))
			break;
	if (i == b->spec->nr_vars)
		return herr(b, HERR_VAR_NOT_FOUND, f->pos);
	if (b->tab->vars[i].kind != HVK_NUM)
		return herr(b, HERR_NOT_NUMBER, f->pos);
	hi->keys[k] = kzalloc(sizeof(*hi->keys[k]), GFP_KERNEL);
	if (!hi->keys[k])
		return -ENOMEM;
	return compile(b, b->spec->vars[i].root, hi->keys[k], 0, false);
}

/* A value that is "$var" or an expression. */
static int val_bind(struct hist_bind *b, unsigned int v)
{
	const struct hist_field_spec *f = &b->spec->vals[v - 1];
	struct hist_inter *hi = b->ht->inter;
	struct hist_prog *pr;
	bool own;
	u8 idx;

	pr = kzalloc(sizeof(*pr), GFP_KERNEL);
	if (!pr)
		return -ENOMEM;
	hi->vals[v] = pr;
	if (f->kind == HFS_EXPR)
		return compile(b, f->root, pr, b->spec->nr_vars, true);
	/* "$name" */
	if (hist_ref_resolve(b, NULL, 0, f->name + 1, f->len - 1, f->pos,
			     &own, &idx))
		return -EINVAL;
	if (hist_ref_var(b->ht, own, idx)->kind != HVK_NUM)
		return herr(b, HERR_NOT_NUMBER, f->pos);
	pr->ops[0].code = own ? HOP_VAR : HOP_REF;
	pr->ops[0].idx = idx;
	pr->n = 1;
	return 0;
}

/* The variables as listed: "a=expr,b=expr". */
static int vars_text(struct hist_bind *b)
{
	struct hist_inter *hi = b->ht->inter;
	struct seq_buf sb;
	unsigned int i;
	char *buf;

	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	seq_buf_init(&sb, buf, PAGE_SIZE);
	for (i = 0; i < b->spec->nr_vars; i++) {
		seq_buf_printf(&sb, "%s%s=", i ? "," : "", b->tab->vars[i].name);
		hist_expr_print(&sb, &b->spec->pool, b->spec->vars[i].root);
	}
	if (seq_buf_has_overflowed(&sb)) {
		kfree(buf);
		return herr(b, HERR_EXPR_TOO_BIG, 0);
	}
	seq_buf_str(&sb);
	hi->vars_text = buf;
	return 0;
}

/* The onmatch() event, which unqualified names are looked up in first. */
static int match_find(struct hist_bind *b)
{
	const struct hist_action_spec *a;
	unsigned int i;

	for (i = 0; i < b->spec->nr_actions; i++) {
		a = &b->spec->actions[i];
		if (a->handler != HH_MATCH)
			continue;
		b->match = event_find(b, a->arg, a->arg_len);
		if (!b->match || !memchr(a->arg, '.', a->arg_len))
			return herr(b, HERR_EVENT_NOT_FOUND, a->arg_pos);
		return 0;
	}
	return 0;
}

/*
 * The clock of a trigger that reads the time or names one: checked here,
 * switched to when the trigger is armed.
 */
static int clock_bind(struct hist_bind *b, bool ts)
{
	struct hist_inter *hi = b->ht->inter;
	const struct hist_spec *spec = b->spec;

	hi->ts = ts;
	if (!spec->clock) {
		if (ts)
			strscpy(hi->clock, "global", sizeof(hi->clock));
		return 0;
	}
	if (spec->clock_len >= sizeof(hi->clock))
		return herr(b, HERR_BAD_CLOCK, spec->clock_pos);
	memcpy(hi->clock, spec->clock, spec->clock_len);
	hi->clock[spec->clock_len] = '\0';
	if (trace_clock_id(hi->clock) < 0)
		return herr(b, HERR_BAD_CLOCK, spec->clock_pos);
	return 0;
}

/*
 * Absolute time stamps on the live buffer and on the snapshot (a swap
 * makes it live; snapshot_match() gives a new one the live one's mode).
 * Context: trace_mutex held, which max_buffer.buffer is set under.
 */
static void hist_ts_abs_set(struct trace_array *tr, bool abs)
{
	lockdep_assert_held(&trace_mutex);
	ring_buffer_set_time_stamp_abs(tr->array_buffer.buffer, abs);
	if (tr->max_buffer.buffer)
		ring_buffer_set_time_stamp_abs(tr->max_buffer.buffer, abs);
}

/**
 * hist_inter_arm() - what a trigger with variables or actions needs of
 *	its instance
 * @ht: the trigger, bound and accepted
 * @tr: its instance
 * @err: why and where, on failure
 *
 * The snapshot buffer of its snapshot() actions, then its clock (which
 * empties the buffer), then absolute time stamps.  Only the first can
 * fail, and then nothing is changed.  hist_inter_free() gives the time
 * stamps back.
 *
 * Context: trace_mutex held; sleeps.
 * Return: 0, or the snapshot buffer's allocation error with @err set.
 */
int hist_inter_arm(struct hist_trigger *ht, struct trace_array *tr,
		   struct hist_error *err)
{
	struct hist_inter *hi = ht->inter;
	int ret;

	lockdep_assert_held(&trace_mutex);
	err->code = HERR_NONE;
	if (!hi)
		return 0;
	ret = hist_actions_arm(hi, tr, err);
	if (ret)
		return ret;
	/* A known clock (clock_bind()): the switch cannot fail. */
	if (hi->clock[0])
		trace_set_clock_by_name(tr, hi->clock);
	if (hi->ts) {
		hi->tr_ts = tr;
		if (!tr->hist_ts_users++)
			hist_ts_abs_set(tr, true);
	}
	return 0;
}

/* The clock and the actions as listed, after the size. */
static int tail_text(struct hist_bind *b, bool ts)
{
	struct hist_inter *hi = b->ht->inter;
	struct seq_buf sb;
	char *buf;
	int ret;

	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	hi->tail_text = buf;
	seq_buf_init(&sb, buf, PAGE_SIZE);
	if (b->spec->clock)
		seq_buf_printf(&sb, ":clock=%.*s", b->spec->clock_len,
			       b->spec->clock);
	else if (ts)
		seq_buf_puts(&sb, ":clock=global");
	ret = hist_actions_bind(b, &sb);
	seq_buf_str(&sb);
	return ret;
}

/*
 * Whether the command reads the time stamp: a key, a value or an
 * expression names common_timestamp (references to variables that hold
 * one do not count, as in mainline).
 */
static bool spec_reads_ts(const struct hist_spec *spec)
{
	static const char ts[] = "common_timestamp";
	unsigned int i;

	for (i = 0; i < spec->nr_keys; i++)
		if (spec->keys[i].kind == HFS_FIELD &&
		    name_is(ts, spec->keys[i].name, spec->keys[i].len))
			return true;
	for (i = 0; i < spec->nr_vals; i++)
		if (spec->vals[i].kind == HFS_FIELD &&
		    name_is(ts, spec->vals[i].name, spec->vals[i].len))
			return true;
	for (i = 0; i < spec->pool.nr; i++)
		if (spec->pool.nodes[i].kind == HX_FIELD &&
		    name_is(ts, spec->pool.nodes[i].name,
			    spec->pool.nodes[i].len))
			return true;
	return false;
}

static bool spec_is_inter(const struct hist_spec *spec)
{
	unsigned int i;

	if (spec->nr_vars || spec->nr_actions || spec->clock)
		return true;
	for (i = 0; i < spec->nr_keys; i++)
		if (spec->keys[i].kind != HFS_FIELD)
			return true;
	for (i = 0; i < spec->nr_vals; i++)
		if (spec->vals[i].kind != HFS_FIELD)
			return true;
	return false;
}

/**
 * hist_vars_bind() - bind a command's variables, expressions and actions
 * @b: the binding; the keys and values that are fields are bound
 *
 * Sets b->ht->inter if the command has any, and lays out the entries'
 * private data.  For a removal (@b->remove) only the listing's text is
 * made, to compare.
 *
 * Context: trace_mutex held; sleeps.
 * Return: 0, -EINVAL with the error set, or -ENOMEM.  On failure the
 * caller frees what was made with hist_inter_free().
 */
int hist_vars_bind(struct hist_bind *b)
{
	bool ts = spec_reads_ts(b->spec);
	struct hist_table *tab = b->tab;
	struct hist_inter *hi;
	unsigned int i, off;
	int ret;

	tab->set_off = hist_priv_base(tab);
	tab->priv_size = tab->set_off;
	if (!ts && !spec_is_inter(b->spec))
		return 0;
	hi = kzalloc(sizeof(*hi), GFP_KERNEL);
	if (!hi)
		return -ENOMEM;
	b->ht->inter = hi;
	tab->nr_vars = b->spec->nr_vars;
	for (i = 0; i < tab->nr_vars; i++) {
		memcpy(tab->vars[i].name, b->spec->vars[i].name,
		       b->spec->vars[i].len);
		tab->vars[i].name[b->spec->vars[i].len] = '\0';
	}
	ret = vars_text(b);
	if (ret)
		return ret;
	if (b->remove)
		return tail_text(b, ts);
	ret = match_find(b);
	for (i = 0; !ret && i < tab->nr_vars; i++)
		ret = var_bind(b, i);
	for (i = 0; !ret && i < tab->nr_keys; i++)
		if (b->spec->keys[i].kind == HFS_VAR)
			ret = key_bind(b, i);
	for (i = 1; !ret && i < tab->nr_vals; i++)
		if (b->spec->vals[i - 1].kind != HFS_FIELD)
			ret = val_bind(b, i);
	if (ret)
		return ret;
	/* Private data: the set bits, the variables, then the actions. */
	off = tab->set_off + sizeof(u64);
	for (i = 0; i < tab->nr_vars; i++) {
		tab->vars[i].slot = off;
		off += var_slot_size(&tab->vars[i]);
	}
	tab->priv_size = off;
	ret = tail_text(b, ts);
	if (ret)
		return ret;
	return clock_bind(b, ts);
}

/**
 * hist_inter_free() - release what hist_vars_bind() made
 * @ht: the trigger; no probe can be running it
 *
 * Context: trace_mutex held; sleeps (hidden tables of other events).
 */
void hist_inter_free(struct hist_trigger *ht)
{
	struct hist_inter *hi = ht->inter;
	struct trace_array *tr;
	unsigned int i;

	if (!hi)
		return;
	hist_actions_free(hi);
	for (i = 0; i < hi->nr_refs; i++) {
		hi->refs[i].tab->var_users--;
		hist_table_put(hi->refs[i].tab);
	}
	for (i = 0; i < HIST_KEYS_MAX; i++)
		kfree(hi->keys[i]);
	for (i = 0; i < HIST_VALS_MAX + 1; i++)
		kfree(hi->vals[i]);
	tr = hi->tr_ts;
	if (tr && !--tr->hist_ts_users)
		hist_ts_abs_set(tr, false);
	kfree(hi->vars_text);
	kfree(hi->tail_text);
	kfree(hi);
	ht->inter = NULL;
}

/**
 * hist_trigger_busy() - whether other triggers use a trigger's variables
 * @t: a hist trigger
 *
 * Context: trace_mutex held.
 * Return: true if it cannot be removed now.
 */
bool hist_trigger_busy(struct event_trigger *t)
{
	struct hist_trigger *ht = t->data;

	return ht && !ht->unlisted && ht->table->var_users;
}

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/trace_hist_vars-kunit.h"
#endif
