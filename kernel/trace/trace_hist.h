/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_hist.h - hist triggers: the parsed command, the bound histogram,
 * and the functions the trigger engine and the tracefs files call.
 *
 *	hist:keys=<field>[,...][:vals=<field>[,...]][:sort=<field>[,...]]
 *	     [:size=N][:name=NAME][:pause][:cont][:clear][:nohitcount]
 *	     [if <filter>]
 *
 * The text after "hist:" is parsed (trace_hist_parse.c) into a struct
 * hist_spec that still names fields by text; binding it to an event
 * (trace_hist.c) resolves the names into a struct hist_table, the shape
 * of the histogram, shared by triggers with the same name= on several
 * events, and a per-trigger struct hist_trigger that says where each
 * field is in that event's record.  Records go into the table's
 * tracing_map; the hist file (trace_hist_show.c) sorts and prints a
 * snapshot of it.
 *
 * Locking:
 *
 *  ========================  ============================================
 *  trace_mutex               creating, binding, pausing, clearing and
 *                            freeing tables and triggers; reading a hist
 *                            file (the map is not cleared under it)
 *  hist_trigger.paused       written under trace_mutex (or by an
 *                            enable_hist/disable_hist trigger, from a
 *                            probe), read by probes with READ_ONCE()
 *  hist_table.map            probes insert without a lock (tracing_map.h)
 *  an entry's variables      written by the probes that hit it, without a
 *                            lock: the value, then its set bit (atomic,
 *                            after a barrier); a reference from another
 *                            trigger tests the bit, reads the value and
 *                            clears the bit (read once)
 *  hist_table.var_users,     trace_mutex; a reference holds the table, so
 *  hist_table.ref            the table outlives every trigger reading it
 *  dyn_event_mutex           held (before trace_mutex) while an action
 *                            looks its synthetic event up
 *  ========================  ============================================
 */
#ifndef _TRACE_HIST_H
#define _TRACE_HIST_H

#include <linux/refcount.h>
#include <linux/types.h>

#include "trace_hist_expr.h"
#include "tracing_map.h"

struct event_trigger;
struct seq_buf;
struct seq_file;
struct trace_event_call;
struct trace_event_file;

#define HIST_KEYS_MAX		3
#define HIST_VALS_MAX		(TRACING_MAP_SUMS_MAX - 1)
#define HIST_SORT_MAX		2
#define HIST_NAME_MAX		64
/* Frames of a stack key, and the largest compound key. */
#define HIST_STACK_DEPTH	16
#define HIST_STR_MAX		256
#define HIST_KEY_SIZE_MAX	(HIST_STR_MAX + HIST_STACK_DEPTH * sizeof(long))
/* Variables of a trigger, handler.action pairs, and an action's params. */
#define HIST_VARS_MAX		16
#define HIST_ACTIONS_MAX	8
#define HIST_PARAMS_MAX		32
/* The longest clock= name. */
#define HIST_CLOCK_MAX		32

