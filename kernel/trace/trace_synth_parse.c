// SPDX-License-Identifier: GPL-2.0
/*
 * trace_synth_parse.c - the definition of a synthetic event, from text to
 * a struct synth_def.
 *
 *   name type field[; type field]...
 *
 * Fields are separated by ';' or, as in the oldest syntax, only by
 * blanks.  A type is one of types[] below; "unsigned" joins the next
 * word.  An array suffix ("[N]" or "[]") goes on the field name or on the
 * type: char name[N] is a string of at most N - 1 characters (N <= 256),
 * char name[] a dynamic string, long[] name or unsigned long[] name a
 * stack, and type name[N] a fixed array of N numbers.  Errors carry the
 * code and position that error_log shows, as mainline reports them.
 *
 * Locking: none; the parser only allocates its result.
 */

#include <linux/ctype.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "trace_synth.h"

/* Mainline's messages, which tools and selftests look for. */
const char *const synth_errs[] = {
	[SERR_BAD_NAME]		  = "Illegal name",
	[SERR_INVALID_CMD]	  = "Command must be of the form: <name> field[;field] ...",
	[SERR_INVALID_DYN_CMD]	  = "Command must be of the form: s or -:[synthetic/]<name> field[;field] ...",
	[SERR_EVENT_EXISTS]	  = "Event already exists",
	[SERR_TOO_MANY_FIELDS]	  = "Too many fields",
	[SERR_INCOMPLETE_TYPE]	  = "Incomplete type",
	[SERR_INVALID_TYPE]	  = "Invalid type",
	[SERR_INVALID_FIELD]	  = "Invalid field",
	[SERR_INVALID_ARRAY_SPEC] = "Invalid array specification",
};

static const struct synth_type types[] = {
	{ "s64",		8, true,  "%lld" },
	{ "u64",		8, false, "%llu" },
	{ "s32",		4, true,  "%d" },
	{ "u32",		4, false, "%u" },
	{ "s16",		2, true,  "%d" },
	{ "u16",		2, false, "%u" },
	{ "s8",			1, true,  "%d" },
	{ "u8",			1, false, "%u" },
	{ "char",		1, true,  "%d" },
	{ "unsigned char",	1, false, "%u" },
	{ "short",		2, true,  "%d" },
	{ "unsigned short",	2, false, "%u" },
	{ "int",		4, true,  "%d" },
	{ "unsigned int",	4, false, "%u" },
	{ "long",		8, true,  "%ld" },
	{ "unsigned long",	8, false, "%lu" },
	{ "pid_t",		4, true,  "%d" },
	{ "gfp_t",		4, false, "%x" },
	{ "bool",		1, false, "%d" },
};

static const struct synth_type *type_find(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(types); i++)
		if (strlen(types[i].name) == len &&
		    !strncmp(types[i].name, name, len))
			return &types[i];
	return NULL;
}

static bool good_name(const char *s, size_t len)
{
	size_t i;

	if (!len || len >= SYNTH_NAME_MAX || (!isalpha(*s) && *s != '_'))
		return false;
	for (i = 1; i < len; i++)
		if (!isalnum(s[i]) && s[i] != '_')
			return false;
	return true;
}

/* A word of the command: [s, s + len) at offset pos. */
struct word {
	const char	*s;
	int		len;
	int		pos;
};

/* The next blank-separated word before @end, or false. */
static bool next_word(const char *cmd, const char **p, const char *end,
		      struct word *w)
{
	const char *s = *p;

	while (s < end && isspace(*s))
		s++;
	if (s >= end)
		return false;
	w->s = s;
	while (s < end && !isspace(*s))
		s++;
	w->len = s - w->s;
	w->pos = w->s - cmd;
	*p = s;
	return true;
}

/* "[N]" or "[]": 0 and @n for a size, 0 and -1 for [], -1 if malformed. */
static int array_spec(const char *s, size_t len, int *n)
{
	unsigned int v = 0;
	size_t i;

	if (len < 2 || s[0] != '[' || s[len - 1] != ']')
		return -1;
	if (len == 2) {
		*n = -1;
		return 0;
	}
	for (i = 1; i < len - 1; i++) {
		if (!isdigit(s[i]) || v > SYNTH_STR_MAX)
			return -1;
		v = v * 10 + s[i] - '0';
	}
	if (!v || v > SYNTH_STR_MAX)
		return -1;
	*n = v;
	return 0;
}

/*
 * Complete @f from its element type and array suffix (n: 0, -1 or N).
 * Returns 0, -ENOMEM, or 1 for an array of a type that cannot be dynamic.
 */
