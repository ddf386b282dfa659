// SPDX-License-Identifier: GPL-2.0
/*
 * trace_hist.c - the hist trigger: binding a parsed command to an event,
 * counting records into the table, and pause, continue and clear.
 *
 * Binding resolves each key and value of the struct hist_spec against
 * the event's fields into a column of a struct hist_table (its name, type
 * and modifiers: what the hist file shows) and a load op of the trigger
 * (where the field is in this event's record and how to read it).  A
 * numeric key takes 8 bytes of the compound key, a string what it can
 * hold with its NUL (a char array its length and one, other strings
 * HIST_STR_MAX; one that ends the key only its bytes up to the NUL, so
 * that short strings hash and compare short), a stack HIST_STACK_DEPTH
 * longs.  key_slot() says how much room a key has and key_load() never
 * writes past it.
 *
 * Firing reads the keys into a buffer on the stack, finds the entry in
 * the table's tracing_map, and adds the values: no lock, no allocation,
 * any context.
 *
 * A table with a name= is on a list of named tables, and a trigger of
 * the same name on any event whose keys and values have the same names,
 * types and modifiers shares it.
 *
 * Locking: see trace_hist.h.  Clearing a table puts a new, empty map in
 * place of its map (allocated there and then, in process context), waits
 * for RCU so that no probe is still inserting into the old one, and
 * frees that.
 */

#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/math64.h>
#include <linux/sched.h>
#include <linux/seq_buf.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/stacktrace.h>
#include <linux/string.h>
#include <linux/unaligned.h>
#include <linux/uaccess.h>

#include "trace_array.h"
#include "trace_event_types.h"
#include "trace_field_mod.h"
#include "trace_hist.h"
#include "trace_trigger.h"

/* Named tables, on any instance; under trace_mutex. */
static LIST_HEAD(hist_named);

/* The stack frames of the hist path itself, left out of stack keys. */
#define HIST_STACK_SKIP		5

/* Control requests of a command: hist_trigger.ctl */
#define HCTL_PAUSE	BIT(0)
#define HCTL_CONT	BIT(1)
#define HCTL_CLEAR	BIT(2)

/**
 * hist_log_err() - report a refused hist command in error_log
 * @file: the event file
 * @line: the command as written
 * @err: why and where
 *
 * The place is "hist:<system>:<event>", as mainline's.
 *
 * Context: process context; sleeps.
 */
void hist_log_err(struct trace_event_file *file, const char *line,
		  const struct hist_error *err)
{
	char loc[2 * TRIGGER_EVENT_NAME_MAX + 8];

	snprintf(loc, sizeof(loc), "hist:%s:%s", trace_event_system(file),
		 trace_event_name(file->event_call));
	tracing_log_err(file->tr, loc, line, hist_errs, err->code, err->pos);
}

static int herr(struct hist_error *err, enum hist_err code, u16 pos)
{
	err->code = code;
	err->pos = pos;
	return -EINVAL;
}

/* The special fields, which every event has. */
static const struct {
	const char	*name;
	const char	*shown;
	u8		src;
	u8		load;
	const char	*type;
} hist_specials[] = {
	{ "common_cpu",		"common_cpu",	HSRC_CPU,	HLOAD_CPU,
	  "int" },
	{ "cpu",		"common_cpu",	HSRC_CPU,	HLOAD_CPU,
	  "int" },
	{ "common_stacktrace",	"common_stacktrace", HSRC_STACK, HLOAD_STACK,
	  "unsigned long[]" },
	{ "stacktrace",		"common_stacktrace", HSRC_STACK, HLOAD_STACK,
	  "unsigned long[]" },
	{ "common_timestamp",	"common_timestamp", HSRC_TIMESTAMP,
	  HLOAD_TIMESTAMP, "u64" },
};

static bool load_is_num(u8 load)
{
	return load <= HLOAD_S64 || load == HLOAD_CPU ||
	       load == HLOAD_TIMESTAMP;
}

static bool load_is_str(u8 load)
{
	return load >= HLOAD_STR && load <= HLOAD_STR_PTR;
}

/* How a record field is read; -1 if hist cannot use it. */
static int field_load(const struct ftrace_event_field *field, bool stack)
{
	static const s8 nums[8] = { HLOAD_U8, HLOAD_U16, -1, HLOAD_U32,
				    -1, -1, -1, HLOAD_U64 };
	const char *type = field->type;
	bool loc = str_has_prefix(type, "__data_loc") ||
		   str_has_prefix(type, "__rel_loc");

	if (stack)
		return loc && type[2] == 'd' && strstr(type, "long[]") ?
		       HLOAD_LONGS_DYN : -1;
	switch (field->filter_type) {
	case FILTER_DYN_STRING:
		return HLOAD_STR_DYN;
	case FILTER_RDYN_STRING:
		return HLOAD_STR_RDYN;
	case FILTER_STATIC_STRING:
		return HLOAD_STR;
	case FILTER_PTR_STRING:
		return HLOAD_STR_PTR;
	case FILTER_OTHER:
		break;
	default:
		return -1;
	}
	if (loc) {
		if (!strstr(type, "char[]"))
			return -1;
		return type[2] == 'd' ? HLOAD_STR_DYN : HLOAD_STR_RDYN;
	}
	if (field->len)
		return strstr(type, "char") ? HLOAD_STR : -1;
	if (field->size < 1 || field->size > 8 || nums[field->size - 1] < 0)
		return -1;
	return nums[field->size - 1] + (field->is_signed ? HLOAD_S8 : 0);
}

/* Whether the field of @col and @op may carry modifier @id. */
static bool mod_fits(const struct hist_col *col, const struct hist_load_op *op,
		     unsigned int id)
{
	switch (trace_field_mods[id].need) {
	case FMN_NUM:
		return load_is_num(op->load);
	case FMN_LONG:
		return load_is_num(op->load) && op->load != HLOAD_TIMESTAMP;
	case FMN_PID:
		return !strcmp(col->name, "common_pid");
	case FMN_TIMESTAMP:
		return col->src == HSRC_TIMESTAMP;
	case FMN_LONGS:
		return op->load == HLOAD_LONGS_DYN;
	default:
		return true;
	}
}

