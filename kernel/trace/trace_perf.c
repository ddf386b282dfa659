// SPDX-License-Identifier: GPL-2.0
/*
 * trace_perf.c - trace events as perf events: perf's tracepoint PMU.
 *
 * perf_event_open() with PERF_TYPE_TRACEPOINT names an event by the id of
 * its format file.  The perf core (kernel/events/core.c) calls in here to
 * open and close it (perf_trace_init()/perf_trace_destroy()) and to
 * schedule it in and out on a CPU (perf_trace_add()/perf_trace_del()).
 *
 * While at least one perf event is open on a trace event, the event's
 * class reg() has its perf probe registered (TRACE_REG_PERF_REGISTER)
 * and call->perf_events holds one list per CPU of the perf events
 * scheduled in there.  A probe that finds its CPU's list empty returns at
 * once; otherwise it builds the record, in the same layout as the ring
 * buffer's (the bytes the format file describes, which perf hands to
 * user space as PERF_SAMPLE_RAW), in a per-CPU buffer of this file
 * (perf_trace_buf_alloc()), and passes it to perf_tp_event(), which runs
 * each perf event's filter and emits the samples.
 *
 * There is one buffer per CPU and per perf recursion context (task,
 * softirq, hardirq, NMI), so that a probe interrupted by another probe on
 * the same CPU never shares a buffer with it.  The buffers exist while
 * any trace event has perf users.
 *
 * Locking: trace_mutex serialises opening and closing: the perf fields of
 * struct trace_event_call (perf_refcount, perf_events) and the buffers
 * are set up and torn down under it.  perf_trace_add()/del() run in perf's
 * scheduling, irqs off, and change only the list of their own CPU; the
 * probes walk that list and use the buffers with preemption disabled, so
 * an unregistration followed by tracepoint_synchronize_unregister() (an
 * RCU grace period) makes both free to go.
 */

#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/perf_event.h>
#include <linux/slab.h>
#include <linux/tracepoint.h>

#include "trace_array.h"
#include "trace_ctx.h"
#include "trace_event_types.h"
#include "trace_filter.h"
#include "trace_perf.h"

/*
 * One per CPU and context; u64-aligned as perf's raw samples expect.  Set
 * and cleared under trace_mutex, read by the probes (READ_ONCE()).
 */
static char __percpu *perf_bufs[PERF_NR_CONTEXTS];
/* The regs a tracepoint probe hands perf, per CPU and context. */
static DEFINE_PER_CPU(struct pt_regs, perf_ctx_regs[PERF_NR_CONTEXTS]);
/* Trace events with perf users (trace_mutex); buffers while non-zero. */
static unsigned int perf_buf_users;

static void perf_bufs_put(void)
{
	int i;

	lockdep_assert_held(&trace_mutex);
	if (--perf_buf_users)
		return;
	for (i = 0; i < PERF_NR_CONTEXTS; i++) {
		free_percpu(perf_bufs[i]);
		perf_bufs[i] = NULL;
	}
}

static int perf_bufs_get(void)
{
	int i;

	lockdep_assert_held(&trace_mutex);
	if (perf_buf_users++)
		return 0;
	for (i = 0; i < PERF_NR_CONTEXTS; i++) {
		perf_bufs[i] = __alloc_percpu(PERF_MAX_TRACE_SIZE, sizeof(u64));
		if (!perf_bufs[i]) {
			perf_bufs_put();
			return -ENOMEM;
		}
	}
	return 0;
}

/**
 * perf_trace_buf_alloc() - the buffer a probe builds a perf record in
 * @size:  the record's size, as perf_trace_buf_submit() will be told
 * @regs:  if not NULL, set to a pt_regs the probe may fill
 *	   (perf_fetch_caller_regs())
 * @rctxp: set to the perf recursion context, which the submit releases
 *
 * The caller has checked that some perf event is scheduled in on this CPU.
 * The last u64 of the record is zeroed: perf copies the padding that
 * aligns the sample to user space.
 *
 * Context: a probe, preemption disabled; any context, NMI included.
 * Return: the buffer, or NULL when @size does not fit (PERF_MAX_TRACE_SIZE;
 * the record is dropped) or a probe of this context is already running
 * on this CPU (recursion).  On NULL nothing is to be released.
 */
