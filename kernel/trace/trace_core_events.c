// SPDX-License-Identifier: GPL-2.0
/*
 * trace_core_events.c - the trace core's own record types (print, bprint,
 * bputs, raw_data): how they print, how their format files describe them,
 * and the part of an instance's events/ directory that describes the
 * buffer (header_page, header_event) and them (ftrace/<name>/).
 *
 * The event layer adds the tracepoint events to events/ beside these.
 *
 * Locking: the types are registered once at boot; the directories are
 * created under trace_mutex with the instance.
 */

#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

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

/* With hash-ptr off, "%p" is printed as "%px". */
static const char *bprint_fmt(struct trace_iterator *iter, const char *fmt)
{
	const char *p;
	char *q;
	size_t n;

	if (trace_iter_flags(iter) & TRACE_ITER_HASH_PTR)
		return fmt;
	n = strlen(fmt) * 2 + 1;
	if (iter->fmt_size < n) {
		char *buf = krealloc(iter->fmt, n, GFP_KERNEL);

		if (!buf)
			return fmt;
		iter->fmt = buf;
		iter->fmt_size = n;
	}
	for (p = fmt, q = iter->fmt; *p; p++) {
		*q++ = *p;
		if (p[0] == '%' && p[1] == '%') {
			*q++ = *++p;
			continue;
		}
		if (p[0] == '%' && p[1] == 'p' && !isalnum(p[2])) {
			*q++ = *++p;
			*q++ = 'x';
		}
	}
	*q = '\0';
	return iter->fmt;
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
		trace_seq_bprintf(&iter->seq, bprint_fmt(iter, e->fmt), e->buf);
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

struct trace_core_field {
	const char	*type;
	const char	*name;
	int		offset;
	int		size;
	int		is_signed;
};

#define CORE_FIELD(st, t, f, s)						\
	{ t, #f, offsetof(struct st, f), s, 0 }

static const struct trace_core_field print_fields[] = {
	CORE_FIELD(print_entry, "unsigned long", ip, sizeof(long)),
	{ "char", "buf[]", offsetof(struct print_entry, buf), 0, 0 },
};

static const struct trace_core_field bprint_fields[] = {
	CORE_FIELD(bprint_entry, "unsigned long", ip, sizeof(long)),
	CORE_FIELD(bprint_entry, "const char *", fmt, sizeof(void *)),
	{ "u32", "buf[]", offsetof(struct bprint_entry, buf), 0, 0 },
};

static const struct trace_core_field bputs_fields[] = {
	CORE_FIELD(bputs_entry, "unsigned long", ip, sizeof(long)),
	CORE_FIELD(bputs_entry, "const char *", str, sizeof(void *)),
};

static const struct trace_core_field raw_data_fields[] = {
	CORE_FIELD(raw_data_entry, "unsigned int", id, sizeof(int)),
	{ "char", "buf[]", offsetof(struct raw_data_entry, buf), 0, 0 },
};

struct trace_core_event {
	const char			*name;
	const struct trace_core_field	*fields;
	int				nr_fields;
	const char			*print_fmt;
	struct trace_event_functions	funcs;
	struct trace_event		event;
};

#define CORE_EVENT(n, t, f, pf, ...)					\
	{ .name = n, .fields = f, .nr_fields = ARRAY_SIZE(f),		\
	  .print_fmt = pf, .funcs = { __VA_ARGS__ },			\
	  .event = { .type = t } }

static struct trace_core_event core_events[] = {
	CORE_EVENT("print", TRACE_PRINT, print_fields,
		   "\"%ps: %s\", (void *)REC->ip, REC->buf",
		   .trace = print_trace, .raw = print_raw),
	CORE_EVENT("bprint", TRACE_BPRINT, bprint_fields,
		   "\"%ps: %s\", (void *)REC->ip, REC->fmt",
		   .trace = bprint_trace, .raw = bprint_raw),
	CORE_EVENT("bputs", TRACE_BPUTS, bputs_fields,
		   "\"%ps: %s\", (void *)REC->ip, REC->str",
		   .trace = bputs_trace, .raw = bputs_raw),
	CORE_EVENT("raw_data", TRACE_RAW_DATA, raw_data_fields,
		   "\"id:%04x %08x\", REC->id, (int)REC->buf[0]",
		   .trace = raw_data_trace, .raw = raw_data_trace),
};

static const struct trace_core_field common_fields[] = {
	CORE_FIELD(trace_entry, "unsigned short", type, 2),
	CORE_FIELD(trace_entry, "unsigned char", flags, 1),
	CORE_FIELD(trace_entry, "unsigned char", preempt_count, 1),
	{ "int", "pid", offsetof(struct trace_entry, pid), 4, 1 },
};

static void format_fields(struct seq_file *m, const char *prefix,
			  const struct trace_core_field *f, int n)
{
	int i;

	for (i = 0; i < n; i++)
		seq_printf(m, "\tfield:%s %s%s;\toffset:%d;\tsize:%d;\tsigned:%d;\n",
			   f[i].type, prefix, f[i].name, f[i].offset,
			   f[i].size, f[i].is_signed);
}

static int format_show(struct seq_file *m, void *v)
{
	const struct trace_core_event *ce = m->private;

	seq_printf(m, "name: %s\nID: %d\nformat:\n", ce->name, ce->event.type);
	format_fields(m, "common_", common_fields, ARRAY_SIZE(common_fields));
	seq_putc(m, '\n');
	format_fields(m, "", ce->fields, ce->nr_fields);
	seq_printf(m, "\nprint fmt: %s\n", ce->print_fmt);
	return 0;
}

static int format_open(struct inode *inode, struct file *filp)
{
	return single_open(filp, format_show, inode->i_private);
}

static const struct file_operations format_fops = {
	.open		= format_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= single_release,
};

static ssize_t id_read(struct file *filp, char __user *ubuf, size_t cnt,
		       loff_t *ppos)
{
	const struct trace_core_event *ce = file_inode(filp)->i_private;
	char buf[16];
	int len = scnprintf(buf, sizeof(buf), "%d\n", ce->event.type);

	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

static const struct file_operations id_fops = {
	.open		= simple_open,
	.read		= id_read,
	.llseek		= default_llseek,
};

static int header_page_show(struct seq_file *m, void *v)
{
	struct trace_array *tr = trace_file_tr(m->file);
	struct trace_seq *s = kmalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	trace_seq_init(s);
	ring_buffer_print_page_header(tr->array_buffer.buffer, s);
	trace_print_seq(m, s);
	kfree(s);
	return 0;
}

static int header_page_open(struct inode *inode, struct file *filp)
{
	return trace_single_open(inode, filp, header_page_show);
}

static const struct file_operations header_page_fops = {
	.open		= header_page_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= trace_single_release,
};

static int header_event_show(struct seq_file *m, void *v)
{
	struct trace_seq *s = kmalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	trace_seq_init(s);
	ring_buffer_print_entry_header(s);
	trace_print_seq(m, s);
	kfree(s);
	return 0;
}

static int header_event_open(struct inode *inode, struct file *filp)
{
	return single_open(filp, header_event_show, NULL);
}

static const struct file_operations header_event_fops = {
	.open		= header_event_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= single_release,
};

/* events/enable while no event exists: all of nothing is off. */
static ssize_t enable_read(struct file *filp, char __user *ubuf, size_t cnt,
			   loff_t *ppos)
{
	return simple_read_from_buffer(ubuf, cnt, ppos, "0\n", 2);
}

static ssize_t enable_write(struct file *filp, const char __user *ubuf,
			    size_t cnt, loff_t *ppos)
{
	unsigned long val;
	int ret = kstrtoul_from_user(ubuf, cnt, 10, &val);

	if (ret)
		return ret;
	if (val > 1)
		return -EINVAL;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations enable_fops = {
	.open		= trace_open_ref,
	.read		= enable_read,
	.write		= enable_write,
	.release	= trace_release_ref,
	.llseek		= default_llseek,
};

static const struct trace_file_spec events_files[] = {
	{ "header_page",	0444, &header_page_fops },
	{ "header_event",	0444, &header_event_fops },
	{ "enable",		0644, &enable_fops },
};

/**
 * trace_core_events_dir_create() - an instance's events/ with what the
 *	trace core describes
 * @tr: the instance
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_core_events_dir_create(struct trace_array *tr)
{
	struct dentry *events, *ftrace, *dir;
	size_t i;
	int ret;

	events = tracefs_create_dir("events", tr->dir);
	if (IS_ERR_OR_NULL(events))
		return -ENOMEM;
	ret = trace_create_files(tr, events, events_files,
				 ARRAY_SIZE(events_files),
				 RING_BUFFER_ALL_CPUS);
	if (ret)
		return ret;
	ftrace = tracefs_create_dir("ftrace", events);
	if (IS_ERR_OR_NULL(ftrace))
		return -ENOMEM;
	for (i = 0; i < ARRAY_SIZE(core_events); i++) {
		dir = tracefs_create_dir(core_events[i].name, ftrace);
		if (IS_ERR_OR_NULL(dir) ||
		    IS_ERR_OR_NULL(tracefs_create_file("format", 0444, dir,
						       &core_events[i],
						       &format_fops)) ||
		    IS_ERR_OR_NULL(tracefs_create_file("id", 0444, dir,
						       &core_events[i],
						       &id_fops)))
			return -ENOMEM;
	}
	return 0;
}

static int __init trace_core_events_init(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(core_events); i++) {
		core_events[i].event.funcs = &core_events[i].funcs;
		if (!register_trace_event(&core_events[i].event))
			pr_warn("tracing: record type %s not registered\n",
				core_events[i].name);
	}
	return 0;
}
early_initcall(trace_core_events_init);