/**
 * hist_resolve() - resolve a field of an event for a hist trigger
 * @call: the event
 * @f: the field as written
 * @key: as a key (strings and stacks allowed), else as a value
 * @col: its column, filled in
 * @op: how to read it, filled in
 * @err: why and where, on -EINVAL
 *
 * Context: trace_mutex held.
 * Return: 0 or -EINVAL.
 */
int hist_resolve(struct trace_event_call *call,
		 const struct hist_field_spec *f, bool key,
		 struct hist_col *col, struct hist_load_op *op,
		 struct hist_error *err)
{
	const struct ftrace_event_field *field;
	char name[HIST_NAME_MAX];
	unsigned int id;
	size_t i;
	int load;

	if (f->len >= sizeof(name))
		return herr(err, HERR_FIELD_NOT_FOUND, f->pos);
	memcpy(name, f->name, f->len);
	name[f->len] = '\0';
	memset(col, 0, sizeof(*col));
	memset(op, 0, sizeof(*op));
	col->mods = f->mods;
	col->buckets = f->buckets;
	strscpy(col->name, name, sizeof(col->name));

	field = trace_find_event_field(call, name);
	if (field) {
		load = field_load(field, f->mods & BIT(FMOD_STACKTRACE));
		if (load < 0)
			return herr(err, f->mods ? HERR_MOD_NOT_ALLOWED
						 : HERR_FIELD_NOT_FOUND,
				    f->mods ? f->mod_pos : f->pos);
		col->src = HSRC_FIELD;
		strscpy(col->type, field->type, sizeof(col->type));
		col->is_signed = field->is_signed;
		op->load = load;
		op->offset = field->offset;
		op->size = field->size;
		/*
		 * A char[] that ends the record (ftrace/print's buf) has no
		 * size: it is text up to its NUL, of which a string key or
		 * variable keeps HIST_STR_MAX bytes at most.
		 */
		if (load == HLOAD_STR && field->len < 0)
			op->size = HIST_STR_MAX;
	} else {
		for (i = 0; i < ARRAY_SIZE(hist_specials); i++)
			if (!strcmp(name, hist_specials[i].name))
				break;
		if (i == ARRAY_SIZE(hist_specials))
			return herr(err, HERR_FIELD_NOT_FOUND, f->pos);
		strscpy(col->name, hist_specials[i].shown, sizeof(col->name));
		col->src = hist_specials[i].src;
		strscpy(col->type, hist_specials[i].type, sizeof(col->type));
		op->load = hist_specials[i].load;
	}
	col->is_string = load_is_str(op->load);
	col->is_stack = op->load == HLOAD_STACK || op->load == HLOAD_LONGS_DYN;
	if (!key && !load_is_num(op->load))
		return herr(err, HERR_NOT_NUMERIC, f->pos);
	for (id = 0; id < FMOD_MAX; id++)
		if ((f->mods & BIT(id)) && !mod_fits(col, op, id))
			return herr(err, HERR_MOD_NOT_ALLOWED, f->mod_pos);
	return 0;
}

/*
 * A key "$var", or a value that is "$var" or an expression: a column
 * whose programs hist_vars_bind() makes.
 */
static int col_var(struct hist_col *col, const struct hist_field_spec *f,
		   bool key)
{
	memset(col, 0, sizeof(*col));
	col->src = HSRC_EXPR;
	col->is_var = key;
	strscpy(col->type, "u64", sizeof(col->type));
	if (f->len >= sizeof(col->name))
		return -E2BIG;
	memcpy(col->name, f->name, f->len);
	return 0;
}

/*
 * Bytes of a key column in the compound key: what key_load() stores of
 * it, a string's NUL included.
 */
static unsigned int key_slot(const struct hist_col *col,
			     const struct hist_load_op *op)
{
	switch (op->load) {
	case HLOAD_STR:
		return min_t(unsigned int, op->size + 1, HIST_STR_MAX);
	case HLOAD_STR_DYN:
	case HLOAD_STR_RDYN:
	case HLOAD_STR_PTR:
		return HIST_STR_MAX;
	case HLOAD_STACK:
	case HLOAD_LONGS_DYN:
		return HIST_STACK_DEPTH * sizeof(long);
	default:
		return sizeof(u64);
	}
}

static bool cols_same(const struct hist_col *a, const struct hist_col *b)
{
	return !strcmp(a->name, b->name) && a->mods == b->mods &&
	       a->buckets == b->buckets;
}

/* A sort key: the index of the key or value it names, or -1. */
static int sort_find(const struct hist_table *tab,
		     const struct hist_field_spec *f)
{
	unsigned int i;

	for (i = 0; i < tab->nr_keys; i++)
		if (strlen(tab->keys[i].name) == f->len &&
		    !memcmp(tab->keys[i].name, f->name, f->len))
			return i;
	for (i = 0; i < tab->nr_vals; i++)
		if (strlen(tab->vals[i].name) == f->len &&
		    !memcmp(tab->vals[i].name, f->name, f->len))
			return HIST_KEYS_MAX + i;
	/* "cpu" and "stacktrace" name their common_ columns. */
	for (i = 0; i < ARRAY_SIZE(hist_specials); i++)
		if (strlen(hist_specials[i].name) == f->len &&
		    !memcmp(hist_specials[i].name, f->name, f->len)) {
			struct hist_field_spec g = *f;

			g.name = hist_specials[i].shown;
			g.len = strlen(g.name);
			if (g.len != f->len || memcmp(g.name, f->name, f->len))
				return sort_find(tab, &g);
		}
	return -1;
}

/*
 * Numbers of 1 to 8 bytes that end 8 bytes or more into the record are
 * read as the u64 that ends where they end (see load_val()).
 */
