// SPDX-License-Identifier: GPL-2.0
/*
 * trace_trigger_cmds.c - the trigger commands, one table of designated
 * initialisers.
 *
 *	traceon, traceoff	the instance's tracing_on
 *	snapshot		swap the instance's snapshot buffer in
 *	stacktrace		record the kernel stack
 *	enable_event,		switch another event of the instance, kept
 *	disable_event		in soft mode while the trigger exists
 *	hist			aggregate into a histogram (trace_hist.c)
 *	enable_hist,		resume or pause the hist triggers of another
 *	disable_hist		event of the instance
 *
 * Each command binds what it acts on when the trigger is set (the target
 * event), and arms what it needs of the instance (the snapshot buffer)
 * once the trigger is accepted, so that firing, which happens in
 * whatever context the event fires in, only flips a bit or writes a
 * record.  The four commands with a target pin it the same way
 * (target_get()): a module's event keeps its module loaded and a dynamic
 * event cannot be removed while a trigger names it.
 *
 * Locking: bind, arm and unbind run under trace_mutex; fire runs in a
 * probe, under RCU (sched), and takes no lock but the snapshot's raw
 * spinlock.
 */

#include <linux/seq_file.h>
#include <linux/string.h>

#include "trace_array.h"
#include "trace_event_types.h"
#include "trace_hist.h"
#include "trace_trigger.h"

/* The context word, for records a trigger writes from a probe. */
static unsigned int trigger_ctx(void)
{
	return tracing_gen_ctx_dec();
}

static bool tracing_on_wanted(struct event_trigger *t, bool on)
{
	return trace_tracing_is_on(t->file->tr) != on;
}

static bool traceon_wanted(struct event_trigger *t)
{
	return tracing_on_wanted(t, true);
}

static bool traceoff_wanted(struct event_trigger *t)
{
	return tracing_on_wanted(t, false);
}

static void traceon_fire(struct event_trigger *t, void *rec)
{
	trace_set_tracing_on(t->file->tr, true);
}

static void traceoff_fire(struct event_trigger *t, void *rec)
{
	trace_set_tracing_on(t->file->tr, false);
}

static int snapshot_arm(struct event_trigger *t,
			const struct trigger_spec *spec,
			struct trigger_error *err)
{
	int ret = trace_snapshot_alloc(t->file->tr);

	if (ret) {
		err->code = TERR_NO_SNAPSHOT;
		err->pos = 0;
	}
	return ret;
}

static void snapshot_fire(struct event_trigger *t, void *rec)
{
	trace_snapshot_take(t->file->tr);
}

/*
 * Skip the frames of the trigger path itself: the probe half that
 * calls the triggers, event_triggers_call() and this function.
 */
#define TRIGGER_STACK_SKIP	3

static void stacktrace_fire(struct event_trigger *t, void *rec)
{
	trace_stack_record(t->file->tr, trigger_ctx(), TRIGGER_STACK_SKIP);
}

/* The event a command names, in its own instance; NULL with @err set. */
static struct trace_event_file *target_find(struct event_trigger *t,
					    const struct trigger_spec *spec,
					    struct trigger_error *err)
{
	struct trace_event_file *target;

	lockdep_assert_held(&trace_mutex);
	target = __trace_find_event_file(t->file->tr, spec->system,
					 spec->event);
	if (!target) {
		err->code = TERR_NO_EVENT;
		err->pos = spec->target_col;
	}
	return target;
}

/*
 * Make @target the trigger's target, pinned: a reference on the file,
 * and on its event (a module's event keeps its module loaded, a dynamic
 * event cannot be removed).  Every command with a target takes it here
 * and drops it in target_put().
 */
static int target_get(struct event_trigger *t,
		      struct trace_event_file *target,
		      const struct trigger_spec *spec,
		      struct trigger_error *err)
{
	lockdep_assert_held(&trace_mutex);
	if (!trace_event_try_get_ref(target->event_call)) {
		/* A module that is going. */
		err->code = TERR_NO_EVENT;
		err->pos = spec->target_col;
		return -ENODEV;
	}
	refcount_inc(&target->ref);
	t->target = target;
	return 0;
}

