// SPDX-License-Identifier: GPL-2.0
/*
 * trace_trigger.c - the trigger engine: attaching triggers to event
 * files, running them from the probes, and the events' trigger files.
 *
 * An event file with triggers is in trigger mode: its probe is kept
 * registered (soft mode, so the event records only if the user enabled
 * it) and EVENT_FILE_FL_TRIGGER_MODE makes the probe run the triggers.
 * The header's trace_trigger_soft_disabled() then takes one of two paths:
 *
 *  - no trigger needs the record: the triggers run before the record is
 *    even reserved (__trace_trigger_soft_disabled()), and a soft-disabled
 *    event stops there;
 *  - some trigger has a filter, or runs after the event is recorded
 *    (EVENT_FILE_FL_TRIGGER_COND): the probe builds the record in scratch
 *    memory (trace_event_buffer.c), the triggers run on it at the commit,
 *    the record is copied into the ring buffer only if the event is on
 *    (and passes its own filter), and then the "post" triggers run
 *    (traceoff, snapshot), so that the triggering event is in the trace
 *    they stop or the snapshot they take.
 *
 * A count ("traceoff:3") is an atomic counter that each firing takes one
 * from, if it is still positive: however many CPUs hit the event at once,
 * the command fires exactly that many times.  A firing that would change
 * nothing (traceoff with tracing already off) does not use up the count.
 *
 * A trigger is set in three steps, and only the last changes anything
 * that outlives a refused command: the command's bind (what it acts on),
 * then the checks (a duplicate, the event's trigger mode, which pins the
 * event and keeps its probe on), then its arm (a clock, a snapshot
 * buffer), which fails only with nothing changed.  So a refused command
 * leaves the instance as it was.
 *
 * Locking: see trace_trigger.h.  Writers hold trace_mutex; a removed
 * trigger is unbound only after a grace period, when no probe can still
 * be firing it, so a late firing can never touch a target that was put
 * back out of soft mode.
 */

#include <linux/ctype.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include "trace_array.h"
#include "trace_event_types.h"
#include "trace_dynevent.h"
#include "trace_filter.h"
#include "trace_scratch.h"
#include "trace_trigger.h"

/* Take one firing from @t's count; false when it is used up. */
static __always_inline bool trigger_take(struct event_trigger *t)
{
	if (atomic_long_read(&t->count) == TRIGGER_UNLIMITED)
		return true;
	return atomic_long_dec_if_positive(&t->count) >= 0;
}

static void trigger_fire(struct event_trigger *t, void *rec)
{
	const struct trigger_cmd *cmd = t->cmd;

	if (cmd->wanted && !cmd->wanted(t))
		return;
	if (trigger_take(t))
		cmd->fire(t, rec);
}

/**
 * trace_triggers_run() - run an event's triggers on its record
 * @file: the event file, in trigger mode
 * @rec: the record, or NULL when the triggers run before it is built
 *	(then only triggers without a filter can run)
 * @ctx_missing: @rec was built in scratch and lacks its context word
 *	(flags, preempt count): it is filled in, once, before the first
 *	filter that reads it
 *
 * Triggers whose filter rejects @rec are skipped.  "Post" triggers that
 * pass are not fired but returned, for event_triggers_post_call() once
 * the record is committed.
 *
 * Context: a probe, preemption disabled.
 * Return: the ETT_* types of the post triggers to fire.
 */
enum event_trigger_type trace_triggers_run(struct trace_event_file *file,
					   void *rec, bool ctx_missing)
{
	enum event_trigger_type tt = ETT_NONE;
	struct event_trigger *t;

	list_for_each_entry_rcu(t, &file->triggers, list) {
		struct filter_prog *prog = READ_ONCE(t->prog);

		if (!rec && (prog || t->cmd->needs_rec))
			continue;
		if (unlikely(ctx_missing &&
			     (t->needs_ctx || (prog && prog->needs_ctx)))) {
			trace_event_fill_ctx(rec);
			ctx_missing = false;
		}
		if (prog && !trace_filter_match(prog, rec))
			continue;
		if (rec && t->cmd->post) {
			tt |= t->cmd->type;
			continue;
		}
		trigger_fire(t, rec);
	}
	return tt;
}