/**
 * enum hist_err - why a hist command was refused; messages in
 *	trace_hist_parse.c
 * @HERR_NONE: not refused
 * @HERR_NO_KEYS: no keys= item
 * @HERR_EMPTY_ASSIGNMENT: "item=" with nothing after it, or an item that
 *	needs a value without one
 * @HERR_DUP_PARAM: an item given twice
 * @HERR_BAD_PARAM: an unknown item
 * @HERR_TOO_MANY_KEYS: more than HIST_KEYS_MAX keys
 * @HERR_TOO_MANY_VALS: more than HIST_VALS_MAX values
 * @HERR_EMPTY_FIELD: an empty field name in a list
 * @HERR_BAD_MODIFIER: an unknown modifier, or one not allowed there
 * @HERR_BAD_BUCKETS: .buckets= without a positive number
 * @HERR_EMPTY_SORT_FIELD: an empty sort key
 * @HERR_TOO_MANY_SORT: more than HIST_SORT_MAX sort keys
 * @HERR_BAD_SORT_MOD: a sort key's modifier is not an order
 * @HERR_BAD_SORT_FIELD: a sort key that is not a key or value
 * @HERR_BAD_SIZE: size= out of bounds or not a number
 * @HERR_BAD_NAME: name= with characters other than [A-Za-z0-9_-]
 * @HERR_NOHC: nohitcount with nothing left to show
 * @HERR_FIELD_NOT_FOUND: the event has no such field
 * @HERR_MOD_NOT_ALLOWED: a modifier that does not fit the field
 * @HERR_DUP_FIELD: a key or value given twice
 * @HERR_KEY_TOO_LARGE: the compound key is over HIST_KEY_SIZE_MAX
 * @HERR_NOT_NUMERIC: a value that is not a number
 * @HERR_NAMED_MISMATCH: name= of a table with other keys or values
 * @HERR_EXPR_EMPTY: an empty expression (enum hist_expr_err follows,
 *	in its order, up to HERR_EXPR_TOO_BIG)
 * @HERR_EXPR_SYNTAX: not an expression
 * @HERR_EXPR_TOO_MANY: too many operators
 * @HERR_EXPR_UNARY: a unary minus inside an expression
 * @HERR_EXPR_DIV_ZERO: division by the constant 0
 * @HERR_EXPR_NUMBER: a number that does not fit
 * @HERR_EXPR_MOD: an unknown modifier in an expression
 * @HERR_EXPR_TOO_BIG: the command's expressions are too large
 * @HERR_VAR_NAME: a variable name with characters other than [A-Za-z0-9_]
 * @HERR_VAR_DUP: a variable defined twice
 * @HERR_TOO_MANY_VARS: more than HIST_VARS_MAX variables
 * @HERR_BAD_HANDLER: a malformed handler
 * @HERR_BAD_ACTION: a malformed or unknown action
 * @HERR_BAD_PAIR: an action the handler cannot take
 * @HERR_TOO_MANY_ACTIONS: more than HIST_ACTIONS_MAX handler.action pairs
 * @HERR_TOO_MANY_PARAMS: more than HIST_PARAMS_MAX parameters
 * @HERR_BAD_CLOCK: clock= names no clock
 * @HERR_VAR_NOT_FOUND: a variable that no hist trigger defines
 * @HERR_VAR_NOT_UNIQUE: an unqualified variable several events define
 * @HERR_EVENT_NOT_FOUND: onmatch() or a qualified name with no such event
 * @HERR_SYNTH_NOT_FOUND: an action's synthetic event does not exist
 * @HERR_SYNTH_COUNT: the parameters do not match the synthetic fields
 * @HERR_SYNTH_TYPE: a parameter's type does not match its field's
 * @HERR_NOT_NUMBER: a string or stack inside an expression
 * @HERR_TRACK_VAR: onmax()/onchange() of something not a variable of
 *	the trigger
 * @HERR_FIELD_VAR: a field variable could not be made
 * @HERR_KEY_VAR: a key variable that uses another event's variable
 * @HERR_VAR_BUSY: removing a trigger whose variables are in use
 * @HERR_NO_SNAPSHOT: the snapshot buffer could not be allocated
 * @HERR_MAX: number of codes
 */
