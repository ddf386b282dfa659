// SPDX-License-Identifier: GPL-2.0
/*
 * trace_set_event.c - events by name: set_event, available_events and the
 * trace_event= boot parameter.
 *
 * A name is "system:event", "system:" or "system:*" (the whole system),
 * ":event" or "*:event" (that event in any system), a bare word (a system
 * or an event of that name), or "*" (everything); "!" in front switches
 * off instead.  set_event takes any number of names separated by white
 * space; opened with O_TRUNC (">") it first switches every event off.
 * Reading it lists the enabled events, one "system:event" per line.
 * trace_event= takes the same names separated by commas, and is applied
 * as soon as the kernel's events are registered.
 *
 * Locking: trace_mutex around every walk of an instance's events.
 */

#include <linux/ctype.h>
#include <linux/init.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <asm/setup.h>

#include "trace_array.h"
#include "trace_event_types.h"

/**
 * trace_user_words() - copy a write of words separated by white space
 * @ubuf: the user's buffer
 * @cnt: its length
 * @used: set to the bytes taken: all of @cnt, or for a write longer than a
 *	page, up to its last white space, so that the next write() goes on
 *	with a whole word
 *
 * Context: process context.
 * Return: the NUL-terminated copy, to kfree(), or an ERR_PTR(): -EINVAL
 * for a word longer than a page.
 */
char *trace_user_words(const char __user *ubuf, size_t cnt, size_t *used)
{
	size_t len = min_t(size_t, cnt, PAGE_SIZE);
	char *buf = memdup_user_nul(ubuf, len);
	char *end;

	if (IS_ERR(buf))
		return buf;
	if (len < cnt) {
		for (end = buf + len; end > buf && !isspace(end[-1]); end--)
			;
		if (end == buf) {
			kfree(buf);
			return ERR_PTR(-EINVAL);
		}
		*end = '\0';
		len = end - buf;
	}
	*used = len;
	return buf;
}

/* One name, with its optional "!"; @word is modified. */
static int set_event_word(struct trace_array *tr, char *word)
{
	bool set = true;

	if (*word == '!') {
		set = false;
		word++;
	}
	return trace_set_clr_event_str(tr, word, set);
}

static bool file_listed(struct trace_event_file *file, bool enabled_only)
{
	struct trace_event_call *call = file->event_call;

	if (call->flags & TRACE_EVENT_FL_IGNORE_ENABLE || !call->class->reg)
		return false;
	return !enabled_only || (file->flags & EVENT_FILE_FL_ENABLED &&
				 !(file->flags & EVENT_FILE_FL_SOFT_DISABLED));
}

static int list_events(struct seq_file *m, bool enabled_only)
{
	struct trace_array *tr = trace_file_tr(m->file);
	struct trace_event_file *file;

	mutex_lock(&trace_mutex);
	list_for_each_entry(file, &tr->events, list)
		if (file_listed(file, enabled_only))
			seq_printf(m, "%s:%s\n", trace_event_system(file),
				   trace_event_name(file->event_call));
	mutex_unlock(&trace_mutex);
	return 0;
}

static int set_event_show(struct seq_file *m, void *v)
{
	return list_events(m, true);
}

static int available_events_show(struct seq_file *m, void *v)
{
	return list_events(m, false);
}

static int set_event_open(struct inode *inode, struct file *filp)
{
	int ret = trace_single_open(inode, filp, set_event_show);

	if (ret || !(filp->f_mode & FMODE_WRITE) ||
	    !(filp->f_flags & O_TRUNC))
		return ret;
	mutex_lock(&trace_mutex);
	__trace_set_clr_event(trace_file_tr(filp), NULL, NULL, NULL, false);
	mutex_unlock(&trace_mutex);
	return 0;
}

static ssize_t set_event_write(struct file *filp, const char __user *ubuf,
			       size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = trace_file_tr(filp);
	char *buf, *p, *word;
	size_t used;
	int ret = 0;

	if (!cnt)
		return 0;
	buf = trace_user_words(ubuf, cnt, &used);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	p = buf;
	mutex_lock(&trace_mutex);
	while (!ret && (word = strsep(&p, " \t\n")) != NULL)
		if (*word)
			ret = set_event_word(tr, word);
	mutex_unlock(&trace_mutex);
	kfree(buf);
	if (ret)
		return ret;
	*ppos += used;
	return used;
}

static const struct file_operations set_event_fops = {
	.open		= set_event_open,
	.read		= seq_read,
	.write		= set_event_write,
	.llseek		= seq_lseek,
	.release	= trace_single_release,
};

static int available_events_open(struct inode *inode, struct file *filp)
{
	return trace_single_open(inode, filp, available_events_show);
}

static const struct file_operations available_events_fops = {
	.open		= available_events_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= trace_single_release,
};

static const struct trace_file_spec set_event_files[] = {
	{ "set_event",		TRACE_MODE_WRITE,	&set_event_fops },
	{ "available_events",	TRACE_MODE_READ,	&available_events_fops, true },
};

/**
 * trace_set_event_files_create() - set_event and available_events
 * @tr: the instance
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_set_event_files_create(struct trace_array *tr)
{
	return trace_create_files(tr, tr->dir, set_event_files,
				  ARRAY_SIZE(set_event_files),
				  RING_BUFFER_ALL_CPUS);
}

static char boot_events[COMMAND_LINE_SIZE] __initdata;

static int __init set_trace_event(char *str)
{
	strscpy(boot_events, str, sizeof(boot_events));
	return 1;
}
__setup("trace_event=", set_trace_event);

/**
 * trace_event_apply_boot_events() - enable what trace_event= names
 *
 * Names that match nothing are reported and skipped.
 *
 * Context: boot, once the kernel's events are registered.
 */
void __init trace_event_apply_boot_events(void)
{
	char *p = boot_events, *word;

	mutex_lock(&trace_mutex);
	while ((word = strsep(&p, ",")) != NULL) {
		word = strim(word);
		if (*word && set_event_word(&global_trace, word))
			pr_warn("tracing: trace_event=: no event '%s'\n", word);
	}
	mutex_unlock(&trace_mutex);
}
