// SPDX-License-Identifier: GPL-2.0
/*
 * trace_kprobe_api.c - kprobe and kretprobe events from kernel code
 * (Documentation/trace/events.rst, 7.3), on the dynevent_cmd layer:
 *
 *	kprobe_event_cmd_init(&cmd, buf, MAX_DYNEVENT_CMD_LEN);
 *	kprobe_event_gen_cmd_start(&cmd, "name", "do_sys_open", "dfd=%ax");
 *	kprobe_event_add_fields(&cmd, "flags=%cx", "mode=+4($stack)");
 *	kprobe_event_gen_cmd_end(&cmd);
 *	...
 *	kprobe_event_delete("name");
 *
 * The command built is a kprobe_events line ("p:kprobes/name place
 * args..."), run as if written there: the same checks, the same events.
 *
 * Locking: a dynevent_cmd belongs to its caller; running it takes
 * dyn_event_mutex (trace_kprobe.c).
 */

#include <linux/module.h>
#include <linux/slab.h>
#include <linux/trace_events.h>

#include "trace_kprobe.h"

static int kprobe_run_cmd(struct dynevent_cmd *cmd)
{
	return trace_kprobe_run_command(cmd->seq.buffer);
}

/**
 * kprobe_event_cmd_init() - prepare a command that makes a kprobe event
 * @cmd:    the command
 * @buf:    its buffer
 * @maxlen: the buffer's size (MAX_DYNEVENT_CMD_LEN)
 *
 * Context: any context.
 */
void kprobe_event_cmd_init(struct dynevent_cmd *cmd, char *buf, int maxlen)
{
	dynevent_cmd_init(cmd, buf, maxlen, DYNEVENT_TYPE_KPROBE,
			  kprobe_run_cmd);
}
EXPORT_SYMBOL_GPL(kprobe_event_cmd_init);

/* Append the NULL-terminated list of arguments, all or nothing. */
static int add_fields(struct dynevent_cmd *cmd, va_list args)
{
	unsigned int used = seq_buf_used(&cmd->seq);
	struct dynevent_arg arg;
	const char *field;
	int ret = 0;

	dynevent_arg_init(&arg, NULL, 0);
	while ((field = va_arg(args, const char *)) != NULL) {
		arg.str = field;
		ret = dynevent_arg_add(cmd, &arg);
		if (ret)
			break;
	}
	if (ret) {
		cmd->seq.len = used;
		cmd->seq.buffer[used] = '\0';
	}
	return ret;
}

/**
 * __kprobe_event_gen_cmd_start() - start a kprobe or kretprobe command
 * @cmd:       the command, from kprobe_event_cmd_init()
 * @kretprobe: a return probe
 * @name:      the event, "[GROUP/]EVENT" (group "kprobes" by default)
 * @loc:       the place: "[MOD:]SYM[+offs]" or an address
 * @...:       fields ("name=fetcharg[:type]"), ending with NULL (the
 *	       kprobe_event_gen_cmd_start() macros add it)
 *
 * Context: process context.
 * Return: 0, -EINVAL for a bad command or argument, -E2BIG when the
 * command does not fit (it is then left as it was).
 */
int __kprobe_event_gen_cmd_start(struct dynevent_cmd *cmd, bool kretprobe,
				 const char *name, const char *loc, ...)
{
	struct dynevent_arg arg;
	char head[2 * PROBE_NAME_MAX + 4];
	va_list args;
	int ret;

	if (!cmd || cmd->type != DYNEVENT_TYPE_KPROBE || !name || !loc ||
	    !*name || !*loc)
		return -EINVAL;
	if (snprintf(head, sizeof(head), "%c:%s%s", kretprobe ? 'r' : 'p',
		     strchr(name, '/') ? "" : KPROBE_GROUP "/", name) >=
	    sizeof(head))
		return -EINVAL;
	seq_buf_clear(&cmd->seq);
	cmd->seq.buffer[0] = '\0';
	dynevent_arg_init(&arg, NULL, 0);
	arg.str = head;
	ret = dynevent_arg_add(cmd, &arg);
	if (ret)
		return ret;
	arg.str = loc;
	ret = dynevent_arg_add(cmd, &arg);
	if (ret)
		return ret;
	va_start(args, loc);
	ret = add_fields(cmd, args);
	va_end(args);
	return ret;
}
EXPORT_SYMBOL_GPL(__kprobe_event_gen_cmd_start);

/**
 * __kprobe_event_add_fields() - add fields to a kprobe command
 * @cmd: the command, started with kprobe_event_gen_cmd_start() or
 *	 kretprobe_event_gen_cmd_start()
 * @...: fields ("name=fetcharg[:type]"), ending with NULL (the
 *	 kprobe_event_add_fields() macro adds it)
 *
 * Context: process context.
 * Return: 0, -EINVAL, or -E2BIG (the command is then left as it was).
 */
int __kprobe_event_add_fields(struct dynevent_cmd *cmd, ...)
{
	va_list args;
	int ret;

	if (!cmd || cmd->type != DYNEVENT_TYPE_KPROBE ||
	    !seq_buf_used(&cmd->seq))
		return -EINVAL;
	va_start(args, cmd);
	ret = add_fields(cmd, args);
	va_end(args);
	return ret;
}
EXPORT_SYMBOL_GPL(__kprobe_event_add_fields);

/**
 * kprobe_event_delete() - remove a kprobe event
 * @name: "[GROUP/]EVENT"
 *
 * Context: process context; takes dyn_event_mutex.
 * Return: 0, -ENOENT if there is no such kprobe event, -EBUSY while it
 * is in use, or -EINVAL.
 */
int kprobe_event_delete(const char *name)
{
	char *cmd;
	int ret;

	if (!name || !*name)
		return -EINVAL;
	cmd = kasprintf(GFP_KERNEL, "-:%s", name);
	if (!cmd)
		return -ENOMEM;
	ret = trace_kprobe_run_command(cmd);
	kfree(cmd);
	return ret;
}
EXPORT_SYMBOL_GPL(kprobe_event_delete);
