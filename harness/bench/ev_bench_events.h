/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Events of the event benchmark (ev_bench.c): a three-field event, a
 * string event, and fifty others that are enabled but never hit.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM ev_bench

#if !defined(_EV_BENCH_EVENTS_H) || defined(TRACE_HEADER_MULTI_READ)
#define _EV_BENCH_EVENTS_H

#include <linux/tracepoint.h>

TRACE_EVENT(bench_3f,
	TP_PROTO(u64 a, u64 b, int c),
	TP_ARGS(a, b, c),
	TP_STRUCT__entry(
		__field(u64, a)
		__field(u64, b)
		__field(int, c)
	),
	TP_fast_assign(
		__entry->a = a;
		__entry->b = b;
		__entry->c = c;
	),
	TP_printk("a=%llu b=%llu c=%d", __entry->a, __entry->b, __entry->c)
);

TRACE_EVENT(bench_str,
	TP_PROTO(const char *s),
	TP_ARGS(s),
	TP_STRUCT__entry(
		__string(s, s)
	),
	TP_fast_assign(
		__assign_str(s);
	),
	TP_printk("s=%s", __get_str(s))
);

DECLARE_EVENT_CLASS(bench_other,
	TP_PROTO(int x),
	TP_ARGS(x),
	TP_STRUCT__entry(
		__field(int, x)
	),
	TP_fast_assign(
		__entry->x = x;
	),
	TP_printk("x=%d", __entry->x)
);

#define BENCH_OTHER(n)							\
	DEFINE_EVENT(bench_other, bench_other_##n, TP_PROTO(int x), TP_ARGS(x));
#define BENCH_OTHER10(n)						\
	BENCH_OTHER(n##0) BENCH_OTHER(n##1) BENCH_OTHER(n##2)		\
	BENCH_OTHER(n##3) BENCH_OTHER(n##4) BENCH_OTHER(n##5)		\
	BENCH_OTHER(n##6) BENCH_OTHER(n##7) BENCH_OTHER(n##8)		\
	BENCH_OTHER(n##9)

BENCH_OTHER10(1)
BENCH_OTHER10(2)
BENCH_OTHER10(3)
BENCH_OTHER10(4)
BENCH_OTHER10(5)

/* Two events that fire in turn, for the inter-event latency pair. */
DEFINE_EVENT(bench_other, bench_start, TP_PROTO(int x), TP_ARGS(x));
DEFINE_EVENT(bench_other, bench_end, TP_PROTO(int x), TP_ARGS(x));

#endif /* _EV_BENCH_EVENTS_H */

#undef TRACE_INCLUDE_PATH
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_PATH .
#define TRACE_INCLUDE_FILE ev_bench_events
#include <trace/define_trace.h>