static int field_kind(struct synth_field *f, const struct synth_type *t,
		      int n)
{
	bool is_char = !strcmp(t->name, "char");
	bool is_long = !strcmp(t->name, "long") ||
		       !strcmp(t->name, "unsigned long");

	if (n < 0 && !is_char && !is_long)
		return 1;
	f->base = t;
	f->size = 8;
	if (!n) {
		f->kind = SYNTH_NUM;
	} else if (n < 0) {
		f->kind = is_char ? SYNTH_DYN_STR : SYNTH_STACK;
	} else {
		f->kind = is_char ? SYNTH_STR : SYNTH_ARRAY;
		f->len = n;
		f->size = round_up(n * t->size, 8);
	}
	if (n > 0)
		f->type = kasprintf(GFP_KERNEL, "%s[%d]", t->name, n);
	else
		f->type = kasprintf(GFP_KERNEL, "%s%s", t->name, n ? "[]" : "");
	return f->type ? 0 : -ENOMEM;
}

static int fail(struct synth_parse_err *err, int code, int pos)
{
	err->code = code;
	err->pos = pos;
	return -EINVAL;
}

/*
 * One field from its type (@type, with an optional array suffix, whose
 * word starts at @type_pos) and its name word (likewise).
 * Returns 0, -ENOMEM, or -EINVAL with @err set.
 */
static int field_from_words(struct synth_field *f, const char *type,
			    size_t type_len, int type_pos,
			    const struct word *name,
			    struct synth_parse_err *err)
{
	const char *tb = memchr(type, '[', type_len);
	const char *nb = memchr(name->s, '[', name->len);
	size_t tlen = tb ? tb - type : type_len;
	size_t nlen = nb ? nb - name->s : name->len;
	const struct synth_type *t;
	int n = 0, ret;

	if (!good_name(name->s, nlen))
		return fail(err, SERR_BAD_NAME, name->pos);
	if (tb && nb)
		return fail(err, SERR_INVALID_ARRAY_SPEC, name->pos);
	if (nb && array_spec(nb, name->len - nlen, &n))
		return fail(err, SERR_INVALID_ARRAY_SPEC, name->pos);
	if (tb && array_spec(tb, type_len - tlen, &n))
		return fail(err, SERR_INVALID_ARRAY_SPEC, type_pos);
	t = type_find(type, tlen);
	if (!t)
		return fail(err, SERR_INVALID_TYPE, type_pos);
	ret = field_kind(f, t, n);
	if (ret > 0)
		return fail(err, SERR_INVALID_TYPE, type_pos);
	if (ret)
		return ret;
	f->name = kstrndup(name->s, nlen, GFP_KERNEL);
	return f->name ? 0 : -ENOMEM;
}

static bool name_taken(const struct synth_def *def, const struct word *w)
{
	const char *b = memchr(w->s, '[', w->len);
	size_t len = b ? b - w->s : w->len;
	int i;

	for (i = 0; i < def->n_fields; i++)
		if (strlen(def->fields[i].name) == len &&
		    !strncmp(def->fields[i].name, w->s, len))
			return true;
	return false;
}

/* "unsigned" and the next word, into @buf; false if that is no type. */
static bool unsigned_type(const struct word *w, char *buf, size_t size)
{
	const char *br = memchr(w->s, '[', w->len);
	size_t blen = br ? br - w->s : w->len;

	if (snprintf(buf, size, "unsigned %.*s", w->len, w->s) >= size)
		return false;
	return type_find(buf, strlen("unsigned ") + blen);
}

/*
 * The fields of one ';'-separated segment.
 * Returns 0, -ENOMEM, or -EINVAL with @err set.
 */
static int parse_segment(const char *cmd, const char *p, const char *end,
			 struct synth_def *def, struct synth_parse_err *err)
{
	struct synth_field *f;
	struct word a, b, c;
	const struct word *name;
	const char *type;
	size_t type_len;
	char buf[32];
	int ret;

	while (next_word(cmd, &p, end, &a)) {
		if (!next_word(cmd, &p, end, &b))
			return fail(err, SERR_INVALID_FIELD, a.pos);
		type = a.s;
		type_len = a.len;
		name = &b;
		if (a.len == 8 && !strncmp(a.s, "unsigned", 8)) {
			if (!unsigned_type(&b, buf, sizeof(buf)))
				return fail(err, SERR_INCOMPLETE_TYPE, a.pos);
			if (!next_word(cmd, &p, end, &c))
				return fail(err, SERR_INVALID_FIELD, a.pos);
			type = buf;
			type_len = strlen(buf);
			name = &c;
		}
		if (def->n_fields >= SYNTH_FIELDS_MAX)
			return fail(err, SERR_TOO_MANY_FIELDS, a.pos);
		if (name_taken(def, name))
			return fail(err, SERR_INVALID_FIELD, name->pos);
		f = &def->fields[def->n_fields];
		ret = field_from_words(f, type, type_len, a.pos, name, err);
		if (ret) {
			/* A field that failed late may hold its type text. */
			kfree(f->type);
			memset(f, 0, sizeof(*f));
			return ret;
		}
		def->n_fields++;
	}
	return 0;
}

