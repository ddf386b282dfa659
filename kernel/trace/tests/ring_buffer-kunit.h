/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit suites for the ring buffer, included at the end of
 * ring_buffer_write.c.
 *
 * Each case pins its thread to one CPU (by affinity) and works on a
 * buffer of its own, so what it writes is what it reads back.  The
 * accounting checks compare the buffer's counters with what the test
 * itself counted: writes that succeeded, writes refused, records read.
 */

#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/irq_work.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/trace_seq.h>

struct rbt {
	struct trace_buffer	*b;
	int			cpu;
	unsigned long		ok;	/* writes that succeeded */
	unsigned long		refused;
};

static u64 rbt_now;

static u64 rbt_clock(void)
{
	return READ_ONCE(rbt_now);
}

static int rbt_init(struct kunit *test)
{
	struct rbt *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	/*
	 * Pin by affinity, not with migrate_disable(): KUnit runs .exit in
	 * another thread than .init and the case, so nothing could undo it,
	 * and a CPU whose runqueue counts a pinned task that has gone can
	 * never be taken offline.  The case's thread ends with the case.
	 */
	t->cpu = raw_smp_processor_id();
	if (set_cpus_allowed_ptr(current, cpumask_of(t->cpu)))
		return -EINVAL;
	test->priv = t;
	return 0;
}

static void rbt_exit(struct kunit *test)
{
	struct rbt *t = test->priv;

	if (t->b)
		ring_buffer_free(t->b);
}

static struct trace_buffer *rbt_buffer(struct kunit *test, unsigned long size,
				       unsigned int flags)
{
	struct rbt *t = test->priv;

	t->b = ring_buffer_alloc(size, flags);
	KUNIT_ASSERT_NOT_NULL(test, t->b);
	return t->b;
}

/* A record carrying its sequence number, then a pattern. */
static int rbt_write_seq(struct rbt *t, u32 seq, unsigned int len)
{
	u8 small[256], *buf = small;
	unsigned int i;
	int ret;

	len = max(len, 4U);
	if (len > sizeof(small)) {
		buf = kmalloc(len, GFP_ATOMIC);
		if (!buf)
			return -ENOMEM;
	}
	memcpy(buf, &seq, sizeof(seq));
	for (i = sizeof(seq); i < len; i++)
		buf[i] = seq + i;
	ret = ring_buffer_write(t->b, len, buf);
	if (buf != small)
		kfree(buf);
	if (ret)
		t->refused++;
	else
		t->ok++;
	return ret;
}

static void rbt_check_payload(struct kunit *test, struct ring_buffer_event *ev,
			      u32 seq, unsigned int len)
{
	u8 *p = ring_buffer_event_data(ev);
	unsigned int i;

	KUNIT_EXPECT_EQ(test, ring_buffer_event_length(ev), ALIGN(len, 4));
	KUNIT_EXPECT_EQ(test, *(u32 *)p, seq);
	for (i = sizeof(seq); i < len; i++)
		if (p[i] != (u8)(seq + i)) {
			KUNIT_FAIL(test, "record %u byte %u: %u", seq, i, p[i]);
			return;
		}
}

/*
 * Consume everything on the test CPU, checking that sequence numbers
 * increase and time stamps never go back.  Returns the number read; gaps
 * in the sequence are added to *gaps.
 */
static unsigned long rbt_drain(struct kunit *test, struct rbt *t,
			       unsigned long *gaps)
{
	struct ring_buffer_event *ev;
	unsigned long n = 0, lost;
	u64 ts, last_ts = 0;
	s64 last = -1;
	u32 seq;

	while ((ev = ring_buffer_consume(t->b, t->cpu, &ts, &lost))) {
		seq = *(u32 *)ring_buffer_event_data(ev);
		KUNIT_EXPECT_GT(test, (s64)seq, last);
		KUNIT_EXPECT_GE(test, ts, last_ts);
		if (gaps)
			*gaps += seq - last - 1;
		last = seq;
		last_ts = ts;
		n++;
	}
	return n;
}

/*
 * ring_buffer_read_page() of a whole page, as a consumer calls it: under
 * the CPU's consumer lock.
 */
static int rbt_read_page(struct rbt *t, struct buffer_data_read_page *rp,
			 int full)
{
	int ret;

	ret = ring_buffer_consumer_lock(t->b, t->cpu);
	if (ret)
		return ret;
	ret = ring_buffer_read_page(t->b, rp, PAGE_SIZE, t->cpu, full);
	ring_buffer_consumer_unlock(t->b, t->cpu);
	return ret;
}

/* The accounting identity, against the test's own counts. */
static void rbt_check_identity(struct kunit *test, struct rbt *t,
			       unsigned long read)
{
	struct trace_buffer *b = t->b;
	int cpu = t->cpu;

	KUNIT_EXPECT_EQ(test, t->ok, ring_buffer_read_events_cpu(b, cpu) +
			ring_buffer_overrun_cpu(b, cpu) +
			ring_buffer_entries_cpu(b, cpu));
	KUNIT_EXPECT_EQ(test, t->refused,
			ring_buffer_dropped_events_cpu(b, cpu) +
			ring_buffer_commit_overrun_cpu(b, cpu));
	KUNIT_EXPECT_EQ(test, read, ring_buffer_read_events_cpu(b, cpu));
}

/* One writer, one reader: every size, in order, nothing lost. */
static void rbt_write_read(struct kunit *test)
{
	struct rbt *t = test->priv;
	struct ring_buffer_event *ev;
	unsigned int i, len;
	u64 ts, last = 0;

	rbt_buffer(test, 64 << 10, 0);
	KUNIT_EXPECT_TRUE(test, ring_buffer_empty_cpu(t->b, t->cpu));
	KUNIT_EXPECT_NULL(test, ring_buffer_consume(t->b, t->cpu, NULL, NULL));
	for (i = 0; i < 250; i++)
		KUNIT_ASSERT_EQ(test, rbt_write_seq(t, i, i), 0);
	KUNIT_EXPECT_FALSE(test, ring_buffer_empty_cpu(t->b, t->cpu));
	KUNIT_EXPECT_EQ(test, ring_buffer_entries_cpu(t->b, t->cpu), 250UL);

	for (i = 0; i < 250; i++) {
		len = clamp(i, 4U, 256U);
		ev = ring_buffer_peek(t->b, t->cpu, &ts, NULL);
		KUNIT_ASSERT_NOT_NULL(test, ev);
		ev = ring_buffer_consume(t->b, t->cpu, &ts, NULL);
		KUNIT_ASSERT_NOT_NULL(test, ev);
		rbt_check_payload(test, ev, i, len);
		KUNIT_EXPECT_GE(test, ts, last);
		last = ts;
	}
	KUNIT_EXPECT_NULL(test, ring_buffer_consume(t->b, t->cpu, NULL, NULL));
	KUNIT_EXPECT_TRUE(test, ring_buffer_empty_cpu(t->b, t->cpu));
	rbt_check_identity(test, t, 250);

	/* The buffer goes on working after being drained. */
	KUNIT_EXPECT_EQ(test, rbt_write_seq(t, 1000, 8), 0);
	ev = ring_buffer_consume(t->b, t->cpu, NULL, NULL);
	KUNIT_ASSERT_NOT_NULL(test, ev);
	rbt_check_payload(test, ev, 1000, 8);
}

/*
 * trace_copy() (ring_buffer_write()'s copy) copies every length exactly:
 * nothing before or after the destination is touched, whatever the
 * alignment of either side.
 */
