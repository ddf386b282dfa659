/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stages/probe.h - stage 6: the probe that records an event.
 *
 *	static noinline void trace_event_record_<class>(file, <proto>)
 *	{
 *		measure the dynamic fields;
 *		reserve the record (common fields filled);
 *		store the __data_loc words;
 *		<TP_fast_assign()>
 *		commit;
 *	}
 *
 *	static void trace_event_raw_event_<class>(void *__data, <proto>)
 *	{
 *		if (soft-disabled, triggers only, or PID-filtered)
 *			return;
 *		trace_event_record_<class>(__data, <args>);
 *	}
 *
 * Two functions so that an event dropped by those tests costs a flag test
 * and, at most, one call: the recording half's stack frame (the
 * reservation, zeroed under INIT_STACK_ALL_ZERO, and the saved arguments)
 * is set up only for an event that records, and the probe tail-calls it.
 *
 * The tracepoint calls it with the instance's trace_event_file as data,
 * one registration per enabled instance.
 */

#include <trace/stages/forms.h>
#include <trace/stages/copy.h>
#include <trace/stages/gate.h>

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
#define __dynamic_array(type, item, len)				\
	__entry->__data_loc_##item = __data_offsets.item;
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
#define __rel_dynamic_array(type, item, len)				\
	__entry->__rel_loc_##item = __data_offsets.item;
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

#include <trace/stages/getters.h>

/* TP_fast_assign() may name the record __entry or entry. */
#undef __entry
#define __entry entry

#undef __get_bitmask
#define __get_bitmask(field)		((char *)__get_dynamic_array(field))
#undef __get_cpumask
#define __get_cpumask(field)		__get_bitmask(field)
#undef __get_rel_bitmask
#define __get_rel_bitmask(field)	((char *)__get_rel_dynamic_array(field))
#undef __get_rel_cpumask
#define __get_rel_cpumask(field)	__get_rel_bitmask(field)

/* Copy a string measured by the sizes stage: its length is in the word. */
#undef __COPY_STR
#define __COPY_STR(dst, item, len)					\
	do {								\
		char *__dst = (dst);					\
		unsigned int __len = (len) - 1;				\
									\
		trace_copy(__dst, __data_offsets.item##_ptr_, __len);	\
		__dst[__len] = '\0';					\
	} while (0)

#undef __assign_str
#define __assign_str(dst)						\
	__COPY_STR(__get_str(dst), dst, __get_dynamic_array_len(dst))
#undef __assign_rel_str
#define __assign_rel_str(dst)						\
	__COPY_STR(__get_rel_str(dst), dst, __get_rel_dynamic_array_len(dst))

#undef __assign_vstr
#define __assign_vstr(dst, fmt, va)					\
	do {								\
		va_list __cp_va;					\
									\
		va_copy(__cp_va, *(va));				\
		vsnprintf(__get_str(dst), __get_dynamic_array_len(dst),	\
			  fmt, __cp_va);				\
		va_end(__cp_va);					\
	} while (0)

#undef __assign_bitmask
#define __assign_bitmask(dst, src, nr_bits)				\
	memcpy(__get_bitmask(dst), (src), __bitmask_size_in_bytes(nr_bits))
#undef __assign_cpumask
#define __assign_cpumask(dst, src)					\
	memcpy(__get_cpumask(dst), (src),				\
	       __bitmask_size_in_bytes(nr_cpumask_bits))
#undef __assign_sockaddr
#define __assign_sockaddr(dest, src, len)				\
	memcpy(__get_dynamic_array(dest), (src), (len))
#undef __assign_rel_bitmask
#define __assign_rel_bitmask(dst, src, nr_bits)				\
	memcpy(__get_rel_bitmask(dst), (src),				\
	       __bitmask_size_in_bytes(nr_bits))
#undef __assign_rel_cpumask
#define __assign_rel_cpumask(dst, src)					\
	memcpy(__get_rel_cpumask(dst), (src),				\
	       __bitmask_size_in_bytes(nr_cpumask_bits))
#undef __assign_rel_sockaddr
#define __assign_rel_sockaddr(dest, src, len)				\
	memcpy(__get_rel_dynamic_array(dest), (src), (len))

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(call, proto, args, tstruct, assign, print)	\
	static noinline notrace void					\
	trace_event_record_##call(struct trace_event_file *trace_file,	\
				  proto)				\
	{								\
		/* The sizes stage sets every member: no zeroing. */	\
		struct trace_event_data_offsets_##call			\
			__maybe_unused __data_offsets __uninitialized;	\
		struct trace_event_raw_##call *entry;			\
		struct trace_event_buffer fbuffer __uninitialized;	\
		int __data_size;					\
									\
		__data_size = trace_event_get_offsets_##call(		\
					&__data_offsets, args);		\
		entry = trace_event_buffer_reserve(&fbuffer, trace_file, \
				sizeof(*entry) + __data_size);		\
		if (!entry)						\
			return;						\
		tstruct							\
		{ assign; }						\
		trace_event_buffer_commit(&fbuffer);			\
	}								\
									\
	static notrace void						\
	trace_event_raw_event_##call(void *__data, proto)		\
	{								\
		if (trace_event_gated(__data))				\
			return;						\
		trace_event_record_##call(__data, args);		\
	}

#undef DEFINE_EVENT
#define DEFINE_EVENT(template, name, proto, args)
