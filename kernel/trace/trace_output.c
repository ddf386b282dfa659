// SPDX-License-Identifier: GPL-2.0
/*
 * trace_output.c - the text of a trace: record types, line context,
 * header block.
 *
 * A record type (the trace_entry's "type") maps to a struct trace_event
 * whose functions print the record's body.  This file prints what comes
 * before the body (task, CPU, irq flags, time stamp, in mainline's
 * columns), picks the body printer for the raw/hex/bin options, and
 * prints the "# tracer:" header block of the trace file.
 *
 * Locking: the registry is an xarray of types; registration and removal
 * take trace_event_sem for writing, so a reader holding it for reading
 * can use the struct trace_event it found.
 */

#include <linux/sched.h>
#include <linux/xarray.h>

#include "trace_output.h"

DECLARE_RWSEM(trace_event_sem);
static DEFINE_XARRAY_ALLOC(trace_event_types);

/**
 * register_trace_event() - give a record type its printers
 * @event: the event; @event->type is chosen here when 0
 *
 * Context: process context; sleeps.
 * Return: the type, or 0 if it is taken or no type is left.
 */
int register_trace_event(struct trace_event *event)
{
	u32 type = event->type;
	int ret;

	down_write(&trace_event_sem);
	if (type) {
		ret = xa_insert(&trace_event_types, type, event, GFP_KERNEL);
	} else {
		ret = xa_alloc(&trace_event_types, &type, event,
			       XA_LIMIT(TRACE_CORE_LAST_TYPE + 1, U16_MAX),
			       GFP_KERNEL);
		if (!ret)
			event->type = type;
	}
	up_write(&trace_event_sem);
	return ret ? 0 : type;
}
EXPORT_SYMBOL_GPL(register_trace_event);

/**
 * unregister_trace_event() - forget a record type
 * @event: an event registered with register_trace_event()
 *
 * Context: process context; sleeps.
 * Return: 0.
 */
int unregister_trace_event(struct trace_event *event)
{
	down_write(&trace_event_sem);
	xa_cmpxchg(&trace_event_types, event->type, event, NULL, 0);
	up_write(&trace_event_sem);
	return 0;
}
EXPORT_SYMBOL_GPL(unregister_trace_event);

/**
 * ftrace_find_event() - the printers of a record type
 * @type: the type
 *
 * Context: trace_event_sem held for reading.
 * Return: the event or NULL.
 */
struct trace_event *ftrace_find_event(int type)
{
	return xa_load(&trace_event_types, type);
}

/**
 * trace_handle_return() - the print_line_t for what a printer wrote
 * @s: the trace_seq it wrote into
 *
 * Context: any.
 * Return: TRACE_TYPE_PARTIAL_LINE if @s overflowed, else
 * TRACE_TYPE_HANDLED.
 */
enum print_line_t trace_handle_return(struct trace_seq *s)
{
	return trace_seq_has_overflowed(s) ? TRACE_TYPE_PARTIAL_LINE :
					     TRACE_TYPE_HANDLED;
}
EXPORT_SYMBOL_GPL(trace_handle_return);

static unsigned int trace_migrate_depth(void)
{
#ifdef CONFIG_SMP
	return current->migration_disabled;
#else
	return 0;
#endif
}

/**
 * tracing_gen_ctx_irq_test() - the context word of a record being written
 * @irqs_status: TRACE_FLAG_IRQS_OFF or TRACE_FLAG_IRQS_NOSUPPORT, or 0
 *
 * Bits 0-3 hold the preemption depth, 4-7 the migrate-disable depth
 * (each saturated at 15), bits 16-23 the TRACE_FLAG_* context flags.
 *
 * Context: any.
 * Return: the context word for tracing_generic_entry_update().
 */
unsigned int tracing_gen_ctx_irq_test(unsigned int irqs_status)
{
	unsigned int pc = preempt_count();
	unsigned int flags = irqs_status;

	if (pc & NMI_MASK)
		flags |= TRACE_FLAG_NMI;
	if (pc & HARDIRQ_MASK)
		flags |= TRACE_FLAG_HARDIRQ;
	if (in_serving_softirq())
		flags |= TRACE_FLAG_SOFTIRQ;
	if (softirq_count() >> (SOFTIRQ_SHIFT + 1))
		flags |= TRACE_FLAG_BH_OFF;
	if (tif_need_resched())
		flags |= TRACE_FLAG_NEED_RESCHED;
	if (test_preempt_need_resched())
		flags |= TRACE_FLAG_PREEMPT_RESCHED;
	return (flags << 16) | min_t(unsigned int, pc & 0xff, 0xf) |
	       min_t(unsigned int, trace_migrate_depth(), 0xf) << 4;
}
EXPORT_SYMBOL_GPL(tracing_gen_ctx_irq_test);

