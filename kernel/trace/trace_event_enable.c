// SPDX-License-Identifier: GPL-2.0
/*
 * trace_event_enable.c - switching events on and off.
 *
 * An event file is enabled by registering the event's probe on its
 * tracepoint with the file as the probe's data.  Two switches share that
 * registration:
 *
 *  - the user's (enable files, set_event, trace_event=, the in-kernel
 *    calls below): EVENT_FILE_FL_ENABLED;
 *  - soft mode, for triggers that turn an event on and off from the
 *    tracing path (sm_ref counts them): the probe stays registered and
 *    EVENT_FILE_FL_SOFT_DISABLED says whether it records.  In soft mode
 *    the user's switch sets and clears SOFT_DISABLED.
 *
 * Registering a probe pins nothing: a module's enabled events go with
 * the module, as mainline's do.  The users that must keep an event pin
 * it themselves with trace_event_try_get_ref() and drop it when they go:
 * trace_get_event_file(), triggers (on the event, or naming it), perf.
 *
 * Locking: trace_mutex for every change; the flag bits are set and
 * cleared atomically because the probes read them without it.
 */

#include <linux/module.h>
#include <linux/slab.h>
#include <linux/tracepoint.h>

#include "trace_array.h"
#include "trace_event_types.h"
#include "trace_perf.h"

/**
 * trace_event_reg() - the class reg() of a TRACE_EVENT() event
 * @call: the event
 * @type: what to do
 * @data: the instance's trace_event_file (REGISTER, UNREGISTER), the perf
 *	event (PERF_OPEN, CLOSE, ADD, DEL), or NULL
 *
 * REGISTER puts the ftrace probe on the tracepoint for one instance's
 * file; PERF_REGISTER puts the perf probe on it once for all perf events
 * (trace_perf.c), with the event as data.  The other perf steps need
 * nothing of a tracepoint event.
 *
 * Context: process context, trace_mutex held.
 * Return: 0, or tracepoint_probe_register()'s error; for PERF_ADD and
 * PERF_DEL, 0 (perf's own list handling is wanted).
 */
int trace_event_reg(struct trace_event_call *call, enum trace_reg type,
		    void *data)
{
	if (trace_reg_perf_noop(type))
		return 0;
	switch (type) {
	case TRACE_REG_REGISTER:
		return tracepoint_probe_register(call->tp, call->class->probe,
						 data);
	case TRACE_REG_UNREGISTER:
		tracepoint_probe_unregister(call->tp, call->class->probe, data);
		return 0;
#ifdef CONFIG_PERF_EVENTS
	case TRACE_REG_PERF_REGISTER:
		if (!call->class->perf_probe)
			return -EOPNOTSUPP;
		return tracepoint_probe_register(call->tp,
						 call->class->perf_probe, call);
	case TRACE_REG_PERF_UNREGISTER:
		tracepoint_probe_unregister(call->tp, call->class->perf_probe,
					    call);
		return 0;
#endif
	default:
		return -EOPNOTSUPP;
	}
}
EXPORT_SYMBOL_GPL(trace_event_reg);

static bool event_is_static(struct trace_event_call *call)
{
	return !(call->flags & TRACE_EVENT_FL_DYNAMIC);
}

static int event_register(struct trace_event_file *file)
{
	struct trace_event_call *call = file->event_call;
	int ret;

	/* Its module is unloading: its events are about to go. */
	if (event_is_static(call) && call->module &&
	    !module_is_live(call->module))
		return -ENODEV;
	ret = call->class->reg(call, TRACE_REG_REGISTER, file);
	if (ret)
		return ret;
	set_bit(EVENT_FILE_FL_ENABLED_BIT, &file->flags);
	set_bit(EVENT_FILE_FL_WAS_ENABLED_BIT, &file->flags);
	trace_event_cmdline_record(true);
	return 0;
}

static void event_unregister(struct trace_event_file *file)
{
	struct trace_event_call *call = file->event_call;

	call->class->reg(call, TRACE_REG_UNREGISTER, file);
	clear_bit(EVENT_FILE_FL_ENABLED_BIT, &file->flags);
	trace_event_cmdline_record(false);
}

static int soft_enable(struct trace_event_file *file)
{
	int ret;

	if (atomic_inc_return(&file->sm_ref) > 1)
		return 0;
	set_bit(EVENT_FILE_FL_SOFT_MODE_BIT, &file->flags);
	if (file->flags & EVENT_FILE_FL_ENABLED)
		return 0;
	set_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags);
	ret = event_register(file);
	if (ret) {
		atomic_dec(&file->sm_ref);
		clear_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags);
		clear_bit(EVENT_FILE_FL_SOFT_MODE_BIT, &file->flags);
	}
	return ret;
}

static void soft_disable(struct trace_event_file *file)
{
	if (!atomic_read(&file->sm_ref) || atomic_dec_return(&file->sm_ref))
		return;
	clear_bit(EVENT_FILE_FL_SOFT_MODE_BIT, &file->flags);
	/* Soft-disabled at the end: only the triggers wanted the probe. */
	if (test_and_clear_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags))
		event_unregister(file);
}