static void target_put(struct event_trigger *t)
{
	struct trace_event_file *target = t->target;

	lockdep_assert_held(&trace_mutex);
	/*
	 * A target's event is not removed while it is pinned, but for one
	 * removed whatever its state, whose triggers went first
	 * (trace_triggers_untarget()): a freed file is only left by an
	 * event gone with its module, with nothing to unpin.
	 */
	if (!test_bit(EVENT_FILE_FL_FREED_BIT, &target->flags))
		trace_event_put_ref(target->event_call);
	trace_event_file_put(target);
	t->target = NULL;
}

/* The target of enable_event/disable_event: an event that can be on. */
static int target_bind(struct event_trigger *t,
		       const struct trigger_spec *spec,
		       struct trigger_error *err)
{
	struct trace_event_file *target = target_find(t, spec, err);
	int ret;

	if (!target)
		return -EINVAL;
	if (!target->event_call->class->reg ||
	    target->event_call->flags & TRACE_EVENT_FL_IGNORE_ENABLE) {
		err->code = TERR_NO_EVENT;
		err->pos = spec->target_col;
		return -EINVAL;
	}
	ret = target_get(t, target, spec, err);
	if (ret)
		return ret;
	ret = __trace_event_enable(target, true, true);
	if (ret) {
		target_put(t);
		err->code = TERR_NO_EVENT;
		err->pos = spec->target_col;
		return ret;
	}
	return 0;
}

static void target_unbind(struct event_trigger *t)
{
	lockdep_assert_held(&trace_mutex);
	__trace_event_enable(t->target, false, true);
	target_put(t);
}

static bool enable_event_wanted(struct event_trigger *t)
{
	return test_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &t->target->flags);
}

static bool disable_event_wanted(struct event_trigger *t)
{
	return !enable_event_wanted(t);
}

static void enable_event_fire(struct event_trigger *t, void *rec)
{
	clear_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &t->target->flags);
}

static void disable_event_fire(struct event_trigger *t, void *rec)
{
	set_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &t->target->flags);
}

#ifdef CONFIG_HIST_TRIGGERS
/* enable_hist/disable_hist: the target event, of this instance. */
static int hist_target_bind(struct event_trigger *t,
			    const struct trigger_spec *spec,
			    struct trigger_error *err)
{
	struct trace_event_file *target = target_find(t, spec, err);

	if (!target)
		return -EINVAL;
	return target_get(t, target, spec, err);
}

/* Pause or resume every hist trigger of the target event. */
static void hist_switch(struct event_trigger *t, bool paused)
{
	struct event_trigger *h;

	list_for_each_entry_rcu(h, &t->target->triggers, list)
		if (h->cmd->type == ETT_EVENT_HIST)
			hist_set_paused(h, paused);
}

static void enable_hist_fire(struct event_trigger *t, void *rec)
{
	hist_switch(t, false);
}

static void disable_hist_fire(struct event_trigger *t, void *rec)
{
	hist_switch(t, true);
}

/* hist: the arguments are the hist engine's to parse and report on. */
static int hist_bind(struct event_trigger *t, const struct trigger_spec *spec,
		     struct trigger_error *err)
{
	struct hist_error herr;
	int ret;

	ret = hist_trigger_bind(t, spec->args, spec->args_col, spec->remove,
				&herr);
	if (ret == -EINVAL && herr.code != HERR_NONE) {
		hist_log_err(t->file, spec->line, &herr);
		err->code = TERR_NONE;
	} else if (ret) {
		err->code = TERR_NONE;
	}
	return ret;
}

/* hist: what the trigger needs of its instance, logged as hist's errors. */
static int hist_arm(struct event_trigger *t, const struct trigger_spec *spec,
		    struct trigger_error *err)
{
	struct hist_error herr;
	int ret;

	ret = hist_trigger_arm(t, &herr);
	if (ret) {
		if (spec && herr.code != HERR_NONE)
			hist_log_err(t->file, spec->line, &herr);
		err->code = TERR_NONE;
	}
	return ret;
}

