// SPDX-License-Identifier: GPL-2.0
/*
 * trace_event_fields.c - the fields of an event's record, and its format
 * file.
 *
 * A TRACE_EVENT() class describes its fields in an array (include/trace/
 * stages/fields.h) without offsets; they are laid out here after the
 * common fields by C's rules, which is where the compiler put them.  A
 * dynamic event type gives a define_fields() callback that calls
 * trace_define_field() with the offsets it chose.  The format file prints
 * the common fields, a blank line, the event's fields and the print
 * format, in mainline's layout, which libtraceevent parses.
 *
 * Locking: a class's field list is built when its first event is added
 * and freed when its last goes, both under trace_mutex; readers hold
 * trace_mutex or a reference on an event file of the class.
 */

#include <linux/seq_file.h>
#include <linux/slab.h>

#include "trace_array.h"
#include "trace_event_types.h"

/* The common fields, in record order; never freed. */
LIST_HEAD(ftrace_common_fields);

static int __define_field(struct list_head *head, const char *type,
			  const char *name, int offset, int size, int len,
			  int is_signed, int filter_type)
{
	struct ftrace_event_field *field;

	field = kzalloc(sizeof(*field), GFP_KERNEL);
	if (!field)
		return -ENOMEM;
	field->type = type;
	field->name = name;
	field->offset = offset;
	field->size = size;
	field->len = len;
	field->is_signed = !!is_signed;
	field->filter_type = filter_type;
	list_add_tail(&field->link, head);
	return 0;
}

/**
 * trace_define_field() - add a field to an event's class
 * @call: the event
 * @type: the C type as the format file shows it; kept, not copied
 * @name: the field name; kept, not copied
 * @offset: its offset in the record
 * @size: its size
 * @is_signed: whether comparisons are signed
 * @filter_type: FILTER_* kind
 *
 * For define_fields() callbacks of dynamic event types.  Fields are listed
 * in the order they are defined.
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_define_field(struct trace_event_call *call, const char *type,
		       const char *name, int offset, int size, int is_signed,
		       int filter_type)
{
	if (WARN_ON(!call->class))
		return -EINVAL;
	return __define_field(trace_get_fields(call), type, name, offset, size,
			      0, is_signed, filter_type);
}
EXPORT_SYMBOL_GPL(trace_define_field);

/*
 * Lay out a TRACE_EVENT() class's field array after struct trace_entry,
 * each field at the next multiple of its alignment.
 */
static int define_fields_array(struct trace_event_call *call,
			       const struct trace_event_fields *f)
{
	int offset = sizeof(struct trace_entry);
	int ret;

	for (; f->type; f++) {
		if (f->type == TRACE_FUNCTION_TYPE) {
			ret = f->define_fields(call);
			if (ret)
				return ret;
			continue;
		}
		offset = ALIGN(offset, f->align);
		ret = __define_field(trace_get_fields(call), f->type, f->name,
				     offset, f->size, f->len, f->is_signed,
				     f->filter_type);
		if (ret)
			return ret;
		offset += f->size;
	}
	return 0;
}

/**
 * trace_event_define_fields() - build a class's field list once
 * @call: an event of the class
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM (the partial list is freed).
 */
int trace_event_define_fields(struct trace_event_call *call)
{
	struct trace_event_class *class = call->class;
	int ret;

	lockdep_assert_held(&trace_mutex);
	if (!class->fields_array || !list_empty(trace_get_fields(call)))
		return 0;
	ret = define_fields_array(call, class->fields_array);
	if (ret)
		trace_event_free_fields(call);
	return ret;
}

/**
 * trace_event_free_fields() - free the field list of an event's class
 * @call: the event
 *
 * Context: process context, trace_mutex held; no other event of the class
 * remains.
 */
void trace_event_free_fields(struct trace_event_call *call)
{
	struct ftrace_event_field *field, *next;
	struct list_head *head = trace_get_fields(call);

	list_for_each_entry_safe(field, next, head, link) {
		list_del(&field->link);
		kfree(field);
	}
}

/**
 * trace_find_event_field() - look a field up by name
 * @call: the event
 * @name: the field name, common fields included
 *
 * Context: trace_mutex held or a reference on an event file of @call.
 * Return: the field, or NULL.
 */
struct ftrace_event_field *trace_find_event_field(struct trace_event_call *call,
						  const char *name)
{
	struct ftrace_event_field *field;

	list_for_each_entry(field, trace_get_fields(call), link)
		if (!strcmp(field->name, name))
			return field;
	list_for_each_entry(field, &ftrace_common_fields, link)
		if (!strcmp(field->name, name))
			return field;
	return NULL;
}

static void format_field(struct seq_file *m,
			 const struct ftrace_event_field *field)
{
	seq_printf(m, "\tfield:%s %s", field->type, field->name);
	if (field->len > 0)
		seq_printf(m, "[%d]", field->len);
	else if (field->len < 0)
		seq_puts(m, "[]");
	seq_printf(m, ";\toffset:%d;\tsize:%d;\tsigned:%d;\n",
		   field->offset, field->size, field->is_signed);
}

/**
 * trace_event_format_show() - an event's format file
 * @m: the seq_file
 * @call: the event
 *
 * Context: trace_mutex held.
 */
void trace_event_format_show(struct seq_file *m, struct trace_event_call *call)
{
	const struct ftrace_event_field *field;

	seq_printf(m, "name: %s\nID: %d\nformat:\n", trace_event_name(call),
		   call->event.type);
	list_for_each_entry(field, &ftrace_common_fields, link)
		format_field(m, field);
	seq_putc(m, '\n');
	list_for_each_entry(field, trace_get_fields(call), link)
		format_field(m, field);
	seq_printf(m, "\nprint fmt: %s\n", call->print_fmt ? : "");
}

#define COMMON_FIELD(t, item, name)					\
	__define_field(&ftrace_common_fields, #t, "common_" #name,	\
		       offsetof(struct trace_entry, item),		\
		       sizeof(((struct trace_entry *)NULL)->item), 0,	\
		       is_signed_type(t), FILTER_OTHER)

static int __init trace_common_fields_init(void)
{
	int ret;

	ret = COMMON_FIELD(unsigned short, type, type);
	ret = ret ? : COMMON_FIELD(unsigned char, flags, flags);
	ret = ret ? : COMMON_FIELD(unsigned char, preempt_count,
				   preempt_count);
	ret = ret ? : COMMON_FIELD(int, pid, pid);
	return ret;
}
core_initcall(trace_common_fields_init);

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/trace_event_fields-kunit.h"
#endif
