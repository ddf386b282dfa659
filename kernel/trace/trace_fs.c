// SPDX-License-Identifier: GPL-2.0
/*
 * trace_fs.c - tracefs itself: the README, the tracer files of every
 * instance (current_tracer and available_tracers, with the nop tracer
 * only: this kernel traces events, not functions), and the automount
 * of tracefs at /sys/kernel/debug/tracing.
 *
 * Locking: README and available_tracers are constant; current_tracer
 * accepts only "nop", so it has no state.
 */

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/init.h>
#include <linux/mount.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "trace_array.h"

static const char readme_text[] =
	"tracing mini-HOWTO:\n\n"
	"Event tracing in tracefs: what the files here do.\n\n"
	"  mount -t tracefs [-o [gid=<gid>]] nodev /sys/kernel/tracing\n"
	"      gid= gives the files to a group (the mode is unchanged)\n\n"
	"  echo 0 > tracing_on      stop recording (echo 1 to resume)\n"
	"  echo > trace             empty the buffer\n\n"
	"Reading the buffer:\n"
	"  trace                    all records, oldest first, left in place\n"
	"  trace_pipe               the same, consumed; waits for new records\n"
	"  per_cpu/cpuN/            trace, trace_pipe, trace_pipe_raw (binary\n"
	"                           sub-buffers), snapshot, snapshot_raw,\n"
	"                           stats, buffer_size_kb, for one CPU\n"
	"  error_log                why recent commands were refused\n\n"
	"The buffer:\n"
	"  buffer_size_kb           size per CPU (per_cpu/cpuN/ for one CPU)\n"
	"  buffer_total_size_kb     size of all CPUs together\n"
	"  buffer_subbuf_size_kb    size of one sub-buffer (page)\n"
	"  buffer_percent           fill level that wakes trace_pipe_raw\n"
	"                           splice readers (0-100)\n"
	"  free_buffer              shrink the buffer when this file closes\n"
	"  tracing_cpumask          CPUs that record\n"
	"  trace_clock              the clock of the time stamps:\n"
	"      local     this CPU's clock, fastest, not synced across CPUs\n"
	"      global    one clock for all CPUs, slower\n"
	"      counter   an increasing count, not a time\n"
	"      uptime    jiffies since boot\n"
	"      perf      the clock perf uses\n"
	"      mono      monotonic time\n"
	"      mono_raw  monotonic time without NTP adjustment\n"
	"      boot      monotonic time including suspend\n"
	"      tai       international atomic time\n"
	"      x86-tsc   the TSC, in cycles\n"
	"  timestamp_mode           delta or absolute time stamps\n\n"
	"Events:\n"
	"  available_events         every event, as system:event\n"
	"  set_event                the enabled events; write system:event,\n"
	"                           system:*, *:event, a name, or *; !name\n"
	"                           disables; '>' replaces, '>>' adds\n"
	"  events/                  one directory per system and event:\n"
	"                           enable (0, 1, X mixed, ? none), format, id,\n"
	"                           filter, trigger, hist, inject\n"
	"  set_event_pid            record events of these pids only\n"
	"  set_event_notrace_pid    do not record events of these pids\n"
	"                           (with options/event-fork children follow)\n\n"
	"Event triggers (events/<system>/<event>/trigger):\n"
	"  echo '<cmd>[:count] [if <filter>]' > trigger      add one\n"
	"  echo '!<cmd>[:count] [if <filter>]' > trigger     remove it (the\n"
	"                           count and filter are not compared)\n"
	"  '>' adds like '>>'; reading lists the triggers, or the commands\n"
	"  An event with triggers calls them even when it is not enabled\n"
	"  (soft mode: its enable file reads 0* or 1*).\n"
	"  <cmd> is one of:\n"
	"      traceon, traceoff    switch tracing_on (one of the two per event)\n"
	"      snapshot             take a snapshot (allocates the buffer)\n"
	"      stacktrace           record the kernel stack\n"
	"      enable_event:<system>:<event>\n"
	"      disable_event:<system>:<event>\n"
	"                           switch another event of this instance\n"
	"                           (one trigger per target event)\n"
	"      enable_hist:<system>:<event>\n"
	"      disable_hist:<system>:<event>\n"
	"                           resume or pause another event's hist\n"
	"                           triggers\n"
	"      hist:<args>          a histogram (below)\n"
	"  count: fire this many times at most (shown as count=N, or\n"
	"         unlimited); the filter is an event filter on the\n"
	"         triggering event's fields\n"
	"  Example: echo 'stacktrace:5 if bytes_req >= 65536' > \\\n"
	"           events/kmem/kmalloc/trigger\n"
	"  trace_marker writes fire the triggers of events/ftrace/print.\n\n"
	"Hist triggers (read the result in events/<system>/<event>/hist):\n"
	"  hist:keys=<field1[,field2,...]>[:values=<field1[,field2,...]>]\n"
	"       [:sort=<field1[,field2,...]>][:size=#entries]\n"
	"       [:pause][:continue][:clear][:name=histname1][:nohitcount]\n"
	"       [if <filter>]\n"
	"  keys (key=) up to three fields, compound; a field of the event,\n"
	"       common_pid, common_cpu (cpu), common_timestamp, or\n"
	"       common_stacktrace (stacktrace) for the kernel stack\n"
	"  values (vals=, val=) numeric fields summed per entry; hitcount,\n"
	"       the number of hits, is always kept, and shown unless\n"
	"       nohitcount (NOHC) is given\n"
	"  sort up to two keys or values, each .ascending (the default) or\n"
	"       .descending; by default hitcount\n"
	"  size entries of the table, 128 to 131072, rounded up to a power\n"
	"       of two (default 2048); hits of new keys that find it full\n"
	"       are counted as Dropped\n"
	"  pause, continue (cont), clear: applied with '>>' to the same\n"
	"       trigger, stop, resume or empty it; pause on a new trigger\n"
	"       starts it paused\n"
	"  name= shares one table between compatible triggers, on any event\n"
	"  Modifiers, appended to a field name:\n"
	"      .hex         show as hex (keys and values)\n"
	"      .sym         show an address as a symbol\n"
	"      .sym-offset  as a symbol and offset\n"
	"      .syscall     show a syscall number as its name\n"
	"      .execname    show common_pid as the task's name\n"
	"      .log2        group by power of two\n"
	"      .buckets=N   group in buckets of N\n"
	"      .usecs       common_timestamp in microseconds\n"
	"      .percent     show a value as a percentage of its total\n"
	"      .graph       show a value as a bar\n"
	"      .stacktrace  show a long[] field as a stack\n"
	"  Several hist triggers may sit on one event; '!' before the same\n"
	"  command removes one.\n"
	"  Variables and expressions (inter-event hist):\n"
	"      <var1>=<field|var_ref|numeric_literal>[,<var2>=...]  set per key\n"
	"      a field can be any field, or the special string 'common_stacktrace'\n"
	"      var_ref: $<var>, or <system>.<event>.$<var> for another event's;\n"
	"      reading another event's variable uses it up (read once)\n"
	"      expressions: + - * / on fields, $vars and numbers, three\n"
	"      operators at most; .usecs and .buckets=N apply inside them\n"
	"      common_timestamp (ns, .usecs for us) switches the buffer to\n"
	"      absolute time stamps and the 'global' clock; [:clock=<clock>]\n"
	"      picks another\n"
	"  Handlers and actions, [:<handler>.<action>] ...:\n"
	"      handlers: onmatch(<system>.<event>), onmax(var), onchange(var)\n"
	"      actions:  trace(<synthetic_event>,param list)  fire a synthetic\n"
	"                event (onmatch() also takes <synthetic_event>(params))\n"
	"                save(field,...)  keep fields with the entry\n"
	"                snapshot()       take a snapshot of the buffer\n"
	"      params: $vars, fields, or <system>.<event>.<field> of the\n"
	"      matching event\n"
	"  events/<system>/<event>/inject: write 'field=value ...' to record\n"
	"  one event with those values, through its triggers.\n\n"
	"Dynamic events (defined at run time, in events/<group>/<event>/):\n"
	"  dynamic_events           all of them; a line adds or removes one:\n"
	"      s:[synthetic/]<event> <field>[;<field>] ...  a synthetic event\n"
	"      -:[<group>/]<event>  removes one; so does '!' and the line\n"
	"                           that defined it; -:<group>/ the group\n"
	"      '>' removes them all, or none if any is in use (enabled, with\n"
	"      triggers, or held by a module)\n"
