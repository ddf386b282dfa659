/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for rethook.c's node pool and per-CPU spares, included at
 * the end of it.  They take and give back nodes as the kprobes handlers
 * do, with preemption disabled, without hooking any return.
 */
#include <kunit/test.h>

static void rht_handler(struct rethook_node *node, void *data,
			unsigned long ret_addr, struct pt_regs *regs)
{
}

static struct rethook *rht_alloc(struct kunit *test, int num)
{
	struct rethook *rh = rethook_alloc(NULL, rht_handler,
					   sizeof(struct rethook_node), num);

	KUNIT_ASSERT_FALSE(test, IS_ERR(rh));
	return rh;
}

/* Where the spare slot of this CPU is now. */
static struct rethook_node *rht_spare(struct rethook *rh)
{
	return READ_ONCE(*raw_cpu_ptr(spares_of(rh)));
}

/*
 * A node given back goes to its CPU's spare slot, and the next take on
 * that CPU gets it back; with the slot full, the pool takes it.  No more
 * than @num nodes are ever out.
 */
static void rht_spare_reuse(struct kunit *test)
{
	struct rethook *rh = rht_alloc(test, 2);
	struct rethook_node *a, *b, *c;

	preempt_disable();
	a = rethook_try_get(rh);
	b = rethook_try_get(rh);
	c = rethook_try_get(rh);
	KUNIT_EXPECT_NOT_NULL(test, a);
	KUNIT_EXPECT_NOT_NULL(test, b);
	KUNIT_EXPECT_NULL(test, c);
	KUNIT_EXPECT_PTR_NE(test, a, b);

	rethook_recycle(a);
	KUNIT_EXPECT_PTR_EQ(test, rht_spare(rh), a);
	rethook_recycle(b);
	KUNIT_EXPECT_PTR_EQ(test, rht_spare(rh), a);

	c = rethook_try_get(rh);
	KUNIT_EXPECT_PTR_EQ(test, c, a);
	KUNIT_EXPECT_NULL(test, rht_spare(rh));
	c = rethook_try_get(rh);
	KUNIT_EXPECT_PTR_EQ(test, c, b);
	KUNIT_EXPECT_NULL(test, rethook_try_get(rh));
	rethook_recycle(a);
	rethook_recycle(b);
	preempt_enable();
	rethook_free(rh);
	rcu_barrier();
}

/*
 * The last free node is another CPU's spare: a take on this CPU, whose
 * slot and pool are empty, finds it there.
 */
static void rht_spare_steal(struct kunit *test)
{
	struct rethook *rh;
	struct rethook_node *a;
	int cpu, other = -1;

	for_each_possible_cpu(cpu)
		if (cpu != raw_smp_processor_id())
			other = cpu;
	if (other < 0)
		kunit_skip(test, "one possible CPU");
	rh = rht_alloc(test, 1);

	preempt_disable();
	a = rethook_try_get(rh);
	KUNIT_ASSERT_NOT_NULL(test, a);
	rethook_recycle(a);
	/* As if @other had given it back. */
	KUNIT_ASSERT_PTR_EQ(test, spare_take(rh, raw_smp_processor_id()), a);
	KUNIT_ASSERT_NULL(test, xchg(per_cpu_ptr(spares_of(rh), other), a));

	KUNIT_EXPECT_PTR_EQ(test, rethook_try_get(rh), a);
	KUNIT_EXPECT_NULL(test, READ_ONCE(*per_cpu_ptr(spares_of(rh), other)));
	KUNIT_EXPECT_NULL(test, rethook_try_get(rh));
	rethook_recycle(a);
	preempt_enable();
	rethook_free(rh);
	rcu_barrier();
}

/*
 * Freed with nodes in the spare slots and one still out: the spares go
 * back to the pool, the stopped rethook hands out nothing, and the node
 * out frees everything when it comes back (KASAN and kmemleak watch).
 */
static void rht_free_with_spares(struct kunit *test)
{
	struct rethook *rh = rht_alloc(test, 3);
	struct rethook_node *a, *b;

	preempt_disable();
	a = rethook_try_get(rh);
	b = rethook_try_get(rh);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	rethook_recycle(a);
	KUNIT_EXPECT_PTR_EQ(test, rht_spare(rh), a);
	preempt_enable();

	rethook_free(rh);
	preempt_disable();
	KUNIT_EXPECT_NULL(test, rethook_try_get(rh));
	preempt_enable();
	rcu_barrier();		/* free_rcu(): the spares are back */

	preempt_disable();
	rethook_recycle(b);	/* the last node: frees the pool */
	preempt_enable();
	rcu_barrier();
}

static struct kunit_case rethook_cases[] = {
	KUNIT_CASE(rht_spare_reuse),
	KUNIT_CASE(rht_spare_steal),
	KUNIT_CASE(rht_free_with_spares),
	{}
};

static struct kunit_suite rethook_suite = {
	.name = "rethook",
	.test_cases = rethook_cases,
};

kunit_test_suite(rethook_suite);
