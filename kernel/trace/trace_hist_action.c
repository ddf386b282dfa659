// SPDX-License-Identifier: GPL-2.0
/*
 * trace_hist_action.c - the handler.action pairs of hist triggers.
 *
 *	onmatch(sys.event).trace(synthetic,params)	each resolved hit
 *	onmatch(sys.event).synthetic(params)		the same, legacy form
 *	onmax($var).save(fields) | .trace(...)		when the entry's max
 *							of $var grows
 *	onchange($var).save(fields) | .trace(...)	when the entry's $var
 *							changes
 *	onmax($var).snapshot(), onchange($var).snapshot()
 *							when the trigger's
 *							max (or value)
 *							across all entries
 *							does
 *
 * onmatch() takes trace only, as mainline.  An action's parameters are
 * resolved when the trigger is set, and checked against the synthetic
 * event's fields then: a variable of the trigger, a variable of another
 * table (a reference, read once), a field of the event, or a field of
 * another event written "sys.event.field".  That last is kept by a hidden
 * hist trigger this trigger adds to that event ("keys=<its keys>:
 * synthetic_<field>=<field>", listed there as mainline lists it), which
 * the trigger removes when it goes (struct hist_fvar below).
 *
 * The entry's state of an onmax()/onchange() with save() or trace() is
 * in its private data: the tracked value, then the saved fields.  Its
 * bit in the entry's set bits (HIST_VARS_MAX + the action's index) says
 * whether it has one.  snapshot() keeps its value and the key of the hit
 * that set it in the action, for the hist file.
 *
 * A synthetic event that an action fires holds an action reference
 * (synth_event.action_refs): it cannot be removed until the trigger is.
 *
 * Locking: binding runs under dyn_event_mutex (the synthetic events'
 * list) and trace_mutex, freeing under trace_mutex; firing runs in the
 * probe, without a lock but the snapshot's own (taken with trylock, so
 * a hit that finds it held skips the snapshot rather than wait).
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/seq_buf.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "trace_array.h"
#include "trace_dynevent.h"
#include "trace_event_types.h"
#include "trace_hist.h"
#include "trace_synth.h"
#include "trace_trigger.h"

/**
 * enum hist_param_src - where an action's parameter comes from
 * @HPS_VAR: a variable of the trigger, set this hit
 * @HPS_REF: a variable of another table, read this hit
 * @HPS_NUM: a numeric field of the record
 * @HPS_STR: a string field of the record
 */
enum hist_param_src {
	HPS_VAR,
	HPS_REF,
	HPS_NUM,
	HPS_STR,
};

/**
 * struct hist_param - a bound parameter
 * @src: enum hist_param_src
 * @idx: HPS_VAR: the variable; HPS_REF: the reference
 * @load: HPS_NUM, HPS_STR: the field
 * @name: save(): the field's name, for the hist file
 * @slot: save(): offset of its copy in the entry's private data
 * @size: save(): bytes of that copy
 */
struct hist_param {
	u8			src;
	u8			idx;
	struct hist_load_op	load;
	char			name[HIST_NAME_MAX];
	u16			slot;
	u16			size;
};

/**
 * struct hist_action - a bound handler.action pair
 * @handler: enum hist_handler_kind
 * @action: enum hist_action_kind
 * @track: onmax(), onchange(): the trigger's variable
 * @slot: onmax(), onchange() with save() or trace(): offset of the
 *	entry's tracked value
 * @bit: the entry's bit that says it has one
 * @se: trace(): the synthetic event
 * @params: trace(), save(): the parameters
 * @nr_params: how many
 * @lock: snapshot(): guards the fields below
 * @snapped: snapshot(): a snapshot was taken
 * @snap_val: the value that took it
 * @snap_key: the key of the hit that took it
 * @snap_key_len: its length
 * @desc: "onmax($var)", for the hist file
 * @pos: the pair's offset in the command, for error_log
 */
struct hist_action {
	u8			handler;
	u8			action;
	u8			track;
	u16			slot;
	u8			bit;
	struct synth_event	*se;
	struct hist_param	*params;
	u8			nr_params;
	raw_spinlock_t		lock;
	bool			snapped;
	u64			snap_val;
	u8			*snap_key;
	u32			snap_key_len;
	char			desc[HIST_NAME_MAX + 16];
	u16			pos;
};

/**
 * struct hist_fvar - a hidden trigger made for a field of another event
 * @ref: one for the trigger that made it, one for the hidden trigger
 * @t: the hidden trigger, NULL once it is gone
 * @file: its event file, held
 */
