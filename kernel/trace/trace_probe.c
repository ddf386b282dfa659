// SPDX-License-Identifier: GPL-2.0
/*
 * trace_probe.c - the trace events that probes feed.
 *
 * A probe event (struct trace_probe_event) is a run-time event in its own
 * group, fed by one probe or by several (kprobes on different places with
 * the same argument layout: "multiprobe").  This file makes the event
 * (fields, print format, trace output), keeps the probes that feed it,
 * keeps the instances' files that record it, and writes the records.
 *
 * An event owns its fields (names and types): the class's field list,
 * hence the format file, filters, hist and event probes on it, point
 * into them, so they live as long as the event, whichever probes come
 * and go.
 *
 * Locking: dyn_event_mutex for the list of probe events; trace_mutex
 * inside it for registration and for the files list, which the hit reads
 * under RCU (preemption disabled).  An event's probes change under both,
 * so that its reg(), under trace_mutex, arms every probe that feeds it.
 */

#include <linux/rculist.h>
#include <linux/slab.h>
#include <trace/stages/gate.h>

#include "trace_array.h"
#include "trace_event_types.h"
#include "trace_output.h"
#include "trace_perf.h"
#include "trace_probe.h"

/* Every probe event, under dyn_event_mutex. */
static LIST_HEAD(probe_events);

static struct trace_probe_event *to_pe(struct trace_event_call *call)
{
	return container_of(call, struct trace_probe_event, call);
}

/**
 * probe_event_find() - look a probe event up
 * @group: its group
 * @event: its name
 *
 * Context: dyn_event_mutex held.
 * Return: the event, or NULL.
 */
struct trace_probe_event *probe_event_find(const char *group,
					   const char *event)
{
	struct trace_probe_event *pe;

	lockdep_assert_held(&dyn_event_mutex);
	list_for_each_entry(pe, &probe_events, list)
		if (!strcmp(pe->class.system, group) &&
		    !strcmp(pe->call.name, event))
			return pe;
	return NULL;
}

/* The trace line: "name: (where) arg=value ...". */
static enum print_line_t probe_print(struct trace_iterator *iter, int flags,
				     struct trace_event *event)
{
	struct trace_probe_event *pe =
		to_pe(container_of(event, struct trace_event_call, event));
	const unsigned long *head = (void *)iter->ent +
				    sizeof(struct trace_entry);
	struct trace_seq *s = &iter->seq;

	trace_seq_printf(s, "%s: (", pe->call.name);
	if (pe->is_return)
		trace_seq_printf(s, "%pS <- %ps", (void *)head[1],
				 (void *)head[0]);
	else if (pe->head_size)
		trace_seq_printf(s, "%pS", (void *)head[0]);
	else
		trace_seq_puts(s, pe->call.data ?: "");
	trace_seq_putc(s, ')');
	probe_print_fields(s, pe->fields, pe->nr_fields, iter->ent,
			   iter->ent_size);
	trace_seq_putc(s, '\n');
	return trace_handle_return(s);
}

static struct trace_event_functions probe_funcs = {
	.trace	= probe_print,
};

static int probe_define_fields(struct trace_event_call *call)
{
	struct trace_probe_event *pe = to_pe(call);
	unsigned int off = sizeof(struct trace_entry);
	int i, ret = 0;

	if (pe->is_return) {
		ret = trace_define_field(call, "unsigned long", "__probe_func",
					 off, sizeof(long), 0, FILTER_OTHER);
		ret = ret ?: trace_define_field(call, "unsigned long",
						"__probe_ret_ip",
						off + sizeof(long),
						sizeof(long), 0, FILTER_OTHER);
	} else if (pe->head_size) {
		ret = trace_define_field(call, "unsigned long", "__probe_ip",
					 off, sizeof(long), 0, FILTER_OTHER);
	}
	/* trace_define_field() keeps the names and types: the event owns them. */
	for (i = 0; !ret && i < pe->nr_fields; i++) {
		const struct probe_field *f = &pe->fields[i];
		const struct fetch_type *t = f->type;

		ret = trace_define_field(call, f->type_name ?: t->field, f->name,
					 f->offset,
					 t->size * (f->count ?: 1), t->is_signed,
					 f->dynamic ? FILTER_DYN_STRING :
						      FILTER_OTHER);
	}
	return ret;
}

static struct trace_event_fields probe_fields[] = {
	{ .type = TRACE_FUNCTION_TYPE, .define_fields = probe_define_fields },
	{}
};

/* A string being written, or measured: @len counts what did not fit. */
struct fmt_buf {
	char	*buf;
	int	size;
	int	len;
};

