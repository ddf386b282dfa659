// SPDX-License-Identifier: GPL-2.0
/*
 * trace_synth_api.c - the in-kernel API of synthetic events: creating
 * them (in one call, or by building a command), deleting them, and
 * tracing them (in one call, or field by field).
 *
 * Values are u64s: numbers as they are, strings and arrays as pointers,
 * a stack as a pointer to its number of entries followed by the entries.
 * A trace checks its values against the event before it records
 * anything: the wrong number of values, an unknown field name, or a
 * mix of the two piecewise styles is refused with -EINVAL, and a
 * piecewise trace that did not set every field exactly records nothing.
 * A disabled event is not an error: nothing is recorded and 0 returned.
 *
 * Locking: creating and deleting take dyn_event_mutex (trace_synth.c).
 * Tracing takes no lock: the caller holds the event file from
 * trace_get_event_file(), which keeps the event; the record is reserved
 * and committed with preemption disabled, which a piecewise trace keeps
 * disabled from synth_event_trace_start() to synth_event_trace_end().
 */

#include <linux/export.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/stdarg.h>
#include <linux/string.h>

#include "trace_event_types.h"
#include "trace_synth.h"

/* ---- Creating and deleting */

static int synth_run_command(struct dynevent_cmd *cmd)
{
	return synth_event_run_cmd(cmd->seq.buffer, cmd->private_data);
}

/**
 * synth_event_cmd_init() - prepare a command that defines a synthetic event
 * @cmd: the command
 * @buf: its buffer
 * @maxlen: the buffer's size (MAX_DYNEVENT_CMD_LEN)
 *
 * Context: any.
 */
void synth_event_cmd_init(struct dynevent_cmd *cmd, char *buf, int maxlen)
{
	dynevent_cmd_init(cmd, buf, maxlen, DYNEVENT_TYPE_SYNTH,
			  synth_run_command);
}
EXPORT_SYMBOL_GPL(synth_event_cmd_init);

/* A field must parse on its own before it joins the command. */
static int check_field(void *arg)
{
	struct dynevent_arg_pair *pair = arg;
	struct synth_field f;
	int ret;

	ret = synth_parse_field(pair->lhs, pair->rhs, &f);
	if (ret)
		return ret;
	kfree(f.name);
	kfree(f.type);
	return 0;
}

/**
 * synth_event_add_field() - add a field to a synthetic event command
 * @cmd: the command, started with synth_event_gen_cmd_start()
 * @type: the field's type ("u64", "char[16]", "unsigned long[]")
 * @name: its name, which may carry the array suffix ("comm[16]")
 *
 * Context: process context.
 * Return: 0; -EINVAL for another type of command, a bad field or more
 * than SYNTH_FIELDS_MAX fields; -E2BIG when the command is full.
 */
int synth_event_add_field(struct dynevent_cmd *cmd, const char *type,
			  const char *name)
{
	struct dynevent_arg_pair pair;
	int ret;

	if (!cmd || cmd->type != DYNEVENT_TYPE_SYNTH || !type || !name ||
	    cmd->n_fields >= SYNTH_FIELDS_MAX)
		return -EINVAL;
	dynevent_arg_pair_init(&pair, check_field, 0, ';');
	pair.lhs = type;
	pair.rhs = name;
	ret = dynevent_arg_pair_add(cmd, &pair);
	if (!ret)
		cmd->n_fields++;
	return ret;
}
EXPORT_SYMBOL_GPL(synth_event_add_field);

/**
 * synth_event_add_field_str() - add a field written as "type name"
 * @cmd: the command
 * @type_name: the field; a ';' is appended
 *
 * Context: process context.
 * Return: as synth_event_add_field().
 */
int synth_event_add_field_str(struct dynevent_cmd *cmd, const char *type_name)
{
	struct dynevent_arg arg;
	int ret;

	if (!cmd || cmd->type != DYNEVENT_TYPE_SYNTH || !type_name ||
	    cmd->n_fields >= SYNTH_FIELDS_MAX)
		return -EINVAL;
	dynevent_arg_init(&arg, NULL, ';');
	arg.str = type_name;
	ret = dynevent_arg_add(cmd, &arg);
	if (!ret)
		cmd->n_fields++;
	return ret;
}
EXPORT_SYMBOL_GPL(synth_event_add_field_str);