#ifdef CONFIG_KPROBE_EVENTS
	"  kprobe_events            Create/append/remove/show the kprobe events\n"
	"                           (also in dynamic_events); kprobe_profile\n"
	"                           counts each one's hits and misses\n"
	"    Format: p[:[<group>/][<event>]] <place> [<args>]\n"
	"            r[maxactive][:[<group>/][<event>]] <place> [<args>]\n"
#endif
#ifdef CONFIG_PROBE_EVENTS
	"            e[:[<group>/][<event>]] <attached-group>.<attached-event> [<args>] [if <filter>]\n"
#endif
#ifdef CONFIG_KPROBE_EVENTS
	"            -:[<group>/][<event>]\n"
	"      place: [<module>:]<symbol>[+<offset>]|<memaddr>\n"
	"      place (kretprobe): [<module>:]<symbol>[+<offset>]%return|<memaddr>\n"
	"      group: kprobes (p, r) or eprobes (e) by default; event:\n"
	"             p_<symbol>_<offset>, r_<symbol>_<offset>, or the\n"
	"             attached event's name\n"
	"      args: [<name>=]fetcharg[:type]\n"
	"   fetcharg: %<register>, @<address>, @<symbol>[+|-<offset>], $<field>,\n"
	"             $stack<index>, $stack, $retval, $comm, $arg<N>,\n"
	"             +|-[u]<offset>(<fetcharg>), \\imm-value, \\\"imm-string\"\n"
	"      kernel return probes support: $retval, $arg<N>, $comm\n"
	"      type: s8/16/32/64, u8/16/32/64, x8/16/32/64, char, string,\n"
	"            ustring, symbol, symstr, %pd/%pD,\n"
	"            b<bit-width>@<bit-offset>/<container-size>,\n"
	"            <type>\\[<array-size>\\]\n"
	"      Example: echo 'p:myprobe do_sys_open dfd=%ax filename=%dx' >> kprobe_events\n"
	"               echo 'r:myretprobe do_sys_open $retval' >> kprobe_events\n"
