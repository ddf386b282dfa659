// SPDX-License-Identifier: GPL-2.0
/*
 * trace_instance.c - trace instances: the top level and instances/<name>.
 *
 * An instance is created with its buffer and then its parts, in the
 * order of trace_instance_parts[] (its directory, its events, then its
 * files group by group, each in the file of its concern), and torn down
 * by the same table, backwards.  mkdir and rmdir in instances/ create and remove instances,
 * and so do trace_array_get_by_name() and trace_array_destroy() for
 * kernel users.
 *
 * Locking: see trace_array.h.  Everything here runs under trace_mutex
 * except the reference helpers' callers.  An instance is freed only once
 * it is off the list, its files are gone and nobody holds a reference;
 * a file opened just before its removal finds its instance gone, because
 * trace_array_get() looks the pointer up in the list.
 */

#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "trace_array.h"
#include "trace_event_types.h"

/* The instance list and every instance's settings: see trace_array.h. */
DEFINE_MUTEX(trace_mutex);

LIST_HEAD(trace_arrays);
static struct dentry *instances_dir;

/* 1408 KB per CPU, mainline's default. */
#define TRACE_BUF_SIZE_DEFAULT	1441792UL

struct trace_array global_trace;

static int instance_dir_create(struct trace_array *tr)
{
	tr->dir = tracefs_create_dir(tr->name, instances_dir);
	return IS_ERR_OR_NULL(tr->dir) ? -ENOMEM : 0;
}

static void instance_dir_remove(struct trace_array *tr)
{
	tracefs_remove(tr->dir);
}

/* trace_printk() goes back to the top level. */
static void instance_printk_release(struct trace_array *tr)
{
	if (tr->flags & TRACE_ITER_TRACE_PRINTK)
		trace_set_option(tr, TRACE_ITER_TRACE_PRINTK_BIT, false);
}

/**
 * struct trace_instance_part - one part of an instance beyond its buffer
 * @create: make it (trace_mutex held)
 * @unpublish: make it unreachable: no new file open, probe or writer
 *	finds it (trace_mutex held)
 * @free: free what is left, once writers already inside are gone
 * @instances_only: the top level has no such part (its directory is the
 *	tracefs root, its events are added as they register)
 */
struct trace_instance_part {
	int	(*create)(struct trace_array *tr);
	void	(*unpublish)(struct trace_array *tr);
	void	(*free)(struct trace_array *tr);
	bool	instances_only;
};

/*
 * The parts, in the order they are made; each lives in the file of its
 * concern.  Teardown walks the table backwards twice: every @unpublish,
 * then an RCU grace period, then every @free.  A failed creation tears
 * down the parts made so far the same way.
 */
static const struct trace_instance_part trace_instance_parts[] = {
	{ .create = instance_dir_create, .unpublish = instance_dir_remove,
	  .instances_only = true },
	{ .create = trace_event_add_instance,
	  .unpublish = trace_event_remove_instance, .instances_only = true },
	{ .create = trace_buffer_files_create },
	{ .create = trace_read_files_create },
	{ .create = trace_clock_files_create },
	{ .create = trace_marker_files_create },
	{ .create = trace_snapshot_files_create, .free = trace_snapshot_free },
	{ .create = trace_error_log_files_create,
	  .free = trace_error_log_clear },
	{ .create = trace_tracer_files_create },
	{ .create = trace_options_create,
	  .unpublish = instance_printk_release },
	{ .create = trace_event_dir_create_events },
	{ .create = trace_set_event_files_create },
	{ .create = trace_event_pid_files_create,
	  .free = trace_event_pid_free },
	{ .create = trace_printk_files_create },
	{ .create = trace_cmdline_files_create },
	{ .create = trace_dynevent_files_create },
	{ .create = trace_synth_files_create },
	{ .create = trace_kprobe_files_create },
};