static void loads_widen(struct hist_load_op *ops, unsigned int n)
{
	unsigned int i;

#ifdef __BIG_ENDIAN
	return;
#endif
	for (i = 0; i < n; i++) {
		struct hist_load_op *op = &ops[i];

		if (op->load > HLOAD_S64 || op->offset + op->size < 8)
			continue;
		op->wide = true;
		op->shift = 64 - 8 * op->size;
		op->is_signed = op->load >= HLOAD_S8;
	}
}

/* Fill @tab and @ht from @spec, for @call. */
static int table_build(struct trace_event_call *call,
		       const struct hist_spec *spec, struct hist_table *tab,
		       struct hist_trigger *ht, struct hist_error *err)
{
	unsigned int i, j, off = 0;
	int ret;

	for (i = 0; i < spec->nr_keys; i++) {
		struct hist_col *col = &tab->keys[i];

		if (spec->keys[i].kind == HFS_VAR)
			ret = col_var(col, &spec->keys[i], true);
		else
			ret = hist_resolve(call, &spec->keys[i], true, col,
					   &ht->keys[i], err);
		if (ret)
			return ret;
		for (j = 0; j < i; j++)
			if (cols_same(&tab->keys[j], col))
				return herr(err, HERR_DUP_FIELD,
					    spec->keys[i].pos);
		col->key_off = off;
		col->key_size = key_slot(col, &ht->keys[i]);
		off += col->key_size;
		if (off > HIST_KEY_SIZE_MAX)
			return herr(err, HERR_KEY_TOO_LARGE, spec->keys[i].pos);
	}
	tab->nr_keys = spec->nr_keys;
	tab->key_size = off;

	strscpy(tab->vals[0].name, "hitcount", sizeof(tab->vals[0].name));
	tab->vals[0].src = HSRC_HITCOUNT;
	strscpy(tab->vals[0].type, "u64", sizeof(tab->vals[0].type));
	tab->vals[0].mods = spec->hitcount_mods;
	for (i = 0; i < spec->nr_vals; i++) {
		struct hist_col *col = &tab->vals[i + 1];

		if (spec->vals[i].kind != HFS_FIELD)
			ret = col_var(col, &spec->vals[i], false);
		else
			ret = hist_resolve(call, &spec->vals[i], false, col,
					   &ht->vals[i + 1], err);
		if (ret)
			return ret;
		for (j = 0; j <= i; j++)
			if (cols_same(&tab->vals[j], col))
				return herr(err, HERR_DUP_FIELD,
					    spec->vals[i].pos);
	}
	tab->nr_vals = spec->nr_vals + 1;
	tab->nohitcount = spec->nohitcount;
	for (i = 0; i < tab->nr_keys; i++)
		if (tab->keys[i].mods & BIT(FMOD_EXECNAME))
			tab->comm = true;

	for (i = 0; i < spec->nr_sort; i++) {
		int idx = sort_find(tab, &spec->sort[i].field);

		if (idx < 0)
			return herr(err, HERR_BAD_SORT_FIELD,
				    spec->sort[i].field.pos);
		tab->sort[i] = idx;
		tab->sort_desc[i] = spec->sort[i].descending;
	}
	tab->nr_sort = spec->nr_sort;
	if (!tab->nr_sort) {
		tab->sort[0] = HIST_KEYS_MAX;	/* hitcount, ascending */
		tab->nr_sort = 1;
	}
	tab->bits = spec->bits ?: TRACING_MAP_BITS_DEFAULT;
	loads_widen(ht->keys, tab->nr_keys);
	loads_widen(ht->vals + 1, tab->nr_vals - 1);
	return 0;
}

/* Whether @a and @b have the same keys and values. */
static bool tables_same(const struct hist_table *a, const struct hist_table *b)
{
	unsigned int i;

	if (a->nr_keys != b->nr_keys || a->nr_vals != b->nr_vals)
		return false;
	for (i = 0; i < a->nr_keys; i++)
		if (!cols_same(&a->keys[i], &b->keys[i]) ||
		    strcmp(a->keys[i].type, b->keys[i].type) ||
		    a->keys[i].key_size != b->keys[i].key_size)
			return false;
	for (i = 0; i < a->nr_vals; i++)
		if (!cols_same(&a->vals[i], &b->vals[i]) ||
		    strcmp(a->vals[i].type, b->vals[i].type))
			return false;
	return true;
}

/*
 * Whether a named table may be shared: the same keys and values, and no
 * variables (their slots and programs are per trigger).
 */
static bool tables_compatible(const struct hist_table *a,
			      const struct hist_table *b)
{
	return !a->nr_vars && !b->nr_vars && tables_same(a, b);
}

/* A table's map, for its owner under trace_mutex. */
static struct tracing_map *table_map(struct hist_table *tab)
{
	return rcu_dereference_protected(tab->map,
					 lockdep_is_held(&trace_mutex));
}

static struct hist_table *named_find(const char *name, size_t len)
{
	struct hist_table *tab;

	lockdep_assert_held(&trace_mutex);
	list_for_each_entry(tab, &hist_named, list)
		if (strlen(tab->name) == len && !memcmp(tab->name, name, len))
			return tab;
	return NULL;
}

/**
 * hist_table_put() - drop a reference to a table
 * @tab: the table; freed with its map by the last reference
 *
 * Context: trace_mutex held.
 */
void hist_table_put(struct hist_table *tab)
{
	lockdep_assert_held(&trace_mutex);
	if (!refcount_dec_and_test(&tab->ref))
		return;
	if (tab->name[0])
		list_del(&tab->list);
	tracing_map_destroy(table_map(tab));
	kfree(tab);
}

/*
 * Whether every key is a number, 8 bytes each, read by load_val(), and
 * the entries keep nothing else (.execname keeps the task's name).
 */