void *perf_trace_buf_alloc(int size, struct pt_regs **regs, int *rctxp)
{
	char __percpu *bufs;
	char *buf;
	int rctx;

	if (unlikely(size > PERF_MAX_TRACE_SIZE || size < (int)sizeof(u64)))
		return NULL;
	rctx = perf_swevent_get_recursion_context();
	if (rctx < 0)
		return NULL;
	bufs = READ_ONCE(perf_bufs[rctx]);
	if (unlikely(!bufs)) {
		perf_swevent_put_recursion_context(rctx);
		return NULL;
	}
	buf = this_cpu_ptr(bufs);
	if (regs)
		*regs = this_cpu_ptr(&perf_ctx_regs[rctx]);
	memset(buf + size - sizeof(u64), 0, sizeof(u64));
	*rctxp = rctx;
	return buf;
}
EXPORT_SYMBOL_GPL(perf_trace_buf_alloc);
NOKPROBE_SYMBOL(perf_trace_buf_alloc);

/**
 * perf_trace_buf_update() - fill the common fields of a perf record
 * @record: the record (struct trace_entry first)
 * @type:   its event's id
 *
 * perf_tp_event() calls it before the filters run, so that they see
 * common_pid and the flags as an ftrace filter does.
 *
 * Context: a probe, preemption disabled.
 */
void perf_trace_buf_update(void *record, u16 type)
{
	tracing_generic_entry_update(record, type, trace_ctx_gen());
}
EXPORT_SYMBOL_GPL(perf_trace_buf_update);
NOKPROBE_SYMBOL(perf_trace_buf_update);

/* On while some perf event on a trace event has a filter. */
DEFINE_STATIC_KEY_DEFERRED_FALSE(perf_trace_filters, HZ);
EXPORT_SYMBOL_GPL(perf_trace_filters);

/**
 * __perf_trace_drop_filtered() - drop a record every perf event filters out
 * @rec:  the record, filled but for its common fields
 * @rctx: its perf recursion context, released if the record is dropped
 * @call: its event
 * @head: this CPU's list of @call's perf events
 * @task: the task named by __perf_task(), or NULL
 *
 * The out-of-line half of perf_trace_drop_filtered(), while some perf
 * event has a filter.  If every perf event of @head has one (an inherited
 * event uses its parent's, as perf_tp_event() does) and all of them
 * reject @rec, it is dropped; the common fields, which a filter may read,
 * are filled before the first runs.
 *
 * Context: a probe, preemption disabled.
 * Return: true if @rec is dropped, else false.
 */
bool __perf_trace_drop_filtered(void *rec, int rctx,
				struct trace_event_call *call,
				struct hlist_head *head,
				struct task_struct *task)
{
	struct filter_prog *prog;
	struct perf_event *event;
	bool filled = false;

	if (task || bpf_prog_array_valid(call) || hlist_empty(head))
		return false;
	hlist_for_each_entry_rcu(event, head, hlist_entry) {
		struct event_filter *f = (event->parent ?: event)->filter;

		if (!f)
			return false;
		prog = READ_ONCE(f->prog);
		if (!prog)
			return false;
		if (!filled) {
			tracing_generic_entry_update(rec, call->event.type,
						     trace_ctx_gen());
			filled = true;
		}
		if (trace_filter_match(prog, rec))
			return false;
	}
	perf_swevent_put_recursion_context(rctx);
	return true;
}
EXPORT_SYMBOL_GPL(__perf_trace_drop_filtered);
NOKPROBE_SYMBOL(__perf_trace_drop_filtered);

/*
 * Who may open @p_event on @call.  Counting reads nothing of the records;
 * a sample with PERF_SAMPLE_RAW hands the whole record to user space,
 * which can hold kernel addresses and other tasks' data: that needs what
 * perf_allow_tracepoint() asks (perf_event_paranoid -1 or CAP_PERFMON),
 * except for a per-task event on an event marked CAP_ANY (the syscall
 * events, which show only the task's own arguments).  System-wide events
 * were checked by the perf core already (perf_allow_cpu()).
 */
static int perf_event_perm(struct trace_event_call *call,
			   struct perf_event *p_event)
{
	int ret;

	if (call->perf_perm) {
		ret = call->perf_perm(call, p_event);
		if (ret)
			return ret;
	}
	/* An inherited event: its parent was checked. */
	if (p_event->parent)
		return 0;
	if (!is_sampling_event(p_event) ||
	    !(p_event->attr.sample_type & PERF_SAMPLE_RAW))
		return 0;
	if (p_event->attach_state == PERF_ATTACH_TASK &&
	    call->flags & TRACE_EVENT_FL_CAP_ANY)
		return 0;
	return perf_allow_tracepoint();
}

