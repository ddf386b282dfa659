/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for trace_event_enable.c, included at the end of it: the
 * in-kernel entry points modules use (an instance of their own, switching
 * its events, pinning an event file), their errors, and soft mode.
 * sched_switch stands for any built-in event.
 */
#include <kunit/test.h>
#include <trace/stages/gate.h>

#define KUNIT_INSTANCE	"kunit_event_enable"

static bool file_on(struct trace_event_file *file)
{
	return (file->flags & EVENT_FILE_FL_ENABLED) &&
	       !(file->flags & EVENT_FILE_FL_SOFT_DISABLED);
}

/* An instance of one's own, an event switched in it, a pinned file. */
static void trace_event_enable_instance_api(struct kunit *test)
{
	struct trace_event_file *file, *top;
	struct trace_array *tr;
	bool top_on;

	/* Whatever the boot enabled at the top level stays as it is. */
	mutex_lock(&trace_mutex);
	top = __trace_find_event_file(&global_trace, "sched", "sched_switch");
	top_on = top && file_on(top);
	mutex_unlock(&trace_mutex);

	tr = trace_array_get_by_name(KUNIT_INSTANCE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, tr);
	KUNIT_EXPECT_PTR_EQ(test, trace_array_get_by_name(KUNIT_INSTANCE, NULL),
			    tr);
	trace_array_put(tr);

	KUNIT_EXPECT_EQ(test, trace_array_set_clr_event(tr, "sched",
							"sched_switch", true),
			0);
	file = trace_get_event_file(KUNIT_INSTANCE, "sched", "sched_switch");
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));
	KUNIT_EXPECT_PTR_EQ(test, file->tr, tr);
	KUNIT_EXPECT_TRUE(test, file_on(file));

	/* The top level's file is another one, and stays as it was. */
	mutex_lock(&trace_mutex);
	top = __trace_find_event_file(&global_trace, "sched", "sched_switch");
	KUNIT_EXPECT_EQ(test, top && file_on(top), top_on);
	mutex_unlock(&trace_mutex);

	/* Pinned by our reference and by the file: it cannot go. */
	KUNIT_EXPECT_EQ(test, trace_array_destroy(tr), -EBUSY);
	trace_put_event_file(file);
	KUNIT_EXPECT_EQ(test, trace_array_destroy(tr), -EBUSY);
	KUNIT_EXPECT_EQ(test, trace_array_set_clr_event(tr, "sched",
							"sched_switch", false),
			0);
	trace_array_put(tr);
	KUNIT_EXPECT_EQ(test, trace_array_destroy(tr), 0);
	mutex_lock(&trace_mutex);
	KUNIT_EXPECT_NULL(test, __trace_array_find(KUNIT_INSTANCE));
	mutex_unlock(&trace_mutex);
}

static void trace_event_enable_errors(struct kunit *test)
{
	struct trace_event_file *file;

	KUNIT_EXPECT_EQ(test, trace_array_set_clr_event(NULL, "sched", NULL,
							true),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, trace_set_clr_event("kunit_no_such_system",
						  NULL, 1),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, trace_set_clr_event("sched", "kunit_no_such_event",
						  1),
			-EINVAL);
	file = trace_get_event_file(NULL, "sched", "kunit_no_such_event");
	KUNIT_EXPECT_EQ(test, PTR_ERR(file), -EINVAL);
	file = trace_get_event_file("kunit_no_such_instance", "sched",
				    "sched_switch");
	KUNIT_EXPECT_EQ(test, PTR_ERR(file), -ENOENT);
	KUNIT_EXPECT_EQ(test, trace_array_destroy(&global_trace), -EINVAL);
}

/* sched_switch's file in the test's instance, or NULL (a failure). */
static struct trace_event_file *kunit_sched_switch(struct kunit *test)
{
	struct trace_event_file *file;

	file = trace_get_event_file(KUNIT_INSTANCE, "sched", "sched_switch");
	if (!IS_ERR(file))
		return file;
	KUNIT_FAIL(test, "no sched_switch file: %ld", PTR_ERR(file));
	return NULL;
}

/*
 * A trigger's soft switch and the user's share one registration.  The
 * file is in an instance of the test's own, so what the boot enabled
 * (trace_event=) does not matter; and no assert leaves the case while
 * trace_mutex is held.
 */