static bool keys_numeric(const struct hist_table *tab,
			 const struct hist_trigger *ht)
{
	unsigned int i;

	if (tab->comm || ht->inter)
		return false;
	for (i = 0; i < tab->nr_keys; i++)
		if (!load_is_num(ht->keys[i].load))
			return false;
	return true;
}

/* common_flags and common_preempt_count: the context word. */
static bool reads_ctx_field(const struct hist_load_op *op)
{
	return op->offset == offsetof(struct trace_entry, flags) ||
	       op->offset == offsetof(struct trace_entry, preempt_count);
}

/* A key or value of @tab that needs the context word filled in. */
static bool reads_ctx(const struct hist_trigger *ht,
		      const struct hist_table *tab)
{
	unsigned int i;

	for (i = 0; i < tab->nr_keys; i++)
		if (tab->keys[i].src == HSRC_FIELD &&
		    reads_ctx_field(&ht->keys[i]))
			return true;
	for (i = 1; i < tab->nr_vals; i++)
		if (tab->vals[i].src == HSRC_FIELD &&
		    reads_ctx_field(&ht->vals[i]))
			return true;
	return false;
}

/**
 * hist_priv_base() - where an entry's variables start in its private data
 * @tab: the table
 *
 * After the task name of .execname, if the table keeps it.
 *
 * Context: any.
 * Return: the offset.
 */
u16 hist_priv_base(const struct hist_table *tab)
{
	return tab->comm ? ALIGN(TASK_COMM_LEN, 8) : 0;
}

/* A new, empty map for @tab. */
static struct tracing_map *table_map_new(struct hist_table *tab)
{
	struct tracing_map *map;

	map = tracing_map_create(tab->bits, tab->key_size, tab->nr_vals,
				 tab->priv_size);
	if (!IS_ERR(map))
		map->priv_copy = tab->comm ? TASK_COMM_LEN : 0;
	return map;
}

/**
 * hist_trigger_bind() - parse a hist command and bind it to an event
 * @t: the trigger, of the event file it is for
 * @args: the text after "hist:"
 * @args_col: offset of @args in the command
 * @remove: for a removal: the table is built, to compare, but gets no
 *	map and no name
 * @err: why and where, on -EINVAL
 *
 * Context: process context, trace_mutex held; sleeps.
 * Return: 0, -EINVAL with @err set, or -ENOMEM.
 */
int hist_trigger_bind(struct event_trigger *t, char *args, u16 args_col,
		      bool remove, struct hist_error *err)
{
	struct hist_table *tab, *named = NULL;
	struct hist_trigger *ht;
	struct hist_spec *spec;
	struct hist_bind b;
	int ret;

	lockdep_assert_held(&trace_mutex);
	err->code = HERR_NONE;
	spec = kmalloc(sizeof(*spec), GFP_KERNEL);
	ht = kzalloc(sizeof(*ht), GFP_KERNEL);
	tab = kzalloc(sizeof(*tab), GFP_KERNEL);
	ret = -ENOMEM;
	if (!spec || !ht || !tab)
		goto fail;
	ret = hist_parse(args, args_col, spec, err);
	if (ret)
		goto fail;
	ret = table_build(t->file->event_call, spec, tab, ht, err);
	if (ret)
		goto fail;
	refcount_set(&tab->ref, 1);
	INIT_LIST_HEAD(&tab->list);
	ht->table = tab;
	b = (struct hist_bind){ .t = t, .file = t->file, .spec = spec,
				.tab = tab, .ht = ht, .err = err,
				.remove = remove };
	ret = hist_vars_bind(&b);
	if (ret)
		goto fail;
	if (spec->name) {
		memcpy(tab->name, spec->name, spec->name_len);
		named = named_find(spec->name, spec->name_len);
		if (named && !tables_compatible(named, tab)) {
			ret = herr(err, HERR_NAMED_MISMATCH, spec->name_pos);
			goto fail;
		}
	}
	if (named && !remove) {
		kfree(tab);
		tab = named;
		refcount_inc(&tab->ref);
	} else if (!remove) {
		struct tracing_map *map = table_map_new(tab);

		if (IS_ERR(map)) {
			ret = PTR_ERR(map);
			goto fail;
		}
		RCU_INIT_POINTER(tab->map, map);
		if (tab->name[0])
			list_add(&tab->list, &hist_named);
	}
	ht->table = tab;
	ht->paused = spec->pause;
	ht->ctl = (spec->pause ? HCTL_PAUSE : 0) |
		  (spec->cont ? HCTL_CONT : 0) |
		  (spec->clear ? HCTL_CLEAR : 0);
	ht->unlisted = remove;
	ht->numeric = keys_numeric(tab, ht);
	t->data = ht;
	t->needs_ctx = reads_ctx(ht, tab);
	kfree(spec);
	return 0;
fail:
	hist_inter_free(ht);
	kfree(spec);
	kfree(ht);
	kfree(tab);
	return ret;
}

/**
 * hist_trigger_arm() - what a bound hist trigger needs of its instance
 * @t: the trigger, bound, accepted and about to be linked
 * @err: why and where, on failure
 *
 * Its clock, absolute time stamps and snapshot buffer
 * (hist_inter_arm()): made only now, so that a command refused before
 * (a duplicate, a named table of another shape) changes none of them.
 *
 * Context: process context, trace_mutex held; sleeps.
 * Return: 0, or an errno with @err set and nothing changed.
 */
int hist_trigger_arm(struct event_trigger *t, struct hist_error *err)
{
	return hist_inter_arm(t->data, t->file->tr, err);
}

/**
 * hist_trigger_free() - unbind a hist trigger
 * @t: the trigger; no probe can still be running it
 *
 * Context: process context, trace_mutex held.
 */
void hist_trigger_free(struct event_trigger *t)
{
	struct hist_trigger *ht = t->data;

	hist_inter_free(ht);
	hist_fvar_unlink(ht);
	if (ht->unlisted) {
		tracing_map_destroy(table_map(ht->table));
		kfree(ht->table);
	} else {
		hist_table_put(ht->table);
	}
	kfree(ht);
	t->data = NULL;
}

