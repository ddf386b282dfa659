/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for tracing_map.c, included at the end of it: inserts and
 * sums, a full map and its exact drop accounting, merged duplicates,
 * variable-length keys, and concurrent inserts from both CPUs
 * and from hard-irq context, where every hit must be accounted for.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/hrtimer.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>

static struct tracing_map *tmt_map(struct kunit *test, unsigned int bits,
				   unsigned int key_size, unsigned int n_sums)
{
	struct tracing_map *map = tracing_map_create(bits, key_size, n_sums,
						     0);

	KUNIT_ASSERT_FALSE(test, IS_ERR(map));
	return map;
}

static void tmt_hit(struct tracing_map *map, u64 key, u64 val)
{
	struct tracing_map_elt *elt;

	elt = tracing_map_insert(map, &key, sizeof(key), NULL);
	if (!elt)
		return;
	tracing_map_hit_begin(elt);
	if (tracing_map_n_sums(map) > 1)
		tracing_map_add(elt, 1, val);
	tracing_map_hit_end(elt);
}

/* The entry of @key in @snap, or NULL. */
static const struct tracing_map_entry *
tmt_find(const struct tracing_map_snap *snap, u64 key)
{
	unsigned int i;

	for (i = 0; i < snap->nr; i++)
		if (snap->entries[i].key_len == sizeof(key) &&
		    !memcmp(snap->entries[i].key, &key, sizeof(key)))
			return &snap->entries[i];
	return NULL;
}

static void tracing_map_create_bounds(struct kunit *test)
{
	struct tracing_map *map;

	KUNIT_EXPECT_TRUE(test, IS_ERR(tracing_map_create(6, 8, 1, 0)));
	KUNIT_EXPECT_TRUE(test, IS_ERR(tracing_map_create(18, 8, 1, 0)));
	KUNIT_EXPECT_TRUE(test, IS_ERR(tracing_map_create(7, 0, 1, 0)));
	KUNIT_EXPECT_TRUE(test, IS_ERR(tracing_map_create(7, 8, 0, 0)));
	map = tracing_map_create(7, 8, TRACING_MAP_SUMS_MAX + 1, 0);
	KUNIT_EXPECT_TRUE(test, IS_ERR(map));
	map = tmt_map(test, 7, 8, TRACING_MAP_SUMS_MAX);
	KUNIT_EXPECT_EQ(test, tracing_map_max_elts(map), 128);
	tracing_map_destroy(map);
	tracing_map_destroy(NULL);
}

static void tracing_map_sums(struct kunit *test)
{
	struct tracing_map *map = tmt_map(test, 7, 8, 2);
	const struct tracing_map_entry *e;
	struct tracing_map_snap snap;
	unsigned int found;
	u64 k;

	for (k = 0; k < 50; k++) {
		tmt_hit(map, k, k);
		tmt_hit(map, k, 1000);
	}
	tmt_hit(map, 7, 1);
	KUNIT_ASSERT_EQ(test, tracing_map_snapshot(map, &snap), 0);
	KUNIT_EXPECT_EQ(test, snap.nr, 50);
	KUNIT_EXPECT_EQ(test, snap.hits, 101);
	KUNIT_EXPECT_EQ(test, snap.drops, 0);
	e = tmt_find(&snap, 7);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, e->sums[0], 3);
	KUNIT_EXPECT_EQ(test, e->sums[1], 1008);
	e = tmt_find(&snap, 49);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, e->sums[0], 2);
	KUNIT_EXPECT_EQ(test, e->sums[1], 1049);
	KUNIT_EXPECT_NULL(test, tmt_find(&snap, 50));
	tracing_map_snap_free(&snap);

	/* The inline lookup finds what insert finds, or sends it there. */
	for (k = 0, found = 0; k < 50; k++) {
		struct tracing_map_elt *elt = tracing_map_find_words(map, &k, 1);

		if (elt)
			found++;
		KUNIT_EXPECT_TRUE(test, !elt ||
				  elt == tracing_map_insert(map, &k, 8, NULL));
	}
	KUNIT_EXPECT_GT(test, found, 25);
	k = 50;
	KUNIT_EXPECT_NULL(test, tracing_map_find_words(map, &k, 1));
	tracing_map_destroy(map);
}

