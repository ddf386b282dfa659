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
 *  ========================  ============================================
 */
#ifndef _TRACE_HIST_H
#define _TRACE_HIST_H

#include <linux/refcount.h>
#include <linux/types.h>

#include "tracing_map.h"

struct event_trigger;
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
 * @HERR_UNSUPPORTED: variables, expressions and handlers (not yet)
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
	HERR_UNSUPPORTED,
	HERR_MAX
};

extern const char *const hist_errs[];

/**
 * struct hist_field_spec - a key or value as written
 * @name: the field name, in the parsed buffer (not NUL-terminated)
 * @len: its length
 * @pos: its offset in the command, for error_log
 * @mod_pos: offset of the modifier, if any
 * @mods: FMOD_* bits of its modifiers
 * @buckets: the size of .buckets=N
 */
struct hist_field_spec {
	const char	*name;
	u16		len;
	u16		pos;
	u16		mod_pos;
	u32		mods;
	u64		buckets;
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
 */
enum hist_src {
	HSRC_FIELD,
	HSRC_CPU,
	HSRC_STACK,
	HSRC_TIMESTAMP,
	HSRC_HITCOUNT,
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
 */
struct hist_trigger {
	struct hist_table	*table;
	struct hist_load_op	keys[HIST_KEYS_MAX];
	struct hist_load_op	vals[HIST_VALS_MAX + 1];
	bool			paused;
	u8			ctl;
	bool			unlisted;
	bool			numeric;
};

/* trace_hist_parse.c */
int hist_parse(char *args, u16 base, struct hist_spec *spec,
	       struct hist_error *err);

/* trace_hist.c */
int hist_trigger_bind(struct event_trigger *t, char *args, u16 args_col,
		      bool remove, struct hist_error *err);
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

/* trace_hist_show.c */
void hist_file_show(struct seq_file *m, struct trace_event_file *file);

#endif /* _TRACE_HIST_H */
