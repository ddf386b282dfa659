/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_array.h - a trace instance and what its tracefs files share.
 *
 * A trace instance (struct trace_array) is the top-level tracing directory
 * or one of instances/<name>.  It owns a ring buffer (and, with
 * CONFIG_TRACER_SNAPSHOT, a snapshot buffer of the same shape), its
 * options, clock, CPU mask and error log.  Each concern's files live in
 * their own trace_*.c and are created and torn down through the table in
 * trace_instance.c; they share the helpers of trace_files.c.
 *
 * Locking:
 *
 *  =====================  ==============================================
 *  trace_mutex            the instance list, every instance's settings,
 *                         tracefs file creation and removal, snapshot
 *                         allocation.  Sleeps.
 *  trace_array.ref        under trace_mutex: the list holds one
 *                         reference, each open file and each
 *                         trace_array_get_by_name() user one more; an
 *                         instance with more than one cannot be removed.
 *  trace_array.flags      written under trace_mutex, read anywhere with
 *                         READ_ONCE() (writers and readers test bits).
 *  array_buffer.buffer    swapped with max_buffer.buffer under
 *                         trace_swap_lock (trace_snapshot.c), irqs off;
 *                         writers read it once, with preemption disabled,
 *                         and commit to what they reserved in.  Both
 *                         buffer objects live as long as the instance.
 *  trace_iterator.mutex   one reader at a time on a trace_pipe file.
 *  =====================  ==============================================
 */
#ifndef _TRACE_ARRAY_H
#define _TRACE_ARRAY_H

#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/ring_buffer.h>
#include <linux/trace.h>
#include <linux/trace_events.h>
#include <linux/tracefs.h>

extern struct mutex trace_mutex;

/*
 * Modes of tracefs files, as mainline gives them: the owner and the
 * mount's group (tracefs gid=) may read; only the owner may write.
 * Write-only files (trace_marker, free_buffer) keep their own modes.
 */
#define TRACE_MODE_WRITE	0640
#define TRACE_MODE_READ		0440

/*
 * The options, in the order trace_options lists them.  Their names,
 * defaults and whether this kernel honours them are in trace_options.c's
 * table, indexed by these bits.
 */
enum trace_iter_bit {
	TRACE_ITER_PRINT_PARENT_BIT,
	TRACE_ITER_SYM_OFFSET_BIT,
	TRACE_ITER_SYM_ADDR_BIT,
	TRACE_ITER_VERBOSE_BIT,
	TRACE_ITER_RAW_BIT,
	TRACE_ITER_HEX_BIT,
	TRACE_ITER_BIN_BIT,
	TRACE_ITER_BLOCK_BIT,
	TRACE_ITER_FIELDS_BIT,
	TRACE_ITER_PRINTK_BIT,
	TRACE_ITER_ANNOTATE_BIT,
	TRACE_ITER_USERSTACKTRACE_BIT,
	TRACE_ITER_SYM_USEROBJ_BIT,
	TRACE_ITER_PRINTK_MSGONLY_BIT,
	TRACE_ITER_CONTEXT_INFO_BIT,
	TRACE_ITER_LATENCY_FMT_BIT,
	TRACE_ITER_RECORD_CMD_BIT,
	TRACE_ITER_RECORD_TGID_BIT,
	TRACE_ITER_OVERWRITE_BIT,
	TRACE_ITER_STOP_ON_FREE_BIT,
	TRACE_ITER_IRQ_INFO_BIT,
	TRACE_ITER_MARKERS_BIT,
	TRACE_ITER_EVENT_FORK_BIT,
	TRACE_ITER_TRACE_PRINTK_BIT,
	TRACE_ITER_PAUSE_ON_TRACE_BIT,
	TRACE_ITER_HASH_PTR_BIT,
	TRACE_ITER_STACKTRACE_BIT,
	TRACE_ITER_TEST_NOP_ACCEPT_BIT,
	TRACE_ITER_TEST_NOP_REFUSE_BIT,
	TRACE_ITER_LAST_BIT
};

