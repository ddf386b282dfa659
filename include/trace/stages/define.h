/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stages/define.h - stage 8: the class and event objects.
 *
 *	static char print_fmt_<class>[] = "\"<fmt>\", <args as text>";
 *	static struct trace_event_class event_class_<class> = { ... };
 *	static struct trace_event_call event_<name> = { ... };
 *	static struct trace_event_call *__event_<name>
 *		__section("_ftrace_events") = &event_<name>;
 *
 * The registry finds every event through the _ftrace_events section (of
 * vmlinux, or of a module as it loads).
 *
 * The print format is TP_printk()'s arguments as text, with __entry
 * written REC and the helpers (__get_str(), __print_flags(), ...) left as
 * they are, so that tools can evaluate it; other macros are expanded.
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

/* The helpers stay words in the text. */
#undef __get_dynamic_array
#undef __get_dynamic_array_len
#undef __get_str
#undef __get_sockaddr
#undef __get_bitmask
#undef __get_cpumask
#undef __get_rel_dynamic_array
#undef __get_rel_dynamic_array_len
#undef __get_rel_str
#undef __get_rel_sockaddr
#undef __get_rel_bitmask
#undef __get_rel_cpumask
#undef __get_buf
#undef __print_flags
#undef __print_symbolic
#undef __print_flags_u64
#undef __print_symbolic_u64
#undef __print_hex
#undef __print_hex_str
#undef __print_array
#undef __print_hex_dump
#undef __print_ns_to_secs
#undef __print_ns_without_secs

#undef __entry
#define __entry REC

#undef TP_printk
#define TP_printk(fmt, args...) "\"" fmt "\", " __stringify(args)

#undef _PERF_PROBE
#ifdef CONFIG_PERF_EVENTS
#define _PERF_PROBE(call)	.perf_probe = perf_trace_##call,
#else
#define _PERF_PROBE(call)
#endif

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(call, proto, args, tstruct, assign, print)	\
	static char print_fmt_##call[] = print;				\
	static struct trace_event_class __used event_class_##call = {	\
		.system		= TRACE_SYSTEM_STRING,			\
		.fields_array	= trace_event_fields_##call,		\
		.fields		= LIST_HEAD_INIT(event_class_##call.fields), \
		.raw_init	= trace_event_raw_init,			\
		.probe		= trace_event_raw_event_##call,		\
		_PERF_PROBE(call)					\
		.reg		= trace_event_reg,			\
	};

#undef __TRACE_EVENT_CALL
#define __TRACE_EVENT_CALL(template, call, printer)			\
	static struct trace_event_call __used event_##call = {		\
		.class		= &event_class_##template,		\
		{ .tp		= &__tracepoint_##call },		\
		.event.funcs	= &trace_event_type_funcs_##printer,	\
		.print_fmt	= print_fmt_##printer,			\
		.flags		= TRACE_EVENT_FL_TRACEPOINT,		\
	};								\
	static struct trace_event_call __used				\
		__section("_ftrace_events") *__event_##call = &event_##call;

#undef DEFINE_EVENT
#define DEFINE_EVENT(template, call, proto, args)			\
	__TRACE_EVENT_CALL(template, call, template)

#undef DEFINE_EVENT_PRINT
#define DEFINE_EVENT_PRINT(template, call, proto, args, print)		\
	static char print_fmt_##call[] = print;				\
	__TRACE_EVENT_CALL(template, call, call)

#undef TRACE_EVENT_FLAGS
#define TRACE_EVENT_FLAGS(event, flag)	__TRACE_EVENT_FLAGS(event, flag)

#ifdef CONFIG_PERF_EVENTS
#undef TRACE_EVENT_PERF_PERM
#define TRACE_EVENT_PERF_PERM(event, expr...)				\
	__TRACE_EVENT_PERF_PERM(event, expr)
#endif