#endif
	"  synthetic_events         the synthetic events, which modules and\n"
	"                           hist actions fire; a line adds one:\n"
	"      <event> <type> <field>[; <type> <field>] ...\n"
	"      !<event>             removes it\n"
	"      <type>: u8 u16 u32 u64 s8 s16 s32 s64, char short int long and\n"
	"      their unsigned forms, pid_t, gfp_t, bool; <type> <field>[N] is\n"
	"      an array; char <field>[N] a string (N <= 256), char <field>[]\n"
	"      a dynamic string, long[] or unsigned long[] a stack\n"
	"      Example: echo 'myevent u64 lat; char name[]; long[] stack' >> synthetic_events\n\n"
	"Writing into the buffer:\n"
	"  trace_marker             a line of text\n"
	"  trace_marker_raw         binary: a 4-byte id, then data\n\n"
	"Settings:\n"
	"  trace_options, options/  output and recording options; write the\n"
	"                           name to set one, no<name> to clear it\n"
	"  current_tracer           the tracer; this kernel has only nop\n"
	"  available_tracers        the tracers current_tracer accepts\n"
	"  snapshot                 echo 1: swap in a second buffer, keeping\n"
	"                           the live one's records; read it for help\n"
	"  saved_cmdlines_size      how many task names are remembered\n"
	"  saved_cmdlines, saved_tgids  the names and thread groups\n"
	"  printk_formats           formats of trace_printk() records\n"
	"  instances/               mkdir NAME for another instance with its\n"
	"                           own buffer and files; rmdir NAME\n";

