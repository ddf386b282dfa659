// SPDX-License-Identifier: GPL-2.0
/*
 * trace_event_registry.c - the list of events, and each instance's files
 * for them.
 *
 * Events come from the _ftrace_events section of the kernel image (at
 * boot) and of each module (as it loads; they go as it unloads), from the
 * trace core (the ftrace system), and from dynamic event types through
 * trace_add_event_call().  For each event every instance gets a struct
 * trace_event_file in a per-system struct trace_subsystem_dir, and, once
 * tracefs is up, an eventfs directory (trace_event_dir.c).
 *
 * TRACE_DEFINE_ENUM()/TRACE_DEFINE_SIZEOF() map entries are applied to
 * the print formats of their system as the events are added, so that
 * tools read numbers where the header wrote a constant's name.
 *
 * Locking: trace_mutex, see trace_event_types.h.
 */

#include <linux/ctype.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/tracepoint.h>

#include <trace/stages/gate.h>

#include "trace_array.h"
#include "trace_event_types.h"
#include "trace_trigger.h"
#include "trace_filter.h"

/* Every registered event (trace_mutex). */
LIST_HEAD(ftrace_events);

/* System names shared by the instances (trace_mutex). */
static LIST_HEAD(event_systems);

/**
 * trace_event_system() - the system name of an event file
 * @file: the event file, not freed
 *
 * Context: trace_mutex held.
 * Return: the name.
 */
const char *trace_event_system(struct trace_event_file *file)
{
	return file->event_call->class->system;
}

static struct event_subsystem *event_subsystem_get(const char *name)
{
	struct event_subsystem *system;

	list_for_each_entry(system, &event_systems, list) {
		if (!strcmp(system->name, name)) {
			system->ref++;
			return system;
		}
	}
	system = kzalloc(sizeof(*system), GFP_KERNEL);
	if (!system)
		return NULL;
	system->name = kstrdup_const(name, GFP_KERNEL);
	if (!system->name) {
		kfree(system);
		return NULL;
	}
	system->ref = 1;
	list_add_tail(&system->list, &event_systems);
	return system;
}

static void event_subsystem_put(struct event_subsystem *system)
{
	if (--system->ref)
		return;
	list_del(&system->list);
	kfree_const(system->name);
	kfree(system);
}

/**
 * trace_subsystem_dir_put() - drop a reference on a system directory
 * @dir: the directory object
 *
 * Context: any context that may free memory; takes no lock.
 */
void trace_subsystem_dir_put(struct trace_subsystem_dir *dir)
{
	if (refcount_dec_and_test(&dir->ref)) {
		kfree(dir->filter_text);
		kfree(dir);
	}
}

static struct trace_subsystem_dir *system_dir_get(struct trace_array *tr,
						  const char *name)
{
	struct trace_subsystem_dir *dir;

	list_for_each_entry(dir, &tr->systems, list) {
		if (!strcmp(dir->subsystem->name, name)) {
			dir->nr_events++;
			return dir;
		}
	}
	dir = kzalloc(sizeof(*dir), GFP_KERNEL);
	if (!dir)
		return NULL;
	dir->subsystem = event_subsystem_get(name);
	if (!dir->subsystem) {
		kfree(dir);
		return NULL;
	}
	dir->tr = tr;
	refcount_set(&dir->ref, 1);
	dir->nr_events = 1;
	list_add_tail(&dir->list, &tr->systems);
	return dir;
}

/* The last event of @dir's system in its instance went. */
static void system_dir_drop_event(struct trace_subsystem_dir *dir)
{
	if (--dir->nr_events)
		return;
	list_del(&dir->list);
	dir->freed = true;
	event_subsystem_put(dir->subsystem);
	if (dir->ei)
		trace_event_dir_remove_system(dir);
	trace_subsystem_dir_put(dir);
}

/**
 * trace_event_file_put() - drop a reference on an event file
 * @file: the file
 *
 * Context: any context that may free memory; takes no lock.
 */
void trace_event_file_put(struct trace_event_file *file)
{
	if (refcount_dec_and_test(&file->ref)) {
		trace_event_filter_free(file);
		kfree(container_of(file, struct trace_event_file_gate, file));
	}
}

static int add_event_file(struct trace_array *tr,
			  struct trace_event_call *call)
{
	struct trace_event_file_gate *gate;
	struct trace_event_file *file;
	int ret;