/* N keys into a map of S entries: S entries, N - S keys' hits dropped. */
static void tracing_map_full(struct kunit *test)
{
	struct tracing_map *map = tmt_map(test, 7, 8, 1);
	struct tracing_map_snap snap;
	u64 k, round;

	for (round = 0; round < 3; round++)
		for (k = 0; k < 300; k++)
			tmt_hit(map, k * 0x9e3779b97f4a7c15ULL, 0);
	KUNIT_ASSERT_EQ(test, tracing_map_snapshot(map, &snap), 0);
	KUNIT_EXPECT_EQ(test, snap.nr, 128);
	KUNIT_EXPECT_EQ(test, snap.drops, 3 * (300 - 128));
	KUNIT_EXPECT_EQ(test, snap.hits, 900);
	/* The first 128 keys got in, and each has all three hits. */
	for (k = 0; k < 128; k++) {
		const struct tracing_map_entry *e;

		e = tmt_find(&snap, k * 0x9e3779b97f4a7c15ULL);
		KUNIT_EXPECT_NOT_NULL(test, e);
		if (e)
			KUNIT_EXPECT_EQ(test, e->sums[0], 3);
	}
	tracing_map_snap_free(&snap);
	/* A full map still counts hits of the keys it has. */
	tmt_hit(map, 0, 0);
	KUNIT_ASSERT_EQ(test, tracing_map_snapshot(map, &snap), 0);
	KUNIT_EXPECT_EQ(test, tmt_find(&snap, 0)->sums[0], 4);
	KUNIT_EXPECT_EQ(test, snap.drops, 3 * (300 - 128));
	tracing_map_snap_free(&snap);
	tracing_map_destroy(map);
}

/* Keys of several lengths, private data, and merged duplicates. */
static void tracing_map_keys(struct kunit *test)
{
	static const char *const words[] = { "a", "ab", "abc", "b", "" };
	struct tracing_map *map = tracing_map_create(7, 16, 1, 4);
	struct tracing_map_snap snap;
	struct tracing_map_entry e[3];
	u64 sums[3] = { 1, 2, 3 };
	size_t i;

	KUNIT_ASSERT_FALSE(test, IS_ERR(map));
	for (i = 0; i < ARRAY_SIZE(words); i++) {
		struct tracing_map_elt *elt;

		elt = tracing_map_insert(map, words[i], strlen(words[i]) + 1,
					 "xyz");
		KUNIT_ASSERT_NOT_NULL(test, elt);
		tracing_map_hit_begin(elt);
		tracing_map_hit_end(elt);
		/* Found again: the private data stays what it was. */
		KUNIT_EXPECT_PTR_EQ(test, elt,
				    tracing_map_insert(map, words[i],
						       strlen(words[i]) + 1,
						       "nop"));
	}
	KUNIT_ASSERT_EQ(test, tracing_map_snapshot(map, &snap), 0);
	KUNIT_EXPECT_EQ(test, snap.nr, ARRAY_SIZE(words));
	for (i = 0; i < snap.nr; i++) {
		KUNIT_EXPECT_EQ(test, snap.entries[i].sums[0], 1);
		KUNIT_EXPECT_STREQ(test, (char *)snap.entries[i].priv, "xyz");
	}
	tracing_map_snap_free(&snap);
	tracing_map_destroy(map);

	/* A key longer than the key size has no room: dropped, not written. */
	map = tracing_map_create(7, 8, 1, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(map));
	KUNIT_EXPECT_NULL(test, tracing_map_insert(map, "123456789", 9, NULL));
	KUNIT_EXPECT_EQ(test, atomic_read(&map->taken), 0);
	KUNIT_EXPECT_EQ(test, atomic64_read(&map->drops), 1);
	KUNIT_EXPECT_NOT_NULL(test,
			      tracing_map_insert(map, "1234567", 8, NULL));
	tracing_map_destroy(map);

	/* Two entries of one key (a race) fold into one. */
	e[0] = (struct tracing_map_entry){ "k", NULL, 2, &sums[0] };
	e[1] = (struct tracing_map_entry){ "j", NULL, 2, &sums[1] };
	e[2] = (struct tracing_map_entry){ "k", NULL, 2, &sums[2] };
	KUNIT_EXPECT_EQ(test, entries_merge(e, 3, 1), 2);
	KUNIT_EXPECT_EQ(test, *e[0].sums + *e[1].sums, 6);
}

/* Concurrent inserts: a thread on each CPU, and a timer interrupt. */

#define TMT_KEYS	200
#define TMT_HITS	20000

struct tmt_ctx {
	struct tracing_map	*map;
	struct hrtimer		timer;
	atomic_t		irq_hits;
	atomic_t		running;
	struct completion	done;
	u64			seed;
};

static void tmt_burst(struct tracing_map *map, u64 seed, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		tmt_hit(map, (seed + i * 7) % TMT_KEYS, 1);
}

static enum hrtimer_restart tmt_irq(struct hrtimer *timer)
{
	struct tmt_ctx *c = container_of(timer, struct tmt_ctx, timer);

	if (!atomic_read(&c->running))
		return HRTIMER_NORESTART;
	tmt_burst(c->map, 3, 10);
	atomic_add(10, &c->irq_hits);
	hrtimer_forward_now(timer, ns_to_ktime(20 * NSEC_PER_USEC));
	return HRTIMER_RESTART;
}

