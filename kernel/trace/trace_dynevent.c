// SPDX-License-Identifier: GPL-2.0
/*
 * trace_dynevent.c - the list of dynamic events and the dynamic_events
 * file.
 *
 * A line written to dynamic_events either defines an event, and each
 * registered type is offered it in turn until one takes it, or removes
 * one: "-:[group/]name", or "!" followed by the event's definition.
 * Opening the file with O_TRUNC removes every dynamic event; if any of
 * them is in use, nothing is removed and the open fails with -EBUSY.
 * Reading lists each event in its type's words, one per line.
 *
 * Locking: see trace_dynevent.h.
 */

#include <linux/ctype.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "trace_array.h"
#include "trace_dynevent.h"

/* Creating and removing dynamic events, and their list (see the header). */
DEFINE_MUTEX(dyn_event_mutex);
LIST_HEAD(dyn_event_list);
/* The types of dynamic event (dyn_event_mutex). */
static LIST_HEAD(dyn_event_types);

/* The longest write taken at once; mainline's limit is a page. */
#define DYN_EVENT_WRITE_MAX	PAGE_SIZE

/**
 * dyn_event_register() - add a type of dynamic event
 * @ops: its operations, all set
 *
 * Context: process context (init); takes dyn_event_mutex.
 * Return: 0 or -EINVAL.
 */
int dyn_event_register(struct dyn_event_operations *ops)
{
	if (!ops || !ops->create || !ops->show || !ops->is_busy ||
	    !ops->free || !ops->match)
		return -EINVAL;
	mutex_lock(&dyn_event_mutex);
	list_add_tail(&ops->list, &dyn_event_types);
	mutex_unlock(&dyn_event_mutex);
	return 0;
}

/**
 * dyn_event_add() - list a new dynamic event
 * @ev: its generic part
 * @ops: its type
 *
 * Context: dyn_event_mutex held.
 */
void dyn_event_add(struct dyn_event *ev, const struct dyn_event_operations *ops)
{
	lockdep_assert_held(&dyn_event_mutex);
	ev->ops = ops;
	list_add_tail(&ev->list, &dyn_event_list);
}

/**
 * __dyn_event_remove() - remove one dynamic event unless it is in use
 * @ev: the event
 *
 * Context: dyn_event_mutex held; takes trace_mutex.
 * Return: 0 or -EBUSY.
 */
int __dyn_event_remove(struct dyn_event *ev)
{
	int ret = -EBUSY;

	lockdep_assert_held(&dyn_event_mutex);
	mutex_lock(&trace_mutex);
	if (!ev->ops->is_busy(ev)) {
		list_del(&ev->list);
		ret = ev->ops->free(ev);
	}
	mutex_unlock(&trace_mutex);
	return ret;
}

/**
 * dyn_events_remove_match() - remove every dynamic event a removal names
 * @type: only events of this type, or NULL for any
 * @kind: as for dyn_event_operations.match
 * @system: the group, or NULL for any
 * @event: the name, or NULL for every event of @system
 * @argc: the number of words to compare, or 0
 * @argv: the words
 *
 * Either every matching event goes, or, if one is in use, none does.
 *
 * Context: dyn_event_mutex held; takes trace_mutex.
 * Return: 0, -ENOENT if nothing matches, or -EBUSY.
 */
int dyn_events_remove_match(const struct dyn_event_operations *type,
			    char kind, const char *system, const char *event,
			    int argc, const char **argv)
{
	struct dyn_event *ev, *n;
	int ret = -ENOENT;

	lockdep_assert_held(&dyn_event_mutex);
	mutex_lock(&trace_mutex);
	for_each_dyn_event(ev) {
		if ((type && ev->ops != type) ||
		    !ev->ops->match(ev, kind, system, event, argc, argv))
			continue;
		if (ev->ops->is_busy(ev)) {
			ret = -EBUSY;
			goto out;
		}
		ret = 0;
	}
	for_each_dyn_event_safe(ev, n) {
		if ((type && ev->ops != type) ||
		    !ev->ops->match(ev, kind, system, event, argc, argv))
			continue;
		list_del(&ev->list);
		ev->ops->free(ev);
	}
out:
	mutex_unlock(&trace_mutex);
	return ret;
}