/**
 * trace_print_ts() - print a time stamp as the trace file does
 * @s: where
 * @ts: the time stamp
 * @in_ns: the clock counts nanoseconds: print seconds.microseconds
 *
 * Context: any.
 */
void trace_print_ts(struct trace_seq *s, u64 ts, bool in_ns)
{
	unsigned long usec;

	if (!in_ns) {
		trace_seq_printf(s, " %12llu: ", ts);
		return;
	}
	ts = div_u64(ts + 500, NSEC_PER_USEC);
	usec = do_div(ts, USEC_PER_SEC);
	trace_seq_printf(s, " %5llu.%06lu: ", ts, usec);
}

/* The irq-info column characters, one lookup per column. */
static char trace_irqs_char(unsigned int f)
{
	if (f & TRACE_FLAG_IRQS_OFF)
		return f & TRACE_FLAG_BH_OFF ? 'D' : 'd';
	if (f & TRACE_FLAG_IRQS_NOSUPPORT)
		return 'X';
	return f & TRACE_FLAG_BH_OFF ? 'b' : '.';
}

static char trace_resched_char(unsigned int f)
{
	static const char c[4] = { '.', 'n', 'p', 'N' };

	return c[((f & TRACE_FLAG_NEED_RESCHED) ? 1 : 0) |
		 ((f & TRACE_FLAG_PREEMPT_RESCHED) ? 2 : 0)];
}

static char trace_irqctx_char(unsigned int f)
{
	bool nmi = f & TRACE_FLAG_NMI;
	bool hard = f & TRACE_FLAG_HARDIRQ;
	bool soft = f & TRACE_FLAG_SOFTIRQ;

	if (nmi)
		return hard ? 'Z' : 'z';
	if (hard)
		return soft ? 'H' : 'h';
	return soft ? 's' : '.';
}

/**
 * trace_print_irq_flags() - the five irq-info columns of a record
 * @s: where
 * @e: the record
 *
 * irqs-off/BH-disabled, need-resched, hardirq/softirq, preempt-depth
 * and migrate-disable, as ftrace.rst describes them.
 *
 * Context: any.
 */
void trace_print_irq_flags(struct trace_seq *s, const struct trace_entry *e)
{
	unsigned int preempt = e->preempt_count & 0xf;
	unsigned int migrate = (e->preempt_count >> 4) & 0xf;

	trace_seq_putc(s, trace_irqs_char(e->flags));
	trace_seq_putc(s, trace_resched_char(e->flags));
	trace_seq_putc(s, trace_irqctx_char(e->flags));
	trace_seq_putc(s, preempt ? hex_asc[preempt] : '.');
	trace_seq_putc(s, migrate ? hex_asc[migrate] : '.');
}

/**
 * trace_print_sym() - print a code address as the sym-* options ask
 * @s: where
 * @ip: the address
 * @flags: the instance's TRACE_ITER_* flags
 *
 * Context: any.
 */
void trace_print_sym(struct trace_seq *s, unsigned long ip,
		     unsigned long flags)
{
	if (!ip) {
		trace_seq_putc(s, '0');
		return;
	}
	trace_seq_printf(s, flags & TRACE_ITER_SYM_OFFSET ? "%pS" : "%ps",
			 (void *)ip);
	/* sym-addr asks for the address itself: root reads the trace. */
	if (flags & TRACE_ITER_SYM_ADDR)
		trace_seq_printf(s, " <%px>", (void *)ip);
}

