// SPDX-License-Identifier: GPL-2.0
/*
 * trace_event_pid.c - set_event_pid and set_event_notrace_pid: record the
 * events of some tasks only, or of all but some.
 *
 * Each list is a bitmap indexed by pid, replaced as a whole under RCU by
 * writes.  Instead of looking the current task up in each event, the
 * instance keeps a per-CPU "ignore" bit for the task running on that
 * CPU, updated by probes on the scheduler's tracepoints:
 *
 *  - sched_switch, before the events' probes: ignore only if both tasks
 *    are filtered out, so that a switch to or from a traced task is kept;
 *    after them: ignore if the next task is filtered out;
 *  - sched_wakeup, sched_wakeup_new and sched_waking, before: keep the
 *    event if the woken task is traced; after: back to the current task.
 *
 * With the event-fork option, a traced task's children are added to
 * set_event_pid (and a filtered-out task's to set_event_notrace_pid) as
 * they fork, and exiting tasks are removed; these change bits in place.
 *
 * Opening a list with O_TRUNC empties it; a write adds the pids it names,
 * so "echo 1 2 > set_event_pid" sets and "echo 3 >> set_event_pid" adds.
 *
 * Locking: the lists, the probes' registration and the files' flags are
 * changed under trace_mutex; the probes read the lists under RCU
 * (sched: they run with preemption disabled).
 */

#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/mm_types.h>
#include <trace/events/sched.h>

#include "trace_array.h"
#include "trace_event_types.h"

/**
 * struct trace_pid_list - a set of pids
 * @rcu: for freeing after readers
 * @nr_bits: pids below this can be members
 * @bits: the members
 */
struct trace_pid_list {
	struct rcu_head	rcu;
	unsigned int	nr_bits;
	unsigned long	bits[];
};

/* Probe priorities around the events' (TRACEPOINT_DEFAULT_PRIO). */
#define PID_PRE_PRIO	(TRACEPOINT_DEFAULT_PRIO + 1)
#define PID_POST_PRIO	(TRACEPOINT_DEFAULT_PRIO - 1)

static struct trace_pid_list *pid_list_alloc(unsigned int nr_bits)
{
	struct trace_pid_list *list;

	nr_bits = max_t(unsigned int, nr_bits, pid_max);
	list = kvzalloc(struct_size(list, bits, BITS_TO_LONGS(nr_bits)),
			GFP_KERNEL);
	if (list)
		list->nr_bits = BITS_TO_LONGS(nr_bits) * BITS_PER_LONG;
	return list;
}

static void pid_list_free_rcu(struct rcu_head *rcu)
{
	kvfree(container_of(rcu, struct trace_pid_list, rcu));
}

static bool pid_in(struct trace_pid_list *list, pid_t pid)
{
	return pid >= 0 && pid < list->nr_bits && test_bit(pid, list->bits);
}

/* Whether @task's events are dropped by @tr's lists; RCU (sched) held. */
static bool task_ignored(struct trace_array *tr, struct task_struct *task)
{
	struct trace_pid_list *pids = rcu_dereference_sched(tr->filtered_pids);
	struct trace_pid_list *no_pids =
		rcu_dereference_sched(tr->filtered_no_pids);

	if (pids && !pid_in(pids, task->pid))
		return true;
	return no_pids && pid_in(no_pids, task->pid);
}

static void set_ignore(struct trace_array *tr, bool ignore)
{
	this_cpu_write(*tr->pid_ignore, ignore);
}

static void pid_switch_pre(void *data, bool preempt, struct task_struct *prev,
			   struct task_struct *next, unsigned int prev_state)
{
	struct trace_array *tr = data;

	set_ignore(tr, task_ignored(tr, prev) && task_ignored(tr, next));
}

static void pid_switch_post(void *data, bool preempt,
			    struct task_struct *prev, struct task_struct *next,
			    unsigned int prev_state)
{
	struct trace_array *tr = data;

	set_ignore(tr, task_ignored(tr, next));
}

static void pid_wakeup_pre(void *data, struct task_struct *task)
{
	struct trace_array *tr = data;

	if (this_cpu_read(*tr->pid_ignore))
		set_ignore(tr, task_ignored(tr, task));
}

static void pid_wakeup_post(void *data, struct task_struct *task)
{
	struct trace_array *tr = data;

	set_ignore(tr, task_ignored(tr, current));
}

/* event-fork: children follow their parent's membership. */
static void pid_fork(void *data, struct task_struct *parent,
		     struct task_struct *child)
{
	struct trace_array *tr = data;
	struct trace_pid_list *lists[] = {
		rcu_dereference_sched(tr->filtered_pids),
		rcu_dereference_sched(tr->filtered_no_pids),
	};
	size_t i;

	if (!(READ_ONCE(tr->flags) & TRACE_ITER_EVENT_FORK))
		return;
	for (i = 0; i < ARRAY_SIZE(lists); i++)
		if (lists[i] && pid_in(lists[i], parent->pid) &&
		    child->pid < lists[i]->nr_bits)
			set_bit(child->pid, lists[i]->bits);
}