/**
 * event_triggers_call() - run an event's triggers
 * @file: the event file, in trigger mode
 * @buffer: unused; the commands find their instance's buffer themselves
 * @rec: the event's complete record, or NULL when the triggers run before
 *	it is built
 * @event: unused
 *
 * See trace_triggers_run().
 *
 * Context: a probe, preemption disabled.
 * Return: the ETT_* types of the post triggers to fire.
 */
enum event_trigger_type
event_triggers_call(struct trace_event_file *file,
		    struct trace_buffer *buffer, void *rec,
		    struct ring_buffer_event *event)
{
	return trace_triggers_run(file, rec, false);
}
EXPORT_SYMBOL_GPL(event_triggers_call);

/**
 * event_triggers_post_call() - fire the post triggers that passed
 * @file: the event file
 * @tt: what event_triggers_call() returned
 *
 * Context: a probe, preemption disabled, after the record is committed.
 */
void event_triggers_post_call(struct trace_event_file *file,
			      enum event_trigger_type tt)
{
	struct event_trigger *t;

	if (!tt)
		return;
	list_for_each_entry_rcu(t, &file->triggers, list)
		if (t->cmd->post && (t->cmd->type & tt))
			trigger_fire(t, NULL);
}
EXPORT_SYMBOL_GPL(event_triggers_post_call);

/* Whether some trigger of @file needs the record: set TRIGGER_COND. */
static void trigger_cond_update(struct trace_event_file *file)
{
	struct event_trigger *t;
	bool cond = false;

	lockdep_assert_held(&trace_mutex);
	list_for_each_entry(t, &file->triggers, list)
		if (t->prog || t->cmd->post || t->cmd->needs_rec)
			cond = true;
	if (cond)
		set_bit(EVENT_FILE_FL_TRIGGER_COND_BIT, &file->flags);
	else
		clear_bit(EVENT_FILE_FL_TRIGGER_COND_BIT, &file->flags);
}

/*
 * The first trigger of @file: pin its event, and keep its probe on, in
 * soft mode.  The last one's trigger_mode_put() undoes both.
 */
static int trigger_mode_get(struct trace_event_file *file)
{
	struct trace_event_call *call = file->event_call;
	int ret = -ENODEV;

	lockdep_assert_held(&trace_mutex);
	if (atomic_inc_return(&file->tm_ref) > 1)
		return 0;
	if (!trace_event_try_get_ref(call))
		goto fail;
	/* The trace core's events (ftrace/print) have no probe to keep on. */
	ret = call->class->reg ? __trace_event_enable(file, true, true) : 0;
	if (ret) {
		trace_event_put_ref(call);
		goto fail;
	}
	set_bit(EVENT_FILE_FL_TRIGGER_MODE_BIT, &file->flags);
	return 0;
fail:
	atomic_dec(&file->tm_ref);
	return ret;
}

static void trigger_mode_put(struct trace_event_file *file)
{
	struct trace_event_call *call = file->event_call;

	lockdep_assert_held(&trace_mutex);
	if (!atomic_dec_and_test(&file->tm_ref))
		return;
	clear_bit(EVENT_FILE_FL_TRIGGER_MODE_BIT, &file->flags);
	if (call->class->reg)
		__trace_event_enable(file, false, true);
	trace_event_put_ref(call);
}

static void trigger_unbind(struct event_trigger *t)
{
	if (t->cmd->unbind && (t->target || t->data))
		t->cmd->unbind(t);
}

static void trigger_free(struct event_trigger *t)
{
	trigger_unbind(t);
	kfree(t->prog);
	kfree(t->filter_str);
	kfree(t);
}

/* Whether @t is what a removal (or a new trigger), @like, names. */
static bool trigger_is(const struct event_trigger *t,
		       const struct event_trigger *like)
{
	if (t->cmd != like->cmd)
		return false;
	if (t->cmd->match)
		return t->cmd->match(t, like);
	return !t->cmd->has_target || t->target == like->target;
}

/*
 * Free the triggers on @gone, unlinked from their files (whose
 * TRIGGER_COND is up to date), once no probe can be running them; each
 * drops what it holds, then its file's trigger mode.
 */
