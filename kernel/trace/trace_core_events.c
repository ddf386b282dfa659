// SPDX-License-Identifier: GPL-2.0
/*
 * trace_core_events.c - the trace core's own record types (kernel_stack,
 * print, bprint, bputs, raw_data): how they print, and the events that describe them in
 * events/ftrace/<name>/ (format, id), so that tools can decode them.
 *
 * They are events of the "ftrace" system that cannot be enabled: the
 * trace core writes them (trace_marker, trace_printk()).
 *
 * Locking: the types are registered once at boot.
 */

#include "trace_entries.h"
#include "trace_output.h"

/**
 * trace_core_reserve() - reserve a record and fill its common fields
 * @buffer: the buffer
 * @type: the record type
 * @len: the record's length, common fields included
 * @trace_ctx: from tracing_gen_ctx()
 *
 * Context: any; the caller commits with ring_buffer_unlock_commit().
 * Return: the reserved record, or NULL if the buffer refused it.
 */
struct ring_buffer_event *trace_core_reserve(struct trace_buffer *buffer,
					     unsigned short type,
					     unsigned long len,
					     unsigned int trace_ctx)
{
	struct ring_buffer_event *ev = ring_buffer_lock_reserve(buffer, len);

	if (ev)
		tracing_generic_entry_update(ring_buffer_event_data(ev), type,
					     trace_ctx);
	return ev;
}

static unsigned long trace_iter_flags(struct trace_iterator *iter)
{
	return READ_ONCE(iter->tr->flags);
}

static enum print_line_t stack_trace(struct trace_iterator *iter, int flags,
				     struct trace_event *ev)
{
	struct stack_entry *e = (void *)iter->ent;
	unsigned long f = trace_iter_flags(iter);
	unsigned long *end = (void *)iter->ent + iter->ent_size;
	unsigned long *p;
	int i;

	trace_seq_puts(&iter->seq, "<stack trace>\n");
	for (i = 0, p = e->caller; i < e->size && p < end; i++, p++) {
		if (trace_seq_has_overflowed(&iter->seq))
			break;
		trace_seq_puts(&iter->seq, " => ");
		trace_print_sym(&iter->seq, *p, f);
		trace_seq_putc(&iter->seq, '\n');
	}
	return trace_handle_return(&iter->seq);
}

static enum print_line_t stack_raw(struct trace_iterator *iter, int flags,
				   struct trace_event *ev)
{
	struct stack_entry *e = (void *)iter->ent;
	unsigned long *end = (void *)iter->ent + iter->ent_size;
	unsigned long *p;
	int i;

	for (i = 0, p = e->caller; i < e->size && p < end; i++, p++)
		trace_seq_printf(&iter->seq, " %lx", *p);
	trace_seq_putc(&iter->seq, '\n');
	return trace_handle_return(&iter->seq);
}

static enum print_line_t print_trace(struct trace_iterator *iter, int flags,
				     struct trace_event *ev)
{
	struct print_entry *e = (void *)iter->ent;
	unsigned long f = trace_iter_flags(iter);
	int len = iter->ent_size - offsetof(struct print_entry, buf);

	if (!(f & TRACE_ITER_PRINTK_MSGONLY)) {
		trace_print_sym(&iter->seq, e->ip, f);
		trace_seq_puts(&iter->seq, ": ");
	}
	trace_seq_printf(&iter->seq, "%.*s", len, e->buf);
	return trace_handle_return(&iter->seq);
}

static enum print_line_t print_raw(struct trace_iterator *iter, int flags,
				   struct trace_event *ev)
{
	struct print_entry *e = (void *)iter->ent;
	int len = iter->ent_size - offsetof(struct print_entry, buf);

	trace_seq_printf(&iter->seq, "# %lx %.*s", e->ip, len, e->buf);
	return trace_handle_return(&iter->seq);
}

static enum print_line_t bprint_trace(struct trace_iterator *iter, int flags,
				      struct trace_event *ev)
{
	struct bprint_entry *e = (void *)iter->ent;
	unsigned long f = trace_iter_flags(iter);

	if (f & TRACE_ITER_PRINTK_MSGONLY) {
		trace_seq_puts(&iter->seq, e->fmt);
	} else {
		trace_print_sym(&iter->seq, e->ip, f);
		trace_seq_puts(&iter->seq, ": ");
		trace_seq_bprintf(&iter->seq, trace_iter_fmt(iter, e->fmt), e->buf);
	}
	return trace_handle_return(&iter->seq);
}

static enum print_line_t bprint_raw(struct trace_iterator *iter, int flags,
				    struct trace_event *ev)
{
	struct bprint_entry *e = (void *)iter->ent;

	trace_seq_printf(&iter->seq, ": %lx : ", e->ip);
	trace_seq_bprintf(&iter->seq, e->fmt, e->buf);
	return trace_handle_return(&iter->seq);
}

static enum print_line_t bputs_trace(struct trace_iterator *iter, int flags,
				     struct trace_event *ev)
{
	struct bputs_entry *e = (void *)iter->ent;
	unsigned long f = trace_iter_flags(iter);

	if (!(f & TRACE_ITER_PRINTK_MSGONLY)) {
		trace_print_sym(&iter->seq, e->ip, f);
		trace_seq_puts(&iter->seq, ": ");
	}
	trace_seq_puts(&iter->seq, e->str);
	return trace_handle_return(&iter->seq);
}

static enum print_line_t bputs_raw(struct trace_iterator *iter, int flags,
				   struct trace_event *ev)
{
	struct bputs_entry *e = (void *)iter->ent;