/**
 * __trace_event_enable() - switch an event file on or off
 * @file: the file
 * @enable: on or off
 * @soft: the soft-mode switch of a trigger rather than the user's
 *
 * Context: process context, trace_mutex held.
 * Return: 0, -ENODEV for a file whose event is gone or whose module is
 * going, or the registration's error.
 */
int __trace_event_enable(struct trace_event_file *file, bool enable,
			 bool soft)
{
	lockdep_assert_held(&trace_mutex);
	if (test_bit(EVENT_FILE_FL_FREED_BIT, &file->flags))
		return -ENODEV;
	if (soft) {
		if (enable)
			return soft_enable(file);
		soft_disable(file);
		return 0;
	}
	if (file->flags & EVENT_FILE_FL_SOFT_MODE) {
		if (enable)
			clear_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags);
		else
			set_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags);
		return 0;
	}
	if (enable == !!(file->flags & EVENT_FILE_FL_ENABLED))
		return 0;
	if (enable)
		return event_register(file);
	event_unregister(file);
	return 0;
}

/* A name of "*" or "" means any. */
static const char *any_or(const char *s)
{
	return s && *s && strcmp(s, "*") ? s : NULL;
}

/**
 * __trace_set_clr_event() - switch the events that match
 * @tr: the instance
 * @match: a system or event name, or NULL
 * @sub: a system name, or NULL
 * @event: an event name, or NULL
 * @set: on or off
 *
 * A NULL or "*" argument matches anything.  Events that cannot be enabled
 * by name (the trace core's own) are left out.
 *
 * Context: process context, trace_mutex held.
 * Return: 0, -EINVAL when nothing matched, or the first error.
 */
int __trace_set_clr_event(struct trace_array *tr, const char *match,
			  const char *sub, const char *event, bool set)
{
	struct trace_event_file *file;
	bool matched = false;
	int ret = 0;

	lockdep_assert_held(&trace_mutex);
	match = any_or(match);
	sub = any_or(sub);
	event = any_or(event);
	list_for_each_entry(file, &tr->events, list) {
		struct trace_event_call *call = file->event_call;
		const char *name = trace_event_name(call);
		const char *system = call->class->system;
		int err;

		if (!name || !call->class->reg ||
		    call->flags & TRACE_EVENT_FL_IGNORE_ENABLE)
			continue;
		if (match && strcmp(match, name) && strcmp(match, system))
			continue;
		if (sub && strcmp(sub, system))
			continue;
		if (event && strcmp(event, name))
			continue;
		matched = true;
		err = __trace_event_enable(file, set, false);
		if (err && !ret)
			ret = err;
	}
	return matched ? ret : -EINVAL;
}

/**
 * trace_set_clr_event_str() - switch events named in set_event syntax
 * @tr: the instance
 * @buf: "system:event", "system:", "system:*", ":event", "*:event",
 *	"name" (a system or an event) or "*"; modified
 * @set: on or off
 *
 * Context: process context, trace_mutex held.
 * Return: as __trace_set_clr_event().
 */
int trace_set_clr_event_str(struct trace_array *tr, char *buf, bool set)
{
	char *colon = strchr(buf, ':');

	if (!colon)
		return __trace_set_clr_event(tr, buf, NULL, NULL, set);
	*colon = '\0';
	return __trace_set_clr_event(tr, NULL, buf, colon + 1, set);
}

/**
 * ftrace_set_clr_event() - switch events named in set_event syntax
 * @tr: the instance
 * @buf: as for set_event; modified
 * @set: 1 for on, 0 for off
 *
 * Context: process context; takes trace_mutex.
 * Return: 0 or -EINVAL when nothing matched.
 */
int ftrace_set_clr_event(struct trace_array *tr, char *buf, int set)
{
	int ret;

	mutex_lock(&trace_mutex);
	ret = trace_set_clr_event_str(tr, buf, set);
	mutex_unlock(&trace_mutex);
	return ret;
}

/**
 * trace_array_set_clr_event() - switch events of an instance
 * @tr: the instance
 * @system: the system, or NULL for any
 * @event: the event, or NULL for any
 * @enable: on or off
 *
 * Context: process context; takes trace_mutex.
 * Return: 0, -ENOENT without an instance, -EINVAL when nothing matched.
 */