static void triggers_reap(struct list_head *gone)
{
	struct event_trigger *t, *next;

	if (list_empty(gone))
		return;
	/* Probes that saw the triggers finish before they are unbound. */
	synchronize_rcu();
	list_for_each_entry_safe(t, next, gone, gone) {
		struct trace_event_file *file = t->file;

		trigger_free(t);
		trigger_mode_put(file);
	}
}

/*
 * Unlink the triggers of @file that are @like (@like itself if @exact;
 * all if NULL), wait until no probe can be running them, then unbind
 * and free them.
 */
static void triggers_remove(struct trace_event_file *file,
			    const struct event_trigger *like, bool exact)
{
	struct event_trigger *t, *next;
	LIST_HEAD(gone);

	lockdep_assert_held(&trace_mutex);
	list_for_each_entry_safe(t, next, &file->triggers, list) {
		if (like && (exact ? t != like : !trigger_is(t, like)))
			continue;
		list_del_rcu(&t->list);
		list_add_tail(&t->gone, &gone);
	}
	if (list_empty(&gone))
		return;
	trigger_cond_update(file);
	triggers_reap(&gone);
}

/**
 * trace_triggers_clear() - remove every trigger of an event file
 * @file: the event file, going away with its event or instance
 *
 * Context: process context, trace_mutex held; sleeps.
 */
void trace_triggers_clear(struct trace_event_file *file)
{
	triggers_remove(file, NULL, false);
}

/**
 * trace_triggers_untarget() - remove the triggers that target an event file
 * @target: the event file, whose event is being removed whatever its
 *	state (the synthetic events of a module that goes)
 *
 * Triggers with a target pin it, so an event is otherwise never removed
 * under them; this one is, and its triggers elsewhere in the instance go
 * with it, dropping what they hold while the event is still there.
 *
 * Context: process context, trace_mutex held; sleeps.
 */
void trace_triggers_untarget(struct trace_event_file *target)
{
	struct event_trigger *t, *next;
	struct trace_event_file *file;
	LIST_HEAD(gone);

	lockdep_assert_held(&trace_mutex);
	list_for_each_entry(file, &target->tr->events, list) {
		bool unlinked = false;

		list_for_each_entry_safe(t, next, &file->triggers, list) {
			if (t->target != target)
				continue;
			list_del_rcu(&t->list);
			list_add_tail(&t->gone, &gone);
			unlinked = true;
		}
		if (unlinked)
			trigger_cond_update(file);
	}
	triggers_reap(&gone);
}

/* The target a command names, for adding or removing. */
static struct trace_event_file *spec_target(struct trace_event_file *file,
					    const struct trigger_spec *spec)
{
	if (!spec->cmd->has_target)
		return NULL;
	return __trace_find_event_file(file->tr, spec->system, spec->event);
}

/*
 * Link a bound trigger on @file: its file's trigger mode, then its arm,
 * the last step that can fail (see the top of the file).
 */
static int trigger_link(struct trace_event_file *file, struct event_trigger *t,
			const struct trigger_spec *spec,
			struct trigger_error *err)
{
	int ret = trigger_mode_get(file);

	if (ret)
		return ret;
	if (t->cmd->arm) {
		ret = t->cmd->arm(t, spec, err);
		if (ret) {
			trigger_mode_put(file);
			return ret;
		}
	}
	list_add_tail_rcu(&t->list, &file->triggers);
	trigger_cond_update(file);
	return 0;
}

/*
 * A command an event may have several of (hist): bound first, then
 * compared with the ones there.  A request to pause, continue or clear
 * goes to the same existing trigger, if there is one; the new one is then
 * not added, and the caller frees it.  Return: 0 if added, 1 if handed
 * to an existing trigger, or an errno.
 */
static int trigger_add_multi(struct trace_event_file *file,
			     const struct trigger_spec *spec,
			     struct event_trigger *t,
			     struct trigger_error *err)
{
	struct event_trigger *other, *old = NULL;
	int ret;

	trace_scratch_alloc();
	ret = spec->cmd->bind(t, spec, err);
	if (ret)
		return ret;
	list_for_each_entry(other, &file->triggers, list) {
		if (trigger_is(other, t)) {
			old = other;
			break;
		}
	}
	ret = spec->cmd->control(old, t);
	if (ret < 0) {
		err->code = ret == -EEXIST ? TERR_EXISTS : TERR_NO_MATCH;
		err->pos = 0;
	}
	if (!ret)
		ret = trigger_link(file, t, spec, err);
	if (ret)
		trigger_unbind(t);
	return ret;
}

