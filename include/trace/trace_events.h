/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_events.h - turn an event header's TRACE_EVENT()s into events.
 *
 * define_trace.h includes this file in the one .c that instantiates an
 * event header (CREATE_TRACE_POINTS), with TRACE_INCLUDE() naming the
 * header.  The header is read once per stage, each stage redefining the
 * TRACE_EVENT() family and the field macros to produce one thing:
 *
 *  1. stages/entry.h	the record struct, and the enum/sizeof map entries;
 *  2. stages/offsets.h	where a record's dynamic fields go;
 *  3. stages/output.h	the text output function;
 *  4. stages/fields.h	the field descriptions (format files, filters);
 *  5. stages/sizes.h	the measure of the dynamic fields;
 *  6. stages/probe.h	the probe: reserve, fill, commit;
 *  7. perf.h		the perf probe (CONFIG_PERF_EVENTS);
 *  8. stages/define.h	the class and the event, in _ftrace_events.
 *
 * The helpers the stages call (trace_event_buffer_reserve(), the
 * trace_print_*_seq() family, ...) are declared in <linux/trace_events.h>
 * and live in kernel/trace/.
 *
 * No include guard: an includer may instantiate several event headers.
 */

#include <linux/trace_events.h>

#ifndef TRACE_SYSTEM_VAR
#define TRACE_SYSTEM_VAR TRACE_SYSTEM
#endif

/* The name of the system, once per instantiated header. */
#define __TRACE_SYSTEM_NAME(var)	__trace_system_name_##var
#define _TRACE_SYSTEM_NAME(var)		__TRACE_SYSTEM_NAME(var)
#define TRACE_SYSTEM_STRING		_TRACE_SYSTEM_NAME(TRACE_SYSTEM_VAR)

static const char TRACE_SYSTEM_STRING[] = __stringify(TRACE_SYSTEM);

#include <trace/stages/entry.h>
#include TRACE_INCLUDE(TRACE_INCLUDE_FILE)

#include <trace/stages/offsets.h>
#include TRACE_INCLUDE(TRACE_INCLUDE_FILE)

#include <trace/stages/output.h>
#include TRACE_INCLUDE(TRACE_INCLUDE_FILE)

#include <trace/stages/fields.h>
#include TRACE_INCLUDE(TRACE_INCLUDE_FILE)

#include <trace/stages/sizes.h>
#include TRACE_INCLUDE(TRACE_INCLUDE_FILE)

#include <trace/stages/probe.h>
#include TRACE_INCLUDE(TRACE_INCLUDE_FILE)

#ifdef CONFIG_PERF_EVENTS
#include <trace/perf.h>
#include TRACE_INCLUDE(TRACE_INCLUDE_FILE)
#endif

#include <trace/stages/define.h>
#include TRACE_INCLUDE(TRACE_INCLUDE_FILE)

/* Leave nothing behind for the next header or the includer. */
#include <trace/stages/forms.h>
#undef __entry
#undef TRACE_SYSTEM_STRING
#undef _TRACE_SYSTEM_NAME
#undef __TRACE_SYSTEM_NAME
#undef TRACE_SYSTEM_VAR
