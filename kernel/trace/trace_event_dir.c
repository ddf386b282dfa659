// SPDX-License-Identifier: GPL-2.0
/*
 * trace_event_dir.c - an instance's events/ directory.
 *
 *	events/enable, header_page, header_event
 *	events/<system>/enable, filter
 *	events/<system>/<event>/enable, filter, format, hist, id, inject,
 *				trigger
 *
 * The directories are eventfs directories: their files exist as dentries
 * only while someone looks at them, so thousands of events cost little in
 * each instance.  An event file's data is its struct trace_event_file, a
 * system file's its struct trace_subsystem_dir; each open takes a
 * reference on both that object and the instance, and an object whose
 * event or system went away answers -ENODEV.
 *
 * The filter files hand their text to trace_event_filter.c, the trigger
 * files theirs to trace_trigger.c.
 *
 * Locking: trace_mutex around every look at an event or a system, see
 * trace_event_types.h.  The eventfs callbacks run under eventfs's lock and
 * take none of ours.
 */

#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "trace_array.h"
#include "trace_event_types.h"
#include "trace_filter.h"
#include "trace_hist.h"
#include "trace_trigger.h"

static struct trace_event_file *event_file_of(struct file *filp)
{
	return file_inode(filp)->i_private;
}

static int event_file_open(struct inode *inode, struct file *filp)
{
	struct trace_event_file *file = inode->i_private;
	int ret = -ENODEV;

	mutex_lock(&trace_mutex);
	if (!test_bit(EVENT_FILE_FL_FREED_BIT, &file->flags)) {
		refcount_inc(&file->ref);
		file->tr->ref++;
		ret = 0;
	}
	mutex_unlock(&trace_mutex);
	return ret;
}

static int event_file_release(struct inode *inode, struct file *filp)
{
	struct trace_event_file *file = inode->i_private;

	mutex_lock(&trace_mutex);
	file->tr->ref--;
	mutex_unlock(&trace_mutex);
	trace_event_file_put(file);
	return 0;
}

