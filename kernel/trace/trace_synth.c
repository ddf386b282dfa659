// SPDX-License-Identifier: GPL-2.0
/*
 * trace_synth.c - synthetic events: made from a definition, registered
 * as events of the "synthetic" system, listed in synthetic_events and
 * dynamic_events, printed, and removed with their module.
 *
 * Record layout (see trace_synth.h): after struct trace_entry, each
 * field at a multiple of 8 bytes: a number in an 8-byte slot (the format
 * file gives its own size), a char[N] string in N bytes rounded up to 8,
 * a fixed array likewise, and a dynamic string or stack as a u32 data
 * location ((length << 16) | offset from the start of the record), whose
 * data follows the fixed part in field order.
 *
 * A synthetic event made by a module (synth_event_create() and the gen
 * API with THIS_MODULE) pins the module while it is enabled, and goes
 * when the module goes, whatever its state.
 *
 * Locking: dyn_event_mutex for the list of events (trace_dynevent.h);
 * trace_mutex inside it for registration.  The tracing path and the
 * output read an event's definition without a lock: it is fixed until
 * the event is freed, after the event layer has waited for its users.
 */

#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "trace_array.h"
#include "trace_event_types.h"
#include "trace_output.h"
#include "trace_synth.h"

static struct dyn_event_operations synth_dyn_ops;

/* The synthetic event of a dynamic event, or NULL for another type. */
static struct synth_event *to_synth(struct dyn_event *ev)
{
	if (ev->ops != &synth_dyn_ops)
		return NULL;
	return container_of(ev, struct synth_event, devent);
}

/**
 * synth_event_find() - look a synthetic event up by name
 * @name: the event name
 *
 * Context: dyn_event_mutex held.
 * Return: the event, or NULL.
 */
struct synth_event *synth_event_find(const char *name)
{
	struct synth_event *se;
	struct dyn_event *ev;

	lockdep_assert_held(&dyn_event_mutex);
	for_each_dyn_event(ev) {
		se = to_synth(ev);
		if (se && !strcmp(se->def.name, name))
			return se;
	}
	return NULL;
}

/* The trace file's line: "name: field=value ..." */
static void print_field(struct trace_iterator *iter,
			const struct synth_field *f, const void *rec)
{
	struct trace_seq *s = &iter->seq;
	const void *slot = rec + f->offset;
	u32 loc = *(const u32 *)slot;
	const unsigned long *ip;
	u64 v;
	int i;

	trace_seq_printf(s, "%s=", f->name);
	/* Dynamic data must lie inside the record. */
	if ((f->kind == SYNTH_DYN_STR || f->kind == SYNTH_STACK) &&
	    (loc & 0xffff) + (loc >> 16) > iter->ent_size) {
		trace_seq_puts(s, "(bad)");
		return;
	}
	switch (f->kind) {
	case SYNTH_NUM:
		switch (f->base->size) {
		case 1:
			v = f->base->is_signed ? (s64)*(s8 *)slot : *(u8 *)slot;
			break;
		case 2:
			v = f->base->is_signed ? (s64)*(s16 *)slot : *(u16 *)slot;
			break;
		case 4:
			v = f->base->is_signed ? (s64)*(s32 *)slot : *(u32 *)slot;
			break;
		default:
			v = *(u64 *)slot;
		}
		/* Every format of the type table takes what it prints. */
		if (f->base->size == 8)
			trace_seq_printf(s, f->base->fmt, v);
		else
			trace_seq_printf(s, f->base->fmt, (int)v);
		break;
	case SYNTH_STR:
		trace_seq_printf(s, "%.*s", f->len, (const char *)slot);
		break;
	case SYNTH_ARRAY:
		trace_seq_puts(s, trace_print_array_seq(&iter->tmp_seq, slot,
							f->len, f->base->size));
		break;
	case SYNTH_DYN_STR:
		trace_seq_printf(s, "%.*s", loc >> 16,
				 (const char *)rec + (loc & 0xffff));
		break;
	case SYNTH_STACK:
		trace_seq_puts(s, "STACK:");
		ip = rec + (loc & 0xffff);
		for (i = 0; i < (loc >> 16) / sizeof(long); i++) {
			trace_seq_puts(s, "\n=> ");
			trace_print_sym(s, ip[i], READ_ONCE(iter->tr->flags) |
					TRACE_ITER_SYM_OFFSET);
		}
		break;
	}
}

