/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stages/output.h - stage 3: print a record as text.
 *
 *	static enum print_line_t
 *	trace_raw_output_<class>(struct trace_iterator *iter, int flags,
 *				 struct trace_event *event)
 *	{
 *		<the record as __entry>
 *		trace_raw_output_prep(iter, event);	-- "<name>: "
 *		trace_event_printf(iter, <TP_printk()>);
 *	}
 *
 * One per class, and one per DEFINE_EVENT_PRINT() event.  The __print_*
 * helpers format into iter->tmp_seq ("p"), which trace_raw_output_prep()
 * empties for each record, and hand back a string for a "%s".
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
#define __dynamic_array(type, item, len)
#undef __string
#define __string(item, src)
#undef __string_len
#define __string_len(item, src, len)
#undef __vstring
#define __vstring(item, fmt, ap)
#undef __bitmask
#define __bitmask(item, nr_bits)
#undef __cpumask
#define __cpumask(item)
#undef __sockaddr
#define __sockaddr(field, len)
#undef __rel_dynamic_array
#define __rel_dynamic_array(type, item, len)
#undef __rel_string
#define __rel_string(item, src)
#undef __rel_string_len
#define __rel_string_len(item, src, len)
#undef __rel_bitmask
#define __rel_bitmask(item, nr_bits)
#undef __rel_cpumask
#define __rel_cpumask(item)
#undef __rel_sockaddr
#define __rel_sockaddr(field, len)

#include <trace/stages/getters.h>

/* TP_printk() may name the record __entry or field. */
#undef __entry
#define __entry field

#undef __get_bitmask
#define __get_bitmask(field)						\
	trace_print_bitmask_seq(p, __get_dynamic_array(field),		\
				__get_dynamic_array_len(field))
#undef __get_cpumask
#define __get_cpumask(field)	__get_bitmask(field)
#undef __get_rel_bitmask
#define __get_rel_bitmask(field)					\
	trace_print_bitmask_seq(p, __get_rel_dynamic_array(field),	\
				__get_rel_dynamic_array_len(field))
#undef __get_rel_cpumask
#define __get_rel_cpumask(field) __get_rel_bitmask(field)

#undef __print_flags
#define __print_flags(flag, delim, flag_array...)			\
	({								\
		static const struct trace_print_flags __flags[] =	\
			{ flag_array, { -1, NULL } };			\
		trace_print_flags_seq(p, delim, flag, __flags);		\
	})

#undef __print_symbolic
#define __print_symbolic(value, symbol_array...)			\
	({								\
		static const struct trace_print_flags __symbols[] =	\
			{ symbol_array, { -1, NULL } };			\
		trace_print_symbols_seq(p, value, __symbols);		\
	})

#if BITS_PER_LONG == 32
#undef __print_flags_u64
#define __print_flags_u64(flag, delim, flag_array...)			\
	({								\
		static const struct trace_print_flags_u64 __flags[] =	\
			{ flag_array, { -1, NULL } };			\
		trace_print_flags_seq_u64(p, delim, flag, __flags);	\
	})

#undef __print_symbolic_u64
#define __print_symbolic_u64(value, symbol_array...)			\
	({								\
		static const struct trace_print_flags_u64 __symbols[] = \
			{ symbol_array, { -1, NULL } };			\
		trace_print_symbols_seq_u64(p, value, __symbols);	\
	})
#else
#undef __print_flags_u64
#define __print_flags_u64(flag, delim, flag_array...)			\
	__print_flags(flag, delim, flag_array)
#undef __print_symbolic_u64
#define __print_symbolic_u64(value, symbol_array...)			\
	__print_symbolic(value, symbol_array)
#endif

#undef __print_hex
#define __print_hex(buf, buf_len)					\
	trace_print_hex_seq(p, buf, buf_len, false)
#undef __print_hex_str
#define __print_hex_str(buf, buf_len)					\
	trace_print_hex_seq(p, buf, buf_len, true)

#undef __print_array
#define __print_array(array, count, el_size)				\
	({								\
		BUILD_BUG_ON((el_size) != 1 && (el_size) != 2 &&	\
			     (el_size) != 4 && (el_size) != 8);		\
		trace_print_array_seq(p, array, count, el_size);	\
	})

#undef __print_hex_dump
#define __print_hex_dump(prefix_str, prefix_type, rowsize, groupsize,	\
			 buf, len, ascii)				\
	trace_print_hex_dump_seq(p, prefix_str, prefix_type, rowsize,	\
				 groupsize, buf, len, ascii)

#undef __print_ns_to_secs
#define __print_ns_to_secs(value)					\
	({								\
		u64 ____val = (u64)(value);				\
									\
		do_div(____val, NSEC_PER_SEC);				\
		____val;						\
	})

#undef __print_ns_without_secs
#define __print_ns_without_secs(value)					\
	({								\
		u64 ____val = (u64)(value);				\
									\
		(u32)do_div(____val, NSEC_PER_SEC);			\
	})

#undef __get_buf
#define __get_buf(len)		trace_seq_acquire(p, (len))

/* The line ends where TP_printk()'s format does. */
#undef TP_printk
#define TP_printk(fmt, args...) fmt "\n", args

#undef __TRACE_OUTPUT_FN
#define __TRACE_OUTPUT_FN(fn, type, print)				\
	static notrace enum print_line_t				\
	fn(struct trace_iterator *iter, int flags,			\
	   struct trace_event *trace_event)				\
	{								\
		struct trace_seq __maybe_unused *p = &iter->tmp_seq;	\
		struct type __maybe_unused *field = (void *)iter->ent;	\
		int ret;						\
									\
		ret = trace_raw_output_prep(iter, trace_event);		\
		if (ret != TRACE_TYPE_HANDLED)				\
			return ret;					\
		trace_event_printf(iter, print);			\
		return trace_handle_return(&iter->seq);			\
	}

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(call, proto, args, tstruct, assign, print)	\
	__TRACE_OUTPUT_FN(trace_raw_output_##call,			\
			  trace_event_raw_##call, PARAMS(print))	\
	static struct trace_event_functions trace_event_type_funcs_##call = { \
		.trace = trace_raw_output_##call,			\
	};

#undef DEFINE_EVENT
#define DEFINE_EVENT(template, name, proto, args)

#undef DEFINE_EVENT_PRINT
#define DEFINE_EVENT_PRINT(template, call, proto, args, print)		\
	__TRACE_OUTPUT_FN(trace_raw_output_##call,			\
			  trace_event_raw_##template, PARAMS(print))	\
	static struct trace_event_functions trace_event_type_funcs_##call = { \
		.trace = trace_raw_output_##call,			\
	};
