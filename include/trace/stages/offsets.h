/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stages/offsets.h - stage 2: where a record's dynamic fields go.
 *
 *	struct trace_event_data_offsets_<class> {
 *		u32		<item>;		(the __data_loc word to store)
 *		const void	*<item>_ptr_;	(a string's source, read once)
 *	};
 *
 * The sizes stage fills it before the record is reserved; the probe
 * stores each word in the record and copies each string from its saved
 * source, so the source expression is evaluated once.
 */

#include <trace/stages/forms.h>

#undef __field
#define __field(type, item)
#undef __field_ext
#define __field_ext(type, item, filter_type)
#undef __field_struct
#define __field_struct(type, item)
#undef __field_struct_ext
#define __field_struct_ext(type, item, filter_type)
#undef __field_packed
#define __field_packed(type, container, item)
#undef __array
#define __array(type, item, len)

#undef __dynamic_array
#define __dynamic_array(type, item, len)	u32 item;
#undef __string
#define __string(item, src)		u32 item; const void *item##_ptr_;
#undef __string_len
#define __string_len(item, src, len)	__string(item, src)
#undef __vstring
#define __vstring(item, fmt, ap)	u32 item;
#undef __bitmask
#define __bitmask(item, nr_bits)	u32 item;
#undef __cpumask
#define __cpumask(item)			u32 item;
#undef __sockaddr
#define __sockaddr(field, len)		u32 field;

#undef __rel_dynamic_array
#define __rel_dynamic_array(type, item, len)	u32 item;
#undef __rel_string
#define __rel_string(item, src)		__string(item, src)
#undef __rel_string_len
#define __rel_string_len(item, src, len) __string(item, src)
#undef __rel_bitmask
#define __rel_bitmask(item, nr_bits)	u32 item;
#undef __rel_cpumask
#define __rel_cpumask(item)		u32 item;
#undef __rel_sockaddr
#define __rel_sockaddr(field, len)	u32 field;

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(call, proto, args, tstruct, assign, print)	\
	struct trace_event_data_offsets_##call {			\
		tstruct							\
	};

#undef DEFINE_EVENT
#define DEFINE_EVENT(template, name, proto, args)