static void rbt_copy(struct kunit *test)
{
	u8 src[96], dst[96 + 16];
	unsigned int len, off, i;

	for (i = 0; i < sizeof(src); i++)
		src[i] = i + 1;
	for (off = 0; off < 8; off++) {
		/* Past TRACE_COPY_SMALL_MAX too, where memcpy() copies. */
		for (len = 0; len <= sizeof(src) - 8; len++) {
			memset(dst, 0xaa, sizeof(dst));
			trace_copy(dst + 8, src + off, len);
			for (i = 0; i < sizeof(dst); i++) {
				u8 want = i >= 8 && i < 8 + len ?
					  src[off + i - 8] : 0xaa;

				if (dst[i] != want) {
					KUNIT_FAIL(test, "len %u off %u: byte %u is %#x",
						   len, off, i, dst[i]);
					return;
				}
			}
		}
	}
}

/* Overwrite mode: the oldest records go, counted as overrun. */
static void rbt_wrap_overwrite(struct kunit *test)
{
	struct rbt *t = test->priv;
	unsigned long read, gaps = 0;
	unsigned int i;

	rbt_buffer(test, 2 * PAGE_SIZE, RB_FL_OVERWRITE);
	for (i = 0; i < 3000; i++)
		KUNIT_ASSERT_EQ(test, rbt_write_seq(t, i, 4 + i % 40), 0);
	KUNIT_EXPECT_GT(test, ring_buffer_overrun_cpu(t->b, t->cpu), 0UL);
	read = rbt_drain(test, t, &gaps);
	KUNIT_EXPECT_GT(test, read, 50UL);
	KUNIT_EXPECT_EQ(test, gaps, 3000 - read);
	KUNIT_EXPECT_EQ(test, gaps, ring_buffer_overrun_cpu(t->b, t->cpu));
	rbt_check_identity(test, t, read);
	KUNIT_EXPECT_EQ(test, ring_buffer_entries_cpu(t->b, t->cpu), 0UL);
}

/* Producer/consumer mode: new records are refused, counted as dropped. */
static void rbt_wrap_producer(struct kunit *test)
{
	struct rbt *t = test->priv;
	unsigned long read, gaps = 0;
	unsigned int i;

	rbt_buffer(test, 2 * PAGE_SIZE, 0);
	for (i = 0; i < 3000; i++)
		rbt_write_seq(t, i, 24);
	KUNIT_EXPECT_GT(test, t->refused, 0UL);
	KUNIT_EXPECT_EQ(test, ring_buffer_overrun_cpu(t->b, t->cpu), 0UL);
	read = rbt_drain(test, t, &gaps);
	KUNIT_EXPECT_EQ(test, read, t->ok);
	KUNIT_EXPECT_EQ(test, gaps, 0UL);
	rbt_check_identity(test, t, read);

	/* Room again once read. */
	KUNIT_EXPECT_EQ(test, rbt_write_seq(t, 5000, 24), 0);
}

/* A reservation inside a reservation, from the same context. */
static void rbt_nested_direct(struct kunit *test)
{
	struct rbt *t = test->priv;
	struct ring_buffer_event *ev;
	unsigned long gaps = 0;
	u32 *p;

	rbt_buffer(test, 16 << 10, 0);
	ev = ring_buffer_lock_reserve(t->b, 8);
	KUNIT_ASSERT_NOT_NULL(test, ev);
	p = ring_buffer_event_data(ev);
	p[0] = 0;
	p[1] = 0;
	KUNIT_EXPECT_EQ(test, rbt_write_seq(t, 1, 8), 0);
	KUNIT_EXPECT_EQ(test, rbt_write_seq(t, 2, 200), 0);
	/* Nothing is visible before the outermost writer commits. */
	KUNIT_EXPECT_NULL(test, ring_buffer_peek(t->b, t->cpu, NULL, NULL));
	ring_buffer_unlock_commit(t->b);
	t->ok++;
	KUNIT_EXPECT_EQ(test, rbt_drain(test, t, &gaps), 3UL);
	KUNIT_EXPECT_EQ(test, gaps, 0UL);
	rbt_check_identity(test, t, 3);
}

struct rbt_irq {
	struct irq_work	work;
	struct rbt	*t;
	u32		seq;
	int		ret;
	bool		done;
};

static void rbt_irq_write(struct irq_work *work)
{
	struct rbt_irq *w = container_of(work, struct rbt_irq, work);

	w->ret = rbt_write_seq(w->t, w->seq, 16);
	WRITE_ONCE(w->done, true);
}

/* A hard interrupt writes while a task holds a reservation. */
static void rbt_nested_irq(struct kunit *test)
{
	struct rbt *t = test->priv;
	struct ring_buffer_event *ev;
	struct rbt_irq w = { .t = t, .seq = 1, .ret = -1 };
	unsigned long gaps = 0;
	u64 deadline;

	w.work = IRQ_WORK_INIT_HARD(rbt_irq_write);
	rbt_buffer(test, 16 << 10, 0);
	ev = ring_buffer_lock_reserve(t->b, 4);
	KUNIT_ASSERT_NOT_NULL(test, ev);
	*(u32 *)ring_buffer_event_data(ev) = 0;
	irq_work_queue(&w.work);
	deadline = ktime_get_ns() + NSEC_PER_SEC;
	while (!READ_ONCE(w.done) && ktime_get_ns() < deadline)
		cpu_relax();
	ring_buffer_unlock_commit(t->b);
	t->ok++;
	irq_work_sync(&w.work);
	KUNIT_ASSERT_TRUE(test, w.done);
	KUNIT_EXPECT_EQ(test, w.ret, 0);
	KUNIT_EXPECT_EQ(test, rbt_drain(test, t, &gaps), 2UL);
	rbt_check_identity(test, t, 2);
}

/* A discarded record is skipped and not counted. */
/* A record at time 1000, then a 40-byte one reserved at 1100, discarded. */
static struct ring_buffer_event *rbt_discard_one(struct kunit *test,
						 struct rbt *t)
{
	struct ring_buffer_event *ev;

	rbt_buffer(test, 16 << 10, 0);
	ring_buffer_set_clock(t->b, rbt_clock);
	WRITE_ONCE(rbt_now, 1000);
	ring_buffer_reset(t->b);
	rbt_write_seq(t, 0, 8);
	WRITE_ONCE(rbt_now, 1100);
	ev = ring_buffer_lock_reserve(t->b, 40);
	KUNIT_ASSERT_NOT_NULL(test, ev);
	ring_buffer_discard_commit(t->b, ev);
	return ev;
}

static void rbt_discard(struct kunit *test)
{
	struct rbt *t = test->priv;
	struct ring_buffer_event *ev;
	u64 ts;

	rbt_discard_one(test, t);
	WRITE_ONCE(rbt_now, 1250);
	rbt_write_seq(t, 1, 8);

	ev = ring_buffer_consume(t->b, t->cpu, &ts, NULL);
	KUNIT_ASSERT_NOT_NULL(test, ev);
	KUNIT_EXPECT_EQ(test, ts, 1000ULL);
	ev = ring_buffer_consume(t->b, t->cpu, &ts, NULL);
	KUNIT_ASSERT_NOT_NULL(test, ev);
	rbt_check_payload(test, ev, 1, 8);
	KUNIT_EXPECT_EQ(test, ts, 1250ULL);
	KUNIT_EXPECT_NULL(test, ring_buffer_consume(t->b, t->cpu, NULL, NULL));
	rbt_check_identity(test, t, 2);
}