static int trace_array_init(struct trace_array *tr, const char *name)
{
	unsigned int rb_flags;
	int cpu;

	INIT_LIST_HEAD(&tr->err_log);
	INIT_LIST_HEAD(&tr->events);
	INIT_LIST_HEAD(&tr->systems);
	tr->ref = 1;
	tr->buffer_percent = 50;
	tr->buffer_size = TRACE_BUF_SIZE_DEFAULT;
	tr->flags = trace_options_default();
	/* trace_printk() goes to the top level unless an instance asks. */
	if (!name)
		tr->flags |= TRACE_ITER_TRACE_PRINTK;

	if (name) {
		tr->name = kstrdup(name, GFP_KERNEL);
		if (!tr->name)
			return -ENOMEM;
	}
	if (!zalloc_cpumask_var(&tr->tracing_cpumask, GFP_KERNEL))
		goto free_name;
	cpumask_copy(tr->tracing_cpumask, cpu_all_mask);

	tr->cpu_refs = kcalloc(nr_cpu_ids + 1, sizeof(*tr->cpu_refs),
			       GFP_KERNEL);
	if (!tr->cpu_refs)
		goto free_mask;
	for (cpu = 0; cpu <= nr_cpu_ids; cpu++) {
		tr->cpu_refs[cpu].tr = tr;
		tr->cpu_refs[cpu].cpu = cpu < nr_cpu_ids ? cpu :
					RING_BUFFER_ALL_CPUS;
	}

	rb_flags = (tr->flags & TRACE_ITER_OVERWRITE) ? RB_FL_OVERWRITE : 0;
	tr->array_buffer.tr = tr;
	tr->max_buffer.tr = tr;
	tr->array_buffer.buffer = ring_buffer_alloc(tr->buffer_size, rb_flags);
	if (!tr->array_buffer.buffer)
		goto free_refs;
	ring_buffer_set_clock(tr->array_buffer.buffer,
			      trace_clock_func(tr->clock_id));
	tr->array_buffer.time_start =
		ring_buffer_time_stamp(tr->array_buffer.buffer);
	return 0;

free_refs:
	kfree(tr->cpu_refs);
free_mask:
	free_cpumask_var(tr->tracing_cpumask);
free_name:
	kfree(tr->name);
	return -ENOMEM;
}

/* Free what trace_array_init() made: the last step of a teardown. */
static void trace_array_free(struct trace_array *tr)
{
	ring_buffer_free(tr->array_buffer.buffer);
	kfree(tr->cpu_refs);
	free_cpumask_var(tr->tracing_cpumask);
	kfree(tr->name);
	kfree(tr);
}

static bool part_applies(struct trace_array *tr,
			 const struct trace_instance_part *part)
{
	return !part->instances_only || tr != &global_trace;
}

/* Tear down the first @n parts of @tr, then free it. */
static void trace_array_teardown(struct trace_array *tr, size_t n)
{
	const struct trace_instance_part *part;
	size_t i;

	lockdep_assert_held(&trace_mutex);
	for (i = n; i-- > 0;) {
		part = &trace_instance_parts[i];
		if (part->unpublish && part_applies(tr, part))
			part->unpublish(tr);
	}
	/* Writers (trace_array_printk() users) run with preemption off. */
	ring_buffer_record_off(tr->array_buffer.buffer);
	synchronize_rcu();
	for (i = n; i-- > 0;) {
		part = &trace_instance_parts[i];
		if (part->free && part_applies(tr, part))
			part->free(tr);
	}
	trace_array_free(tr);
}

/* Make the parts of @tr; Return: how many were made, all on success. */
static size_t trace_array_create_parts(struct trace_array *tr, int *ret)
{
	const struct trace_instance_part *part;
	size_t i;

	*ret = 0;
	for (i = 0; i < ARRAY_SIZE(trace_instance_parts); i++) {
		part = &trace_instance_parts[i];
		if (!part_applies(tr, part))
			continue;
		*ret = part->create(tr);
		if (*ret)
			break;
	}
	return i;
}

/**
 * __trace_array_find() - an instance by name
 * @name: the name of a directory under instances/
 *
 * Context: trace_mutex held.
 * Return: the instance, or NULL.
 */
struct trace_array *__trace_array_find(const char *name)
{
	struct trace_array *tr;

	lockdep_assert_held(&trace_mutex);
	list_for_each_entry(tr, &trace_arrays, list)
		if (tr->name && !strcmp(tr->name, name))
			return tr;
	return NULL;
}

static struct trace_array *__trace_array_create(const char *name)
{
	struct trace_array *tr;
	size_t made;
	int ret;

	lockdep_assert_held(&trace_mutex);
	if (__trace_array_find(name))
		return ERR_PTR(-EEXIST);