#endif /* CONFIG_HIST_TRIGGERS */

static const struct trigger_cmd trigger_cmds[] = {
	{
		.name		= "traceon",
		.type		= ETT_TRACE_ONOFF,
		.post		= true,
		.wanted		= traceon_wanted,
		.fire		= traceon_fire,
	},
	{
		.name		= "traceoff",
		.type		= ETT_TRACE_ONOFF,
		.post		= true,
		.wanted		= traceoff_wanted,
		.fire		= traceoff_fire,
	},
	{
		.name		= "snapshot",
		.type		= ETT_SNAPSHOT,
		.post		= true,
		.arm		= snapshot_arm,
		.fire		= snapshot_fire,
	},
	{
		.name		= "stacktrace",
		.type		= ETT_STACKTRACE,
		.fire		= stacktrace_fire,
	},
	{
		.name		= "enable_event",
		.type		= ETT_EVENT_ENABLE,
		.has_target	= true,
		.bind		= target_bind,
		.unbind		= target_unbind,
		.wanted		= enable_event_wanted,
		.fire		= enable_event_fire,
	},
	{
		.name		= "disable_event",
		.type		= ETT_EVENT_ENABLE,
		.has_target	= true,
		.bind		= target_bind,
		.unbind		= target_unbind,
		.wanted		= disable_event_wanted,
		.fire		= disable_event_fire,
	},
#ifdef CONFIG_HIST_TRIGGERS
	{
		.name		= "enable_hist",
		.type		= ETT_HIST_ENABLE,
		.has_target	= true,
		.bind		= hist_target_bind,
		.unbind		= target_put,
		.fire		= enable_hist_fire,
	},
	{
		.name		= "disable_hist",
		.type		= ETT_HIST_ENABLE,
		.has_target	= true,
		.bind		= hist_target_bind,
		.unbind		= target_put,
		.fire		= disable_hist_fire,
	},
	{
		.name		= "hist",
		.type		= ETT_EVENT_HIST,
		.args		= true,
		.needs_rec	= true,
		.multi		= true,
		.bind		= hist_bind,
		.arm		= hist_arm,
		.unbind		= hist_trigger_free,
		.busy		= hist_trigger_busy,
		.fire		= hist_trigger_fire,
		.match		= hist_trigger_match,
		.control	= hist_trigger_control,
		.print		= hist_trigger_print,
	},
#endif
};

/**
 * trigger_cmd_find() - a trigger command by name
 * @name: the name, not necessarily NUL-terminated
 * @len: its length
 *
 * Context: any.
 * Return: the command's table entry, or NULL.
 */
const struct trigger_cmd *trigger_cmd_find(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(trigger_cmds); i++)
		if (strlen(trigger_cmds[i].name) == len &&
		    !memcmp(trigger_cmds[i].name, name, len))
			return &trigger_cmds[i];
	return NULL;
}

/**
 * trigger_cmds_help() - what a trigger file without triggers shows
 * @m: the seq_file
 *
 * Context: process context.
 */
void trigger_cmds_help(struct seq_file *m)
{
	size_t i;

	seq_puts(m, "# Available triggers:\n#");
	for (i = 0; i < ARRAY_SIZE(trigger_cmds); i++)
		seq_printf(m, " %s", trigger_cmds[i].name);
	seq_putc(m, '\n');
}

/**
 * trigger_same_kind() - whether a new trigger would duplicate one
 * @t: a trigger already on the event
 * @cmd: the new trigger's command
 * @target: its target, for commands with one
 *
 * An event has at most one trigger of each type (traceon and traceoff
 * are one type), and for commands with a target, one per target.
 *
 * Context: trace_mutex held.
 * Return: true if @t is of the same kind.
 */
bool trigger_same_kind(const struct event_trigger *t,
		       const struct trigger_cmd *cmd,
		       const struct trace_event_file *target)
{
	if (t->cmd->type != cmd->type)
		return false;
	return !cmd->has_target || t->target == target;
}
