// SPDX-License-Identifier: GPL-2.0
/*
 * trace_event_filter.c - the filters of event files: what the filter files
 * of events/<system>/<event>/ and events/<system>/ set and show.  The
 * recording path (trace_event_buffer.c) runs them.
 *
 * An event file's filter pointer holds a struct event_filter: the program
 * in force and the text its filter file shows.  A write that compiles
 * replaces both.  A write that does not leaves the program in force, and
 * the file shows the refused expression with a caret under the error and
 * "parse_error: <message>", as error_log does.  "0" removes the filter.
 *
 * A system's filter is compiled for each of its events in the instance,
 * against that event's fields.  Events where it does not compile keep
 * their filter; if it compiles for none, the write fails.
 *
 * Locking: filters are replaced under trace_mutex and published with
 * rcu_assign_pointer(); EVENT_FILE_FL_FILTERED says a program is in
 * force.  The probes read the pointer with preemption disabled, so the
 * old filter is freed after an RCU grace period.
 */

#include <linux/rcupdate.h>
#include <linux/slab.h>

#include "trace_array.h"
#include "trace_event_types.h"
#include "trace_filter.h"
#include "trace_scratch.h"

#define FILTER_ERR_LOC	"event filter parse error"

static struct event_filter *file_filter(struct trace_event_file *file)
{
	return rcu_dereference_protected(file->filter,
					 lockdep_is_held(&trace_mutex));
}

static void event_filter_free_rcu(struct rcu_head *rcu)
{
	struct event_filter *f = container_of(rcu, struct event_filter, rcu);

	if (!f->prog_moved)
		kfree(f->prog);
	kfree(f->text);
	kfree(f);
}

/**
 * event_filter_put() - free a filter once no probe can be running it
 * @f: the filter, unpublished
 *
 * Context: any context but NMI.
 */
void event_filter_put(struct event_filter *f)
{
	call_rcu(&f->rcu, event_filter_free_rcu);
}

/* Publish @f (NULL: no filter) and free what it replaces. */
static void filter_install(struct trace_event_file *file,
			   struct event_filter *f)
{
	struct event_filter *old;

	lockdep_assert_held(&trace_mutex);
	if (f && f->prog)
		trace_scratch_alloc();
	else
		clear_bit(EVENT_FILE_FL_FILTERED_BIT, &file->flags);
	old = rcu_replace_pointer(file->filter, f,
				  lockdep_is_held(&trace_mutex));
	if (f && f->prog)
		set_bit(EVENT_FILE_FL_FILTERED_BIT, &file->flags);
	if (old)
		event_filter_put(old);
}

/**
 * event_filter_new() - wrap a compiled program as a filter
 * @prog: the program, or NULL (no program in force)
 * @text: what the filter shows, allocated; taken in all cases
 *
 * Context: process context.
 * Return: the filter, or NULL (out of memory; @text is freed, @prog is
 * not).
 */
struct event_filter *event_filter_new(struct filter_prog *prog, char *text)
{
	struct event_filter *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f || !text) {
		kfree(f);
		kfree(text);
		return NULL;
	}
	f->prog = prog;
	f->text = text;
	f->rejects = FILTER_REJECTS_SCRATCH;
	return f;
}

/*
 * A refused expression: the file shows it with the error, the program in
 * force stays (handed over from the filter being replaced).
 */
static int filter_refused(struct trace_event_file *file, const char *str,
			  const struct filter_error *err)
{
	struct event_filter *old = file_filter(file), *f;

	f = event_filter_new(old ? old->prog : NULL,
			     trace_filter_err_show(str, err));
	if (!f)
		return -ENOMEM;
	if (old)
		old->prog_moved = true;
	filter_install(file, f);
	return 0;
}

static char *filter_text(const char *str)
{
	return kasprintf(GFP_KERNEL, "%s\n", str);
}

/**
 * trace_event_filter_set() - what writing an event's filter file does
 * @file: the event file
 * @str: the expression, stripped of surrounding spaces; "0" removes
 *
 * Context: process context; takes trace_mutex.
 * Return: 0, -EINVAL for an expression that does not compile (shown by
 * the file and logged in error_log), -ENODEV if the event is gone, or
 * -ENOMEM.
 */
int trace_event_filter_set(struct trace_event_file *file, const char *str)
{
	struct filter_prog *prog = NULL;
	struct filter_error err;
	struct event_filter *f;
	int ret = -ENODEV;

	mutex_lock(&trace_mutex);
	if (test_bit(EVENT_FILE_FL_FREED_BIT, &file->flags))
		goto out;
	if (!strcmp(str, "0")) {
		filter_install(file, NULL);
		ret = 0;
		goto out;
	}
	ret = trace_filter_compile(file->event_call, str, &prog, &err);
	if (ret == -EINVAL) {
		trace_filter_log_err(file->tr, FILTER_ERR_LOC, str, 0, &err);
		ret = filter_refused(file, str, &err) ? : -EINVAL;
		goto out;
	}
	if (ret)
		goto out;
	f = event_filter_new(prog, filter_text(str));
	if (!f) {
		kfree(prog);
		ret = -ENOMEM;
		goto out;
	}
	filter_install(file, f);
out:
	mutex_unlock(&trace_mutex);
	return ret;
}