enum trace_iter_flag {
	TRACE_ITER_PRINT_PARENT = 1UL << TRACE_ITER_PRINT_PARENT_BIT,
	TRACE_ITER_SYM_OFFSET = 1UL << TRACE_ITER_SYM_OFFSET_BIT,
	TRACE_ITER_SYM_ADDR = 1UL << TRACE_ITER_SYM_ADDR_BIT,
	TRACE_ITER_VERBOSE = 1UL << TRACE_ITER_VERBOSE_BIT,
	TRACE_ITER_RAW = 1UL << TRACE_ITER_RAW_BIT,
	TRACE_ITER_HEX = 1UL << TRACE_ITER_HEX_BIT,
	TRACE_ITER_BIN = 1UL << TRACE_ITER_BIN_BIT,
	TRACE_ITER_BLOCK = 1UL << TRACE_ITER_BLOCK_BIT,
	TRACE_ITER_FIELDS = 1UL << TRACE_ITER_FIELDS_BIT,
	TRACE_ITER_PRINTK = 1UL << TRACE_ITER_PRINTK_BIT,
	TRACE_ITER_ANNOTATE = 1UL << TRACE_ITER_ANNOTATE_BIT,
	TRACE_ITER_USERSTACKTRACE = 1UL << TRACE_ITER_USERSTACKTRACE_BIT,
	TRACE_ITER_SYM_USEROBJ = 1UL << TRACE_ITER_SYM_USEROBJ_BIT,
	TRACE_ITER_PRINTK_MSGONLY = 1UL << TRACE_ITER_PRINTK_MSGONLY_BIT,
	TRACE_ITER_CONTEXT_INFO = 1UL << TRACE_ITER_CONTEXT_INFO_BIT,
	TRACE_ITER_LATENCY_FMT = 1UL << TRACE_ITER_LATENCY_FMT_BIT,
	TRACE_ITER_RECORD_CMD = 1UL << TRACE_ITER_RECORD_CMD_BIT,
	TRACE_ITER_RECORD_TGID = 1UL << TRACE_ITER_RECORD_TGID_BIT,
	TRACE_ITER_OVERWRITE = 1UL << TRACE_ITER_OVERWRITE_BIT,
	TRACE_ITER_STOP_ON_FREE = 1UL << TRACE_ITER_STOP_ON_FREE_BIT,
	TRACE_ITER_IRQ_INFO = 1UL << TRACE_ITER_IRQ_INFO_BIT,
	TRACE_ITER_MARKERS = 1UL << TRACE_ITER_MARKERS_BIT,
	TRACE_ITER_EVENT_FORK = 1UL << TRACE_ITER_EVENT_FORK_BIT,
	TRACE_ITER_TRACE_PRINTK = 1UL << TRACE_ITER_TRACE_PRINTK_BIT,
	TRACE_ITER_PAUSE_ON_TRACE = 1UL << TRACE_ITER_PAUSE_ON_TRACE_BIT,
	TRACE_ITER_HASH_PTR = 1UL << TRACE_ITER_HASH_PTR_BIT,
	TRACE_ITER_STACKTRACE = 1UL << TRACE_ITER_STACKTRACE_BIT,
	TRACE_ITER_TEST_NOP_ACCEPT = 1UL << TRACE_ITER_TEST_NOP_ACCEPT_BIT,
	TRACE_ITER_TEST_NOP_REFUSE = 1UL << TRACE_ITER_TEST_NOP_REFUSE_BIT,
};

/**
 * struct array_buffer - a ring buffer and the instance it belongs to
 * @tr: the instance
 * @buffer: the ring buffer, NULL when not allocated (a free snapshot)
 * @time_start: trace clock time of the last reset, for latency output
 */
struct array_buffer {
	struct trace_array	*tr;
	struct trace_buffer	*buffer;
	u64			time_start;
};

/**
 * struct trace_cpu_ref - what a file of an instance points at
 * @tr: the instance
 * @cpu: the CPU of a per_cpu/cpuN file, or RING_BUFFER_ALL_CPUS
 *
 * The i_private of every instance file is one of these, so each handler
 * finds its instance and CPU the same way.
 */
struct trace_cpu_ref {
	struct trace_array	*tr;
	int			cpu;
};

/**
 * struct trace_option_ref - what the file options/<name> points at
 * @tr: the instance
 * @bit: the option's TRACE_ITER_*_BIT
 */