/*
 * A discarded record that is still the last reserved gives its room
 * back: the next record lands where it was.  One with a record reserved
 * after it (nested) stays as padding, and readers skip it.
 */
static void rbt_discard_last(struct kunit *test)
{
	struct rbt *t = test->priv;
	struct ring_buffer_event *ev, *inner, *again;
	u64 ts;

	ev = rbt_discard_one(test, t);
	WRITE_ONCE(rbt_now, 1200);
	again = ring_buffer_lock_reserve(t->b, 16);
	KUNIT_ASSERT_NOT_NULL(test, again);
	KUNIT_EXPECT_PTR_EQ(test, again, ev);
	/* Nested: the outer record is not the last one any more. */
	inner = ring_buffer_lock_reserve(t->b, 8);
	if (inner) {
		memset(ring_buffer_event_data(inner), 0x5a, 8);
		ring_buffer_unlock_commit(t->b);
	}
	ring_buffer_discard_commit(t->b, again);
	KUNIT_ASSERT_NOT_NULL(test, inner);

	ev = ring_buffer_consume(t->b, t->cpu, &ts, NULL);
	KUNIT_ASSERT_NOT_NULL(test, ev);
	KUNIT_EXPECT_EQ(test, ts, 1000ULL);
	ev = ring_buffer_consume(t->b, t->cpu, &ts, NULL);
	KUNIT_ASSERT_NOT_NULL(test, ev);
	KUNIT_EXPECT_EQ(test, ring_buffer_event_length(ev), 8U);
	KUNIT_EXPECT_EQ(test, ts, 1200ULL);
	KUNIT_EXPECT_NULL(test, ring_buffer_consume(t->b, t->cpu, NULL, NULL));
}

static const u64 rbt_times[] = {
	5000,				/* first record */
	5000,				/* same time */
	5000 + (1ULL << 27) + 3,	/* just past the delta's reach */
	5000 + (1ULL << 27) + 10,
	(1ULL << 40) + 7,		/* a long gap */
	(1ULL << 40) + 7 + RB_DELTA_MAX, /* the largest plain delta */
};

static void rbt_times_check(struct kunit *test, bool abs)
{
	struct rbt *t = test->priv;
	struct ring_buffer_event *ev;
	unsigned int i;
	u64 ts;

	rbt_buffer(test, 16 << 10, 0);
	ring_buffer_set_clock(t->b, rbt_clock);
	ring_buffer_set_time_stamp_abs(t->b, abs);
	KUNIT_EXPECT_EQ(test, ring_buffer_time_stamp_abs(t->b), abs);
	WRITE_ONCE(rbt_now, 100);
	ring_buffer_reset(t->b);
	for (i = 0; i < ARRAY_SIZE(rbt_times); i++) {
		WRITE_ONCE(rbt_now, rbt_times[i]);
		KUNIT_ASSERT_EQ(test, rbt_write_seq(t, i, 12), 0);
	}
	/* A clock that goes back: the time stamp stays where it was. */
	WRITE_ONCE(rbt_now, 10);
	KUNIT_ASSERT_EQ(test, rbt_write_seq(t, i, 12), 0);

	for (i = 0; i < ARRAY_SIZE(rbt_times); i++) {
		ev = ring_buffer_consume(t->b, t->cpu, &ts, NULL);
		KUNIT_ASSERT_NOT_NULL(test, ev);
		rbt_check_payload(test, ev, i, 12);
		KUNIT_EXPECT_EQ(test, ts, rbt_times[i]);
	}
	ev = ring_buffer_consume(t->b, t->cpu, &ts, NULL);
	KUNIT_ASSERT_NOT_NULL(test, ev);
	KUNIT_EXPECT_EQ(test, ts, rbt_times[i - 1]);
}

static void rbt_time_extend(struct kunit *test)
{
	rbt_times_check(test, false);
}

static void rbt_time_abs(struct kunit *test)
{
	rbt_times_check(test, true);
}

/* Records above the small-header limit, up to the largest allowed. */
static void rbt_large(struct kunit *test)
{
	static const unsigned int sizes[] = { 108, 112, 113, 116, 117, 500,
					      2000 };
	struct rbt *t = test->priv;
	struct ring_buffer_event *ev;
	unsigned int i, max;
	u8 *buf;

	rbt_buffer(test, 64 << 10, 0);
	max = ring_buffer_max_event_size(t->b);
	KUNIT_EXPECT_GE(test, max, (unsigned int)PAGE_SIZE - 64);
	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		KUNIT_ASSERT_EQ(test, rbt_write_seq(t, i, sizes[i]), 0);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		ev = ring_buffer_consume(t->b, t->cpu, NULL, NULL);
		KUNIT_ASSERT_NOT_NULL(test, ev);
		rbt_check_payload(test, ev, i, sizes[i]);
	}

	buf = kunit_kzalloc(test, max + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, ring_buffer_write(t->b, max, buf), 0);
	KUNIT_EXPECT_NE(test, ring_buffer_write(t->b, max + 1, buf), 0);
	KUNIT_EXPECT_NULL(test, ring_buffer_lock_reserve(t->b, max + 1));
	ev = ring_buffer_consume(t->b, t->cpu, NULL, NULL);
	KUNIT_ASSERT_NOT_NULL(test, ev);
	KUNIT_EXPECT_EQ(test, ring_buffer_event_length(ev), ALIGN(max, 4));
	KUNIT_EXPECT_NULL(test, ring_buffer_consume(t->b, t->cpu, NULL, NULL));
}

struct rbt_writer {
	struct rbt	t;
	bool		stop;
};

static int rbt_writer_fn(void *arg)
{
	struct rbt_writer *w = arg;
	u32 seq = 0;

	while (!READ_ONCE(w->stop)) {
		rbt_write_seq(&w->t, seq, 8 + seq % 64);
		seq++;
		if (!(seq % 64))
			cond_resched();
	}
	return 0;
}

/* Resizing, per CPU and for all, while a writer runs (on another CPU). */
static void rbt_resize_under_load(struct kunit *test)
{
	static const unsigned long sizes[] = { 16, 2, 64, 4, 8 };
	int cpu = cpumask_any_but(cpu_online_mask, raw_smp_processor_id());
	struct rbt *t = test->priv;
	struct task_struct *task;
	struct rbt_writer *w;
	unsigned long page, gaps = 0;
	unsigned int i;

	/* On one CPU the writer shares it, yielding now and then. */
	if (cpu >= nr_cpu_ids)
		cpu = raw_smp_processor_id();
	w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	w->t.b = rbt_buffer(test, 4 * PAGE_SIZE, RB_FL_OVERWRITE);
	w->t.cpu = cpu;
	page = ring_buffer_subbuf_size_get(t->b);
	task = kthread_create_on_cpu(rbt_writer_fn, w, cpu, "rbt_writer");
	KUNIT_ASSERT_FALSE(test, IS_ERR(task));
	wake_up_process(task);

	for (i = 0; i < 4 * ARRAY_SIZE(sizes); i++) {
		unsigned long size = sizes[i % ARRAY_SIZE(sizes)] * page;

		KUNIT_EXPECT_EQ(test, ring_buffer_resize(t->b, size, i & 1 ?
				cpu : RING_BUFFER_ALL_CPUS), 0);
		usleep_range(5000, 6000);
		for (gaps = 0; gaps < 100; gaps++)
			ring_buffer_consume(t->b, cpu, NULL, NULL);
	}
	KUNIT_EXPECT_EQ(test, ring_buffer_size(t->b, cpu), 8 * page);
	/* Too large to allocate: refused, and the buffer stays as it was. */
	KUNIT_EXPECT_EQ(test, ring_buffer_resize(t->b, 8UL << 30, cpu),
			-ENOMEM);
	KUNIT_EXPECT_EQ(test, ring_buffer_size(t->b, cpu), 8 * page);

	WRITE_ONCE(w->stop, true);
	kthread_stop(task);
	KUNIT_EXPECT_GT(test, w->t.ok, 0UL);
	gaps = 0;
	rbt_drain(test, &w->t, &gaps);
	KUNIT_EXPECT_EQ(test, ring_buffer_entries_cpu(t->b, cpu), 0UL);
	rbt_check_identity(test, &w->t, ring_buffer_read_events_cpu(t->b, cpu));
}

