// SPDX-License-Identifier: GPL-2.0
/*
 * trace_instance.c - trace instances: the top level and instances/<name>.
 *
 * An instance is created with its buffer and then its files, group by
 * group from trace_file_groups[]; each group lives in the file of its
 * concern.  mkdir and rmdir in instances/ create and remove instances,
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

/* Groups of files every instance has, each created by its own file. */
static int (*const trace_file_groups[])(struct trace_array *tr) = {
	trace_buffer_files_create,
	trace_read_files_create,
	trace_clock_files_create,
	trace_marker_files_create,
	trace_snapshot_files_create,
	trace_error_log_files_create,
	trace_tracer_files_create,
	trace_options_create,
	trace_event_dir_create_events,
	trace_set_event_files_create,
	trace_event_pid_files_create,
	trace_printk_files_create,
	trace_cmdline_files_create,
};

/**
 * trace_array_get() - take a reference on an instance still listed
 * @tr: the instance (possibly already removed)
 *
 * Context: process context; takes trace_mutex.
 * Return: 0, or -ENODEV if @tr is not (or no longer) an instance.
 */
int trace_array_get(struct trace_array *tr)
{
	struct trace_array *t;
	int ret = -ENODEV;

	mutex_lock(&trace_mutex);
	list_for_each_entry(t, &trace_arrays, list) {
		if (t == tr) {
			tr->ref++;
			ret = 0;
			break;
		}
	}
	mutex_unlock(&trace_mutex);
	return ret;
}

/**
 * trace_array_put_ref() - drop a reference taken by trace_array_get()
 * @tr: the instance
 *
 * Context: process context; takes trace_mutex.
 */
void trace_array_put_ref(struct trace_array *tr)
{
	mutex_lock(&trace_mutex);
	WARN_ON_ONCE(tr->ref <= 1);
	tr->ref--;
	mutex_unlock(&trace_mutex);
}

/**
 * trace_array_put() - drop a reference from trace_array_get_by_name()
 * @tr: the instance, or NULL
 *
 * Context: process context; takes trace_mutex.
 */
void trace_array_put(struct trace_array *tr)
{
	if (tr)
		trace_array_put_ref(tr);
}
EXPORT_SYMBOL_GPL(trace_array_put);

/**
 * trace_open_ref() - open() of an instance file: pin the instance
 * @inode: the file's inode; i_private is a struct trace_cpu_ref
 * @filp: the file
 *
 * Context: process context.
 * Return: 0 or -ENODEV if the instance is being removed.
 */
int trace_open_ref(struct inode *inode, struct file *filp)
{
	struct trace_cpu_ref *ref = inode->i_private;
	struct trace_array *t;
	int ret = -ENODEV;

	/*
	 * The instance may be gone, and its memory (@ref with it) reused:
	 * @ref is only read once it is known to belong to a listed
	 * instance.  private_data stays free for the file's own state.
	 */
	mutex_lock(&trace_mutex);
	list_for_each_entry(t, &trace_arrays, list) {
		if (ref >= t->cpu_refs && ref <= t->cpu_refs + nr_cpu_ids) {
			t->ref++;
			ret = 0;
			break;
		}
	}
	mutex_unlock(&trace_mutex);
	return ret;
}

/**
 * trace_release_ref() - release() matching trace_open_ref()
 * @inode: the file's inode
 * @filp: the file
 *
 * Context: process context.
 * Return: 0.
 */
int trace_release_ref(struct inode *inode, struct file *filp)
{
	struct trace_cpu_ref *ref = inode->i_private;

	trace_array_put_ref(ref->tr);
	return 0;
}

/**
 * trace_single_open() - open() of a one-record seq_file instance file
 * @inode: the file's inode; i_private is a struct trace_cpu_ref
 * @filp: the file
 * @show: prints the file
 *
 * Context: process context.
 * Return: 0, -ENODEV if the instance is being removed, or -ENOMEM.
 */
int trace_single_open(struct inode *inode, struct file *filp,
		      int (*show)(struct seq_file *m, void *v))
{
	int ret = trace_open_ref(inode, filp);

	if (ret)
		return ret;
	ret = single_open(filp, show, NULL);
	if (ret)
		trace_release_ref(inode, filp);
	return ret;
}

/**
 * trace_single_release() - release() matching trace_single_open()
 * @inode: the file's inode
 * @filp: the file
 *
 * Context: process context.
 * Return: 0.
 */
int trace_single_release(struct inode *inode, struct file *filp)
{
	single_release(inode, filp);
	return trace_release_ref(inode, filp);
}

