/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stages/fields.h - stage 4: describe the record's fields.
 *
 *	static struct trace_event_fields trace_event_fields_<class>[] = {
 *		{ .type = "pid_t", .name = "pid", .size = 4, .align = 4, ... },
 *		...
 *		{}
 *	};
 *
 * The registry lays the fields out after the common ones with C's rules
 * (each at the next multiple of its alignment), which is where the
 * compiler put them in struct trace_event_raw_<class>; format files and
 * filters read the result.  A fixed array keeps its element type in .type
 * and its length in .len; the format file prints "type name[len]".
 * A dynamic field is the u32 word: "__data_loc type[] name".
 */

#include <trace/stages/forms.h>

#undef __FIELD_DESC
#define __FIELD_DESC(_type, _name, _size, _align, _signed, _filter, _len) \
	{ .type = _type, .name = _name, .size = _size, .align = _align,	\
	  .is_signed = _signed, .filter_type = _filter, .len = _len },

#undef __field_ext
#define __field_ext(type, item, filter_type)				\
	__FIELD_DESC(#type, #item, sizeof(type), __alignof__(type),	\
		     is_signed_type(type), filter_type, 0)
#undef __field
#define __field(type, item)	__field_ext(type, item, FILTER_OTHER)
#undef __field_struct_ext
#define __field_struct_ext(type, item, filter_type)			\
	__FIELD_DESC(#type, #item, sizeof(type), __alignof__(type),	\
		     0, filter_type, 0)
#undef __field_struct
#define __field_struct(type, item)					\
	__field_struct_ext(type, item, FILTER_OTHER)
#undef __field_packed
#define __field_packed(type, container, item)				\
	__FIELD_DESC(#type, #item, sizeof(type), 1,			\
		     is_signed_type(type), FILTER_OTHER, 0)
#undef __array
#define __array(type, item, len)					\
	__FIELD_DESC(#type, #item, sizeof(type[len]), __alignof__(type), \
		     is_signed_type(type), FILTER_OTHER, len)

#undef __DYN_DESC
#define __DYN_DESC(loc, type, item, filter)				\
	__FIELD_DESC(loc " " type, #item, 4, 4, 0, filter, 0)

#undef __dynamic_array
#define __dynamic_array(type, item, len)				\
	__DYN_DESC("__data_loc", #type "[]", item, FILTER_OTHER)
#undef __string
#define __string(item, src)						\
	__DYN_DESC("__data_loc", "char[]", item, FILTER_DYN_STRING)
#undef __string_len
#define __string_len(item, src, len)	__string(item, src)
#undef __vstring
#define __vstring(item, fmt, ap)	__string(item, fmt)
#undef __bitmask
#define __bitmask(item, nr_bits)					\
	__DYN_DESC("__data_loc", "unsigned long[]", item, FILTER_OTHER)
#undef __cpumask
#define __cpumask(item)							\
	__DYN_DESC("__data_loc", "cpumask_t", item, FILTER_CPUMASK)
#undef __sockaddr
#define __sockaddr(field, len)		__dynamic_array(u8, field, len)

#undef __rel_dynamic_array
#define __rel_dynamic_array(type, item, len)				\
	__DYN_DESC("__rel_loc", #type "[]", item, FILTER_OTHER)
#undef __rel_string
#define __rel_string(item, src)						\
	__DYN_DESC("__rel_loc", "char[]", item, FILTER_RDYN_STRING)
#undef __rel_string_len
#define __rel_string_len(item, src, len) __rel_string(item, src)
#undef __rel_bitmask
#define __rel_bitmask(item, nr_bits)					\
	__DYN_DESC("__rel_loc", "unsigned long[]", item, FILTER_OTHER)
#undef __rel_cpumask
#define __rel_cpumask(item)						\
	__DYN_DESC("__rel_loc", "cpumask_t", item, FILTER_CPUMASK)
#undef __rel_sockaddr
#define __rel_sockaddr(field, len)	__rel_dynamic_array(u8, field, len)

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(call, proto, args, tstruct, assign, print)	\
	static struct trace_event_fields trace_event_fields_##call[] = { \
		tstruct							\
		{}							\
	};

#undef DEFINE_EVENT
#define DEFINE_EVENT(template, name, proto, args)
