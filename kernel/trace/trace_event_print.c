// SPDX-License-Identifier: GPL-2.0
/*
 * trace_event_print.c - the helpers an event's text output calls.
 *
 * TP_printk() runs in the output function of include/trace/stages/
 * output.h.  Its __print_*() helpers format into the iterator's scratch
 * trace_seq and return a NUL-terminated string there for a "%s"; the
 * scratch is emptied for each record by trace_raw_output_prep(), which
 * also prints "<event name>: ".  trace_event_printf() prints the line
 * itself, with "%p" unhashed when the hash-ptr option is off.
 *
 * Locking: none; an iterator belongs to one reader.
 */

#include <linux/slab.h>
#include <linux/trace_events.h>

#include "trace_output.h"

/* Terminate what a helper wrote and hand it out. */
static const char *seq_string(struct trace_seq *p, const char *start)
{
	trace_seq_putc(p, '\0');
	return start;
}

/**
 * trace_print_flags_seq() - the names of the flags set in a value
 * @p: the scratch trace_seq
 * @delim: printed between names
 * @flags: the value
 * @flag_array: { mask, name } pairs ending with a NULL name
 *
 * A mask is printed when all its bits are set, and its bits are then
 * taken away; bits no name covers are printed in hex at the end.
 *
 * Context: output, process context.
 * Return: the string, in @p.
 */
const char *trace_print_flags_seq(struct trace_seq *p, const char *delim,
				  unsigned long flags,
				  const struct trace_print_flags *flag_array)
{
	const char *start = trace_seq_buffer_ptr(p);
	bool first = true;
	int i;

	for (i = 0; flag_array[i].name && flags; i++) {
		unsigned long mask = flag_array[i].mask;

		if ((flags & mask) != mask)
			continue;
		flags &= ~mask;
		if (!first && delim)
			trace_seq_puts(p, delim);
		first = false;
		trace_seq_puts(p, flag_array[i].name);
	}
	if (flags) {
		if (!first && delim)
			trace_seq_puts(p, delim);
		trace_seq_printf(p, "0x%lx", flags);
	}
	return seq_string(p, start);
}
EXPORT_SYMBOL(trace_print_flags_seq);

/**
 * trace_print_symbols_seq() - the name of a value
 * @p: the scratch trace_seq
 * @val: the value
 * @symbol_array: { value, name } pairs ending with a NULL name
 *
 * Context: output, process context.
 * Return: the name, or the value in hex if it has none, in @p.
 */
const char *trace_print_symbols_seq(struct trace_seq *p, unsigned long val,
				    const struct trace_print_flags *symbol_array)
{
	const char *start = trace_seq_buffer_ptr(p);
	int i;

	for (i = 0; symbol_array[i].name; i++) {
		if (symbol_array[i].mask == val) {
			trace_seq_puts(p, symbol_array[i].name);
			return seq_string(p, start);
		}
	}
	trace_seq_printf(p, "0x%lx", val);
	return seq_string(p, start);
}
EXPORT_SYMBOL(trace_print_symbols_seq);

#if BITS_PER_LONG == 32
/**
 * trace_print_flags_seq_u64() - trace_print_flags_seq() for u64 values
 * @p: the scratch trace_seq
 * @delim: printed between names
 * @flags: the value
 * @flag_array: { mask, name } pairs ending with a NULL name
 *
 * Context: output, process context.
 * Return: the string, in @p.
 */
const char *trace_print_flags_seq_u64(struct trace_seq *p, const char *delim,
				      unsigned long long flags,
				      const struct trace_print_flags_u64 *flag_array)
{
	const char *start = trace_seq_buffer_ptr(p);
	bool first = true;
	int i;

	for (i = 0; flag_array[i].name && flags; i++) {
		unsigned long long mask = flag_array[i].mask;

		if ((flags & mask) != mask)
			continue;
		flags &= ~mask;
		if (!first && delim)
			trace_seq_puts(p, delim);
		first = false;
		trace_seq_puts(p, flag_array[i].name);
	}
	if (flags) {
		if (!first && delim)
			trace_seq_puts(p, delim);
		trace_seq_printf(p, "0x%llx", flags);
	}
	return seq_string(p, start);
}
EXPORT_SYMBOL(trace_print_flags_seq_u64);

/**
 * trace_print_symbols_seq_u64() - trace_print_symbols_seq() for u64 values
 * @p: the scratch trace_seq
 * @val: the value
 * @symbol_array: { value, name } pairs ending with a NULL name
 *
 * Context: output, process context.
 * Return: the name, or the value in hex, in @p.
 */
const char *trace_print_symbols_seq_u64(struct trace_seq *p,
					unsigned long long val,
					const struct trace_print_flags_u64 *symbol_array)
{
	const char *start = trace_seq_buffer_ptr(p);
	int i;

	for (i = 0; symbol_array[i].name; i++) {
		if (symbol_array[i].mask == val) {
			trace_seq_puts(p, symbol_array[i].name);
			return seq_string(p, start);
		}
	}
	trace_seq_printf(p, "0x%llx", val);
	return seq_string(p, start);
}
EXPORT_SYMBOL(trace_print_symbols_seq_u64);
#endif

/**
 * trace_print_bitmask_seq() - a bitmask as a hex mask ("00000003")
 * @p: the scratch trace_seq
 * @bitmask_ptr: the bits
 * @bitmask_size: their size in bytes
 *
 * Context: output, process context.
 * Return: the string, in @p.
 */
const char *trace_print_bitmask_seq(struct trace_seq *p, void *bitmask_ptr,
				    unsigned int bitmask_size)
{
	const char *start = trace_seq_buffer_ptr(p);

	trace_seq_bitmask(p, bitmask_ptr, bitmask_size * 8);
	return seq_string(p, start);
}
EXPORT_SYMBOL_GPL(trace_print_bitmask_seq);

