// SPDX-License-Identifier: GPL-2.0
/*
 * trace_syscalls.c - the syscalls:sys_enter_<name> and sys_exit_<name>
 * events.
 *
 * SYSCALL_DEFINE<n>() (include/linux/syscalls.h) emits, for each system
 * call, a struct syscall_metadata (name, argument types and names) and two
 * events of the classes below.  At boot each metadata is matched with its
 * number by looking up the symbol of the syscall table's entry; a syscall
 * that is not in the table gets no events.
 *
 * The records are:
 *
 *	sys_enter_<name>: struct trace_entry; int __syscall_nr;
 *			  unsigned long <arg>[nb_args] (from offset 16)
 *	sys_exit_<name>:  struct trace_entry; int __syscall_nr; long ret;
 *
 * Every syscall goes through the same two tracepoints (raw_syscalls'
 * sys_enter and sys_exit).  An instance registers one probe on each while
 * any of its enter (exit) events is enabled; the probe looks the event
 * file up by syscall number.  perf users share one more probe per
 * direction, which writes the same records into perf's buffers for the
 * syscalls whose events perf has open.  Compat syscalls are not recorded
 * where the architecture says their numbers differ
 * (ARCH_TRACE_IGNORE_COMPAT_SYSCALLS).
 *
 * Locking: the number-to-metadata table is written once at boot, before
 * the events are added.  An instance's table of files is changed under
 * trace_mutex and read by the probes, which run with preemption disabled
 * (RCU-sched); it is freed with the instance, after its probes are gone.
 */

#include <linux/kallsyms.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <trace/events/syscalls.h>
#include <trace/syscall.h>
#include <trace/stages/gate.h>

#include <asm/syscall.h>

#include "trace_array.h"
#include "trace_event_types.h"
#include "trace_output.h"
#include "trace_perf.h"

/**
 * struct syscall_trace_enter - the record of sys_enter_<name>
 * @ent: the common fields
 * @nr: the syscall number
 * @args: its nb_args arguments
 */
struct syscall_trace_enter {
	struct trace_entry	ent;
	int			nr;
	unsigned long		args[];
};

/**
 * struct syscall_trace_exit - the record of sys_exit_<name>
 * @ent: the common fields
 * @nr: the syscall number
 * @ret: its return value
 */
struct syscall_trace_exit {
	struct trace_entry	ent;
	int			nr;
	long			ret;
};

enum syscall_dir { SYSCALL_ENTER, SYSCALL_EXIT, SYSCALL_NR_DIRS };

/**
 * struct trace_syscall_files - an instance's enabled syscall events
 * @users: enabled events per direction; the probe is on while non-zero
 * @file: the enabled event file per direction and syscall number
 */
struct trace_syscall_files {
	unsigned int			users[SYSCALL_NR_DIRS];
	struct trace_event_file __rcu	*file[SYSCALL_NR_DIRS][NR_syscalls];
};

/**
 * arch_syscall_addr() - the function of a syscall number
 * @nr: the number
 *
 * Architectures without a sys_call_table override this.
 *
 * Context: boot.
 * Return: its address in the syscall table.
 */
unsigned long __init __weak arch_syscall_addr(int nr)
{
	return (unsigned long)sys_call_table[nr];
}

#ifndef ARCH_HAS_SYSCALL_MATCH_SYM_NAME
static inline bool arch_syscall_match_sym_name(const char *sym,
					       const char *name)
{
	/* "sys_foo" against "sys_foo", ignoring an arch's prefix letters */
	return !strcmp(sym + 3, name + 3);
}
#endif

#ifdef ARCH_TRACE_IGNORE_COMPAT_SYSCALLS
static inline bool syscall_ignored(struct pt_regs *regs)
{
	return arch_trace_is_compat_syscall(regs);
}
#else
static inline bool syscall_ignored(struct pt_regs *regs)
{
	return false;
}
#endif

/*
 * The metadata of each syscall number, for readers after boot: the
 * section of pointers the metadata is found through is init data.
 */
static struct syscall_metadata *syscall_meta_of[NR_syscalls] __ro_after_init;

static struct syscall_metadata *__init find_syscall_meta(unsigned long addr)
{
	struct syscall_metadata **meta;
	char sym[KSYM_SYMBOL_LEN];

