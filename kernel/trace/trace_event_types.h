/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_event_types.h - the event layer's objects and what its files share.
 *
 * An event is a struct trace_event_call (built by include/trace/stages/ for
 * a TRACE_EVENT(), or by the trace core, or at run time by a dynamic event
 * type).  Its class holds the field descriptions.  Each instance has one
 * struct trace_event_file per event, the thing that is enabled, filtered
 * and opened, and one struct trace_subsystem_dir per system.
 *
 * Locking:
 *
 *  ===========================  ===========================================
 *  trace_mutex                  the list of events, every instance's event
 *                               files and system directories, enabling,
 *                               field lists.  Sleeps.
 *  trace_event_file.flags       changed with set_bit()/clear_bit() under
 *                               trace_mutex; the probes read it locklessly.
 *  trace_event_file.ref         refcount_t: one for the instance's list,
 *                               one for the eventfs directory (dropped by
 *                               its release callback), one per open file
 *                               and per trace_get_event_file() user.  The file is freed at zero.
 *                               A file whose event is gone has
 *                               EVENT_FILE_FL_FREED set (under trace_mutex)
 *                               and its event_call must not be touched.
 *  trace_subsystem_dir.ref      the same rule.  Its subsystem pointer is
 *                               valid until freed is set (trace_mutex).
 *                               The eventfs release callbacks drop these
 *                               references under eventfs's own lock, so
 *                               freeing takes no lock of ours.
 *  trace_array.pid lists        replaced under trace_mutex, read by the
 *                               probes under RCU (sched) with preemption
 *                               disabled.
 *  trace_event_file.filter      the same: replaced under trace_mutex with
 *                               EVENT_FILE_FL_FILTERED, read by the probes
 *                               under RCU (sched), freed after a grace
 *                               period (trace_event_filter.c).
 *  ===========================  ===========================================
 */
#ifndef _TRACE_EVENT_TYPES_H
#define _TRACE_EVENT_TYPES_H

#include <linux/list.h>
#include <linux/refcount.h>
#include <linux/trace_events.h>

struct trace_array;
struct seq_file;
struct syscall_metadata;

/**
 * struct ftrace_event_field - one field of a record
 * @link: in the class's field list (common fields in their own list)
 * @type: the C type as the format file shows it ("pid_t",
 *	"__data_loc char[]")
 * @name: the field name
 * @offset: from the start of the record
 * @size: in bytes
 * @len: elements of a fixed array (printed "name[len]"), -1 for a
 *	flexible array ("name[]"), 0 otherwise
 * @is_signed: for comparisons and the format file
 * @filter_type: FILTER_* kind, for the filter compiler
 */
struct ftrace_event_field {
	struct list_head	link;
	const char		*type;
	const char		*name;
	int			offset;
	int			size;
	int			len;
	unsigned int		is_signed:1;
	int			filter_type;
};

/**
 * struct event_subsystem - a system name shared by the instances
 * @list: in the list of systems (trace_mutex)
 * @name: the name ("sched")
 * @ref: the trace_subsystem_dirs using it
 */
struct event_subsystem {
	struct list_head	list;
	const char		*name;
	int			ref;
};

/**
 * struct trace_subsystem_dir - a system's directory in one instance
 * @list: in the instance's list of systems
 * @subsystem: the shared system; not to be used once @freed is set
 * @tr: the instance
 * @ei: its eventfs directory
 * @ref: see the locking table
 * @nr_events: event files of @tr in this system (trace_mutex)
 * @freed: the directory is gone; open files answer -ENODEV (trace_mutex)
 * @filter_text: what its filter file shows, NULL for "none" (trace_mutex)
 */
struct trace_subsystem_dir {
	struct list_head	list;
	struct event_subsystem	*subsystem;
	struct trace_array	*tr;
	struct eventfs_inode	*ei;
	refcount_t		ref;
	int			nr_events;
	bool			freed;
	char			*filter_text;
};