static void trace_print_context(struct trace_iterator *iter,
				unsigned long flags)
{
	struct trace_entry *e = iter->ent;
	struct trace_seq *s = &iter->seq;
	char comm[TASK_COMM_LEN];

	trace_find_cmdline(e->pid, comm);
	trace_seq_printf(s, "%16s-%-7d ", comm, e->pid);
	if (flags & TRACE_ITER_RECORD_TGID) {
		int tgid = trace_find_tgid(e->pid);

		if (tgid <= 0)
			trace_seq_puts(s, "(-------) ");
		else
			trace_seq_printf(s, "(%7d) ", tgid);
	}
	trace_seq_printf(s, "[%03d] ", iter->cpu);
	if (flags & TRACE_ITER_IRQ_INFO)
		trace_print_irq_flags(s, e);
	trace_print_ts(s, iter->ts, iter->iter_flags & TRACE_FILE_TIME_IN_NS);
}

static enum print_line_t trace_print_unknown(struct trace_iterator *iter)
{
	trace_seq_printf(&iter->seq, "Unknown type %d\n", iter->ent->type);
	return trace_handle_return(&iter->seq);
}

static enum print_line_t trace_print_fmt(struct trace_iterator *iter,
					 unsigned long flags,
					 struct trace_event *ev)
{
	if (flags & TRACE_ITER_CONTEXT_INFO)
		trace_print_context(iter, flags);
	if (!ev)
		return trace_print_unknown(iter);
	return ev->funcs->trace(iter, 0, ev);
}

static enum print_line_t trace_print_raw(struct trace_iterator *iter,
					 unsigned long flags,
					 struct trace_event *ev)
{
	if (flags & TRACE_ITER_CONTEXT_INFO)
		trace_seq_printf(&iter->seq, "%d %d %llu ", iter->ent->pid,
				 iter->cpu, iter->ts);
	/* As mainline: an event without a raw printer shows its type. */
	if (!ev)
		trace_seq_printf(&iter->seq, "%d ?\n", iter->ent->type);
	else if (!ev->funcs->raw)
		trace_seq_printf(&iter->seq, "type: %d\n", iter->ent->type);
	else
		return ev->funcs->raw(iter, 0, ev);
	return trace_handle_return(&iter->seq);
}

static enum print_line_t trace_print_hex(struct trace_iterator *iter,
					 unsigned long flags,
					 struct trace_event *ev)
{
	struct trace_seq *s = &iter->seq;

	if (flags & TRACE_ITER_CONTEXT_INFO) {
		trace_seq_putmem_hex(s, &iter->ent->pid, sizeof(iter->ent->pid));
		trace_seq_putmem_hex(s, &iter->cpu, sizeof(iter->cpu));
		trace_seq_putmem_hex(s, &iter->ts, sizeof(iter->ts));
	}
	if (ev && ev->funcs->hex)
		return ev->funcs->hex(iter, 0, ev);
	trace_seq_putmem_hex(s, iter->ent, iter->ent_size);
	trace_seq_putc(s, '\n');
	return trace_handle_return(s);
}

static enum print_line_t trace_print_bin(struct trace_iterator *iter,
					 unsigned long flags,
					 struct trace_event *ev)
{
	struct trace_seq *s = &iter->seq;

	if (flags & TRACE_ITER_CONTEXT_INFO) {
		trace_seq_putmem(s, &iter->ent->pid, sizeof(iter->ent->pid));
		trace_seq_putmem(s, &iter->cpu, sizeof(iter->cpu));
		trace_seq_putmem(s, &iter->ts, sizeof(iter->ts));
	}
	if (ev && ev->funcs->binary)
		return ev->funcs->binary(iter, 0, ev);
	trace_seq_putmem(s, iter->ent, iter->ent_size);
	return trace_handle_return(s);
}

/* Output modes, strongest first, as mainline ranks them. */
static const struct {
	unsigned long flag;
	enum print_line_t (*print)(struct trace_iterator *iter,
				   unsigned long flags,
				   struct trace_event *ev);
} trace_print_modes[] = {
	{ TRACE_ITER_BIN,	trace_print_bin },
	{ TRACE_ITER_HEX,	trace_print_hex },
	{ TRACE_ITER_RAW,	trace_print_raw },
	{ 0,			trace_print_fmt },
};

/**
 * trace_print_line() - print the record the iterator is on
 * @iter: the iterator; @iter->ent, @iter->cpu, @iter->ts and
 *	@iter->lost_events describe the record
 *
 * Prints the lost-events marker and the annotation of a CPU buffer
 * starting, if due, then the record in the mode the options select.
 *
 * Context: process context.
 * Return: TRACE_TYPE_PARTIAL_LINE if @iter->seq had no room, else
 * TRACE_TYPE_HANDLED.
 */
