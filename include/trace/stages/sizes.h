/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stages/sizes.h - stage 5: measure a record's dynamic fields.
 *
 *	static inline int trace_event_get_offsets_<class>(
 *		struct trace_event_data_offsets_<class> *__data_offsets,
 *		<proto>)
 *
 * runs before the reserve: it gives each dynamic field its place after the
 * fixed part and returns the bytes they need in all.  A string's length
 * is taken here, once, and its source kept for the copy; a NULL string is
 * recorded as "(null)".  A length is cut to what the 16-bit length of a
 * __data_loc word can say.
 */

#include <trace/stages/forms.h>
#include <trace/stages/strlen.h>

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

/* Place @bytes of data for @item; a __rel_ word counts from its end. */
#undef __DYN_PLACE
#define __DYN_PLACE(item, bytes, rel_base)				\
	__item_length = min_t(unsigned int, (bytes), 0xffff);		\
	__data_offsets->item = __data_size +				\
		offsetof(typeof(*entry), __data) - (rel_base);		\
	__data_offsets->item |= __item_length << 16;			\
	__data_size += __item_length;

#undef __DATA_LOC
#define __DATA_LOC(item, bytes)		__DYN_PLACE(item, bytes, 0)
#undef __REL_LOC
#define __REL_LOC(item, bytes)						\
	__DYN_PLACE(item, bytes,					\
		    offsetof(typeof(*entry), __rel_loc_##item) + sizeof(u32))

#undef __STR_SRC
#define __STR_SRC(item, src)						\
	(__data_offsets->item##_ptr_ = (src) ? (const void *)(src) :	\
					     EVENT_NULL_STR)

#undef __dynamic_array
#define __dynamic_array(type, item, len)				\
	__DATA_LOC(item, (len) * sizeof(type))
#undef __string
#define __string(item, src)						\
	__DATA_LOC(item, trace_event_strlen(__STR_SRC(item, src)) + 1)
#undef __string_len
#define __string_len(item, src, len)					\
	__DATA_LOC(item, strnlen(__STR_SRC(item, src), (len)) + 1)
#undef __vstring
#define __vstring(item, fmt, ap)					\
	__DATA_LOC(item, __trace_event_vstr_len(fmt, ap))
#undef __bitmask
#define __bitmask(item, nr_bits)					\
	__DATA_LOC(item, __bitmask_size_in_bytes(nr_bits))
#undef __cpumask
#define __cpumask(item)							\
	__DATA_LOC(item, __bitmask_size_in_bytes(nr_cpumask_bits))
#undef __sockaddr
#define __sockaddr(field, len)		__DATA_LOC(field, len)

#undef __rel_dynamic_array
#define __rel_dynamic_array(type, item, len)				\
	__REL_LOC(item, (len) * sizeof(type))
#undef __rel_string
#define __rel_string(item, src)						\
	__REL_LOC(item, trace_event_strlen(__STR_SRC(item, src)) + 1)
#undef __rel_string_len
#define __rel_string_len(item, src, len)				\
	__REL_LOC(item, strnlen(__STR_SRC(item, src), (len)) + 1)
#undef __rel_bitmask
#define __rel_bitmask(item, nr_bits)					\
	__REL_LOC(item, __bitmask_size_in_bytes(nr_bits))
#undef __rel_cpumask
#define __rel_cpumask(item)						\
	__REL_LOC(item, __bitmask_size_in_bytes(nr_cpumask_bits))
#undef __rel_sockaddr
#define __rel_sockaddr(field, len)	__REL_LOC(field, len)

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(call, proto, args, tstruct, assign, print)	\
	static inline notrace int trace_event_get_offsets_##call(	\
		struct trace_event_data_offsets_##call *__data_offsets,	\
		proto)							\
	{								\
		struct trace_event_raw_##call __maybe_unused *entry;	\
		unsigned int __maybe_unused __item_length;		\
		int __data_size = 0;					\
									\
		tstruct							\
		return __data_size;					\
	}

#undef DEFINE_EVENT
#define DEFINE_EVENT(template, name, proto, args)