/**
 * dyn_events_release_all() - remove every dynamic event of a type
 * @type: the type, or NULL for all of them
 *
 * Either every event goes, or, if one is in use, none does.
 *
 * Context: process context; takes dyn_event_mutex and trace_mutex.
 * Return: 0 or -EBUSY.
 */
int dyn_events_release_all(const struct dyn_event_operations *type)
{
	struct dyn_event *ev, *n;
	int ret = 0;

	mutex_lock(&dyn_event_mutex);
	mutex_lock(&trace_mutex);
	for_each_dyn_event(ev) {
		if ((!type || ev->ops == type) && ev->ops->is_busy(ev)) {
			ret = -EBUSY;
			goto out;
		}
	}
	for_each_dyn_event_safe(ev, n) {
		if (type && ev->ops != type)
			continue;
		list_del(&ev->list);
		ev->ops->free(ev);
	}
out:
	mutex_unlock(&trace_mutex);
	mutex_unlock(&dyn_event_mutex);
	return ret;
}

/**
 * dyn_event_write_lines() - run each line of a write to a command file
 * @ubuf: the user's text
 * @cnt: its length
 * @ppos: the file position, advanced by what was taken
 * @run: called with each line, comments ('#' on) and surrounding blanks
 *	removed; empty lines are skipped
 *
 * Lines run in order and the first error stops the write.  A write
 * longer than a page is taken up to its last whole line in the first
 * page; the caller writes the rest again.
 *
 * Context: process context.
 * Return: the bytes taken, or the error of the line that failed, -EFAULT,
 * -E2BIG (a line longer than a page), or -ENOMEM.
 */