/**
 * trace_file_tr() - the instance of a file opened by trace_open_ref()
 * @filp: the file
 *
 * Context: any, while the file is open.
 * Return: the instance.
 */
struct trace_array *trace_file_tr(const struct file *filp)
{
	struct trace_cpu_ref *ref = file_inode(filp)->i_private;

	return ref->tr;
}

/**
 * trace_file_cpu() - the CPU of a per_cpu file, or RING_BUFFER_ALL_CPUS
 * @filp: the file
 *
 * Context: any, while the file is open.
 * Return: the CPU.
 */
int trace_file_cpu(const struct file *filp)
{
	struct trace_cpu_ref *ref = file_inode(filp)->i_private;

	return ref->cpu;
}

/**
 * trace_create_files() - create a table of files in a directory
 * @tr: the instance
 * @parent: the directory
 * @specs: the files
 * @n: how many
 * @cpu: the CPU they are about, or RING_BUFFER_ALL_CPUS
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM; files already created are removed with the
 * directory.
 */
int trace_create_files(struct trace_array *tr, struct dentry *parent,
		       const struct trace_file_spec *specs, size_t n, int cpu)
{
	struct trace_cpu_ref *ref;
	struct dentry *d;
	size_t i;

	ref = &tr->cpu_refs[cpu == RING_BUFFER_ALL_CPUS ? nr_cpu_ids : cpu];
	for (i = 0; i < n; i++) {
		if (specs[i].top_only && tr != &global_trace)
			continue;
		d = tracefs_create_file(specs[i].name, specs[i].mode, parent,
					ref, specs[i].fops);
		if (IS_ERR_OR_NULL(d))
			return -ENOMEM;
	}
	return 0;
}

/**
 * trace_reset_buffer() - empty a buffer and restart its clock base
 * @ab: the buffer
 * @cpu: one CPU or RING_BUFFER_ALL_CPUS
 *
 * Context: process context; sleeps.
 */
void trace_reset_buffer(struct array_buffer *ab, int cpu)
{
	if (!ab->buffer)
		return;
	if (cpu == RING_BUFFER_ALL_CPUS)
		ring_buffer_reset(ab->buffer);
	else
		ring_buffer_reset_cpu(ab->buffer, cpu);
	ab->time_start = ring_buffer_time_stamp(ab->buffer);
}

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

static void trace_array_free(struct trace_array *tr)
{
	trace_event_pid_free(tr);
	trace_snapshot_free(tr);
	trace_error_log_clear(tr);
	ring_buffer_free(tr->array_buffer.buffer);
	kfree(tr->cpu_refs);
	free_cpumask_var(tr->tracing_cpumask);
	kfree(tr->name);
	kfree(tr);
}

static int trace_array_create_files(struct trace_array *tr)
{
	size_t i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(trace_file_groups); i++) {
		ret = trace_file_groups[i](tr);
		if (ret)
			return ret;
	}
	return 0;
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

	ret = trace_event_add_instance(tr);
	if (ret)
		goto free;
	tr->dir = tracefs_create_dir(name, instances_dir);
	if (IS_ERR_OR_NULL(tr->dir)) {
		ret = -ENOMEM;
		goto remove_events;
	}
	ret = trace_array_create_files(tr);
	if (ret)
		goto remove;
	list_add_tail(&tr->list, &trace_arrays);
	return tr;

remove:
	trace_event_remove_instance(tr);
	tracefs_remove(tr->dir);
	goto free;
remove_events:
	trace_event_remove_instance(tr);
free:
	trace_array_free(tr);
	return ERR_PTR(ret);
}

static int __trace_array_destroy(struct trace_array *tr)
{
	lockdep_assert_held(&trace_mutex);
	if (tr == &global_trace)
		return -EINVAL;
	if (tr->ref > 1)
		return -EBUSY;

	/* trace_printk() goes back to the top level. */
	if (tr->flags & TRACE_ITER_TRACE_PRINTK)
		trace_set_option(tr, TRACE_ITER_TRACE_PRINTK_BIT, false);
	list_del(&tr->list);
	/* Every event probe of the instance is gone when this returns. */
	trace_event_remove_instance(tr);
	tracefs_remove(tr->dir);
	/* Writers (trace_array_printk() users) run with preemption off. */
	ring_buffer_record_off(tr->array_buffer.buffer);
	synchronize_rcu();
	trace_array_free(tr);
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
	ret = trace_array_create_files(&global_trace);
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