/**
 * trace_event_filter_show() - what reading an event's filter file shows
 * @file: the event file
 *
 * Context: process context; takes trace_mutex.
 * Return: a kmalloc()ed string ("none\n" without a filter), or an
 * ERR_PTR(): -ENODEV if the event is gone, -ENOMEM.
 */
char *trace_event_filter_show(struct trace_event_file *file)
{
	struct event_filter *f;
	char *text = ERR_PTR(-ENODEV);

	mutex_lock(&trace_mutex);
	if (!test_bit(EVENT_FILE_FL_FREED_BIT, &file->flags)) {
		f = file_filter(file);
		text = kstrdup(f ? f->text : "none\n", GFP_KERNEL);
		if (!text)
			text = ERR_PTR(-ENOMEM);
	}
	mutex_unlock(&trace_mutex);
	return text;
}

/* What the system's filter file shows; @text is consumed. */
static void system_text_set(struct trace_subsystem_dir *dir, char *text)
{
	kfree(dir->filter_text);
	dir->filter_text = text;
}

/* Compile @str for each event of @dir and install it where it compiles. */
static int system_filter_apply(struct trace_subsystem_dir *dir,
			       const char *str)
{
	struct trace_event_file *file;
	struct event_filter **fs;
	struct filter_error err, first_err = {};
	struct filter_prog *prog;
	int i = 0, nr_ok = 0, nr_err = 0, ret = 0;
	char *text = filter_text(str);

	fs = kcalloc(dir->nr_events, sizeof(*fs), GFP_KERNEL);
	if (!fs || !text) {
		kfree(fs);
		kfree(text);
		return -ENOMEM;
	}
	list_for_each_entry(file, &dir->tr->events, list) {
		if (file->system != dir)
			continue;
		if (WARN_ON_ONCE(i >= dir->nr_events))
			break;
		ret = trace_filter_compile(file->event_call, str, &prog, &err);
		if (ret == -EINVAL) {
			if (!nr_err++)
				first_err = err;
			i++;
			ret = 0;
			continue;
		}
		if (ret)
			goto unwind;
		fs[i] = event_filter_new(prog, filter_text(str));
		if (!fs[i]) {
			kfree(prog);
			ret = -ENOMEM;
			goto unwind;
		}
		nr_ok++;
		i++;
	}
	if (!nr_ok) {
		trace_filter_log_err(dir->tr, FILTER_ERR_LOC, str, 0, &first_err);
		system_text_set(dir, trace_filter_err_show(str, &first_err));
		ret = -EINVAL;
		goto unwind;
	}
	/* Nothing can fail from here on. */
	i = 0;
	list_for_each_entry(file, &dir->tr->events, list) {
		if (file->system != dir || i >= dir->nr_events)
			continue;
		if (fs[i])
			filter_install(file, fs[i]);
		i++;
	}
	system_text_set(dir, text);
	kfree(fs);
	return 0;
unwind:
	while (i--)
		if (fs[i])
			event_filter_free_rcu(&fs[i]->rcu);
	kfree(fs);
	kfree(text);
	return ret;
}

/**
 * trace_system_filter_set() - what writing a system's filter file does
 * @dir: the system's directory in an instance
 * @str: the expression, stripped of surrounding spaces; "0" removes the
 *	filters of all the system's events
 *
 * Context: process context; takes trace_mutex.
 * Return: 0 if the expression compiled for at least one event, -EINVAL
 * if for none, -ENODEV if the system is gone, or -ENOMEM.
 */
int trace_system_filter_set(struct trace_subsystem_dir *dir, const char *str)
{
	struct trace_event_file *file;
	int ret = -ENODEV;

	mutex_lock(&trace_mutex);
	if (dir->freed)
		goto out;
	if (strcmp(str, "0")) {
		ret = system_filter_apply(dir, str);
		goto out;
	}
	list_for_each_entry(file, &dir->tr->events, list)
		if (file->system == dir)
			filter_install(file, NULL);
	system_text_set(dir, NULL);
	ret = 0;
out:
	mutex_unlock(&trace_mutex);
	return ret;
}

/**
 * trace_system_filter_show() - what reading a system's filter file shows
 * @dir: the system's directory in an instance
 *
 * Context: process context; takes trace_mutex.
 * Return: as trace_event_filter_show().
 */
char *trace_system_filter_show(struct trace_subsystem_dir *dir)
{
	char *text = ERR_PTR(-ENODEV);

	mutex_lock(&trace_mutex);
	if (!dir->freed) {
		text = kstrdup(dir->filter_text ? : "none\n", GFP_KERNEL);
		if (!text)
			text = ERR_PTR(-ENOMEM);
	}
	mutex_unlock(&trace_mutex);
	return text;
}

/**
 * trace_event_filter_free() - free an event file's filter with the file
 * @file: the event file, unreachable from any probe and file
 *
 * Context: any context that may call call_rcu().
 */
void trace_event_filter_free(struct trace_event_file *file)
{
	struct event_filter *f = rcu_dereference_protected(file->filter, 1);

	if (f)
		call_rcu(&f->rcu, event_filter_free_rcu);
}