/* Iterators see what is there without taking it; the consumer takes. */
static void rbt_iter_vs_consumer(struct kunit *test)
{
	struct rbt *t = test->priv;
	struct ring_buffer_iter *it;
	struct ring_buffer_event *ev;
	unsigned int i, n;
	u64 ts, cts;

	rbt_buffer(test, 8 * PAGE_SIZE, 0);
	for (i = 0; i < 400; i++)
		KUNIT_ASSERT_EQ(test, rbt_write_seq(t, i, 20), 0);

	it = ring_buffer_read_start(t->b, t->cpu, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, it);
	for (n = 0; (ev = ring_buffer_iter_peek(it, &ts)); n++) {
		rbt_check_payload(test, ev, n, 20);
		ring_buffer_iter_advance(it);
	}
	KUNIT_EXPECT_EQ(test, n, 400U);
	KUNIT_EXPECT_TRUE(test, ring_buffer_iter_empty(it));
	KUNIT_EXPECT_FALSE(test, ring_buffer_iter_dropped(it));

	/* Consume 150; the iterator restarts at the consumer's position. */
	for (i = 0; i < 150; i++)
		KUNIT_ASSERT_NOT_NULL(test, ring_buffer_consume(t->b, t->cpu,
								NULL, NULL));
	ring_buffer_iter_reset(it);
	ev = ring_buffer_iter_peek(it, &ts);
	KUNIT_ASSERT_NOT_NULL(test, ev);
	rbt_check_payload(test, ev, 150, 20);
	KUNIT_ASSERT_NOT_NULL(test, ring_buffer_peek(t->b, t->cpu, &cts, NULL));
	KUNIT_EXPECT_EQ(test, ts, cts);

	/* Walk on while the consumer consumes and the writer writes. */
	for (n = 150; (ev = ring_buffer_iter_peek(it, NULL)); n++) {
		rbt_check_payload(test, ev, n, 20);
		ring_buffer_iter_advance(it);
		if (n % 3 == 0)
			ring_buffer_consume(t->b, t->cpu, NULL, NULL);
		if (n % 5 == 0 && i < 450)
			rbt_write_seq(t, 400 + (i++ - 150), 20);
	}
	KUNIT_EXPECT_GE(test, n, 400U);
	ring_buffer_read_finish(it);
	rbt_check_identity(test, t, ring_buffer_read_events_cpu(t->b, t->cpu));
}

/* An iterator overtaken by the writer says so and goes on in order. */
static void rbt_iter_overwritten(struct kunit *test)
{
	struct rbt *t = test->priv;
	struct ring_buffer_iter *it;
	struct ring_buffer_event *ev;
	s64 last = -1;
	unsigned int i;
	u32 seq;

	rbt_buffer(test, 2 * PAGE_SIZE, RB_FL_OVERWRITE);
	for (i = 0; i < 100; i++)
		rbt_write_seq(t, i, 20);
	it = ring_buffer_read_start(t->b, t->cpu, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, it);
	ev = ring_buffer_iter_peek(it, NULL);
	KUNIT_ASSERT_NOT_NULL(test, ev);
	ring_buffer_iter_advance(it);
	for (; i < 2000; i++)
		rbt_write_seq(t, i, 20);
	while ((ev = ring_buffer_iter_peek(it, NULL))) {
		seq = *(u32 *)ring_buffer_event_data(ev);
		KUNIT_EXPECT_GT(test, (s64)seq, last);
		last = seq;
		ring_buffer_iter_advance(it);
	}
	KUNIT_EXPECT_TRUE(test, ring_buffer_iter_dropped(it));
	KUNIT_EXPECT_EQ(test, last, 1999LL);
	ring_buffer_read_finish(it);
}

struct rbt_waiter {
	struct trace_buffer	*b;
	int			cpu;
	int			full;
	bool			stop;
	int			ret;
	bool			done;
};

static bool rbt_wait_cond(void *data)
{
	return READ_ONCE(*(bool *)data);
}

static int rbt_waiter_fn(void *arg)
{
	struct rbt_waiter *w = arg;

	w->ret = ring_buffer_wait(w->b, w->cpu, w->full, rbt_wait_cond,
				  &w->stop);
	WRITE_ONCE(w->done, true);
	while (!kthread_should_stop())
		schedule_timeout_idle(1);
	return 0;
}

/* Wait until @w is done, for at most two seconds. */
static bool rbt_waiter_done(struct rbt_waiter *w)
{
	unsigned long deadline = jiffies + 2 * HZ;

	while (!READ_ONCE(w->done) && time_before(jiffies, deadline))
		msleep(20);
	return READ_ONCE(w->done);
}

/* Start a waiter; check it sleeps; run @wake; check it woke. */
static void rbt_wait_case(struct kunit *test, struct rbt_waiter *w,
			  void (*wake)(struct kunit *test, struct rbt_waiter *w))
{
	struct task_struct *task;

	w->done = false;
	task = kthread_run(rbt_waiter_fn, w, "rbt_waiter");
	KUNIT_ASSERT_FALSE(test, IS_ERR(task));
	msleep(50);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(w->done));
	wake(test, w);
	KUNIT_EXPECT_TRUE(test, rbt_waiter_done(w));
	KUNIT_EXPECT_EQ(test, w->ret, 0);
	kthread_stop(task);
}

static void rbt_wake_by_record(struct kunit *test, struct rbt_waiter *w)
{
	rbt_write_seq(test->priv, 0, 16);
}

static void rbt_wake_by_pages(struct kunit *test, struct rbt_waiter *w)
{
	u32 i;

	/* One page of five is not half of them; four are. */
	for (i = 0; i < 100; i++)
		rbt_write_seq(test->priv, i, 36);
	msleep(50);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(w->done));
	for (; i < 400; i++)
		rbt_write_seq(test->priv, i, 36);
}

static void rbt_wake_by_call(struct kunit *test, struct rbt_waiter *w)
{
	ring_buffer_wake_waiters(w->b, w->cpu);
}

static void rbt_wake_by_cond(struct kunit *test, struct rbt_waiter *w)
{
	WRITE_ONCE(w->stop, true);
	ring_buffer_wake_waiters(w->b, w->cpu);
}

