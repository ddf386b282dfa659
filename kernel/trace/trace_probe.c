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
 * Locking: dyn_event_mutex for the list of probe events and their probes;
 * trace_mutex inside it for registration and for the files list, which
 * the hit reads under RCU (preemption disabled).
 */

#include <linux/rculist.h>
#include <linux/seq_buf.h>
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
	probe_print_args(s, pe->args, pe->nr_args, iter->ent, iter->ent_size);
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
	for (i = 0; !ret && i < pe->nr_args; i++) {
		const struct probe_arg *a = &pe->args[i];
		const struct fetch_type *t = a->type;

		ret = trace_define_field(call, a->type_name ?: t->field, a->name,
					 a->offset,
					 t->size * (a->count ?: 1), t->is_signed,
					 a->dynamic ? FILTER_DYN_STRING :
						      FILTER_OTHER);
	}
	return ret;
}

static struct trace_event_fields probe_fields[] = {
	{ .type = TRACE_FUNCTION_TYPE, .define_fields = probe_define_fields },
	{}
};

/* The print format of the format file, in libtraceevent's terms. */
static char *make_print_fmt(struct trace_probe_event *pe)
{
	struct seq_buf sb;
	char *buf;
	int i, j;

	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return NULL;
	seq_buf_init(&sb, buf, PAGE_SIZE);
	if (pe->is_return)
		seq_buf_puts(&sb, "\"(%lx <- %lx)");
	else if (pe->head_size)
		seq_buf_puts(&sb, "\"(%lx)");
	else
		seq_buf_puts(&sb, "\"");
	for (i = 0; i < pe->nr_args; i++) {
		const struct probe_arg *a = &pe->args[i];

		seq_buf_printf(&sb, " %s=", a->name);
		if (!a->count) {
			seq_buf_puts(&sb, a->type->fmt);
			continue;
		}
		seq_buf_putc(&sb, '{');
		for (j = 0; j < a->count; j++)
			seq_buf_printf(&sb, "%s%s", j ? "," : "", a->type->fmt);
		seq_buf_putc(&sb, '}');
	}
	seq_buf_putc(&sb, '"');
	if (pe->is_return)
		seq_buf_puts(&sb, ", REC->__probe_func, REC->__probe_ret_ip");
	else if (pe->head_size)
		seq_buf_puts(&sb, ", REC->__probe_ip");
	for (i = 0; i < pe->nr_args; i++) {
		const struct probe_arg *a = &pe->args[i];

		if (a->dynamic) {
			seq_buf_printf(&sb, ", __get_str(%s)", a->name);
			continue;
		}
		if (!a->count) {
			seq_buf_printf(&sb, ", REC->%s", a->name);
			continue;
		}
		for (j = 0; j < a->count; j++)
			seq_buf_printf(&sb, ", REC->%s[%d]", a->name, j);
	}
	if (seq_buf_has_overflowed(&sb)) {
		kfree(buf);
		return NULL;
	}
	seq_buf_str(&sb);
	return buf;
}

static void probe_event_free(struct trace_probe_event *pe)
{
	kfree(pe->call.print_fmt);
	kfree(pe->call.name);
	kfree(pe->class.system);
	kfree(pe->call.data);
	kfree(pe);
}