struct hist_fvar {
	refcount_t		ref;
	struct event_trigger	*t;
	struct trace_event_file	*file;
};

static void fvar_put(struct hist_fvar *fv)
{
	if (!refcount_dec_and_test(&fv->ref))
		return;
	trace_event_file_put(fv->file);
	kfree(fv);
}

/**
 * hist_fvar_unlink() - a hidden trigger goes: tell the trigger that made it
 * @ht: the hidden trigger's state
 *
 * Context: trace_mutex held.
 */
void hist_fvar_unlink(struct hist_trigger *ht)
{
	if (!ht->fvar)
		return;
	ht->fvar->t = NULL;
	fvar_put(ht->fvar);
	ht->fvar = NULL;
}

static int herr(struct hist_bind *b, enum hist_err code, u16 pos)
{
	b->err->code = code;
	b->err->pos = pos;
	return -EINVAL;
}

/* The hist trigger of @file whose keys a hidden trigger there copies. */
static struct hist_trigger *keys_source(struct trace_event_file *file)
{
	struct event_trigger *t;

	list_for_each_entry(t, &file->triggers, list) {
		struct hist_trigger *ht = t->data;

		if (hist_is_trigger(t) && !ht->unlisted && !ht->fvar)
			return ht;
	}
	return NULL;
}

/*
 * Add to @file a hidden trigger that keeps @field in a variable, keyed
 * as the event's first hist trigger is; refer to that variable.
 */
static int fvar_make(struct hist_bind *b, struct trace_event_file *file,
		     const char *field, size_t len, u16 pos, u8 *ref)
{
	struct hist_inter *hi = b->ht->inter;
	struct hist_trigger *src = keys_source(file), *hht;
	struct event_trigger *t = NULL;
	struct hist_error err;
	struct hist_fvar *fv;
	struct seq_buf sb;
	char name[HIST_NAME_MAX];
	unsigned int i;
	bool own;
	char *buf;
	int ret;

	if (!src || hi->nr_fvars >= HIST_PARAMS_MAX ||
	    len + sizeof("synthetic_") > sizeof(name))
		return herr(b, HERR_FIELD_VAR, pos);
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	fv = kzalloc(sizeof(*fv), GFP_KERNEL);
	ret = -ENOMEM;
	if (!buf || !t || !fv)
		goto fail;
	if (!hi->fvars) {
		hi->fvars = kcalloc(HIST_PARAMS_MAX, sizeof(*hi->fvars),
				    GFP_KERNEL);
		if (!hi->fvars)
			goto fail;
	}
	snprintf(name, sizeof(name), "synthetic_%.*s", (int)len, field);
	seq_buf_init(&sb, buf, PAGE_SIZE);
	seq_buf_puts(&sb, "keys=");
	for (i = 0; i < src->table->nr_keys; i++) {
		if (src->table->keys[i].is_var)
			goto fail_var;
		seq_buf_printf(&sb, "%s", i ? "," : "");
		hist_col_text(&sb, &src->table->keys[i]);
	}
	seq_buf_printf(&sb, ":%s=%.*s", name, (int)len, field);
	seq_buf_str(&sb);

	t->cmd = trigger_cmd_find("hist", 4);
	t->file = file;
	atomic_long_set(&t->count, TRIGGER_UNLIMITED);
	ret = hist_trigger_bind(t, buf, 0, false, &err);
	if (ret)
		goto fail_var;
	hht = t->data;
	refcount_set(&fv->ref, 2);
	fv->t = t;
	fv->file = file;
	refcount_inc(&file->ref);
	hht->fvar = fv;
	ret = trace_trigger_attach(file, t);
	if (ret) {
		hist_trigger_free(t);
		fvar_put(fv);
		kfree(t);
		kfree(buf);
		return ret;
	}
	hi->fvars[hi->nr_fvars++] = fv;
	kfree(buf);
	return hist_ref_resolve(b, NULL, 0, name, strlen(name), pos, &own,
				ref);
fail_var:
	ret = herr(b, HERR_FIELD_VAR, pos);
fail:
	kfree(fv);
	kfree(t);
	kfree(buf);
	return ret;
}

/*
 * Resolve a field of the record: a number or a string.  Return: the
 * field's type in @type, or an error.
 */