	if (!kallsyms_lookup(addr, NULL, NULL, NULL, sym))
		return NULL;
	for (meta = __start_syscalls_metadata;
	     meta < __stop_syscalls_metadata; meta++)
		if ((*meta)->name &&
		    arch_syscall_match_sym_name(sym, (*meta)->name))
			return *meta;
	return NULL;
}

/**
 * trace_syscalls_init() - give each syscall's metadata its number
 *
 * Called by the event registry before it adds the kernel's events; a
 * metadata left without a number has no events.  Where several numbers
 * share one syscall, its events are those of the first number: calls made
 * under the others are not recorded.
 *
 * Context: boot, before the events are added.
 */
void __init trace_syscalls_init(void)
{
	struct syscall_metadata *meta;
	int nr;

	for (nr = 0; nr < NR_syscalls; nr++) {
		meta = find_syscall_meta(arch_syscall_addr(nr));
		if (meta && meta->syscall_nr < 0)
			meta->syscall_nr = nr;
		syscall_meta_of[nr] = meta;
	}
}

/* The probes: look the file up by number, then record. */

static struct trace_event_file *syscall_file(struct trace_syscall_files *t,
					     enum syscall_dir dir,
					     struct pt_regs *regs, long nr)
{
	struct trace_event_file *file;

	if (nr < 0 || nr >= NR_syscalls || syscall_ignored(regs))
		return NULL;
	file = rcu_dereference_sched(t->file[dir][nr]);
	if (!file || trace_event_gated(file))
		return NULL;
	return file;
}

static void syscall_enter_probe(void *data, struct pt_regs *regs, long id)
{
	struct trace_event_file *file = syscall_file(data, SYSCALL_ENTER,
						     regs, id);
	unsigned long args[6];
	struct syscall_trace_enter *rec;
	struct syscall_metadata *meta;
	struct trace_event_buffer fbuffer __uninitialized;

	if (!file)
		return;
	meta = file->event_call->data;
	rec = trace_event_buffer_reserve(&fbuffer, file,
					 struct_size(rec, args, meta->nb_args));
	if (!rec)
		return;
	rec->nr = id;
	syscall_get_arguments(current, regs, args);
	memcpy(rec->args, args, sizeof(args[0]) * meta->nb_args);
	trace_event_buffer_commit(&fbuffer);
}

static void syscall_exit_probe(void *data, struct pt_regs *regs, long ret)
{
	long nr = syscall_get_nr(current, regs);
	struct trace_event_file *file = syscall_file(data, SYSCALL_EXIT,
						     regs, nr);
	struct syscall_trace_exit *rec;
	struct trace_event_buffer fbuffer __uninitialized;

	if (!file)
		return;
	rec = trace_event_buffer_reserve(&fbuffer, file, sizeof(*rec));
	if (!rec)
		return;
	rec->nr = nr;
	rec->ret = ret;
	trace_event_buffer_commit(&fbuffer);
}

typedef void (*syscall_probe_t)(void *data, struct pt_regs *regs, long arg);

/* Per direction: the tracepoint's register calls and our probe. */
static const struct {
	int (*reg)(syscall_probe_t probe, void *data);
	int (*unreg)(syscall_probe_t probe, void *data);
	syscall_probe_t probe;
} syscall_dirs[SYSCALL_NR_DIRS] = {
	[SYSCALL_ENTER] = { register_trace_sys_enter,
			    unregister_trace_sys_enter, syscall_enter_probe },
	[SYSCALL_EXIT] = { register_trace_sys_exit,
			   unregister_trace_sys_exit, syscall_exit_probe },
};

static enum syscall_dir call_dir(struct trace_event_call *call)
{
	return call->class == &event_class_syscall_exit ? SYSCALL_EXIT :
							  SYSCALL_ENTER;
}

