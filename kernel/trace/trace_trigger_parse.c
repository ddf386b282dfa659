// SPDX-License-Identifier: GPL-2.0
/*
 * trace_trigger_parse.c - the trigger command parser.
 *
 * One line written to an event's trigger file becomes a struct
 * trigger_spec:
 *
 *	[!]<command>[:<system>:<event>][:<count>] [if <filter>]
 *
 * The target is there for the commands that take one (enable_event,
 * disable_event), and the count is a number (decimal, or 0x hex), or on a
 * removal anything, since a removal matches on the command and target
 * only: what the file lists, "traceoff:unlimited" or "... if x > 1",
 * removes its trigger when written back with a '!'.  The filter is left
 * as text for the filter compiler.
 *
 * The parser only splits and checks the shape; it looks nothing up but
 * the command table, so it is tested on its own (tests/trace_trigger-
 * kunit.h).  Every refusal carries the byte offset of the token at fault
 * in the whole line, for error_log's caret.
 *
 * Locking: none; the parser works on the caller's buffer.
 */

#include <linux/ctype.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "trace_trigger.h"

/* The messages of enum trigger_err, as error_log shows them. */
const char *const trigger_errs[] = {
	[TERR_NONE]		= "Success",
	[TERR_EMPTY]		= "Empty trigger command",
	[TERR_UNKNOWN]		= "Unknown trigger command",
	[TERR_NO_TARGET]	= "Missing <system>:<event>",
	[TERR_BAD_TARGET]	= "Invalid event name",
	[TERR_NO_EVENT]		= "Event not found in this instance",
	[TERR_SELF]		= "An event cannot switch itself",
	[TERR_BAD_COUNT]	= "Invalid count",
	[TERR_EXPECT_IF]	= "Expected 'if' before the filter",
	[TERR_NO_FILTER]	= "Missing filter after 'if'",
	[TERR_TOO_LONG]		= "Trigger command too long",
	[TERR_EXISTS]		= "Trigger already set for this event",
	[TERR_NO_SNAPSHOT]	= "Snapshot buffer could not be allocated",
	[TERR_FILTER]		= "Invalid filter",
	[TERR_NO_ARGS]		= "Missing arguments after the command",
	[TERR_NO_MATCH]		= "No such trigger to continue or clear",
};

static_assert(ARRAY_SIZE(trigger_errs) == TERR_MAX);

static bool is_sep(char c)
{
	return !c || c == ':' || isspace(c);
}

/* Length of the token at @s: up to a ':', a blank or the end. */
static size_t token_len(const char *s)
{
	size_t n = 0;

	while (!is_sep(s[n]))
		n++;
	return n;
}

static int fail(struct trigger_error *err, enum trigger_err code,
		size_t pos)
{
	err->code = code;
	err->pos = pos;
	return -EINVAL;
}

/* The name at @buf + *pos, up to a separator; Return: its length. */
static int take_name(const char *buf, size_t *pos, struct trigger_error *err)
{
	size_t n = token_len(buf + *pos);

	if (!n)
		return fail(err, TERR_NO_TARGET, *pos);
	if (n >= TRIGGER_EVENT_NAME_MAX)
		return fail(err, TERR_BAD_TARGET, *pos);
	*pos += n;
	return 0;
}

/* Parse "<system>:<event>" at @buf + *pos; NUL-terminate the system. */
static int parse_target(char *buf, size_t *pos, struct trigger_spec *spec,
			struct trigger_error *err)
{
	spec->target_col = *pos;
	spec->system = buf + *pos;
	if (take_name(buf, pos, err))
		return -EINVAL;
	if (buf[*pos] != ':')
		return fail(err, TERR_NO_TARGET, *pos);
	buf[(*pos)++] = '\0';
	spec->event = buf + *pos;
	return take_name(buf, pos, err);
}

/* Parse the count at @buf + *pos, up to a blank or the end. */
static int parse_count(char *buf, size_t *pos, struct trigger_spec *spec,
		       struct trigger_error *err)
{
	size_t p = *pos, n = 0;
	unsigned long val;
	char c;