/* Readers sleep until records arrive, a share of pages fill, or a call. */
static void rbt_wait(struct kunit *test)
{
	struct rbt *t = test->priv;
	struct rbt_waiter *w;

	w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	w->b = rbt_buffer(test, 4 * PAGE_SIZE, 0);
	KUNIT_EXPECT_TRUE(test,
			  !ring_buffer_poll_wait(t->b, t->cpu, NULL, NULL, 0));

	w->cpu = t->cpu;
	rbt_wait_case(test, w, rbt_wake_by_record);
	KUNIT_EXPECT_TRUE(test,
			  ring_buffer_poll_wait(t->b, t->cpu, NULL, NULL, 0) ==
			  (EPOLLIN | EPOLLRDNORM));
	rbt_drain(test, t, NULL);

	w->cpu = RING_BUFFER_ALL_CPUS;
	rbt_wait_case(test, w, rbt_wake_by_record);
	rbt_drain(test, t, NULL);

	w->cpu = t->cpu;
	w->full = 50;
	rbt_wait_case(test, w, rbt_wake_by_pages);
	w->full = 0;
	rbt_drain(test, t, NULL);

	/* A share asked for before does not hold back a wait for any data. */
	rbt_wait_case(test, w, rbt_wake_by_record);
	rbt_drain(test, t, NULL);

	rbt_wait_case(test, w, rbt_wake_by_call);
	rbt_wait_case(test, w, rbt_wake_by_cond);
}

/*
 * A waiter for half the pages and one for any record sleep together: a
 * record wakes the second only, and the first keeps waiting for its share.
 */
static void rbt_wait_mixed(struct kunit *test)
{
	struct rbt *t = test->priv;
	struct task_struct *task[2];
	struct rbt_waiter *w;
	u32 i;

	w = kunit_kcalloc(test, 2, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	w[0].b = rbt_buffer(test, 4 * PAGE_SIZE, 0);
	w[1].b = w[0].b;
	w[0].cpu = t->cpu;
	w[1].cpu = t->cpu;
	w[0].full = 50;
	task[0] = kthread_run(rbt_waiter_fn, &w[0], "rbt_waiter_full");
	KUNIT_ASSERT_FALSE(test, IS_ERR(task[0]));
	msleep(50);
	task[1] = kthread_run(rbt_waiter_fn, &w[1], "rbt_waiter_any");
	if (IS_ERR(task[1])) {
		WRITE_ONCE(w[0].stop, true);
		ring_buffer_wake_waiters(t->b, t->cpu);
		rbt_waiter_done(&w[0]);
		kthread_stop(task[0]);
		KUNIT_FAIL(test, "kthread_run: %ld", PTR_ERR(task[1]));
		return;
	}
	msleep(50);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(w[0].done));
	KUNIT_EXPECT_FALSE(test, READ_ONCE(w[1].done));

	rbt_write_seq(t, 0, 36);
	KUNIT_EXPECT_TRUE(test, rbt_waiter_done(&w[1]));
	msleep(50);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(w[0].done));

	for (i = 1; i < 400; i++)
		rbt_write_seq(t, i, 36);
	KUNIT_EXPECT_TRUE(test, rbt_waiter_done(&w[0]));
	KUNIT_EXPECT_EQ(test, w[0].ret, 0);
	KUNIT_EXPECT_EQ(test, w[1].ret, 0);
	kthread_stop(task[0]);
	kthread_stop(task[1]);
}

/*
 * A waiter for a share of an empty buffer sleeps, though the page its
 * writer is on counts as used: one page of five is the 20% it asks for.
 */
static void rbt_wake_by_share(struct kunit *test, struct rbt_waiter *w)
{
	u32 i;

	for (i = 0; i < 400; i++)
		rbt_write_seq(test->priv, i, 36);
}

static void rbt_wait_share_empty(struct kunit *test)
{
	struct rbt *t = test->priv;
	struct rbt_waiter *w;

	w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	w->b = rbt_buffer(test, 4 * PAGE_SIZE, 0);
	w->cpu = t->cpu;
	w->full = 20;
	rbt_wait_case(test, w, rbt_wake_by_share);
}

/* A consumer that sleeps until records come, and counts its wake-ups. */
struct rbt_reader {
	struct rbt	*t;
	bool		stop;
	bool		done;
	unsigned long	wakes;	/* waits that ended with records to read */
	unsigned long	read;
};

static int rbt_reader_fn(void *arg)
{
	struct rbt_reader *r = arg;
	struct rbt *t = r->t;
	unsigned long n;

	while (!ring_buffer_wait(t->b, t->cpu, 0, rbt_wait_cond, &r->stop) &&
	       !READ_ONCE(r->stop)) {
		for (n = 0; ring_buffer_consume(t->b, t->cpu, NULL, NULL); n++)
			;
		r->wakes += n != 0;
		r->read += n;
	}
	WRITE_ONCE(r->done, true);
	while (!kthread_should_stop())
		schedule_timeout_idle(1);
	return 0;
}

/*
 * A reader waiting for any record is woken about once a tick, however
 * many records come: not once per record.  A reader whose own sleeping
 * is a record (a sched_switch on the CPU it reads) would otherwise be
 * woken by it at once, for ever.  Here the writer shares the reader's
 * CPU and sleeps after each record, so the reader could run after every
 * one.
 */
static void rbt_wait_batched(struct kunit *test)
{
	struct rbt *t = test->priv;
	struct task_struct *task;
	unsigned long start, ticks, deadline;
	struct rbt_reader *r;
	u32 n = 0;

	r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r);
	r->t = t;
	rbt_buffer(test, 64 * PAGE_SIZE, RB_FL_OVERWRITE);
	task = kthread_create(rbt_reader_fn, r, "rbt_reader");
	KUNIT_ASSERT_FALSE(test, IS_ERR(task));
	kthread_bind(task, t->cpu);
	wake_up_process(task);
	msleep(20);

	start = jiffies;
	while (time_before(jiffies, start + HZ / 10)) {
		rbt_write_seq(t, n++, 16);
		usleep_range(10, 20);
	}
	ticks = jiffies - start;
	WRITE_ONCE(r->stop, true);
	ring_buffer_wake_waiters(t->b, t->cpu);
	deadline = jiffies + 2 * HZ;
	while (!READ_ONCE(r->done) && time_before(jiffies, deadline))
		msleep(20);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(r->done));
	kthread_stop(task);

	rbt_check_identity(test, t, r->read + rbt_drain(test, t, NULL));
	KUNIT_EXPECT_GT(test, r->wakes, 0UL);
	if (n < 4 * ticks + 8)
		kunit_skip(test, "%u records in %lu ticks: too few to tell",
			   n, ticks);
	KUNIT_EXPECT_LE_MSG(test, r->wakes, 2 * ticks + 4,
			    "%u records in %lu ticks", n, ticks);
}

/* A structural change of a buffer, run by a thread of its own. */
struct rbt_change {
	struct trace_buffer	*a;
	struct trace_buffer	*b;
	int			cpu;
	int			(*op)(struct rbt_change *ch);
	int			ret;
	bool			done;
};

static int rbt_change_order(struct rbt_change *ch)
{
	return ring_buffer_subbuf_order_set(ch->a, 1);
}

static int rbt_change_reset(struct rbt_change *ch)
{
	ring_buffer_reset_cpu(ch->a, ch->cpu);
	return 0;
}

static int rbt_change_swap(struct rbt_change *ch)
{
	return ring_buffer_swap_cpu(ch->a, ch->b, ch->cpu);
}