static const char *inter_text(const struct hist_trigger *ht, bool tail)
{
	if (!ht->inter)
		return "";
	return tail ? ht->inter->tail_text : ht->inter->vars_text;
}

/* The same variables, clock and actions, as listed. */
static bool inter_same(const struct hist_trigger *a,
		       const struct hist_trigger *b)
{
	return !strcmp(inter_text(a, false), inter_text(b, false)) &&
	       !strcmp(inter_text(a, true), inter_text(b, true));
}

/**
 * hist_trigger_match() - whether two hist triggers are the same one
 * @a: a trigger
 * @b: another, of the same event
 *
 * The same keys, values, sort keys, size and name; the filter and the
 * pause state do not count.
 *
 * Context: trace_mutex held.
 * Return: true if they are the same.
 */
bool hist_trigger_match(const struct event_trigger *a,
			const struct event_trigger *b)
{
	const struct hist_table *x = ((struct hist_trigger *)a->data)->table;
	const struct hist_table *y = ((struct hist_trigger *)b->data)->table;

	if (!inter_same(a->data, b->data))
		return false;
	if (x == y)
		return true;
	if (x->nr_vars != y->nr_vars) /* the texts are the same */
		return false;
	if (!tables_same(x, y) || strcmp(x->name, y->name) ||
	    x->bits != y->bits || x->nr_sort != y->nr_sort ||
	    x->nohitcount != y->nohitcount)
		return false;
	return !memcmp(x->sort, y->sort, x->nr_sort) &&
	       !memcmp(x->sort_desc, y->sort_desc, x->nr_sort);
}

/* Empty a table; see the top of the file. */
static int table_clear(struct hist_table *tab)
{
	struct tracing_map *old = table_map(tab), *map;

	lockdep_assert_held(&trace_mutex);
	map = table_map_new(tab);
	if (IS_ERR(map))
		return PTR_ERR(map);
	rcu_assign_pointer(tab->map, map);
	synchronize_rcu();
	tracing_map_destroy(old);
	return 0;
}

/**
 * hist_trigger_control() - pause, continue or clear an existing trigger
 * @old: the same trigger already on the event, or NULL
 * @t: the new one, bound
 *
 * Context: process context, trace_mutex held; sleeps (clear).
 * Return: 1 if @t's request went to @old, 0 if @t is to be added,
 * -EEXIST if @old exists and @t asks nothing of it, -ENOENT if @t asks to
 * continue or clear a trigger that is not there.
 */
int hist_trigger_control(struct event_trigger *old,
			 const struct event_trigger *t)
{
	const struct hist_trigger *ht = t->data;
	struct hist_trigger *oht;

	if (!old)
		return ht->ctl & (HCTL_CONT | HCTL_CLEAR) ? -ENOENT : 0;
	if (!ht->ctl)
		return -EEXIST;
	oht = old->data;
	/* The clear, which can fail, first: a refused request does nothing. */
	if (ht->ctl & HCTL_CLEAR) {
		int ret = table_clear(oht->table);

		if (ret)
			return ret;
	}
	if (ht->ctl & HCTL_PAUSE)
		WRITE_ONCE(oht->paused, true);
	else if (ht->ctl & HCTL_CONT)
		WRITE_ONCE(oht->paused, false);
	return 1;
}

/**
 * hist_set_paused() - pause or resume a hist trigger
 * @t: the trigger
 * @paused: the new state
 *
 * For enable_hist and disable_hist.
 *
 * Context: any.
 */
void hist_set_paused(struct event_trigger *t, bool paused)
{
	struct hist_trigger *ht = t->data;

	WRITE_ONCE(ht->paused, paused);
}

/**
 * hist_col_print() - a key's or value's name as the trigger lists it
 * @m: the seq_file
 * @col: the column
 *
 * "name", "name.mod" or "name.buckets=N".
 *
 * Context: any process context.
 */
void hist_col_print(struct seq_file *m, const struct hist_col *col)
{
	char buf[2 * HIST_NAME_MAX];
	struct seq_buf sb;

	seq_buf_init(&sb, buf, sizeof(buf));
	hist_col_text(&sb, col);
	seq_puts(m, seq_buf_str(&sb));
}

/**
 * hist_col_text() - a key's or value's name as the trigger lists it
 * @sb: where to print it
 * @col: the column
 *
 * As hist_col_print().
 *
 * Context: any.
 */
void hist_col_text(struct seq_buf *sb, const struct hist_col *col)
{
	unsigned int id;

	if (col->is_var)
		seq_buf_putc(sb, '$');
	seq_buf_puts(sb, col->name);
	for (id = 0; id < FMOD_MAX; id++) {
		if (!(col->mods & BIT(id)))
			continue;
		seq_buf_printf(sb, ".%s", trace_field_mods[id].name);
		if (id == FMOD_BUCKETS)
			seq_buf_printf(sb, "=%llu", col->buckets);
	}
}

/**
 * hist_trigger_print() - a hist trigger as the trigger file lists it
 * @m: the seq_file
 * @t: the trigger
 *
 * "hist:[name=NAME:]keys=...:vals=...:sort=...:size=N[:nohitcount]
 * [if filter] [active|paused]", as mainline normalises it.
 *
 * Context: process context, trace_mutex held.
 */
