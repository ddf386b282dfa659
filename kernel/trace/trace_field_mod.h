/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_field_mod.h - the ".modifier" suffixes of event field names, one
 * table for the filter compiler and hist triggers.
 *
 * "call_site.sym", "bytes_req.log2", "ptr.ustring": the part after the
 * dot names an entry of trace_field_mods[] (trace_field_mod.c).  Each
 * entry says where it may appear (a filter, a hist key, a hist value, a
 * sort key) and what kind of field it applies to; the parsers look the
 * name up and check both, and never compare modifier names themselves.
 */
#ifndef _TRACE_FIELD_MOD_H
#define _TRACE_FIELD_MOD_H

#include <linux/types.h>

/**
 * enum field_mod_id - a modifier; bit @id of a field's modifier mask
 * @FMOD_HEX: show a number in hex
 * @FMOD_SYM: show an address as "[addr] symbol"
 * @FMOD_SYM_OFFSET: as "[addr] symbol+off/size"
 * @FMOD_SYSCALL: show a syscall number as its name
 * @FMOD_EXECNAME: show a pid as "comm [pid]"
 * @FMOD_LOG2: group a number by its power of two
 * @FMOD_BUCKETS: group a number in buckets of a given size ("=N")
 * @FMOD_USECS: a time stamp in microseconds
 * @FMOD_PERCENT: a value as its share of the column's total
 * @FMOD_GRAPH: a value as a bar, scaled to the column's largest
 * @FMOD_STACKTRACE: an array of longs shown as a stack, one frame a line
 * @FMOD_USTRING: filters: a pointer to a user-space string
 * @FMOD_FUNCTION: filters: an address compared with a function
 * @FMOD_ASCENDING: sort keys: smallest first
 * @FMOD_DESCENDING: sort keys: largest first
 * @FMOD_MAX: number of modifiers
 */
enum field_mod_id {
	FMOD_HEX,
	FMOD_SYM,
	FMOD_SYM_OFFSET,
	FMOD_SYSCALL,
	FMOD_EXECNAME,
	FMOD_LOG2,
	FMOD_BUCKETS,
	FMOD_USECS,
	FMOD_PERCENT,
	FMOD_GRAPH,
	FMOD_STACKTRACE,
	FMOD_USTRING,
	FMOD_FUNCTION,
	FMOD_ASCENDING,
	FMOD_DESCENDING,
	FMOD_MAX
};

/* Where a modifier may be written: field_mod.where */
#define FMW_FILTER	BIT(0)
#define FMW_KEY		BIT(1)
#define FMW_VAL		BIT(2)
#define FMW_SORT	BIT(3)

/**
 * enum field_mod_need - what a modifier's field must be
 * @FMN_ANY: anything its place allows
 * @FMN_NUM: a number
 * @FMN_LONG: a number the size of a pointer
 * @FMN_PID: common_pid
 * @FMN_TIMESTAMP: common_timestamp
 * @FMN_LONGS: an array of longs (a stack)
 */
enum field_mod_need {
	FMN_ANY,
	FMN_NUM,
	FMN_LONG,
	FMN_PID,
	FMN_TIMESTAMP,
	FMN_LONGS,
};

/**
 * struct field_mod - one modifier
 * @name: as written after the dot
 * @where: FMW_* places it may appear
 * @need: enum field_mod_need
 * @arg: takes "=N" (a positive number)
 * @excl: modifiers it cannot be combined with (FMOD_* bits); every
 *	modifier that changes how a key is grouped or shown excludes the
 *	others of its kind
 */
struct field_mod {
	const char	*name;
	u8		where;
	u8		need;
	bool		arg;
	u32		excl;
};

extern const struct field_mod trace_field_mods[FMOD_MAX];

const struct field_mod *trace_field_mod_find(const char *name, size_t len,
					     unsigned int where);

#endif /* _TRACE_FIELD_MOD_H */
