// SPDX-License-Identifier: GPL-2.0
/*
 * rethook.c - return hooks: run a handler when a hooked function returns.
 *
 * A user (kretprobes, through kernel/kprobes.c) allocates a struct rethook
 * with a pool of nodes.  At a function's entry it takes a node from the
 * pool and hooks the return: the architecture (arch/x86/kernel/rethook.c)
 * saves the return address and the frame in the node and puts its
 * trampoline in the return address's place; the node goes on the head of
 * the task's list (task_struct::rethooks).  When the function returns the
 * trampoline calls rethook_trampoline_handler(), which finds the real
 * return address, runs the handlers of the nodes that hooked this frame,
 * and gives the nodes back.
 *
 * Several nodes may hook one frame (several kretprobes on one function):
 * the first hooked holds the real return address, the later ones the
 * trampoline's.  They sit together at the head of the list, newest first.
 *
 * Lifetime: the nodes are preallocated in an objpool, so taking and giving
 * back never allocates and works in any context.  In front of the pool,
 * each CPU keeps one spare node: a return gives its node to the spare
 * slot of its CPU if that is empty, and the next entry on that CPU takes
 * it back, with one atomic exchange each way instead of the pool's
 * interrupt masking and ring updates.  A CPU whose slot and pool are
 * empty takes another CPU's spare, so every node stays reachable from
 * every CPU and at most @num returns are hooked at once, as without the
 * spares.  rethook_free() stops the
 * handler at once, then, after an RCU grace period (the users take and
 * give back nodes with preemption disabled), releases the pool.  Nodes
 * still hooked on a stack (a task asleep in the hooked function) are
 * dropped one by one when they come back; the last one frees the rethook,
 * from an RCU callback (the pool's memory is vmalloc()ed, and a node
 * comes back with preemption disabled).  The spares go back to the pool
 * after the grace period, when no CPU can take or give one any more.
 *
 * Locking: a task's list is only touched by the task itself (hook, return)
 * or once it is dead (rethook_flush_task()), and, for unwinding, read by
 * others only while the task is not running.  The spare slots are only
 * changed by full atomic exchanges, from any CPU.  No locks.
 */

#include <linux/err.h>
#include <linux/kprobes.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/refcount.h>
#include <linux/rethook.h>
#include <linux/sched.h>
#include <linux/slab.h>

/*
 * A rethook and its spare nodes, one slot per CPU.  @rh comes first: the
 * pool's release frees its context, @rh, with kfree().
 */
struct rethook_spares {
	struct rethook			rh;
	struct rethook_node * __percpu	*spare;
};

static struct rethook_node * __percpu *spares_of(struct rethook *rh)
{
	return container_of(rh, struct rethook_spares, rh)->spare;
}

/*
 * The slots are changed with xchg() and cmpxchg(), which some
 * architectures make atomic by masking interrupts: not against an NMI.
 */
static bool spares_usable(void)
{
	return IS_ENABLED(CONFIG_ARCH_HAVE_NMI_SAFE_CMPXCHG) || !in_nmi();
}

/* Empties @cpu's slot; returns what it held. */
static struct rethook_node *spare_take(struct rethook *rh, int cpu)
{
	return xchg(per_cpu_ptr(spares_of(rh), cpu), NULL);
}

static unsigned long trampoline_addr(void)
{
	return (unsigned long)dereference_symbol_descriptor(arch_rethook_trampoline);
}

static int node_init(void *obj, void *context)
{
	struct rethook_node *node = obj;

	node->rethook = context;
	return 0;
}

/* The pool's last object is back: nothing refers to the rethook now. */
static int pool_release(struct objpool_head *head, void *context)
{
	kfree(context);
	return 0;
}

/**
 * rethook_alloc() - allocate a return hook with a pool of nodes
 * @data:    user data passed to @handler
 * @handler: called when a hooked function returns
 * @size:    size of each node (at least sizeof(struct rethook_node))
 * @num:     number of nodes, the most returns hooked at once
 *
 * Context: process context.
 * Return: the rethook, ERR_PTR(-EINVAL) for bad arguments, or
 * ERR_PTR(-ENOMEM).
 */