static int rbt_change_fn(void *arg)
{
	struct rbt_change *ch = arg;

	ch->ret = ch->op(ch);
	WRITE_ONCE(ch->done, true);
	while (!kthread_should_stop())
		schedule_timeout_idle(1);
	return 0;
}

/*
 * A record a consumer peeked at under the consumer lock stays where it
 * is, and is the one it consumes: a per-CPU swap, a reset and a
 * sub-buffer size change wait until the lock is given back.
 */
static void rbt_consumer_lock(struct kunit *test)
{
	static int (*const ops[])(struct rbt_change *ch) = {
		rbt_change_swap, rbt_change_reset, rbt_change_order,
	};
	struct rbt *t = test->priv;
	struct ring_buffer_event *ev;
	struct task_struct *task;
	struct rbt_change *ch;
	unsigned long deadline;
	unsigned int i, k;
	u32 seq = 0;

	ch = kunit_kzalloc(test, sizeof(*ch), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ch);
	rbt_buffer(test, 8 * PAGE_SIZE, 0);
	ch->b = ring_buffer_alloc(8 * PAGE_SIZE, 0);
	KUNIT_ASSERT_NOT_NULL(test, ch->b);
	ch->a = t->b;
	ch->cpu = t->cpu;
	for (k = 0; k < ARRAY_SIZE(ops); k++) {
		for (i = 0; i < 10; i++)
			rbt_write_seq(t, seq + i, 40);
		KUNIT_ASSERT_EQ(test, ring_buffer_consumer_lock(t->b, t->cpu),
				0);
		ev = ring_buffer_peek(t->b, t->cpu, NULL, NULL);
		KUNIT_ASSERT_NOT_NULL(test, ev);
		rbt_check_payload(test, ev, seq, 40);

		ch->op = ops[k];
		ch->done = false;
		task = kthread_run(rbt_change_fn, ch, "rbt_change");
		if (IS_ERR(task)) {
			ring_buffer_consumer_unlock(t->b, t->cpu);
			KUNIT_FAIL(test, "kthread_run: %ld", PTR_ERR(task));
			break;
		}
		msleep(100);
		KUNIT_EXPECT_FALSE(test, READ_ONCE(ch->done));
		rbt_check_payload(test, ev, seq, 40);
		KUNIT_EXPECT_PTR_EQ(test, ev,
				    ring_buffer_consume(t->b, t->cpu, NULL,
							NULL));
		ring_buffer_consumer_unlock(t->b, t->cpu);

		deadline = jiffies + 5 * HZ;
		while (!READ_ONCE(ch->done) && time_before(jiffies, deadline))
			msleep(20);
		KUNIT_EXPECT_TRUE(test, READ_ONCE(ch->done));
		KUNIT_EXPECT_EQ(test, ch->ret, 0);
		kthread_stop(task);
		seq += 10;
	}
	KUNIT_EXPECT_EQ(test, ring_buffer_subbuf_order_get(t->b), 1);
	ring_buffer_free(ch->b);
}

/*
 * The _pair() calls change a buffer and its twin together, or neither:
 * a refusal for one (an iterator open on the twin) or a size no ring can
 * have leaves both as they were, and their CPU buffers can still swap.
 */
static void rbt_pair(struct kunit *test)
{
	struct rbt *t = test->priv;
	struct ring_buffer_iter *it;
	struct trace_buffer *twin;
	unsigned long size;

	rbt_buffer(test, 8 * PAGE_SIZE, 0);
	twin = ring_buffer_alloc(8 * PAGE_SIZE, 0);
	KUNIT_ASSERT_NOT_NULL(test, twin);
	size = ring_buffer_size(t->b, t->cpu);

	it = ring_buffer_read_start(twin, t->cpu, GFP_KERNEL);
	KUNIT_EXPECT_NOT_NULL(test, it);
	KUNIT_EXPECT_EQ(test, ring_buffer_subbuf_order_set_pair(t->b, twin, 1),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, ring_buffer_subbuf_order_get(t->b), 0);
	KUNIT_EXPECT_EQ(test, ring_buffer_subbuf_order_get(twin), 0);
	if (it)
		ring_buffer_read_finish(it);

	KUNIT_EXPECT_EQ(test, ring_buffer_subbuf_order_set_pair(t->b, twin, 1),
			0);
	KUNIT_EXPECT_EQ(test, ring_buffer_subbuf_order_get(t->b), 1);
	KUNIT_EXPECT_EQ(test, ring_buffer_subbuf_order_get(twin), 1);
	/* About as many bytes as before, in fewer, larger sub-buffers. */
	KUNIT_EXPECT_GE(test, ring_buffer_size(t->b, t->cpu), size);
	KUNIT_EXPECT_LT(test, ring_buffer_size(t->b, t->cpu), size + 2 * PAGE_SIZE);
	size = ring_buffer_size(t->b, t->cpu);

	KUNIT_EXPECT_EQ(test, ring_buffer_resize_pair(t->b, twin, 1UL << 62,
						      RING_BUFFER_ALL_CPUS),
			-ENOMEM);
	KUNIT_EXPECT_EQ(test, ring_buffer_resize_pair(t->b, twin,
						      (unsigned long)RB_MAX_PAGES *
						      8 * PAGE_SIZE, t->cpu),
			-ENOMEM);
	KUNIT_EXPECT_EQ(test, ring_buffer_size(t->b, t->cpu), size);
	KUNIT_EXPECT_EQ(test, ring_buffer_size(twin, t->cpu), size);

	KUNIT_EXPECT_EQ(test, ring_buffer_resize_pair(t->b, twin, 2 * size,
						      t->cpu), 0);
	KUNIT_EXPECT_GE(test, ring_buffer_size(t->b, t->cpu), 2 * size);
	KUNIT_EXPECT_EQ(test, ring_buffer_size(twin, t->cpu),
			ring_buffer_size(t->b, t->cpu));
	KUNIT_EXPECT_EQ(test, ring_buffer_swap_cpu(t->b, twin, t->cpu), 0);
	ring_buffer_free(twin);
}

/* The offset and size of field @name in header_page's text. */
static bool rbt_header_field(const char *text, const char *name,
			     unsigned int *off, unsigned int *size)
{
	const char *p = strstr(text, name);

	return p && sscanf(p + strlen(name), "\toffset:%u;\tsize:%u;",
			   off, size) == 2;
}

/*
 * Decode a page from ring_buffer_read_page() with only what header_page
 * and header_event describe, the way libtraceevent's kbuffer does.
 */