enum print_line_t trace_print_line(struct trace_iterator *iter)
{
	unsigned long flags = READ_ONCE(iter->tr->flags);
	struct trace_seq *s = &iter->seq;
	enum print_line_t ret;
	struct trace_event *ev;
	size_t i;

	if (iter->lost_events) {
		if (iter->lost_events == (unsigned long)-1)
			trace_seq_printf(s, "CPU:%d [LOST EVENTS]\n", iter->cpu);
		else
			trace_seq_printf(s, "CPU:%d [LOST %lu EVENTS]\n",
					 iter->cpu, iter->lost_events);
		if (trace_seq_has_overflowed(s))
			return TRACE_TYPE_PARTIAL_LINE;
	}
	if ((iter->iter_flags & TRACE_FILE_ANNOTATE) &&
	    cpumask_available(iter->started) &&
	    !cpumask_test_and_set_cpu(iter->cpu, iter->started) &&
	    iter->idx > 1)
		trace_seq_printf(s, "##### CPU %u buffer started ####\n",
				 iter->cpu);

	down_read(&trace_event_sem);
	ev = ftrace_find_event(iter->ent->type);
	for (i = 0; i < ARRAY_SIZE(trace_print_modes); i++)
		if (!trace_print_modes[i].flag ||
		    (flags & trace_print_modes[i].flag))
			break;
	ret = trace_print_modes[i].print(iter, flags, ev);
	up_read(&trace_event_sem);
	return ret;
}

/**
 * trace_entries_count() - records in a buffer and records ever written
 * @buffer: the buffer
 * @cpu: one CPU or RING_BUFFER_ALL_CPUS
 * @entries: records in the buffer now
 * @written: those plus the ones overwritten
 *
 * Context: any.
 */
void trace_entries_count(struct trace_buffer *buffer, int cpu,
			 unsigned long *entries, unsigned long *written)
{
	unsigned long n;
	int c;

	*entries = 0;
	*written = 0;
	if (!buffer)
		return;
	for_each_possible_cpu(c) {
		if (cpu != RING_BUFFER_ALL_CPUS && c != cpu)
			continue;
		n = ring_buffer_entries_cpu(buffer, c);
		*entries += n;
		*written += n + ring_buffer_overrun_cpu(buffer, c);
	}
}

static const char trace_header_irq_info[] =
	"#                                _-----=> irqs-off/BH-disabled\n"
	"#                               / _----=> need-resched\n"
	"#                              | / _---=> hardirq/softirq\n"
	"#                              || / _--=> preempt-depth\n"
	"#                              ||| / _-=> migrate-disable\n"
	"#                              |||| /     delay\n";

/**
 * trace_print_header() - the comment block at the top of a trace file
 * @iter: the reader
 * @m: the seq_file being filled
 *
 * Context: process context.
 */
void trace_print_header(struct trace_iterator *iter, struct seq_file *m)
{
	unsigned long flags = READ_ONCE(iter->tr->flags);
	bool tgid = flags & TRACE_ITER_RECORD_TGID;
	bool irq = flags & TRACE_ITER_IRQ_INFO;
	unsigned long entries, written;
	const char *pad = tgid ? "          " : "";

	if (!(flags & TRACE_ITER_CONTEXT_INFO))
		return;
	trace_entries_count(iter->array_buffer->buffer, iter->cpu_file,
			    &entries, &written);
	seq_puts(m, "# tracer: nop\n#\n");
	seq_printf(m, "# entries-in-buffer/entries-written: %lu/%lu   #P:%d\n#\n",
		   entries, written, num_online_cpus());
	if (irq) {
		const char *p = trace_header_irq_info;

		/* Each line is "#" + columns; a TGID column shifts them. */
		while (*p) {
			const char *nl = strchr(p, '\n');

			seq_printf(m, "#%s%.*s\n", pad, (int)(nl - p - 1),
				   p + 1);
			p = nl + 1;
		}
	}
	seq_printf(m, "#           TASK-PID    %s CPU#  %s  TIMESTAMP  FUNCTION\n",
		   tgid ? "   TGID   " : "", irq ? "|||||" : " ");
	seq_printf(m, "#              | |         %s|   %s     |         |\n",
		   tgid ? "  |       " : "", irq ? "|||||" : " ");
}

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/trace_output-kunit.h"
#endif