static int tmt_thread(void *arg)
{
	struct tmt_ctx *c = arg;

	tmt_burst(c->map, 1, TMT_HITS);
	complete(&c->done);
	return 0;
}

static void tracing_map_concurrent(struct kunit *test)
{
	struct tmt_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	struct task_struct *task;
	struct tracing_map_snap snap;
	unsigned long until = jiffies + 2 * HZ;
	u64 total = 0, irq, mine = 0;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, c);
	c->map = tmt_map(test, 8, 8, 2);
	init_completion(&c->done);
	atomic_set(&c->running, 1);
	hrtimer_init(&c->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	c->timer.function = tmt_irq;
	task = kthread_create(tmt_thread, c, "tracing_map_kunit");
	KUNIT_ASSERT_FALSE(test, IS_ERR(task));
	/* On the other CPU if there is one; else sharing this one. */
	if (num_online_cpus() > 1)
		kthread_bind(task, cpumask_any_but(cpu_online_mask,
						   raw_smp_processor_id()));
	hrtimer_start(&c->timer, ns_to_ktime(20 * NSEC_PER_USEC),
		      HRTIMER_MODE_REL_HARD);
	wake_up_process(task);
	/* Until the thread is done and the timer has hit often enough. */
	for (i = 0; i < TMT_HITS / 100 || atomic_read(&c->irq_hits) < 200;
	     i++) {
		tmt_burst(c->map, 2, 100);
		mine += 100;
		cond_resched();
		if (i >= TMT_HITS / 100 && time_after(jiffies, until))
			break;
	}
	wait_for_completion(&c->done);
	atomic_set(&c->running, 0);
	hrtimer_cancel(&c->timer);
	irq = atomic_read(&c->irq_hits);
	KUNIT_EXPECT_GT(test, irq, 0);

	KUNIT_ASSERT_EQ(test, tracing_map_snapshot(c->map, &snap), 0);
	KUNIT_EXPECT_EQ(test, snap.nr, TMT_KEYS);
	KUNIT_EXPECT_EQ(test, snap.drops, 0);
	for (i = 0; i < snap.nr; i++) {
		/* Each entry's value sum equals its hit count (val 1 each). */
		KUNIT_EXPECT_EQ(test, snap.entries[i].sums[0],
				snap.entries[i].sums[1]);
		total += snap.entries[i].sums[0];
	}
	KUNIT_EXPECT_EQ(test, total, TMT_HITS + mine + irq);
	KUNIT_EXPECT_EQ(test, snap.hits, TMT_HITS + mine + irq);
	tracing_map_snap_free(&snap);
	tracing_map_destroy(c->map);
}

/* Full under concurrency: every hit is in an entry or dropped. */
static void tracing_map_concurrent_full(struct kunit *test)
{
	struct tmt_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	struct tracing_map_snap snap;
	struct task_struct *task;
	u64 total = 0;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, c);
	c->map = tmt_map(test, 7, 8, 2);	/* 128 entries, 200 keys */
	init_completion(&c->done);
	task = kthread_create(tmt_thread, c, "tracing_map_kunit");
	KUNIT_ASSERT_FALSE(test, IS_ERR(task));
	if (num_online_cpus() > 1)
		kthread_bind(task, cpumask_any_but(cpu_online_mask,
						   raw_smp_processor_id()));
	wake_up_process(task);
	tmt_burst(c->map, 2, TMT_HITS);
	wait_for_completion(&c->done);

	KUNIT_ASSERT_EQ(test, tracing_map_snapshot(c->map, &snap), 0);
	KUNIT_EXPECT_LE(test, snap.nr, 128);
	for (i = 0; i < snap.nr; i++)
		total += snap.entries[i].sums[0];
	KUNIT_EXPECT_GT(test, snap.drops, 0);
	KUNIT_EXPECT_EQ(test, total + snap.drops, 2 * TMT_HITS);
	KUNIT_EXPECT_EQ(test, snap.hits, 2 * TMT_HITS);
	tracing_map_snap_free(&snap);
	tracing_map_destroy(c->map);
}

static struct kunit_case tracing_map_cases[] = {
	KUNIT_CASE(tracing_map_create_bounds),
	KUNIT_CASE(tracing_map_sums),
	KUNIT_CASE(tracing_map_full),
	KUNIT_CASE(tracing_map_keys),
	KUNIT_CASE(tracing_map_concurrent),
	KUNIT_CASE(tracing_map_concurrent_full),
	{}
};

static struct kunit_suite tracing_map_suite = {
	.name		= "tracing_map",
	.test_cases	= tracing_map_cases,
};
kunit_test_suite(tracing_map_suite);