	/* The probes read the PID filter's verdict through it (gate.h). */
	if (!tr->pid_ignore) {
		tr->pid_ignore = alloc_percpu(bool);
		if (!tr->pid_ignore)
			return -ENOMEM;
	}
	gate = kzalloc(sizeof(*gate), GFP_KERNEL);
	if (!gate)
		return -ENOMEM;
	gate->pid_ignore = tr->pid_ignore;
	file = &gate->file;
	file->system = system_dir_get(tr, call->class->system);
	if (!file->system) {
		kfree(gate);
		return -ENOMEM;
	}
	file->event_call = call;
	file->tr = tr;
	INIT_LIST_HEAD(&file->triggers);
	refcount_set(&file->ref, 1);
	if (trace_event_pid_filtering(tr))
		set_bit(EVENT_FILE_FL_PID_FILTER_BIT, &file->flags);
	list_add_tail(&file->list, &tr->events);
	if (!strcmp(call->class->system, "ftrace") &&
	    !strcmp(trace_event_name(call), "print"))
		WRITE_ONCE(tr->marker_file, file);

	if (!tr->event_dir)
		return 0;
	ret = trace_event_dir_add_file(file);
	if (ret) {
		list_del(&file->list);
		system_dir_drop_event(file->system);
		trace_event_file_put(file);
	}
	return ret;
}

/*
 * Switch a file off in every mode: its own triggers are removed first,
 * then the soft-mode references of triggers elsewhere are dropped (an
 * instance that goes removes those later in its list; an event that goes
 * has removed them already, trace_triggers_untarget()).  A probe may
 * still be running with the file on another CPU, even one switched off
 * long ago: the caller waits for tracepoint_synchronize_unregister()
 * before removing a file that was ever enabled.
 */
static void disable_event_file(struct trace_event_file *file)
{
	trace_triggers_clear(file);
	while (atomic_read(&file->sm_ref))
		__trace_event_enable(file, false, true);
	__trace_event_enable(file, false, false);
}

/* Remove a disabled file from its instance; no probe may still see it. */
static void remove_event_file(struct trace_event_file *file)
{
	struct trace_subsystem_dir *dir = file->system;

	set_bit(EVENT_FILE_FL_FREED_BIT, &file->flags);
	if (file->tr->marker_file == file)
		WRITE_ONCE(file->tr->marker_file, NULL);
	list_del(&file->list);
	if (file->ei)
		trace_event_dir_remove_file(file);
	trace_event_file_put(file);
	system_dir_drop_event(dir);
}

/**
 * __trace_find_event_file() - an instance's file for an event
 * @tr: the instance
 * @system: the system name
 * @event: the event name
 *
 * Context: trace_mutex held.
 * Return: the file, or NULL.
 */
struct trace_event_file *__trace_find_event_file(struct trace_array *tr,
						 const char *system,
						 const char *event)
{
	struct trace_event_file *file;

	lockdep_assert_held(&trace_mutex);
	list_for_each_entry(file, &tr->events, list) {
		struct trace_event_call *call = file->event_call;

		if (!strcmp(call->class->system, system) &&
		    !strcmp(trace_event_name(call), event))
			return file;
	}
	return NULL;
}

/*
 * Write @map's value where its name stands as a word in @call's print
 * format: outside string literals, and not as a field (after "->" or
 * ".").  A shorter value is written in place; a longer one needs a copy,
 * which is kept for the life of the kernel (an event of a module that
 * needs one leaks at most one string per load).
 */
static void eval_map_apply(struct trace_event_call *call,
			   const struct trace_eval_map *map)
{
	const char *name = map->eval_string;
	size_t nlen = strlen(name);
	char num[24], *fmt = call->print_fmt, *p;
	bool quoted = false;
	size_t vlen;

	vlen = scnprintf(num, sizeof(num), "%lu", map->eval_value);
	for (p = fmt; *p; p++) {
		if (*p == '"' && (p == fmt || p[-1] != '\\'))
			quoted = !quoted;
		if (quoted || strncmp(p, name, nlen))
			continue;
		if ((p > fmt && (isalnum(p[-1]) || p[-1] == '_' ||
				 p[-1] == '.' || p[-1] == '>')) ||
		    isalnum(p[nlen]) || p[nlen] == '_')
			continue;
		if (vlen > nlen) {
			size_t off = p - fmt;
			char *copy = kmalloc(strlen(fmt) + vlen - nlen + 1,
					     GFP_KERNEL);

			if (!copy)
				return;
			memcpy(copy, fmt, off);
			memcpy(copy + off, p, strlen(p) + 1);
			fmt = copy;
			p = copy + off;
			call->print_fmt = fmt;
		}
		memmove(p + vlen, p + nlen, strlen(p + nlen) + 1);
		memcpy(p, num, vlen);
		p += vlen - 1;
	}
}

static void eval_maps_apply(struct trace_eval_map **start,
			    struct trace_eval_map **stop)
{
	struct trace_event_call *call;
	struct trace_eval_map **map;

	for (map = start; map < stop; map++) {
		list_for_each_entry(call, &ftrace_events, list) {
			if (!call->print_fmt ||
			    strcmp(call->class->system, (*map)->system))
				continue;
			eval_map_apply(call, *map);
		}
	}
}