/* A new event for @tp, named @group/@event. */
static struct trace_probe_event *
probe_event_new(struct trace_probe *tp, const char *group, const char *event,
		bool is_return, unsigned int head_size,
		int (*reg)(struct trace_event_call *, enum trace_reg, void *))
{
	struct trace_probe_event *pe;
	unsigned int fixed = sizeof(struct trace_entry) + head_size;
	int i;

	pe = kzalloc(sizeof(*pe), GFP_KERNEL);
	if (!pe)
		return NULL;
	INIT_LIST_HEAD(&pe->probes);
	INIT_LIST_HEAD(&pe->files);
	pe->is_return = is_return;
	pe->head_size = head_size;
	pe->nr_args = tp->nr_args;
	pe->args = tp->args;
	for (i = 0; i < tp->nr_args; i++)
		fixed = max(fixed, tp->args[i].offset + tp->args[i].type->size *
			    (tp->args[i].count ?: 1));
	pe->fixed_size = fixed;
	pe->class.system = kstrdup(group, GFP_KERNEL);
	pe->call.name = kstrdup(event, GFP_KERNEL);
	pe->call.print_fmt = make_print_fmt(pe);
	if (!pe->class.system || !pe->call.name || !pe->call.print_fmt) {
		probe_event_free(pe);
		return NULL;
	}
	pe->class.fields_array = probe_fields;
	pe->class.reg = reg;
	pe->class.raw_init = trace_event_raw_init;
	INIT_LIST_HEAD(&pe->class.fields);
	pe->call.class = &pe->class;
	pe->call.event.funcs = &probe_funcs;
	pe->call.flags = TRACE_EVENT_FL_DYNAMIC;
	return pe;
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
 * probe_event_attach() - make @tp feed the event @group/@event
 * @tp:     the probe, with its arguments
 * @group:  the group
 * @event:  the name
 * @is_return: the probe records a return
 * @head_size: bytes of the record's head after struct trace_entry
 * @reg:    the class's reg() for a new event
 * @err:    the error, on -EINVAL or -EEXIST
 *
 * Joins the event of that name if there is one of the same kind and
 * layout (a multiprobe), else creates and registers it.  The event prints
 * its probe's head: "(sym+off/size)", "(caller+off/size <- func)", or,
 * for an event probe (head_size 0), the text in call.data.
 *
 * Context: dyn_event_mutex held.
 * Return: 0, -EINVAL (DIFF_PROBE_TYPE or DIFF_ARG_TYPE), -EEXIST (the
 * name is another event's), -ENOMEM, or the event layer's error.
 */
int probe_event_attach(struct trace_probe *tp, const char *group,
		       const char *event, bool is_return, unsigned int head_size,
		       int (*reg)(struct trace_event_call *, enum trace_reg,
				  void *),
		       struct probe_perr *err)
{
	struct trace_probe_event *pe;
	int ret;

	lockdep_assert_held(&dyn_event_mutex);
	pe = probe_event_find(group, event);
	if (pe) {
		if (pe->class.reg != reg || pe->is_return != is_return) {
			err->code = PERR_DIFF_PROBE_TYPE;
			return -EINVAL;
		}
		if (!probe_args_same_layout(pe->args, pe->nr_args, tp->args,
					    tp->nr_args)) {
			err->code = PERR_DIFF_ARG_TYPE;
			return -EINVAL;
		}
		tp->event = pe;
		list_add_tail(&tp->list, &pe->probes);
		return 0;
	}
	if (name_taken(group, event)) {
		err->code = PERR_EVENT_EXIST;
		return -EEXIST;
	}
	pe = probe_event_new(tp, group, event, is_return, head_size, reg);
	if (!pe)
		return -ENOMEM;
	ret = trace_add_event_call(&pe->call);
	if (ret) {
		probe_event_free(pe);
		return ret;
	}
	list_add_tail(&pe->list, &probe_events);
	list_add_tail(&tp->list, &pe->probes);
	tp->event = pe;
	return 0;
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
	list_del(&tp->list);
	tp->event = NULL;
	if (!list_empty(&pe->probes)) {
		/* The layout was the first probe's: hand it on. */
		if (pe->args == tp->args)
			pe->args = list_first_entry(&pe->probes,
						    struct trace_probe,
						    list)->args;
		return;
	}
	__trace_event_call_remove(&pe->call);
	list_del(&pe->list);
	probe_event_free(pe);
}

/**
 * probe_event_local() - give @tp an event of its own, in no list
 * @tp:     the probe, with its arguments
 * @group:  the group name the event carries
 * @event:  its name
 * @is_return: the probe records a return
 * @head_size: bytes of the record's head after struct trace_entry
 * @reg:    the class's reg()
 *
 * For perf's probe PMUs: the event is not added to the event layer (no
 * files, no id) and cannot be found by name; its one user frees it with
 * probe_event_local_free().
 *
 * Context: process context.
 * Return: 0 or -ENOMEM.
 */
int probe_event_local(struct trace_probe *tp, const char *group,
		      const char *event, bool is_return, unsigned int head_size,
		      int (*reg)(struct trace_event_call *, enum trace_reg,
				 void *))
{
	struct trace_probe_event *pe;

	pe = probe_event_new(tp, group, event, is_return, head_size, reg);
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
