// SPDX-License-Identifier: GPL-2.0
/*
 * rethook.c - return hooks for kretprobes.
 *
 * Not written yet: rethook_alloc() fails with -EOPNOTSUPP, so
 * register_kretprobe() returns that error and no return is ever hooked.
 * The remaining functions are never reached without a rethook and do
 * nothing.
 */

#include <linux/err.h>
#include <linux/rethook.h>
#include <linux/sched.h>

/**
 * rethook_alloc() - allocate a return hook with a pool of nodes
 * @data:    user data passed to @handler
 * @handler: called when a hooked function returns
 * @size:    size of each node (at least sizeof(struct rethook_node))
 * @num:     number of nodes
 *
 * Context: process context.
 * Return: ERR_PTR(-EOPNOTSUPP): return hooks are not implemented yet.
 */
struct rethook *rethook_alloc(void *data, rethook_handler_t handler,
			      int size, int num)
{
	return ERR_PTR(-EOPNOTSUPP);
}

/**
 * rethook_stop() - stop calling the handler
 * @rh: the rethook (never allocated at this stage)
 *
 * Context: any context.
 */
void rethook_stop(struct rethook *rh)
{
}

/**
 * rethook_free() - release a rethook
 * @rh: the rethook, or an error pointer or NULL
 *
 * Context: process context.
 */
void rethook_free(struct rethook *rh)
{
}

/**
 * rethook_try_get() - take a free node from the pool
 * @rh: the rethook
 *
 * Context: any context.
 * Return: NULL: there is no pool.
 */
struct rethook_node *rethook_try_get(struct rethook *rh)
{
	return NULL;
}

/**
 * rethook_recycle() - give a node back to its pool
 * @node: the node
 *
 * Context: any context.
 */
void rethook_recycle(struct rethook_node *node)
{
}

/**
 * rethook_hook() - hook the return of the current function
 * @node:  the node to record the return in
 * @regs:  registers at the function entry
 * @mcount: true when called from an ftrace (mcount) handler
 *
 * Context: any context.
 */
void rethook_hook(struct rethook_node *node, struct pt_regs *regs, bool mcount)
{
}

/**
 * rethook_find_ret_addr() - the real return address behind a hooked frame
 * @tsk:   the task
 * @frame: the frame pointer of the hooked function
 * @cur:   iteration cursor
 *
 * Context: any context.
 * Return: 0: nothing is ever hooked.
 */
unsigned long rethook_find_ret_addr(struct task_struct *tsk,
				    unsigned long frame,
				    struct llist_node **cur)
{
	return 0;
}

/**
 * rethook_trampoline_handler() - called by the arch return trampoline
 * @regs:  registers at the return
 * @frame: the frame pointer
 *
 * Context: the return path of a hooked function, with irqs off.
 * Return: 0: nothing is ever hooked, so the trampoline is never entered.
 */
unsigned long rethook_trampoline_handler(struct pt_regs *regs,
					 unsigned long frame)
{
	return 0;
}

/**
 * rethook_flush_task() - drop a dead task's pending return hooks
 * @tk: the task
 *
 * Context: task exit (delayed_put_task_struct).
 */
void rethook_flush_task(struct task_struct *tk)
{
}