static int param_field(struct hist_bind *b, const char *s, size_t len,
		       u16 pos, struct hist_param *p, struct hist_var *type)
{
	struct hist_field_spec f = { .name = s, .len = len, .pos = pos };
	struct hist_col col;

	if (hist_resolve(b->file->event_call, &f, true, &col, &p->load,
			 b->err))
		return -EINVAL;
	switch (p->load.load) {
	case HLOAD_STR:
	case HLOAD_STR_DYN:
	case HLOAD_STR_RDYN:
		p->src = HPS_STR;
		type->kind = HVK_STR;
		p->size = min_t(unsigned int, HIST_STR_MAX,
				p->load.load == HLOAD_STR ? p->load.size + 1
							  : HIST_STR_MAX);
		break;
	case HLOAD_STR_PTR:
		p->load.load = HLOAD_U64;
		fallthrough;
	default:
		if (!hist_load_is_num(p->load.load))
			return herr(b, HERR_NOT_NUMBER, pos);
		p->src = HPS_NUM;
		type->kind = HVK_NUM;
		type->size = p->load.load == HLOAD_U64 ? 8 : p->load.size;
		if (p->load.load == HLOAD_TIMESTAMP)
			type->size = 8;
		else if (p->load.load == HLOAD_CPU)
			type->size = 4;
		type->is_signed = col.is_signed;
		strscpy(type->type, col.type, sizeof(type->type));
		p->size = sizeof(u64);
		break;
	}
	memcpy(p->name, s, min_t(size_t, len, HIST_NAME_MAX - 1));
	return 0;
}

/* Resolve a parameter of trace(); its type in @type. */
static int param_bind(struct hist_bind *b, const struct hist_param_spec *ps,
		      struct hist_param *p, struct hist_var *type)
{
	const char *s = ps->s, *dot, *dollar;
	struct trace_event_file *file;
	size_t len = ps->len;
	bool own;
	u8 idx;

	dollar = memchr(s, '$', len);
	if (dollar) {
		if (dollar != s && (dollar[-1] != '.' || dollar == s + 1))
			return herr(b, HERR_VAR_NOT_FOUND, ps->pos);
		if (hist_ref_resolve(b, dollar == s ? NULL : s,
				     dollar == s ? 0 : dollar - s - 1,
				     dollar + 1, s + len - dollar - 1,
				     ps->pos, &own, &idx))
			return -EINVAL;
		p->src = own ? HPS_VAR : HPS_REF;
		p->idx = idx;
		*type = *hist_ref_var(b->ht, own, idx);
		return 0;
	}
	/* "sys.event.field" */
	dot = memchr(s, '.', len);
	if (dot && memchr(dot + 1, '.', s + len - dot - 1)) {
		const char *last = s + len - 1;
		char sysev[2 * TRIGGER_EVENT_NAME_MAX + 2];

		while (*last != '.')
			last--;
		if (last - s >= sizeof(sysev))
			return herr(b, HERR_EVENT_NOT_FOUND, ps->pos);
		memcpy(sysev, s, last - s);
		sysev[last - s] = '\0';
		*strchr(sysev, '.') = '\0';
		file = __trace_find_event_file(b->file->tr, sysev,
					       sysev + strlen(sysev) + 1);
		if (!file)
			return herr(b, HERR_EVENT_NOT_FOUND, ps->pos);
		if (file != b->file) {
			if (fvar_make(b, file, last + 1, s + len - last - 1,
				      ps->pos, &idx))
				return -EINVAL;
			p->src = HPS_REF;
			p->idx = idx;
			*type = *hist_ref_var(b->ht, false, idx);
			return 0;
		}
		len = s + len - last - 1;
		s = last + 1;
	}
	return param_field(b, s, len, ps->pos, p, type);
}

/* Whether a parameter of @type may fill synthetic field @f. */
static bool param_fits(const struct synth_field *f, const struct hist_var *type)
{
	switch (f->kind) {
	case SYNTH_NUM:
		if (type->kind != HVK_NUM)
			return false;
		return !strcmp(f->type, type->type) ||
		       (f->size == type->size &&
			f->base->is_signed == type->is_signed) ||
		       !strcmp(type->type, "u64") || !strcmp(type->type, "s64");
	case SYNTH_STR:
	case SYNTH_DYN_STR:
		return type->kind == HVK_STR;
	case SYNTH_STACK:
		return type->kind == HVK_STACK;
	default:
		return false;
	}
}