static void trace_event_enable_soft_mode(struct kunit *test)
{
	struct trace_event_file *file;
	struct trace_array *tr;
	unsigned long flags;

	tr = trace_array_get_by_name(KUNIT_INSTANCE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, tr);
	file = kunit_sched_switch(test);
	if (!file)
		goto out;
	mutex_lock(&trace_mutex);
	flags = file->flags;
	if (flags & EVENT_FILE_FL_ENABLED) {
		mutex_unlock(&trace_mutex);
		KUNIT_FAIL(test, "new instance with sched_switch enabled");
		goto put;
	}

	/* A trigger wants it: registered, but not recording. */
	KUNIT_EXPECT_EQ(test, __trace_event_enable(file, true, true), 0);
	KUNIT_EXPECT_TRUE(test, file->flags & EVENT_FILE_FL_ENABLED);
	KUNIT_EXPECT_TRUE(test, file->flags & EVENT_FILE_FL_SOFT_MODE);
	KUNIT_EXPECT_FALSE(test, file_on(file));

	/* The user switches it on and off without touching the probe. */
	KUNIT_EXPECT_EQ(test, __trace_event_enable(file, true, false), 0);
	KUNIT_EXPECT_TRUE(test, file_on(file));
	KUNIT_EXPECT_EQ(test, __trace_event_enable(file, false, false), 0);
	KUNIT_EXPECT_FALSE(test, file_on(file));
	KUNIT_EXPECT_TRUE(test, file->flags & EVENT_FILE_FL_ENABLED);

	/* A second trigger, then both go: unregistered. */
	KUNIT_EXPECT_EQ(test, __trace_event_enable(file, true, true), 0);
	KUNIT_EXPECT_EQ(test, __trace_event_enable(file, false, true), 0);
	KUNIT_EXPECT_TRUE(test, file->flags & EVENT_FILE_FL_SOFT_MODE);
	KUNIT_EXPECT_EQ(test, __trace_event_enable(file, false, true), 0);
	KUNIT_EXPECT_FALSE(test, file->flags & (EVENT_FILE_FL_ENABLED |
						EVENT_FILE_FL_SOFT_MODE |
						EVENT_FILE_FL_SOFT_DISABLED));

	/* Enabled by the user when the trigger leaves: stays on. */
	KUNIT_EXPECT_EQ(test, __trace_event_enable(file, true, true), 0);
	KUNIT_EXPECT_EQ(test, __trace_event_enable(file, true, false), 0);
	KUNIT_EXPECT_EQ(test, __trace_event_enable(file, false, true), 0);
	KUNIT_EXPECT_TRUE(test, file_on(file));
	KUNIT_EXPECT_EQ(test, __trace_event_enable(file, false, false), 0);
	KUNIT_EXPECT_FALSE(test, file->flags & EVENT_FILE_FL_ENABLED);
	mutex_unlock(&trace_mutex);
put:
	trace_put_event_file(file);
out:
	trace_array_put(tr);
	KUNIT_EXPECT_EQ(test, trace_array_destroy(tr), 0);
}

/*
 * The probes' gate (stages/gate.h) tests the PID filter in line: it says
 * what trace_trigger_soft_disabled() says, whatever the verdict, and
 * leaves soft mode to it.
 */
static void trace_event_enable_gate(struct kunit *test)
{
	struct trace_event_file_gate *gate;
	struct trace_event_file *file;
	struct trace_array *tr;
	int v;

	tr = trace_array_get_by_name(KUNIT_INSTANCE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, tr);
	file = kunit_sched_switch(test);
	if (!file)
		goto out;
	gate = container_of(file, struct trace_event_file_gate, file);
	KUNIT_EXPECT_PTR_EQ(test, gate->pid_ignore, tr->pid_ignore);
	preempt_disable();
	KUNIT_EXPECT_FALSE(test, trace_event_gated(file));
	set_bit(EVENT_FILE_FL_PID_FILTER_BIT, &file->flags);
	for (v = 0; v < 2; v++) {
		this_cpu_write(*tr->pid_ignore, v);
		KUNIT_EXPECT_EQ(test, trace_event_gated(file), v);
		KUNIT_EXPECT_EQ(test, trace_trigger_soft_disabled(file), v);
	}
	set_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags);
	KUNIT_EXPECT_TRUE(test, trace_event_gated(file));
	clear_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags);
	clear_bit(EVENT_FILE_FL_PID_FILTER_BIT, &file->flags);
	this_cpu_write(*tr->pid_ignore, false);
	preempt_enable();
	trace_put_event_file(file);
out:
	trace_array_put(tr);
	KUNIT_EXPECT_EQ(test, trace_array_destroy(tr), 0);
}

static struct kunit_case trace_event_enable_cases[] = {
	KUNIT_CASE(trace_event_enable_instance_api),
	KUNIT_CASE(trace_event_enable_errors),
	KUNIT_CASE(trace_event_enable_soft_mode),
	KUNIT_CASE(trace_event_enable_gate),
	{}
};

static struct kunit_suite trace_event_enable_suite = {
	.name		= "trace_event_enable",
	.test_cases	= trace_event_enable_cases,
};
kunit_test_suite(trace_event_enable_suite);