/**
 * trace_event_raw_init() - give a TRACE_EVENT() event its record type
 * @call: the event
 *
 * The class's raw_init, called once as the event is added.
 *
 * Context: process context, trace_mutex held.
 * Return: 0, or -ENODEV when no record type is left.
 */
int trace_event_raw_init(struct trace_event_call *call)
{
	return register_trace_event(&call->event) ? 0 : -ENODEV;
}
EXPORT_SYMBOL_GPL(trace_event_raw_init);

static int __register_event(struct trace_event_call *call, struct module *mod)
{
	struct trace_array *tr;
	int ret;

	lockdep_assert_held(&trace_mutex);
	if (!call->class || !trace_event_name(call))
		return -EINVAL;
	/* raw_init decides whether the event exists: before the fields. */
	if (call->class->raw_init) {
		ret = call->class->raw_init(call);
		if (ret)
			return ret;
	}
	ret = trace_event_define_fields(call);
	if (ret) {
		if (call->class->raw_init)
			unregister_trace_event(&call->event);
		return ret;
	}
	if (!(call->flags & TRACE_EVENT_FL_DYNAMIC))
		call->module = mod;
	list_add_tail(&call->list, &ftrace_events);

	list_for_each_entry(tr, &trace_arrays, list) {
		ret = add_event_file(tr, call);
		if (ret)
			pr_warn("tracing: event %s missing from an instance\n",
				trace_event_name(call));
	}
	return 0;
}

static bool class_in_use(struct trace_event_call *call)
{
	struct trace_event_call *other;

	list_for_each_entry(other, &ftrace_events, list)
		if (other->class == call->class)
			return true;
	return false;
}

static void __unregister_event(struct trace_event_call *call)
{
	struct trace_event_file *file, *next;
	struct trace_array *tr;
	bool was_enabled = false;

	lockdep_assert_held(&trace_mutex);
	list_for_each_entry(tr, &trace_arrays, list) {
		list_for_each_entry(file, &tr->events, list) {
			if (file->event_call != call)
				continue;
			if (file->flags & EVENT_FILE_FL_WAS_ENABLED)
				was_enabled = true;
			/* Triggers elsewhere that name it go first. */
			trace_triggers_untarget(file);
			disable_event_file(file);
		}
	}
	/* A probe switched off earlier may still be running on a file. */
	if (was_enabled)
		tracepoint_synchronize_unregister();
	list_for_each_entry(tr, &trace_arrays, list)
		list_for_each_entry_safe(file, next, &tr->events, list)
			if (file->event_call == call)
				remove_event_file(file);
	list_del(&call->list);
	if (call->class->raw_init)
		unregister_trace_event(&call->event);
	if (!class_in_use(call))
		trace_event_free_fields(call);

	/* Its records cannot be printed any more: drop them. */
	if (was_enabled) {
		list_for_each_entry(tr, &trace_arrays, list) {
			trace_reset_buffer(&tr->array_buffer,
					   RING_BUFFER_ALL_CPUS);
			if (tr->max_buffer.buffer)
				trace_reset_buffer(&tr->max_buffer,
						   RING_BUFFER_ALL_CPUS);
		}
	}
}

/**
 * trace_add_event_call() - add an event made at run time
 * @call: the event, with its class, name and flags set
 *
 * Context: process context; takes trace_mutex.
 * Return: 0 or a negative error.
 */