static void rbt_read_page_decode(struct kunit *test)
{
	static const unsigned int lens[] = { 4, 12, 112, 116, 300, 8 };
	unsigned int ts_off, ts_size, c_off, c_size, d_off, d_size;
	struct rbt *t = test->priv;
	struct buffer_data_read_page *rp;
	struct ring_buffer_event *ev;
	struct trace_seq *s;
	unsigned int i, off, len, type, n = 0;
	unsigned long commit;
	u64 ts, delta;
	u32 word, arg;
	u8 *page;

	s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	trace_seq_init(s);
	rbt_buffer(test, 16 << 10, 0);
	ring_buffer_print_page_header(t->b, s);
	trace_seq_putc(s, 0);
	KUNIT_ASSERT_TRUE(test, rbt_header_field(s->buffer, "u64 timestamp;",
						 &ts_off, &ts_size));
	KUNIT_ASSERT_TRUE(test, rbt_header_field(s->buffer, "local_t commit;",
						 &c_off, &c_size));
	KUNIT_ASSERT_TRUE(test, rbt_header_field(s->buffer, "char data;",
						 &d_off, &d_size));
	KUNIT_EXPECT_EQ(test, ts_size, 8U);
	KUNIT_EXPECT_EQ(test, c_size, (unsigned int)sizeof(long));
	KUNIT_EXPECT_EQ(test, d_size, (unsigned int)ring_buffer_subbuf_size_get(t->b));

	ring_buffer_set_clock(t->b, rbt_clock);
	WRITE_ONCE(rbt_now, 777);
	ring_buffer_reset(t->b);
	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		/* Record 3 comes after a gap that needs a time extend. */
		WRITE_ONCE(rbt_now, 777 + i * 10 + (i >= 3 ? 1ULL << 30 : 0));
		KUNIT_ASSERT_EQ(test, rbt_write_seq(t, i, lens[i]), 0);
		if (i == 1) {	/* and a discarded record after record 1 */
			WRITE_ONCE(rbt_now, 777 + i * 10 + 5);
			ev = ring_buffer_lock_reserve(t->b, 20);
			KUNIT_ASSERT_NOT_NULL(test, ev);
			ring_buffer_discard_commit(t->b, ev);
		}
	}

	KUNIT_ASSERT_EQ(test, ring_buffer_alloc_read_page(t->b, t->cpu, &rp), 0);
	KUNIT_ASSERT_EQ(test, rbt_read_page(t, rp, 0), 0);
	page = ring_buffer_read_page_data(rp);
	memcpy(&ts, page + ts_off, sizeof(ts));
	memcpy(&commit, page + c_off, sizeof(commit));
	KUNIT_EXPECT_EQ(test, commit & ~((1UL << 30) - 1), 0UL);
	for (off = 0; off < commit; off += len) {
		memcpy(&word, page + d_off + off, 4);
		memcpy(&arg, page + d_off + off + 4, 4);	/* array[0] */
		type = word & 31;
		delta = word >> 5;
		if (type == 30) {		/* time extend */
			ts += ((u64)arg << 27) + delta;
			len = 8;
			continue;
		}
		if (type == 31) {
			KUNIT_FAIL(test, "unexpected absolute time stamp");
			len = 8;
			continue;
		}
		ts += delta;
		/* Data (length in array[0] for type 0) or padding (29). */
		len = type == 0 || type == 29 ? arg + 4 : 4 + type * 4;
		if (type == 29)
			continue;
		rbt_check_payload(test, (void *)(page + d_off + off), n,
				  lens[n]);
		KUNIT_EXPECT_EQ(test, ts, 777 + n * 10 +
				(n >= 3 ? 1ULL << 30 : 0));
		n++;
	}
	KUNIT_EXPECT_EQ(test, off, commit);
	KUNIT_EXPECT_EQ(test, n, (unsigned int)ARRAY_SIZE(lens));
	ring_buffer_free_read_page(t->b, t->cpu, rp);
	KUNIT_EXPECT_TRUE(test, ring_buffer_empty_cpu(t->b, t->cpu));
}

/* Full pages go out whole, with lost records flagged after an overrun. */
static void rbt_read_page_lost(struct kunit *test)
{
	struct rbt *t = test->priv;
	struct buffer_data_read_page *rp;
	struct buffer_data_page *page;
	unsigned long commit, lost;
	unsigned int i;

	rbt_buffer(test, 2 * PAGE_SIZE, RB_FL_OVERWRITE);
	for (i = 0; i < 1000; i++)
		rbt_write_seq(t, i, 20);
	KUNIT_ASSERT_EQ(test, ring_buffer_alloc_read_page(t->b, t->cpu, &rp), 0);
	KUNIT_ASSERT_EQ(test, rbt_read_page(t, rp, 1), 0);
	page = ring_buffer_read_page_data(rp);
	commit = local_read(&page->commit);
	KUNIT_EXPECT_TRUE(test, commit & RB_MISSED_EVENTS);
	if (commit & RB_MISSED_STORED) {
		memcpy(&lost, &page->data[commit & RB_COMMIT_MASK], sizeof(lost));
		KUNIT_EXPECT_EQ(test, lost,
				ring_buffer_overrun_cpu(t->b, t->cpu));
	}
	ring_buffer_free_read_page(t->b, t->cpu, rp);
}

/* Count the data records of a read page, checking their order. */
static unsigned long rbt_page_seqs(struct kunit *test,
				   struct buffer_data_page *page, s64 *last)
{
	unsigned long commit = local_read(&page->commit) & RB_COMMIT_MASK;
	struct ring_buffer_event *ev;
	unsigned long off = 0, n = 0;
	unsigned int len;
	u32 seq;

	while (off < commit) {
		ev = (void *)&page->data[off];
		len = rb_record_len(ev);
		if (!len) {
			KUNIT_FAIL(test, "bad record at %lu of %lu", off, commit);
			break;
		}
		if (rb_is_data(ev)) {
			seq = *(u32 *)rb_payload(ev);
			KUNIT_EXPECT_GT(test, (s64)seq, *last);
			*last = seq;
			n++;
		}
		off += len;
	}
	return n;
}

/*
 * Whole pages leave by exchange (rb_swap_out()), partial ones by copy:
 * across wraps, with a reservation open and a nested writer in between,
 * every record read comes out once and in order, the counts add up, and
 * no page is left dirty once everything is read.
 */
static void rbt_read_page_swap(struct kunit *test)
{
	struct rbt *t = test->priv;
	struct buffer_data_read_page *rp;
	struct ring_buffer_event *ev;
	unsigned long read = 0, swaps = 0;
	unsigned int i, round;
	void *prev, *data;
	s64 last = -1;
	u32 seq = 0, *p;

	rbt_buffer(test, 4 * PAGE_SIZE, RB_FL_OVERWRITE);
	KUNIT_ASSERT_EQ(test, ring_buffer_alloc_read_page(t->b, t->cpu, &rp), 0);
	for (round = 0; round < 4; round++) {
		for (i = 0; i < 1000; i++)	/* more than the ring holds */
			rbt_write_seq(t, seq++, 24);
		/* Pages are read while a reservation is open... */
		KUNIT_ASSERT_EQ(test, ring_buffer_consumer_lock(t->b, t->cpu),
				0);
		ev = ring_buffer_lock_reserve(t->b, 8);
		KUNIT_ASSERT_NOT_NULL(test, ev);
		p = ring_buffer_event_data(ev);
		p[0] = seq++;
		p[1] = 0;
		prev = ring_buffer_read_page_data(rp);
		while (!ring_buffer_read_page(t->b, rp, PAGE_SIZE, t->cpu, 1)) {
			data = ring_buffer_read_page_data(rp);
			swaps += data != prev;
			prev = data;
			read += rbt_page_seqs(test, data, &last);
		}
		/* ...and a writer nests in it before it commits. */
		KUNIT_EXPECT_EQ(test, rbt_write_seq(t, seq++, 24), 0);
		ring_buffer_unlock_commit(t->b);
		ring_buffer_consumer_unlock(t->b, t->cpu);
		t->ok++;
	}
	KUNIT_EXPECT_GT(test, swaps, 4UL);
	KUNIT_EXPECT_GT(test, ring_buffer_overrun_cpu(t->b, t->cpu), 0UL);
	/* What is left is in pages the writer has not finished: copied. */
	while (!rbt_read_page(t, rp, 0))
		read += rbt_page_seqs(test, ring_buffer_read_page_data(rp),
				      &last);
	KUNIT_EXPECT_EQ(test, last, (s64)seq - 1);
	KUNIT_EXPECT_TRUE(test, ring_buffer_empty_cpu(t->b, t->cpu));
	KUNIT_EXPECT_LE(test, ring_buffer_nr_dirty_pages(t->b, t->cpu), 1UL);
	rbt_check_identity(test, t, read);
	ring_buffer_free_read_page(t->b, t->cpu, rp);
}

