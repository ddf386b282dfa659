/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for trace_hist_vars.c, included at the end of it: how
 * "$name" and "sys.event.$name" resolve across the hist triggers of an
 * instance, on an instance of three events made here (not registered
 * anywhere), and what a reference holds.
 */
#include <kunit/test.h>

/* Three events, "s.a", "s.b" and "t.c", each with a hist trigger. */
struct hv_world {
	struct trace_array	tr;
	struct trace_event_class cls[2];
	struct trace_event_call	call[3];
	struct trace_event_file	file[3];
	struct event_trigger	trig[3];
	struct hist_trigger	ht[3];
	struct hist_table	tab[3];
	/* the command being bound, on event 0 */
	struct hist_spec	spec;
	struct hist_trigger	self;
	struct hist_table	self_tab;
	struct hist_inter	inter;
	struct hist_error	err;
	struct hist_bind	b;
};

static void hv_var(struct hist_table *tab, const char *name)
{
	strscpy(tab->vars[tab->nr_vars++].name, name, HIST_NAME_MAX);
}

static struct hv_world *hv_world(struct kunit *test)
{
	static const char *const names[] = { "a", "b", "c" };
	struct hv_world *w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, w);
	INIT_LIST_HEAD(&w->tr.events);
	w->cls[0].system = "s";
	w->cls[1].system = "t";
	for (i = 0; i < 3; i++) {
		w->call[i].class = &w->cls[i == 2];
		w->call[i].name = (char *)names[i];
		w->file[i].event_call = &w->call[i];
		w->file[i].tr = &w->tr;
		INIT_LIST_HEAD(&w->file[i].triggers);
		list_add_tail(&w->file[i].list, &w->tr.events);
		w->trig[i].cmd = trigger_cmd_find("hist", 4);
		w->trig[i].file = &w->file[i];
		w->trig[i].data = &w->ht[i];
		w->ht[i].table = &w->tab[i];
		refcount_set(&w->tab[i].ref, 1);
		list_add_tail(&w->trig[i].list, &w->file[i].triggers);
	}
	/* "ts0" on s.b and t.c; "only_b" on s.b; "x" on s.a's own table */
	hv_var(&w->tab[1], "ts0");
	hv_var(&w->tab[1], "only_b");
	hv_var(&w->tab[2], "ts0");
	hv_var(&w->tab[0], "x");
	/* The command being bound, on s.a, with its own "mine". */
	w->spec.vars[0].name = "mine";
	w->spec.vars[0].len = 4;
	w->spec.nr_vars = 1;
	w->self.table = &w->self_tab;
	w->self.inter = &w->inter;
	w->b = (struct hist_bind){ .file = &w->file[0], .spec = &w->spec,
				   .tab = &w->self_tab, .ht = &w->self,
				   .err = &w->err };
	return w;
}

static int hv_resolve(struct hv_world *w, const char *sys, const char *name,
		      bool *own, u8 *idx)
{
	int ret;

	mutex_lock(&trace_mutex);
	ret = hist_ref_resolve(&w->b, sys, sys ? strlen(sys) : 0, name,
			       strlen(name), 7, own, idx);
	mutex_unlock(&trace_mutex);
	return ret;
}

static void hist_vars_own(struct kunit *test)
{
	struct hv_world *w = hv_world(test);
	bool own;
	u8 idx;

	KUNIT_EXPECT_EQ(test, hv_resolve(w, NULL, "mine", &own, &idx), 0);
	KUNIT_EXPECT_TRUE(test, own);
	KUNIT_EXPECT_EQ(test, idx, 0);
	/* Qualified with its own event: still its own. */
	KUNIT_EXPECT_EQ(test, hv_resolve(w, "s.a", "mine", &own, &idx), 0);
	KUNIT_EXPECT_TRUE(test, own);
	KUNIT_EXPECT_EQ(test, w->inter.nr_refs, 0);
}