static __printf(2, 3) void fmt_add(struct fmt_buf *fb, const char *fmt, ...)
{
	int room = fb->len < fb->size ? fb->size - fb->len : 0;
	va_list ap;

	va_start(ap, fmt);
	fb->len += vsnprintf(room ? fb->buf + fb->len : NULL, room, fmt, ap);
	va_end(ap);
}

/* The print format of the format file, in libtraceevent's terms. */
static void print_fmt_write(const struct trace_probe_event *pe,
			    struct fmt_buf *fb)
{
	int i, j;

	if (pe->is_return)
		fmt_add(fb, "\"(%%lx <- %%lx)");
	else if (pe->head_size)
		fmt_add(fb, "\"(%%lx)");
	else
		fmt_add(fb, "\"");
	for (i = 0; i < pe->nr_fields; i++) {
		const struct probe_field *f = &pe->fields[i];

		fmt_add(fb, " %s=", f->name);
		if (!f->count) {
			fmt_add(fb, "%s", f->type->fmt);
			continue;
		}
		fmt_add(fb, "{");
		for (j = 0; j < f->count; j++)
			fmt_add(fb, "%s%s", j ? "," : "", f->type->fmt);
		fmt_add(fb, "}");
	}
	fmt_add(fb, "\"");
	if (pe->is_return)
		fmt_add(fb, ", REC->__probe_func, REC->__probe_ret_ip");
	else if (pe->head_size)
		fmt_add(fb, ", REC->__probe_ip");
	for (i = 0; i < pe->nr_fields; i++) {
		const struct probe_field *f = &pe->fields[i];

		if (f->dynamic)
			fmt_add(fb, ", __get_str(%s)", f->name);
		else if (!f->count)
			fmt_add(fb, ", REC->%s", f->name);
		for (j = 0; j < f->count; j++)
			fmt_add(fb, ", REC->%s[%d]", f->name, j);
	}
}

/* The print format, measured first, then written in a buffer its size. */
static char *make_print_fmt(const struct trace_probe_event *pe)
{
	struct fmt_buf fb = {};

	print_fmt_write(pe, &fb);
	fb.size = fb.len + 1;
	fb.len = 0;
	fb.buf = kmalloc(fb.size, GFP_KERNEL);
	if (fb.buf)
		print_fmt_write(pe, &fb);
	return fb.buf;
}

static void probe_event_free(struct trace_probe_event *pe)
{
	probe_fields_free(pe->fields, pe->nr_fields);
	kfree(pe->call.print_fmt);
	kfree(pe->call.name);
	kfree(pe->class.system);
	kfree(pe->call.data);
	kfree(pe);
}

/* A new event for @tp, in no list yet. */
static struct trace_probe_event *
probe_event_new(struct trace_probe *tp, const struct probe_event_spec *spec)
{
	unsigned int fixed = sizeof(struct trace_entry) + spec->head_size;
	struct trace_probe_event *pe;
	int i;

	pe = kzalloc(sizeof(*pe), GFP_KERNEL);
	if (!pe)
		return NULL;
	INIT_LIST_HEAD(&pe->probes);
	INIT_LIST_HEAD(&pe->files);
	pe->is_return = spec->is_return;
	pe->head_size = spec->head_size;
	for (i = 0; i < tp->nr_args; i++)
		fixed = max(fixed, tp->args[i].offset + tp->args[i].type->size *
			    (tp->args[i].count ?: 1));
	pe->fixed_size = fixed;
	if (tp->nr_args) {
		pe->fields = probe_fields_new(tp->args, tp->nr_args);
		if (!pe->fields)
			goto fail;
		pe->nr_fields = tp->nr_args;
	}
	pe->class.system = kstrdup(spec->group, GFP_KERNEL);
	pe->call.name = kstrdup(spec->event, GFP_KERNEL);
	pe->call.print_fmt = make_print_fmt(pe);
	if (!pe->class.system || !pe->call.name || !pe->call.print_fmt)
		goto fail;
	if (spec->where) {
		pe->call.data = kstrdup(spec->where, GFP_KERNEL);
		if (!pe->call.data)
			goto fail;
	}
	pe->class.fields_array = probe_fields;
	pe->class.reg = spec->reg;
	pe->class.raw_init = trace_event_raw_init;
	INIT_LIST_HEAD(&pe->class.fields);
	pe->call.class = &pe->class;
	pe->call.event.funcs = &probe_funcs;
	pe->call.flags = TRACE_EVENT_FL_DYNAMIC | spec->flags;
	return pe;
fail:
	probe_event_free(pe);
	return NULL;
}

/* Whether @group/@event is taken by an event that is not a probe's. */
static bool name_taken(const char *group, const char *event)
{
	bool taken;

	mutex_lock(&trace_mutex);
	taken = __trace_find_event_file(&global_trace, group, event);
	mutex_unlock(&trace_mutex);
	return taken;
}