static int syscall_file_add(struct trace_event_file *file)
{
	struct trace_event_call *call = file->event_call;
	struct syscall_metadata *meta = call->data;
	enum syscall_dir dir = call_dir(call);
	struct trace_array *tr = file->tr;
	struct trace_syscall_files *t = tr->syscalls;
	int ret;

	lockdep_assert_held(&trace_mutex);
	/* Kept even if the registration below fails: freed with @tr. */
	if (!t) {
		t = kzalloc(sizeof(*t), GFP_KERNEL);
		if (!t)
			return -ENOMEM;
		tr->syscalls = t;
	}
	if (!t->users[dir]) {
		ret = syscall_dirs[dir].reg(syscall_dirs[dir].probe, t);
		if (ret)
			return ret;
	}
	t->users[dir]++;
	rcu_assign_pointer(t->file[dir][meta->syscall_nr], file);
	return 0;
}

static void syscall_file_del(struct trace_event_file *file)
{
	struct trace_event_call *call = file->event_call;
	struct syscall_metadata *meta = call->data;
	enum syscall_dir dir = call_dir(call);
	struct trace_syscall_files *t = file->tr->syscalls;

	lockdep_assert_held(&trace_mutex);
	RCU_INIT_POINTER(t->file[dir][meta->syscall_nr], NULL);
	if (!--t->users[dir])
		syscall_dirs[dir].unreg(syscall_dirs[dir].probe, t);
}

#ifdef CONFIG_PERF_EVENTS
/*
 * perf: one probe per direction serves every perf user; a bit per syscall
 * number says whether its event has perf users.  Both are changed under
 * trace_mutex; the probes test the bit, then the event's list of this CPU.
 */
static DECLARE_BITMAP(syscall_perf_on[SYSCALL_NR_DIRS], NR_syscalls);
static unsigned int syscall_perf_users[SYSCALL_NR_DIRS];

/* The event of @nr in @dir with perf users, or NULL. */
static struct trace_event_call *syscall_perf_call(enum syscall_dir dir,
						  struct pt_regs *regs,
						  long nr,
						  struct hlist_head **head)
{
	struct syscall_metadata *meta;
	struct trace_event_call *call;

	if (nr < 0 || nr >= NR_syscalls || !test_bit(nr, syscall_perf_on[dir]) ||
	    syscall_ignored(regs))
		return NULL;
	meta = syscall_meta_of[nr];
	call = dir == SYSCALL_ENTER ? meta->enter_event : meta->exit_event;
	*head = this_cpu_ptr(call->perf_events);
	return hlist_empty(*head) ? NULL : call;
}

static void syscall_enter_perf(void *data, struct pt_regs *regs, long id)
{
	struct syscall_trace_enter *rec;
	struct trace_event_call *call;
	unsigned long args[6];
	struct hlist_head *head;
	int nb, size, rctx;

	call = syscall_perf_call(SYSCALL_ENTER, regs, id, &head);
	if (!call)
		return;
	nb = ((struct syscall_metadata *)call->data)->nb_args;
	size = perf_trace_rec_size(struct_size(rec, args, nb));
	rec = perf_trace_buf_alloc(size, NULL, &rctx);
	if (!rec)
		return;
	/* The padding after nr, which perf copies to user space. */
	memset(rec, 0, offsetof(typeof(*rec), args));
	rec->nr = id;
	syscall_get_arguments(current, regs, args);
	memcpy(rec->args, args, sizeof(args[0]) * nb);
	if (perf_trace_drop_filtered(rec, rctx, call, head, NULL))
		return;
	perf_trace_buf_submit(rec, size, rctx, call->event.type, 1, regs,
			      head, NULL);
}

static void syscall_exit_perf(void *data, struct pt_regs *regs, long ret)
{
	long nr = syscall_get_nr(current, regs);
	struct syscall_trace_exit *rec;
	struct trace_event_call *call;
	struct hlist_head *head;
	int size, rctx;

	call = syscall_perf_call(SYSCALL_EXIT, regs, nr, &head);
	if (!call)
		return;
	size = perf_trace_rec_size(sizeof(*rec));
	rec = perf_trace_buf_alloc(size, NULL, &rctx);
	if (!rec)
		return;
	memset(rec, 0, offsetof(typeof(*rec), ret));
	rec->nr = nr;
	rec->ret = ret;
	if (perf_trace_drop_filtered(rec, rctx, call, head, NULL))
		return;
	perf_trace_buf_submit(rec, size, rctx, call->event.type, 1, regs,
			      head, NULL);
}