void hist_trigger_print(struct seq_file *m, struct event_trigger *t)
{
	struct hist_trigger *ht = t->data;
	struct hist_table *tab = ht->table;
	unsigned int i;

	seq_puts(m, "hist:");
	if (tab->name[0])
		seq_printf(m, "name=%s:", tab->name);
	seq_puts(m, "keys=");
	for (i = 0; i < tab->nr_keys; i++) {
		if (i)
			seq_putc(m, ',');
		hist_col_print(m, &tab->keys[i]);
	}
	seq_puts(m, ":vals=");
	for (i = 0; i < tab->nr_vals; i++) {
		if (i)
			seq_putc(m, ',');
		hist_col_print(m, &tab->vals[i]);
	}
	if (*inter_text(ht, false))
		seq_printf(m, ":%s", inter_text(ht, false));
	seq_puts(m, ":sort=");
	for (i = 0; i < tab->nr_sort; i++) {
		u8 s = tab->sort[i];

		if (i)
			seq_putc(m, ',');
		hist_col_print(m, s < HIST_KEYS_MAX ? &tab->keys[s]
						    : &tab->vals[s - HIST_KEYS_MAX]);
		if (tab->sort_desc[i])
			seq_puts(m, ".descending");
	}
	seq_printf(m, ":size=%u", 1U << tab->bits);
	if (tab->nohitcount)
		seq_puts(m, ":nohitcount");
	seq_puts(m, inter_text(ht, true));
	if (t->filter_str)
		seq_printf(m, " if %s", t->filter_str);
	seq_puts(m, READ_ONCE(ht->paused) ? " [paused]\n" : " [active]\n");
}

/* Reading one key or value from a record. */

static __always_inline u64 load_num(const struct hist_load_op *op,
				    void *rec)
{
	void *p = rec + op->offset;

	switch (op->load) {
	case HLOAD_U8:
		return *(u8 *)p;
	case HLOAD_U16:
		return get_unaligned((u16 *)p);
	case HLOAD_U32:
		return get_unaligned((u32 *)p);
	case HLOAD_U64:
		return get_unaligned((u64 *)p);
	case HLOAD_S8:
		return (s64)*(s8 *)p;
	case HLOAD_S16:
		return (s64)(s16)get_unaligned((u16 *)p);
	case HLOAD_S32:
		return (s64)(s32)get_unaligned((u32 *)p);
	case HLOAD_S64:
		return get_unaligned((u64 *)p);
	case HLOAD_CPU:
		return raw_smp_processor_id();
	default:
		return 0;
	}
}

/* A number as the key or value of @col: grouped as its modifiers say. */
static __always_inline u64 num_mods(u32 mods, u64 buckets, u64 v)
{
	if (likely(!mods))
		return v;
	if (mods & BIT(FMOD_LOG2))
		return v ? ilog2(roundup_pow_of_two(v)) : 0;
	if (mods & BIT(FMOD_BUCKETS))
		return div64_u64(v, buckets) * buckets;
	if (mods & BIT(FMOD_USECS))
		return div_u64(v, NSEC_PER_USEC);
	return v;
}

static __always_inline u64 num_mod(const struct hist_col *col, u64 v)
{
	return num_mods(col->mods, col->buckets, v);
}

static __always_inline u64 load_val(struct event_trigger *t,
				    const struct hist_col *col,
				    const struct hist_load_op *op, void *rec)
{
	u64 v;

	if (likely(op->wide)) {
		/*
		 * One load of the 8 bytes that end with the field (little
		 * endian: the field is their top bytes), one shift.
		 */
		v = get_unaligned((u64 *)(rec + op->offset + op->size - 8));
		v = op->is_signed ? (u64)((s64)v >> op->shift)
				  : v >> op->shift;
		return num_mod(col, v);
	}
	if (op->load == HLOAD_CPU)
		v = raw_smp_processor_id();
	else if (unlikely(op->load == HLOAD_TIMESTAMP))
		v = ring_buffer_time_stamp(t->file->tr->array_buffer.buffer);
	else
		v = load_num(op, rec);
	return num_mod(col, v);
}

/**
 * hist_load_str() - the string a string field of a record holds
 * @op: how to read it (HLOAD_STR, HLOAD_STR_DYN or HLOAD_STR_RDYN)
 * @rec: the record
 * @max: the most bytes it may have, set
 *
 * Context: a probe.
 * Return: the string, in the record; not NUL-terminated past @max.
 */
const char *hist_load_str(const struct hist_load_op *op, void *rec,
			  unsigned int *max)
{
	u32 loc;

	switch (op->load) {
	case HLOAD_STR:
		*max = op->size;
		return rec + op->offset;
	case HLOAD_STR_DYN:
	case HLOAD_STR_RDYN:
		loc = get_unaligned((u32 *)(rec + op->offset));
		*max = loc >> 16;
		return rec + (loc & 0xffff) +
		       (op->load == HLOAD_STR_RDYN ? op->offset + op->size : 0);
	default:
		return NULL;
	}
}

/*
 * Read key @i into @key at its offset; Return: the end of what it wrote
 * (a string that ends the key stops at its NUL).
 */
static unsigned int key_load(struct event_trigger *t, unsigned int i,
			     void *rec, u8 *key)
{
	struct hist_trigger *ht = t->data;
	const struct hist_table *tab = ht->table;
	const struct hist_col *col = &tab->keys[i];
	const struct hist_load_op *op = &ht->keys[i];
	u8 *dst = key + col->key_off;
	bool last = i == tab->nr_keys - 1;
	unsigned int n, max, size = col->key_size;
	const char *s;
	u32 loc;

	switch (op->load) {
	case HLOAD_STR:
	case HLOAD_STR_DYN:
	case HLOAD_STR_RDYN:
		s = hist_load_str(op, rec, &max);
		n = strnlen(s, min(max, size - 1));
		memcpy(dst, s, n);
		break;
	case HLOAD_STR_PTR: {
		/* Its length with the NUL, at most @size; or an error. */
		long r = strncpy_from_kernel_nofault((char *)dst,
				*(const char **)(rec + op->offset), size);

		n = r > 0 ? r - 1 : 0;
		break;
	}
	case HLOAD_STACK:
		n = stack_trace_save((unsigned long *)dst, HIST_STACK_DEPTH,
				     HIST_STACK_SKIP) * sizeof(long);
		memset(dst + n, 0, size - n);
		return col->key_off + size;
	case HLOAD_LONGS_DYN:
		loc = get_unaligned((u32 *)(rec + op->offset));
		n = min_t(unsigned int, loc >> 16, size);
		memcpy(dst, rec + (loc & 0xffff), n);
		memset(dst + n, 0, size - n);
		return col->key_off + size;
	default:
		put_unaligned(load_val(t, col, op, rec), (u64 *)dst);
		return col->key_off + sizeof(u64);
	}
	/* A string: NUL-terminated; padded unless it ends the key. */
	if (last) {
		dst[n] = '\0';
		return col->key_off + n + 1;
	}
	memset(dst + n, 0, size - n);
	return col->key_off + size;
}

