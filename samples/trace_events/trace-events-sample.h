/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Events of the sample module, system "sample-trace".  Between them they
 * use every field kind and every TRACE_EVENT form the event layer
 * supports, so that loading the module and reading its format files and
 * trace output exercises all of include/trace/stages/.
 *
 *  event                 form                     fields and helpers
 *  --------------------  -----------------------  -------------------------
 *  foo_bar               TRACE_EVENT              __field, __array of char,
 *                                                 __string, __dynamic_array,
 *                                                 __cpumask, __print_flags,
 *                                                 __print_symbolic (enum),
 *                                                 __print_array
 *  foo_bar_with_cond     TRACE_EVENT_CONDITION    __field_struct
 *  foo_bar_with_fn       TRACE_EVENT_FN           __string_len, __print_hex,
 *                                                 __print_hex_str
 *  foo_rel_loc           TRACE_EVENT              __rel_string,
 *                                                 __rel_dynamic_array,
 *                                                 __rel_bitmask,
 *                                                 __rel_cpumask
 *  foo_vstring           TRACE_EVENT              __vstring, __bitmask
 *  foo_packed            TRACE_EVENT              __field_packed, __field_ext
 *  foo_tick, foo_tock    DECLARE_EVENT_CLASS +    shared class; foo_tock
 *                        DEFINE_EVENT(_PRINT)     prints its own way
 *  foo_cond_tick         DEFINE_EVENT_CONDITION
 *
 * TRACE_DEFINE_ENUM makes the print fmt show the enum's values;
 * TRACE_DEFINE_SIZEOF does the same for a sizeof().  TRACE_EVENT_FLAGS is
 * missing: it sets the flags from an initcall, so it works for built-in
 * events only (raw_syscalls uses it).
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM sample-trace

/* The system name has a dash: the eval map section needs a C name. */
#undef TRACE_SYSTEM_VAR
#define TRACE_SYSTEM_VAR sample_trace

#if !defined(_TRACE_EVENT_SAMPLE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _TRACE_EVENT_SAMPLE_H

#include <linux/cpumask.h>
#include <linux/tracepoint.h>

#ifndef SAMPLE_TYPES_ONCE
#define SAMPLE_TYPES_ONCE
/* The sample's phases, printed by name */
enum sample_phase {
	SAMPLE_PHASE_WARM,
	SAMPLE_PHASE_RUN,
	SAMPLE_PHASE_COOL,
};

/* Flag bits of foo_bar, printed with __print_flags */
#define SAMPLE_FL_EVEN	0x1
#define SAMPLE_FL_TENTH	0x2
#define SAMPLE_FL_FIRST	0x4

/* A small struct recorded whole */
struct sample_pair {
	u32	lo;
	u32	hi;
};

/* One that needs packing in the record */
struct sample_packed {
	u8	tag;
	u64	val;
} __packed;
#endif

TRACE_DEFINE_ENUM(SAMPLE_PHASE_WARM);
TRACE_DEFINE_ENUM(SAMPLE_PHASE_RUN);
TRACE_DEFINE_ENUM(SAMPLE_PHASE_COOL);
TRACE_DEFINE_SIZEOF(struct sample_pair);

#define show_sample_phase(p)						\
	__print_symbolic(p,						\
			 { SAMPLE_PHASE_WARM,	"warm" },		\
			 { SAMPLE_PHASE_RUN,	"run" },		\
			 { SAMPLE_PHASE_COOL,	"cool" })

TRACE_EVENT(foo_bar,

	TP_PROTO(unsigned int seq, const char *who, const int *vals,
		 unsigned int nvals, enum sample_phase phase,
		 const struct cpumask *mask),

	TP_ARGS(seq, who, vals, nvals, phase, mask),

	TP_STRUCT__entry(
		__field(unsigned int, seq)
		__array(char, tag, 8)
		__string(who, who)
		__dynamic_array(int, vals, nvals)
		__field(unsigned long, flags)
		__field(int, phase)
		__cpumask(cpus)
	),

	TP_fast_assign(
		__entry->seq = seq;
		strscpy(__entry->tag, "sample", sizeof(__entry->tag));
		__assign_str(who);
		memcpy(__get_dynamic_array(vals), vals, nvals * sizeof(*vals));
		__entry->flags = (seq % 2 ? 0 : SAMPLE_FL_EVEN) |
				 (seq % 10 ? 0 : SAMPLE_FL_TENTH) |
				 (seq ? 0 : SAMPLE_FL_FIRST);
		__entry->phase = phase;
		__assign_cpumask(cpus, cpumask_bits(mask));
	),

	TP_printk("seq=%u tag=%s who=%s vals=%s flags=%s phase=%s cpus=%s",
		  __entry->seq, __entry->tag, __get_str(who),
		  __print_array(__get_dynamic_array(vals),
				__get_dynamic_array_len(vals) / sizeof(int),
				sizeof(int)),
		  __print_flags(__entry->flags, "|",
				{ SAMPLE_FL_EVEN,	"EVEN" },
				{ SAMPLE_FL_TENTH,	"TENTH" },
				{ SAMPLE_FL_FIRST,	"FIRST" }),
		  show_sample_phase(__entry->phase),
		  __get_cpumask(cpus))
);