static enum print_line_t synth_print(struct trace_iterator *iter, int flags,
				     struct trace_event *event)
{
	struct trace_event_call *call =
		container_of(event, struct trace_event_call, event);
	struct synth_event *se = synth_of_call(call);
	struct trace_seq *s = &iter->seq;
	int i;

	trace_seq_init(&iter->tmp_seq);
	trace_seq_printf(s, "%s: ", se->def.name);
	for (i = 0; i < se->def.n_fields; i++) {
		if (i)
			trace_seq_putc(s, ' ');
		print_field(iter, &se->def.fields[i], iter->ent);
	}
	trace_seq_putc(s, '\n');
	return trace_handle_return(s);
}

static struct trace_event_functions synth_funcs = {
	.trace	= synth_print,
};

/* The print format of the format file, in libtraceevent's terms. */
static char *make_print_fmt(const struct synth_def *def)
{
	struct seq_buf sb;
	char *buf;
	int i;

	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return NULL;
	seq_buf_init(&sb, buf, PAGE_SIZE);
	seq_buf_putc(&sb, '"');
	for (i = 0; i < def->n_fields; i++) {
		const struct synth_field *f = &def->fields[i];

		seq_buf_printf(&sb, "%s%s=%s", i ? " " : "", f->name,
			       f->kind == SYNTH_NUM ? f->base->fmt : "%s");
	}
	seq_buf_putc(&sb, '"');
	for (i = 0; i < def->n_fields; i++) {
		const struct synth_field *f = &def->fields[i];

		switch (f->kind) {
		case SYNTH_NUM:
		case SYNTH_STR:
			seq_buf_printf(&sb, ", REC->%s", f->name);
			break;
		case SYNTH_DYN_STR:
			seq_buf_printf(&sb, ", __get_str(%s)", f->name);
			break;
		case SYNTH_STACK:
			/* What libtraceevent can decode: the addresses. */
			seq_buf_printf(&sb, ", __print_array(__get_dynamic_array(%s), ",
				       f->name);
			seq_buf_printf(&sb, "__get_dynamic_array_len(%s) / %zu, %zu)",
				       f->name, sizeof(long), sizeof(long));
			break;
		case SYNTH_ARRAY:
			seq_buf_printf(&sb, ", __print_array(REC->%s, %u, %u)",
				       f->name, f->len, f->base->size);
			break;
		}
	}
	if (seq_buf_has_overflowed(&sb)) {
		kfree(buf);
		return NULL;
	}
	seq_buf_str(&sb);
	return buf;
}

/* A field as the event layer describes it, at the next 8-byte slot. */
static struct trace_event_fields field_desc(const struct synth_field *f)
{
	const struct synth_type *t = f->base;

	switch (f->kind) {
	case SYNTH_STR:
	case SYNTH_ARRAY:
		return (struct trace_event_fields) {
			.type = t->name, .name = f->name, .align = 8,
			.size = f->len * t->size, .len = f->len,
			.is_signed = t->is_signed, .filter_type = FILTER_OTHER,
		};
	case SYNTH_DYN_STR:
		return (struct trace_event_fields) {
			.type = "__data_loc char[]", .name = f->name,
			.size = 4, .align = 8, .filter_type = FILTER_DYN_STRING,
		};
	case SYNTH_STACK:
		return (struct trace_event_fields) {
			.type = "__data_loc unsigned long[]", .name = f->name,
			.size = 4, .align = 8, .filter_type = FILTER_OTHER,
		};
	default:
		return (struct trace_event_fields) {
			.type = t->name, .name = f->name, .size = t->size,
			.align = 8, .is_signed = t->is_signed,
			.filter_type = FILTER_OTHER,
		};
	}
}

