// SPDX-License-Identifier: GPL-2.0
/*
 * trace_field_mod.c - the table of field modifiers (trace_field_mod.h).
 *
 * Locking: none; the table is constant.
 */

#include <linux/bits.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "trace_field_mod.h"

/* The modifiers that decide how a key is shown: one at most. */
#define FMOD_SHOW	(BIT(FMOD_HEX) | BIT(FMOD_SYM) | BIT(FMOD_SYM_OFFSET) | \
			 BIT(FMOD_SYSCALL) | BIT(FMOD_EXECNAME) | \
			 BIT(FMOD_LOG2) | BIT(FMOD_BUCKETS) | \
			 BIT(FMOD_STACKTRACE) | BIT(FMOD_PERCENT) | \
			 BIT(FMOD_GRAPH))
#define FMOD_ORDER	(BIT(FMOD_ASCENDING) | BIT(FMOD_DESCENDING))

const struct field_mod trace_field_mods[FMOD_MAX] = {
	[FMOD_HEX] = {
		.name	= "hex",
		.where	= FMW_KEY | FMW_VAL,
		.need	= FMN_NUM,
		.excl	= FMOD_SHOW,
	},
	[FMOD_SYM] = {
		.name	= "sym",
		.where	= FMW_KEY,
		.need	= FMN_LONG,
		.excl	= FMOD_SHOW,
	},
	[FMOD_SYM_OFFSET] = {
		.name	= "sym-offset",
		.where	= FMW_KEY,
		.need	= FMN_LONG,
		.excl	= FMOD_SHOW,
	},
	[FMOD_SYSCALL] = {
		.name	= "syscall",
		.where	= FMW_KEY,
		.need	= FMN_NUM,
		.excl	= FMOD_SHOW,
	},
	[FMOD_EXECNAME] = {
		.name	= "execname",
		.where	= FMW_KEY,
		.need	= FMN_PID,
		.excl	= FMOD_SHOW,
	},
	[FMOD_LOG2] = {
		.name	= "log2",
		.where	= FMW_KEY,
		.need	= FMN_NUM,
		.excl	= FMOD_SHOW,
	},
	[FMOD_BUCKETS] = {
		.name	= "buckets",
		.where	= FMW_KEY,
		.need	= FMN_NUM,
		.arg	= true,
		.excl	= FMOD_SHOW,
	},
	[FMOD_USECS] = {
		.name	= "usecs",
		.where	= FMW_KEY | FMW_VAL,
		.need	= FMN_TIMESTAMP,
		.excl	= BIT(FMOD_USECS),
	},
	[FMOD_PERCENT] = {
		.name	= "percent",
		.where	= FMW_VAL,
		.need	= FMN_NUM,
		.excl	= FMOD_SHOW,
	},
	[FMOD_GRAPH] = {
		.name	= "graph",
		.where	= FMW_VAL,
		.need	= FMN_NUM,
		.excl	= FMOD_SHOW,
	},
	[FMOD_STACKTRACE] = {
		.name	= "stacktrace",
		.where	= FMW_KEY,
		.need	= FMN_LONGS,
		.excl	= FMOD_SHOW,
	},
	[FMOD_USTRING] = {
		.name	= "ustring",
		.where	= FMW_FILTER,
		.need	= FMN_LONG,
	},
	[FMOD_FUNCTION] = {
		.name	= "function",
		.where	= FMW_FILTER,
		.need	= FMN_LONG,
	},
	[FMOD_ASCENDING] = {
		.name	= "ascending",
		.where	= FMW_SORT,
		.excl	= FMOD_ORDER,
	},
	[FMOD_DESCENDING] = {
		.name	= "descending",
		.where	= FMW_SORT,
		.excl	= FMOD_ORDER,
	},
};

/**
 * trace_field_mod_find() - a modifier by name, where it may be written
 * @name: the name after the dot, not necessarily NUL-terminated; for a
 *	modifier with an argument, the part before the '='
 * @len: its length
 * @where: the FMW_* place it is written in
 *
 * Context: any.
 * Return: the table entry, or NULL if there is none of that name allowed
 * at @where.
 */
const struct field_mod *trace_field_mod_find(const char *name, size_t len,
					     unsigned int where)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(trace_field_mods); i++) {
		const struct field_mod *m = &trace_field_mods[i];

		if (m->name && strlen(m->name) == len &&
		    !memcmp(m->name, name, len))
			return m->where & where ? m : NULL;
	}
	return NULL;
}