/*
 * The class's reg().  The trace core's own events (ftrace/print...) have
 * none: as in mainline, perf may open them, and they never fire for it.
 */
static int perf_reg(struct trace_event_call *call, enum trace_reg type,
		    void *data)
{
	return call->class->reg ? call->class->reg(call, type, data) : 0;
}

/* First perf user of @call: lists, buffers, then the probe. */
static int perf_call_get(struct trace_event_call *call)
{
	struct hlist_head __percpu *lists;
	int cpu, ret;

	lockdep_assert_held(&trace_mutex);
	if (call->perf_refcount) {
		call->perf_refcount++;
		return 0;
	}
	ret = perf_bufs_get();
	if (ret)
		return ret;
	lists = alloc_percpu(struct hlist_head);
	if (!lists) {
		perf_bufs_put();
		return -ENOMEM;
	}
	for_each_possible_cpu(cpu)
		INIT_HLIST_HEAD(per_cpu_ptr(lists, cpu));
	call->perf_events = lists;
	ret = perf_reg(call, TRACE_REG_PERF_REGISTER, NULL);
	if (ret) {
		call->perf_events = NULL;
		free_percpu(lists);
		perf_bufs_put();
		return ret;
	}
	call->perf_refcount = 1;
	return 0;
}

/* Last perf user of @call gone: the probe, then what it used. */
static void perf_call_put(struct trace_event_call *call)
{
	lockdep_assert_held(&trace_mutex);
	if (--call->perf_refcount)
		return;
	perf_reg(call, TRACE_REG_PERF_UNREGISTER, NULL);
	/* A probe that started before the unregistration may still run. */
	tracepoint_synchronize_unregister();
	free_percpu(call->perf_events);
	call->perf_events = NULL;
	perf_bufs_put();
}

/**
 * perf_trace_event_attach() - make @p_event a perf user of @call
 * @call:    the event, pinned by the caller (trace_event_try_get_ref())
 * @p_event: the perf event being opened
 *
 * Checks the permissions, registers the perf probe for the first user and
 * tells the class (TRACE_REG_PERF_OPEN).
 *
 * Context: process context, trace_mutex held.
 * Return: 0, -EACCES/-EPERM (permissions), -ENOMEM, or the class's error.
 */
int perf_trace_event_attach(struct trace_event_call *call,
			    struct perf_event *p_event)
{
	int ret;

	lockdep_assert_held(&trace_mutex);
	ret = perf_event_perm(call, p_event);
	if (ret)
		return ret;
	ret = perf_call_get(call);
	if (ret)
		return ret;
	p_event->tp_event = call;
	ret = perf_reg(call, TRACE_REG_PERF_OPEN, p_event);
	if (ret) {
		p_event->tp_event = NULL;
		perf_call_put(call);
	}
	return ret;
}

/**
 * perf_trace_event_detach() - undo perf_trace_event_attach()
 * @p_event: the perf event, scheduled out everywhere
 *
 * Context: process context, trace_mutex held.
 */
void perf_trace_event_detach(struct perf_event *p_event)
{
	struct trace_event_call *call = p_event->tp_event;

	lockdep_assert_held(&trace_mutex);
	perf_reg(call, TRACE_REG_PERF_CLOSE, p_event);
	perf_call_put(call);
}

/**
 * perf_trace_init() - open a perf event on a trace event
 * @p_event: the perf event; attr.config is the trace event's id
 *
 * The trace event is pinned while the perf event exists: a module's event
 * pins the module, a dynamic event cannot be removed (-EBUSY).
 *
 * Context: process context (perf_event_open()).
 * Return: 0; -EINVAL when no event has that id (or the event is going),
 * as mainline; -ENODEV or -EOPNOTSUPP for an event perf cannot use; or
 * perf_trace_event_attach()'s error.
 */
int perf_trace_init(struct perf_event *p_event)
{
	u64 id = p_event->attr.config;
	struct trace_event_call *call;
	int ret = -EINVAL;

	mutex_lock(&trace_mutex);
	list_for_each_entry(call, &ftrace_events, list) {
		if (call->event.type != id)
			continue;
		if (!trace_event_try_get_ref(call))
			break;
		ret = perf_trace_event_attach(call, p_event);
		if (ret)
			trace_event_put_ref(call);
		break;
	}
	mutex_unlock(&trace_mutex);
	return ret;
}

/**
 * perf_trace_destroy() - close a perf event on a trace event
 * @p_event: the perf event, opened by perf_trace_init()
 *
 * Context: process context.
 */
