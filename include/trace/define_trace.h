/* SPDX-License-Identifier: GPL-2.0 */
/*
 * define_trace.h - instantiate the tracepoints an event header declares.
 *
 * Every header under include/trace/events/ (and every TRACE_INCLUDE_PATH
 * header elsewhere) ends by including this file.  In an ordinary includer
 * it does nothing: <linux/tracepoint.h> has already turned each
 * TRACE_EVENT() into a declaration of trace_<name>().
 *
 * In the one .c file that defines CREATE_TRACE_POINTS before including the
 * event header, this file reads that header a second time with the
 * TRACE_EVENT() family redefined to emit the tracepoint objects
 * themselves (DEFINE_TRACE / DEFINE_TRACE_FN).
 *
 * With the event layer configured, trace/trace_events.h then reads the
 * header once per stage to build each event: its record, probe, output,
 * field descriptions and registry entry.
 */

#ifdef CREATE_TRACE_POINTS

/* Headers the event header itself pulls in must not recurse into us. */
#undef CREATE_TRACE_POINTS

#include <linux/stringify.h>

/*
 * Each form becomes the definition of its tracepoint; what only the event
 * layer needs (record layout, assignment, output, condition) is dropped.
 * (checkpatch's MACRO_ARG_UNUSED is expected here: the forms must keep
 * the parameter lists of <linux/tracepoint.h>.)
 */
#undef TRACE_EVENT
#define TRACE_EVENT(name, proto, args, ...)				\
	DEFINE_TRACE(name, PARAMS(proto), PARAMS(args))

#undef TRACE_EVENT_CONDITION
#define TRACE_EVENT_CONDITION(name, proto, args, ...)			\
	DEFINE_TRACE(name, PARAMS(proto), PARAMS(args))

#undef TRACE_EVENT_FN
#define TRACE_EVENT_FN(name, proto, args, tstruct, assign, print, reg, unreg) \
	DEFINE_TRACE_FN(name, reg, unreg, PARAMS(proto), PARAMS(args))

#undef TRACE_EVENT_FN_COND
#define TRACE_EVENT_FN_COND(name, proto, args, cond, tstruct, assign,	\
			    print, reg, unreg)				\
	DEFINE_TRACE_FN(name, reg, unreg, PARAMS(proto), PARAMS(args))

#undef TRACE_EVENT_NOP
#define TRACE_EVENT_NOP(...)

#undef DEFINE_EVENT_NOP
#define DEFINE_EVENT_NOP(...)

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(...)

#undef DEFINE_EVENT
#define DEFINE_EVENT(template, name, proto, args)			\
	DEFINE_TRACE(name, PARAMS(proto), PARAMS(args))

#undef DEFINE_EVENT_FN
#define DEFINE_EVENT_FN(template, name, proto, args, reg, unreg)	\
	DEFINE_TRACE_FN(name, reg, unreg, PARAMS(proto), PARAMS(args))

#undef DEFINE_EVENT_PRINT
#define DEFINE_EVENT_PRINT(template, name, proto, args, ...)		\
	DEFINE_EVENT(template, name, PARAMS(proto), PARAMS(args))

#undef DEFINE_EVENT_CONDITION
#define DEFINE_EVENT_CONDITION(template, name, proto, args, ...)	\
	DEFINE_EVENT(template, name, PARAMS(proto), PARAMS(args))

#undef DECLARE_TRACE
#define DECLARE_TRACE(name, proto, args)				\
	DEFINE_TRACE(name, PARAMS(proto), PARAMS(args))

#undef DECLARE_TRACE_CONDITION
#define DECLARE_TRACE_CONDITION(name, proto, args, ...)			\
	DEFINE_TRACE(name, PARAMS(proto), PARAMS(args))

/* Which file to read again: TRACE_INCLUDE_PATH/TRACE_INCLUDE_FILE.h */
#ifndef TRACE_INCLUDE_FILE
# define TRACE_INCLUDE_FILE TRACE_SYSTEM
#endif

/* GNU C predefines "linux"; a path like ../linux/foo must stay a path. */
#pragma push_macro("linux")
#undef linux

#ifndef TRACE_INCLUDE_PATH
# define TRACE_INCLUDE_PATH trace/events
#endif
#define __TRACE_HEADER(system) __stringify(TRACE_INCLUDE_PATH/system.h)
#define TRACE_INCLUDE(system) __TRACE_HEADER(system)

#define TRACE_HEADER_MULTI_READ
#include TRACE_INCLUDE(TRACE_INCLUDE_FILE)

#if defined(TRACEPOINTS_ENABLED) && defined(CONFIG_EVENT_TRACING)
#include <trace/trace_events.h>
#endif
#undef TRACE_HEADER_MULTI_READ

#pragma pop_macro("linux")

/* Put the declaring forms back for whatever the includer reads next. */
#undef TRACE_EVENT
#undef TRACE_EVENT_CONDITION
#undef TRACE_EVENT_FN
#undef TRACE_EVENT_FN_COND
#undef TRACE_EVENT_NOP
#undef DEFINE_EVENT_NOP
#undef DECLARE_EVENT_CLASS
#undef DEFINE_EVENT
#undef DEFINE_EVENT_FN
#undef DEFINE_EVENT_PRINT
#undef DEFINE_EVENT_CONDITION
#undef DECLARE_TRACE
#undef DECLARE_TRACE_CONDITION
#undef TRACE_EVENT_FLAGS
#undef TRACE_EVENT_PERF_PERM
#undef TRACE_INCLUDE
#undef __TRACE_HEADER

/* Each event header names its own file and path. */
#undef TRACE_INCLUDE_FILE
#undef TRACE_INCLUDE_PATH

#include <linux/tracepoint.h>

/* The next event header in this file is instantiated as well. */
#define CREATE_TRACE_POINTS

#endif /* CREATE_TRACE_POINTS */