ssize_t dyn_event_write_lines(const char __user *ubuf, size_t cnt,
			      loff_t *ppos, int (*run)(const char *line))
{
	char *buf, *p, *line, *hash;
	int ret = 0;

	if (!cnt)
		return 0;
	buf = memdup_user_nul(ubuf, min_t(size_t, cnt, DYN_EVENT_WRITE_MAX));
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	/* A long write is taken a page at a time, in whole lines. */
	if (cnt > DYN_EVENT_WRITE_MAX) {
		p = strrchr(buf, '\n');
		if (!p) {
			kfree(buf);
			return -E2BIG;
		}
		p[1] = '\0';
		cnt = p + 1 - buf;
	}
	p = buf;
	while (!ret && (line = strsep(&p, "\n")) != NULL) {
		hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		line = strim(line);
		if (*line)
			ret = run(line);
	}
	kfree(buf);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

/*
 * "-:[group/]name [args...]", "-:group/" (the whole group) or
 * "!<kind>:[group/]name args...": remove every event
 * that matches, stopping at the first one in use (-EBUSY).
 */
static int dyn_event_remove_cmd(const char *line)
{
	char *buf, *p, *word, *sys = NULL, *name, *slash;
	const char **argv = NULL;
	int argc = 0, ret = -ENOENT;
	char kind = 0;

	buf = kstrdup(line, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	p = buf;
	word = strsep(&p, " \t");
	if (word[0] == '!') {
		kind = word[1];
		if (!isalpha(kind) || word[2] != ':')
			goto inval;
	}
	word = strchr(word, ':');
	if (!word)
		goto inval;
	name = word + 1;
	slash = strchr(name, '/');
	if (slash) {
		*slash = '\0';
		sys = name;
		name = slash + 1;
	}
	/* "-:group/" names every event of the group. */
	if ((!*name && (!sys || kind)) || (sys && !*sys))
		goto inval;
	if (p) {
		argv = kcalloc(strlen(p) / 2 + 2, sizeof(*argv), GFP_KERNEL);
		if (!argv) {
			ret = -ENOMEM;
			goto out;
		}
		while ((word = strsep(&p, " \t")) != NULL)
			if (*word)
				argv[argc++] = word;
	}

	mutex_lock(&dyn_event_mutex);
	ret = dyn_events_remove_match(NULL, kind, sys, *name ? name : NULL,
				      argc, argv);
	mutex_unlock(&dyn_event_mutex);
	goto out;
inval:
	ret = -EINVAL;
out:
	kfree(argv);
	kfree(buf);
	return ret;
}

static int dyn_event_run(const char *line)
{
	struct dyn_event_operations *ops;
	int ret = -EINVAL;

	if (line[0] == '-' || line[0] == '!') {
		if (line[0] == '-' && line[1] != ':')
			return -EINVAL;
		return dyn_event_remove_cmd(line);
	}
	mutex_lock(&dyn_event_mutex);
	list_for_each_entry(ops, &dyn_event_types, list) {
		ret = ops->create(line);
		if (ret != -ECANCELED)
			break;
	}
	mutex_unlock(&dyn_event_mutex);
	return ret == -ECANCELED ? -EINVAL : ret;
}

/**
 * dyn_event_seq_start() - start a listing of dynamic events
 * @m: the seq_file
 * @pos: the position
 *
 * The seq_file iteration of every listing of dynamic events, which
 * shows the events of its type; dyn_event_mutex is held from here to
 * dyn_event_seq_stop().
 *
 * Context: process context; takes dyn_event_mutex.
 * Return: the list entry at @pos, or NULL.
 */
void *dyn_event_seq_start(struct seq_file *m, loff_t *pos)
{
	mutex_lock(&dyn_event_mutex);
	return seq_list_start(&dyn_event_list, *pos);
}

/**
 * dyn_event_seq_next() - the next dynamic event of a listing
 * @m: the seq_file
 * @v: the current list entry
 * @pos: the position, advanced
 *
 * Context: dyn_event_mutex held.
 * Return: the next list entry, or NULL.
 */
void *dyn_event_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	return seq_list_next(v, &dyn_event_list, pos);
}

/**
 * dyn_event_seq_stop() - end a listing of dynamic events
 * @m: the seq_file
 * @v: the current list entry
 *
 * Context: dyn_event_mutex held; released here.
 */
void dyn_event_seq_stop(struct seq_file *m, void *v)
{
	mutex_unlock(&dyn_event_mutex);
}

static int dyn_event_seq_show(struct seq_file *m, void *v)
{
	struct dyn_event *ev = list_entry(v, struct dyn_event, list);

	ev->ops->show(m, ev);
	seq_putc(m, '\n');
	return 0;
}

static const struct seq_operations dyn_event_seq_ops = {
	.start	= dyn_event_seq_start,
	.next	= dyn_event_seq_next,
	.stop	= dyn_event_seq_stop,
	.show	= dyn_event_seq_show,
};

static int dyn_event_open(struct inode *inode, struct file *filp)
{
	int ret;

	if ((filp->f_mode & FMODE_WRITE) && (filp->f_flags & O_TRUNC)) {
		ret = dyn_events_release_all(NULL);
		if (ret)
			return ret;
	}
	return seq_open(filp, &dyn_event_seq_ops);
}

static ssize_t dyn_event_write(struct file *filp, const char __user *ubuf,
			       size_t cnt, loff_t *ppos)
{
	return dyn_event_write_lines(ubuf, cnt, ppos, dyn_event_run);
}

static const struct file_operations dyn_event_fops = {
	.open		= dyn_event_open,
	.read		= seq_read,
	.write		= dyn_event_write,
	.llseek		= seq_lseek,
	.release	= seq_release,
};

static const struct trace_file_spec dyn_event_files[] = {
	{ "dynamic_events", TRACE_MODE_WRITE, &dyn_event_fops, .top_only = true },
};

/**
 * trace_dynevent_files_create() - create dynamic_events at the top level
 * @tr: the instance
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_dynevent_files_create(struct trace_array *tr)
{
	return trace_create_files(tr, tr->dir, dyn_event_files,
				  ARRAY_SIZE(dyn_event_files),
				  RING_BUFFER_ALL_CPUS);
}