static int trace_bind(struct hist_bind *b, const struct hist_action_spec *as,
		      struct hist_action *a)
{
	struct hist_var type;
	char name[SYNTH_NAME_MAX];
	unsigned int i;

	if (as->synth_len >= sizeof(name))
		return herr(b, HERR_SYNTH_NOT_FOUND, as->synth_pos);
	memcpy(name, as->synth, as->synth_len);
	name[as->synth_len] = '\0';
	lockdep_assert_held(&dyn_event_mutex);
	a->se = synth_event_find(name);
	if (!a->se)
		return herr(b, HERR_SYNTH_NOT_FOUND, as->synth_pos);
	/* A module's event stays while the action may fire it. */
	if (a->se->mod && !try_module_get(a->se->mod)) {
		a->se = NULL;
		return herr(b, HERR_SYNTH_NOT_FOUND, as->synth_pos);
	}
	a->se->action_refs++;
	if (as->nr_params != a->se->def.n_fields)
		return herr(b, HERR_SYNTH_COUNT, as->synth_pos);
	for (i = 0; i < as->nr_params; i++) {
		memset(&type, 0, sizeof(type));
		if (param_bind(b, &as->params[i], &a->params[i], &type))
			return -EINVAL;
		if (!param_fits(&a->se->def.fields[i], &type))
			return herr(b, HERR_SYNTH_TYPE, as->params[i].pos);
	}
	a->nr_params = as->nr_params;
	return 0;
}

/* save(fields): fields of the record, copied into the entry. */
static int save_bind(struct hist_bind *b, const struct hist_action_spec *as,
		     struct hist_action *a)
{
	struct hist_var type;
	unsigned int i;

	for (i = 0; i < as->nr_params; i++) {
		const struct hist_param_spec *ps = &as->params[i];
		struct hist_param *p = &a->params[i];

		if (param_field(b, ps->s, ps->len, ps->pos, p, &type))
			return -EINVAL;
		p->slot = b->tab->priv_size;
		b->tab->priv_size += ALIGN(p->size, 8);
	}
	a->nr_params = as->nr_params;
	return 0;
}

static int action_bind(struct hist_bind *b, unsigned int i)
{
	const struct hist_action_spec *as = &b->spec->actions[i];
	struct hist_action *a = &b->ht->inter->actions[i];
	unsigned int v;

	a->handler = as->handler;
	a->action = as->action;
	a->pos = as->pos;
	a->bit = HIST_VARS_MAX + i;
	raw_spin_lock_init(&a->lock);
	snprintf(a->desc, sizeof(a->desc), "%.*s", (int)(as->arg + as->arg_len
		 + 1 - as->text), as->text);
	if (as->handler != HH_MATCH) {
		/* onmax($var), onchange($var): a variable of the trigger */
		if (as->arg_len < 2 || as->arg[0] != '$')
			return herr(b, HERR_TRACK_VAR, as->arg_pos);
		for (v = 0; v < b->spec->nr_vars; v++)
			if (b->spec->vars[v].len == as->arg_len - 1 &&
			    !memcmp(b->spec->vars[v].name, as->arg + 1,
				    as->arg_len - 1))
				break;
		if (v == b->spec->nr_vars || b->tab->vars[v].kind != HVK_NUM)
			return herr(b, HERR_TRACK_VAR, as->arg_pos);
		a->track = v;
		a->slot = b->tab->priv_size;
		b->tab->priv_size += sizeof(u64);
	}
	if (as->nr_params) {
		a->params = kcalloc(as->nr_params, sizeof(*a->params),
				    GFP_KERNEL);
		if (!a->params)
			return -ENOMEM;
	}
	switch (as->action) {
	case HA_TRACE:
		return trace_bind(b, as, a);
	case HA_SAVE:
		return save_bind(b, as, a);
	default:
		/* The snapshot buffer is allocated when the trigger is armed. */
		a->snap_key = kzalloc(HIST_KEY_SIZE_MAX, GFP_KERNEL);
		return a->snap_key ? 0 : -ENOMEM;
	}
}

/**
 * hist_actions_bind() - bind a command's handler.action pairs
 * @b: the binding; the variables are bound, and the table's priv_size
 *	is where the actions' slots start
 * @text: the listing, to which the pairs are added as written
 *
 * For a removal, only the text.
 *
 * Context: trace_mutex held; sleeps.
 * Return: 0, -EINVAL with the error set, or -ENOMEM; what was bound is
 * freed with hist_actions_free().
 */
