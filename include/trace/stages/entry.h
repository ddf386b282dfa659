/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stages/entry.h - stage 1: the record.
 *
 *	struct trace_event_raw_<class> {
 *		struct trace_entry	ent;
 *		<fields>
 *		char			__data[];
 *	};
 *
 * A dynamic field (__string, __dynamic_array, __bitmask, ...) is a u32 in
 * the record, __data_loc_<item>: the low 16 bits are the offset of the
 * data from the start of the record, the high 16 bits its length.  The
 * __rel_ forms keep __rel_loc_<item>, whose offset counts from the end of
 * that u32 instead.  The data itself follows the fixed part, in __data[].
 *
 * TRACE_DEFINE_ENUM()/TRACE_DEFINE_SIZEOF() become entries of the
 * _ftrace_eval_map section; the registry writes their values into the
 * print formats that name them.
 */

#include <trace/stages/forms.h>

#undef __field
#define __field(type, item)		type	item;
#undef __field_ext
#define __field_ext(type, item, filter_type)	type	item;
#undef __field_struct
#define __field_struct(type, item)	type	item;
#undef __field_struct_ext
#define __field_struct_ext(type, item, filter_type)	type	item;
#undef __field_packed
#define __field_packed(type, container, item)	type	item __packed;
#undef __array
#define __array(type, item, len)	type	item[len];

#undef __dynamic_array
#define __dynamic_array(type, item, len)	u32	__data_loc_##item;
#undef __string
#define __string(item, src)		__dynamic_array(char, item, -1)
#undef __string_len
#define __string_len(item, src, len)	__dynamic_array(char, item, -1)
#undef __vstring
#define __vstring(item, fmt, ap)	__dynamic_array(char, item, -1)
#undef __bitmask
#define __bitmask(item, nr_bits)	__dynamic_array(char, item, -1)
#undef __cpumask
#define __cpumask(item)			__dynamic_array(char, item, -1)
#undef __sockaddr
#define __sockaddr(field, len)		__dynamic_array(u8, field, len)

#undef __rel_dynamic_array
#define __rel_dynamic_array(type, item, len)	u32	__rel_loc_##item;
#undef __rel_string
#define __rel_string(item, src)		__rel_dynamic_array(char, item, -1)
#undef __rel_string_len
#define __rel_string_len(item, src, len) __rel_dynamic_array(char, item, -1)
#undef __rel_bitmask
#define __rel_bitmask(item, nr_bits)	__rel_dynamic_array(char, item, -1)
#undef __rel_cpumask
#define __rel_cpumask(item)		__rel_dynamic_array(char, item, -1)
#undef __rel_sockaddr
#define __rel_sockaddr(field, len)	__rel_dynamic_array(u8, field, len)

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(name, proto, args, tstruct, assign, print)	\
	struct trace_event_raw_##name {					\
		struct trace_entry	ent;				\
		tstruct							\
		char			__data[];			\
	};								\
									\
	static struct trace_event_class event_class_##name;

#undef DEFINE_EVENT
#define DEFINE_EVENT(template, name, proto, args)			\
	static struct trace_event_call __used				\
		__attribute__((__aligned__(4))) event_##name;

/*
 * One map entry per constant, a file-scope compound literal (static
 * storage) pointed at from the section, so that the same constant may be
 * named by several headers of one system.
 */
#define __TRACE_EVAL_MAP(str, val)					\
	static struct trace_eval_map __used				\
		__section("_ftrace_eval_map") *__UNIQUE_ID(trace_eval) = \
		&(struct trace_eval_map) {				\
			.system		= TRACE_SYSTEM_STRING,		\
			.eval_string	= str,				\
			.eval_value	= val,				\
		};

#undef TRACE_DEFINE_ENUM
#define TRACE_DEFINE_ENUM(a)		__TRACE_EVAL_MAP(#a, a)

#undef TRACE_DEFINE_SIZEOF
#define TRACE_DEFINE_SIZEOF(a)		__TRACE_EVAL_MAP("sizeof(" #a ")", sizeof(a))