/**
 * probe_event_create() - make a new event for @tp, and register it
 * @tp:   the probe, with its arguments, which give the event's fields
 * @spec: the event
 * @err:  the error, on -EEXIST
 *
 * The event is complete, @tp in its probes, before the event layer has
 * it: from then on it can be enabled, and its reg() arms the probes it
 * finds.  The event prints its probe's head: "(sym+off/size)",
 * "(caller+off/size <- func)", or @spec->where.
 *
 * Context: dyn_event_mutex held.
 * Return: 0, -EEXIST (EVENT_EXIST: the name is another event's),
 * -ENOMEM, or the event layer's error.
 */
int probe_event_create(struct trace_probe *tp,
		       const struct probe_event_spec *spec,
		       struct probe_perr *err)
{
	struct trace_probe_event *pe;
	int ret;

	lockdep_assert_held(&dyn_event_mutex);
	if (probe_event_find(spec->group, spec->event) ||
	    name_taken(spec->group, spec->event)) {
		err->code = PERR_EVENT_EXIST;
		return -EEXIST;
	}
	pe = probe_event_new(tp, spec);
	if (!pe)
		return -ENOMEM;
	tp->event = pe;
	list_add_tail(&tp->list, &pe->probes);
	ret = trace_add_event_call(&pe->call);
	if (ret) {
		list_del(&tp->list);
		tp->event = NULL;
		probe_event_free(pe);
		return ret;
	}
	list_add_tail(&pe->list, &probe_events);
	return 0;
}

/**
 * __probe_event_join() - make @tp feed an existing event too
 * @tp: the probe, whose arguments have the event's layout
 *	(probe_fields_diff() < 0)
 * @pe: the event
 *
 * Under trace_mutex, so that the event's reg() sees the probe or runs
 * after the caller has armed it (if the event is in use).
 *
 * Context: dyn_event_mutex and trace_mutex held.
 */
void __probe_event_join(struct trace_probe *tp, struct trace_probe_event *pe)
{
	lockdep_assert_held(&dyn_event_mutex);
	lockdep_assert_held(&trace_mutex);
	tp->event = pe;
	list_add_tail(&tp->list, &pe->probes);
}

/**
 * probe_event_detach() - take a probe off its event
 * @tp: the probe
 *
 * Removes the event with its last probe.  The caller checked that the
 * event is not in use, or it is going whatever its state (module unload).
 *
 * Context: dyn_event_mutex and trace_mutex held.
 */
void probe_event_detach(struct trace_probe *tp)
{
	struct trace_probe_event *pe = tp->event;

	if (!pe)
		return;
	lockdep_assert_held(&trace_mutex);
	list_del(&tp->list);
	tp->event = NULL;
	if (!list_empty(&pe->probes))
		return;
	__trace_event_call_remove(&pe->call);
	list_del(&pe->list);
	probe_event_free(pe);
}

/**
 * probe_event_local() - give @tp an event of its own, in no list
 * @tp:   the probe, with its arguments
 * @spec: the event
 *
 * For perf's probe PMUs: the event is not added to the event layer (no
 * files, no id) and cannot be found by name; its one user frees it with
 * probe_event_local_free().
 *
 * Context: process context.
 * Return: 0 or -ENOMEM.
 */
int probe_event_local(struct trace_probe *tp,
		      const struct probe_event_spec *spec)
{
	struct trace_probe_event *pe;

	pe = probe_event_new(tp, spec);
	if (!pe)
		return -ENOMEM;
	tp->event = pe;
	list_add_tail(&tp->list, &pe->probes);
	return 0;
}

/**
 * probe_event_local_free() - free the event of probe_event_local()
 * @tp: the probe, whose handlers can no longer run
 *
 * Context: process context.
 */
void probe_event_local_free(struct trace_probe *tp)
{
	struct trace_probe_event *pe = tp->event;

	list_del(&tp->list);
	tp->event = NULL;
	probe_event_free(pe);
}

/**
 * probe_event_busy() - whether a probe event is in use
 * @pe: the event
 *
 * Context: trace_mutex held.
 * Return: true while enabled, with triggers, or pinned.
 */
bool probe_event_busy(struct trace_probe_event *pe)
{
	return __trace_event_call_busy(&pe->call);
}

/* Fill a record of @tp's event: its head, then the arguments. */
static __always_inline void probe_fill(struct trace_probe *tp, void *rec,
				       struct probe_fetch_ctx *ctx,
				       const unsigned long *head, int dsize)
{
	struct trace_probe_event *pe = tp->event;

	/* The head: one or two words (none for an event probe). */
	if (pe->head_size) {
		unsigned long *h = rec + sizeof(struct trace_entry);

		h[0] = head[0];
		if (pe->is_return)
			h[1] = head[1];
	}
	if (tp->fast)
		probe_store_fast(tp->args, tp->nr_args, ctx, rec);
	else
		probe_store_args(tp->args, tp->nr_args, ctx, rec,
				 pe->fixed_size, dsize);
}