/* Add the values of @rec to @elt. */
static __always_inline void vals_add(struct event_trigger *t,
				     struct hist_trigger *ht,
				     struct hist_table *tab,
				     struct tracing_map_elt *elt, void *rec)
{
	unsigned int i;

	tracing_map_hit_begin(elt);
	for (i = 1; i < tab->nr_vals; i++)
		tracing_map_add(elt, i, load_val(t, &tab->vals[i],
						 &ht->vals[i], rec));
	tracing_map_hit_end(elt);
}

/*
 * Keys with strings or stacks: built in a buffer of HIST_KEY_SIZE_MAX,
 * out of line so that the common case does not pay for clearing it.
 */
static noinline void fire_wide(struct event_trigger *t,
			       struct hist_trigger *ht,
			       struct hist_table *tab, void *rec)
{
	u64 key[HIST_KEY_SIZE_MAX / sizeof(u64)];
	struct tracing_map_elt *elt;
	unsigned int i, len = 0;

	for (i = 0; i < tab->nr_keys; i++)
		len = key_load(t, i, rec, (u8 *)key);
	/* .execname shows the name of the task that created the entry. */
	elt = tracing_map_insert(rcu_dereference_sched(tab->map), key, len,
				 tab->comm ? current->comm : NULL);
	if (elt)
		vals_add(t, ht, tab, elt, rec);
}

/**
 * hist_load_num() - read a number from a record, as a program step does
 * @t: the trigger (for the time stamp's buffer)
 * @op: how to read it
 * @mods: FMOD_* bits to apply
 * @buckets: .buckets=N
 * @rec: the record
 *
 * Context: a probe.
 * Return: the value.
 */
u64 hist_load_num(struct event_trigger *t, const struct hist_load_op *op,
		  u32 mods, u64 buckets, void *rec)
{
	u64 v;

	if (op->load == HLOAD_CPU)
		v = raw_smp_processor_id();
	else if (op->load == HLOAD_TIMESTAMP)
		v = ring_buffer_time_stamp(t->file->tr->array_buffer.buffer);
	else
		v = load_num(op, rec);
	return num_mods(mods, buckets, v);
}

/* The arithmetic of a program step. */
static u64 arith(u8 code, u64 a, u64 b)
{
	switch (code) {
	case HOP_ADD:
		return a + b;
	case HOP_SUB:
		return a - b;
	case HOP_MUL:
		return a * b;
	default:
		return b ? div64_u64(a, b) : (u64)-1;
	}
}

/* Run a compiled expression on a record. */
static u64 prog_run(struct event_trigger *t, const struct hist_prog *pr,
		    void *rec, const u64 *refs, const u64 *vars)
{
	u64 st[HIST_PROG_MAX] __uninitialized;
	unsigned int i, sp = 0;

	for (i = 0; i < pr->n; i++) {
		const struct hist_op *op = &pr->ops[i];

		switch (op->code) {
		case HOP_LOAD:
			st[sp++] = hist_load_num(t, &op->load, op->mods,
						 op->arg, rec);
			break;
		case HOP_CONST:
			st[sp++] = op->arg;
			break;
		case HOP_REF:
			st[sp++] = refs[op->idx];
			break;
		case HOP_VAR:
			st[sp++] = vars[op->idx];
			break;
		case HOP_NEG:
			st[sp - 1] = -st[sp - 1];
			break;
		default:
			sp--;
			st[sp - 1] = arith(op->code, st[sp - 1], st[sp]);
			break;
		}
	}
	return sp ? st[0] : 0;
}

/* Whether a key of @len bytes is whole words, hashed a word at a time. */
static __always_inline bool key_words(u32 len)
{
	return !(len & 7) && len <= TRACING_MAP_WORDS_MAX * sizeof(u64);
}

/* A key's entry: its home bucket first (inline), then the walk. */
static __always_inline struct tracing_map_elt *
map_find(struct tracing_map *map, const void *key, u32 len)
{
	struct tracing_map_elt *elt = NULL;

	if (key_words(len))
		elt = tracing_map_find_words(map, key, len / sizeof(u64));
	return elt ?: tracing_map_lookup(map, key, len);
}

/*
 * Read the references of a hit: each must be set in the entry of the
 * same key (its first bytes, for a table of a shorter key) of its table,
 * or the hit does not count.  They are read, then unset.
 */
static bool refs_read(struct hist_hit *h)
{
	struct hist_inter *hi = h->ht->inter;
	struct tracing_map_elt *elts[HIST_REFS_MAX] __uninitialized;
	struct tracing_map *maps[HIST_REFS_MAX] __uninitialized;
	unsigned int i;

	for (i = 0; i < hi->nr_refs; i++) {
		const struct hist_ref *r = &hi->refs[i];
		void *priv;

		maps[i] = rcu_dereference_sched(r->tab->map);
		elts[i] = map_find(maps[i], h->key,
				   min_t(u32, h->key_len, r->tab->key_size));
		if (!elts[i])
			return false;
		priv = tracing_map_elt_priv(maps[i], elts[i]);
		if (!test_bit(r->var, priv + r->tab->set_off))
			return false;
	}
	for (i = 0; i < hi->nr_refs; i++) {
		const struct hist_ref *r = &hi->refs[i];
		const struct hist_var *v = &r->tab->vars[r->var];
		void *priv = tracing_map_elt_priv(maps[i], elts[i]);

		h->refs[i] = v->kind == HVK_NUM ? *(u64 *)(priv + v->slot)
						: (unsigned long)priv + v->slot;
		clear_bit(r->var, priv + r->tab->set_off);
	}
	return true;
}