static void hist_vars_other(struct kunit *test)
{
	struct hv_world *w = hv_world(test);
	bool own;
	u8 idx, again;

	/* One table defines it: a reference, which holds the table. */
	KUNIT_ASSERT_EQ(test, hv_resolve(w, NULL, "only_b", &own, &idx), 0);
	KUNIT_EXPECT_FALSE(test, own);
	KUNIT_EXPECT_PTR_EQ(test, w->inter.refs[idx].tab, &w->tab[1]);
	KUNIT_EXPECT_EQ(test, w->inter.refs[idx].var, 1);
	KUNIT_EXPECT_EQ(test, w->tab[1].var_users, 1);
	KUNIT_EXPECT_EQ(test, refcount_read(&w->tab[1].ref), 2);
	KUNIT_EXPECT_TRUE(test, hist_trigger_busy(&w->trig[1]));
	KUNIT_EXPECT_FALSE(test, hist_trigger_busy(&w->trig[2]));
	/* The same variable again: the same reference. */
	KUNIT_ASSERT_EQ(test, hv_resolve(w, "s.b", "only_b", &own, &again), 0);
	KUNIT_EXPECT_EQ(test, again, idx);
	KUNIT_EXPECT_EQ(test, w->inter.nr_refs, 1);
	KUNIT_EXPECT_EQ(test, w->tab[1].var_users, 1);
	/* Another table's variable of the trigger's own event. */
	KUNIT_ASSERT_EQ(test, hv_resolve(w, NULL, "x", &own, &idx), 0);
	KUNIT_EXPECT_PTR_EQ(test, w->inter.refs[idx].tab, &w->tab[0]);
	KUNIT_EXPECT_EQ(test, w->inter.nr_refs, 2);
}

static void hist_vars_ambiguous(struct kunit *test)
{
	struct hv_world *w = hv_world(test);
	bool own;
	u8 idx;

	/* Two events define ts0: refused, at the reference. */
	KUNIT_EXPECT_EQ(test, hv_resolve(w, NULL, "ts0", &own, &idx), -EINVAL);
	KUNIT_EXPECT_EQ(test, w->err.code, HERR_VAR_NOT_UNIQUE);
	KUNIT_EXPECT_EQ(test, w->err.pos, 7);
	KUNIT_EXPECT_EQ(test, w->inter.nr_refs, 0);
	/* Qualified, each is found. */
	KUNIT_ASSERT_EQ(test, hv_resolve(w, "t.c", "ts0", &own, &idx), 0);
	KUNIT_EXPECT_PTR_EQ(test, w->inter.refs[idx].tab, &w->tab[2]);
	KUNIT_ASSERT_EQ(test, hv_resolve(w, "s.b", "ts0", &own, &idx), 0);
	KUNIT_EXPECT_PTR_EQ(test, w->inter.refs[idx].tab, &w->tab[1]);
	/* The onmatch() event is looked at first. */
	w->b.match = &w->file[2];
	w->inter.nr_refs = 0;
	KUNIT_ASSERT_EQ(test, hv_resolve(w, NULL, "ts0", &own, &idx), 0);
	KUNIT_EXPECT_PTR_EQ(test, w->inter.refs[idx].tab, &w->tab[2]);
}

static void hist_vars_missing(struct kunit *test)
{
	struct hv_world *w = hv_world(test);
	bool own;
	u8 idx;

	KUNIT_EXPECT_EQ(test, hv_resolve(w, NULL, "nosuch", &own, &idx),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, w->err.code, HERR_VAR_NOT_FOUND);
	KUNIT_EXPECT_EQ(test, hv_resolve(w, "s.nosuch", "ts0", &own, &idx),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, w->err.code, HERR_EVENT_NOT_FOUND);
	KUNIT_EXPECT_EQ(test, hv_resolve(w, "sb", "ts0", &own, &idx), -EINVAL);
	KUNIT_EXPECT_EQ(test, w->err.code, HERR_EVENT_NOT_FOUND);
	/* Defined, but not on the event named. */
	KUNIT_EXPECT_EQ(test, hv_resolve(w, "t.c", "only_b", &own, &idx),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, w->err.code, HERR_VAR_NOT_FOUND);
	/* A trigger built for a removal defines nothing. */
	w->ht[1].unlisted = true;
	KUNIT_EXPECT_EQ(test, hv_resolve(w, NULL, "only_b", &own, &idx),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, w->inter.nr_refs, 0);
}

static struct kunit_case trace_hist_vars_cases[] = {
	KUNIT_CASE(hist_vars_own),
	KUNIT_CASE(hist_vars_other),
	KUNIT_CASE(hist_vars_ambiguous),
	KUNIT_CASE(hist_vars_missing),
	{}
};

static struct kunit_suite trace_hist_vars_suite = {
	.name		= "trace_hist_vars",
	.test_cases	= trace_hist_vars_cases,
};

kunit_test_suite(trace_hist_vars_suite);
