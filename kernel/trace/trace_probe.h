/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_probe.h - what kprobe and event-probe events share: the fetch
 * argument language (parsed and compiled once, in trace_probe_parse.c),
 * the compiled fetch programs and their interpreter (trace_probe_fetch.c),
 * and the trace event a probe makes (trace_probe.c).
 *
 * A fetch argument compiles into a flat program of struct fetch_step:
 * one source (a register, a stack slot, an argument, an immediate, ...),
 * then dereferences, then one store into the record, then at most one
 * modifier (a bitfield).  The interpreter loops over the steps; nothing is
 * parsed while tracing.
 *
 * Record of a probe event: struct trace_entry; the probe's head (the
 * probed address, or for a return probe the function and the return
 * address, each an unsigned long); then the arguments, packed in their
 * order, each its type's size (times the array length); then the data of
 * the string arguments, which hold a __data_loc word ((len << 16) | offset
 * from the record's start; len 0 means the read faulted).
 */
#ifndef _TRACE_PROBE_H
#define _TRACE_PROBE_H

#include <linux/list.h>
#include <linux/ptrace.h>
#include <linux/trace_events.h>
#include <linux/types.h>
#include <linux/unaligned.h>

#include "trace_dynevent.h"

#define PROBE_NAME_MAX		64	/* group and event names */
#define PROBE_ARG_NAME_MAX	32
#define PROBE_ARG_LEN_MAX	64	/* one argument's text */
#define PROBE_ARGS_MAX		128
#define PROBE_STEPS_MAX		16	/* steps of one fetch program */
#define PROBE_ARRAY_MAX		64
#define PROBE_STRING_MAX	4096	/* the longest string recorded */
#define PROBE_MAXACT_MAX	4096	/* kretprobe maxactive */
#define PROBE_ENTRY_ARGS_MAX	6	/* $argN saved for a return probe */

#define KPROBE_GROUP		"kprobes"
#define EPROBE_GROUP		"eprobes"

/* Where an argument is fetched: changes what the parser accepts. */
enum probe_ctx_flags {
	PCTX_KPROBE	= BIT(0),
	PCTX_RETURN	= BIT(1),
	PCTX_FUNC_ENTRY	= BIT(2),	/* at a function's first insn: $argN */
	PCTX_EPROBE	= BIT(3),
};

/**
 * enum fetch_op - one step of a fetch program
 * @FOP_END:     end of the program
 * @FOP_REG:     source: the register at byte offset @param of pt_regs
 * @FOP_STACK:   source: the @param-th word of the stack
 * @FOP_STACKP:  source: the stack pointer
 * @FOP_RETVAL:  source: the return value
 * @FOP_ARG:     source: function argument @param (0-based)
 * @FOP_EARG:    source: saved entry argument @param (return probes)
 * @FOP_IMM:     source: the constant @param
 * @FOP_FIELD:   source: the attached event's field at @param, @size bytes
 *		 (1, 2, 4 or 8; sign-extended if @sign)
 * @FOP_FIELDP:  source: an address in the attached event's record: of the
 *		 field at @param (@size PFL_ADDR), which is @count bytes, or
 *		 of the data that the field's __data_loc (PFL_DATA_LOC) or
 *		 __rel_loc (PFL_REL_LOC) word locates.  A string read there
 *		 stops at the end of the field or of the data.
 * @FOP_COMM:    source: current->comm (string stores only)
 * @FOP_IMMSTR:  source: the string @str (string stores only)
 * @FOP_DEREF:   value = the word at value + @param, kernel memory (or user
 *		 memory, for an address below TASK_SIZE_MAX where the two cannot
 *		 overlap: CONFIG_ARCH_HAS_NON_OVERLAPPING_ADDRESS_SPACE)
 * @FOP_UDEREF:  the same in user memory only
 * @FOP_ST_RAW:  store the low @size bytes of the value
 * @FOP_ST_MEM:  store @count elements of @size bytes from value + @param,
 *		 memory as for FOP_DEREF
 * @FOP_ST_UMEM: the same from user memory only
 * @FOP_ST_STR:  store the string at value + @param, memory as for FOP_DEREF
 * @FOP_ST_USTR: the same in user memory only
 * @FOP_ST_SYMSTR: store the value as a "sym+off/size" string
 * @FOP_MOD_BF:  bitfield: shift the stored value left by @lshift, then
 *		 right by @rshift
 */
enum fetch_op {
	FOP_END,
	FOP_REG,
	FOP_STACK,
	FOP_STACKP,
	FOP_RETVAL,
	FOP_ARG,
	FOP_EARG,
	FOP_IMM,
	FOP_FIELD,
	FOP_FIELDP,
	FOP_COMM,
	FOP_IMMSTR,
	FOP_DEREF,
	FOP_UDEREF,
	FOP_ST_RAW,
	FOP_ST_MEM,
	FOP_ST_UMEM,
	FOP_ST_STR,
	FOP_ST_USTR,
	FOP_ST_SYMSTR,
	FOP_MOD_BF,
};

/**
 * struct fetch_step - one step of a fetch program
 * @op:     the enum fetch_op
 * @size:   stores: the size of one element; FOP_FIELD: the field's size;
 *	    FOP_FIELDP: the enum probe_field_loc
 * @sign:   FOP_FIELD: sign-extend
 * @lshift: FOP_MOD_BF
 * @rshift: FOP_MOD_BF
 * @count:  FOP_ST_MEM/UMEM: the number of elements; FOP_FIELDP: the
 *	    field's size
 * @param:  the register offset, slot, offset, constant or field offset
 * @str:    FOP_IMMSTR: the string (owned by the argument)
 */
struct fetch_step {
	u8		op;
	u8		size;
	u8		sign;
	u8		lshift;
	u8		rshift;
	u16		count;
	long		param;
	const char	*str;
};

/* The kinds of printing of struct fetch_type. */
enum probe_print {
	PP_UNSIGNED,
	PP_SIGNED,
	PP_HEX,
	PP_CHAR,
	PP_SYMBOL,
	PP_STRING,
};

/**
 * struct fetch_type - a fetch type
 * @name:   as written after ':' ("x32", "string", ...)
 * @field:  the type in the format file
 * @size:   bytes in the record (4 for strings: the data location)
 * @is_signed: for the format file
 * @print:  how the trace output prints it
 * @fmt:    the print format's conversion
 */
struct fetch_type {
	const char	*name;
	const char	*field;
	u8		size;
	bool		is_signed;
	u8		print;
	const char	*fmt;
};

/**
 * struct probe_field - one field of a probe event's record: the layout that
 *	the event's probes share, copied from the first one's arguments and
 *	owned by the event (its format file, filters and hist point here)
 * @name:      the field name
 * @type_name: the format file's type ("u8[4]"), or NULL for @type's
 * @type:      the fetch type
 * @offset:    in the record
 * @count:     array length, 0 for a scalar
 * @bitfield:  a b<w>@<o>/<c> type
 * @dynamic:   a string (a __data_loc word, the data after the fixed part)
 */
struct probe_field {
	char			*name;
	char			*type_name;
	const struct fetch_type	*type;
	unsigned int		offset;
	unsigned int		count;
	bool			bitfield;
	bool			dynamic;
};

/**
 * struct probe_arg - one argument of a probe
 * @name:    its field name
 * @text:    the text after '=' as written, listed back
 * @type:    its fetch type
 * @type_name: the format file's type ("u8[4]" for an array), or NULL
 *	     for @type's
 * @offset:  its offset in the record
 * @count:   array length, 0 for a scalar
 * @bitfield: true for a b<w>@<o>/<c> type
 * @dynamic: true for strings (data after the fixed part)
 * @fast:    the program is a register, a function argument, the return
 *	     value or an argument saved at the entry stored as it is:
 *	     PROBE_FAST_REG, PROBE_FAST_ARG, PROBE_FAST_RETVAL or
 *	     PROBE_FAST_EARG, which the hit runs in line
 *	     (probe_store_fast()), or PROBE_FAST_NONE
 * @fast_size: the store's size, for @fast
 * @fast_param: the register's offset in pt_regs, or the argument's index
 * @code:    the fetch program
 */
struct probe_arg {
	char			*name;
	char			*text;
	const struct fetch_type	*type;
	char			*type_name;
	unsigned int		offset;
	unsigned int		count;
	bool			bitfield;
	bool			dynamic;
	u8			fast;
	u8			fast_size;
	u16			fast_param;
	struct fetch_step	code[PROBE_STEPS_MAX];
};

enum {
	PROBE_FAST_NONE, PROBE_FAST_REG, PROBE_FAST_ARG, PROBE_FAST_RETVAL,
	PROBE_FAST_EARG,
};

/*
 * Error codes of the probe parsers, indexes of probe_errs[].  The
 * messages are mainline's meaning, in our words.
 */
enum probe_err {
	PERR_BAD_MAXACT_TYPE,
	PERR_BAD_MAXACT,
	PERR_MAXACT_TOO_BIG,
	PERR_BAD_PROBE_ADDR,
	PERR_NON_UNIQ_SYMBOL,
	PERR_BAD_RETPROBE,
	PERR_BAD_ADDR_SUFFIX,
	PERR_NO_GROUP_NAME,
	PERR_GROUP_TOO_LONG,
	PERR_BAD_GROUP_NAME,
	PERR_NO_EVENT_NAME,
	PERR_EVENT_TOO_LONG,
	PERR_BAD_EVENT_NAME,
	PERR_EVENT_EXIST,
	PERR_RETVAL_ON_PROBE,
	PERR_NO_RETVAL,
	PERR_BAD_STACK_NUM,
	PERR_BAD_ARG_NUM,
	PERR_NOFENTRY_ARGS,
	PERR_BAD_VAR,
	PERR_BAD_REG_NAME,
	PERR_BAD_MEM_ADDR,
	PERR_BAD_IMM,
	PERR_IMMSTR_NO_CLOSE,
	PERR_FILE_ON_KPROBE,
	PERR_TOO_MANY_OPS,
	PERR_DEREF_NEED_BRACE,
	PERR_BAD_DEREF_OFFS,
	PERR_DEREF_OPEN_BRACE,
	PERR_COMM_CANT_DEREF,
	PERR_BAD_FETCH_ARG,
	PERR_ARRAY_NO_CLOSE,
	PERR_BAD_ARRAY_SUFFIX,
	PERR_BAD_ARRAY_NUM,
	PERR_ARRAY_TOO_BIG,
	PERR_BAD_TYPE,
	PERR_BAD_STRING,
	PERR_BAD_SYMSTRING,
	PERR_BAD_BITFIELD,
	PERR_ARG_NAME_TOO_LONG,
	PERR_NO_ARG_NAME,
	PERR_BAD_ARG_NAME,
	PERR_USED_ARG_NAME,
	PERR_ARG_TOO_LONG,
	PERR_NO_ARG_BODY,
	PERR_BAD_INSN_BNDRY,
	PERR_FAIL_REG_PROBE,
	PERR_DIFF_PROBE_TYPE,
	PERR_DIFF_ARG_TYPE,
	PERR_SAME_PROBE,
	PERR_NO_EVENT_INFO,
	PERR_BAD_ATTACH_EVENT,
	PERR_BAD_ATTACH_ARG,
	PERR_NO_EP_FILTER,
	PERR_TOO_MANY_ARGS,
	PERR_NOSUP_BTFARG,
	PERR_ARRAY_NO_MEM,
	PERR_BAD_ARRAY_TYPE,
	PERR_LOGGED,		/* logged already, by another parser */
};

extern const char *const probe_errs[];

/**
 * struct probe_perr - where a definition went wrong
 * @code: enum probe_err
 * @pos:  offset of the token at fault in the whole command
 */
struct probe_perr {
	int	code;
	int	pos;
};

/*
 * What $FIELD of an event probe is, as in C: the value of a scalar, the
 * address of an array (of a char array: the string), the address of the
 * data of a __data_loc or __rel_loc field.
 */
enum probe_field_loc {
	PFL_VALUE,	/* a scalar of 1, 2, 4 or 8 bytes: its value */
	PFL_ADDR,	/* an array or anything larger: its address */
	PFL_DATA_LOC,	/* a __data_loc word: the address of the data */
	PFL_REL_LOC,	/* a __rel_loc word: the same */
};

/**
 * struct probe_field_info - a field of an attached event, for eprobes
 * @offset: in the attached event's record
 * @size:   its size
 * @is_signed: its signedness
 * @is_string: a string in the record (char array, or __data_loc or
 *	    __rel_loc char[]): "string" by default, and no numeric type
 * @loc:    the enum probe_field_loc
 */
struct probe_field_info {
	int		offset;
	int		size;
	bool		is_signed;
	bool		is_string;
	u8		loc;
};

/**
 * struct probe_parse_ctx - what the argument parser needs to know
 * @flags:   enum probe_ctx_flags
 * @offset:  where the argument's text starts in the whole command
 * @find_field: eprobes: look a field of the attached event up
 * @data:    for @find_field
 */
struct probe_parse_ctx {
	unsigned int	flags;
	int		offset;
	bool		(*find_field)(void *data, const char *name,
				      struct probe_field_info *info);
	void		*data;
};

/**
 * struct probe_fetch_ctx - what a fetch program reads
 * @regs:   the registers (kprobes), or NULL
 * @rec:    the attached event's record (eprobes), or NULL
 * @eargs:  saved entry arguments (return probes), or NULL
 */
struct probe_fetch_ctx {
	struct pt_regs	*regs;
	void		*rec;
	unsigned long	*eargs;
};

/**
 * struct trace_probe_event - the trace event shared by the probes of one
 * name (several kprobes may feed one event)
 * @call:     the event
 * @class:    its class
 * @list:     in the list of probe events, under dyn_event_mutex
 * @probes:   the probes (struct trace_probe::list): changed under
 *	      dyn_event_mutex and trace_mutex both, so that the reg() that
 *	      arms them (trace_mutex) sees every one; read under either
 * @files:    the instances' files that record it (RCU list of
 *	      struct event_file_link, changed under trace_mutex)
 * @head_size: bytes of the probe's head after struct trace_entry
 * @is_return: the record has the return head
 * @nr_fields: number of argument fields
 * @fields:   the argument fields, the event's own: fixed for its life
 * @fixed_size: the record size without dynamic data
 * @flags:    TP_FLAG_*
 */
struct trace_probe_event {
	struct trace_event_call		call;
	struct trace_event_class	class;
	struct list_head		list;
	struct list_head		probes;
	struct list_head		files;
	unsigned int			head_size;
	bool				is_return;
	int				nr_fields;
	struct probe_field		*fields;
	unsigned int			fixed_size;
	unsigned int			flags;
};

/**
 * struct probe_event_spec - what a new probe event is
 * @group:     its group
 * @event:     its name
 * @is_return: its record has the return head
 * @head_size: bytes of the record's head after struct trace_entry
 * @reg:       its class's reg()
 * @flags:     TRACE_EVENT_FL_* besides TRACE_EVENT_FL_DYNAMIC
 * @where:     for an event probe (@head_size 0), what the trace line
 *	       shows in its head ("system.event"); else NULL
 */
struct probe_event_spec {
	const char	*group;
	const char	*event;
	bool		is_return;
	unsigned int	head_size;
	int		(*reg)(struct trace_event_call *call,
			       enum trace_reg type, void *data);
	unsigned int	flags;
	const char	*where;
};

#define TP_FLAG_TRACE	BIT(0)
#define TP_FLAG_PROFILE	BIT(1)

/**
 * struct trace_probe - what every probe type embeds
 * @devent: in the dynamic event list
 * @list:   in its event's probes
 * @event:  the event it feeds
 * @nr_args: number of arguments
 * @args:   its arguments (their programs are its own)
 * @strings: some argument is a string (the hit sizes them first)
 * @fast:   every argument is probe_arg.fast (probe_store_fast())
 */
struct trace_probe {
	struct dyn_event		devent;
	struct list_head		list;
	struct trace_probe_event	*event;
	int				nr_args;
	struct probe_arg		*args;
	bool				strings;
	bool				fast;
};

/* Set a probe's arguments, parsed by probe_parse_args(). */
static inline void probe_set_args(struct trace_probe *tp,
				  struct probe_arg *args, int nr)
{
	int i;

	tp->args = args;
	tp->nr_args = nr;
	tp->strings = false;
	tp->fast = true;
	for (i = 0; i < nr; i++) {
		tp->strings |= args[i].dynamic;
		tp->fast &= args[i].fast != PROBE_FAST_NONE;
	}
}

/**
 * struct probe_cmd - a probe definition split into its parts
 * @buf:   the copy the words point into
 * @argc:  the number of words
 * @argv:  the words: "X" (cut at ':'), the place, then the arguments
 * @pos:   where each word starts in the command
 * @group: the group given, or NULL
 * @glen:  its length
 * @event: the event name given, or NULL
 * @elen:  its length
 * @name_pos: where the name starts in the command, 0 if there is none
 */
struct probe_cmd {
	char		*buf;
	int		argc;
	const char	*argv[PROBE_ARGS_MAX + 3];
	int		pos[PROBE_ARGS_MAX + 3];
	const char	*group;
	int		glen;
	const char	*event;
	int		elen;
	int		name_pos;
};

/* trace_probe_parse.c */
struct probe_cmd *probe_cmd_parse(const char *cmd, size_t len, int no_place,
				  struct probe_perr *err);
void probe_cmd_free(struct probe_cmd *pc);
int probe_cmd_names(const struct probe_cmd *pc, char **group, char **event,
		    const char *dgroup, const char *devent);
int probe_parse_arg(const char *text, int idx, struct probe_arg *arg,
		    const struct probe_parse_ctx *ctx, struct probe_perr *err);
void probe_arg_free(struct probe_arg *arg);
char *probe_arg_strdup(const char *s, size_t len);
int probe_parse_event_name(const char *cmd, int start, int end,
			   const char **group, int *glen, const char **event,
			   int *elen, struct probe_perr *err);
bool probe_good_name(const char *name, int len);
int probe_parse_args(int argc, const char *const *argv, const int *argpos,
		     struct probe_arg **args, const struct probe_parse_ctx *ctx,
		     unsigned int base, struct probe_perr *err);
void probe_args_free(struct probe_arg *args, int nr);
struct probe_field *probe_fields_new(const struct probe_arg *args, int nr);
void probe_fields_free(struct probe_field *fields, int nr);
int probe_fields_diff(const struct probe_field *fields, int nf,
		      const struct probe_arg *args, int na);
int probe_split_args(char *buf, const char **argv, int *pos, int max);

/* trace_probe_fetch.c */
int probe_dynamic_size(const struct probe_arg *args, int nr,
		       struct probe_fetch_ctx *ctx);
void probe_store_args(const struct probe_arg *args, int nr,
		      struct probe_fetch_ctx *ctx, void *rec,
		      unsigned int fixed_size, int dyn_size);
void probe_print_fields(struct trace_seq *s, const struct probe_field *fields,
			int nr, const void *rec, unsigned int rec_len);
void probe_show_args(struct seq_file *m, const struct probe_arg *args, int nr);

/* Store a value of @size bytes. */
static __always_inline void probe_store_raw(void *dst, u64 val, int size)
{
	switch (size) {
	case 1:
		*(u8 *)dst = val;
		break;
	case 2:
		put_unaligned((u16)val, (u16 *)dst);
		break;
	case 4:
		put_unaligned((u32)val, (u32 *)dst);
		break;
	default:
		put_unaligned(val, (u64 *)dst);
	}
}

/*
 * A register, function argument, return value or saved entry argument,
 * stored as it is.
 */
static __always_inline void probe_store_fast_one(const struct probe_arg *arg,
						 struct probe_fetch_ctx *ctx,
						 void *rec)
{
	unsigned long val;

	if (likely(arg->fast == PROBE_FAST_REG))
		val = *(unsigned long *)((void *)ctx->regs + arg->fast_param);
	else if (arg->fast == PROBE_FAST_EARG)
		val = ctx->eargs ? ctx->eargs[arg->fast_param] : 0;
	else if (arg->fast == PROBE_FAST_RETVAL)
		val = regs_return_value(ctx->regs);
	else
		val = regs_get_kernel_argument(ctx->regs, arg->fast_param);
	probe_store_raw(rec + arg->offset, val, arg->fast_size);
}

/**
 * probe_store_fast() - probe_store_args() for a probe whose arguments are
 *	all registers, function arguments, the return value or arguments
 *	saved at the entry, stored as they are
 * @args: the arguments, each with probe_arg.fast set
 * @nr:   their number
 * @ctx:  what they read: the registers of the hit, the saved arguments
 * @rec:  the record
 *
 * In line: on x86-64 every such argument is a load from @regs
 * (PROBE_FAST_REG), and the loop is a few instructions per argument.
 *
 * Context: the probe's hit, preemption disabled.
 */
static __always_inline void probe_store_fast(const struct probe_arg *args,
					     int nr,
					     struct probe_fetch_ctx *ctx,
					     void *rec)
{
	int i;

	for (i = 0; i < nr; i++)
		probe_store_fast_one(&args[i], ctx, rec);
}

/* trace_probe.c */
struct trace_probe_event *probe_event_find(const char *group,
					   const char *event);
int probe_event_create(struct trace_probe *tp,
		       const struct probe_event_spec *spec,
		       struct probe_perr *err);
void __probe_event_join(struct trace_probe *tp, struct trace_probe_event *pe);
void probe_event_detach(struct trace_probe *tp);
int probe_event_local(struct trace_probe *tp,
		      const struct probe_event_spec *spec);
void probe_event_local_free(struct trace_probe *tp);
bool probe_event_busy(struct trace_probe_event *pe);
void probe_record(struct trace_probe *tp, struct probe_fetch_ctx *ctx,
		  const unsigned long *head);
void probe_record_file(struct trace_probe *tp, struct trace_event_file *file,
		       struct probe_fetch_ctx *ctx, const unsigned long *head,
		       int *dsize);
bool probe_match_args(struct trace_probe *tp, int argc, const char **argv);

static inline bool probe_event_recording(struct trace_probe_event *pe)
{
	return !list_empty(&pe->files);
}

#ifdef CONFIG_PERF_EVENTS
void probe_perf_record(struct trace_probe *tp, struct probe_fetch_ctx *ctx,
		       const unsigned long *head, struct pt_regs *regs);

/* Whether perf events are open on @pe (set by its reg(), trace_mutex). */
static inline bool probe_event_perf(struct trace_probe_event *pe)
{
	return READ_ONCE(pe->flags) & TP_FLAG_PROFILE;
}
#else
static inline void probe_perf_record(struct trace_probe *tp,
				     struct probe_fetch_ctx *ctx,
				     const unsigned long *head,
				     struct pt_regs *regs)
{
}

static inline bool probe_event_perf(struct trace_probe_event *pe)
{
	return false;
}
#endif

/* Whether an instance or perf uses @pe: its probes are then armed. */
static inline bool probe_event_active(struct trace_probe_event *pe)
{
	return probe_event_recording(pe) || probe_event_perf(pe);
}

#endif /* _TRACE_PROBE_H */
