/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit tests for trace_hist.c, included at the end of it: the room a
 * string or array key has in the compound key (key_slot()) against what
 * key_load() writes there, for every kind of such field, on a crafted
 * event and record: the whole text, its NUL, and not a byte past the
 * slot, whether the key ends the compound key or not.
 */
#include <kunit/test.h>

/* The dynamic data of the record, after its fixed part. */
#define KH_AREA		1024
#define KH_TAIL		0	/* in @buf: the tail string */
#define KH_DSTR		512	/* the __data_loc string */
#define KH_RSTR		820	/* the __rel_loc string */
#define KH_LONGS	840	/* the __data_loc array of longs */

/* A record with a field of every kind a string or array key reads. */
struct kh_rec {
	struct trace_entry	ent;
	char			tag[8];
	u32			__data_loc_dstr;
	u32			__rel_loc_rstr;
	const char		*ptr;
	u32			__data_loc_longs;
	char			buf[KH_AREA];
};

static struct trace_event_fields kh_fields[] = {
	{ .type = "char", .name = "tag", .size = 8, .align = 1, .len = 8 },
	{ .type = "__data_loc char[]", .name = "dstr", .size = 4,
	  .align = 4, .filter_type = FILTER_DYN_STRING },
	{ .type = "__rel_loc char[]", .name = "rstr", .size = 4,
	  .align = 4, .filter_type = FILTER_RDYN_STRING },
	{ .type = "const char *", .name = "ptr", .size = 8, .align = 8,
	  .filter_type = FILTER_PTR_STRING },
	{ .type = "__data_loc unsigned long[]", .name = "longs", .size = 4,
	  .align = 4 },
	/* As ftrace/print's buf: text to the end of the record. */
	{ .type = "char", .name = "buf", .size = 0, .align = 1, .len = -1 },
	{}
};

static struct trace_event_class kh_class = {
	.system		= "kunit",
	.fields_array	= kh_fields,
	.fields		= LIST_HEAD_INIT(kh_class.fields),
};

static struct trace_event_call kh_call = {
	.class		= &kh_class,
	.name		= "kunit_hist",
};

/* Longer than a string key keeps. */
#define KH_LONG		400

/* What one key writes, and where its room ends. */
struct kh_world {
	struct hist_table	tab;
	struct hist_trigger	ht;
	struct event_trigger	t;
	struct kh_rec		rec;
	u8			key[HIST_KEY_SIZE_MAX + 64];
	char			tail[KH_LONG + 1];
	char			dstr[KH_LONG + 1];
	char			ptr[KH_LONG + 1];
	char			want[KH_LONG + 1];
};

#define KH_GUARD	0xa5

static int kh_init(struct kunit *test)
{
	int ret;

	mutex_lock(&trace_mutex);
	ret = trace_event_define_fields(&kh_call);
	mutex_unlock(&trace_mutex);
	return ret;
}

static void kh_exit(struct kunit *test)
{
	mutex_lock(&trace_mutex);
	trace_event_free_fields(&kh_call);
	mutex_unlock(&trace_mutex);
}

static struct kh_world *kh_world(struct kunit *test)
{
	struct kh_world *w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, w);
	w->ht.table = &w->tab;
	w->t.data = &w->ht;
	return w;
}

/* @buf: @n characters @c, NUL-terminated. */
static const char *kh_text(char *buf, char c, unsigned int n)
{
	memset(buf, c, n);
	buf[n] = '\0';
	return buf;
}

/*
 * Key @name, as the last key (@last) or followed by another, loaded from
 * @w->rec: @want is what it must hold.  Return: its slot.
 */
static unsigned int kh_key(struct kunit *test, struct kh_world *w,
			   const char *name, u32 mods, bool last,
			   const void *want, unsigned int want_len)
{
	struct hist_field_spec f = { .name = name, .len = strlen(name),
				     .mods = mods };
	struct hist_col *col = &w->tab.keys[0];
	struct hist_error err;
	unsigned int slot, end, i;
	int ret;

	mutex_lock(&trace_mutex);
	ret = hist_resolve(&kh_call, &f, true, col, &w->ht.keys[0], &err);
	mutex_unlock(&trace_mutex);
	KUNIT_ASSERT_EQ(test, ret, 0);
	slot = key_slot(col, &w->ht.keys[0]);
	col->key_off = 0;
	col->key_size = slot;
	w->tab.nr_keys = last ? 1 : 2;
	memset(w->key, KH_GUARD, sizeof(w->key));
	end = key_load(&w->t, 0, &w->rec, w->key);

	KUNIT_EXPECT_LE_MSG(test, end, slot, "key %s", name);
	if (!last)
		KUNIT_EXPECT_EQ_MSG(test, end, slot, "key %s", name);
	for (i = slot; i < sizeof(w->key); i++) {
		if (w->key[i] != KH_GUARD) {
			KUNIT_FAIL(test, "key %s: byte %u of a slot of %u written",
				   name, i, slot);
			break;
		}
	}
	KUNIT_EXPECT_LE(test, want_len, slot);
	KUNIT_EXPECT_MEMEQ_MSG(test, w->key, want, want_len, "key %s", name);
	return slot;
}

