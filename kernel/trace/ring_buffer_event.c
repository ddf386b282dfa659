// SPDX-License-Identifier: GPL-2.0
/*
 * ring_buffer_event.c - the record layout: accessors and its description
 * in events/header_page and events/header_event.
 *
 * The layout is ABI.  User space decodes pages with what these two files
 * say, so the text keeps mainline's exact form.
 */

#include <linux/trace_seq.h>

#include "ring_buffer_types.h"

/**
 * ring_buffer_event_data - the payload of a data record
 * @event: the record
 *
 * Context: any.
 * Return: a pointer to the payload.
 */
void *ring_buffer_event_data(struct ring_buffer_event *event)
{
	return rb_payload(event);
}
EXPORT_SYMBOL_GPL(ring_buffer_event_data);

/**
 * ring_buffer_event_length - bytes of payload of a record
 * @event: the record
 *
 * Payloads are rounded up to 4 bytes.
 *
 * Context: any.
 * Return: the payload length of a data record, else the record's length.
 */
unsigned int ring_buffer_event_length(struct ring_buffer_event *event)
{
	unsigned int len = rb_record_len(event);

	if (!rb_is_data(event))
		return len;
	len -= RB_HDR_LEN;
	if (!event->type_len)
		len -= sizeof(u32);
	return len;
}
EXPORT_SYMBOL_GPL(ring_buffer_event_length);

/**
 * ring_buffer_print_page_header - describe a page, for events/header_page
 * @buffer: the buffer (its sub-buffer size), or NULL for a page
 * @s: where to print
 *
 * Context: any.
 * Return: nonzero unless @s overflowed.
 */
int ring_buffer_print_page_header(struct trace_buffer *buffer,
				  struct trace_seq *s)
{
	struct buffer_data_page p;
	unsigned int data = buffer ? rb_usable(buffer) : PAGE_SIZE - RB_DATA_OFF;

	trace_seq_printf(s, "\tfield: u64 timestamp;\toffset:0;\tsize:%u;\tsigned:%u;\n",
			 (unsigned int)sizeof(p.time_stamp),
			 (unsigned int)is_signed_type(u64));
	trace_seq_printf(s, "\tfield: local_t commit;\toffset:%u;\tsize:%u;\tsigned:%u;\n",
			 (unsigned int)offsetof(typeof(p), commit),
			 (unsigned int)sizeof(p.commit),
			 (unsigned int)is_signed_type(long));
	trace_seq_printf(s, "\tfield: int overwrite;\toffset:%u;\tsize:%u;\tsigned:%u;\n",
			 (unsigned int)offsetof(typeof(p), commit), 1,
			 (unsigned int)is_signed_type(long));
	trace_seq_printf(s, "\tfield: char data;\toffset:%u;\tsize:%u;\tsigned:%u;\n",
			 (unsigned int)RB_DATA_OFF, data,
			 (unsigned int)is_signed_type(char));
	return !trace_seq_has_overflowed(s);
}
EXPORT_SYMBOL_GPL(ring_buffer_print_page_header);

/**
 * ring_buffer_print_entry_header - describe a record, for
 *	events/header_event
 * @s: where to print
 *
 * Context: any.
 * Return: nonzero unless @s overflowed.
 */
int ring_buffer_print_entry_header(struct trace_seq *s)
{
	trace_seq_puts(s, "# compressed entry header\n");
	trace_seq_puts(s, "\ttype_len    :    5 bits\n");
	trace_seq_puts(s, "\ttime_delta  :   27 bits\n");
	trace_seq_puts(s, "\tarray       :   32 bits\n");
	trace_seq_putc(s, '\n');
	trace_seq_printf(s, "\tpadding     : type == %d\n",
			 RINGBUF_TYPE_PADDING);
	trace_seq_printf(s, "\ttime_extend : type == %d\n",
			 RINGBUF_TYPE_TIME_EXTEND);
	trace_seq_printf(s, "\ttime_stamp : type == %d\n",
			 RINGBUF_TYPE_TIME_STAMP);
	trace_seq_printf(s, "\tdata max type_len  == %d\n",
			 RINGBUF_TYPE_DATA_TYPE_LEN_MAX);
	return !trace_seq_has_overflowed(s);
}
EXPORT_SYMBOL_GPL(ring_buffer_print_entry_header);
