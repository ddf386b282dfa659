// SPDX-License-Identifier: GPL-2.0
/*
 * trace_dynevent_cmd.c - the dynevent_cmd builder: a command line for a
 * dynamic event, put together argument by argument in a caller's buffer
 * and run by the type that created it.
 *
 * Arguments are separated by a space (none before the first), and may
 * carry a separator character after them (';' between synthetic fields)
 * or be pairs joined by an operator ("flags=%cx") or a space ("u64 lat").
 * An add that would not fit in the buffer, with its terminating NUL,
 * returns -E2BIG and leaves the command as it was.
 *
 * Locking: a command belongs to its caller; nothing here is shared.
 */

#include <linux/errno.h>
#include <linux/export.h>
#include <linux/seq_buf.h>
#include <linux/string.h>

#include "trace_dynevent.h"

static bool cmd_valid(const struct dynevent_cmd *cmd)
{
	return cmd && cmd->type >= DYNEVENT_TYPE_SYNTH &&
	       cmd->type < DYNEVENT_TYPE_NONE && cmd->run_command &&
	       cmd->seq.buffer && cmd->seq.size;
}

/*
 * Append up to four pieces (NULL pieces skipped; a piece of length 1 may
 * be a character) if all fit, else nothing.
 */
static int cmd_append(struct dynevent_cmd *cmd, const char *const *parts,
		      const size_t *lens, int n)
{
	size_t need = 0, len = seq_buf_used(&cmd->seq);
	int i;

	for (i = 0; i < n; i++)
		need += lens[i];
	/* Keep room for the NUL that seq_buf_str() writes. */
	if (len + need >= cmd->seq.size)
		return -E2BIG;
	for (i = 0; i < n; i++) {
		memcpy(cmd->seq.buffer + cmd->seq.len, parts[i], lens[i]);
		cmd->seq.len += lens[i];
	}
	cmd->seq.buffer[cmd->seq.len] = '\0';
	return 0;
}

/**
 * dynevent_cmd_init() - prepare a command in a caller's buffer
 * @cmd: the command
 * @buf: the buffer, of @maxlen bytes (MAX_DYNEVENT_CMD_LEN will do)
 * @maxlen: its size
 * @type: DYNEVENT_TYPE_*, checked by every later call of the type's API
 * @run_command: what dynevent_create() calls
 *
 * Context: any.
 */
void dynevent_cmd_init(struct dynevent_cmd *cmd, char *buf, int maxlen,
		       enum dynevent_type type,
		       dynevent_create_fn_t run_command)
{
	memset(cmd, 0, sizeof(*cmd));
	seq_buf_init(&cmd->seq, buf, maxlen > 0 ? maxlen : 0);
	if (maxlen > 0)
		buf[0] = '\0';
	cmd->type = type;
	cmd->run_command = run_command;
}

/**
 * dynevent_arg_init() - prepare a single argument
 * @arg: the argument; set @arg->str before adding it
 * @check_arg: a check of the argument, or NULL
 * @separator: a character to append after it, or 0
 *
 * Context: any.
 */
void dynevent_arg_init(struct dynevent_arg *arg,
		       int (*check_arg)(void *arg), char separator)
{
	arg->str = NULL;
	arg->separator = separator;
	arg->check_arg = check_arg;
}

/**
 * dynevent_arg_pair_init() - prepare a two-part argument
 * @arg_pair: the argument; set lhs and rhs before adding it
 * @check_arg: a check of the argument, or NULL
 * @operator: the character between the parts, or 0 for a space
 * @separator: a character to append after the pair, or 0
 *
 * Context: any.
 */
void dynevent_arg_pair_init(struct dynevent_arg_pair *arg_pair,
			    int (*check_arg)(void *arg), char operator,
			    char separator)
{
	arg_pair->lhs = NULL;
	arg_pair->rhs = NULL;
	arg_pair->operator = operator;
	arg_pair->separator = separator;
	arg_pair->check_arg = check_arg;
}

/**
 * dynevent_arg_add() - append an argument to a command
 * @cmd: the command
 * @arg: the argument
 *
 * Context: any.
 * Return: 0; -EINVAL for a command that was not initialised or an
 * argument without text; the check's error; -E2BIG when it does not fit
 * (the command is unchanged in every error case).
 */
int dynevent_arg_add(struct dynevent_cmd *cmd, struct dynevent_arg *arg)
{
	const char *parts[3];
	size_t lens[3];
	int n = 0, ret;

	if (!cmd_valid(cmd) || !arg || !arg->str)
		return -EINVAL;
	if (arg->check_arg) {
		ret = arg->check_arg(arg);
		if (ret)
			return ret;
	}
	if (seq_buf_used(&cmd->seq)) {
		parts[n] = " ";
		lens[n++] = 1;
	}
	parts[n] = arg->str;
	lens[n++] = strlen(arg->str);
	if (arg->separator) {
		parts[n] = &arg->separator;
		lens[n++] = 1;
	}
	return cmd_append(cmd, parts, lens, n);
}

/**
 * dynevent_arg_pair_add() - append a two-part argument to a command
 * @cmd: the command
 * @arg_pair: the argument
 *
 * Context: any.
 * Return: as dynevent_arg_add().
 */
int dynevent_arg_pair_add(struct dynevent_cmd *cmd,
			  struct dynevent_arg_pair *arg_pair)
{
	const char *parts[5];
	size_t lens[5];
	int n = 0, ret;

	if (!cmd_valid(cmd) || !arg_pair || !arg_pair->lhs || !arg_pair->rhs)
		return -EINVAL;
	if (arg_pair->check_arg) {
		ret = arg_pair->check_arg(arg_pair);
		if (ret)
			return ret;
	}
	if (seq_buf_used(&cmd->seq)) {
		parts[n] = " ";
		lens[n++] = 1;
	}
	parts[n] = arg_pair->lhs;
	lens[n++] = strlen(arg_pair->lhs);
	parts[n] = arg_pair->operator ? &arg_pair->operator : " ";
	lens[n++] = 1;
	parts[n] = arg_pair->rhs;
	lens[n++] = strlen(arg_pair->rhs);
	if (arg_pair->separator) {
		parts[n] = &arg_pair->separator;
		lens[n++] = 1;
	}
	return cmd_append(cmd, parts, lens, n);
}

/**
 * dynevent_str_add() - append text to a command as it is
 * @cmd: the command
 * @str: the text, with no space added before it and no check
 *
 * Context: any.
 * Return: 0, -EINVAL, or -E2BIG (the command is then unchanged).
 */
int dynevent_str_add(struct dynevent_cmd *cmd, const char *str)
{
	size_t len;

	if (!cmd_valid(cmd) || !str)
		return -EINVAL;
	len = strlen(str);
	return cmd_append(cmd, &str, &len, 1);
}

/**
 * dynevent_create() - run a command built with the dynevent_cmd API
 * @cmd: the command
 *
 * The type's run_command() parses the command and creates the event.
 *
 * Context: process context; sleeps.
 * Return: 0, -EINVAL for a command that was not initialised, or the
 * type's error.
 */
int dynevent_create(struct dynevent_cmd *cmd)
{
	if (!cmd_valid(cmd))
		return -EINVAL;
	return cmd->run_command(cmd);
}
EXPORT_SYMBOL_GPL(dynevent_create);

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/trace_dynevent_cmd-kunit.h"
#endif
