// SPDX-License-Identifier: GPL-2.0
/*
 * trace_printk.c - trace_printk(), trace_puts(), trace_array_printk()
 * and the printk_formats file.
 *
 * A constant format is recorded by address with its arguments in binary
 * ("bprint", formatted when the trace is read); any other text is
 * formatted at once ("print").  Formats of modules are copied into a
 * list that outlives the module and the module's format pointers are
 * redirected to the copies, so records stay readable after it unloads.
 * trace_printk() writes into the instance with trace_printk_dest set
 * (the top level unless another took it), if its trace_printk option
 * is on.
 *
 * Locking: formatting uses a scratch level of the CPU (trace_scratch.h)
 * with preemption disabled.  The module format
 * list is appended under trace_printk_mutex and never shrinks; readers
 * walk it under the same mutex.
 */

#include <linux/fs.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "trace_entries.h"
#include "trace_output.h"
#include "trace_scratch.h"

/* The longest formatted text or binary argument list of one call. */
#define TRACE_PRINTK_BUF	1024

/*
 * The buffer @tr records into, or with @tr NULL the trace_printk()
 * destination's; NULL if it does not take trace_printk() text.  Called
 * with preemption disabled: a destination instance is removed only
 * after an RCU grace period.
 */
static struct trace_buffer *trace_printk_buffer(struct trace_array *tr)
{
	if (!tr)
		tr = READ_ONCE(trace_printk_tr);
	if (!(READ_ONCE(tr->flags) & TRACE_ITER_PRINTK))
		return NULL;
	return READ_ONCE(tr->array_buffer.buffer);
}

static __printf(3, 0)
int trace_vrecord(struct trace_array *tr, unsigned long ip,
		  const char *fmt, va_list args, bool binary)
{
	struct trace_buffer *buffer;
	struct ring_buffer_event *ev;
	unsigned int trace_ctx, len;
	char *buf;
	int ret = 0;

	trace_ctx = tracing_gen_ctx();
	preempt_disable_notrace();
	buffer = trace_printk_buffer(tr);
	buf = buffer ? trace_scratch_get(TRACE_PRINTK_BUF) : NULL;
	if (!buf)
		goto out;
	if (binary) {
		struct bprint_entry *e;

		len = vbin_printf((u32 *)buf, TRACE_PRINTK_BUF / sizeof(u32),
				  fmt, args);
		if (len > TRACE_PRINTK_BUF / sizeof(u32))
			goto put;
		ev = trace_core_reserve(buffer, TRACE_BPRINT,
					sizeof(*e) + len * sizeof(u32),
					trace_ctx);
		if (!ev)
			goto put;
		e = ring_buffer_event_data(ev);
		e->ip = ip;
		e->fmt = fmt;
		memcpy(e->buf, buf, len * sizeof(u32));
	} else {
		struct print_entry *e;

		len = vscnprintf(buf, TRACE_PRINTK_BUF, fmt, args);
		ev = trace_core_reserve(buffer, TRACE_PRINT,
					sizeof(*e) + len + 1, trace_ctx);
		if (!ev)
			goto put;
		e = ring_buffer_event_data(ev);
		e->ip = ip;
		memcpy(e->buf, buf, len + 1);
	}
	ring_buffer_unlock_commit(buffer);
	ret = len;
put:
	trace_scratch_put();
out:
	preempt_enable_notrace();
	return ret;
}

/**
 * __ftrace_vbprintk() - record a constant format and binary arguments
 * @ip: the caller
 * @fmt: the format, which must outlive the record (a trace_printk()
 *	format section entry)
 * @ap: the arguments
 *
 * Context: any.
 * Return: the number of u32 words of arguments recorded, or 0.
 */
int __ftrace_vbprintk(unsigned long ip, const char *fmt, va_list ap)
{
	return trace_vrecord(NULL, ip, fmt, ap, true);
}
EXPORT_SYMBOL_GPL(__ftrace_vbprintk);

/**
 * __ftrace_vprintk() - record formatted text
 * @ip: the caller
 * @fmt: the format
 * @ap: the arguments
 *
 * Context: any.
 * Return: the length of the text recorded, or 0.
 */
int __ftrace_vprintk(unsigned long ip, const char *fmt, va_list ap)
{
	return trace_vrecord(NULL, ip, fmt, ap, false);
}
EXPORT_SYMBOL_GPL(__ftrace_vprintk);

/**
 * __trace_bprintk() - trace_printk() with a constant format
 * @ip: the caller
 * @fmt: the format
 *
 * Context: any.
 * Return: as __ftrace_vbprintk().
 */