int hist_actions_bind(struct hist_bind *b, struct seq_buf *text)
{
	struct hist_inter *hi = b->ht->inter;
	unsigned int i;
	int ret;

	for (i = 0; i < b->spec->nr_actions; i++)
		seq_buf_printf(text, ":%.*s", b->spec->actions[i].text_len,
			       b->spec->actions[i].text);
	if (b->remove || !b->spec->nr_actions)
		return 0;
	hi->actions = kcalloc(b->spec->nr_actions, sizeof(*hi->actions),
			      GFP_KERNEL);
	if (!hi->actions)
		return -ENOMEM;
	hi->nr_actions = b->spec->nr_actions;
	for (i = 0; i < hi->nr_actions; i++) {
		ret = action_bind(b, i);
		if (ret)
			return ret;
	}
	return 0;
}

/**
 * hist_actions_arm() - what a trigger's actions need of its instance
 * @hi: the trigger's state, bound
 * @tr: its instance
 * @err: why and where, on failure
 *
 * The snapshot buffer, for snapshot().  It stays allocated once the
 * trigger is set, as the snapshot trigger leaves it.
 *
 * Context: trace_mutex held; sleeps.
 * Return: 0, or the allocation's error with @err set and nothing
 * allocated.
 */
int hist_actions_arm(struct hist_inter *hi, struct trace_array *tr,
		     struct hist_error *err)
{
	unsigned int i;
	int ret;

	for (i = 0; i < hi->nr_actions; i++) {
		const struct hist_action *a = &hi->actions[i];

		if (a->action != HA_SNAPSHOT)
			continue;
		ret = trace_snapshot_alloc(tr);
		if (ret) {
			err->code = HERR_NO_SNAPSHOT;
			err->pos = a->pos;
			return ret;
		}
	}
	return 0;
}

/**
 * hist_actions_free() - release what hist_actions_bind() made
 * @hi: the trigger's state
 *
 * Hidden triggers on other events go with it.
 *
 * Context: trace_mutex held; sleeps.
 */
void hist_actions_free(struct hist_inter *hi)
{
	unsigned int i;

	for (i = 0; i < hi->nr_actions; i++) {
		struct hist_action *a = &hi->actions[i];

		if (a->se) {
			a->se->action_refs--;
			module_put(a->se->mod);
		}
		kfree(a->params);
		kfree(a->snap_key);
	}
	kfree(hi->actions);
	for (i = 0; i < hi->nr_fvars; i++) {
		struct hist_fvar *fv = hi->fvars[i];

		if (fv->t)
			trace_trigger_detach(fv->file, fv->t);
		fvar_put(fv);
	}
	kfree(hi->fvars);
}

/* Firing */

static u64 param_val(struct hist_hit *h, const struct hist_param *p)
{
	unsigned int max;

	switch (p->src) {
	case HPS_VAR:
		return h->vars[p->idx];
	case HPS_REF:
		return h->refs[p->idx];
	case HPS_STR:
		return (unsigned long)hist_load_str(&p->load, h->rec, &max);
	default:
		return hist_load_num(h->t, &p->load, 0, 0, h->rec);
	}
}

/*
 * Synthetic events fired by actions whose triggers fire more: a chain
 * stops at this depth, per CPU (a trigger on an event that fires that
 * same event would recurse without end).
 */
#define HIST_ACTION_DEPTH	4
static DEFINE_PER_CPU(unsigned int, hist_action_depth);

static void action_trace(struct hist_hit *h, const struct hist_action *a)
{
	u64 vals[HIST_PARAMS_MAX] __uninitialized;
	unsigned int i;

	/* Recording a synthetic event takes no lock, but not in NMI. */
	if (in_nmi())
		return;
	for (i = 0; i < a->nr_params; i++)
		vals[i] = param_val(h, &a->params[i]);
	if (this_cpu_inc_return(hist_action_depth) <= HIST_ACTION_DEPTH)
		synth_event_fire(a->se, vals);
	this_cpu_dec(hist_action_depth);
}

static void action_save(struct hist_hit *h, const struct hist_action *a)
{
	unsigned int i, max, n;
	const char *s;

	for (i = 0; i < a->nr_params; i++) {
		const struct hist_param *p = &a->params[i];
		char *dst = h->priv + p->slot;

		if (p->src != HPS_STR) {
			*(u64 *)dst = param_val(h, p);
			continue;
		}
		s = hist_load_str(&p->load, h->rec, &max);
		n = strnlen(s, min_t(unsigned int, max, p->size - 1));
		memcpy(dst, s, n);
		dst[n] = '\0';
	}
}