/* The kernel image's events and constants (vmlinux.lds.h) */
extern struct trace_event_call *__start_ftrace_events[];
extern struct trace_event_call *__stop_ftrace_events[];
extern struct trace_eval_map *__start_ftrace_eval_maps[];
extern struct trace_eval_map *__stop_ftrace_eval_maps[];
extern struct syscall_metadata *__start_syscalls_metadata[];
extern struct syscall_metadata *__stop_syscalls_metadata[];

/* trace_event_registry.c */
extern struct list_head ftrace_events;
int trace_event_add_instance(struct trace_array *tr);
void trace_event_remove_instance(struct trace_array *tr);
struct trace_event_file *__trace_find_event_file(struct trace_array *tr,
						 const char *system,
						 const char *event);
void trace_event_file_put(struct trace_event_file *file);
void trace_subsystem_dir_put(struct trace_subsystem_dir *dir);
const char *trace_event_system(struct trace_event_file *file);
bool __trace_event_call_busy(struct trace_event_call *call);
void __trace_event_call_remove(struct trace_event_call *call);

/* trace_event_fields.c */
int trace_event_define_fields(struct trace_event_call *call);
void trace_event_free_fields(struct trace_event_call *call);
struct ftrace_event_field *trace_find_event_field(struct trace_event_call *call,
						  const char *name);
extern struct list_head ftrace_common_fields;
void trace_event_format_show(struct seq_file *m, struct trace_event_call *call);

/**
 * struct event_file_link - an instance's file that records an event which
 *	is not a tracepoint's (probes, synthetic events), on its owner's
 *	RCU list
 * @list: in the owner's list, changed under trace_mutex
 * @file: the file
 */
struct event_file_link {
	struct list_head		list;
	struct trace_event_file		*file;
};

/* trace_event_enable.c */
int __trace_event_enable(struct trace_event_file *file, bool enable,
			 bool soft);
int event_file_link(struct list_head *files, struct trace_event_file *file);
void event_file_unlink(struct list_head *files, struct trace_event_file *file);
int __trace_set_clr_event(struct trace_array *tr, const char *match,
			  const char *sub, const char *event, bool set);
int trace_set_clr_event_str(struct trace_array *tr, char *buf, bool set);

/* trace_event_buffer.c */
void trace_event_buffer_discard(struct trace_event_buffer *fbuffer);

/* trace_event_inject.c */
int trace_event_inject(struct trace_event_file *file, char *buf);

/* trace_syscalls.c */
#ifdef CONFIG_FTRACE_SYSCALLS
const char *trace_syscall_name(long nr);
#else
static inline const char *trace_syscall_name(long nr)
{
	return NULL;
}
#endif

/* trace_event_dir.c */
int trace_event_dir_create_events(struct trace_array *tr);
int trace_event_dir_add_file(struct trace_event_file *file);
void trace_event_dir_remove_file(struct trace_event_file *file);
void trace_event_dir_remove_system(struct trace_subsystem_dir *dir);
void trace_event_dir_remove_events(struct trace_array *tr);

/* trace_set_event.c */
char *trace_user_words(const char __user *ubuf, size_t cnt, size_t *used);
int trace_set_event_files_create(struct trace_array *tr);
void trace_event_apply_boot_events(void);

/* trace_syscalls.c */
#ifdef CONFIG_FTRACE_SYSCALLS
void trace_syscalls_init(void);
void trace_syscalls_free(struct trace_array *tr);
#else
static inline void trace_syscalls_init(void) { }
static inline void trace_syscalls_free(struct trace_array *tr) { }
#endif

/* trace_event_pid.c */
int trace_event_pid_files_create(struct trace_array *tr);
void trace_event_pid_free(struct trace_array *tr);
bool trace_event_pid_filtering(struct trace_array *tr);

/* trace_event_buffer.c */
void trace_event_cmdline_record(bool start);

#endif /* _TRACE_EVENT_TYPES_H */