enum hist_err {
	HERR_NONE,
	HERR_NO_KEYS,
	HERR_EMPTY_ASSIGNMENT,
	HERR_DUP_PARAM,
	HERR_BAD_PARAM,
	HERR_TOO_MANY_KEYS,
	HERR_TOO_MANY_VALS,
	HERR_EMPTY_FIELD,
	HERR_BAD_MODIFIER,
	HERR_BAD_BUCKETS,
	HERR_EMPTY_SORT_FIELD,
	HERR_TOO_MANY_SORT,
	HERR_BAD_SORT_MOD,
	HERR_BAD_SORT_FIELD,
	HERR_BAD_SIZE,
	HERR_BAD_NAME,
	HERR_NOHC,
	HERR_FIELD_NOT_FOUND,
	HERR_MOD_NOT_ALLOWED,
	HERR_DUP_FIELD,
	HERR_KEY_TOO_LARGE,
	HERR_NOT_NUMERIC,
	HERR_NAMED_MISMATCH,
	HERR_EXPR_EMPTY,
	HERR_EXPR_SYNTAX,
	HERR_EXPR_TOO_MANY,
	HERR_EXPR_UNARY,
	HERR_EXPR_DIV_ZERO,
	HERR_EXPR_NUMBER,
	HERR_EXPR_MOD,
	HERR_EXPR_TOO_BIG,
	HERR_VAR_NAME,
	HERR_VAR_DUP,
	HERR_TOO_MANY_VARS,
	HERR_BAD_HANDLER,
	HERR_BAD_ACTION,
	HERR_BAD_PAIR,
	HERR_TOO_MANY_ACTIONS,
	HERR_TOO_MANY_PARAMS,
	HERR_BAD_CLOCK,
	HERR_VAR_NOT_FOUND,
	HERR_VAR_NOT_UNIQUE,
	HERR_EVENT_NOT_FOUND,
	HERR_SYNTH_NOT_FOUND,
	HERR_SYNTH_COUNT,
	HERR_SYNTH_TYPE,
	HERR_NOT_NUMBER,
	HERR_TRACK_VAR,
	HERR_FIELD_VAR,
	HERR_KEY_VAR,
	HERR_VAR_BUSY,
	HERR_NO_SNAPSHOT,
	HERR_MAX
};

static_assert(HERR_EXPR_TOO_BIG - HERR_EXPR_EMPTY == HXE_TOO_BIG);

extern const char *const hist_errs[];

/**
 * struct hist_field_spec - a key or value as written
 * @name: the field name, in the parsed buffer (not NUL-terminated)
 * @len: its length
 * @pos: its offset in the command, for error_log
 * @mod_pos: offset of the modifier, if any
 * @mods: FMOD_* bits of its modifiers
 * @buckets: the size of .buckets=N
 * @kind: enum hist_spec_kind
 * @root: HFS_EXPR: the expression's root node in the command's pool
 */
struct hist_field_spec {
	const char	*name;
	u16		len;
	u16		pos;
	u16		mod_pos;
	u32		mods;
	u64		buckets;
	u8		kind;
	u8		root;
};

/**
 * enum hist_spec_kind - what a key or value is, as written
 * @HFS_FIELD: a field, "name[.mod]"
 * @HFS_VAR: a variable of the trigger, "$name" (@name without the '$')
 * @HFS_EXPR: an expression (values only)
 */
enum hist_spec_kind {
	HFS_FIELD,
	HFS_VAR,
	HFS_EXPR,
};

/**
 * struct hist_var_spec - a variable, "name=expr", as written
 * @name: its name, in the parsed buffer
 * @len: its length
 * @pos: its offset in the command
 * @root: the expression's root node
 */
struct hist_var_spec {
	const char	*name;
	u16		len;
	u16		pos;
	u8		root;
};

/**
 * enum hist_handler_kind - when an action runs
 * @HH_MATCH: onmatch(sys.event): each hit whose variables resolve
 * @HH_MAX: onmax($var): when the entry's maximum of $var grows
 * @HH_CHANGE: onchange($var): when the entry's $var changes
 */
enum hist_handler_kind {
	HH_MATCH,
	HH_MAX,
	HH_CHANGE,
};

/**
 * enum hist_action_kind - what an action does
 * @HA_TRACE: trace(synthetic,params...) or synthetic(params...)
 * @HA_SAVE: save(fields...): keep the fields with the entry
 * @HA_SNAPSHOT: snapshot(): take a snapshot of the instance's buffer
 */
enum hist_action_kind {
	HA_TRACE,
	HA_SAVE,
	HA_SNAPSHOT,
};

/**
 * struct hist_param_spec - a parameter of an action, as written
 * @s: its text, in the parsed buffer
 * @len: its length
 * @pos: its offset in the command
 */
struct hist_param_spec {
	const char	*s;
	u16		len;
	u16		pos;
};

/**
 * struct hist_action_spec - a handler.action pair, as written
 * @handler: enum hist_handler_kind
 * @action: enum hist_action_kind
 * @trace_kw: written "trace(synthetic,...)" rather than "synthetic(...)"
 * @text: the whole pair, for the listing
 * @text_len: its length
 * @pos: its offset in the command
 * @arg: the handler's argument: "sys.event" or "$var"
 * @arg_len: its length
 * @arg_pos: its offset
 * @synth: HA_TRACE: the synthetic event's name
 * @synth_len: its length
 * @synth_pos: its offset
 * @params: the action's parameters (the synthetic event's name left out)
 * @nr_params: how many
 */