/* snapshot(): when the value passes the trigger's max, or changes. */
static void action_snapshot(struct hist_hit *h, struct hist_action *a, u64 v)
{
	bool take;

	if (!raw_spin_trylock(&a->lock))
		return;
	take = !a->snapped ||
	       (a->handler == HH_MAX ? v > a->snap_val : v != a->snap_val);
	if (take) {
		a->snapped = true;
		a->snap_val = v;
		a->snap_key_len = min_t(u32, h->key_len, HIST_KEY_SIZE_MAX);
		memcpy(a->snap_key, h->key, a->snap_key_len);
	}
	raw_spin_unlock(&a->lock);
	if (take)
		trace_snapshot_take(h->t->file->tr);
}

/**
 * hist_actions_run() - run a trigger's actions on a counted hit
 * @h: the hit: its variables are set
 *
 * Context: a probe, preemption disabled.
 */
void hist_actions_run(struct hist_hit *h)
{
	struct hist_inter *hi = h->ht->inter;
	unsigned long *set = h->priv + h->ht->table->set_off;
	unsigned int i;

	for (i = 0; i < hi->nr_actions; i++) {
		struct hist_action *a = &hi->actions[i];
		u64 v = h->vars[a->track], *cur = h->priv + a->slot;

		if (a->handler != HH_MATCH) {
			if (a->action == HA_SNAPSHOT) {
				action_snapshot(h, a, v);
				continue;
			}
			if (test_bit(a->bit, set) &&
			    (a->handler == HH_MAX ? v <= *cur : v == *cur))
				continue;
			*cur = v;
			set_bit(a->bit, set);
		}
		if (a->action == HA_SAVE)
			action_save(h, a);
		else
			action_trace(h, a);
	}
}

/**
 * hist_actions_show_entry() - an entry's saved state, under its line
 * @m: the hist file
 * @ht: the trigger
 * @priv: the entry's private data
 *
 * "\tmax: N  field: value ..." for each onmax().save() (or "changed:"
 * for onchange()) that has a value.
 *
 * Context: trace_mutex held.
 */
void hist_actions_show_entry(struct seq_file *m, const struct hist_trigger *ht,
			     const void *priv)
{
	const struct hist_inter *hi = ht->inter;
	const unsigned long *set = priv + ht->table->set_off;
	unsigned int i, j;

	for (i = 0; hi && i < hi->nr_actions; i++) {
		const struct hist_action *a = &hi->actions[i];

		if (a->action != HA_SAVE || !test_bit(a->bit, set))
			continue;
		seq_printf(m, "\t%s: %10llu",
			   a->handler == HH_MAX ? "max" : "changed",
			   *(const u64 *)(priv + a->slot));
		for (j = 0; j < a->nr_params; j++) {
			const struct hist_param *p = &a->params[j];

			if (p->src == HPS_STR)
				seq_printf(m, "  %s: %-16s", p->name,
					   (const char *)priv + p->slot);
			else
				seq_printf(m, "  %s: %10llu", p->name,
					   *(const u64 *)(priv + p->slot));
		}
		seq_puts(m, "\n\n");
	}
}

/**
 * hist_actions_show_snapshot() - the notice of a snapshot() that fired
 * @m: the hist file
 * @ht: the trigger
 *
 * Context: trace_mutex held.
 */
void hist_actions_show_snapshot(struct seq_file *m,
				const struct hist_trigger *ht)
{
	const struct hist_inter *hi = ht->inter;
	unsigned int i;

	for (i = 0; hi && i < hi->nr_actions; i++) {
		struct hist_action *a = &hi->actions[i];
		u8 key[HIST_KEY_SIZE_MAX];
		u32 len;
		u64 v;

		if (a->action != HA_SNAPSHOT || !READ_ONCE(a->snapped))
			continue;
		raw_spin_lock_irq(&a->lock);
		v = a->snap_val;
		len = a->snap_key_len;
		memcpy(key, a->snap_key, len);
		raw_spin_unlock_irq(&a->lock);
		seq_puts(m, "\nSnapshot taken (see tracing/snapshot).  Details:\n");
		seq_printf(m, "\ttriggering value { %s }: %10llu\n", a->desc, v);
		seq_puts(m, "\ttriggered by event with key: ");
		hist_key_print(m, ht->table, key, len);
		seq_putc(m, '\n');
	}
}