void perf_trace_destroy(struct perf_event *p_event)
{
	struct trace_event_call *call = p_event->tp_event;

	mutex_lock(&trace_mutex);
	perf_trace_event_detach(p_event);
	trace_event_put_ref(call);
	mutex_unlock(&trace_mutex);
}

/**
 * perf_trace_add() - schedule a trace perf event in on this CPU
 * @p_event: the perf event
 * @flags:   PERF_EF_START to start it at once
 *
 * Unless the class takes it itself (TRACE_REG_PERF_ADD returns 1), the
 * event joins this CPU's list, which the probes walk.
 *
 * Context: perf's scheduling on the event's CPU, irqs off.
 * Return: 0.
 */
int perf_trace_add(struct perf_event *p_event, int flags)
{
	struct trace_event_call *call = p_event->tp_event;

	if (!(flags & PERF_EF_START))
		p_event->hw.state = PERF_HES_STOPPED;
	if (!perf_reg(call, TRACE_REG_PERF_ADD, p_event))
		hlist_add_head_rcu(&p_event->hlist_entry,
				   this_cpu_ptr(call->perf_events));
	return 0;
}

/**
 * perf_trace_del() - schedule a trace perf event out
 * @p_event: the perf event
 * @flags:   PERF_EF_* flags (unused)
 *
 * Context: perf's scheduling on the event's CPU, irqs off.
 */
void perf_trace_del(struct perf_event *p_event, int flags)
{
	struct trace_event_call *call = p_event->tp_event;

	if (!perf_reg(call, TRACE_REG_PERF_DEL, p_event))
		hlist_del_rcu(&p_event->hlist_entry);
}

/**
 * ftrace_profile_set_filter() - set a perf event's filter
 * @p_event:    the perf event, on a trace event
 * @event_id:   the trace event's id (attr.config; unused)
 * @filter_str: the filter, in the syntax of the events' filter files
 *
 * perf's --filter and PERF_EVENT_IOC_SET_FILTER.  The filter is compiled
 * by the filter compiler against the event's fields; perf_tp_event()
 * runs it on each record (filter_match_preds()).  As in mainline, a perf
 * event takes one filter: a second is refused.
 *
 * Context: process context, perf's ctx mutex not held.
 * Return: 0; -EINVAL for a perf event on no trace event or a filter that
 * does not compile; -EEXIST if the event has a filter; -ENOMEM.
 */
int ftrace_profile_set_filter(struct perf_event *p_event, int event_id,
			      char *filter_str)
{
	struct trace_event_call *call = p_event->tp_event;
	struct filter_error ferr;
	struct filter_prog *prog;
	struct event_filter *f;
	int ret;

	if (!call)
		return -EINVAL;
	mutex_lock(&trace_mutex);
	ret = -EEXIST;
	if (p_event->filter)
		goto out;
	ret = trace_filter_compile(call, filter_str, &prog, &ferr);
	if (ret) {
		if (ret != -ENOMEM)
			ret = -EINVAL;
		goto out;
	}
	f = event_filter_new(prog, kstrdup(filter_str, GFP_KERNEL));
	if (!f) {
		kfree(prog);
		ret = -ENOMEM;
		goto out;
	}
	static_branch_deferred_inc(&perf_trace_filters);
	/* Seen by the probes from their next record on. */
	smp_store_release(&p_event->filter, f);
out:
	mutex_unlock(&trace_mutex);
	return ret;
}

/**
 * ftrace_profile_free_filter() - drop a perf event's filter
 * @p_event: the perf event
 *
 * Freed after a grace period: a probe may be running it.
 *
 * Context: process context (perf's freeing of the event).
 */
void ftrace_profile_free_filter(struct perf_event *p_event)
{
	struct event_filter *f = p_event->filter;

	if (!f)
		return;
	p_event->filter = NULL;
	event_filter_put(f);
	static_branch_slow_dec_deferred(&perf_trace_filters);
}

/**
 * trace_event_get_offsets() - the end of an event's fixed fields
 * @call: the event
 *
 * For BPF's check of how far a tracepoint program may read in the record.
 *
 * Context: any.
 * Return: the largest offset + size of its fields, 0 if it has none.
 */
int trace_event_get_offsets(struct trace_event_call *call)
{
	struct ftrace_event_field *field;
	struct list_head *head = trace_get_fields(call);
	int end = 0;

	list_for_each_entry(field, head, link)
		end = max(end, field->offset + field->size);
	return end;
}