struct rethook *rethook_alloc(void *data, rethook_handler_t handler,
			      int size, int num)
{
	struct rethook_spares *rs;
	struct rethook *rh;

	if (!handler || num <= 0 || size < (int)sizeof(struct rethook_node))
		return ERR_PTR(-EINVAL);
	rs = kzalloc(sizeof(*rs), GFP_KERNEL);
	if (!rs)
		return ERR_PTR(-ENOMEM);
	rh = &rs->rh;
	rh->data = data;
	rcu_assign_pointer(rh->handler, handler);
	rs->spare = alloc_percpu(struct rethook_node *);
	if (!rs->spare)
		goto free;
	if (objpool_init(&rh->pool, num, size, GFP_KERNEL, rh, node_init,
			 pool_release))
		goto free_spare;
	return rh;

free_spare:
	free_percpu(rs->spare);
free:
	kfree(rs);
	return ERR_PTR(-ENOMEM);
}

/**
 * rethook_stop() - stop calling the handler
 * @rh: the rethook
 *
 * Returns already hooked still go back to their callers; their handler is
 * not called.
 *
 * Context: any context.
 */
void rethook_stop(struct rethook *rh)
{
	rcu_assign_pointer(rh->handler, NULL);
}

/* The last node of a freed rethook came back: free its pool, then it. */
static void pool_free_rcu(struct rcu_head *head)
{
	objpool_free(&container_of(head, struct rethook, rcu)->pool);
}

static void free_rcu(struct rcu_head *head)
{
	struct rethook *rh = container_of(head, struct rethook, rcu);
	struct rethook_node *node;
	int cpu;

	/*
	 * The handler is gone and the grace period has passed: nothing
	 * takes or gives a spare any more.  Back to the pool with them.
	 */
	for_each_possible_cpu(cpu) {
		node = spare_take(rh, cpu);
		if (node)
			objpool_push(node, &rh->pool);
	}
	free_percpu(spares_of(rh));
	/* Frees @rh now, or when the last hooked node comes back. */
	objpool_fini(&rh->pool);
}

/**
 * rethook_free() - release a rethook
 * @rh: the rethook, or an error pointer or NULL
 *
 * Stops the handler; the memory goes after a grace period, or later if
 * some returns are still hooked.
 *
 * Context: process context.
 */
void rethook_free(struct rethook *rh)
{
	if (IS_ERR_OR_NULL(rh))
		return;
	rethook_stop(rh);
	call_rcu(&rh->rcu, free_rcu);
}

static rethook_handler_t handler_of(struct rethook *rh)
{
	return (rethook_handler_t)rcu_dereference_check(rh->handler,
							rcu_read_lock_any_held());
}

/**
 * rethook_try_get() - take a free node from the pool
 * @rh: the rethook
 *
 * Context: any context, preemption disabled.
 * Return: a node, or NULL when the pool is empty or the rethook stopped.
 */
struct rethook_node *rethook_try_get(struct rethook *rh)
{
	struct rethook_node *node;
	int cpu;

	if (unlikely(!handler_of(rh)))
		return NULL;
	/* rethook_free()'s grace period does not wait for us otherwise. */
	if (unlikely(!rcu_is_watching()))
		return NULL;
	if (!spares_usable())
		return objpool_pop(&rh->pool);
	node = xchg(raw_cpu_ptr(spares_of(rh)), NULL);
	if (likely(node))
		return node;
	node = objpool_pop(&rh->pool);
	if (likely(node))
		return node;
	/* The last free nodes may be other CPUs' spares. */
	for_each_possible_cpu(cpu) {
		node = spare_take(rh, cpu);
		if (node)
			break;
	}
	return node;
}
NOKPROBE_SYMBOL(rethook_try_get);

/**
 * rethook_recycle() - give a node back to its pool
 * @node: the node
 *
 * Context: any context, preemption disabled.
 */
void rethook_recycle(struct rethook_node *node)
{
	struct rethook *rh = node->rethook;

	if (likely(handler_of(rh))) {
		if (spares_usable() &&
		    !cmpxchg(raw_cpu_ptr(spares_of(rh)), NULL, node))
			return;
		objpool_push(node, &rh->pool);
	} else if (refcount_dec_and_test(&rh->pool.ref))
		/*
		 * objpool_drop() without its free: the pool's slots are
		 * vmalloc()ed, and this may be the return trampoline,
		 * preemption disabled.  free_rcu() ran already (it held
		 * the pool's own reference), so @rh->rcu is free again.
		 */
		call_rcu(&rh->rcu, pool_free_rcu);
}
NOKPROBE_SYMBOL(rethook_recycle);

/**
 * rethook_hook() - hook the return of the current function
 * @node:  the node to record the return in
 * @regs:  registers at the function entry
 * @mcount: true when called from an ftrace (mcount) handler
 *
 * Context: the function's entry, preemption disabled.
 */