struct trace_option_ref {
	struct trace_array	*tr;
	unsigned int		bit;
};

/**
 * struct trace_array - a trace instance
 * @list: in the list of instances (trace_mutex)
 * @name: the directory name; NULL for the top level
 * @ref: references, see the locking table above
 * @array_buffer: the live buffer
 * @max_buffer: the snapshot buffer; its @buffer is NULL until allocated
 * @flags: TRACE_ITER_* options
 * @clock_id: index of the clock in the trace_clock table (trace_mutex)
 * @buffer_percent: how full a buffer must be to wake trace_pipe_raw
 *	readers waiting for a full page (trace_mutex)
 * @buffer_size: requested per-CPU size in bytes, for buffers allocated
 *	later (the snapshot) and for free_buffer (trace_mutex)
 * @tracing_cpumask: CPUs whose buffers record (trace_mutex)
 * @dir: the instance's tracefs directory
 * @percpu_dir: its per_cpu directory
 * @options_dir: its options directory
 * @cpu_refs: nr_cpu_ids + 1 file targets; the last is the whole instance
 * @err_log: the error_log entries, oldest first (trace_mutex)
 * @n_err_log: how many entries @err_log holds
 * @snapshot_allocated: the snapshot buffer is in use; changed under
 *	trace_mutex and trace_swap_lock, tested by a swap under trace_swap_lock
 *	(trace_snapshot.c)
 * @hist_ts_users: hist triggers that read common_timestamp, which switch
 *	the buffer to absolute time stamps while there are any (trace_mutex)
 * @events: the instance's struct trace_event_file list (trace_mutex)
 * @systems: its struct trace_subsystem_dir list (trace_mutex)
 * @event_dir: its events/ directory, NULL until tracefs is up
 * @filtered_pids: set_event_pid, or NULL (trace_event_pid.c)
 * @filtered_no_pids: set_event_notrace_pid, or NULL
 * @pid_ignore: per CPU, whether the task running there is filtered out;
 *	written by the PID filter's sched_switch probe
 * @syscalls: the enabled syscall events by number, allocated when the
 *	first is enabled (trace_syscalls.c)
 * @marker_file: its ftrace/print event file, whose triggers trace_marker
 *	writes run; set with the instance's event files (trace_mutex)
 * @option_refs: the targets of the files in options/
 */
struct trace_array {
	struct list_head	list;
	const char		*name;
	int			ref;
	struct array_buffer	array_buffer;
	struct array_buffer	max_buffer;
	unsigned long		flags;
	int			clock_id;
	unsigned int		buffer_percent;
	unsigned long		buffer_size;
	cpumask_var_t		tracing_cpumask;
	struct dentry		*dir;
	struct dentry		*percpu_dir;
	struct dentry		*options_dir;
	struct trace_cpu_ref	*cpu_refs;
	struct list_head	err_log;
	unsigned int		n_err_log;
	bool			snapshot_allocated;
	unsigned int		hist_ts_users;
	struct list_head	events;
	struct list_head	systems;
	struct eventfs_inode	*event_dir;
	struct trace_pid_list __rcu *filtered_pids;
	struct trace_pid_list __rcu *filtered_no_pids;
	bool __percpu		*pid_ignore;
	struct trace_syscall_files *syscalls;
	struct trace_event_file	*marker_file;
	struct trace_option_ref	option_refs[TRACE_ITER_LAST_BIT];
};

extern struct trace_array global_trace;
extern struct list_head trace_arrays;

/**
 * struct trace_file_spec - one tracefs file of an instance
 * @name: the file name
 * @mode: its mode
 * @fops: its operations
 * @top_only: created at the top level only
 */
struct trace_file_spec {
	const char			*name;
	umode_t				mode;
	const struct file_operations	*fops;
	bool				top_only;
};

/* trace_instance.c */
struct trace_array *__trace_array_find(const char *name);

/* trace_files.c: the helpers of every group of files */
int trace_array_get(struct trace_array *tr);
void trace_array_put_ref(struct trace_array *tr);
int trace_create_files(struct trace_array *tr, struct dentry *parent,
		       const struct trace_file_spec *specs, size_t n, int cpu);
