// SPDX-License-Identifier: GPL-2.0
/*
 * trace_options.c - an instance's options: trace_options and options/.
 *
 * The options are listed once, in trace_option_descs[] below, by the bits
 * of trace_array.h.  Both files show and set the same bits:
 * "trace_options" takes "name" or "noname", options/<name> takes 0 or 1.
 * An option this kernel cannot honour is shown but refused with -EINVAL;
 * one whose change needs more than a bit flip has a hook in
 * option_hooks[].
 *
 * Locking: changes are made under trace_mutex; readers of the bits use
 * READ_ONCE() on trace_array.flags.
 */

#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "trace_array.h"

struct trace_option_desc {
	const char	*name;
	bool		on;
	bool		allowed;
};

/* Name, default, and whether it can be set (else -EINVAL), by bit. */
static const struct trace_option_desc
trace_option_descs[TRACE_ITER_LAST_BIT] = {
	[TRACE_ITER_PRINT_PARENT_BIT] = { "print-parent", true, true },
	[TRACE_ITER_SYM_OFFSET_BIT] = { "sym-offset", false, true },
	[TRACE_ITER_SYM_ADDR_BIT] = { "sym-addr", false, true },
	[TRACE_ITER_VERBOSE_BIT] = { "verbose", false, true },
	[TRACE_ITER_RAW_BIT] = { "raw", false, true },
	[TRACE_ITER_HEX_BIT] = { "hex", false, true },
	[TRACE_ITER_BIN_BIT] = { "bin", false, true },
	[TRACE_ITER_BLOCK_BIT] = { "block", false, true },
	[TRACE_ITER_FIELDS_BIT] = { "fields", false, false },
	[TRACE_ITER_PRINTK_BIT] = { "trace_printk", true, true },
	[TRACE_ITER_ANNOTATE_BIT] = { "annotate", true, true },
	[TRACE_ITER_USERSTACKTRACE_BIT] = { "userstacktrace", false, false },
	[TRACE_ITER_SYM_USEROBJ_BIT] = { "sym-userobj", false, false },
	[TRACE_ITER_PRINTK_MSGONLY_BIT] = { "printk-msg-only", false, true },
	[TRACE_ITER_CONTEXT_INFO_BIT] = { "context-info", true, true },
	[TRACE_ITER_LATENCY_FMT_BIT] = { "latency-format", false, false },
	[TRACE_ITER_RECORD_CMD_BIT] = { "record-cmd", true, true },
	[TRACE_ITER_RECORD_TGID_BIT] = { "record-tgid", false, true },
	[TRACE_ITER_OVERWRITE_BIT] = { "overwrite", true, true },
	[TRACE_ITER_STOP_ON_FREE_BIT] = { "disable_on_free", false, true },
	[TRACE_ITER_IRQ_INFO_BIT] = { "irq-info", true, true },
	[TRACE_ITER_MARKERS_BIT] = { "markers", true, true },
	[TRACE_ITER_EVENT_FORK_BIT] = { "event-fork", false, true },
	[TRACE_ITER_TRACE_PRINTK_BIT] = { "trace_printk_dest", false, true },
	[TRACE_ITER_PAUSE_ON_TRACE_BIT] = { "pause-on-trace", false, true },
	[TRACE_ITER_HASH_PTR_BIT] = { "hash-ptr", true, true },
	[TRACE_ITER_STACKTRACE_BIT] = { "stacktrace", false, true },
	[TRACE_ITER_TEST_NOP_ACCEPT_BIT] = { "test_nop_accept", false, true },
	[TRACE_ITER_TEST_NOP_REFUSE_BIT] = { "test_nop_refuse", false, false },
};

/**
 * trace_options_default() - the options of a new instance
 *
 * Context: any.
 * Return: the TRACE_ITER_* flags that are on by default.
 */
unsigned long trace_options_default(void)
{
	unsigned long flags = 0;
	int i;

	for (i = 0; i < TRACE_ITER_LAST_BIT; i++)
		if (trace_option_descs[i].on)
			flags |= 1UL << i;
	return flags;
}

/* The instance trace_printk() writes into (trace_mutex; RCU readers). */
struct trace_array *trace_printk_tr = &global_trace;

static int trace_apply_overwrite(struct trace_array *tr, bool on)
{
	ring_buffer_change_overwrite(tr->array_buffer.buffer, on);
	if (tr->max_buffer.buffer)
		ring_buffer_change_overwrite(tr->max_buffer.buffer, on);
	return 0;
}

static int trace_apply_record_cmd(struct trace_array *tr, bool on)
{
	/* Saving the names again also remembers the running task's. */
	if (on)
		trace_save_cmdline(current);
	return 0;
}

/*
 * One instance has trace_printk_dest: setting it takes it from the
 * holder, clearing it gives it back to the top level, which therefore
 * cannot clear it itself.
 */
static int trace_apply_printk_dest(struct trace_array *tr, bool on)
{
	struct trace_array *to = on ? tr : &global_trace;
	struct trace_array *from = trace_printk_tr;
	unsigned long mask = TRACE_ITER_TRACE_PRINTK;

	if (!on && tr == &global_trace)
		return -EINVAL;
	if (from != to) {
		WRITE_ONCE(from->flags, from->flags & ~mask);
		WRITE_ONCE(to->flags, to->flags | mask);
		WRITE_ONCE(trace_printk_tr, to);
	}
	return 0;
}

/* What changing an option does beyond the bit, by bit; may refuse. */
static int (*const option_hooks[TRACE_ITER_LAST_BIT])(struct trace_array *,
						       bool) = {
	[TRACE_ITER_OVERWRITE_BIT]	= trace_apply_overwrite,
	[TRACE_ITER_RECORD_CMD_BIT]	= trace_apply_record_cmd,
	[TRACE_ITER_RECORD_TGID_BIT]	= trace_apply_record_cmd,
	[TRACE_ITER_TRACE_PRINTK_BIT]	= trace_apply_printk_dest,
};

