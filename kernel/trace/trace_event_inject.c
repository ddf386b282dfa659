// SPDX-License-Identifier: GPL-2.0
/*
 * trace_event_inject.c - an event's inject file: write field values,
 * and one event with those values goes through the event's record path.
 *
 *	echo 'bytes_req=100 call_site=0xffffffff81234567' > \
 *		events/kmem/kmalloc/inject
 *
 * The write is a list of "field=value" (or "field==value") separated by
 * blanks.  A number must fit its field's size and sign; a string is a
 * word or quoted with '"' or '\'', and goes into a char array (cut to
 * its length) or a __data_loc/__rel_loc string.  Fields not named are
 * zero (strings empty).  The common fields are the record path's, and
 * naming one, an unknown field, a "char *" field or a bad value fails
 * with EINVAL and records nothing.
 *
 * The record then goes where a probe's would: through the event's
 * triggers, its soft mode, its filter and into the buffer if it is on.
 * So a hist trigger can be fed exact inputs.
 *
 * Locking: the record is built under trace_mutex (the field list stays)
 * and recorded with preemption disabled, as a probe records.
 */

#include <linux/ctype.h>
#include <linux/slab.h>
#include <linux/trace_events.h>
#include <linux/unaligned.h>

#include "trace_array.h"
#include "trace_event_types.h"

/* The longest string field an injection fills. */
#define INJECT_STR_MAX	256

/**
 * struct inject_rec - a record being built
 * @buf: the fixed part, then the dynamic strings
 * @fixed: bytes of the fixed part
 * @len: bytes used
 * @size: bytes allocated
 */
struct inject_rec {
	u8	*buf;
	u32	fixed;
	u32	len;
	u32	size;
};

static u32 fixed_size(struct trace_event_call *call)
{
	struct ftrace_event_field *field;
	u32 size = sizeof(struct trace_entry);

	list_for_each_entry(field, trace_get_fields(call), link)
		size = max_t(u32, size, field->offset + field->size);
	return ALIGN(size, sizeof(u32));
}

static bool is_loc(const struct ftrace_event_field *field)
{
	return str_has_prefix(field->type, "__data_loc") ||
	       str_has_prefix(field->type, "__rel_loc");
}

/* Point a __data_loc/__rel_loc field at @len bytes of @s, appended. */
static int put_loc(struct inject_rec *r, const struct ftrace_event_field *f,
		   const char *s, size_t len)
{
	u32 at = r->len, off;

	if (r->len + len + 1 > r->size || at > 0xffff)
		return -E2BIG;
	memcpy(r->buf + at, s, len);
	r->buf[at + len] = '\0';
	r->len += len + 1;
	off = f->type[2] == 'd' ? at : at - (f->offset + f->size);
	put_unaligned((u32)((len + 1) << 16 | off), (u32 *)(r->buf + f->offset));
	return 0;
}

static int put_num(u8 *p, const struct ftrace_event_field *f, const char *v)
{
	u64 u;
	s64 s;

	if (f->is_signed) {
		if (kstrtos64(v, 0, &s))
			return -EINVAL;
		if (f->size < 8 && (s < -(1LL << (f->size * 8 - 1)) ||
				    s >= (1LL << (f->size * 8 - 1))))
			return -EINVAL;
		u = s;
	} else {
		if (kstrtou64(v, 0, &u))
			return -EINVAL;
		if (f->size < 8 && u >> (f->size * 8))
			return -EINVAL;
	}
	switch (f->size) {
	case 1:
		*p = u;
		return 0;
	case 2:
		put_unaligned((u16)u, (u16 *)p);
		return 0;
	case 4:
		put_unaligned((u32)u, (u32 *)p);
		return 0;
	case 8:
		put_unaligned(u, (u64 *)p);
		return 0;
	}
	return -EINVAL;
}