int trace_array_set_clr_event(struct trace_array *tr, const char *system,
			      const char *event, bool enable)
{
	int ret;

	if (!tr)
		return -ENOENT;
	mutex_lock(&trace_mutex);
	ret = __trace_set_clr_event(tr, NULL, system, event, enable);
	mutex_unlock(&trace_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(trace_array_set_clr_event);

/**
 * trace_set_clr_event() - switch events of the top-level instance
 * @system: the system, or NULL for any
 * @event: the event, or NULL for any
 * @set: 1 for on, 0 for off
 *
 * Context: process context; takes trace_mutex.
 * Return: 0 or -EINVAL when nothing matched.
 */
int trace_set_clr_event(const char *system, const char *event, int set)
{
	return trace_array_set_clr_event(&global_trace, system, event, set);
}
EXPORT_SYMBOL_GPL(trace_set_clr_event);

/**
 * trace_get_event_file() - find an event file and pin it
 * @instance: the instance name, or NULL for the top level
 * @system: the system name
 * @event: the event name
 *
 * The instance, the event's module and the file are pinned until
 * trace_put_event_file().
 *
 * Context: process context; takes trace_mutex.
 * Return: the file, or ERR_PTR(-ENOENT) or ERR_PTR(-EINVAL).
 */
struct trace_event_file *trace_get_event_file(const char *instance,
					      const char *system,
					      const char *event)
{
	struct trace_event_file *file = ERR_PTR(-ENOENT);
	struct trace_array *tr;

	mutex_lock(&trace_mutex);
	tr = instance ? __trace_array_find(instance) : &global_trace;
	if (!tr)
		goto out;
	file = __trace_find_event_file(tr, system, event);
	if (!file) {
		file = ERR_PTR(-EINVAL);
	} else if (!trace_event_try_get_ref(file->event_call)) {
		file = ERR_PTR(-ENOENT);
	} else {
		refcount_inc(&file->ref);
		tr->ref++;
	}
out:
	mutex_unlock(&trace_mutex);
	return file;
}
EXPORT_SYMBOL_GPL(trace_get_event_file);

/**
 * trace_put_event_file() - release a file from trace_get_event_file()
 * @file: the file
 *
 * Context: process context; takes trace_mutex.
 */
void trace_put_event_file(struct trace_event_file *file)
{
	struct trace_array *tr = file->tr;

	mutex_lock(&trace_mutex);
	/* The event of a freed file went with its module. */
	if (!(file->flags & EVENT_FILE_FL_FREED))
		trace_event_put_ref(file->event_call);
	tr->ref--;
	mutex_unlock(&trace_mutex);
	trace_event_file_put(file);
}
EXPORT_SYMBOL_GPL(trace_put_event_file);

#ifdef CONFIG_DYNAMIC_EVENTS
/**
 * trace_event_dyn_try_get_ref() - pin a dynamic event
 * @call: the event, still registered (the caller holds trace_mutex or a
 *	reference already)
 *
 * Context: any.
 * Return: true (a registered dynamic event can always be pinned).
 */
bool trace_event_dyn_try_get_ref(struct trace_event_call *call)
{
	if (WARN_ON_ONCE(!(call->flags & TRACE_EVENT_FL_DYNAMIC)))
		return false;
	atomic_inc(&call->refcnt);
	return true;
}

/**
 * trace_event_dyn_put_ref() - unpin a dynamic event
 * @call: the event
 *
 * Context: any.
 */
void trace_event_dyn_put_ref(struct trace_event_call *call)
{
	if (WARN_ON_ONCE(atomic_dec_return(&call->refcnt) < 0))
		atomic_set(&call->refcnt, 0);
}

/**
 * trace_event_dyn_busy() - whether a dynamic event is pinned
 * @call: the event
 *
 * Context: any; the answer may change unless the caller prevents new
 * pins.
 * Return: true while pinned.
 */
bool trace_event_dyn_busy(struct trace_event_call *call)
{
	return atomic_read(&call->refcnt) != 0;
}
#endif /* CONFIG_DYNAMIC_EVENTS */

/**
 * event_file_link() - start recording an event into an instance's file
 * @files: the event's RCU list of struct event_file_link
 * @file: an instance's file of it
 *
 * For the reg() of events that are not a tracepoint's: their hits walk
 * @files under RCU (sched) and record into each file.
 *
 * Context: trace_mutex held (the event's reg()).
 * Return: 0 or -ENOMEM.
 */
int event_file_link(struct list_head *files, struct trace_event_file *file)
{
	struct event_file_link *link;

	link = kmalloc(sizeof(*link), GFP_KERNEL);
	if (!link)
		return -ENOMEM;
	link->file = file;
	list_add_tail_rcu(&link->list, files);
	return 0;
}

/**
 * event_file_unlink() - stop recording an event into a file
 * @files: the event's list
 * @file: the file
 *
 * Waits for the hits that may still see @file, so that the caller may
 * free it once this returns.
 *
 * Context: trace_mutex held (the event's reg()); sleeps.
 */
void event_file_unlink(struct list_head *files, struct trace_event_file *file)
{
	struct event_file_link *link;

	list_for_each_entry(link, files, list) {
		if (link->file != file)
			continue;
		list_del_rcu(&link->list);
		/* Hits still reading it, and the file, are done after this. */
		synchronize_rcu();
		kfree(link);
		return;
	}
}

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/trace_event_enable-kunit.h"
#endif