TRACE_EVENT_CONDITION(foo_bar_with_cond,

	TP_PROTO(unsigned int seq, const struct sample_pair *pair),

	TP_ARGS(seq, pair),

	/* Only every fourth call is recorded. */
	TP_CONDITION(!(seq % 4)),

	TP_STRUCT__entry(
		__field(unsigned int, seq)
		__field_struct(struct sample_pair, pair)
		__field(unsigned int, size)
	),

	TP_fast_assign(
		__entry->seq = seq;
		__entry->pair = *pair;
		__entry->size = sizeof(struct sample_pair);
	),

	TP_printk("seq=%u lo=%u hi=%u size=%u/%lu", __entry->seq,
		  __entry->pair.lo, __entry->pair.hi, __entry->size,
		  (unsigned long)sizeof(struct sample_pair))
);

int sample_fn_reg(void);
void sample_fn_unreg(void);

TRACE_EVENT_FN(foo_bar_with_fn,

	TP_PROTO(const char *name, unsigned int len, const u8 *bytes),

	TP_ARGS(name, len, bytes),

	TP_STRUCT__entry(
		__string_len(name, name, len)
		__array(u8, bytes, 4)
	),

	TP_fast_assign(
		__assign_str(name);
		memcpy(__entry->bytes, bytes, sizeof(__entry->bytes));
	),

	TP_printk("name=%s hex=%s hexstr=%s", __get_str(name),
		  __print_hex(__entry->bytes, sizeof(__entry->bytes)),
		  __print_hex_str(__entry->bytes, sizeof(__entry->bytes))),

	sample_fn_reg, sample_fn_unreg
);

TRACE_EVENT(foo_rel_loc,

	TP_PROTO(const char *name, const u16 *ids, unsigned int nids,
		 const unsigned long *bits, unsigned int nbits,
		 const struct cpumask *mask),

	TP_ARGS(name, ids, nids, bits, nbits, mask),

	TP_STRUCT__entry(
		__rel_string(name, name)
		__rel_dynamic_array(u16, ids, nids)
		__rel_bitmask(bits, nbits)
		__rel_cpumask(cpus)
	),

	TP_fast_assign(
		__assign_rel_str(name);
		memcpy(__get_rel_dynamic_array(ids), ids, nids * sizeof(*ids));
		__assign_rel_bitmask(bits, bits, nbits);
		__assign_rel_cpumask(cpus, cpumask_bits(mask));
	),

	TP_printk("name=%s ids=%s bits=%s cpus=%s", __get_rel_str(name),
		  __print_array(__get_rel_dynamic_array(ids),
				__get_rel_dynamic_array_len(ids) / sizeof(u16),
				sizeof(u16)),
		  __get_rel_bitmask(bits), __get_rel_cpumask(cpus))
);

TRACE_EVENT(foo_vstring,

	TP_PROTO(const unsigned long *bits, unsigned int nbits,
		 struct va_format *vaf),

	TP_ARGS(bits, nbits, vaf),

	TP_STRUCT__entry(
		__bitmask(bits, nbits)
		__vstring(msg, vaf->fmt, vaf->va)
	),

	TP_fast_assign(
		__assign_bitmask(bits, bits, nbits);
		__assign_vstr(msg, vaf->fmt, vaf->va);
	),

	TP_printk("bits=%s msg=%s", __get_bitmask(bits), __get_str(msg))
);

TRACE_EVENT(foo_packed,

	TP_PROTO(const struct sample_packed *p, int delta),

	TP_ARGS(p, delta),

	TP_STRUCT__entry(
		__field(u8, tag)
		__field_packed(u64, val, val)
		__field_ext(int, delta, FILTER_OTHER)
	),

	TP_fast_assign(
		__entry->tag = p->tag;
		__entry->val = p->val;
		__entry->delta = delta;
	),

	TP_printk("tag=%u val=%llu delta=%d", __entry->tag, __entry->val,
		  __entry->delta)
);

DECLARE_EVENT_CLASS(sample_tick,

	TP_PROTO(unsigned int seq, unsigned long jiffies_now),

	TP_ARGS(seq, jiffies_now),

	TP_STRUCT__entry(
		__field(unsigned int, seq)
		__field(unsigned long, now)
	),

	TP_fast_assign(
		__entry->seq = seq;
		__entry->now = jiffies_now;
	),

	TP_printk("seq=%u now=%lu", __entry->seq, __entry->now)
);

DEFINE_EVENT(sample_tick, foo_tick,
	TP_PROTO(unsigned int seq, unsigned long jiffies_now),
	TP_ARGS(seq, jiffies_now));

DEFINE_EVENT_PRINT(sample_tick, foo_tock,
	TP_PROTO(unsigned int seq, unsigned long jiffies_now),
	TP_ARGS(seq, jiffies_now),
	TP_printk("tock %u at %lu", __entry->seq, __entry->now));

DEFINE_EVENT_CONDITION(sample_tick, foo_cond_tick,
	TP_PROTO(unsigned int seq, unsigned long jiffies_now),
	TP_ARGS(seq, jiffies_now),
	TP_CONDITION(seq & 1));

#endif /* _TRACE_EVENT_SAMPLE_H */

/* This header is not in include/trace/events/: say where it is. */
#undef TRACE_INCLUDE_PATH
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_PATH .
#define TRACE_INCLUDE_FILE trace-events-sample
#include <trace/define_trace.h>