int __trace_bprintk(unsigned long ip, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = __ftrace_vbprintk(ip, fmt, ap);
	va_end(ap);
	return ret;
}
EXPORT_SYMBOL_GPL(__trace_bprintk);

/**
 * __trace_printk() - trace_printk() with a run-time format
 * @ip: the caller
 * @fmt: the format
 *
 * Context: any.
 * Return: as __ftrace_vprintk().
 */
int __trace_printk(unsigned long ip, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = __ftrace_vprintk(ip, fmt, ap);
	va_end(ap);
	return ret;
}
EXPORT_SYMBOL_GPL(__trace_printk);

static int trace_record_puts(struct trace_array *tr, unsigned long ip,
			     const char *str, int size)
{
	struct trace_buffer *buffer;
	struct ring_buffer_event *ev;
	struct print_entry *e;
	unsigned int trace_ctx;
	int ret = 0;

	if (size < 0)
		return 0;
	trace_ctx = tracing_gen_ctx();
	preempt_disable_notrace();
	buffer = trace_printk_buffer(tr);
	ev = buffer ? trace_core_reserve(buffer, TRACE_PRINT,
					 sizeof(*e) + size + 2, trace_ctx) :
		      NULL;
	if (ev) {
		e = ring_buffer_event_data(ev);
		e->ip = ip;
		memcpy(e->buf, str, size);
		/* Like trace_printk() text, a record is a line. */
		if (!size || str[size - 1] != '\n')
			e->buf[size++] = '\n';
		e->buf[size] = '\0';
		ring_buffer_unlock_commit(buffer);
		ret = size;
	}
	preempt_enable_notrace();
	return ret;
}

/**
 * __trace_array_puts() - record a string in an instance
 * @tr: the instance
 * @ip: the caller
 * @str: the string
 * @size: its length
 *
 * Context: any.
 * Return: @size, or 0 if nothing was recorded.
 */
int __trace_array_puts(struct trace_array *tr, unsigned long ip,
		       const char *str, int size)
{
	return tr ? trace_record_puts(tr, ip, str, size) : 0;
}
EXPORT_SYMBOL_GPL(__trace_array_puts);

/**
 * __trace_puts() - trace_puts() of a run-time string
 * @ip: the caller
 * @str: the string
 * @size: its length
 *
 * Context: any.
 * Return: as __trace_array_puts().
 */
int __trace_puts(unsigned long ip, const char *str, int size)
{
	return trace_record_puts(NULL, ip, str, size);
}
EXPORT_SYMBOL_GPL(__trace_puts);

/**
 * __trace_bputs() - trace_puts() of a constant string
 * @ip: the caller
 * @str: the string, which outlives the record
 *
 * Context: any.
 * Return: 1, or 0 if nothing was recorded.
 */
int __trace_bputs(unsigned long ip, const char *str)
{
	struct trace_buffer *buffer;
	struct ring_buffer_event *ev;
	struct bputs_entry *e;
	unsigned int trace_ctx;
	int ret = 0;

	trace_ctx = tracing_gen_ctx();
	preempt_disable_notrace();
	buffer = trace_printk_buffer(NULL);
	ev = buffer ? trace_core_reserve(buffer, TRACE_BPUTS, sizeof(*e),
					 trace_ctx) : NULL;
	if (ev) {
		e = ring_buffer_event_data(ev);
		e->ip = ip;
		e->str = str;
		ring_buffer_unlock_commit(buffer);
		ret = 1;
	}
	preempt_enable_notrace();
	return ret;
}
EXPORT_SYMBOL_GPL(__trace_bputs);

/**
 * trace_array_printk() - formatted text into an instance
 * @tr: the instance, from trace_array_get_by_name()
 * @ip: the caller
 * @fmt: the format
 *
 * The top-level instance is refused: it belongs to trace_printk().
 *
 * Context: any.
 * Return: the text's length, 0 if nothing was recorded, -ENOENT for no
 * or the top-level instance.
 */
int trace_array_printk(struct trace_array *tr, unsigned long ip,
		       const char *fmt, ...)
{
	va_list ap;
	int ret;

	if (!tr || tr == &global_trace)
		return -ENOENT;
	va_start(ap, fmt);
	ret = trace_vrecord(tr, ip, fmt, ap, false);
	va_end(ap);
	return ret;
}
EXPORT_SYMBOL_GPL(trace_array_printk);

/**
 * trace_array_init_printk() - make an instance ready for
 *	trace_array_printk()
 * @tr: the instance
 *
 * Nothing needs allocating here: the scratch buffers are static.
 *
 * Context: process context.
 * Return: 0, or -ENOENT for no or the top-level instance.
 */
