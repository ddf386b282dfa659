// SPDX-License-Identifier: GPL-2.0
/*
 * trace_fs.c - the files at the top of tracefs (/sys/kernel/tracing).
 *
 * At this stage of the series the top level holds only README, which says
 * what exists.  Each later layer adds its files here or in its own file.
 *
 * Locking: the files are created once at boot and never removed; README is
 * read-only text.
 */

#include <linux/fs.h>
#include <linux/init.h>
#include <linux/seq_file.h>
#include <linux/tracefs.h>

static const char readme_text[] =
	"tracing mini-HOWTO:\n\n"
	"This kernel's event tracing is being rebuilt; this tree is its first\n"
	"stage and offers only this file.\n\n"
	" README\t\t- this text\n\n"
	"Not yet available (each reports an error where the kernel asks for it):\n"
	"  the ring buffer, trace and trace_pipe, instances, events and\n"
	"  set_event, filters, triggers, hist, synthetic and kprobe events,\n"
	"  perf tracepoint events, trace_printk.\n";

static int readme_show(struct seq_file *m, void *v)
{
	seq_puts(m, readme_text);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(readme);

static int __init trace_fs_init(void)
{
	struct dentry *d;

	d = tracefs_create_file("README", 0444, NULL, NULL, &readme_fops);
	if (IS_ERR_OR_NULL(d)) {
		pr_warn("tracing: could not create tracefs README\n");
		return d ? PTR_ERR(d) : -ENOMEM;
	}
	return 0;
}
fs_initcall(trace_fs_init);