/* A string key holds the whole text and its NUL, and nothing past it. */
static unsigned int kh_str(struct kunit *test, struct kh_world *w,
			   const char *name, bool last, const char *want)
{
	unsigned int slot = kh_key(test, w, name, 0, last, want,
				   strlen(want) + 1);

	if (last)
		return slot;
	/* Not the last key: padded with NULs to its slot. */
	KUNIT_EXPECT_TRUE_MSG(test, !memchr_inv(w->key + strlen(want), 0,
						slot - strlen(want)),
			      "key %s not padded", name);
	return slot;
}

static void kh_fill(struct kh_world *w, const char *tail, const char *dstr,
		    const char *ptr)
{
	struct kh_rec *r = &w->rec;
	u32 off = offsetof(struct kh_rec, buf);
	unsigned long longs[3] = { 1, 2, 3 };

	memset(r, 0, sizeof(*r));
	memcpy(r->tag, "abcdefgh", 8);		/* all eight, no NUL */
	strscpy(r->buf + KH_TAIL, tail, KH_DSTR - KH_TAIL);
	strscpy(r->buf + KH_DSTR, dstr, KH_RSTR - KH_DSTR);
	r->__data_loc_dstr = ((strlen(dstr) + 1) << 16) | (off + KH_DSTR);
	strscpy(r->buf + KH_RSTR, "relative", KH_LONGS - KH_RSTR);
	r->__rel_loc_rstr = (9 << 16) |
		(off + KH_RSTR - offsetof(struct kh_rec, __rel_loc_rstr) - 4);
	r->ptr = ptr;
	memcpy(r->buf + KH_LONGS, longs, sizeof(longs));
	r->__data_loc_longs = (sizeof(longs) << 16) | (off + KH_LONGS);
}

/* The crafted layout is where define_fields() put the fields. */
static void hist_key_layout(struct kunit *test)
{
	static const struct { const char *name; size_t off; } want[] = {
		{ "tag", offsetof(struct kh_rec, tag) },
		{ "dstr", offsetof(struct kh_rec, __data_loc_dstr) },
		{ "rstr", offsetof(struct kh_rec, __rel_loc_rstr) },
		{ "ptr", offsetof(struct kh_rec, ptr) },
		{ "longs", offsetof(struct kh_rec, __data_loc_longs) },
		{ "buf", offsetof(struct kh_rec, buf) },
	};
	struct ftrace_event_field *field;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		mutex_lock(&trace_mutex);
		field = trace_find_event_field(&kh_call, want[i].name);
		mutex_unlock(&trace_mutex);
		KUNIT_ASSERT_NOT_NULL(test, field);
		KUNIT_EXPECT_EQ_MSG(test, field->offset, want[i].off, "%s",
				    want[i].name);
	}
}

static const char kh_kernel_str[] = "kernel string";

static void hist_key_strings(struct kunit *test)
{
	struct kh_world *w = kh_world(test);
	const unsigned int cut = HIST_STR_MAX - 1;
	unsigned int last;

	for (last = 0; last < 2; last++) {
		kh_fill(w, "hello tail", "dynamic", kh_kernel_str);
		/* A char[8] that its text fills: 8 characters and a NUL. */
		KUNIT_EXPECT_EQ(test, kh_str(test, w, "tag", last, "abcdefgh"),
				9);
		/* The tail string: its text, not nothing. */
		KUNIT_EXPECT_EQ(test, kh_str(test, w, "buf", last,
					     "hello tail"), HIST_STR_MAX);
		KUNIT_EXPECT_EQ(test, kh_str(test, w, "dstr", last, "dynamic"),
				HIST_STR_MAX);
		KUNIT_EXPECT_EQ(test, kh_str(test, w, "rstr", last,
					     "relative"), HIST_STR_MAX);
		KUNIT_EXPECT_EQ(test, kh_str(test, w, "ptr", last,
					     kh_kernel_str), HIST_STR_MAX);
		if (last) {
			/* A string that ends the key stops at its NUL. */
			KUNIT_EXPECT_EQ(test, key_load(&w->t, 0, &w->rec,
						       w->key),
					sizeof(kh_kernel_str));
		}

		/* Longer than a key keeps: cut to HIST_STR_MAX - 1. */
		kh_fill(w, kh_text(w->tail, 't', KH_LONG),
			kh_text(w->dstr, 'd', KH_LONG - 100),
			kh_text(w->ptr, 'p', KH_LONG));
		kh_str(test, w, "buf", last, kh_text(w->want, 't', cut));
		kh_str(test, w, "dstr", last, kh_text(w->want, 'd', cut));
		kh_str(test, w, "ptr", last, kh_text(w->want, 'p', cut));
	}
}

/* An array of longs (.stacktrace): its longs, zero-padded to its slot. */
static void hist_key_longs(struct kunit *test)
{
	struct kh_world *w = kh_world(test);
	unsigned long want[HIST_STACK_DEPTH] = { 1, 2, 3 };
	unsigned int last;

	for (last = 0; last < 2; last++) {
		kh_fill(w, "", "", kh_kernel_str);
		KUNIT_EXPECT_EQ(test, kh_key(test, w, "longs",
					     BIT(FMOD_STACKTRACE), last, want,
					     sizeof(want)),
				sizeof(want));
	}
}

static struct kunit_case trace_hist_cases[] = {
	KUNIT_CASE(hist_key_layout),
	KUNIT_CASE(hist_key_strings),
	KUNIT_CASE(hist_key_longs),
	{}
};

static struct kunit_suite trace_hist_suite = {
	.name		= "trace_hist",
	.init		= kh_init,
	.exit		= kh_exit,
	.test_cases	= trace_hist_cases,
};
kunit_test_suite(trace_hist_suite);