/**
 * trace_set_option() - set or clear one option of an instance
 * @tr: the instance
 * @bit: the TRACE_ITER_*_BIT
 * @on: the new value
 *
 * Context: process context, trace_mutex held.
 * Return: 0, or -EINVAL for an option this kernel refuses to set (or a
 * per-instance option set on an instance that cannot take it).
 */
int trace_set_option(struct trace_array *tr, unsigned int bit, bool on)
{
	unsigned long mask = 1UL << bit;

	lockdep_assert_held(&trace_mutex);
	if (bit >= TRACE_ITER_LAST_BIT)
		return -EINVAL;
	if (!!(tr->flags & mask) == on)
		return 0;
	if (!trace_option_descs[bit].allowed)
		return -EINVAL;
	if (option_hooks[bit]) {
		int ret = option_hooks[bit](tr, on);

		if (ret)
			return ret;
	}
	WRITE_ONCE(tr->flags, on ? tr->flags | mask : tr->flags & ~mask);
	return 0;
}

static int trace_option_lookup(const char *name)
{
	int i;

	for (i = 0; i < TRACE_ITER_LAST_BIT; i++)
		if (!strcmp(trace_option_descs[i].name, name))
			return i;
	return -EINVAL;
}

static int trace_options_show(struct seq_file *m, void *v)
{
	struct trace_array *tr = trace_file_tr(m->file);
	unsigned long flags = READ_ONCE(tr->flags);
	int i;

	for (i = 0; i < TRACE_ITER_LAST_BIT; i++)
		seq_printf(m, "%s%s\n", flags & (1UL << i) ? "" : "no",
			   trace_option_descs[i].name);
	return 0;
}

static int trace_options_open(struct inode *inode, struct file *filp)
{
	return trace_single_open(inode, filp, trace_options_show);
}

static ssize_t trace_options_write(struct file *filp, const char __user *ubuf,
				   size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = trace_file_tr(filp);
	char buf[64], *name;
	bool on = true;
	int bit, ret;

	if (cnt >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, cnt))
		return -EFAULT;
	buf[cnt] = '\0';
	name = strim(buf);
	if (!strncmp(name, "no", 2) && trace_option_lookup(name) < 0) {
		on = false;
		name += 2;
	}
	bit = trace_option_lookup(name);
	if (bit < 0)
		return -EINVAL;

	mutex_lock(&trace_mutex);
	ret = trace_set_option(tr, bit, on);
	mutex_unlock(&trace_mutex);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations trace_options_fops = {
	.open		= trace_options_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.write		= trace_options_write,
	.release	= trace_single_release,
};

/* options/<name>: i_private is the instance's option_refs[bit]. */

static int trace_option_file_open(struct inode *inode, struct file *filp)
{
	struct trace_option_ref *ref = inode->i_private;
	int ret = trace_array_get(ref->tr);

	if (!ret)
		filp->private_data = ref;
	return ret;
}

static int trace_option_file_release(struct inode *inode, struct file *filp)
{
	struct trace_option_ref *ref = inode->i_private;

	trace_array_put_ref(ref->tr);
	return 0;
}

static ssize_t trace_option_file_read(struct file *filp, char __user *ubuf,
				      size_t cnt, loff_t *ppos)
{
	struct trace_option_ref *ref = filp->private_data;
	bool on = READ_ONCE(ref->tr->flags) & (1UL << ref->bit);

	return simple_read_from_buffer(ubuf, cnt, ppos, on ? "1\n" : "0\n", 2);
}

static ssize_t trace_option_file_write(struct file *filp,
				       const char __user *ubuf, size_t cnt,
				       loff_t *ppos)
{
	struct trace_option_ref *ref = filp->private_data;
	unsigned long val;
	int ret;

	ret = kstrtoul_from_user(ubuf, cnt, 10, &val);
	if (ret)
		return ret;
	if (val > 1)
		return -EINVAL;
	mutex_lock(&trace_mutex);
	ret = trace_set_option(ref->tr, ref->bit, val);
	mutex_unlock(&trace_mutex);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations trace_option_file_fops = {
	.open		= trace_option_file_open,
	.read		= trace_option_file_read,
	.write		= trace_option_file_write,
	.release	= trace_option_file_release,
	.llseek		= generic_file_llseek,
};

static const struct trace_file_spec options_files[] = {
	{ "trace_options", TRACE_MODE_WRITE, &trace_options_fops },
};

/**
 * trace_options_create() - create trace_options and options/ of an instance
 * @tr: the instance
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_options_create(struct trace_array *tr)
{
	struct trace_option_ref *refs;
	struct dentry *d;
	int i, ret;

	ret = trace_create_files(tr, tr->dir, options_files,
				 ARRAY_SIZE(options_files),
				 RING_BUFFER_ALL_CPUS);
	if (ret)
		return ret;

	tr->options_dir = tracefs_create_dir("options", tr->dir);
	if (IS_ERR_OR_NULL(tr->options_dir))
		return -ENOMEM;
	refs = tr->option_refs;
	for (i = 0; i < TRACE_ITER_LAST_BIT; i++) {
		refs[i].tr = tr;
		refs[i].bit = i;
		d = tracefs_create_file(trace_option_descs[i].name,
					TRACE_MODE_WRITE, tr->options_dir, &refs[i],
					&trace_option_file_fops);
		if (IS_ERR_OR_NULL(d))
			return -ENOMEM;
	}
	return 0;
}
