// SPDX-License-Identifier: GPL-2.0
/*
 * trace_error_log.c - error_log: why the last commands written to tracefs
 * files failed, with a caret under the position of the error.
 *
 * Every parser reports through tracing_log_err(): the instance, the
 * place (e.g. "trace_kprobe" or "hist:sched:sched_switch"), the command,
 * a table of messages with an index into it, and the position.  Each
 * instance keeps its last TRACE_ERR_LOG_MAX entries; opening the file
 * with O_TRUNC ("echo > error_log") clears them.
 *
 * Locking: each instance's log is under err_log_mutex, which nests
 * inside trace_mutex (parsers may hold that when they report).
 */

#include <linux/fs.h>
#include <linux/sched/clock.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include "trace_array.h"

#define TRACE_ERR_LOG_MAX	16

static DEFINE_MUTEX(err_log_mutex);

struct trace_err_entry {
	struct list_head	list;
	u64			ts;
	const char		*msg;
	u16			pos;
	char			*loc;
	char			*cmd;
};

static void trace_err_free(struct trace_err_entry *e)
{
	kfree(e->loc);
	kfree(e->cmd);
	kfree(e);
}

static void __tracing_log_err(struct trace_array *tr, const char *loc,
			      const char *cmd, const char *msg, u16 pos)
{
	struct trace_err_entry *e;

	lockdep_assert_held(&err_log_mutex);
	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return;
	e->loc = kstrdup(loc, GFP_KERNEL);
	e->cmd = kstrdup(cmd, GFP_KERNEL);
	if (!e->loc || !e->cmd) {
		trace_err_free(e);
		return;
	}
	e->ts = local_clock();
	e->msg = msg;
	/* The caret may stand one past the end: where a token is missing. */
	e->pos = min_t(size_t, pos, strlen(cmd) + 1);
	list_add_tail(&e->list, &tr->err_log);
	if (++tr->n_err_log > TRACE_ERR_LOG_MAX) {
		e = list_first_entry(&tr->err_log, struct trace_err_entry,
				     list);
		list_del(&e->list);
		trace_err_free(e);
		tr->n_err_log--;
	}
}

/**
 * tracing_log_err() - record a command's error in an instance's error_log
 * @tr: the instance, or NULL for the top level
 * @loc: where the error happened, printed before "error:"
 * @cmd: the command, shown on the next line
 * @errs: the parser's table of messages
 * @type: index of the message in @errs
 * @pos: byte offset in @cmd of the error, where the caret goes
 *
 * @errs must outlive the log: it is a parser's static table.
 *
 * Context: process context; sleeps.
 */
void tracing_log_err(struct trace_array *tr, const char *loc,
		     const char *cmd, const char *const *errs, u8 type, u16 pos)
{
	if (!tr)
		tr = &global_trace;
	mutex_lock(&err_log_mutex);
	__tracing_log_err(tr, loc, cmd, errs[type], pos);
	mutex_unlock(&err_log_mutex);
}

/**
 * trace_error_log_clear() - forget an instance's errors
 * @tr: the instance
 *
 * Context: process context.
 */
void trace_error_log_clear(struct trace_array *tr)
{
	struct trace_err_entry *e, *n;

	mutex_lock(&err_log_mutex);
	list_for_each_entry_safe(e, n, &tr->err_log, list) {
		list_del(&e->list);
		trace_err_free(e);
	}
	tr->n_err_log = 0;
	mutex_unlock(&err_log_mutex);
}

static void *err_start(struct seq_file *m, loff_t *pos)
{
	struct trace_array *tr = trace_file_tr(m->file);

	mutex_lock(&err_log_mutex);
	return seq_list_start(&tr->err_log, *pos);
}

static void *err_next(struct seq_file *m, void *v, loff_t *pos)
{
	struct trace_array *tr = trace_file_tr(m->file);

	return seq_list_next(v, &tr->err_log, pos);
}

static void err_stop(struct seq_file *m, void *v)
{
	mutex_unlock(&err_log_mutex);
}

static int err_show(struct seq_file *m, void *v)
{
	struct trace_err_entry *e = list_entry(v, struct trace_err_entry, list);
	u64 sec = e->ts;
	unsigned long usec;

	usec = do_div(sec, NSEC_PER_SEC) / NSEC_PER_USEC;
	seq_printf(m, "[%5llu.%06lu] %s: error: %s\n", sec, usec, e->loc,
		   e->msg);
	seq_printf(m, "  Command: %s\n", e->cmd);
	/* "  Command: " is 11 columns wide. */
	seq_printf(m, "%*s^\n", 11 + e->pos, "");
	return 0;
}

static const struct seq_operations err_seq_ops = {
	.start	= err_start,
	.next	= err_next,
	.stop	= err_stop,
	.show	= err_show,
};

static int err_open(struct inode *inode, struct file *filp)
{
	struct trace_array *tr;
	int ret = trace_open_ref(inode, filp);

	if (ret)
		return ret;
	tr = trace_file_tr(filp);
	if ((filp->f_mode & FMODE_WRITE) && (filp->f_flags & O_TRUNC))
		trace_error_log_clear(tr);
	if (filp->f_mode & FMODE_READ) {
		ret = seq_open(filp, &err_seq_ops);
		if (ret)
			trace_release_ref(inode, filp);
	}
	return ret;
}

static ssize_t err_write(struct file *filp, const char __user *ubuf,
			 size_t cnt, loff_t *ppos)
{
	return cnt;
}

static int err_release(struct inode *inode, struct file *filp)
{
	if (filp->f_mode & FMODE_READ)
		seq_release(inode, filp);
	return trace_release_ref(inode, filp);
}

static const struct file_operations err_fops = {
	.open		= err_open,
	.read		= seq_read,
	.write		= err_write,
	.llseek		= seq_lseek,
	.release	= err_release,
};

static const struct trace_file_spec err_files[] = {
	{ "error_log", TRACE_MODE_WRITE, &err_fops },
};

/**
 * trace_error_log_files_create() - create an instance's error_log
 * @tr: the instance
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_error_log_files_create(struct trace_array *tr)
{
	return trace_create_files(tr, tr->dir, err_files,
				  ARRAY_SIZE(err_files), RING_BUFFER_ALL_CPUS);
}