static void pid_exit(void *data, struct task_struct *task)
{
	struct trace_array *tr = data;
	struct trace_pid_list *lists[] = {
		rcu_dereference_sched(tr->filtered_pids),
		rcu_dereference_sched(tr->filtered_no_pids),
	};
	size_t i;

	if (!(READ_ONCE(tr->flags) & TRACE_ITER_EVENT_FORK))
		return;
	for (i = 0; i < ARRAY_SIZE(lists); i++)
		if (lists[i] && pid_in(lists[i], task->pid))
			clear_bit(task->pid, lists[i]->bits);
}

static void pid_probes(struct trace_array *tr, bool on)
{
#define PID_PROBE(tp, fn, prio)						\
	do {								\
		if (on)							\
			register_trace_prio_##tp(fn, tr, prio);		\
		else							\
			unregister_trace_##tp(fn, tr);			\
	} while (0)

	PID_PROBE(sched_switch, pid_switch_pre, PID_PRE_PRIO);
	PID_PROBE(sched_switch, pid_switch_post, PID_POST_PRIO);
	PID_PROBE(sched_wakeup, pid_wakeup_pre, PID_PRE_PRIO);
	PID_PROBE(sched_wakeup, pid_wakeup_post, PID_POST_PRIO);
	PID_PROBE(sched_wakeup_new, pid_wakeup_pre, PID_PRE_PRIO);
	PID_PROBE(sched_wakeup_new, pid_wakeup_post, PID_POST_PRIO);
	PID_PROBE(sched_waking, pid_wakeup_pre, PID_PRE_PRIO);
	PID_PROBE(sched_waking, pid_wakeup_post, PID_POST_PRIO);
	PID_PROBE(sched_process_fork, pid_fork, TRACEPOINT_DEFAULT_PRIO);
	PID_PROBE(sched_process_free, pid_exit, TRACEPOINT_DEFAULT_PRIO);
#undef PID_PROBE
}

/**
 * trace_event_pid_filtering() - whether an instance filters by pid
 * @tr: the instance
 *
 * Context: trace_mutex held.
 * Return: true while either list is set.
 */
bool trace_event_pid_filtering(struct trace_array *tr)
{
	return rcu_access_pointer(tr->filtered_pids) ||
	       rcu_access_pointer(tr->filtered_no_pids);
}

static void update_ignore(void *data)
{
	struct trace_array *tr = data;

	rcu_read_lock_sched();
	set_ignore(tr, task_ignored(tr, current));
	rcu_read_unlock_sched();
}

/* Install @list as @slot of @tr, switching probes and flags as needed. */
static void pid_list_install(struct trace_array *tr,
			     struct trace_pid_list __rcu **slot,
			     struct trace_pid_list *list)
{
	struct trace_pid_list *old = rcu_dereference_protected(*slot,
					lockdep_is_held(&trace_mutex));
	bool was = trace_event_pid_filtering(tr), is;
	struct trace_event_file *file;

	rcu_assign_pointer(*slot, list);
	is = trace_event_pid_filtering(tr);
	if (!was && is)
		pid_probes(tr, true);
	list_for_each_entry(file, &tr->events, list) {
		if (is)
			set_bit(EVENT_FILE_FL_PID_FILTER_BIT, &file->flags);
		else
			clear_bit(EVENT_FILE_FL_PID_FILTER_BIT, &file->flags);
	}
	if (was && !is)
		pid_probes(tr, false);
	/* The tasks running now are judged by the new lists. */
	if (is)
		on_each_cpu(update_ignore, tr, 1);
	if (old)
		call_rcu(&old->rcu, pid_list_free_rcu);
}

static struct trace_pid_list __rcu **pid_slot(struct trace_array *tr,
					      bool exclude)
{
	return exclude ? &tr->filtered_no_pids : &tr->filtered_pids;
}

/*
 * Parse "pid pid ..." (@buf, modified) into a copy of @old with those pids
 * added.  Nothing is installed unless every word is a valid pid.
 */
static struct trace_pid_list *pid_list_parse(struct trace_pid_list *old,
					     char *buf, size_t len)
{
	unsigned int max = old ? old->nr_bits : 0, n = 0, i;
	struct trace_pid_list *list = ERR_PTR(-ENOMEM);
	unsigned int *pids;
	char *tok;

	pids = kmalloc_array(len / 2 + 1, sizeof(*pids), GFP_KERNEL);
	if (!pids)
		return list;
	while ((tok = strsep(&buf, " \t\n")) != NULL) {
		if (!*tok)
			continue;
		if (kstrtouint(tok, 10, &pids[n]) ||
		    pids[n] >= PID_MAX_LIMIT) {
			list = ERR_PTR(-EINVAL);
			goto out;
		}
		max = max(max, pids[n] + 1);
		n++;
	}
	list = pid_list_alloc(max);
	if (!list) {
		list = ERR_PTR(-ENOMEM);
		goto out;
	}
	if (old)
		bitmap_copy(list->bits, old->bits, old->nr_bits);
	for (i = 0; i < n; i++)
		set_bit(pids[i], list->bits);
out:
	kfree(pids);
	return list;
}