/* Set variable @i of the hit's entry. */
static void var_set(struct hist_hit *h, unsigned int i)
{
	const struct hist_table *tab = h->ht->table;
	const struct hist_var_def *d = &h->ht->inter->vars[i];
	const struct hist_var *v = &tab->vars[i];
	void *slot = h->priv + v->slot;
	unsigned int n, max;
	const char *s;
	u32 loc;

	switch (d->src) {
	case HVS_PROG:
		*(u64 *)slot = prog_run(h->t, &d->prog, h->rec, h->refs,
					h->vars);
		break;
	case HVS_STR:
		s = hist_load_str(&d->load, h->rec, &max);
		n = strnlen(s, min_t(unsigned int, max, HIST_STR_MAX - 1));
		memcpy(slot, s, n);
		((char *)slot)[n] = '\0';
		break;
	case HVS_STACK:
		*(u64 *)slot = stack_trace_save(slot + sizeof(u64),
						HIST_STACK_DEPTH,
						HIST_STACK_SKIP);
		break;
	case HVS_LONGS:
		loc = get_unaligned((u32 *)(h->rec + d->load.offset));
		n = min_t(unsigned int, (loc >> 16) / sizeof(long),
			  HIST_STACK_DEPTH);
		memcpy(slot + sizeof(u64), h->rec + (loc & 0xffff),
		       n * sizeof(long));
		*(u64 *)slot = n;
		break;
	case HVS_REF:
	case HVS_VAR:
		memcpy(slot, (void *)(unsigned long)
		       (d->src == HVS_REF ? h->refs[d->idx] : h->vars[d->idx]),
		       v->kind == HVK_STR ? HIST_STR_MAX : HIST_VAR_STACK_SIZE);
		break;
	}
	h->vars[i] = v->kind == HVK_NUM ? *(u64 *)slot : (unsigned long)slot;
	/* The value is in place before the bit says so. */
	smp_mb__before_atomic();
	set_bit(i, h->priv + tab->set_off);
}

/*
 * A trigger with variables, references or actions: the key, then the
 * references (or nothing counts), the entry, its variables, its values,
 * then the actions.
 */
static noinline void fire_inter(struct event_trigger *t,
				struct hist_trigger *ht,
				struct hist_table *tab, void *rec)
{
	/* Written before they are read: not worth clearing on every hit. */
	u64 key[HIST_KEY_SIZE_MAX / sizeof(u64)] __uninitialized;
	struct hist_inter *hi = ht->inter;
	struct tracing_map_elt *elt;
	struct tracing_map *map;
	struct hist_hit h __uninitialized;
	unsigned int i, len = 0;

	for (i = 0; i < tab->nr_keys; i++) {
		if (!hi->keys[i]) {
			len = key_load(t, i, rec, (u8 *)key);
			continue;
		}
		len = tab->keys[i].key_off + sizeof(u64);
		put_unaligned(prog_run(t, hi->keys[i], rec, NULL, NULL),
			      (u64 *)((u8 *)key + tab->keys[i].key_off));
	}
	h.t = t;
	h.ht = ht;
	h.rec = rec;
	h.key = key;
	h.key_len = len;
	if (hi->nr_refs && !refs_read(&h))
		return;
	map = rcu_dereference_sched(tab->map);
	elt = NULL;
	if (key_words(len))
		elt = tracing_map_find_words(map, key, len / sizeof(u64));
	if (!elt)
		elt = tracing_map_insert(map, key, len,
					 tab->comm ? current->comm : NULL);
	if (!elt)
		return;
	h.priv = tracing_map_elt_priv(map, elt);
	for (i = 0; i < tab->nr_vars; i++)
		var_set(&h, i);
	tracing_map_hit_begin(elt);
	for (i = 1; i < tab->nr_vals; i++)
		tracing_map_add(elt, i, hi->vals[i] ?
				prog_run(t, hi->vals[i], rec, h.refs, h.vars) :
				load_val(t, &tab->vals[i], &ht->vals[i], rec));
	tracing_map_hit_end(elt);
	if (hi->nr_actions)
		hist_actions_run(&h);
}

/**
 * hist_is_trigger() - whether a trigger is a hist trigger
 * @t: a trigger
 *
 * Context: any.
 * Return: true for a hist trigger (its data is a struct hist_trigger).
 */
bool hist_is_trigger(const struct event_trigger *t)
{
	return t->cmd->type == ETT_EVENT_HIST && t->data;
}

/**
 * hist_trigger_fire() - count one record into a hist trigger's table
 * @t: the trigger
 * @rec: the event's record
 *
 * Numeric keys (the common case) are read into a u64 each, in a small
 * buffer; other keys go through fire_wide().
 *
 * Context: a probe, preemption disabled, any context (NMI included).
 */
void hist_trigger_fire(struct event_trigger *t, void *rec)
{
	struct hist_trigger *ht = t->data;
	struct hist_table *tab = ht->table;
	struct tracing_map_elt *elt;
	struct tracing_map *map;
	u64 key[HIST_KEYS_MAX];
	unsigned int i;

	if (READ_ONCE(ht->paused))
		return;
	if (unlikely(!ht->numeric)) {
		if (ht->inter)
			fire_inter(t, ht, tab, rec);
		else
			fire_wide(t, ht, tab, rec);
		return;
	}
	for (i = 0; i < tab->nr_keys; i++)
		key[i] = load_val(t, &tab->keys[i], &ht->keys[i], rec);
	map = rcu_dereference_sched(tab->map);
	elt = tracing_map_find_words(map, key, tab->nr_keys) ?:
	      tracing_map_insert(map, key, tab->nr_keys * sizeof(u64), NULL);
	if (elt)
		vals_add(t, ht, tab, elt, rec);
}

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/trace_hist-kunit.h"
#endif