/* Offsets of the fields, and their descriptions for the event layer. */
static int layout(struct synth_event *se)
{
	struct synth_def *def = &se->def;
	struct trace_event_fields *fa;
	unsigned int off = sizeof(struct trace_entry);
	int i;

	fa = kcalloc(def->n_fields + 1, sizeof(*fa), GFP_KERNEL);
	if (!fa)
		return -ENOMEM;
	for (i = 0; i < def->n_fields; i++) {
		struct synth_field *f = &def->fields[i];
		const struct trace_event_fields d = field_desc(f);

		/* define_fields_array() aligns each to 8 the same way. */
		off = ALIGN(off, 8);
		f->offset = min_t(unsigned int, off, SYNTH_FIXED_MAX);
		off += f->size;
		if (f->kind == SYNTH_DYN_STR || f->kind == SYNTH_STACK)
			se->n_dynamic++;
		memcpy(&fa[i], &d, sizeof(d));
	}
	se->fields_array = fa;
	se->fixed_size = off;
	return off > SYNTH_FIXED_MAX ? -E2BIG : 0;
}

static int synth_reg(struct trace_event_call *call, enum trace_reg type,
		     void *data)
{
	struct synth_event *se = synth_of_call(call);

	switch (type) {
	case TRACE_REG_REGISTER:
		/*
		 * Modules trace the file directly; hist actions fire every
		 * file on the list.
		 */
		if (se->mod && !try_module_get(se->mod))
			return -ENODEV;
		if (event_file_link(&se->files, data)) {
			module_put(se->mod);
			return -ENOMEM;
		}
		return 0;
	case TRACE_REG_UNREGISTER:
		event_file_unlink(&se->files, data);
		module_put(se->mod);
		return 0;
#ifdef CONFIG_PERF_EVENTS
	case TRACE_REG_PERF_REGISTER:
		/* No perf probe: refused as mainline refuses it. */
		return -ENODEV;
#endif
	default:
		return -EOPNOTSUPP;
	}
}

/**
 * synth_event_of_file() - the synthetic event of an event file
 * @file: an event file, of any event
 *
 * Exported for synth_event_gen_test, which reads its records back.
 *
 * Context: the caller holds the file (trace_get_event_file()).
 * Return: the event, or NULL when @file is not a live synthetic event's.
 */
struct synth_event *synth_event_of_file(struct trace_event_file *file)
{
	if (!file || (file->flags & EVENT_FILE_FL_FREED) ||
	    file->event_call->class->reg != synth_reg)
		return NULL;
	return synth_of_call(file->event_call);
}
EXPORT_SYMBOL_GPL(synth_event_of_file);

static void synth_event_free(struct synth_event *se)
{
	if (!se)
		return;
	kfree(se->call.print_fmt);
	kfree(se->fields_array);
	synth_def_free(&se->def);
	kfree(se);
}

/* Make and register the event of @def, which it takes over. */
static int synth_event_register(struct synth_def *def, struct module *mod)
{
	struct synth_event *se;
	int ret;

	se = kzalloc(sizeof(*se), GFP_KERNEL);
	if (!se) {
		synth_def_free(def);
		return -ENOMEM;
	}
	se->def = *def;
	memset(def, 0, sizeof(*def));
	se->mod = mod;
	INIT_LIST_HEAD(&se->files);
	ret = layout(se);
	if (ret)
		goto fail;
	ret = -ENOMEM;
	se->call.print_fmt = make_print_fmt(&se->def);
	if (!se->call.print_fmt)
		goto fail;
	se->class.system = SYNTH_SYSTEM;
	se->class.reg = synth_reg;
	se->class.fields_array = se->fields_array;
	se->class.raw_init = trace_event_raw_init;
	INIT_LIST_HEAD(&se->class.fields);
	se->call.class = &se->class;
	se->call.name = se->def.name;
	se->call.event.funcs = &synth_funcs;
	se->call.flags = TRACE_EVENT_FL_DYNAMIC;
	ret = trace_add_event_call(&se->call);
	if (ret)
		goto fail;
	dyn_event_add(&se->devent, &synth_dyn_ops);
	return 0;
fail:
	synth_event_free(se);
	return ret;
}

/**
 * synth_event_create_def() - create the event of a parsed definition
 * @def: the definition, taken over (freed on failure)
 * @mod: the module that owns the event, or NULL
 * @cmd: the command, for error_log; NULL to log nothing
 * @loc: error_log's location ("synthetic_events")
 * @name_pos: where the name is in @cmd
 *
 * Context: dyn_event_mutex held.
 * Return: 0, -EINVAL when the name is taken (logged), -E2BIG when the
 * fields are larger than a record may be, or the event layer's error.
 */
