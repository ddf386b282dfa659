// SPDX-License-Identifier: GPL-2.0
/*
 * trace_files.c - the helpers every group of an instance's tracefs files
 * uses: references on the instance while a file is open, creating a table
 * of files, finding a file's instance and CPU, resetting a buffer.
 *
 * A leaf: it calls nothing in the files that use it, so the file groups
 * (trace_*.c) depend on it and on trace_instance.c's list, and the
 * instance lifecycle (trace_instance.c) depends on the groups, with no
 * cycle between them.
 *
 * Locking: see trace_array.h; the references are counted under
 * trace_mutex.
 */

#include <linux/fs.h>
#include <linux/seq_file.h>

#include "trace_array.h"

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