	while (buf[p + n] && !isspace(buf[p + n]))
		n++;
	*pos = p + n;
	if (spec->remove)
		return 0;	/* a removal ignores it */
	c = buf[p + n];
	buf[p + n] = '\0';
	if (!n || !isdigit(buf[p]) || kstrtoul(buf + p, 0, &val) ||
	    val > LONG_MAX) {
		buf[p + n] = c;
		return fail(err, TERR_BAD_COUNT, p);
	}
	buf[p + n] = c;
	spec->count = val;
	return 0;
}

/* A command's arguments: up to a blank outside parentheses. */
static size_t args_len(const char *s)
{
	int depth = 0;
	size_t n;

	for (n = 0; s[n] && (depth || !isspace(s[n])); n++) {
		if (s[n] == '(')
			depth++;
		else if (s[n] == ')' && depth)
			depth--;
	}
	return n;
}

/* After the command: nothing, or "if <filter>" (ignored on a removal). */
static int parse_filter(char *buf, size_t pos, struct trigger_spec *spec,
			struct trigger_error *err)
{
	char *s = buf + pos;

	if (!*s)
		return 0;
	if (!isspace(*s))
		return fail(err, TERR_BAD_COUNT, pos);
	s = skip_spaces(s);
	if (spec->remove)
		return 0;
	if (strncmp(s, "if", 2) || (s[2] && !isspace(s[2])))
		return fail(err, TERR_EXPECT_IF, s - buf);
	s = skip_spaces(s + 2);
	if (!*s)
		return fail(err, TERR_NO_FILTER, s - buf);
	spec->filter = s;
	spec->filter_col = s - buf;
	return 0;
}

/**
 * trigger_parse() - split a trigger command into its parts
 * @buf: the command, NUL-terminated; modified (names are cut out in
 *	place, trailing blanks dropped) and pointed into by @spec
 * @spec: filled in
 * @err: on failure, why and where, as a byte offset in @buf
 *
 * Context: any; takes no lock and does not allocate.
 * Return: 0, or -EINVAL with @err set.  A command of blanks only gives
 * -EINVAL with TERR_EMPTY, which a trigger file takes as "do nothing".
 */
int trigger_parse(char *buf, struct trigger_spec *spec,
		  struct trigger_error *err)
{
	size_t pos, n, len = strlen(buf);
	char *event_end = NULL;

	memset(spec, 0, sizeof(*spec));
	spec->count = TRIGGER_UNLIMITED;
	err->code = TERR_NONE;
	err->pos = 0;
	if (len > TRIGGER_CMD_MAX)
		return fail(err, TERR_TOO_LONG, 0);
	while (len && isspace(buf[len - 1]))
		buf[--len] = '\0';
	pos = skip_spaces(buf) - buf;
	if (!buf[pos])
		return fail(err, TERR_EMPTY, pos);
	if (buf[pos] == '!') {
		spec->remove = true;
		pos++;
	}
	n = token_len(buf + pos);
	spec->cmd = n ? trigger_cmd_find(buf + pos, n) : NULL;
	if (!spec->cmd)
		return fail(err, TERR_UNKNOWN, pos);
	pos += n;
	if (spec->cmd->has_target) {
		if (buf[pos] != ':')
			return fail(err, TERR_NO_TARGET, pos);
		pos++;
		if (parse_target(buf, &pos, spec, err))
			return -EINVAL;
		event_end = buf + pos;
	}
	if (spec->cmd->args) {
		if (buf[pos] != ':' || !args_len(buf + pos + 1))
			return fail(err, TERR_NO_ARGS, pos);
		spec->args = buf + ++pos;
		spec->args_col = pos;
		pos += args_len(buf + pos);
		event_end = buf + pos;
	} else if (buf[pos] == ':') {
		pos++;
		if (parse_count(buf, &pos, spec, err))
			return -EINVAL;
	}
	if (parse_filter(buf, pos, spec, err))
		return -EINVAL;
	/*
	 * The event name (or the arguments) ends at the count or the
	 * filter: cut it out last.
	 */
	if (event_end)
		*event_end = '\0';
	return 0;
}

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/trace_trigger-kunit.h"
#endif