struct hist_action_spec {
	u8			handler;
	u8			action;
	bool			trace_kw;
	const char		*text;
	u16			text_len;
	u16			pos;
	const char		*arg;
	u16			arg_len;
	u16			arg_pos;
	const char		*synth;
	u16			synth_len;
	u16			synth_pos;
	struct hist_param_spec	params[HIST_PARAMS_MAX];
	u8			nr_params;
};

/**
 * struct hist_sort_spec - one sort key as written
 * @field: the field and its modifiers other than the order
 * @descending: .descending was given
 */
struct hist_sort_spec {
	struct hist_field_spec	field;
	bool			descending;
};

/**
 * struct hist_spec - a parsed hist command
 * @keys: the keys
 * @nr_keys: how many
 * @keys_pos: offset of the keys= item
 * @vals: the values, without an explicit hitcount
 * @nr_vals: how many
 * @hitcount_mods: the modifiers of an explicit "hitcount" value
 * @sort: the sort keys
 * @nr_sort: how many
 * @bits: log2 of size=, rounded up; 0 if not given
 * @name: name=, or NULL
 * @name_len: its length
 * @name_pos: its offset
 * @pause: "pause"
 * @cont: "cont" or "continue"
 * @clear: "clear"
 * @nohitcount: "nohitcount" or "NOHC"
 * @vars: the variables, "name=expr"
 * @nr_vars: how many
 * @actions: the handler.action pairs
 * @nr_actions: how many
 * @clock: clock=, or NULL
 * @clock_len: its length
 * @clock_pos: its offset
 * @pool: the nodes of every expression of the command
 */
struct hist_spec {
	struct hist_field_spec	keys[HIST_KEYS_MAX];
	u8			nr_keys;
	u16			keys_pos;
	struct hist_field_spec	vals[HIST_VALS_MAX];
	u8			nr_vals;
	u32			hitcount_mods;
	struct hist_sort_spec	sort[HIST_SORT_MAX];
	u8			nr_sort;
	u8			bits;
	const char		*name;
	u16			name_len;
	u16			name_pos;
	bool			pause;
	bool			cont;
	bool			clear;
	bool			nohitcount;
	struct hist_var_spec	vars[HIST_VARS_MAX];
	u8			nr_vars;
	struct hist_action_spec	actions[HIST_ACTIONS_MAX];
	u8			nr_actions;
	const char		*clock;
	u16			clock_len;
	u16			clock_pos;
	struct hist_expr_pool	pool;
};

/**
 * struct hist_error - where and why a hist command was refused
 * @code: enum hist_err
 * @pos: byte offset in the whole trigger command
 */
struct hist_error {
	u8	code;
	u16	pos;
};

/**
 * enum hist_src - where a key or value comes from
 * @HSRC_FIELD: a field of the record
 * @HSRC_CPU: the CPU (common_cpu, cpu)
 * @HSRC_STACK: the kernel stack (common_stacktrace, stacktrace)
 * @HSRC_TIMESTAMP: the time stamp (common_timestamp)
 * @HSRC_HITCOUNT: the hit count
 * @HSRC_EXPR: a variable or an expression (struct hist_prog)
 */
enum hist_src {
	HSRC_FIELD,
	HSRC_CPU,
	HSRC_STACK,
	HSRC_TIMESTAMP,
	HSRC_HITCOUNT,
	HSRC_EXPR,
};