/* Each complete page still in the ring holds as many records as it says. */
static void rbt_page_events_check(struct kunit *test, struct rbt *t)
{
	struct rb_cpu *c = rb_cpu_of(t->b, t->cpu);
	struct rb_page *p;
	unsigned int i;

	for (i = 0; i < c->nr_pages; i++) {
		p = c->slots[i];
		if (p->seq <= c->reader_seq || p->seq >= c->commit_seq)
			continue;
		KUNIT_EXPECT_EQ(test, p->events,
				rb_page_events(p, p->real_end));
	}
}

/* A reservation, and @nested records written inside it before it ends. */
static void rbt_reserve_around(struct kunit *test, struct rbt *t, u32 *seq,
			       unsigned int nested, bool discard)
{
	struct ring_buffer_event *ev;
	unsigned int i;

	ev = ring_buffer_lock_reserve(t->b, 12);
	KUNIT_ASSERT_NOT_NULL(test, ev);
	*(u32 *)ring_buffer_event_data(ev) = discard ? U32_MAX : (*seq)++;
	for (i = 0; i < nested; i++)
		rbt_write_seq(t, (*seq)++, 4 + i % 50);
	if (discard) {
		ring_buffer_discard_commit(t->b, ev);
	} else {
		ring_buffer_unlock_commit(t->b);
		t->ok++;
	}
}

/*
 * The count of records a page gets when the writer leaves it (which
 * overwrite and whole-page reads use instead of walking it) is right
 * whatever left it: records of every size, time extends, discarded
 * records given back or left as padding, and writers nesting in a
 * reservation across one page boundary or two; over several wraps.
 */
static void rbt_page_events(struct kunit *test)
{
	struct rbt *t = test->priv;
	struct buffer_data_read_page *rp;
	unsigned long read = 0, gaps = 0;
	unsigned int i;
	s64 last = -1;
	u32 seq = 0;

	rbt_buffer(test, 4 * PAGE_SIZE, RB_FL_OVERWRITE);
	ring_buffer_set_clock(t->b, rbt_clock);
	WRITE_ONCE(rbt_now, 1000);
	ring_buffer_reset(t->b);
	KUNIT_ASSERT_EQ(test, ring_buffer_alloc_read_page(t->b, t->cpu, &rp), 0);
	for (i = 1; i <= 6000; i++) {
		WRITE_ONCE(rbt_now, rbt_now + (i % 97 ? 10 : RB_DELTA_MAX + 1));
		if (i % 701 == 0)
			rbt_reserve_around(test, t, &seq, 250, false);
		else if (i % 53 == 0)
			rbt_reserve_around(test, t, &seq, 3, i % 2);
		else if (i % 7 == 0)
			rbt_reserve_around(test, t, &seq, 0, true);
		else
			rbt_write_seq(t, seq++, 4 + i % 60);
		if (i % 500)
			continue;
		rbt_page_events_check(test, t);
		/* A whole page now and then, by exchange. */
		if (!rbt_read_page(t, rp, 1))
			read += rbt_page_seqs(test, ring_buffer_read_page_data(rp),
					      &last);
	}
	rbt_page_events_check(test, t);
	read += rbt_drain(test, t, &gaps);
	KUNIT_EXPECT_GT(test, ring_buffer_overrun_cpu(t->b, t->cpu), 0UL);
	rbt_check_identity(test, t, read);
	KUNIT_EXPECT_EQ(test, t->ok, (unsigned long)seq);
	ring_buffer_free_read_page(t->b, t->cpu, rp);
}

/* events/header_event keeps mainline's text. */
static void rbt_entry_header(struct kunit *test)
{
	struct trace_seq *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	trace_seq_init(s);
	ring_buffer_print_entry_header(s);
	trace_seq_putc(s, 0);
	KUNIT_EXPECT_STREQ(test, s->buffer,
			   "# compressed entry header\n"
			   "\ttype_len    :    5 bits\n"
			   "\ttime_delta  :   27 bits\n"
			   "\tarray       :   32 bits\n"
			   "\n"
			   "\tpadding     : type == 29\n"
			   "\ttime_extend : type == 30\n"
			   "\ttime_stamp : type == 31\n"
			   "\tdata max type_len  == 28\n");
}

/* Sub-buffers larger than a page hold larger records. */
static void rbt_subbuf_order(struct kunit *test)
{
	struct rbt *t = test->priv;
	unsigned int max;

	rbt_buffer(test, 16 * PAGE_SIZE, 0);
	rbt_write_seq(t, 0, 8);
	KUNIT_ASSERT_EQ(test, ring_buffer_subbuf_order_set(t->b, 2), 0);
	KUNIT_EXPECT_EQ(test, ring_buffer_subbuf_order_get(t->b), 2);
	KUNIT_EXPECT_TRUE(test, ring_buffer_empty_cpu(t->b, t->cpu));
	max = ring_buffer_max_event_size(t->b);
	KUNIT_EXPECT_GT(test, max, 3 * (unsigned int)PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, rbt_write_seq(t, 1, 200), 0);
	KUNIT_EXPECT_EQ(test, ring_buffer_subbuf_order_set(t->b, -1), -EINVAL);
	KUNIT_EXPECT_EQ(test, rbt_drain(test, t, NULL), 1UL);
}

static struct kunit_case rbt_cases[] = {
	KUNIT_CASE(rbt_write_read),
	KUNIT_CASE(rbt_copy),
	KUNIT_CASE(rbt_wrap_overwrite),
	KUNIT_CASE(rbt_wrap_producer),
	KUNIT_CASE(rbt_nested_direct),
	KUNIT_CASE(rbt_nested_irq),
	KUNIT_CASE(rbt_discard),
	KUNIT_CASE(rbt_discard_last),
	KUNIT_CASE(rbt_time_extend),
	KUNIT_CASE(rbt_time_abs),
	KUNIT_CASE(rbt_large),
	KUNIT_CASE(rbt_resize_under_load),
	KUNIT_CASE(rbt_iter_vs_consumer),
	KUNIT_CASE(rbt_iter_overwritten),
	KUNIT_CASE(rbt_read_page_decode),
	KUNIT_CASE(rbt_read_page_lost),
	KUNIT_CASE(rbt_read_page_swap),
	KUNIT_CASE(rbt_page_events),
	KUNIT_CASE(rbt_entry_header),
	KUNIT_CASE_SLOW(rbt_wait),
	KUNIT_CASE_SLOW(rbt_wait_mixed),
	KUNIT_CASE_SLOW(rbt_wait_share_empty),
	KUNIT_CASE_SLOW(rbt_wait_batched),
	KUNIT_CASE(rbt_subbuf_order),
	KUNIT_CASE_SLOW(rbt_consumer_lock),
	KUNIT_CASE(rbt_pair),
	{}
};

static struct kunit_suite rbt_suite = {
	.name = "ring_buffer",
	.init = rbt_init,
	.exit = rbt_exit,
	.test_cases = rbt_cases,
};

kunit_test_suite(rbt_suite);
