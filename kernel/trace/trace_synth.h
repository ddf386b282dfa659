/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_synth.h - synthetic events: the parsed definition, the event, and
 * what the parser, the event core and the in-kernel API share.
 *
 * A definition ("name type field; type field ...") is parsed into a
 * struct synth_def (trace_synth_parse.c), then made into a struct
 * synth_event (trace_synth.c) whose record has one 8-byte slot per
 * number, a string's characters rounded up to 8 bytes, and a u32 data
 * location (in an 8-byte slot) for each dynamic string or stack, whose
 * contents follow the fixed part.
 *
 * Locking: a synth_event is created and freed under dyn_event_mutex
 * (trace_dynevent.h); its definition never changes in between, so the
 * tracing path reads it without a lock while it holds the event enabled
 * or a reference from trace_get_event_file().
 */
#ifndef _TRACE_SYNTH_H
#define _TRACE_SYNTH_H

#include <linux/trace_events.h>
#include <linux/types.h>

#include "trace_dynevent.h"

#define SYNTH_SYSTEM		"synthetic"
#define SYNTH_FIELDS_MAX	64
#define SYNTH_NAME_MAX		64
/* The longest string, static or dynamic, terminating NUL included. */
#define SYNTH_STR_MAX		256
/* The most entries of a stack field. */
#define SYNTH_STACK_MAX		64
/*
 * The largest fixed part of a record, header included: a record must fit
 * in a ring buffer page with its dynamic data, and offsets are 16 bits.
 */
#define SYNTH_FIXED_MAX		3072

/**
 * enum synth_kind - what a field holds
 * @SYNTH_NUM: a number of 1 to 8 bytes, in an 8-byte slot
 * @SYNTH_STR: a char array of fixed length
 * @SYNTH_DYN_STR: a string after the fixed part (char name[])
 * @SYNTH_STACK: return addresses after the fixed part (long[] name)
 * @SYNTH_ARRAY: a fixed array of numbers (type name[N])
 */
enum synth_kind {
	SYNTH_NUM,
	SYNTH_STR,
	SYNTH_DYN_STR,
	SYNTH_STACK,
	SYNTH_ARRAY,
};

/**
 * struct synth_type - a type a field may have
 * @name: as written ("unsigned int")
 * @size: in bytes
 * @is_signed: for comparisons and printing
 * @fmt: the printf conversion of one value
 */
struct synth_type {
	const char	*name;
	u8		size;
	bool		is_signed;
	const char	*fmt;
};

/**
 * struct synth_field - one field of a synthetic event
 * @name: its name
 * @type: its type as listed ("u64", "char[16]", "unsigned long[]")
 * @base: the element type
 * @kind: enum synth_kind
 * @len: characters of a SYNTH_STR, elements of a SYNTH_ARRAY
 * @offset: in the record (set when the event is made)
 * @size: bytes of its fixed part in the record, a multiple of 8
 */
struct synth_field {
	char			*name;
	char			*type;
	const struct synth_type	*base;
	u8			kind;
	u16			len;
	u16			offset;
	u16			size;
};

/**
 * struct synth_def - a parsed definition
 * @name: the event name
 * @fields: the fields, in order
 * @n_fields: how many
 */
struct synth_def {
	char			*name;
	struct synth_field	*fields;
	int			n_fields;
};

/* Error codes of the parser, indexes of synth_errs[]. */
enum synth_err_code {
	SERR_BAD_NAME,
	SERR_INVALID_CMD,
	SERR_INVALID_DYN_CMD,
	SERR_EVENT_EXISTS,
	SERR_TOO_MANY_FIELDS,
	SERR_INCOMPLETE_TYPE,
	SERR_INVALID_TYPE,
	SERR_INVALID_FIELD,
	SERR_INVALID_ARRAY_SPEC,
};

/**
 * struct synth_parse_err - why a definition was refused
 * @code: enum synth_err_code
 * @pos: byte offset in the command of the token at fault
 */
struct synth_parse_err {
	int	code;
	int	pos;
};

extern const char *const synth_errs[];

/**
 * struct synth_event - a synthetic event
 * @devent: its entry in the list of dynamic events
 * @def: its definition; the record layout is in the fields
 * @fixed_size: bytes of the record without dynamic data, header included
 * @n_dynamic: fields of kind SYNTH_DYN_STR or SYNTH_STACK
 * @mod: the module that created it, pinned while it is enabled; NULL for
 *	tracefs and built-in code
 * @fields_array: its fields for the event layer, NULL-terminated
 * @class: its event class
 * @call: the event
 * @files: the instances' files that record it (RCU list of struct
 *	event_file_link, changed under trace_mutex), for the hist actions
 *	that fire it
 * @action_refs: hist actions that fire it (trace_mutex); it cannot be
 *	removed while there are any
 */
struct synth_event {
	struct dyn_event		devent;
	struct synth_def		def;
	unsigned int			fixed_size;
	unsigned int			n_dynamic;
	struct module			*mod;
	struct trace_event_fields	*fields_array;
	struct trace_event_class	class;
	struct trace_event_call		call;
	struct list_head		files;
	unsigned int			action_refs;
};

/* trace_synth_parse.c */
int synth_parse(const char *cmd, int start, struct synth_def *def,
		struct synth_parse_err *err);
int synth_parse_field(const char *type, const char *name,
		      struct synth_field *field);
void synth_def_free(struct synth_def *def);
bool synth_def_equal(const struct synth_def *a, const struct synth_def *b);
void synth_show_fields(struct seq_file *m, const struct synth_def *def);

/* trace_synth.c */
struct synth_event *synth_event_find(const char *name);
int synth_event_create_def(struct synth_def *def, struct module *mod,
			   const char *cmd, const char *loc, int name_pos);
int synth_event_run_cmd(const char *cmd, struct module *mod);
struct synth_event *synth_event_of_file(struct trace_event_file *file);

/* trace_synth_api.c */
void synth_event_fire(struct synth_event *se, const u64 *vals);

static inline struct synth_event *synth_of_call(struct trace_event_call *call)
{
	return container_of(call, struct synth_event, call);
}

#endif /* _TRACE_SYNTH_H */