/**
 * enum hist_load - how a key or value is read from a record
 * @HLOAD_U8: an unsigned 8-bit field; likewise up to HLOAD_U64
 * @HLOAD_S8: a signed 8-bit field, sign-extended; likewise up to HLOAD_S64
 * @HLOAD_U16: see @HLOAD_U8
 * @HLOAD_U32: see @HLOAD_U8
 * @HLOAD_U64: see @HLOAD_U8
 * @HLOAD_S16: see @HLOAD_S8
 * @HLOAD_S32: see @HLOAD_S8
 * @HLOAD_S64: see @HLOAD_S8
 * @HLOAD_STR: a char array in the record
 * @HLOAD_STR_DYN: a __data_loc string
 * @HLOAD_STR_RDYN: a __rel_loc string
 * @HLOAD_STR_PTR: a "char *" field, read with a non-faulting copy
 * @HLOAD_LONGS_DYN: a __data_loc array of longs (.stacktrace)
 * @HLOAD_CPU: the CPU
 * @HLOAD_STACK: the current kernel stack
 * @HLOAD_TIMESTAMP: the instance's clock now
 */
enum hist_load {
	HLOAD_U8, HLOAD_U16, HLOAD_U32, HLOAD_U64,
	HLOAD_S8, HLOAD_S16, HLOAD_S32, HLOAD_S64,
	HLOAD_STR,
	HLOAD_STR_DYN,
	HLOAD_STR_RDYN,
	HLOAD_STR_PTR,
	HLOAD_LONGS_DYN,
	HLOAD_CPU,
	HLOAD_STACK,
	HLOAD_TIMESTAMP,
};

/**
 * struct hist_col - a key or value of a table, as the hist file shows it
 * @name: the field's name, normalised (common_cpu, common_stacktrace)
 * @type: its C type, for name= compatibility (a copy: a named table
 *	outlives the events it was made on)
 * @src: enum hist_src
 * @mods: FMOD_* bits
 * @buckets: .buckets=N
 * @is_signed: a signed number
 * @is_string: a string key
 * @is_stack: a stack key (shown one frame per line)
 * @key_off: keys: offset in the compound key
 * @key_size: keys: bytes in the compound key
 * @is_var: a key written "$var": listed with its '$'
 */
struct hist_col {
	char		name[HIST_NAME_MAX];
	char		type[HIST_NAME_MAX];
	u8		src;
	u32		mods;
	u64		buckets;
	bool		is_signed;
	bool		is_string;
	bool		is_stack;
	u16		key_off;
	u16		key_size;
	bool		is_var;
};

/**
 * enum hist_var_kind - what a variable holds
 * @HVK_NUM: a number (u64)
 * @HVK_STR: a string, up to HIST_STR_MAX bytes with its NUL
 * @HVK_STACK: a stack: a count, then up to HIST_STACK_DEPTH addresses
 */
enum hist_var_kind {
	HVK_NUM,
	HVK_STR,
	HVK_STACK,
};

/* Bytes of an entry's slot for a variable of each kind. */
#define HIST_VAR_STACK_SIZE	((1 + HIST_STACK_DEPTH) * sizeof(u64))

/**
 * struct hist_var - a variable of a table
 * @name: its name
 * @type: its C type, for the synthetic events it is passed to
 * @kind: enum hist_var_kind
 * @size: HVK_NUM: bytes of the type it has
 * @is_signed: HVK_NUM: signed
 * @hidden: a field variable the kernel made: not listed
 * @slot: offset of its value in each entry's private data
 */
struct hist_var {
	char	name[HIST_NAME_MAX];
	char	type[HIST_NAME_MAX];
	u8	kind;
	u8	size;
	bool	is_signed;
	bool	hidden;
	u16	slot;
};

/**
 * struct hist_table - the shape and data of a histogram
 * @list: in the list of named tables, if named
 * @ref: triggers using it
 * @name: name=, or "" for a table of one trigger
 * @keys: the keys
 * @nr_keys: how many
 * @vals: hitcount, then the values
 * @nr_vals: how many, hitcount included
 * @sort: indexes of the sort keys: < HIST_KEYS_MAX a key, else
 *	HIST_KEYS_MAX + a value index
 * @sort_desc: whether each sort key is descending
 * @nr_sort: how many
 * @nohitcount: hitcount not shown
 * @key_size: bytes of the compound key
 * @bits: log2 of the map's size
 * @comm: entries keep the name of the task that created them
 *	(.execname)
 * @map: the data; replaced by an empty one to clear it, under
 *	trace_mutex, and read by the probes under RCU (sched)
 * @vars: the variables, set per entry
 * @nr_vars: how many
 * @var_users: references to the variables from other triggers
 *	(trace_mutex): the trigger cannot be removed while there are any
 * @priv_size: bytes of an entry's private data: the task name
 *	(.execname), then, at @set_off, a u64 of bits (bit i: variable i
 *	is set; bit HIST_VARS_MAX + j: action j has a value), then the
 *	variables' and the actions' slots
 * @set_off: offset of the bits
 */
