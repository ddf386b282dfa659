/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_trigger.h - event triggers: the parsed command, the table of
 * commands and an attached trigger.
 *
 * A write to an event's trigger file, "[!]cmd[:args] [if filter]", is
 * parsed (trace_trigger_parse.c) into a struct trigger_spec, which names
 * its command by a pointer into the table of trace_trigger_cmds.c.  The
 * engine (trace_trigger.c) binds the spec into a struct event_trigger and
 * links it on the event file's list of triggers, which the probes walk.
 *
 * Locking:
 *
 *  ==========================  ==========================================
 *  dyn_event_mutex             taken before trace_mutex by a write to a
 *                              trigger file: hist actions look synthetic
 *                              events up
 *  trace_mutex                 adding, removing and binding triggers;
 *                              the TRIGGER_MODE and TRIGGER_COND flags of
 *                              an event file change under it.
 *  pins                        an event file with triggers pins its event
 *                              (trace_event_try_get_ref(): a module's
 *                              event keeps the module loaded, a dynamic
 *                              event cannot be removed), and so does
 *                              each trigger with a target, on the target;
 *                              the trigger, or the file's last trigger,
 *                              drops what it took when it goes, by
 *                              whatever path ('!', its event or instance
 *                              going).  An event removed whatever its
 *                              state (a module's synthetic event) takes
 *                              the triggers that target it along.
 *  trace_event_file.triggers   list_add_rcu()/list_del_rcu() under
 *                              trace_mutex; the probes walk it under RCU
 *                              (sched: the tracepoint disables preemption).
 *                              A removed trigger is freed after a grace
 *                              period.
 *  event_trigger.count         atomic: probes on every CPU consume it.
 *  ==========================  ==========================================
 */
#ifndef _TRACE_TRIGGER_H
#define _TRACE_TRIGGER_H

#include <linux/atomic.h>
#include <linux/rcupdate.h>
#include <linux/trace_events.h>

struct filter_prog;
struct seq_file;
struct trace_array;
struct event_trigger;

/* The longest trigger line, and a target's longest system/event name. */
#define TRIGGER_CMD_MAX		4096
#define TRIGGER_EVENT_NAME_MAX	64

/* event_trigger.count of a trigger without ":N". */
#define TRIGGER_UNLIMITED	(-1L)

/**
 * enum trigger_err - why a trigger command was refused
 * @TERR_NONE: not refused
 * @TERR_EMPTY: nothing but blanks
 * @TERR_UNKNOWN: no such command
 * @TERR_NO_TARGET: enable_event/disable_event without <sys>:<event>
 * @TERR_BAD_TARGET: a target name that is empty or too long
 * @TERR_NO_EVENT: the target event does not exist in this instance
 * @TERR_SELF: the target is the triggering event itself
 * @TERR_BAD_COUNT: the count is not a number
 * @TERR_EXPECT_IF: something other than "if" follows the command
 * @TERR_NO_FILTER: "if" with no expression after it
 * @TERR_TOO_LONG: the command is longer than TRIGGER_CMD_MAX
 * @TERR_EXISTS: the event already has a trigger of that kind (and target)
 * @TERR_NO_SNAPSHOT: the snapshot buffer could not be allocated
 * @TERR_FILTER: the filter was refused; the filter compiler says why
 * @TERR_NO_ARGS: a command with arguments (hist) without them
 * @TERR_NO_MATCH: nothing to continue or clear
 * @TERR_MAX: number of codes
 */
enum trigger_err {
	TERR_NONE,
	TERR_EMPTY,
	TERR_UNKNOWN,
	TERR_NO_TARGET,
	TERR_BAD_TARGET,
	TERR_NO_EVENT,
	TERR_SELF,
	TERR_BAD_COUNT,
	TERR_EXPECT_IF,
	TERR_NO_FILTER,
	TERR_TOO_LONG,
	TERR_EXISTS,
	TERR_NO_SNAPSHOT,
	TERR_FILTER,
	TERR_NO_ARGS,
	TERR_NO_MATCH,
	TERR_MAX
};

/**
 * struct trigger_error - where and why a command was refused
 * @code: enum trigger_err
 * @pos: byte offset of the token at fault in the whole command
 */
struct trigger_error {
	u8	code;
	u16	pos;
};

/**
 * struct trigger_spec - a parsed trigger command
 * @remove: the command began with '!'
 * @cmd: the command's entry in the table
 * @system: the target's system (commands with a target), in the buffer
 *	that was parsed
 * @event: the target's event name, likewise
 * @count: the ":N" count, or TRIGGER_UNLIMITED
 * @filter: the expression after "if", or NULL
 * @filter_col: byte offset of @filter in the command
 * @target_col: byte offset of @system in the command
 * @args: commands with arguments (hist): the text after "<cmd>:", up to
 *	the filter, NUL-terminated
 * @args_col: byte offset of @args in the command
 * @line: the whole command as written, for the commands that report
 *	their own errors; set by the trigger file, not the parser
 */
struct trigger_spec {
	bool				remove;
	const struct trigger_cmd	*cmd;
	const char			*system;
	const char			*event;
	long				count;
	const char			*filter;
	u16				filter_col;
	u16				target_col;
	char				*args;
	u16				args_col;
	const char			*line;
};

/**
 * struct trigger_cmd - one trigger command (trace_trigger_cmds.c)
 * @name: as written in the trigger file
 * @type: its ETT_* bit; triggers of one type are at most one per event
 *	(and per target, for commands with a target)
 * @has_target: takes "<system>:<event>" before the count
 * @post: runs after the triggering event is recorded, so that the event
 *	is in the trace it turns off or in the snapshot it takes
 * @args: takes free-form arguments after the ':' (hist), instead of a
 *	count
 * @needs_rec: @fire reads the record, so the triggers run only where
 *	there is one (EVENT_FILE_FL_TRIGGER_COND)
 * @multi: an event may have several; @match tells them apart
 * @bind: resolve what the command acts on (trace_mutex held); may fail
 *	with @err set, or with @err->code TERR_NONE once it has logged
 *	the error itself.  It changes nothing that outlives the trigger:
 *	what does is for @arm.
 * @arm: the trigger's effects on its instance (a clock, absolute time
 *	stamps, a snapshot buffer), made once every check has passed,
 *	just before the trigger is linked (trace_mutex held).  It fails,
 *	as @bind does, only with nothing changed; @spec is NULL for a
 *	trigger the kernel attaches.  NULL: none.
 * @unbind: undo @bind, and @arm if it ran (trace_mutex held)
 * @wanted: whether firing now would change anything; a count is used up
 *	only by a firing that does.  NULL: always.
 * @fire: the action; any context the event can fire in, NMI included;
 *	@rec is the record, or NULL if the command does not need it
 * @match: @multi commands: whether two triggers are the same one (for
 *	removal and duplicates)
 * @control: @multi commands: apply a new trigger's control request
 *	(hist's pause, cont, clear) to the same existing one, @old.
 *	Return 1 if there was one, 0 to add the new trigger, or an errno.
 * @print: what the trigger file lists for it, if not the usual form
 * @busy: whether removing it now must fail with -EBUSY (hist: other
 *	triggers use its variables); NULL: never
 *
 * The commands are a table of designated initialisers; the engine never
 * names one.
 */
struct trigger_cmd {
	const char	*name;
	unsigned int	type;
	bool		has_target;
	bool		post;
	bool		args;
	bool		needs_rec;
	bool		multi;
	int		(*bind)(struct event_trigger *t,
				const struct trigger_spec *spec,
				struct trigger_error *err);
	int		(*arm)(struct event_trigger *t,
			       const struct trigger_spec *spec,
			       struct trigger_error *err);
	void		(*unbind)(struct event_trigger *t);
	bool		(*wanted)(struct event_trigger *t);
	void		(*fire)(struct event_trigger *t, void *rec);
	bool		(*match)(const struct event_trigger *a,
				 const struct event_trigger *b);
	int		(*control)(struct event_trigger *old,
				   const struct event_trigger *t);
	void		(*print)(struct seq_file *m, struct event_trigger *t);
	bool		(*busy)(struct event_trigger *t);
};

/**
 * struct event_trigger - a trigger attached to an event file
 * @list: in the event file's triggers (see the locking table)
 * @cmd: its command
 * @file: the triggering event file
 * @target: commands with a target: the target's event file, which this
 *	trigger holds a reference on and whose event it pins (see the
 *	locking table); enable_event/disable_event keep it in soft mode
 * @prog: the compiled "if" filter, or NULL
 * @filter_str: its text as listed, or NULL
 * @count: firings left, or TRIGGER_UNLIMITED
 * @data: the command's own state (hist: struct hist_trigger), freed by
 *	its @unbind
 * @needs_ctx: @fire reads common_flags or common_preempt_count
 * @gone: in the list of triggers being removed, once off @list
 */
struct event_trigger {
	struct list_head		list;
	const struct trigger_cmd	*cmd;
	struct trace_event_file		*file;
	struct trace_event_file		*target;
	struct filter_prog		*prog;
	char				*filter_str;
	atomic_long_t			count;
	void				*data;
	bool				needs_ctx;
	struct list_head		gone;
};

/* trace_trigger_parse.c */
int trigger_parse(char *buf, struct trigger_spec *spec,
		  struct trigger_error *err);
extern const char *const trigger_errs[];

/* trace_trigger_cmds.c */
const struct trigger_cmd *trigger_cmd_find(const char *name, size_t len);
void trigger_cmds_help(struct seq_file *m);
bool trigger_same_kind(const struct event_trigger *t,
		       const struct trigger_cmd *cmd,
		       const struct trace_event_file *target);

/* trace_trigger.c */
enum event_trigger_type trace_triggers_run(struct trace_event_file *file,
					   void *rec, bool ctx_missing);
int trace_trigger_write(struct trace_event_file *file, char *buf);
void trace_trigger_show(struct seq_file *m, struct trace_event_file *file);
void trace_triggers_clear(struct trace_event_file *file);
void trace_triggers_untarget(struct trace_event_file *target);
int trace_trigger_attach(struct trace_event_file *file, struct event_trigger *t);
void trace_trigger_detach(struct trace_event_file *file, struct event_trigger *t);

/* trace_event_buffer.c */
struct trace_entry;
void trace_event_fill_ctx(struct trace_entry *ent);

/* trace_stack.c */
void trace_stack_record(struct trace_array *tr, unsigned int trace_ctx,
			int skip);

#endif /* _TRACE_TRIGGER_H */