	tr = kzalloc(sizeof(*tr), GFP_KERNEL);
	if (!tr)
		return ERR_PTR(-ENOMEM);
	ret = trace_array_init(tr, name);
	if (ret) {
		kfree(tr);
		return ERR_PTR(ret);
	}
	made = trace_array_create_parts(tr, &ret);
	if (ret) {
		/* The part that failed cleans up after itself. */
		trace_array_teardown(tr, made);
		return ERR_PTR(ret);
	}
	list_add_tail(&tr->list, &trace_arrays);
	return tr;
}

static int __trace_array_destroy(struct trace_array *tr)
{
	lockdep_assert_held(&trace_mutex);
	if (tr == &global_trace)
		return -EINVAL;
	if (tr->ref > 1)
		return -EBUSY;
	list_del(&tr->list);
	/* Every event probe of the instance is gone once it is torn down. */
	trace_array_teardown(tr, ARRAY_SIZE(trace_instance_parts));
	return 0;
}

static int instance_mkdir(const char *name)
{
	struct trace_array *tr;

	mutex_lock(&trace_mutex);
	tr = __trace_array_create(name);
	mutex_unlock(&trace_mutex);
	return PTR_ERR_OR_ZERO(tr);
}

static int instance_rmdir(const char *name)
{
	struct trace_array *tr;
	int ret = -ENODEV;

	mutex_lock(&trace_mutex);
	tr = __trace_array_find(name);
	if (tr)
		ret = __trace_array_destroy(tr);
	mutex_unlock(&trace_mutex);
	return ret;
}

/**
 * trace_array_get_by_name() - find or create an instance, and pin it
 * @name: the instance name
 * @systems: event systems to create in a new instance (not used: every
 *	instance has every event)
 *
 * Context: process context; sleeps.
 * Return: the instance with a reference the caller drops with
 * trace_array_put(), or NULL on failure.
 */
struct trace_array *trace_array_get_by_name(const char *name,
					    const char *systems)
{
	struct trace_array *tr;

	mutex_lock(&trace_mutex);
	tr = __trace_array_find(name);
	if (!tr)
		tr = __trace_array_create(name);
	if (IS_ERR(tr))
		tr = NULL;
	else
		tr->ref++;
	mutex_unlock(&trace_mutex);
	return tr;
}
EXPORT_SYMBOL_GPL(trace_array_get_by_name);

/**
 * trace_array_destroy() - remove an instance made by a kernel user
 * @tr: the instance; the caller's reference from trace_array_get_by_name()
 *	must have been dropped
 *
 * Context: process context; sleeps.
 * Return: 0, -EBUSY while someone uses it, -EINVAL for NULL or the top
 * level, -ENODEV for an instance that does not exist (any more).
 */
int trace_array_destroy(struct trace_array *tr)
{
	struct trace_array *t;
	int ret = -ENODEV;

	if (!tr)
		return -EINVAL;
	mutex_lock(&trace_mutex);
	list_for_each_entry(t, &trace_arrays, list) {
		if (t == tr) {
			ret = __trace_array_destroy(tr);
			break;
		}
	}
	mutex_unlock(&trace_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(trace_array_destroy);

/* The top-level buffer exists before tracefs, for early trace_printk(). */
static int __init trace_global_init(void)
{
	int ret;

	ret = trace_array_init(&global_trace, NULL);
	if (ret) {
		pr_warn("tracing: no memory for the trace buffer\n");
		return ret;
	}
	mutex_lock(&trace_mutex);
	list_add(&global_trace.list, &trace_arrays);
	mutex_unlock(&trace_mutex);
	return 0;
}
early_initcall(trace_global_init);

static int __init trace_instance_fs_init(void)
{
	int ret;

	if (!global_trace.array_buffer.buffer)
		return -ENOMEM;
	mutex_lock(&trace_mutex);
	trace_array_create_parts(&global_trace, &ret);
	mutex_unlock(&trace_mutex);
	if (ret)
		pr_warn("tracing: could not create the tracefs files\n");

	instances_dir = tracefs_create_instance_dir("instances", NULL,
						    instance_mkdir,
						    instance_rmdir);
	if (IS_ERR_OR_NULL(instances_dir))
		pr_warn("tracing: could not create instances/\n");
	return ret;
}
fs_initcall(trace_instance_fs_init);
