/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_filter.h - the event filter compiler's program and its API.
 *
 * A filter such as "(a == 1 || b ~ \"x*\") && !(c & 4)" is compiled
 * (trace_filter_parse.c) into a flat program: an array of predicates in
 * the order they appear in the text, each naming the predicate to run
 * next when it is true and when it is false.  Every jump goes forward, to
 * a later predicate or to one of the two ends, FILTER_ACCEPT (the index
 * one past the last predicate) and FILTER_REJECT, so running the program
 * (trace_filter_run.c) is a loop over at most nr_preds steps with no
 * recursion, no allocation and no lock.  "&&", "||" and "!" cost nothing
 * at run time: they are only jump targets.
 *
 * A program is one allocation, predicates followed by a pool that holds
 * the string patterns and CPU masks they compare with (found by offset),
 * and never changes once built.  Whoever installs it (an event's filter
 * file, a trigger's "if") publishes it with rcu_assign_pointer() and
 * frees it with trace_filter_free_rcu() after replacing it: the probes
 * run it with preemption disabled, inside an RCU read-side section.
 */
#ifndef _TRACE_FILTER_H
#define _TRACE_FILTER_H

#include <linux/rcupdate.h>
#include <linux/types.h>
#include <linux/unaligned.h>

struct trace_array;
struct trace_event_call;
struct trace_event_file;

/* An expression longer than this is refused ("Expression too long"). */
#define FILTER_MAX_LEN		4095
/* At most this many predicates ("Too many predicates"). */
#define FILTER_MAX_PREDS	512
/*
 * Bytes of a flexible char array ending a record that a string
 * comparison reads at most; the record's writer NUL-terminates it.
 */
#define FILTER_TAIL_STR_MAX	2048
/* Bytes of a "char *" or .ustring string copied for a comparison. */
#define FILTER_PTR_STR_MAX	1024

/**
 * enum filter_pred_kind - what a predicate reads
 * @FP_S8: a signed 8-bit field; likewise for FP_S16, FP_S32 and FP_S64
 * @FP_U8: an unsigned 8-bit field; likewise for FP_U16, FP_U32 and FP_U64
 * @FP_S16: see @FP_S8
 * @FP_U16: see @FP_U8
 * @FP_S32: see @FP_S8
 * @FP_U32: see @FP_U8
 * @FP_S64: see @FP_S8
 * @FP_U64: see @FP_U8
 * @FP_CPU: the CPU the event happened on ("CPU", "cpu")
 * @FP_FUNC: a code address inside one function (".function")
 * @FP_STR_FIXED: a char array in the record
 * @FP_STR_DYN: a __data_loc string in the record
 * @FP_STR_RDYN: a __rel_loc string in the record
 * @FP_STR_PTR: a "char *" field pointing into the kernel
 * @FP_STR_USER: a pointer field into user space (".ustring")
 * @FP_COMM: the current task's name ("COMM", "comm")
 * @FP_MASK_DYN: a __data_loc cpumask field, against a CPUS{} mask
 * @FP_MASK_RDYN: a __rel_loc cpumask field, against a CPUS{} mask
 * @FP_MASK_CPU: "CPU" against a CPUS{} mask
 * @FP_MASK_NUM: a numeric field holding a CPU number, against a mask
 *
 * The numeric kinds come first, in the order of their load size, so
 * that the run loop can test them with one comparison.
 */
enum filter_pred_kind {
	FP_S8, FP_U8, FP_S16, FP_U16, FP_S32, FP_U32, FP_S64, FP_U64,
	FP_CPU,
	FP_FUNC,
	FP_STR_FIXED,
	FP_STR_DYN,
	FP_STR_RDYN,
	FP_STR_PTR,
	FP_STR_USER,
	FP_COMM,
	FP_MASK_DYN,
	FP_MASK_RDYN,
	FP_MASK_CPU,
	FP_MASK_NUM,
};

/**
 * enum filter_pred_op - the comparison a predicate makes
 * @FOP_EQ: equal (numbers, strings, masks: same CPUs)
 * @FOP_LT: less than (numbers)
 * @FOP_LE: less than or equal (numbers)
 * @FOP_AND: any bit in common (numbers, masks)
 * @FOP_PREFIX: the string starts with the pattern (glob "x*")
 * @FOP_SUFFIX: the string ends with the pattern (glob "*x")
 * @FOP_SUBSTR: the string contains the pattern (glob "*x*")
 * @FOP_GLOB: any other glob
 * @FOP_RANGE: a number field within [lo, lo + span]: what the compiler
 *	makes of "==", "<" and "<=" on a field that ends at byte 8 of the
 *	record or later (see struct filter_pred); run in line
 *
 * "!=", ">" and ">=" are the negations of "==", "<=" and "<": the
 * compiler swaps the predicate's jumps (numbers) or sets its @neg flag
 * (strings, whose copy may fault and must then not match either way).
 */
enum filter_pred_op {
	FOP_EQ,
	FOP_LT,
	FOP_LE,
	FOP_AND,
	FOP_PREFIX,
	FOP_SUFFIX,
	FOP_SUBSTR,
	FOP_GLOB,
	FOP_RANGE,
};

/* The two ends of a program, as jump targets: see struct filter_prog. */
#define FILTER_ACCEPT(prog)	((prog)->nr_preds)
#define FILTER_REJECT(prog)	((prog)->nr_preds + 1)

/**
 * struct filter_pred - one comparison of a program
 * @kind: enum filter_pred_kind
 * @op: enum filter_pred_op
 * @neg: string kinds: the result is negated, a fault stays false
 * @shift: FOP_RANGE: 64 less the field's bits
 * @offset: of the field in the record
 * @size: of the field (char arrays: their length)
 * @on_true: index of the next predicate if this one holds
 * @on_false: and if it does not
 * @pool: offset in the program's pool of the pattern or mask
 * @len: the pattern's length in bytes
 * @load: FOP_RANGE: offset of the 8 bytes that end with the field
 * @sign: FOP_RANGE: the sign bit of a signed field narrower than 64 bits
 * @val: the constant (numbers; for FP_FUNC the function's start; for
 *	FP_MASK_CPU/FP_MASK_NUM with FOP_EQ the mask's only CPU, or -1);
 *	FOP_RANGE: lo + @sign
 * @end: FP_FUNC: the function's end; FOP_RANGE: the span
 *
 * A FOP_RANGE predicate reads the 8 bytes ending with its field and
 * shifts the field down, whatever its size: x = (bytes >> @shift) ^ @sign
 * is the field's value, sign-extended, plus @sign, so the predicate holds
 * when x - @val <= @end, in unsigned 64-bit arithmetic: one load, three
 * operations and a comparison, the same for every size, sign and
 * operator.
 */
struct filter_pred {
	u8	kind;
	u8	op;
	u8	neg;
	u8	shift;
	u16	offset;
	u16	size;
	u16	on_true;
	u16	on_false;
	union {
		struct {
			u32	pool;
			u32	len;
		};
		struct {
			u32	load;
			u32	sign;
		};
	};
	u64	val;
	u64	end;
};

/**
 * struct filter_prog - a compiled filter
 * @nr_preds: number of predicates; index @nr_preds is "accept",
 *	@nr_preds + 1 is "reject"
 * @needs_ctx: a predicate reads common_flags or common_preempt_count,
 *	which a filtered event's record gets only when it is committed
 *	(trace_event_buffer.c), so they must be filled in first
 * @simple: one or two predicates, all FOP_RANGE: trace_filter_match()
 *	runs them in line
 * @rcu: to free it once no probe can be running it
 * @preds: the predicates, then the pool
 */
struct filter_prog {
	u16			nr_preds;
	bool			needs_ctx;
	bool			simple;
	struct rcu_head		rcu;
	struct filter_pred	preds[];
};

/**
 * struct filter_error - where and why an expression was refused
 * @code: index into the parser's table of messages
 * @pos: byte offset in the expression (as passed, not stripped)
 */
struct filter_error {
	u8	code;
	u16	pos;
};

/**
 * struct event_filter - what an event file's filter pointer holds
 * @prog: the program in force, or NULL; owned unless @prog_moved
 * @text: what reading the filter file shows: the expression, or after a
 *	refused write the refused expression, a caret line and the message
 * @prog_moved: @prog was handed on to the event_filter that replaced
 *	this one (a refused write keeps the old program in force)
 * @rejects: how likely the next record is to be rejected, 0 to
 *	FILTER_REJECTS_MAX, learnt by the probes without a lock (a lost
 *	update costs only speed); see trace_event_buffer.c
 * @rcu: to free it once no probe can be using it
 */
struct event_filter {
	struct filter_prog	*prog;
	char			*text;
	bool			prog_moved;
	u8			rejects;
	struct rcu_head		rcu;
};

#define FILTER_REJECTS_MAX	3
/* From this value of event_filter.rejects on, records are built in scratch. */
#define FILTER_REJECTS_SCRATCH	2

/* trace_filter_parse.c */
int trace_filter_compile(struct trace_event_call *call, const char *str,
			 struct filter_prog **progp, struct filter_error *err);
char *trace_filter_err_show(const char *str, const struct filter_error *err);
void trace_filter_log_err(struct trace_array *tr, const char *loc,
			  const char *cmd, unsigned int col,
			  const struct filter_error *err);
void trace_filter_free_rcu(struct filter_prog *prog);

/* trace_filter_run.c */
bool trace_filter_run(const struct filter_prog *prog, void *rec);

/**
 * trace_filter_range() - run a FOP_RANGE predicate
 * @pred: the predicate
 * @rec: the record
 *
 * Context: any.
 * Return: whether the field's value is in the predicate's range.
 */
static __always_inline bool trace_filter_range(const struct filter_pred *pred,
					       const void *rec)
{
	u64 v = get_unaligned((const u64 *)(rec + pred->load));

#ifdef __BIG_ENDIAN
	v <<= pred->shift;	/* the field is in the low bytes */
#endif
	v = (v >> pred->shift) ^ pred->sign;
	return v - pred->val <= pred->end;
}

/**
 * trace_filter_match() - run a compiled filter on a record
 * @prog: the program
 * @rec: the record, common fields first
 *
 * One or two number comparisons, the common filter, run here in line;
 * anything else in trace_filter_run().  Jumps go forward only, so after
 * the first of two predicates the next is the second or an end.
 *
 * Context: any context, preemption disabled; inside the RCU read-side
 * section that keeps @prog alive.
 * Return: true if the record passes the filter.
 */
static __always_inline bool trace_filter_match(const struct filter_prog *prog,
					       void *rec)
{
	const struct filter_pred *pred = prog->preds;
	unsigned int i;

	if (unlikely(!prog->simple))
		return trace_filter_run(prog, rec);
	i = trace_filter_range(pred, rec) ? pred->on_true : pred->on_false;
	if (i < prog->nr_preds) {
		pred++;
		i = trace_filter_range(pred, rec) ? pred->on_true :
						     pred->on_false;
	}
	return i == prog->nr_preds;
}

/* trace_event_filter.c */
struct trace_subsystem_dir;
int trace_event_filter_set(struct trace_event_file *file, const char *str);
char *trace_event_filter_show(struct trace_event_file *file);
int trace_system_filter_set(struct trace_subsystem_dir *dir, const char *str);
char *trace_system_filter_show(struct trace_subsystem_dir *dir);
void trace_event_filter_free(struct trace_event_file *file);
struct event_filter *event_filter_new(struct filter_prog *prog, char *text);
void event_filter_put(struct event_filter *f);

#endif /* _TRACE_FILTER_H */