struct hist_table {
	struct list_head	list;
	refcount_t		ref;
	char			name[HIST_NAME_MAX];
	struct hist_col		keys[HIST_KEYS_MAX];
	u8			nr_keys;
	struct hist_col		vals[HIST_VALS_MAX + 1];
	u8			nr_vals;
	u8			sort[HIST_SORT_MAX];
	bool			sort_desc[HIST_SORT_MAX];
	u8			nr_sort;
	bool			nohitcount;
	u16			key_size;
	u8			bits;
	bool			comm;
	struct tracing_map __rcu *map;
	struct hist_var		vars[HIST_VARS_MAX];
	u8			nr_vars;
	unsigned int		var_users;
	u16			priv_size;
	u16			set_off;
};

/**
 * struct hist_load_op - how one key or value is read from a record
 * @load: enum hist_load
 * @wide: a number that ends 8 bytes or more into the record: read as
 *	the u64 that ends where it ends, shifted down (and sign-extended)
 * @shift: for @wide: 64 - the field's bits
 * @is_signed: for @wide: sign-extend
 * @offset: the field's offset in the record
 * @size: the field's size (char arrays: their length)
 */
struct hist_load_op {
	u8	load;
	bool	wide;
	u8	shift;
	bool	is_signed;
	u16	offset;
	u16	size;
};

/**
 * enum hist_op_code - a step of a compiled expression (struct hist_prog),
 *	run on a small stack of u64
 * @HOP_LOAD: push a field of the record, with its modifiers
 * @HOP_CONST: push a constant
 * @HOP_REF: push the value of another table's variable, read this hit
 * @HOP_VAR: push the value of one of the trigger's variables, this hit
 * @HOP_ADD: pop two, push their sum; likewise the next three
 * @HOP_SUB: see @HOP_ADD
 * @HOP_MUL: see @HOP_ADD
 * @HOP_DIV: see @HOP_ADD; -1 for a divisor of 0
 * @HOP_NEG: negate the top
 */
enum hist_op_code {
	HOP_LOAD,
	HOP_CONST,
	HOP_REF,
	HOP_VAR,
	HOP_ADD,
	HOP_SUB,
	HOP_MUL,
	HOP_DIV,
	HOP_NEG,
};

/* Steps of an expression: HIST_EXPR_OPS_MAX operators and a minus. */
#define HIST_PROG_MAX	(2 * HIST_EXPR_OPS_MAX + 2)

/**
 * struct hist_op - one step
 * @code: enum hist_op_code
 * @idx: HOP_REF: the reference; HOP_VAR: the variable
 * @mods: HOP_LOAD: FMOD_* bits applied to the value
 * @arg: HOP_CONST: the value; HOP_LOAD: .buckets=N
 * @load: HOP_LOAD: how to read the field
 */
struct hist_op {
	u8			code;
	u8			idx;
	u32			mods;
	u64			arg;
	struct hist_load_op	load;
};

/**
 * struct hist_prog - a compiled expression
 * @n: steps
 * @ops: the steps, in postfix order
 */
struct hist_prog {
	u8		n;
	struct hist_op	ops[HIST_PROG_MAX];
};

/**
 * enum hist_var_src - how a variable gets its value on a hit
 * @HVS_PROG: a number, from its program
 * @HVS_STR: a string field of the record
 * @HVS_STACK: the current kernel stack
 * @HVS_LONGS: a __data_loc array of longs of the record
 * @HVS_REF: a string or stack variable of another table (a reference)
 * @HVS_VAR: a string or stack variable of this trigger
 */
enum hist_var_src {
	HVS_PROG,
	HVS_STR,
	HVS_STACK,
	HVS_LONGS,
	HVS_REF,
	HVS_VAR,
};