static const syscall_probe_t syscall_perf_probes[SYSCALL_NR_DIRS] = {
	[SYSCALL_ENTER] = syscall_enter_perf,
	[SYSCALL_EXIT] = syscall_exit_perf,
};

static int syscall_perf_add(struct trace_event_call *call)
{
	struct syscall_metadata *meta = call->data;
	enum syscall_dir dir = call_dir(call);
	int ret;

	lockdep_assert_held(&trace_mutex);
	if (!syscall_perf_users[dir]) {
		ret = syscall_dirs[dir].reg(syscall_perf_probes[dir], NULL);
		if (ret)
			return ret;
	}
	syscall_perf_users[dir]++;
	set_bit(meta->syscall_nr, syscall_perf_on[dir]);
	return 0;
}

static void syscall_perf_del(struct trace_event_call *call)
{
	struct syscall_metadata *meta = call->data;
	enum syscall_dir dir = call_dir(call);

	lockdep_assert_held(&trace_mutex);
	clear_bit(meta->syscall_nr, syscall_perf_on[dir]);
	if (!--syscall_perf_users[dir])
		syscall_dirs[dir].unreg(syscall_perf_probes[dir], NULL);
}
#endif /* CONFIG_PERF_EVENTS */

/*
 * Context: trace_mutex held, but for PERF_ADD and PERF_DEL, which come
 * from perf's scheduling with irqs off.
 */
static int syscall_reg(struct trace_event_call *call, enum trace_reg type,
		       void *data)
{
	if (trace_reg_perf_noop(type))
		return 0;
	switch (type) {
	case TRACE_REG_REGISTER:
		return syscall_file_add(data);
	case TRACE_REG_UNREGISTER:
		syscall_file_del(data);
		return 0;
#ifdef CONFIG_PERF_EVENTS
	case TRACE_REG_PERF_REGISTER:
		return syscall_perf_add(call);
	case TRACE_REG_PERF_UNREGISTER:
		syscall_perf_del(call);
		return 0;
#endif
	default:
		return -EOPNOTSUPP;
	}
}

/**
 * trace_syscalls_free() - free an instance's table of syscall event files
 * @tr: the instance, whose events are all disabled and whose probes have
 *	finished running
 *
 * Context: process context, trace_mutex held.
 */
void trace_syscalls_free(struct trace_array *tr)
{
	kfree(tr->syscalls);
	tr->syscalls = NULL;
}

/* Output: "sys_openat(dfd: ffffff9c, filename: 7ffc..., ...)" */

static enum print_line_t print_syscall_enter(struct trace_iterator *iter,
					     int flags,
					     struct trace_event *event)
{
	struct trace_event_call *call =
		container_of(event, struct trace_event_call, event);
	struct syscall_trace_enter *rec = (void *)iter->ent;
	struct syscall_metadata *meta = call->data;
	bool verbose = READ_ONCE(iter->tr->flags) & TRACE_ITER_VERBOSE;
	struct trace_seq *s = &iter->seq;
	int i;

	if (iter->ent_size < struct_size(rec, args, meta->nb_args))
		return TRACE_TYPE_UNHANDLED;
	trace_seq_printf(s, "%s(", meta->name);
	for (i = 0; i < meta->nb_args; i++) {
		if (i)
			trace_seq_puts(s, ", ");
		if (verbose)
			trace_seq_printf(s, "%s ", meta->types[i]);
		trace_seq_printf(s, "%s: %lx", meta->args[i], rec->args[i]);
	}
	trace_seq_puts(s, ")\n");
	return trace_handle_return(s);
}

static enum print_line_t print_syscall_exit(struct trace_iterator *iter,
					    int flags,
					    struct trace_event *event)
{
	struct trace_event_call *call =
		container_of(event, struct trace_event_call, event);
	struct syscall_trace_exit *rec = (void *)iter->ent;
	struct syscall_metadata *meta = call->data;

	if (iter->ent_size < sizeof(*rec))
		return TRACE_TYPE_UNHANDLED;
	trace_seq_printf(&iter->seq, "%s -> 0x%lx\n", meta->name, rec->ret);
	return trace_handle_return(&iter->seq);
}

struct trace_event_functions enter_syscall_print_funcs = {
	.trace		= print_syscall_enter,
};