static int readme_show(struct seq_file *m, void *v)
{
	seq_puts(m, readme_text);
	return 0;
}

static int readme_open(struct inode *inode, struct file *filp)
{
	return single_open(filp, readme_show, NULL);
}

static const struct file_operations readme_fops = {
	.open		= readme_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= single_release,
};

/* The tracers this kernel has: only nop, which records nothing itself. */
static const char *const tracers[] = { "nop" };

static ssize_t available_tracers_read(struct file *filp, char __user *ubuf,
				      size_t cnt, loff_t *ppos)
{
	char buf[64];
	int len = 0;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(tracers); i++)
		len += scnprintf(buf + len, sizeof(buf) - len, "%s ",
				 tracers[i]);
	len += scnprintf(buf + len, sizeof(buf) - len, "\n");
	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

static const struct file_operations available_tracers_fops = {
	.open		= simple_open,
	.read		= available_tracers_read,
	.llseek		= generic_file_llseek,
};

static ssize_t current_tracer_read(struct file *filp, char __user *ubuf,
				   size_t cnt, loff_t *ppos)
{
	return simple_read_from_buffer(ubuf, cnt, ppos, "nop\n", 4);
}

static ssize_t current_tracer_write(struct file *filp,
				    const char __user *ubuf, size_t cnt,
				    loff_t *ppos)
{
	char buf[32];
	size_t i;

	if (cnt >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, cnt))
		return -EFAULT;
	buf[cnt] = '\0';
	for (i = 0; i < ARRAY_SIZE(tracers); i++)
		if (!strcmp(strim(buf), tracers[i]))
			break;
	if (i == ARRAY_SIZE(tracers))
		return -EINVAL;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations current_tracer_fops = {
	.open		= simple_open,
	.read		= current_tracer_read,
	.write		= current_tracer_write,
	.llseek		= generic_file_llseek,
};

static const struct trace_file_spec tracer_files[] = {
	{ "README",		TRACE_MODE_READ, &readme_fops, .top_only = true },
	{ "available_tracers",	TRACE_MODE_READ, &available_tracers_fops },
	{ "current_tracer",	TRACE_MODE_WRITE, &current_tracer_fops },
};

/**
 * trace_tracer_files_create() - README, current_tracer, available_tracers
 * @tr: the instance
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_tracer_files_create(struct trace_array *tr)
{
	return trace_create_files(tr, tr->dir, tracer_files,
				  ARRAY_SIZE(tracer_files),
				  RING_BUFFER_ALL_CPUS);
}

/* /sys/kernel/debug/tracing: tracefs, mounted there when first used. */
static struct vfsmount *trace_automount(struct dentry *mntpt, void *data)
{
	struct file_system_type *type;
	struct fs_context *fc;
	struct vfsmount *mnt;

	type = get_fs_type("tracefs");
	if (!type)
		return NULL;
	fc = fs_context_for_submount(type, mntpt);
	put_filesystem(type);
	if (IS_ERR(fc))
		return ERR_CAST(fc);
	mnt = fc_mount(fc);
	put_fs_context(fc);
	/* finish_automount() wants a reference beyond the mount's own. */
	if (!IS_ERR(mnt))
		mntget(mnt);
	return mnt;
}

static int __init trace_fs_init(void)
{
	if (IS_ENABLED(CONFIG_DEBUG_FS) &&
	    IS_ERR_OR_NULL(debugfs_create_automount("tracing", NULL,
						    trace_automount, NULL)))
		pr_warn("tracing: no automount at /sys/kernel/debug/tracing\n");
	return 0;
}
fs_initcall(trace_fs_init);