/**
 * synth_parse() - parse a synthetic event definition
 * @cmd: the command, as error_log will show it
 * @start: where the definition starts in @cmd (after "s:synthetic/")
 * @def: the result, to be freed with synth_def_free() on success
 * @err: the error code and position on failure
 *
 * A type written "unsigned" with the next word over two words ("unsigned
 * long[] stack") is one type.
 *
 * Context: process context.
 * Return: 0, -ENOMEM, or -EINVAL with @err set.
 */
int synth_parse(const char *cmd, int start, struct synth_def *def,
		struct synth_parse_err *err)
{
	const char *p = cmd + start, *end, *seg;
	struct word name;
	int ret;

	memset(def, 0, sizeof(*def));
	end = p + strlen(p);
	if (!next_word(cmd, &p, end, &name) || memchr(name.s, ';', name.len))
		return fail(err, SERR_INVALID_CMD, 0);
	if (!good_name(name.s, name.len))
		return fail(err, SERR_BAD_NAME, name.pos);
	def->fields = kcalloc(SYNTH_FIELDS_MAX, sizeof(*def->fields),
			      GFP_KERNEL);
	def->name = kstrndup(name.s, name.len, GFP_KERNEL);
	if (!def->fields || !def->name) {
		ret = -ENOMEM;
		goto out;
	}
	while (p < end) {
		seg = strchrnul(p, ';');
		ret = parse_segment(cmd, p, seg, def, err);
		if (ret)
			goto out;
		/* Nothing before the first ';' is not a definition. */
		if (!def->n_fields && *seg == ';') {
			ret = fail(err, SERR_INVALID_CMD, 0);
			goto out;
		}
		p = *seg ? seg + 1 : seg;
	}
	if (def->n_fields)
		return 0;
	ret = fail(err, SERR_INVALID_CMD, 0);
out:
	synth_def_free(def);
	return ret;
}

/**
 * synth_parse_field() - parse one field given as a type and a name
 * @type: the type, which may end in an array suffix
 * @name: the name, which may end in an array suffix
 * @field: the result; free its name and type with kfree()
 *
 * For the in-kernel API, whose callers give the two apart.
 *
 * Context: process context.
 * Return: 0, -ENOMEM or -EINVAL.
 */
int synth_parse_field(const char *type, const char *name,
		      struct synth_field *field)
{
	struct word n = { .s = name, .len = strlen(name) };
	struct synth_parse_err err;
	int ret;

	memset(field, 0, sizeof(*field));
	ret = field_from_words(field, type, strlen(type), 0, &n, &err);
	if (ret) {
		kfree(field->type);
		memset(field, 0, sizeof(*field));
	}
	return ret;
}

/**
 * synth_def_free() - free what synth_parse() allocated
 * @def: the definition; may be partly built or empty
 *
 * Context: any.
 */
void synth_def_free(struct synth_def *def)
{
	int i;

	if (def->fields)
		for (i = 0; i < def->n_fields; i++) {
			kfree(def->fields[i].name);
			kfree(def->fields[i].type);
		}
	kfree(def->fields);
	kfree(def->name);
	memset(def, 0, sizeof(*def));
}

/**
 * synth_def_equal() - whether two definitions have the same fields
 * @a: one
 * @b: the other
 *
 * Names of the events are not compared.
 *
 * Context: any.
 * Return: true when the fields agree in number, order, type and name.
 */
bool synth_def_equal(const struct synth_def *a, const struct synth_def *b)
{
	int i;

	if (a->n_fields != b->n_fields)
		return false;
	for (i = 0; i < a->n_fields; i++)
		if (strcmp(a->fields[i].name, b->fields[i].name) ||
		    strcmp(a->fields[i].type, b->fields[i].type))
			return false;
	return true;
}

/**
 * synth_show_fields() - list the fields as synthetic_events shows them
 * @m: the seq_file
 * @def: the definition
 *
 * "type name; type name", arrays on the type ("char[16] comm").
 *
 * Context: any.
 */
void synth_show_fields(struct seq_file *m, const struct synth_def *def)
{
	int i;

	for (i = 0; i < def->n_fields; i++)
		seq_printf(m, "%s%s %s", i ? "; " : "", def->fields[i].type,
			   def->fields[i].name);
}

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/trace_synth_parse-kunit.h"
#endif