/**
 * struct hist_var_def - how a trigger sets one of its table's variables
 * @src: enum hist_var_src
 * @idx: HVS_REF: the reference; HVS_VAR: the variable
 * @load: HVS_STR, HVS_LONGS: the field
 * @prog: HVS_PROG: the program
 */
struct hist_var_def {
	u8			src;
	u8			idx;
	struct hist_load_op	load;
	struct hist_prog	prog;
};

/* References of a trigger to other tables' variables. */
#define HIST_REFS_MAX	16

/**
 * struct hist_ref - a reference to another table's variable
 * @tab: the table; the reference holds it (and counts in its var_users)
 * @var: the variable's index there
 *
 * On a hit, the entry of the same key is looked up in @tab.  A hit whose
 * references are not all set is not counted; those that are, are read
 * and unset ("read once"), so that a value is used by one match only.
 */
struct hist_ref {
	struct hist_table	*tab;
	u8			var;
};

struct hist_action;
struct hist_fvar;

/**
 * struct hist_inter - what a trigger with variables, references or
 *	actions adds to struct hist_trigger (NULL otherwise)
 * @vars: how each variable of the table is set
 * @keys: keys that are variables: their programs (NULL for the others)
 * @vals: values that are variables or expressions: their programs
 * @refs: the references
 * @nr_refs: how many
 * @actions: the handler.action pairs
 * @nr_actions: how many
 * @fvars: hidden tables this trigger made on other events for the
 *	fields it passes from them (HIST_PARAMS_MAX at most)
 * @nr_fvars: how many
 * @vars_text: the variables as listed, after the values ("" if none)
 * @tail_text: clock and actions as listed, after the size ("" if none)
 * @clock: the clock the trigger switches its instance to when it is
 *	armed, checked when it is bound; "" for none
 * @ts: the trigger reads common_timestamp: once armed, its instance
 *	keeps absolute time stamps while it is there
 * @tr_ts: the instance whose absolute time stamps this trigger holds on,
 *	or NULL; set when it is armed
 */
struct hist_inter {
	struct hist_var_def	vars[HIST_VARS_MAX];
	struct hist_prog	*keys[HIST_KEYS_MAX];
	struct hist_prog	*vals[HIST_VALS_MAX + 1];
	struct hist_ref		refs[HIST_REFS_MAX];
	u8			nr_refs;
	struct hist_action	*actions;
	u8			nr_actions;
	struct hist_fvar	**fvars;
	u8			nr_fvars;
	char			*vars_text;
	char			*tail_text;
	char			clock[HIST_CLOCK_MAX];
	bool			ts;
	struct trace_array	*tr_ts;
};

/**
 * struct hist_trigger - a hist trigger on one event
 * @table: its table
 * @keys: how to read each key from this event's records
 * @vals: how to read each value (index 0, hitcount, unused)
 * @paused: not counting
 * @ctl: what the command asked of an existing trigger (pause, cont,
 *	clear)
 * @unlisted: built for a removal, to compare: its table is its own,
 *	without a map or a name
 * @numeric: every key is a number (the fast case of firing)
 * @inter: variables, references and actions, or NULL
 * @fvar: a hidden table's trigger: its link with the trigger that made
 *	it, or NULL
 */
struct hist_trigger {
	struct hist_table	*table;
	struct hist_load_op	keys[HIST_KEYS_MAX];
	struct hist_load_op	vals[HIST_VALS_MAX + 1];
	bool			paused;
	u8			ctl;
	bool			unlisted;
	bool			numeric;
	struct hist_inter	*inter;
	struct hist_fvar	*fvar;
};

/**
 * struct hist_bind - binding a parsed command to an event
 * @t: the trigger
 * @file: its event file
 * @spec: the command
 * @tab: the table being built
 * @ht: the trigger's state being built
 * @err: why and where, on -EINVAL
 * @remove: built for a removal: nothing is resolved or made
 * @match: the event of an onmatch(), or NULL
 */