struct trace_event_functions exit_syscall_print_funcs = {
	.trace		= print_syscall_exit,
};

/* Fields and print formats */

static int syscall_enter_define_args(struct trace_event_call *call)
{
	struct syscall_metadata *meta = call->data;
	int offset = offsetof(struct syscall_trace_enter, args);
	int i, ret;

	for (i = 0; i < meta->nb_args; i++) {
		ret = trace_define_field(call, meta->types[i], meta->args[i],
					 offset, sizeof(unsigned long), 0,
					 FILTER_OTHER);
		if (ret)
			return ret;
		offset += sizeof(unsigned long);
	}
	return 0;
}

#define SYSCALL_NR_FIELD						\
	{ .type = "int", .name = "__syscall_nr", .size = sizeof(int),	\
	  .align = __alignof__(int), .is_signed = 1,			\
	  .filter_type = FILTER_OTHER }

static struct trace_event_fields syscall_enter_fields[] = {
	SYSCALL_NR_FIELD,
	{ .type = TRACE_FUNCTION_TYPE,
	  .define_fields = syscall_enter_define_args },
	{}
};

static struct trace_event_fields syscall_exit_fields[] = {
	SYSCALL_NR_FIELD,
	{ .type = "long", .name = "ret", .size = sizeof(long),
	  .align = __alignof__(long), .is_signed = 1,
	  .filter_type = FILTER_OTHER },
	{}
};

static struct list_head *syscall_enter_get_fields(struct trace_event_call *call)
{
	struct syscall_metadata *meta = call->data;

	return &meta->enter_fields;
}

/*
 * "a: 0x%08lx, b: 0x%08lx", ((unsigned long)(REC->a)), ((unsigned
 * long)(REC->b)): written into @buf when it is not NULL.
 */
static int enter_print_fmt(struct syscall_metadata *meta, char *buf, int len)
{
	int i, pos = 0;

#define FMT_PUT(...)							\
	(pos += snprintf(buf ? buf + pos : NULL, buf ? len - pos : 0,	\
			 __VA_ARGS__))
	FMT_PUT("\"");
	for (i = 0; i < meta->nb_args; i++)
		FMT_PUT("%s%s: 0x%%08lx", i ? ", " : "", meta->args[i]);
	FMT_PUT("\"");
	for (i = 0; i < meta->nb_args; i++)
		FMT_PUT(", ((unsigned long)(REC->%s))", meta->args[i]);
#undef FMT_PUT
	return pos;
}

static int syscall_event_init(struct trace_event_call *call)
{
	struct syscall_metadata *meta = call->data;
	char *fmt = NULL;
	int len;

	if (meta->syscall_nr < 0)
		return -ENOENT;
	if (call_dir(call) == SYSCALL_ENTER) {
		len = enter_print_fmt(meta, NULL, 0) + 1;
		fmt = kmalloc(len, GFP_KERNEL);
		if (!fmt)
			return -ENOMEM;
		enter_print_fmt(meta, fmt, len);
		call->print_fmt = fmt;
	} else {
		call->print_fmt = (char *)"\"0x%lx\", REC->ret";
	}
	if (!register_trace_event(&call->event)) {
		kfree(fmt);
		return -ENODEV;
	}
	return 0;
}

struct trace_event_class event_class_syscall_enter = {
	.system		= "syscalls",
	.reg		= syscall_reg,
	.fields_array	= syscall_enter_fields,
	.get_fields	= syscall_enter_get_fields,
	.raw_init	= syscall_event_init,
};

struct trace_event_class event_class_syscall_exit = {
	.system		= "syscalls",
	.reg		= syscall_reg,
	.fields_array	= syscall_exit_fields,
	.fields		= LIST_HEAD_INIT(event_class_syscall_exit.fields),
	.raw_init	= syscall_event_init,
};

/**
 * trace_syscall_name() - the name of a syscall, by number
 * @nr: the number
 *
 * For hist's .syscall modifier.
 *
 * Context: any.
 * Return: "sys_<name>", or NULL if @nr has no metadata.
 */
const char *trace_syscall_name(long nr)
{
	if (nr < 0 || nr >= NR_syscalls || !syscall_meta_of[nr])
		return NULL;
	return syscall_meta_of[nr]->name;
}