static int put_field(struct inject_rec *r, const struct ftrace_event_field *f,
		     const char *v, size_t vlen)
{
	char num[32];

	if (is_loc(f)) {
		if (!strstr(f->type, "char[]"))
			return -EINVAL;
		return put_loc(r, f, v, vlen);
	}
	if (f->filter_type == FILTER_STATIC_STRING ||
	    (f->len && strstr(f->type, "char"))) {
		size_t n = min_t(size_t, vlen, f->size - 1);

		memset(r->buf + f->offset, 0, f->size);
		memcpy(r->buf + f->offset, v, n);
		return 0;
	}
	if (f->len || f->filter_type != FILTER_OTHER || vlen >= sizeof(num))
		return -EINVAL;
	memcpy(num, v, vlen);
	num[vlen] = '\0';
	return put_num(r->buf + f->offset, f, num);
}

/* Parse "field=value ..." at @s into @r. */
static int inject_parse(struct trace_event_call *call, char *s,
			struct inject_rec *r)
{
	struct ftrace_event_field *f;
	bool quoted;
	char *name, *v;
	size_t vlen;
	int ret;

	for (s = skip_spaces(s); *s; s = skip_spaces(s)) {
		name = s;
		while (*s && *s != '=' && !isspace(*s))
			s++;
		if (*s != '=' || s == name)
			return -EINVAL;
		*s++ = '\0';
		if (*s == '=')
			s++;
		quoted = *s == '"' || *s == '\'';
		if (quoted) {
			char q = *s++;

			v = s;
			s = strchr(s, q);
			if (!s)
				return -EINVAL;
			vlen = s++ - v;
			if (*s && !isspace(*s))
				return -EINVAL;
		} else {
			v = s;
			while (*s && !isspace(*s))
				s++;
			vlen = s - v;
		}
		if (vlen > INJECT_STR_MAX)
			return -EINVAL;
		f = trace_find_event_field(call, name);
		if (!f || f->offset < sizeof(struct trace_entry))
			return -EINVAL;
		ret = put_field(r, f, v, vlen);
		if (ret)
			return ret;
	}
	return 0;
}

/* Empty strings for the dynamic string fields the write left out. */
static int inject_defaults(struct trace_event_call *call,
			   struct inject_rec *r)
{
	struct ftrace_event_field *f;
	int ret;

	list_for_each_entry(f, trace_get_fields(call), link) {
		if (!is_loc(f) || get_unaligned((u32 *)(r->buf + f->offset)))
			continue;
		ret = put_loc(r, f, "", 0);
		if (ret)
			return ret;
	}
	return 0;
}

/* Record @r as the event of @file would be recorded by its probe. */
static void inject_record(struct trace_event_file *file, struct inject_rec *r)
{
	struct trace_event_buffer fbuffer;
	struct trace_entry *ent;

	preempt_disable_notrace();
	if (trace_trigger_soft_disabled(file))
		goto out;
	ent = trace_event_buffer_reserve(&fbuffer, file, r->len);
	if (!ent)
		goto out;
	memcpy((u8 *)ent + sizeof(*ent), r->buf + sizeof(*ent),
	       r->len - sizeof(*ent));
	trace_event_buffer_commit(&fbuffer);
out:
	preempt_enable_notrace();
}

/**
 * trace_event_inject() - carry out a write to an event's inject file
 * @file: the event file
 * @buf: the text written, NUL-terminated; modified
 *
 * Context: process context; takes trace_mutex.
 * Return: 0, -EINVAL for a bad field or value, -ENODEV if the event is
 * gone, -ENOMEM, or -E2BIG if the strings make the record too long.
 */
int trace_event_inject(struct trace_event_file *file, char *buf)
{
	struct trace_event_call *call = file->event_call;
	struct inject_rec r = {};
	int ret = -ENODEV;

	mutex_lock(&trace_mutex);
	if (test_bit(EVENT_FILE_FL_FREED_BIT, &file->flags) ||
	    !call->class->reg)
		goto unlock;
	r.fixed = fixed_size(call);
	r.len = r.fixed;
	r.size = r.fixed + PAGE_SIZE;
	r.buf = kzalloc(r.size, GFP_KERNEL);
	ret = -ENOMEM;
	if (!r.buf)
		goto unlock;
	ret = inject_parse(call, buf, &r);
	if (!ret)
		ret = inject_defaults(call, &r);
	if (!ret)
		inject_record(file, &r);
	kfree(r.buf);
unlock:
	mutex_unlock(&trace_mutex);
	return ret;
}