void rethook_hook(struct rethook_node *node, struct pt_regs *regs, bool mcount)
{
	arch_rethook_prepare(node, regs, mcount);
	__llist_add(&node->llist, &current->rethooks);
}
NOKPROBE_SYMBOL(rethook_hook);

/*
 * From the node after *@cur (the head if *@cur is NULL), the next node
 * that holds a real return address; *@cur is moved onto it.
 */
static __always_inline unsigned long next_ret_addr(struct task_struct *tsk,
						   struct llist_node **cur)
{
	struct llist_node *pos = *cur ? (*cur)->next : tsk->rethooks.first;
	unsigned long tramp = trampoline_addr();

	for (; pos; pos = pos->next) {
		struct rethook_node *rhn =
			container_of(pos, struct rethook_node, llist);

		if (rhn->ret_addr != tramp) {
			*cur = pos;
			return rhn->ret_addr;
		}
	}
	return 0;
}

/**
 * rethook_find_ret_addr() - the real return address behind a hooked frame
 * @tsk:   the task: current, or one that is not running
 * @frame: the frame of the hooked function
 * @cur:   iteration cursor, NULL at first; the unwinder keeps it between
 *	   frames
 *
 * Context: any context.
 * Return: the return address, or 0 if @frame is not hooked.
 */
unsigned long rethook_find_ret_addr(struct task_struct *tsk,
				    unsigned long frame,
				    struct llist_node **cur)
{
	unsigned long ret;

	if (WARN_ON_ONCE(!cur))
		return 0;
	if (tsk != current && task_is_running(tsk))
		return 0;
	do {
		ret = next_ret_addr(tsk, cur);
		if (!ret)
			return 0;
	} while (container_of(*cur, struct rethook_node, llist)->frame != frame);
	return ret;
}
NOKPROBE_SYMBOL(rethook_find_ret_addr);

/**
 * rethook_trampoline_handler() - called by the arch return trampoline
 * @regs:  registers at the return
 * @frame: the frame of the returning function
 *
 * Runs the handlers of the nodes that hooked @frame, newest first, with
 * @regs pointing at the real return address, then gives the nodes back.
 *
 * Context: the return path of a hooked function, in the task itself.
 * Return: the real return address.
 */
unsigned long rethook_trampoline_handler(struct pt_regs *regs,
					 unsigned long frame)
{
	struct llist_node *last = NULL, *pos, *next;
	unsigned long ret_addr;

	ret_addr = next_ret_addr(current, &last);
	if (!ret_addr ||
	    container_of(last, struct rethook_node, llist)->frame != frame) {
		/* Nowhere to return to: the list is corrupt. */
		pr_emerg("rethook: no return address for frame %lx of %s/%d\n",
			 frame, current->comm, current->pid);
		BUG();
	}
	instruction_pointer_set(regs, ret_addr);
	arch_rethook_fixup_return(regs, ret_addr);

	preempt_disable_notrace();
	/*
	 * Handlers may hook (and complete) nested returns, which come and go
	 * on the head of the list; ours stay below them, at [first, last].
	 */
	for (pos = current->rethooks.first; pos; pos = pos->next) {
		struct rethook_node *rhn =
			container_of(pos, struct rethook_node, llist);
		rethook_handler_t handler = handler_of(rhn->rethook);

		/* The later hooks of a frame saved the trampoline. */
		rhn->ret_addr = ret_addr;
		if (handler)
			handler(rhn, rhn->rethook->data, ret_addr, regs);
		if (pos == last)
			break;
	}
	pos = current->rethooks.first;
	current->rethooks.first = last->next;
	for (;;) {
		next = pos->next;
		rethook_recycle(container_of(pos, struct rethook_node, llist));
		if (pos == last)
			break;
		pos = next;
	}
	preempt_enable_notrace();
	return ret_addr;
}
NOKPROBE_SYMBOL(rethook_trampoline_handler);

/**
 * rethook_flush_task() - give back a dead task's hooked returns
 * @tk: the task
 *
 * Context: task exit (delayed_put_task_struct), the task no longer runs.
 */
void rethook_flush_task(struct task_struct *tk)
{
	struct llist_node *pos = __llist_del_all(&tk->rethooks), *next;

	preempt_disable();
	for (; pos; pos = next) {
		next = pos->next;
		rethook_recycle(container_of(pos, struct rethook_node, llist));
	}
	preempt_enable();
}

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/rethook-kunit.h"
#endif
