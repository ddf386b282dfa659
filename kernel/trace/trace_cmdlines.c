// SPDX-License-Identifier: GPL-2.0
/*
 * trace_cmdlines.c - the names (and thread group ids) of the tasks that
 * records came from: saved_cmdlines, saved_cmdlines_size, saved_tgids.
 *
 * A record holds only a pid; the trace shows "comm-pid" by looking the
 * pid up here.  The table is a cache of saved_cmdlines_size slots,
 * indexed by a hash of the pid: a newer task whose pid hashes to the
 * same slot replaces the older one, which then shows as "<...>".
 *
 * Locking: cmdline_lock (raw, irqs off) guards the table; savers only
 * try it, so a writer in any context never waits.  Resizing replaces
 * the table under the lock and frees the old one after.
 */

#include <linux/fs.h>
#include <linux/hash.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "trace_array.h"

#define CMDLINES_DEFAULT	128

struct cmdline_slot {
	int	pid;
	int	tgid;
	char	comm[TASK_COMM_LEN];
};

struct cmdline_table {
	unsigned int		size;
	struct cmdline_slot	slots[];
};

static DEFINE_RAW_SPINLOCK(cmdline_lock);
static struct cmdline_table *cmdlines;

static struct cmdline_table *cmdline_table_alloc(unsigned int size)
{
	struct cmdline_table *t;

	t = kvzalloc(struct_size(t, slots, size), GFP_KERNEL);
	if (t)
		t->size = size;
	return t;
}

static struct cmdline_slot *cmdline_slot(struct cmdline_table *t, int pid)
{
	return &t->slots[hash_32(pid, 32) % t->size];
}

/**
 * trace_save_cmdline() - remember a task's name and thread group
 * @tsk: the task
 *
 * Context: any; gives up if the table is busy.
 */
void trace_save_cmdline(struct task_struct *tsk)
{
	struct cmdline_slot *s;
	unsigned long flags;

	if (!tsk->pid)
		return;
	local_irq_save(flags);
	if (raw_spin_trylock(&cmdline_lock)) {
		if (cmdlines) {
			s = cmdline_slot(cmdlines, tsk->pid);
			s->pid = tsk->pid;
			s->tgid = tsk->tgid;
			/*
			 * Not get_task_comm(): its task_lock() is not to be
			 * taken here (sched_switch holds the rq lock).  A
			 * rename racing with the copy can leave a mix of the
			 * two names, never an unterminated one.
			 */
			memcpy(s->comm, tsk->comm, TASK_COMM_LEN);
			s->comm[TASK_COMM_LEN - 1] = '\0';
		}
		raw_spin_unlock(&cmdline_lock);
	}
	local_irq_restore(flags);
}

/**
 * trace_find_cmdline() - the name to show for a pid
 * @pid: the pid
 * @comm: TASK_COMM_LEN bytes for the name: "<idle>" for pid 0, "<...>"
 *	for one not remembered
 *
 * Context: any.
 */
void trace_find_cmdline(int pid, char comm[])
{
	struct cmdline_slot *s;
	unsigned long flags;

	if (!pid) {
		strscpy(comm, "<idle>", TASK_COMM_LEN);
		return;
	}
	strscpy(comm, "<...>", TASK_COMM_LEN);
	raw_spin_lock_irqsave(&cmdline_lock, flags);
	if (cmdlines) {
		s = cmdline_slot(cmdlines, pid);
		if (s->pid == pid)
			memcpy(comm, s->comm, TASK_COMM_LEN);
	}
	raw_spin_unlock_irqrestore(&cmdline_lock, flags);
}

/**
 * trace_find_tgid() - the thread group of a pid, if remembered
 * @pid: the pid
 *
 * Context: any.
 * Return: the tgid, or 0.
 */
int trace_find_tgid(int pid)
{
	struct cmdline_slot *s;
	unsigned long flags;
	int tgid = 0;

	raw_spin_lock_irqsave(&cmdline_lock, flags);
	if (cmdlines && pid) {
		s = cmdline_slot(cmdlines, pid);
		if (s->pid == pid)
			tgid = s->tgid;
	}
	raw_spin_unlock_irqrestore(&cmdline_lock, flags);
	return tgid;
}

/*
 * The readers copy the table out (under the lock, so no sleeping in
 * seq_file with it held) and print the copy.
 */