int trace_add_event_call(struct trace_event_call *call)
{
	int ret;

	mutex_lock(&trace_mutex);
	ret = __register_event(call, NULL);
	mutex_unlock(&trace_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(trace_add_event_call);

static bool event_busy(struct trace_event_call *call)
{
	struct trace_event_file *file;
	struct trace_array *tr;

	/* Pinned by trace_get_event_file() or a user of the dynamic type. */
	if (call->flags & TRACE_EVENT_FL_DYNAMIC && trace_event_dyn_busy(call))
		return true;
	list_for_each_entry(tr, &trace_arrays, list) {
		list_for_each_entry(file, &tr->events, list) {
			if (file->event_call != call)
				continue;
			if (file->flags & EVENT_FILE_FL_ENABLED ||
			    atomic_read(&file->sm_ref) ||
			    !list_empty(&file->triggers))
				return true;
		}
	}
	return false;
}

/**
 * __trace_event_call_busy() - whether a run-time event is in use
 * @call: the event
 *
 * In use: enabled or soft-enabled in some instance, with triggers, or
 * pinned by trace_get_event_file() or by its type.
 *
 * Context: trace_mutex held.
 * Return: true while in use.
 */
bool __trace_event_call_busy(struct trace_event_call *call)
{
	lockdep_assert_held(&trace_mutex);
	return event_busy(call);
}

/**
 * __trace_event_call_remove() - remove a run-time event
 * @call: the event
 *
 * Removes it whatever its state: callers that must not remove an event
 * in use check __trace_event_call_busy() first; one whose owner (a
 * module) is going does not.  Its files are switched off and their
 * triggers removed in every instance; a file still open, or held by
 * trace_get_event_file(), is marked freed and no longer reaches the
 * event.
 *
 * Context: trace_mutex held.
 */
void __trace_event_call_remove(struct trace_event_call *call)
{
	lockdep_assert_held(&trace_mutex);
	__unregister_event(call);
}

/**
 * trace_remove_event_call() - remove an event made at run time
 * @call: the event
 *
 * Context: process context; takes trace_mutex.
 * Return: 0, or -EBUSY while it is enabled in some instance or pinned.
 */
int trace_remove_event_call(struct trace_event_call *call)
{
	int ret = -EBUSY;

	mutex_lock(&trace_mutex);
	if (!event_busy(call)) {
		__unregister_event(call);
		ret = 0;
	}
	mutex_unlock(&trace_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(trace_remove_event_call);

/**
 * trace_event_add_instance() - files for every event in a new instance
 * @tr: the instance, not yet in the list of instances
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM (the files made so far are removed).
 */
int trace_event_add_instance(struct trace_array *tr)
{
	struct trace_event_call *call;
	int ret;

	lockdep_assert_held(&trace_mutex);
	list_for_each_entry(call, &ftrace_events, list) {
		ret = add_event_file(tr, call);
		if (ret) {
			trace_event_remove_instance(tr);
			return ret;
		}
	}
	return 0;
}

/**
 * trace_event_remove_instance() - disable and remove an instance's events
 * @tr: the instance
 *
 * Every probe of @tr is unregistered, and has finished running, before
 * this returns.
 *
 * Context: process context, trace_mutex held.
 */
void trace_event_remove_instance(struct trace_array *tr)
{
	struct trace_event_file *file, *next;

	lockdep_assert_held(&trace_mutex);
	list_for_each_entry(file, &tr->events, list)
		disable_event_file(file);
	/* Even probes switched off earlier may still be running. */
	tracepoint_synchronize_unregister();
	list_for_each_entry_safe(file, next, &tr->events, list)
		remove_event_file(file);
	trace_syscalls_free(tr);
	trace_event_dir_remove_events(tr);
}

#ifdef CONFIG_MODULES
static void module_add_events(struct module *mod)
{
	unsigned int i;

	for (i = 0; i < mod->num_trace_events; i++) {
		if (__register_event(mod->trace_events[i], mod))
			pr_warn("tracing: %s: could not add event %s\n",
				mod->name,
				trace_event_name(mod->trace_events[i]));
	}
	eval_maps_apply(mod->trace_evals,
			mod->trace_evals + mod->num_trace_evals);
}

static void module_remove_events(struct module *mod)
{
	struct trace_event_call *call, *next;

	list_for_each_entry_safe(call, next, &ftrace_events, list)
		if (!(call->flags & TRACE_EVENT_FL_DYNAMIC) &&
		    call->module == mod)
			__unregister_event(call);
}

static int trace_event_module_notify(struct notifier_block *nb,
				     unsigned long val, void *data)
{
	struct module *mod = data;

	mutex_lock(&trace_mutex);
	if (val == MODULE_STATE_COMING)
		module_add_events(mod);
	else if (val == MODULE_STATE_GOING)
		module_remove_events(mod);
	mutex_unlock(&trace_mutex);
	return NOTIFY_OK;
}

static struct notifier_block trace_event_module_nb = {
	.notifier_call	= trace_event_module_notify,
	/* Before the tracepoint notifier: probes go while it knows them. */
	.priority	= 1,
};
#endif /* CONFIG_MODULES */

/*
 * The events of the kernel image, for the top-level instance that exists
 * already (early_initcall in trace_instance.c, which links first), so
 * that trace_event= can enable them before tracefs is up.
 */
static int __init trace_event_registry_init(void)
{
	struct trace_event_call **call;
	int ret;

	trace_syscalls_init();
	mutex_lock(&trace_mutex);
	for (call = __start_ftrace_events; call < __stop_ftrace_events; call++) {
		ret = __register_event(*call, NULL);
		/* -ENOENT: a syscall this kernel's syscall table lacks */
		if (ret && ret != -ENOENT)
			pr_warn("tracing: could not add event %s\n",
				trace_event_name(*call));
	}
	eval_maps_apply(__start_ftrace_eval_maps, __stop_ftrace_eval_maps);
	mutex_unlock(&trace_mutex);

#ifdef CONFIG_MODULES
	register_module_notifier(&trace_event_module_nb);
#endif
	trace_event_apply_boot_events();
	return 0;
}
early_initcall(trace_event_registry_init);