int synth_event_create_def(struct synth_def *def, struct module *mod,
			   const char *cmd, const char *loc, int name_pos)
{
	lockdep_assert_held(&dyn_event_mutex);
	if (synth_event_find(def->name)) {
		if (cmd)
			tracing_log_err(NULL, loc, cmd, synth_errs,
					SERR_EVENT_EXISTS, name_pos);
		synth_def_free(def);
		return -EINVAL;
	}
	return synth_event_register(def, mod);
}

/* Parse @cmd from @start and create the event; errors go to error_log. */
static int synth_create_cmd(const char *cmd, int start, struct module *mod)
{
	struct synth_parse_err err;
	struct synth_def def;
	int ret;

	ret = synth_parse(cmd, start, &def, &err);
	if (ret == -EINVAL)
		tracing_log_err(NULL, "synthetic_events", cmd, synth_errs,
				err.code, err.pos);
	if (ret)
		return ret;
	ret = synth_event_create_def(&def, mod, cmd, "synthetic_events",
				     skip_spaces(cmd + start) - cmd);
	/* The fields do not fit in a record. */
	if (ret == -E2BIG)
		tracing_log_err(NULL, "synthetic_events", cmd, synth_errs,
				SERR_TOO_MANY_FIELDS,
				skip_spaces(cmd + start) - cmd);
	return ret;
}

/**
 * synth_event_run_cmd() - create a synthetic event from its definition
 * @cmd: "name type field; ..."
 * @mod: the owning module, or NULL
 *
 * Context: process context; takes dyn_event_mutex.
 * Return: 0, -EINVAL (logged in error_log), or -ENOMEM.
 */
int synth_event_run_cmd(const char *cmd, struct module *mod)
{
	int ret;

	mutex_lock(&dyn_event_mutex);
	ret = synth_create_cmd(cmd, 0, mod);
	mutex_unlock(&dyn_event_mutex);
	return ret;
}

/* dynamic_events: "s:[synthetic/]name fields". */
static int synth_dyn_create(const char *cmd)
{
	const char *p = cmd + 2, *sep;

	if (cmd[0] != 's' || cmd[1] != ':')
		return -ECANCELED;
	/* A group, if any, comes before the first blank and is ours. */
	sep = strpbrk(p, "/ \t");
	if (sep && *sep == '/')
		p = str_has_prefix(p, SYNTH_SYSTEM "/") ? sep + 1 : NULL;
	if (!p || !*p || isspace(*p)) {
		tracing_log_err(NULL, "synthetic_events", cmd, synth_errs,
				SERR_INVALID_DYN_CMD, 0);
		return -EINVAL;
	}
	return synth_create_cmd(cmd, p - cmd, NULL);
}

static int synth_dyn_show(struct seq_file *m, struct dyn_event *ev)
{
	struct synth_event *se = container_of(ev, struct synth_event, devent);

	seq_printf(m, "s:%s/%s\t", SYNTH_SYSTEM, se->def.name);
	synth_show_fields(m, &se->def);
	return 0;
}

/* Context: dyn_event_mutex and trace_mutex held. */
static bool synth_dyn_is_busy(struct dyn_event *ev)
{
	struct synth_event *se = container_of(ev, struct synth_event, devent);

	return se->action_refs || __trace_event_call_busy(&se->call);
}

/* Context: dyn_event_mutex and trace_mutex held; the event is idle. */
static int synth_dyn_free(struct dyn_event *ev)
{
	struct synth_event *se = container_of(ev, struct synth_event, devent);

	__trace_event_call_remove(&se->call);
	synth_event_free(se);
	return 0;
}

/*
 * "-:[synthetic/]name [fields]", "-:synthetic/" (every one; @event NULL),
 * or "!s:[synthetic/]name fields" (all of them).
 */
static bool synth_dyn_match(struct dyn_event *ev, char kind,
			    const char *system, const char *event, int argc,
			    const char **argv)
{
	struct synth_event *se = container_of(ev, struct synth_event, devent);
	struct synth_parse_err err;
	struct synth_def def;
	size_t len;
	bool same;
	char *cmd;
	int i;

	if ((kind && kind != 's') || (event && strcmp(se->def.name, event)) ||
	    (system && strcmp(system, SYNTH_SYSTEM)))
		return false;
	if (!argc)
		return true;
	/* Compare the definition, parsed like a new one. */
	len = strlen(se->def.name) + 1;
	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	cmd = kmalloc(len, GFP_KERNEL);
	if (!cmd)
		return false;
	strscpy(cmd, se->def.name, len);
	for (i = 0; i < argc; i++) {
		strlcat(cmd, " ", len);
		strlcat(cmd, argv[i], len);
	}
	if (synth_parse(cmd, 0, &def, &err)) {
		kfree(cmd);
		return false;
	}
	same = synth_def_equal(&se->def, &def);
	synth_def_free(&def);
	kfree(cmd);
	return same;
}