static int cmdlines_print(struct seq_file *m, bool tgids)
{
	struct cmdline_table *copy;
	unsigned long flags;
	unsigned int i, size;

	raw_spin_lock_irqsave(&cmdline_lock, flags);
	size = cmdlines ? cmdlines->size : 0;
	raw_spin_unlock_irqrestore(&cmdline_lock, flags);
	copy = cmdline_table_alloc(size);
	if (!copy)
		return -ENOMEM;
	raw_spin_lock_irqsave(&cmdline_lock, flags);
	if (cmdlines)
		memcpy(copy->slots, cmdlines->slots,
		       min(size, cmdlines->size) * sizeof(copy->slots[0]));
	raw_spin_unlock_irqrestore(&cmdline_lock, flags);

	for (i = 0; i < size; i++) {
		struct cmdline_slot *s = &copy->slots[i];

		if (!s->pid)
			continue;
		if (tgids)
			seq_printf(m, "%d %d\n", s->pid, s->tgid);
		else
			seq_printf(m, "%d %s\n", s->pid, s->comm);
	}
	kvfree(copy);
	return 0;
}

static int saved_cmdlines_show(struct seq_file *m, void *v)
{
	return cmdlines_print(m, false);
}

static int saved_tgids_show(struct seq_file *m, void *v)
{
	return cmdlines_print(m, true);
}

static int saved_cmdlines_open(struct inode *inode, struct file *filp)
{
	return single_open(filp, saved_cmdlines_show, NULL);
}

static int saved_tgids_open(struct inode *inode, struct file *filp)
{
	return single_open(filp, saved_tgids_show, NULL);
}

static const struct file_operations saved_cmdlines_fops = {
	.open		= saved_cmdlines_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= single_release,
};

static const struct file_operations saved_tgids_fops = {
	.open		= saved_tgids_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= single_release,
};

static ssize_t cmdlines_size_read(struct file *filp, char __user *ubuf,
				  size_t cnt, loff_t *ppos)
{
	char buf[16];
	unsigned long flags;
	unsigned int size;
	int len;

	raw_spin_lock_irqsave(&cmdline_lock, flags);
	size = cmdlines ? cmdlines->size : 0;
	raw_spin_unlock_irqrestore(&cmdline_lock, flags);
	len = scnprintf(buf, sizeof(buf), "%u\n", size);
	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

static ssize_t cmdlines_size_write(struct file *filp, const char __user *ubuf,
				   size_t cnt, loff_t *ppos)
{
	struct cmdline_table *t, *old;
	unsigned long val, flags;
	unsigned int i;
	int ret;

	ret = kstrtoul_from_user(ubuf, cnt, 10, &val);
	if (ret)
		return ret;
	if (!val || val > PID_MAX_DEFAULT)
		return -EINVAL;
	t = cmdline_table_alloc(val);
	if (!t)
		return -ENOMEM;

	raw_spin_lock_irqsave(&cmdline_lock, flags);
	old = cmdlines;
	for (i = 0; old && i < old->size; i++)
		if (old->slots[i].pid)
			*cmdline_slot(t, old->slots[i].pid) = old->slots[i];
	cmdlines = t;
	raw_spin_unlock_irqrestore(&cmdline_lock, flags);
	kvfree(old);
	*ppos += cnt;
	return cnt;
}

static const struct file_operations cmdlines_size_fops = {
	.open		= simple_open,
	.read		= cmdlines_size_read,
	.write		= cmdlines_size_write,
	.llseek		= generic_file_llseek,
};

static const struct trace_file_spec cmdline_files[] = {
	{ "saved_cmdlines",	 TRACE_MODE_READ, &saved_cmdlines_fops, .top_only = true },
	{ "saved_cmdlines_size", TRACE_MODE_WRITE, &cmdlines_size_fops, .top_only = true },
	{ "saved_tgids",	 TRACE_MODE_READ, &saved_tgids_fops, .top_only = true },
};

/**
 * trace_cmdline_files_create() - the saved_* files, at the top level
 * @tr: the instance
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_cmdline_files_create(struct trace_array *tr)
{
	return trace_create_files(tr, tr->dir, cmdline_files,
				  ARRAY_SIZE(cmdline_files),
				  RING_BUFFER_ALL_CPUS);
}

static int __init trace_cmdlines_init(void)
{
	cmdlines = cmdline_table_alloc(CMDLINES_DEFAULT);
	return cmdlines ? 0 : -ENOMEM;
}
early_initcall(trace_cmdlines_init);