static int trigger_add(struct trace_event_file *file,
		       const struct trigger_spec *spec,
		       struct event_trigger *t, struct trigger_error *err)
{
	struct trace_event_file *target = spec_target(file, spec);
	struct event_trigger *other;
	int ret;

	lockdep_assert_held(&trace_mutex);
	if (spec->cmd->multi)
		return trigger_add_multi(file, spec, t, err);
	list_for_each_entry(other, &file->triggers, list) {
		if (trigger_same_kind(other, spec->cmd, target)) {
			err->code = TERR_EXISTS;
			err->pos = 0;
			return -EEXIST;
		}
	}
	if (target == file) {
		err->code = TERR_SELF;
		err->pos = spec->target_col;
		return -EINVAL;
	}
	trace_scratch_alloc();
	if (spec->cmd->bind) {
		ret = spec->cmd->bind(t, spec, err);
		if (ret)
			return ret;
	}
	ret = trigger_link(file, t, spec, err);
	if (ret)
		trigger_unbind(t);
	return ret;
}

/*
 * Remove the trigger that @spec names.  @t is a scratch trigger: for
 * commands an event has several of, the spec is bound to it to find the
 * one that is the same, then unbound.
 */
static int trigger_remove(struct trace_event_file *file,
			  const struct trigger_spec *spec,
			  struct event_trigger *t, struct trigger_error *err)
{
	int ret;

	if (spec->cmd->has_target) {
		t->target = spec_target(file, spec);
		if (!t->target) {
			err->code = TERR_NO_EVENT;
			err->pos = spec->target_col;
			return -EINVAL;
		}
	} else if (spec->cmd->multi) {
		struct event_trigger *other;

		ret = spec->cmd->bind(t, spec, err);
		if (ret)
			return ret;
		list_for_each_entry(other, &file->triggers, list) {
			if (spec->cmd->busy && trigger_is(other, t) &&
			    spec->cmd->busy(other)) {
				trigger_unbind(t);
				return -EBUSY;
			}
		}
	}
	triggers_remove(file, t, false);
	if (spec->cmd->multi)
		trigger_unbind(t);
	return 0;
}

/* Compile the filter of a new trigger; log where it fails. */
static int trigger_filter(struct trace_event_file *file,
			  const struct trigger_spec *spec,
			  struct event_trigger *t, const char *line)
{
	struct filter_error ferr;
	int ret;

	if (!spec->filter)
		return 0;
	t->filter_str = kstrdup(spec->filter, GFP_KERNEL);
	if (!t->filter_str)
		return -ENOMEM;
	ret = trace_filter_compile(file->event_call, spec->filter, &t->prog,
				   &ferr);
	if (ret == -EINVAL)
		trace_filter_log_err(file->tr, "trigger filter parse error",
				     line, spec->filter_col, &ferr);
	return ret;
}

static void trigger_log_err(struct trace_event_file *file, const char *line,
			    const struct trigger_error *err)
{
	tracing_log_err(file->tr, "event trigger", line, trigger_errs,
			err->code, err->pos);
}

/* The errno of a refusal by the parser. */
static int parse_errno(const struct trigger_error *err)
{
	switch (err->code) {
	case TERR_TOO_LONG:
		return -E2BIG;
	default:
		return -EINVAL;
	}
}

/**
 * trace_trigger_write() - carry out one line written to a trigger file
 * @file: the event file
 * @buf: the line, NUL-terminated; modified
 *
 * Context: process context; takes trace_mutex.
 * Return: 0, or a negative errno with the reason in error_log.
 */