static ssize_t pid_write(struct file *filp, const char __user *ubuf,
			 size_t cnt, loff_t *ppos, bool exclude)
{
	struct trace_array *tr = trace_file_tr(filp);
	struct trace_pid_list __rcu **slot = pid_slot(tr, exclude);
	struct trace_pid_list *list, *old;
	size_t used;
	ssize_t ret;
	char *buf;

	if (!cnt)
		return 0;
	buf = trace_user_words(ubuf, cnt, &used);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	ret = used;

	mutex_lock(&trace_mutex);
	if (!tr->pid_ignore) {
		tr->pid_ignore = alloc_percpu(bool);
		if (!tr->pid_ignore) {
			ret = -ENOMEM;
			goto unlock;
		}
	}
	old = rcu_dereference_protected(*slot, lockdep_is_held(&trace_mutex));
	list = pid_list_parse(old, buf, used);
	if (IS_ERR(list)) {
		ret = PTR_ERR(list);
		goto unlock;
	}
	/* A write that named no pid leaves an empty list unset. */
	if (bitmap_empty(list->bits, list->nr_bits)) {
		kvfree(list);
		list = NULL;
	}
	pid_list_install(tr, slot, list);
	*ppos += used;
unlock:
	mutex_unlock(&trace_mutex);
	kfree(buf);
	return ret;
}

static int pid_show(struct seq_file *m, bool exclude)
{
	struct trace_array *tr = trace_file_tr(m->file);
	struct trace_pid_list *list;
	unsigned int pid;

	mutex_lock(&trace_mutex);
	list = rcu_dereference_protected(*pid_slot(tr, exclude),
					 lockdep_is_held(&trace_mutex));
	if (list)
		for_each_set_bit(pid, list->bits, list->nr_bits)
			seq_printf(m, "%u\n", pid);
	mutex_unlock(&trace_mutex);
	return 0;
}

static int pid_open(struct inode *inode, struct file *filp, bool exclude,
		    int (*show)(struct seq_file *m, void *v))
{
	struct trace_array *tr = ((struct trace_cpu_ref *)inode->i_private)->tr;
	int ret = trace_single_open(inode, filp, show);

	if (ret || !(filp->f_mode & FMODE_WRITE) ||
	    !(filp->f_flags & O_TRUNC))
		return ret;
	mutex_lock(&trace_mutex);
	pid_list_install(tr, pid_slot(tr, exclude), NULL);
	mutex_unlock(&trace_mutex);
	return 0;
}

#define PID_FOPS(name, exclude)						\
static int name##_show(struct seq_file *m, void *v)			\
{									\
	return pid_show(m, exclude);					\
}									\
static int name##_open(struct inode *inode, struct file *filp)		\
{									\
	return pid_open(inode, filp, exclude, name##_show);		\
}									\
static ssize_t name##_write(struct file *filp, const char __user *ubuf,	\
			    size_t cnt, loff_t *ppos)			\
{									\
	return pid_write(filp, ubuf, cnt, ppos, exclude);		\
}									\
static const struct file_operations name##_fops = {			\
	.open		= name##_open,					\
	.read		= seq_read,					\
	.write		= name##_write,					\
	.llseek		= seq_lseek,					\
	.release	= trace_single_release,				\
}

PID_FOPS(set_event_pid, false);
PID_FOPS(set_event_notrace_pid, true);

static const struct trace_file_spec pid_file_specs[] = {
	{ "set_event_pid",		TRACE_MODE_WRITE,	&set_event_pid_fops },
	{ "set_event_notrace_pid",	TRACE_MODE_WRITE,	&set_event_notrace_pid_fops },
};

/**
 * trace_event_pid_files_create() - an instance's PID filter files
 * @tr: the instance
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_event_pid_files_create(struct trace_array *tr)
{
	return trace_create_files(tr, tr->dir, pid_file_specs,
				  ARRAY_SIZE(pid_file_specs),
				  RING_BUFFER_ALL_CPUS);
}

/**
 * trace_event_pid_free() - drop an instance's PID lists
 * @tr: the instance, whose events are all disabled
 *
 * Context: process context.
 */
void trace_event_pid_free(struct trace_array *tr)
{
	struct trace_pid_list *pids, *no_pids;

	pids = rcu_dereference_protected(tr->filtered_pids, 1);
	no_pids = rcu_dereference_protected(tr->filtered_no_pids, 1);
	if (pids || no_pids) {
		pid_probes(tr, false);
		tracepoint_synchronize_unregister();
	}
	kvfree(pids);
	kvfree(no_pids);
	free_percpu(tr->pid_ignore);
}