	trace_seq_printf(&iter->seq, ": %lx : %s", e->ip, e->str);
	return trace_handle_return(&iter->seq);
}

static enum print_line_t raw_data_trace(struct trace_iterator *iter,
					int flags, struct trace_event *ev)
{
	struct raw_data_entry *e = (void *)iter->ent;
	int len = iter->ent_size - offsetof(struct raw_data_entry, buf);
	int i;

	trace_seq_printf(&iter->seq, "# %x buf:", e->id);
	for (i = 0; i < len; i++)
		trace_seq_printf(&iter->seq, " %02x", (unsigned char)e->buf[i]);
	trace_seq_putc(&iter->seq, '\n');
	return trace_handle_return(&iter->seq);
}

#define CORE_FIELD(st, t, f)						\
	{ .type = t, .name = #f, .size = sizeof(((struct st *)NULL)->f),	\
	  .align = __alignof__(((struct st *)NULL)->f),			\
	  .filter_type = FILTER_OTHER }
#define CORE_TAIL(t, f)							\
	{ .type = t, .name = #f, .size = 0, .align = 1, .len = -1,	\
	  .filter_type = FILTER_OTHER }

/* The format shows mainline's fixed eight callers; records hold size. */
#define STACK_FORMAT_ENTRIES	8

static struct trace_event_fields kernel_stack_fields[] = {
	{ .type = "int", .name = "size", .size = sizeof(int),
	  .align = __alignof__(int), .is_signed = 1,
	  .filter_type = FILTER_OTHER },
	{ .type = "unsigned long", .name = "caller",
	  .size = STACK_FORMAT_ENTRIES * sizeof(unsigned long),
	  .align = __alignof__(unsigned long), .len = STACK_FORMAT_ENTRIES,
	  .filter_type = FILTER_OTHER },
	{}
};

static struct trace_event_fields print_fields[] = {
	CORE_FIELD(print_entry, "unsigned long", ip),
	CORE_TAIL("char", buf),
	{}
};

static struct trace_event_fields bprint_fields[] = {
	CORE_FIELD(bprint_entry, "unsigned long", ip),
	CORE_FIELD(bprint_entry, "const char *", fmt),
	CORE_TAIL("u32", buf),
	{}
};

static struct trace_event_fields bputs_fields[] = {
	CORE_FIELD(bputs_entry, "unsigned long", ip),
	CORE_FIELD(bputs_entry, "const char *", str),
	{}
};

static struct trace_event_fields raw_data_fields[] = {
	CORE_FIELD(raw_data_entry, "unsigned int", id),
	CORE_TAIL("char", buf),
	{}
};

/*
 * One event per record type: its class (system and fields), printers and
 * entry in _ftrace_events, where the registry finds it.  No raw_init:
 * the type number is fixed and registered below.
 */
#define CORE_EVENT(_name, _type, _print_fmt, ...)			\
	static struct trace_event_functions _name##_funcs = {		\
		__VA_ARGS__						\
	};								\
	static struct trace_event_class _name##_class = {		\
		.system		= "ftrace",				\
		.fields_array	= _name##_fields,			\
		.fields		= LIST_HEAD_INIT(_name##_class.fields),	\
	};								\
	static struct trace_event_call _name##_call = {			\
		.class		= &_name##_class,			\
		.name		= #_name,				\
		.event		= { .type = _type,			\
				    .funcs = &_name##_funcs },		\
		.print_fmt	= _print_fmt,				\
		.flags		= TRACE_EVENT_FL_IGNORE_ENABLE,		\
	};								\
	static struct trace_event_call __used				\
		__section("_ftrace_events") *_name##_callp = &_name##_call

#define STACK_FMT_ARG(i)	"(void *)REC->caller[" #i "]"
CORE_EVENT(kernel_stack, TRACE_STACK,
	   "\"\\t=> %ps\\n\\t=> %ps\\n\\t=> %ps\\n\\t=> %ps\\n"
	   "\\t=> %ps\\n\\t=> %ps\\n\\t=> %ps\\n\\t=> %ps\\n\", "
	   STACK_FMT_ARG(0) ", " STACK_FMT_ARG(1) ", " STACK_FMT_ARG(2) ", "
	   STACK_FMT_ARG(3) ", " STACK_FMT_ARG(4) ", " STACK_FMT_ARG(5) ", "
	   STACK_FMT_ARG(6) ", " STACK_FMT_ARG(7),
	   .trace = stack_trace, .raw = stack_raw);
CORE_EVENT(print, TRACE_PRINT, "\"%ps: %s\", (void *)REC->ip, REC->buf",
	   .trace = print_trace, .raw = print_raw);
CORE_EVENT(bprint, TRACE_BPRINT, "\"%ps: %s\", (void *)REC->ip, REC->fmt",
	   .trace = bprint_trace, .raw = bprint_raw);
CORE_EVENT(bputs, TRACE_BPUTS, "\"%ps: %s\", (void *)REC->ip, REC->str",
	   .trace = bputs_trace, .raw = bputs_raw);
CORE_EVENT(raw_data, TRACE_RAW_DATA,
	   "\"id:%04x %08x\", REC->id, (int)REC->buf[0]",
	   .trace = raw_data_trace, .raw = raw_data_trace);

static struct trace_event_call *const core_events[] = {
	&kernel_stack_call, &print_call, &bprint_call, &bputs_call,
	&raw_data_call,
};

static int __init trace_core_events_init(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(core_events); i++)
		if (!register_trace_event(&core_events[i]->event))
			pr_warn("tracing: record type %s not registered\n",
				core_events[i]->name);
	return 0;
}
early_initcall(trace_core_events_init);