/**
 * synth_event_add_fields() - add an array of fields
 * @cmd: the command
 * @fields: the fields
 * @n_fields: how many
 *
 * Stops at the first field refused.
 *
 * Context: process context.
 * Return: as synth_event_add_field().
 */
int synth_event_add_fields(struct dynevent_cmd *cmd,
			   struct synth_field_desc *fields,
			   unsigned int n_fields)
{
	unsigned int i;
	int ret;

	if (!fields && n_fields)
		return -EINVAL;
	for (i = 0; i < n_fields; i++) {
		ret = synth_event_add_field(cmd, fields[i].type,
					    fields[i].name);
		if (ret)
			return ret;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(synth_event_add_fields);

static int gen_cmd_name(struct dynevent_cmd *cmd, const char *name,
			struct module *mod)
{
	struct dynevent_arg arg;

	if (!cmd || cmd->type != DYNEVENT_TYPE_SYNTH || !name)
		return -EINVAL;
	if (cmd->seq.len)
		return -EINVAL;		/* started already */
	cmd->event_name = name;
	cmd->private_data = mod;
	dynevent_arg_init(&arg, NULL, 0);
	arg.str = name;
	return dynevent_arg_add(cmd, &arg);
}

/**
 * __synth_event_gen_cmd_start() - start a synthetic event command
 * @cmd: the command, from synth_event_cmd_init()
 * @name: the event name
 * @mod: the owning module (THIS_MODULE), or NULL
 * @...: pairs of type and name strings, ended by NULL (which
 *	synth_event_gen_cmd_start() adds)
 *
 * Context: process context.
 * Return: as synth_event_add_field(); -EINVAL for a type without a name.
 */
int __synth_event_gen_cmd_start(struct dynevent_cmd *cmd, const char *name,
				struct module *mod, ...)
{
	const char *type, *field;
	va_list args;
	int ret;

	ret = gen_cmd_name(cmd, name, mod);
	if (ret)
		return ret;
	va_start(args, mod);
	while ((type = va_arg(args, const char *)) != NULL) {
		field = va_arg(args, const char *);
		ret = field ? synth_event_add_field(cmd, type, field) : -EINVAL;
		if (ret)
			break;
	}
	va_end(args);
	return ret;
}
EXPORT_SYMBOL_GPL(__synth_event_gen_cmd_start);

/**
 * synth_event_gen_cmd_array_start() - start a command with an array of
 *	fields
 * @cmd: the command, from synth_event_cmd_init()
 * @name: the event name
 * @mod: the owning module (THIS_MODULE), or NULL
 * @fields: the fields
 * @n_fields: how many
 *
 * Context: process context.
 * Return: as synth_event_add_field().
 */
int synth_event_gen_cmd_array_start(struct dynevent_cmd *cmd, const char *name,
				    struct module *mod,
				    struct synth_field_desc *fields,
				    unsigned int n_fields)
{
	int ret = gen_cmd_name(cmd, name, mod);

	return ret ?: synth_event_add_fields(cmd, fields, n_fields);
}
EXPORT_SYMBOL_GPL(synth_event_gen_cmd_array_start);

/**
 * synth_event_create() - create a synthetic event in one call
 * @name: the event name
 * @fields: its fields
 * @n_fields: how many
 * @mod: the owning module (THIS_MODULE), or NULL
 *
 * Context: process context; sleeps.
 * Return: 0; -EINVAL for a bad definition or a name in use; -ENOMEM;
 * -E2BIG when the definition is longer than MAX_DYNEVENT_CMD_LEN.
 */
int synth_event_create(const char *name, struct synth_field_desc *fields,
		       unsigned int n_fields, struct module *mod)
{
	struct dynevent_cmd cmd;
	char *buf;
	int ret;

	buf = kzalloc(MAX_DYNEVENT_CMD_LEN, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	synth_event_cmd_init(&cmd, buf, MAX_DYNEVENT_CMD_LEN);
	ret = synth_event_gen_cmd_array_start(&cmd, name, mod, fields,
					      n_fields);
	if (!ret)
		ret = synth_event_gen_cmd_end(&cmd);
	kfree(buf);
	return ret;
}
EXPORT_SYMBOL_GPL(synth_event_create);

/**
 * synth_event_delete() - delete a synthetic event
 * @name: the event name
 *
 * Context: process context; sleeps.
 * Return: 0, -ENOENT when there is none, -EBUSY while it is in use
 * (enabled, with triggers, or held with trace_get_event_file()).
 */
int synth_event_delete(const char *name)
{
	struct synth_event *se;
	int ret = -ENOENT;

	if (!name)
		return -EINVAL;
	mutex_lock(&dyn_event_mutex);
	se = synth_event_find(name);
	if (se)
		ret = __dyn_event_remove(&se->devent);
	mutex_unlock(&dyn_event_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(synth_event_delete);

/* ---- Filling a record */

static inline u32 data_loc(unsigned int off, unsigned int len)
{
	return (len << 16) | off;
}

/* Bytes of a dynamic field's data after the fixed part; 0 if not dynamic. */
static unsigned int dyn_len(const struct synth_field *f, u64 val)
{
	const unsigned long *stack = (const unsigned long *)(unsigned long)val;

	switch (f->kind) {
	case SYNTH_DYN_STR:
		return val ? strnlen((const char *)stack, SYNTH_STR_MAX - 1) + 1
			   : 1;
	case SYNTH_STACK:
		return stack ? min_t(unsigned long, stack[0], SYNTH_STACK_MAX) *
			       sizeof(long) : 0;
	default:
		return 0;
	}
}

/*
 * A field that is not a plain number: a string or array copied in, or
 * dynamic data at @off, cut to @end should a string have grown since
 * dyn_len() measured it.  Returns the offset after its dynamic data.
 */
static noinline unsigned int store_slow(const struct synth_field *f,
					void *rec, u64 val, unsigned int off,
					unsigned int end)
{
	const void *p = (const void *)(unsigned long)val;
	void *slot = rec + f->offset;
	unsigned int len;

	switch (f->kind) {
	case SYNTH_STR:
		if (p)
			strscpy_pad(slot, p, f->len);
		else
			memset(slot, 0, f->len);
		return off;
	case SYNTH_ARRAY:
		len = f->len * f->base->size;
		if (p)
			memcpy(slot, p, len);
		else
			memset(slot, 0, len);
		return off;
	case SYNTH_DYN_STR:
		len = min(dyn_len(f, val), end - off);
		if (len) {
			if (p)
				memcpy(rec + off, p, len - 1);
			((char *)rec)[off + len - 1] = '\0';
		}
		break;
	case SYNTH_STACK:
		len = rounddown(min(dyn_len(f, val), end - off), sizeof(long));
		if (len)
			memcpy(rec + off, (const unsigned long *)p + 1, len);
		break;
	default:
		return off;
	}
	*(u32 *)slot = data_loc(off, len);
	return off + len;
}

static __always_inline unsigned int store(const struct synth_field *f,
					  void *rec, u64 val,
					  unsigned int off, unsigned int end)
{
	if (likely(f->kind == SYNTH_NUM)) {
		*(u64 *)(rec + f->offset) = val;
		return off;
	}
	return store_slow(f, rec, val, off, end);
}

/* ---- Tracing in one call */

/* Where the values come from: an array, or a va_list. */
struct synth_vals {
	const u64	*array;
	va_list		*args;
};

static __always_inline u64 next_val(struct synth_vals *v, unsigned int i)
{
	return v->array ? v->array[i] : va_arg(*v->args, u64);
}

static unsigned int vals_dyn_len(const struct synth_event *se,
				 const struct synth_vals *vals)
{
	struct synth_vals v = *vals;
	unsigned int i, len = 0;
	va_list copy;

	if (v.args) {
		va_copy(copy, *vals->args);
		v.args = &copy;
	}
	for (i = 0; i < se->def.n_fields; i++)
		len += dyn_len(&se->def.fields[i], next_val(&v, i));
	if (v.args)
		va_end(copy);
	return len;
}

static __always_inline int synth_trace(struct trace_event_file *file,
				       unsigned int n_vals,
				       struct synth_vals *vals)
{
	struct synth_event *se = synth_event_of_file(file);
	struct trace_event_buffer fbuffer __uninitialized;
	unsigned int i, off, end, len = 0;
	void *rec;

	if (!se || n_vals != se->def.n_fields)
		return -EINVAL;
	if (!(file->flags & EVENT_FILE_FL_ENABLED))
		return 0;
	if (unlikely(se->n_dynamic))
		len = vals_dyn_len(se, vals);

	guard(preempt_notrace)();
	if (trace_trigger_soft_disabled(file))
		return 0;
	rec = trace_event_buffer_reserve(&fbuffer, file, se->fixed_size + len);
	if (!rec)
		return 0;
	off = se->fixed_size;
	end = off + len;
	for (i = 0; i < n_vals; i++)
		off = store(&se->def.fields[i], rec, next_val(vals, i), off,
			    end);
	trace_event_buffer_commit(&fbuffer);
	return 0;
}

/**
 * synth_event_trace() - trace a synthetic event in one call
 * @file: the event's file, from trace_get_event_file()
 * @n_vals: the number of values, which must be the number of fields
 * @...: the values, as u64, in field order
 *
 * Context: any context but NMI; the strings and arrays passed must be
 * readable.
 * Return: 0 (also when the event is disabled or filtered out), or
 * -EINVAL for a file that is not a synthetic event's or the wrong
 * number of values (nothing is recorded).
 */
int synth_event_trace(struct trace_event_file *file, unsigned int n_vals, ...)
{
	struct synth_vals vals = { };
	va_list args;
	int ret;

	va_start(args, n_vals);
	vals.args = &args;
	ret = synth_trace(file, n_vals, &vals);
	va_end(args);
	return ret;
}
EXPORT_SYMBOL_GPL(synth_event_trace);

/**
 * synth_event_trace_array() - trace a synthetic event from an array
 * @file: the event's file, from trace_get_event_file()
 * @vals: the values, in field order
 * @n_vals: how many, which must be the number of fields
 *
 * Context: as synth_event_trace().
 * Return: as synth_event_trace().
 */
int synth_event_trace_array(struct trace_event_file *file, u64 *vals,
			    unsigned int n_vals)
{
	struct synth_vals v = { .array = vals };

	if (!vals)
		return -EINVAL;
	return synth_trace(file, n_vals, &v);
}
EXPORT_SYMBOL_GPL(synth_event_trace_array);

/**
 * synth_event_fire() - trace a synthetic event into every file recording it
 * @se: the event
 * @vals: a value per field, in field order (strings and stacks as
 *	pointers, as synth_event_trace_array() takes them)
 *
 * For hist actions, which fire the event in whatever instance records
 * it.
 *
 * Context: a probe, preemption disabled; not NMI.
 */
void synth_event_fire(struct synth_event *se, const u64 *vals)
{
	struct synth_vals v = { .array = vals };
	struct event_file_link *link;

	list_for_each_entry_rcu(link, &se->files, list)
		synth_trace(link->file, se->def.n_fields, &v);
}

/* ---- Tracing piecewise */

/*
 * struct synth_event_trace_state is mainline's, in linux/trace_events.h.
 * Its fields are used so:
 *  event       the event; NULL once a call was refused in a way that
 *              makes the trace record nothing (too many values)
 *  entry       the reserved record, NULL when the event is disabled
 *  cur_field   by position: the next field; by name: the low 32 bits
 *  n_u64       by name: the high 32 bits of the mask of fields set
 *  add_next, add_name  the style in use
 */
static inline u64 names_set(const struct synth_event_trace_state *st)
{
	return (u64)st->n_u64 << 32 | st->cur_field;
}

static inline void names_mark(struct synth_event_trace_state *st,
			      unsigned int i)
{
	u64 mask = names_set(st) | BIT_ULL(i);

	st->cur_field = lower_32_bits(mask);
	st->n_u64 = upper_32_bits(mask);
}

/**
 * synth_event_trace_start() - reserve a synthetic event's record, to be
 *	filled field by field
 * @file: the event's file, from trace_get_event_file()
 * @trace_state: the state of this trace, zeroed here
 *
 * Preemption stays disabled until synth_event_trace_end(), which must be
 * called whatever happens in between, and soon.
 *
 * Context: any context but NMI.
 * Return: 0 (also when the event is disabled: the adds are then checked
 * but nothing is recorded); -EINVAL for a file that is not a synthetic
 * event's or an event with a dynamic string or stack field.
 */
int synth_event_trace_start(struct trace_event_file *file,
			    struct synth_event_trace_state *trace_state)
{
	struct synth_event *se = synth_event_of_file(file);

	if (!trace_state)
		return -EINVAL;
	memset(trace_state, 0, sizeof(*trace_state));
	if (!se || se->n_dynamic)
		return -EINVAL;
	trace_state->event = se;
	trace_state->disabled = true;
	if (!(file->flags & EVENT_FILE_FL_ENABLED))
		return 0;
	preempt_disable_notrace();
	if (!trace_trigger_soft_disabled(file))
		trace_state->entry =
			trace_event_buffer_reserve(&trace_state->fbuffer, file,
						   se->fixed_size);
	if (!trace_state->entry) {
		preempt_enable_notrace();
		return 0;
	}
	trace_state->buffer = trace_state->fbuffer.buffer;
	trace_state->disabled = false;
	return 0;
}
EXPORT_SYMBOL_GPL(synth_event_trace_start);

/**
 * synth_event_add_next_val() - set the next field of a piecewise trace
 * @val: the value
 * @trace_state: the trace, from synth_event_trace_start()
 *
 * Context: between synth_event_trace_start() and _end().
 * Return: 0; -EINVAL after synth_event_add_val() in the same trace, or
 * for a value past the last field (the trace then records nothing).
 */
int synth_event_add_next_val(u64 val,
			     struct synth_event_trace_state *trace_state)
{
	struct synth_event *se;

	if (!trace_state || !trace_state->event || trace_state->add_name)
		return -EINVAL;
	se = trace_state->event;
	trace_state->add_next = true;
	if (trace_state->cur_field >= se->def.n_fields) {
		trace_state->event = NULL;
		return -EINVAL;
	}
	if (trace_state->entry)
		store(&se->def.fields[trace_state->cur_field],
		      trace_state->entry, val, se->fixed_size, se->fixed_size);
	trace_state->cur_field++;
	return 0;
}
EXPORT_SYMBOL_GPL(synth_event_add_next_val);

/**
 * synth_event_add_val() - set a field of a piecewise trace by name
 * @field_name: the field
 * @val: the value
 * @trace_state: the trace, from synth_event_trace_start()
 *
 * Context: between synth_event_trace_start() and _end().
 * Return: 0; -EINVAL for an unknown field (nothing is changed) or after
 * synth_event_add_next_val() in the same trace.
 */
int synth_event_add_val(const char *field_name, u64 val,
			struct synth_event_trace_state *trace_state)
{
	struct synth_event *se;
	int i;

	if (!trace_state || !trace_state->event || !field_name ||
	    trace_state->add_next)
		return -EINVAL;
	se = trace_state->event;
	for (i = 0; i < se->def.n_fields; i++)
		if (!strcmp(se->def.fields[i].name, field_name))
			break;
	if (i == se->def.n_fields)
		return -EINVAL;
	trace_state->add_name = true;
	if (trace_state->entry)
		store(&se->def.fields[i], trace_state->entry, val,
		      se->fixed_size, se->fixed_size);
	names_mark(trace_state, i);
	return 0;
}
EXPORT_SYMBOL_GPL(synth_event_add_val);

/**
 * synth_event_trace_end() - record a piecewise trace and end it
 * @trace_state: the trace, from synth_event_trace_start()
 *
 * The record is committed if every field was set exactly once by
 * position, or at least once by name, and nothing was refused in a way
 * that spoils the trace; otherwise it is given back unrecorded.  Either
 * way what synth_event_trace_start() reserved is released.
 *
 * Context: after synth_event_trace_start(), in the same context.
 * Return: 0, or -EINVAL when the trace was incomplete or spoilt.
 */
int synth_event_trace_end(struct synth_event_trace_state *trace_state)
{
	struct synth_event *se;
	bool complete = false;

	if (!trace_state)
		return -EINVAL;
	se = trace_state->event;
	if (se && trace_state->add_name)
		complete = names_set(trace_state) ==
			   GENMASK_ULL(se->def.n_fields - 1, 0);
	else if (se)
		complete = trace_state->cur_field == se->def.n_fields;
	if (trace_state->entry) {
		if (complete)
			trace_event_buffer_commit(&trace_state->fbuffer);
		else
			trace_event_buffer_discard(&trace_state->fbuffer);
		preempt_enable_notrace();
	}
	trace_state->entry = NULL;
	trace_state->event = NULL;
	trace_state->disabled = true;
	return complete ? 0 : -EINVAL;
}
EXPORT_SYMBOL_GPL(synth_event_trace_end);