/* Read a short answer built under trace_mutex. */
static ssize_t read_answer(char __user *ubuf, size_t cnt, loff_t *ppos,
			   const char *buf, int len)
{
	if (len < 0)
		return len;
	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

static int parse_bool_write(const char __user *ubuf, size_t cnt,
			    unsigned long *val)
{
	int ret = kstrtoul_from_user(ubuf, cnt, 10, val);

	if (ret)
		return ret;
	return *val > 1 ? -EINVAL : 0;
}

static ssize_t event_enable_read(struct file *filp, char __user *ubuf,
				 size_t cnt, loff_t *ppos)
{
	struct trace_event_file *file = event_file_of(filp);
	unsigned long flags = READ_ONCE(file->flags);
	char buf[4];
	int len;

	if (flags & EVENT_FILE_FL_FREED)
		return -ENODEV;
	len = scnprintf(buf, sizeof(buf), "%c%s\n",
			(flags & EVENT_FILE_FL_ENABLED) &&
			!(flags & EVENT_FILE_FL_SOFT_DISABLED) ? '1' : '0',
			flags & (EVENT_FILE_FL_SOFT_DISABLED |
				 EVENT_FILE_FL_SOFT_MODE) ? "*" : "");
	return read_answer(ubuf, cnt, ppos, buf, len);
}

static ssize_t event_enable_write(struct file *filp, const char __user *ubuf,
				  size_t cnt, loff_t *ppos)
{
	struct trace_event_file *file = event_file_of(filp);
	unsigned long val;
	int ret = parse_bool_write(ubuf, cnt, &val);

	if (ret)
		return ret;
	mutex_lock(&trace_mutex);
	ret = __trace_event_enable(file, val, false);
	mutex_unlock(&trace_mutex);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations event_enable_fops = {
	.open		= event_file_open,
	.read		= event_enable_read,
	.write		= event_enable_write,
	.release	= event_file_release,
	.llseek		= default_llseek,
};

static ssize_t event_id_read(struct file *filp, char __user *ubuf,
			     size_t cnt, loff_t *ppos)
{
	struct trace_event_file *file = event_file_of(filp);
	char buf[16];
	int len = -ENODEV;

	mutex_lock(&trace_mutex);
	if (!test_bit(EVENT_FILE_FL_FREED_BIT, &file->flags))
		len = scnprintf(buf, sizeof(buf), "%d\n",
				file->event_call->event.type);
	mutex_unlock(&trace_mutex);
	return read_answer(ubuf, cnt, ppos, buf, len);
}

static const struct file_operations event_id_fops = {
	.open		= event_file_open,
	.read		= event_id_read,
	.release	= event_file_release,
	.llseek		= default_llseek,
};

/* A seq_file's text, made by @show under trace_mutex while the file lives. */
static int event_show_locked(struct seq_file *m,
			     void (*show)(struct seq_file *m,
					  struct trace_event_file *file))
{
	struct trace_event_file *file = m->private;
	int ret = -ENODEV;

	mutex_lock(&trace_mutex);
	if (!test_bit(EVENT_FILE_FL_FREED_BIT, &file->flags)) {
		show(m, file);
		ret = 0;
	}
	mutex_unlock(&trace_mutex);
	return ret;
}

static void format_show(struct seq_file *m, struct trace_event_file *file)
{
	trace_event_format_show(m, file->event_call);
}

static int event_format_show(struct seq_file *m, void *v)
{
	return event_show_locked(m, format_show);
}

/* Open an event file whose reads are a seq_file of @show. */
static int event_seq_open(struct inode *inode, struct file *filp,
			  int (*show)(struct seq_file *m, void *v))
{
	int ret = event_file_open(inode, filp);

	if (ret)
		return ret;
	ret = single_open(filp, show, inode->i_private);
	if (ret)
		event_file_release(inode, filp);
	return ret;
}

static int event_seq_release(struct inode *inode, struct file *filp)
{
	single_release(inode, filp);
	return event_file_release(inode, filp);
}

static int event_format_open(struct inode *inode, struct file *filp)
{
	return event_seq_open(inode, filp, event_format_show);
}

static const struct file_operations event_format_fops = {
	.open		= event_format_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= event_seq_release,
};

/* Read what a filter file shows (trace_event_filter.c); @text is freed. */
static ssize_t filter_read(char *text, char __user *ubuf, size_t cnt,
			   loff_t *ppos)
{
	ssize_t ret;

	if (IS_ERR(text))
		return PTR_ERR(text);
	ret = simple_read_from_buffer(ubuf, cnt, ppos, text, strlen(text));
	kfree(text);
	return ret;
}

/*
 * A write to a filter file: its text, stripped, goes to the setter of
 * @file or of @dir (trace_event_filter.c).  At most one byte more than an
 * expression may have is read, so that a longer one is refused as too
 * long.
 */
static ssize_t filter_write(struct trace_event_file *file,
			    struct trace_subsystem_dir *dir,
			    const char __user *ubuf, size_t cnt, loff_t *ppos)
{
	char *buf = memdup_user_nul(ubuf, min_t(size_t, cnt,
						FILTER_MAX_LEN + 1));
	int ret;

	if (IS_ERR(buf))
		return PTR_ERR(buf);
	ret = file ? trace_event_filter_set(file, strim(buf)) :
		     trace_system_filter_set(dir, strim(buf));
	kfree(buf);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static ssize_t event_filter_read(struct file *filp, char __user *ubuf,
				 size_t cnt, loff_t *ppos)
{
	return filter_read(trace_event_filter_show(event_file_of(filp)),
			   ubuf, cnt, ppos);
}

static ssize_t event_filter_write(struct file *filp, const char __user *ubuf,
				  size_t cnt, loff_t *ppos)
{
	return filter_write(event_file_of(filp), NULL, ubuf, cnt, ppos);
}

static const struct file_operations event_filter_fops = {
	.open		= event_file_open,
	.read		= event_filter_read,
	.write		= event_filter_write,
	.release	= event_file_release,
	.llseek		= default_llseek,
};

static int event_trigger_show(struct seq_file *m, void *v)
{
	return event_show_locked(m, trace_trigger_show);
}

static int event_trigger_open(struct inode *inode, struct file *filp)
{
	return event_seq_open(inode, filp, event_trigger_show);
}

/*
 * One command per write (trace_trigger.c).  At most one byte more than a
 * command may have is read, so that a longer one is refused as too long.
 * Opening with O_TRUNC changes nothing: '>' works as '>>'.
 */
static ssize_t event_trigger_write(struct file *filp, const char __user *ubuf,
				   size_t cnt, loff_t *ppos)
{
	char *buf = memdup_user_nul(ubuf, min_t(size_t, cnt,
						TRIGGER_CMD_MAX + 1));
	int ret;

	if (IS_ERR(buf))
		return PTR_ERR(buf);
	ret = trace_trigger_write(event_file_of(filp), buf);
	kfree(buf);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations event_trigger_fops = {
	.open		= event_trigger_open,
	.read		= seq_read,
	.write		= event_trigger_write,
	.llseek		= seq_lseek,
	.release	= event_seq_release,
};

#ifdef CONFIG_HIST_TRIGGERS
static int event_hist_show(struct seq_file *m, void *v)
{
	return event_show_locked(m, hist_file_show);
}

static int event_hist_open(struct inode *inode, struct file *filp)
{
	return event_seq_open(inode, filp, event_hist_show);
}

static const struct file_operations event_hist_fops = {
	.open		= event_hist_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= event_seq_release,
};
#endif

#ifdef CONFIG_TRACE_EVENT_INJECT
/* One injection per write (trace_event_inject.c), of at most a page. */
static ssize_t event_inject_write(struct file *filp, const char __user *ubuf,
				  size_t cnt, loff_t *ppos)
{
	char *buf;
	int ret;

	if (cnt >= PAGE_SIZE)
		return -E2BIG;
	buf = memdup_user_nul(ubuf, cnt);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	ret = trace_event_inject(event_file_of(filp), buf);
	kfree(buf);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations event_inject_fops = {
	.open		= event_file_open,
	.write		= event_inject_write,
	.release	= event_file_release,
	.llseek		= default_llseek,
};
#endif

/* Whether the events a file covers are all off (0), on (1), mixed, none. */
static char enable_summary(struct trace_array *tr, const char *system)
{
	struct trace_event_file *file;
	bool on = false, off = false;

	lockdep_assert_held(&trace_mutex);
	list_for_each_entry(file, &tr->events, list) {
		if (file->event_call->flags & TRACE_EVENT_FL_IGNORE_ENABLE ||
		    !file->event_call->class->reg)
			continue;
		if (system && strcmp(trace_event_system(file), system))
			continue;
		if ((file->flags & EVENT_FILE_FL_ENABLED) &&
		    !(file->flags & EVENT_FILE_FL_SOFT_DISABLED))
			on = true;
		else
			off = true;
	}
	if (on && off)
		return 'X';
	return on ? '1' : off ? '0' : '?';
}

static ssize_t summary_read(char __user *ubuf, size_t cnt, loff_t *ppos,
			    struct trace_array *tr, const char *system)
{
	char buf[3] = "?\n";

	buf[0] = enable_summary(tr, system);
	return simple_read_from_buffer(ubuf, cnt, ppos, buf, 2);
}

static struct trace_subsystem_dir *system_dir_of(struct file *filp)
{
	return file_inode(filp)->i_private;
}

static int system_file_open(struct inode *inode, struct file *filp)
{
	struct trace_subsystem_dir *dir = inode->i_private;
	int ret = -ENODEV;

	mutex_lock(&trace_mutex);
	if (!dir->freed) {
		refcount_inc(&dir->ref);
		dir->tr->ref++;
		ret = 0;
	}
	mutex_unlock(&trace_mutex);
	return ret;
}

static int system_file_release(struct inode *inode, struct file *filp)
{
	struct trace_subsystem_dir *dir = inode->i_private;

	mutex_lock(&trace_mutex);
	dir->tr->ref--;
	mutex_unlock(&trace_mutex);
	trace_subsystem_dir_put(dir);
	return 0;
}

static ssize_t system_enable_read(struct file *filp, char __user *ubuf,
				  size_t cnt, loff_t *ppos)
{
	struct trace_subsystem_dir *dir = system_dir_of(filp);
	ssize_t ret = -ENODEV;

	mutex_lock(&trace_mutex);
	if (!dir->freed)
		ret = summary_read(ubuf, cnt, ppos, dir->tr,
				   dir->subsystem->name);
	mutex_unlock(&trace_mutex);
	return ret;
}

static ssize_t system_enable_write(struct file *filp, const char __user *ubuf,
				   size_t cnt, loff_t *ppos)
{
	struct trace_subsystem_dir *dir = system_dir_of(filp);
	unsigned long val;
	int ret = parse_bool_write(ubuf, cnt, &val);

	if (ret)
		return ret;
	mutex_lock(&trace_mutex);
	ret = dir->freed ? -ENODEV :
	      __trace_set_clr_event(dir->tr, NULL, dir->subsystem->name,
				    NULL, val);
	mutex_unlock(&trace_mutex);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations system_enable_fops = {
	.open		= system_file_open,
	.read		= system_enable_read,
	.write		= system_enable_write,
	.release	= system_file_release,
	.llseek		= default_llseek,
};

static ssize_t system_filter_read(struct file *filp, char __user *ubuf,
				  size_t cnt, loff_t *ppos)
{
	return filter_read(trace_system_filter_show(system_dir_of(filp)),
			   ubuf, cnt, ppos);
}

static ssize_t system_filter_write(struct file *filp, const char __user *ubuf,
				   size_t cnt, loff_t *ppos)
{
	return filter_write(NULL, system_dir_of(filp), ubuf, cnt, ppos);
}

static const struct file_operations system_filter_fops = {
	.open		= system_file_open,
	.read		= system_filter_read,
	.write		= system_filter_write,
	.release	= system_file_release,
	.llseek		= default_llseek,
};

static ssize_t top_enable_read(struct file *filp, char __user *ubuf,
			       size_t cnt, loff_t *ppos)
{
	ssize_t ret;

	mutex_lock(&trace_mutex);
	ret = summary_read(ubuf, cnt, ppos, trace_file_tr(filp), NULL);
	mutex_unlock(&trace_mutex);
	return ret;
}

static ssize_t top_enable_write(struct file *filp, const char __user *ubuf,
				size_t cnt, loff_t *ppos)
{
	unsigned long val;
	int ret = parse_bool_write(ubuf, cnt, &val);

	if (ret)
		return ret;
	mutex_lock(&trace_mutex);
	ret = __trace_set_clr_event(trace_file_tr(filp), NULL, NULL, NULL,
				    val);
	mutex_unlock(&trace_mutex);
	/* Nothing to switch is not an error here. */
	if (ret && ret != -EINVAL)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations top_enable_fops = {
	.open		= trace_open_ref,
	.read		= top_enable_read,
	.write		= top_enable_write,
	.release	= trace_release_ref,
	.llseek		= default_llseek,
};

static int print_header(struct seq_file *m, struct trace_buffer *buffer)
{
	struct trace_seq *s = kmalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	trace_seq_init(s);
	if (buffer)
		ring_buffer_print_page_header(buffer, s);
	else
		ring_buffer_print_entry_header(s);
	trace_print_seq(m, s);
	kfree(s);
	return 0;
}

static int header_page_show(struct seq_file *m, void *v)
{
	return print_header(m, trace_file_tr(m->file)->array_buffer.buffer);
}

static int header_event_show(struct seq_file *m, void *v)
{
	return print_header(m, NULL);
}

static int header_page_open(struct inode *inode, struct file *filp)
{
	return trace_single_open(inode, filp, header_page_show);
}

static int header_event_open(struct inode *inode, struct file *filp)
{
	return trace_single_open(inode, filp, header_event_show);
}

static const struct file_operations header_page_fops = {
	.open		= header_page_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= trace_single_release,
};

static const struct file_operations header_event_fops = {
	.open		= header_event_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= trace_single_release,
};

/*
 * The eventfs callbacks.  They run under eventfs's lock: they look only
 * at what does not change while the directory exists.
 */
static int pick(const char *name, umode_t *mode,
		const struct file_operations **fops,
		const struct trace_file_spec *specs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!strcmp(name, specs[i].name)) {
			*mode = specs[i].mode;
			*fops = specs[i].fops;
			return 1;
		}
	}
	return 0;
}

static const struct trace_file_spec top_files[] = {
	{ "enable",		TRACE_MODE_WRITE,	&top_enable_fops },
	{ "header_page",	TRACE_MODE_READ,	&header_page_fops },
	{ "header_event",	TRACE_MODE_READ,	&header_event_fops },
};

static int top_callback(const char *name, umode_t *mode, void **data,
			const struct file_operations **fops)
{
	return pick(name, mode, fops, top_files, ARRAY_SIZE(top_files));
}

static const struct eventfs_entry top_entries[] = {
	{ .name = "enable",		.callback = top_callback },
	{ .name = "header_page",	.callback = top_callback },
	{ .name = "header_event",	.callback = top_callback },
};

static const struct trace_file_spec system_files[] = {
	{ "enable",	TRACE_MODE_WRITE,	&system_enable_fops },
	{ "filter",	TRACE_MODE_WRITE,	&system_filter_fops },
};

static int system_callback(const char *name, umode_t *mode, void **data,
			   const struct file_operations **fops)
{
	return pick(name, mode, fops, system_files, ARRAY_SIZE(system_files));
}

static void system_release(const char *name, void *data)
{
	trace_subsystem_dir_put(data);
}

static const struct eventfs_entry system_entries[] = {
	{ .name = "enable", .callback = system_callback,
	  .release = system_release },
	{ .name = "filter", .callback = system_callback },
};

static const struct trace_file_spec event_files[] = {
	{ "enable",	TRACE_MODE_WRITE,	&event_enable_fops },
	{ "filter",	TRACE_MODE_WRITE,	&event_filter_fops },
	{ "format",	TRACE_MODE_READ,	&event_format_fops },
#ifdef CONFIG_HIST_TRIGGERS
	{ "hist",	TRACE_MODE_READ,	&event_hist_fops },
#endif
	{ "id",		TRACE_MODE_READ,	&event_id_fops },
#ifdef CONFIG_TRACE_EVENT_INJECT
	{ "inject",	0200,			&event_inject_fops },
#endif
	{ "trigger",	TRACE_MODE_WRITE,	&event_trigger_fops },
};

static int event_callback(const char *name, umode_t *mode, void **data,
			  const struct file_operations **fops)
{
	struct trace_event_file *file = *data;
	struct trace_event_call *call = file->event_call;

	if (test_bit(EVENT_FILE_FL_FREED_BIT, &file->flags))
		return 0;
	if (!strcmp(name, "enable") &&
	    (call->flags & TRACE_EVENT_FL_IGNORE_ENABLE || !call->class->reg))
		return 0;
	if (!strcmp(name, "id") && !call->event.type)
		return 0;
	if (!strcmp(name, "inject") && !call->class->reg)
		return 0;
	return pick(name, mode, fops, event_files, ARRAY_SIZE(event_files));
}

static void event_release(const char *name, void *data)
{
	trace_event_file_put(data);
}

static const struct eventfs_entry event_entries[] = {
	{ .name = "enable",	.callback = event_callback },
	{ .name = "filter",	.callback = event_callback },
	{ .name = "format",	.callback = event_callback,
	  .release = event_release },
#ifdef CONFIG_HIST_TRIGGERS
	{ .name = "hist",	.callback = event_callback },
#endif
	{ .name = "id",		.callback = event_callback },
#ifdef CONFIG_TRACE_EVENT_INJECT
	{ .name = "inject",	.callback = event_callback },
#endif
	{ .name = "trigger",	.callback = event_callback },
};

static int system_dir_create(struct trace_subsystem_dir *dir)
{
	struct eventfs_inode *ei;

	ei = eventfs_create_dir(dir->subsystem->name, dir->tr->event_dir,
				system_entries, ARRAY_SIZE(system_entries),
				dir);
	if (IS_ERR(ei))
		return PTR_ERR(ei);
	refcount_inc(&dir->ref);
	dir->ei = ei;
	return 0;
}

/**
 * trace_event_dir_add_file() - the directory of an event in its instance
 * @file: the event file; its instance's events/ exists
 *
 * The system's directory is made with its first event.
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or a negative error.
 */
int trace_event_dir_add_file(struct trace_event_file *file)
{
	struct trace_subsystem_dir *dir = file->system;
	struct eventfs_inode *ei;
	int ret;

	lockdep_assert_held(&trace_mutex);
	if (!dir->ei) {
		ret = system_dir_create(dir);
		if (ret)
			return ret;
	}
	ei = eventfs_create_dir(trace_event_name(file->event_call), dir->ei,
				event_entries, ARRAY_SIZE(event_entries),
				file);
	if (IS_ERR(ei))
		return PTR_ERR(ei);
	refcount_inc(&file->ref);
	file->ei = ei;
	return 0;
}

/**
 * trace_event_dir_remove_file() - remove an event's directory
 * @file: the event file, marked freed
 *
 * Context: process context, trace_mutex held.
 */
void trace_event_dir_remove_file(struct trace_event_file *file)
{
	eventfs_remove_dir(file->ei);
	file->ei = NULL;
}

/**
 * trace_event_dir_remove_system() - remove a system's directory
 * @dir: the system directory, marked freed
 *
 * Context: process context, trace_mutex held.
 */
void trace_event_dir_remove_system(struct trace_subsystem_dir *dir)
{
	eventfs_remove_dir(dir->ei);
	dir->ei = NULL;
}

/**
 * trace_event_dir_create_events() - an instance's events/ and everything
 *	in it
 * @tr: the instance, whose event files exist
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or a negative error.
 */
int trace_event_dir_create_events(struct trace_array *tr)
{
	struct trace_event_file *file;
	struct eventfs_inode *ei;
	int ret;

	lockdep_assert_held(&trace_mutex);
	ei = eventfs_create_events_dir("events", tr->dir, top_entries,
				       ARRAY_SIZE(top_entries),
				       &tr->cpu_refs[nr_cpu_ids]);
	if (IS_ERR(ei))
		return PTR_ERR(ei);
	tr->event_dir = ei;
	list_for_each_entry(file, &tr->events, list) {
		ret = trace_event_dir_add_file(file);
		if (ret)
			return ret;
	}
	return 0;
}

/**
 * trace_event_dir_remove_events() - remove an instance's events/
 * @tr: the instance, whose event files are gone
 *
 * Context: process context, trace_mutex held.
 */
void trace_event_dir_remove_events(struct trace_array *tr)
{
	lockdep_assert_held(&trace_mutex);
	if (!tr->event_dir)
		return;
	eventfs_remove_events_dir(tr->event_dir);
	tr->event_dir = NULL;
}