int trace_array_init_printk(struct trace_array *tr)
{
	return !tr || tr == &global_trace ? -ENOENT : 0;
}
EXPORT_SYMBOL_GPL(trace_array_init_printk);

/**
 * trace_printk_init_buffers() - prepare for trace_printk()
 *
 * The buffers are static; nothing to do.
 *
 * Context: process context.
 */
void trace_printk_init_buffers(void)
{
}
EXPORT_SYMBOL_GPL(trace_printk_init_buffers);

/* Formats of modules, copied so that they outlive them. */
struct trace_printk_fmt {
	struct list_head	list;
	char			fmt[];
};

static LIST_HEAD(trace_printk_fmts);
static DEFINE_MUTEX(trace_printk_mutex);

static const char *trace_printk_keep(const char *fmt)
{
	struct trace_printk_fmt *f;
	size_t len;

	lockdep_assert_held(&trace_printk_mutex);
	list_for_each_entry(f, &trace_printk_fmts, list)
		if (!strcmp(f->fmt, fmt))
			return f->fmt;
	len = strlen(fmt) + 1;
	f = kmalloc(struct_size(f, fmt, len), GFP_KERNEL);
	if (!f)
		return NULL;
	memcpy(f->fmt, fmt, len);
	list_add_tail(&f->list, &trace_printk_fmts);
	return f->fmt;
}

static int trace_printk_module_notify(struct notifier_block *nb,
				      unsigned long state, void *data)
{
	struct module *mod = data;
	const char **fmt;
	const char *kept;
	unsigned int i;

	if (state != MODULE_STATE_COMING || !mod->num_trace_bprintk_fmt)
		return NOTIFY_OK;
	mutex_lock(&trace_printk_mutex);
	for (i = 0; i < mod->num_trace_bprintk_fmt; i++) {
		fmt = &mod->trace_bprintk_fmt_start[i];
		if (!*fmt)
			continue;
		kept = trace_printk_keep(*fmt);
		/* Without memory the module's trace_printk() is off. */
		*fmt = kept;
	}
	mutex_unlock(&trace_printk_mutex);
	return NOTIFY_OK;
}

static struct notifier_block trace_printk_module_nb = {
	.notifier_call = trace_printk_module_notify,
};

/*
 * printk_formats: "0x<address> : \"<format>\"" for every format a
 * bprint or bputs record can point at, with newlines escaped.
 */
static void printk_format_show(struct seq_file *m, const char *fmt)
{
	const char *p;

	seq_printf(m, "0x%lx : \"", (unsigned long)fmt);
	for (p = fmt; *p; p++) {
		switch (*p) {
		case '\n':
			seq_puts(m, "\\n");
			break;
		case '\t':
			seq_puts(m, "\\t");
			break;
		case '\\':
			seq_puts(m, "\\\\");
			break;
		case '"':
			seq_puts(m, "\\\"");
			break;
		default:
			seq_putc(m, *p);
		}
	}
	seq_puts(m, "\"\n");
}

static int printk_formats_show(struct seq_file *m, void *v)
{
	struct trace_printk_fmt *f;
	const char **p;

	for (p = __start___trace_bprintk_fmt; p < __stop___trace_bprintk_fmt;
	     p++)
		if (*p)
			printk_format_show(m, *p);
	for (p = __start___tracepoint_str; p < __stop___tracepoint_str; p++)
		if (*p)
			printk_format_show(m, *p);
	mutex_lock(&trace_printk_mutex);
	list_for_each_entry(f, &trace_printk_fmts, list)
		printk_format_show(m, f->fmt);
	mutex_unlock(&trace_printk_mutex);
	return 0;
}

static int printk_formats_open(struct inode *inode, struct file *filp)
{
	return single_open(filp, printk_formats_show, NULL);
}

static const struct file_operations printk_formats_fops = {
	.open		= printk_formats_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= single_release,
};

static const struct trace_file_spec printk_files[] = {
	{ "printk_formats", TRACE_MODE_READ, &printk_formats_fops, .top_only = true },
};

/**
 * trace_printk_files_create() - create printk_formats at the top level
 * @tr: the instance
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_printk_files_create(struct trace_array *tr)
{
	return trace_create_files(tr, tr->dir, printk_files,
				  ARRAY_SIZE(printk_files),
				  RING_BUFFER_ALL_CPUS);
}

static int __init trace_printk_init(void)
{
	return register_module_notifier(&trace_printk_module_nb);
}
early_initcall(trace_printk_init);