static struct dyn_event_operations synth_dyn_ops = {
	.create		= synth_dyn_create,
	.show		= synth_dyn_show,
	.is_busy	= synth_dyn_is_busy,
	.free		= synth_dyn_free,
	.match		= synth_dyn_match,
};

/* synthetic_events: "name fields", "!name [fields]". */
static int synth_events_run(const char *line)
{
	char name[SYNTH_NAME_MAX + 1];

	if (line[0] != '!')
		return synth_event_run_cmd(line, NULL);
	line = skip_spaces(line + 1);
	if (sscanf(line, "%64s", name) != 1)
		return -EINVAL;
	return synth_event_delete(name);
}

static int synth_seq_show(struct seq_file *m, void *v)
{
	struct synth_event *se = to_synth(list_entry(v, struct dyn_event,
						    list));

	if (!se)
		return 0;
	seq_printf(m, "%s\t", se->def.name);
	synth_show_fields(m, &se->def);
	seq_putc(m, '\n');
	return 0;
}

static const struct seq_operations synth_seq_ops = {
	.start	= dyn_event_seq_start,
	.next	= dyn_event_seq_next,
	.stop	= dyn_event_seq_stop,
	.show	= synth_seq_show,
};

static int synth_events_open(struct inode *inode, struct file *filp)
{
	int ret;

	if ((filp->f_mode & FMODE_WRITE) && (filp->f_flags & O_TRUNC)) {
		ret = dyn_events_release_all(&synth_dyn_ops);
		if (ret)
			return ret;
	}
	return seq_open(filp, &synth_seq_ops);
}

static ssize_t synth_events_write(struct file *filp, const char __user *ubuf,
				  size_t cnt, loff_t *ppos)
{
	return dyn_event_write_lines(ubuf, cnt, ppos, synth_events_run);
}

static const struct file_operations synth_events_fops = {
	.open		= synth_events_open,
	.read		= seq_read,
	.write		= synth_events_write,
	.llseek		= seq_lseek,
	.release	= seq_release,
};

static const struct trace_file_spec synth_files[] = {
	{ "synthetic_events", TRACE_MODE_WRITE, &synth_events_fops,
	  .top_only = true },
};

/**
 * trace_synth_files_create() - create synthetic_events at the top level
 * @tr: the instance
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_synth_files_create(struct trace_array *tr)
{
	return trace_create_files(tr, tr->dir, synth_files,
				  ARRAY_SIZE(synth_files),
				  RING_BUFFER_ALL_CPUS);
}

#ifdef CONFIG_MODULES
/* A module that goes takes its events along, enabled or not. */
static int synth_module_notify(struct notifier_block *nb, unsigned long val,
			       void *data)
{
	struct module *mod = data;
	struct dyn_event *ev, *n;
	struct synth_event *se;

	if (val != MODULE_STATE_GOING)
		return NOTIFY_DONE;
	mutex_lock(&dyn_event_mutex);
	mutex_lock(&trace_mutex);
	for_each_dyn_event_safe(ev, n) {
		se = to_synth(ev);
		if (!se || se->mod != mod)
			continue;
		list_del(&ev->list);
		__trace_event_call_remove(&se->call);
		synth_event_free(se);
	}
	mutex_unlock(&trace_mutex);
	mutex_unlock(&dyn_event_mutex);
	return NOTIFY_OK;
}

static struct notifier_block synth_module_nb = {
	.notifier_call	= synth_module_notify,
};
#endif

static int __init trace_synth_init(void)
{
	int ret = dyn_event_register(&synth_dyn_ops);

#ifdef CONFIG_MODULES
	if (!ret)
		ret = register_module_notifier(&synth_module_nb);
#endif
	return ret;
}
early_initcall(trace_synth_init);