int trace_trigger_write(struct trace_event_file *file, char *buf)
{
	struct trigger_error err;
	struct trigger_spec spec;
	struct event_trigger *t;
	size_t len;
	char *line;
	int ret;

	/* The line as error_log shows it: leading blanks kept for the caret. */
	line = kstrdup(buf, GFP_KERNEL);
	if (!line)
		return -ENOMEM;
	len = strlen(line);
	while (len && isspace(line[len - 1]))
		line[--len] = '\0';
	ret = trigger_parse(buf, &spec, &err);
	spec.line = line;
	if (ret) {
		if (err.code == TERR_EMPTY) {
			ret = 0;
		} else {
			trigger_log_err(file, line, &err);
			ret = parse_errno(&err);
		}
		goto out;
	}

	/*
	 * hist actions look synthetic events up: the dynamic events' lock
	 * is taken first, as everywhere the two are held.
	 */
	if (IS_ENABLED(CONFIG_DYNAMIC_EVENTS))
		mutex_lock(&dyn_event_mutex);
	mutex_lock(&trace_mutex);
	if (test_bit(EVENT_FILE_FL_FREED_BIT, &file->flags)) {
		ret = -ENODEV;
		goto unlock;
	}
	ret = -ENOMEM;
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		goto unlock;
	t->cmd = spec.cmd;
	t->file = file;
	atomic_long_set(&t->count, spec.count);
	if (spec.remove) {
		ret = trigger_remove(file, &spec, t, &err);
		if (ret && err.code != TERR_NONE)
			trigger_log_err(file, line, &err);
		kfree(t);
		goto unlock;
	}
	ret = trigger_filter(file, &spec, t, line);
	if (!ret) {
		ret = trigger_add(file, &spec, t, &err);
		if (ret < 0 && err.code != TERR_NONE)
			trigger_log_err(file, line, &err);
	}
	if (ret) {
		kfree(t->prog);
		kfree(t->filter_str);
		kfree(t);
		ret = min(ret, 0);
	}
unlock:
	mutex_unlock(&trace_mutex);
	if (IS_ENABLED(CONFIG_DYNAMIC_EVENTS))
		mutex_unlock(&dyn_event_mutex);
out:
	kfree(line);
	return ret;
}

static void trigger_show_one(struct seq_file *m, struct event_trigger *t)
{
	long count = atomic_long_read(&t->count);

	if (t->cmd->print) {
		t->cmd->print(m, t);
		return;
	}
	seq_puts(m, t->cmd->name);
	if (t->target)
		seq_printf(m, ":%s:%s", trace_event_system(t->target),
			   trace_event_name(t->target->event_call));
	if (count == TRIGGER_UNLIMITED)
		seq_puts(m, ":unlimited");
	else
		seq_printf(m, ":count=%ld", count);
	if (t->filter_str)
		seq_printf(m, " if %s", t->filter_str);
	seq_putc(m, '\n');
}

/**
 * trace_trigger_show() - the text of an event's trigger file
 * @m: the seq_file
 * @file: the event file
 *
 * One line per trigger, or the list of commands if there is none.
 *
 * Context: process context, trace_mutex held.
 */
void trace_trigger_show(struct seq_file *m, struct trace_event_file *file)
{
	struct event_trigger *t;

	lockdep_assert_held(&trace_mutex);
	if (list_empty(&file->triggers)) {
		trigger_cmds_help(m);
		return;
	}
	list_for_each_entry(t, &file->triggers, list)
		trigger_show_one(m, t);
}

/**
 * trace_trigger_attach() - link a trigger that the kernel made itself
 * @file: the event file whose records fire it
 * @t:    the trigger: its cmd, data and count set, and prog if filtered;
 *	  from kmalloc(), freed by trace_trigger_detach() or when @file's
 *	  triggers are cleared (cmd->unbind tells its owner)
 *
 * For event probes, which fire on another event's records, and the
 * hidden hist triggers of field variables.  The trigger is armed as one
 * written to the trigger file is, and pins @file's event as that does.
 *
 * Context: process context, trace_mutex held.
 * Return: 0, or the error of switching @file to trigger mode or of
 * arming the trigger.
 */
int trace_trigger_attach(struct trace_event_file *file, struct event_trigger *t)
{
	struct trigger_error err;

	lockdep_assert_held(&trace_mutex);
	t->file = file;
	return trigger_link(file, t, NULL, &err);
}

/**
 * trace_trigger_detach() - unlink and free a trigger from trace_trigger_attach()
 * @file: its event file
 * @t:    the trigger
 *
 * Context: process context, trace_mutex held; sleeps.
 */
void trace_trigger_detach(struct trace_event_file *file, struct event_trigger *t)
{
	triggers_remove(file, t, true);
}