struct hist_bind {
	struct event_trigger	*t;
	struct trace_event_file	*file;
	struct hist_spec	*spec;
	struct hist_table	*tab;
	struct hist_trigger	*ht;
	struct hist_error	*err;
	bool			remove;
	struct trace_event_file	*match;
};

/**
 * struct hist_hit - one hit of a trigger with variables or actions
 * @t: the trigger
 * @ht: its state
 * @rec: the record
 * @priv: the entry's private data
 * @key: the compound key
 * @key_len: its length
 * @refs: the values of the references, read this hit
 * @vars: the values of the variables, set this hit (strings and stacks:
 *	the address of their slot)
 */
struct hist_hit {
	struct event_trigger	*t;
	struct hist_trigger	*ht;
	void			*rec;
	void			*priv;
	const void		*key;
	u32			key_len;
	u64			refs[HIST_REFS_MAX];
	u64			vars[HIST_VARS_MAX];
};

/* trace_hist_parse.c */
int hist_parse(char *args, u16 base, struct hist_spec *spec,
	       struct hist_error *err);

/* trace_hist.c */
int hist_trigger_bind(struct event_trigger *t, char *args, u16 args_col,
		      bool remove, struct hist_error *err);
int hist_trigger_arm(struct event_trigger *t, struct hist_error *err);
void hist_trigger_free(struct event_trigger *t);
void hist_trigger_fire(struct event_trigger *t, void *rec);
void hist_trigger_print(struct seq_file *m, struct event_trigger *t);
bool hist_trigger_match(const struct event_trigger *a,
			const struct event_trigger *b);
int hist_trigger_control(struct event_trigger *old,
			 const struct event_trigger *t);
void hist_set_paused(struct event_trigger *t, bool paused);
void hist_log_err(struct trace_event_file *file, const char *line,
		  const struct hist_error *err);
void hist_col_print(struct seq_file *m, const struct hist_col *col);
void hist_col_text(struct seq_buf *sb, const struct hist_col *col);

u64 hist_load_num(struct event_trigger *t, const struct hist_load_op *op,
		  u32 mods, u64 buckets, void *rec);
const char *hist_load_str(const struct hist_load_op *op, void *rec,
			  unsigned int *max);
int hist_resolve(struct trace_event_call *call,
		 const struct hist_field_spec *f, bool key,
		 struct hist_col *col, struct hist_load_op *op,
		 struct hist_error *err);
bool hist_is_trigger(const struct event_trigger *t);
u16 hist_priv_base(const struct hist_table *tab);

void hist_table_put(struct hist_table *tab);

/* A load that gives a number (not a string or a stack). */
static inline bool hist_load_is_num(u8 load)
{
	return load <= HLOAD_S64 || load == HLOAD_CPU ||
	       load == HLOAD_TIMESTAMP;
}

/* trace_hist_vars.c */
int hist_vars_bind(struct hist_bind *b);
int hist_inter_arm(struct hist_trigger *ht, struct trace_array *tr,
		   struct hist_error *err);
void hist_inter_free(struct hist_trigger *ht);
int hist_ref_resolve(struct hist_bind *b, const char *sys, u16 sys_len,
		     const char *name, u16 len, u16 pos, bool *own, u8 *idx);
const struct hist_var *hist_ref_var(const struct hist_trigger *ht,
				    bool own, u8 idx);
bool hist_trigger_busy(struct event_trigger *t);

/* trace_hist_action.c */
int hist_actions_bind(struct hist_bind *b, struct seq_buf *text);
int hist_actions_arm(struct hist_inter *hi, struct trace_array *tr,
		     struct hist_error *err);
void hist_actions_free(struct hist_inter *hi);
void hist_actions_run(struct hist_hit *h);
void hist_actions_show_entry(struct seq_file *m, const struct hist_trigger *ht,
			     const void *priv);
void hist_actions_show_snapshot(struct seq_file *m,
				const struct hist_trigger *ht);
void hist_fvar_unlink(struct hist_trigger *ht);

/* trace_hist_show.c */
void hist_file_show(struct seq_file *m, struct trace_event_file *file);
void hist_key_print(struct seq_file *m, const struct hist_table *tab,
		    const void *key, u32 key_len);

#endif /* _TRACE_HIST_H */