/**
 * trace_print_hex_seq() - bytes in hex
 * @p: the scratch trace_seq
 * @buf: the bytes
 * @len: how many
 * @concatenate: no space between bytes
 *
 * Context: output, process context.
 * Return: the string, in @p.
 */
const char *trace_print_hex_seq(struct trace_seq *p, const unsigned char *buf,
				int len, bool concatenate)
{
	const char *start = trace_seq_buffer_ptr(p);
	int i;

	for (i = 0; i < len; i++)
		trace_seq_printf(p, "%s%2.2x", concatenate || !i ? "" : " ",
				 buf[i]);
	return seq_string(p, start);
}
EXPORT_SYMBOL(trace_print_hex_seq);

/**
 * trace_print_array_seq() - an array of integers, "{0x1,0x2}"
 * @p: the scratch trace_seq
 * @buf: the array
 * @count: its elements
 * @el_size: an element's size: 1, 2, 4 or 8
 *
 * Context: output, process context.
 * Return: the string, in @p.
 */
const char *trace_print_array_seq(struct trace_seq *p, const void *buf,
				  int count, size_t el_size)
{
	const char *start = trace_seq_buffer_ptr(p);
	const char *sep = "";
	int i;

	trace_seq_putc(p, '{');
	for (i = 0; i < count; i++, buf += el_size, sep = ",") {
		u64 v;

		switch (el_size) {
		case 1:
			v = *(const u8 *)buf;
			break;
		case 2:
			v = *(const u16 *)buf;
			break;
		case 4:
			v = *(const u32 *)buf;
			break;
		case 8:
			v = *(const u64 *)buf;
			break;
		default:
			trace_seq_printf(p, "BAD SIZE:%zu 0x%x", el_size,
					 *(const u8 *)buf);
			continue;
		}
		trace_seq_printf(p, "%s0x%llx", sep, v);
	}
	trace_seq_putc(p, '}');
	return seq_string(p, start);
}
EXPORT_SYMBOL(trace_print_array_seq);

/**
 * trace_print_hex_dump_seq() - a hex dump, from a new line
 * @p: the scratch trace_seq
 * @prefix_str: printed before each line
 * @prefix_type: DUMP_PREFIX_*
 * @rowsize: bytes per line
 * @groupsize: bytes per group
 * @buf: the bytes
 * @len: how many
 * @ascii: add the printable characters
 *
 * Context: output, process context.
 * Return: the dump, in @p.
 */
const char *trace_print_hex_dump_seq(struct trace_seq *p,
				     const char *prefix_str, int prefix_type,
				     int rowsize, int groupsize,
				     const void *buf, size_t len, bool ascii)
{
	const char *start = trace_seq_buffer_ptr(p);

	trace_seq_putc(p, '\n');
	trace_seq_hex_dump(p, prefix_str, prefix_type, rowsize, groupsize,
			   buf, len, ascii);
	return seq_string(p, start);
}
EXPORT_SYMBOL(trace_print_hex_dump_seq);

/**
 * trace_raw_output_prep() - start an event's text line
 * @iter: the iterator on the record
 * @trace_event: the record's type
 *
 * Empties the scratch trace_seq and prints "<event name>: ".
 *
 * Context: output, process context.
 * Return: TRACE_TYPE_HANDLED, or TRACE_TYPE_PARTIAL_LINE without room.
 */
int trace_raw_output_prep(struct trace_iterator *iter,
			  struct trace_event *trace_event)
{
	struct trace_event_call *call =
		container_of(trace_event, struct trace_event_call, event);

	trace_seq_init(&iter->tmp_seq);
	trace_seq_printf(&iter->seq, "%s: ", trace_event_name(call));
	return trace_handle_return(&iter->seq);
}
EXPORT_SYMBOL(trace_raw_output_prep);

/**
 * trace_iter_fmt() - a format as the hash-ptr option wants it
 * @iter: the iterator, whose fmt buffer may be used
 * @fmt: a printf format
 *
 * With hash-ptr off, each plain "%p" becomes "%px".
 *
 * Context: output, process context.
 * Return: @fmt, or the rewritten copy in @iter.
 */
const char *trace_iter_fmt(struct trace_iterator *iter, const char *fmt)
{
	const char *p;
	char *q;
	size_t n;

	if (READ_ONCE(iter->tr->flags) & TRACE_ITER_HASH_PTR ||
	    !strstr(fmt, "%p"))
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

/**
 * trace_event_printf() - print an event's line
 * @iter: the iterator
 * @fmt: TP_printk()'s format
 *
 * Context: output, process context.
 */
void trace_event_printf(struct trace_iterator *iter, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	trace_seq_vprintf(&iter->seq, trace_iter_fmt(iter, fmt), ap);
	va_end(ap);
}
EXPORT_SYMBOL(trace_event_printf);

/**
 * trace_output_call() - print a line for an event without a class printer
 * @iter: the iterator
 * @name: the event name
 * @fmt: the format of the rest
 *
 * Context: output, process context.
 * Return: as trace_handle_return().
 */
int trace_output_call(struct trace_iterator *iter, char *name, char *fmt, ...)
{
	va_list ap;

	trace_seq_init(&iter->tmp_seq);
	trace_seq_printf(&iter->seq, "%s: ", name);
	va_start(ap, fmt);
	trace_seq_vprintf(&iter->seq, trace_iter_fmt(iter, fmt), ap);
	va_end(ap);
	return trace_handle_return(&iter->seq);
}
EXPORT_SYMBOL_GPL(trace_output_call);

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/trace_event_print-kunit.h"
#endif
