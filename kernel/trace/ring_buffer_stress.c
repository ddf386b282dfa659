// SPDX-License-Identifier: GPL-2.0
/*
 * ring_buffer_stress.c - a ring buffer under full load, as a module.
 *
 * Loading it runs, for "seconds" seconds, a writer thread on every online
 * CPU, a hrtimer on every CPU that writes from hard interrupt context into
 * the middle of the thread's records, and one reader thread that drains
 * all CPUs.  Each record carries its CPU, its stream (thread or timer) and
 * the stream's sequence number.  The reader checks that on each CPU the
 * sequence numbers of each stream increase and time stamps never go back;
 * at the end, for each CPU:
 *	written = read + overrun (and the sequence gaps equal the overrun),
 *	refused = dropped + commit overrun.
 * With resize_ms, the reader also resizes the buffer that often, for all
 * CPUs or one, growing and shrinking it; records refused meanwhile count
 * as dropped and records a shrink throws away as overrun, so the same
 * checks hold.
 * The module prints one line per CPU and fails to load (-EIO) if any check
 * failed; otherwise it loads, and can be removed.
 */

#include <linux/cpu.h>
#include <linux/hrtimer.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/ring_buffer.h>
#include <linux/slab.h>

static unsigned int seconds = 10;
module_param(seconds, uint, 0444);
MODULE_PARM_DESC(seconds, "how long to run");

static unsigned int size_kb = 64;
module_param(size_kb, uint, 0444);
MODULE_PARM_DESC(size_kb, "buffer size per CPU, small enough to wrap");

static unsigned int timer_us = 50;
module_param(timer_us, uint, 0444);
MODULE_PARM_DESC(timer_us, "period of the interrupt writer (0: none)");

static unsigned int resize_ms;
module_param(resize_ms, uint, 0444);
MODULE_PARM_DESC(resize_ms, "resize the buffer this often (0: never)");

static bool overwrite = true;
module_param(overwrite, bool, 0444);
MODULE_PARM_DESC(overwrite, "overwrite mode (else producer/consumer)");

enum { RBS_THREAD, RBS_TIMER, RBS_STREAMS };

struct rbs_record {
	u32	cpu;
	u32	stream;
	u32	seq;
	u8	pad[];
};

struct rbs_stream {
	u32		next;		/* writer: next sequence number */
	unsigned long	ok;
	unsigned long	refused;
	s64		last;		/* reader: last sequence seen */
	unsigned long	gaps;
};

struct rbs_cpu {
	struct rbs_stream	s[RBS_STREAMS];
	struct hrtimer		timer;
	struct task_struct	*writer;
	u64			last_ts;
	unsigned long		read;
	bool			bad_order;
};

static struct trace_buffer *rbs_buf;
static struct rbs_cpu *rbs;
static bool rbs_stop;

static void rbs_write(int cpu, unsigned int stream, unsigned int len)
{
	struct rbs_stream *s = &rbs[cpu].s[stream];
	struct ring_buffer_event *ev;
	struct rbs_record *r;

	len = max_t(unsigned int, len, sizeof(*r));
	if (s->next & 1) {
		/* Half the records go through reserve and commit. */
		ev = ring_buffer_lock_reserve(rbs_buf, len);
		if (!ev) {
			s->refused++;
			return;
		}
		r = ring_buffer_event_data(ev);
		r->cpu = cpu;
		r->stream = stream;
		r->seq = s->next++;
		memset(r->pad, 0x5a, len - sizeof(*r));
		ring_buffer_unlock_commit(rbs_buf);
	} else {
		u8 buf[sizeof(*r) + 64];

		r = (void *)buf;
		len = min_t(unsigned int, len, sizeof(buf));
		r->cpu = cpu;
		r->stream = stream;
		r->seq = s->next;
		memset(r->pad, 0xa5, len - sizeof(*r));
		if (ring_buffer_write(rbs_buf, len, r)) {
			s->refused++;
			return;
		}
		s->next++;
	}
	s->ok++;
}

static enum hrtimer_restart rbs_timer_fn(struct hrtimer *t)
{
	int cpu = smp_processor_id();

	if (READ_ONCE(rbs_stop))
		return HRTIMER_NORESTART;
	rbs_write(cpu, RBS_TIMER, 16 + (rbs[cpu].s[RBS_TIMER].next % 200));
	hrtimer_forward_now(t, ns_to_ktime(timer_us * NSEC_PER_USEC));
	return HRTIMER_RESTART;
}

static int rbs_start_timer(void *timer)
{
	hrtimer_start(timer, ns_to_ktime(timer_us * NSEC_PER_USEC),
		      HRTIMER_MODE_REL_PINNED_HARD);
	return 0;
}

static int rbs_writer_fn(void *arg)
{
	int cpu = (long)arg;
	unsigned int n = 0;

	while (!kthread_should_stop()) {
		if (READ_ONCE(rbs_stop)) {
			schedule_timeout_interruptible(1);
			continue;
		}
		preempt_disable();
		rbs_write(cpu, RBS_THREAD, 12 + n % 61);
		preempt_enable();
		if (!(++n % 256))
			cond_resched();
	}
	return 0;
}

static void rbs_check(int cpu, struct ring_buffer_event *ev, u64 ts)
{
	struct rbs_record *r = ring_buffer_event_data(ev);
	struct rbs_cpu *c = &rbs[cpu];
	struct rbs_stream *s;

	if (r->cpu != cpu || r->stream >= RBS_STREAMS) {
		c->bad_order = true;
		return;
	}
	s = &c->s[r->stream];
	if ((s64)r->seq <= s->last || ts < c->last_ts)
		c->bad_order = true;
	s->gaps += r->seq - s->last - 1;
	s->last = r->seq;
	c->last_ts = ts;
	c->read++;
}