int trace_open_ref(struct inode *inode, struct file *filp);
int trace_single_open(struct inode *inode, struct file *filp,
		      int (*show)(struct seq_file *m, void *v));
int trace_single_release(struct inode *inode, struct file *filp);
int trace_release_ref(struct inode *inode, struct file *filp);
struct trace_array *trace_file_tr(const struct file *filp);
int trace_file_cpu(const struct file *filp);
void trace_reset_buffer(struct array_buffer *ab, int cpu);

/* trace_printk.c: the format sections of the kernel image */
extern const char *__start___trace_bprintk_fmt[];
extern const char *__stop___trace_bprintk_fmt[];
extern const char *__start___tracepoint_str[];
extern const char *__stop___tracepoint_str[];

/* trace_options.c */
extern struct trace_array *trace_printk_tr;
unsigned long trace_options_default(void);
int trace_set_option(struct trace_array *tr, unsigned int bit, bool on);
int trace_options_create(struct trace_array *tr);

/* trace_buffer_files.c */
int trace_buffer_files_create(struct trace_array *tr);
int trace_percpu_files_create(struct trace_array *tr, int cpu,
			      struct dentry *dir);
bool trace_tracing_is_on(struct trace_array *tr);
void trace_set_tracing_on(struct trace_array *tr, bool on);

/* trace_clocks.c */
typedef u64 (*trace_clock_fn)(void);
trace_clock_fn trace_clock_func(int clock_id);
bool trace_clock_in_ns(struct trace_array *tr);
int trace_clock_files_create(struct trace_array *tr);
int trace_clock_id(const char *name);
int trace_set_clock_by_name(struct trace_array *tr, const char *name);

/* trace_pipe_raw.c */
int trace_pipe_raw_percpu_create(struct trace_array *tr, int cpu,
				 struct dentry *dir);

/* trace_read.c */
int trace_read_files_create(struct trace_array *tr);
int trace_read_percpu_files_create(struct trace_array *tr, int cpu,
				   struct dentry *dir);

/* trace_marker.c */
int trace_marker_files_create(struct trace_array *tr);

/* trace_printk.c */
int trace_printk_files_create(struct trace_array *tr);

/* trace_snapshot.c */
int trace_snapshot_files_create(struct trace_array *tr);
int trace_snapshot_percpu_files_create(struct trace_array *tr, int cpu,
				       struct dentry *dir);
struct trace_buffer *trace_snapshot_twin(struct trace_array *tr);
int trace_snapshot_alloc(struct trace_array *tr);
void trace_snapshot_take(struct trace_array *tr);
void trace_snapshot_free(struct trace_array *tr);
void trace_snapshot_set_clock(struct trace_array *tr, u64 (*clock)(void));

/* trace_error_log.c */
int trace_error_log_files_create(struct trace_array *tr);
void trace_error_log_clear(struct trace_array *tr);
void tracing_log_err(struct trace_array *tr, const char *loc,
		     const char *cmd, const char *const *errs, u8 type, u16 pos);

/* trace_fs.c */
int trace_tracer_files_create(struct trace_array *tr);

/* trace_dynevent.c, trace_synth.c, trace_kprobe.c: top-level command files */
#ifdef CONFIG_DYNAMIC_EVENTS
int trace_dynevent_files_create(struct trace_array *tr);
#else
static inline int trace_dynevent_files_create(struct trace_array *tr)
{
	return 0;
}
#endif
#ifdef CONFIG_SYNTH_EVENTS
int trace_synth_files_create(struct trace_array *tr);
#else
static inline int trace_synth_files_create(struct trace_array *tr)
{
	return 0;
}
#endif
#ifdef CONFIG_KPROBE_EVENTS
int trace_kprobe_files_create(struct trace_array *tr);
#else
static inline int trace_kprobe_files_create(struct trace_array *tr)
{
	return 0;
}
#endif

/* trace_cmdlines.c */
int trace_cmdline_files_create(struct trace_array *tr);
void trace_save_cmdline(struct task_struct *tsk);
int trace_find_tgid(int pid);
void trace_find_cmdline(int pid, char comm[]);

#endif /* _TRACE_ARRAY_H */