static __always_inline int probe_dsize(struct trace_probe *tp,
				       struct probe_fetch_ctx *ctx)
{
	return tp->strings ? probe_dynamic_size(tp->args, tp->nr_args, ctx) : 0;
}

/* probe_record_file(), in line in probe_record()'s loop. */
static __always_inline void record_file(struct trace_probe *tp,
					struct trace_event_file *file,
					struct probe_fetch_ctx *ctx,
					const unsigned long *head, int *dsize)
{
	struct trace_event_buffer fbuffer __uninitialized;
	void *rec;

	if (trace_event_gated(file))
		return;
	if (*dsize < 0)
		*dsize = probe_dsize(tp, ctx);
	rec = trace_event_buffer_reserve(&fbuffer, file,
					 tp->event->fixed_size + *dsize);
	if (!rec)
		return;
	probe_fill(tp, rec, ctx, head, *dsize);
	trace_event_buffer_commit(&fbuffer);
}

/**
 * probe_record_file() - write a hit into one instance's file
 * @tp:    the probe that hit
 * @file:  the file, recording the probe's event
 * @ctx:   what its programs read
 * @head:  the record's head (the event's head_size bytes)
 * @dsize: the size of the strings, or -1 if not known yet (then set)
 *
 * Context: the hit, preemption disabled.
 */
void probe_record_file(struct trace_probe *tp, struct trace_event_file *file,
		       struct probe_fetch_ctx *ctx, const unsigned long *head,
		       int *dsize)
{
	record_file(tp, file, ctx, head, dsize);
}

/**
 * probe_record() - write a hit into every instance that records it
 * @tp:   the probe that hit
 * @ctx:  what its programs read
 * @head: the record's head (the event's head_size bytes)
 *
 * Context: the hit, preemption disabled.
 */
void probe_record(struct trace_probe *tp, struct probe_fetch_ctx *ctx,
		  const unsigned long *head)
{
	struct event_file_link *link;
	int dsize = -1;

	list_for_each_entry_rcu(link, &tp->event->files, list)
		record_file(tp, link->file, ctx, head, &dsize);
}

#ifdef CONFIG_PERF_EVENTS
/**
 * probe_perf_record() - hand a hit to the perf events of its event
 * @tp:   the probe that hit, whose event has perf users (TP_FLAG_PROFILE)
 * @ctx:  what its programs read
 * @head: the record's head
 * @regs: the registers at the hit, for the samples; NULL: the caller's
 *
 * The record has the layout of the ring buffer's (trace_perf.h).
 *
 * Context: the hit, preemption disabled.
 */
void probe_perf_record(struct trace_probe *tp, struct probe_fetch_ctx *ctx,
		       const unsigned long *head, struct pt_regs *regs)
{
	struct trace_event_call *call = &tp->event->call;
	struct hlist_head *list = this_cpu_ptr(call->perf_events);
	struct pt_regs *own_regs;
	int dsize, size, rctx;
	void *rec;

	if (hlist_empty(list))
		return;
	dsize = probe_dsize(tp, ctx);
	size = perf_trace_rec_size(tp->event->fixed_size + dsize);
	rec = perf_trace_buf_alloc(size, regs ? NULL : &own_regs, &rctx);
	if (!rec)
		return;
	probe_fill(tp, rec, ctx, head, dsize);
	if (perf_trace_drop_filtered(rec, rctx, call, list, NULL))
		return;
	if (!regs) {
		perf_fetch_caller_regs(own_regs);
		regs = own_regs;
	}
	perf_trace_buf_submit(rec, size, rctx, call->event.type, 1, regs, list,
			      NULL);
}
#endif

/**
 * probe_match_args() - whether "!" or "-:" arguments match a probe
 * @tp:   the probe
 * @argc: the number of words after the place (0 matches any probe)
 * @argv: the words, "name=text" or "text" each
 *
 * Context: dyn_event_mutex held.
 * Return: true if the words are the probe's first arguments.
 */
bool probe_match_args(struct trace_probe *tp, int argc, const char **argv)
{
	int i;

	if (argc > tp->nr_args)
		return false;
	for (i = 0; i < argc; i++) {
		const struct probe_arg *a = &tp->args[i];
		size_t n = strlen(a->name);
		const char *w = argv[i];

		if (!strncmp(w, a->name, n) && w[n] == '=')
			w += n + 1;
		if (strcmp(w, a->text))
			return false;
	}
	return true;
}