/*
 * Read at most @budget records of each CPU (a writer that keeps up with
 * the reader would otherwise keep it here past the deadline).
 */
static int rbs_drain(unsigned long budget)
{
	struct ring_buffer_event *ev;
	unsigned long left;
	int cpu, n = 0;
	u64 ts;

	for_each_online_cpu(cpu)
		for (left = budget; left &&
		     (ev = ring_buffer_consume(rbs_buf, cpu, &ts, NULL)); left--) {
			rbs_check(cpu, ev, ts);
			if (!(++n % 1024))
				cond_resched();
		}
	return n;
}

/* Compare what the streams counted with what the buffer counted. */
static bool rbs_report(int cpu)
{
	struct rbs_cpu *c = &rbs[cpu];
	unsigned long ok = 0, refused = 0, gaps = 0;
	unsigned long read, overrun, dropped, cov, entries;
	int i;

	for (i = 0; i < RBS_STREAMS; i++) {
		ok += c->s[i].ok;
		refused += c->s[i].refused;
		/* Records lost after the last one read are gaps too. */
		gaps += c->s[i].gaps + ((s64)c->s[i].next - 1 - c->s[i].last);
	}
	read = ring_buffer_read_events_cpu(rbs_buf, cpu);
	overrun = ring_buffer_overrun_cpu(rbs_buf, cpu);
	dropped = ring_buffer_dropped_events_cpu(rbs_buf, cpu);
	cov = ring_buffer_commit_overrun_cpu(rbs_buf, cpu);
	entries = ring_buffer_entries_cpu(rbs_buf, cpu);
	pr_info("rb_stress: cpu%d written %lu read %lu overrun %lu dropped %lu commit_overrun %lu left %lu refused %lu order %s\n",
		cpu, ok, read, overrun, dropped, cov, entries, refused,
		c->bad_order ? "BAD" : "ok");
	return !c->bad_order && read == c->read && entries == 0 &&
	       ok == read + overrun + entries && gaps == overrun &&
	       refused == dropped + cov && ok > 0;
}

static int __init rbs_init(void)
{
	unsigned long deadline, next_resize;
	unsigned int n = 0;
	bool pass = true;
	int cpu, i;

	rbs = kcalloc(nr_cpu_ids, sizeof(*rbs), GFP_KERNEL);
	if (!rbs)
		return -ENOMEM;
	rbs_buf = ring_buffer_alloc(size_kb << 10,
				    overwrite ? RB_FL_OVERWRITE : 0);
	if (!rbs_buf) {
		kfree(rbs);
		return -ENOMEM;
	}
	cpus_read_lock();
	for_each_online_cpu(cpu) {
		for (i = 0; i < RBS_STREAMS; i++)
			rbs[cpu].s[i].last = -1;
		rbs[cpu].writer = kthread_create_on_cpu(rbs_writer_fn,
							(void *)(long)cpu, cpu,
							"rb_stress/%u");
		if (IS_ERR(rbs[cpu].writer))
			rbs[cpu].writer = NULL;
		hrtimer_init(&rbs[cpu].timer, CLOCK_MONOTONIC,
			     HRTIMER_MODE_REL_PINNED_HARD);
		rbs[cpu].timer.function = rbs_timer_fn;
	}
	cpus_read_unlock();
	for_each_online_cpu(cpu) {
		if (rbs[cpu].writer)
			wake_up_process(rbs[cpu].writer);
		if (timer_us)
			smp_call_on_cpu(cpu, rbs_start_timer, &rbs[cpu].timer,
					false);
	}

	deadline = jiffies + seconds * HZ;
	next_resize = jiffies + msecs_to_jiffies(resize_ms);
	while (time_before(jiffies, deadline)) {
		if (!rbs_drain(4096))
			schedule_timeout_uninterruptible(1);
		cond_resched();
		if (resize_ms && time_after(jiffies, next_resize)) {
			static const unsigned int kb[] = { 16, 128, 8, 64, 32 };

			n++;
			if (ring_buffer_resize(rbs_buf, kb[n % ARRAY_SIZE(kb)] << 10,
					       n & 1 ? (int)(n / 2 % num_online_cpus()) :
					       RING_BUFFER_ALL_CPUS)) {
				pr_err("rb_stress: resize failed\n");
				pass = false;
			}
			next_resize = jiffies + msecs_to_jiffies(resize_ms);
		}
	}

	WRITE_ONCE(rbs_stop, true);
	for_each_online_cpu(cpu) {
		hrtimer_cancel(&rbs[cpu].timer);
		if (rbs[cpu].writer)
			kthread_stop(rbs[cpu].writer);
	}
	rbs_drain(ULONG_MAX);
	for_each_online_cpu(cpu)
		pass &= rbs_report(cpu);
	if (resize_ms)
		pr_info("rb_stress: %u resizes\n", n);
	pr_info("rb_stress: %s\n", pass ? "PASS" : "FAIL");

	ring_buffer_free(rbs_buf);
	kfree(rbs);
	return pass ? 0 : -EIO;
}

static void __exit rbs_exit(void)
{
}

module_init(rbs_init);
module_exit(rbs_exit);
MODULE_DESCRIPTION("Ring buffer stress test");
MODULE_LICENSE("GPL");
