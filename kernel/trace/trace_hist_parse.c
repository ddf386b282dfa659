// SPDX-License-Identifier: GPL-2.0
/*
 * trace_hist_parse.c - the hist command parser.
 *
 * The text after "hist:" is a list of items separated by ':' (a ':'
 * inside parentheses does not separate):
 *
 *	keys=|key=<field>[,<field>...]		one to HIST_KEYS_MAX keys
 *	values=|vals=|val=<field>[,...]		values to sum
 *	sort=<field>[.ascending|.descending][,...]
 *	size=<N>				rounded up to a power of two
 *	name=<name>				share the table by name
 *	pause, cont|continue, clear, nohitcount|NOHC
 *
 * where a field is "name[.modifier]", the modifier one of the table of
 * trace_field_mod.c allowed for keys, values or sort keys.  The parser
 * checks only the shape; field names are resolved when the command is
 * bound to an event (trace_hist.c).  Positions are byte offsets in the
 * whole trigger command ("hist:" included), for error_log's caret.
 *
 * Locking: none; it works on the caller's buffer, which it points into.
 */

#include <linux/ctype.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/string.h>

#include "trace_field_mod.h"
#include "trace_hist.h"

/* The messages of enum hist_err, as error_log shows them. */
const char *const hist_errs[] = {
	[HERR_NONE]		= "Success",
	[HERR_NO_KEYS]		= "No keys specified",
	[HERR_EMPTY_ASSIGNMENT]	= "Empty assignment",
	[HERR_DUP_PARAM]	= "Parameter given twice",
	[HERR_BAD_PARAM]	= "Invalid hist trigger parameter",
	[HERR_TOO_MANY_KEYS]	= "Too many keys (max 3)",
	[HERR_TOO_MANY_VALS]	= "Too many values",
	[HERR_EMPTY_FIELD]	= "Empty field name",
	[HERR_BAD_MODIFIER]	= "Invalid field modifier",
	[HERR_BAD_BUCKETS]	= "Invalid buckets size",
	[HERR_EMPTY_SORT_FIELD]	= "Empty sort field",
	[HERR_TOO_MANY_SORT]	= "Too many sort fields (Max = 2)",
	[HERR_BAD_SORT_MOD]	= "Invalid sort modifier",
	[HERR_BAD_SORT_FIELD]	= "Sort field is not a key or value",
	[HERR_BAD_SIZE]		= "Invalid size (128 to 131072)",
	[HERR_BAD_NAME]		= "Invalid histogram name",
	[HERR_NOHC]		= "nohitcount needs a value other than hitcount",
	[HERR_FIELD_NOT_FOUND]	= "Couldn't find field",
	[HERR_MOD_NOT_ALLOWED]	= "Modifier not allowed for this field",
	[HERR_DUP_FIELD]	= "Duplicate field",
	[HERR_KEY_TOO_LARGE]	= "Compound key too large",
	[HERR_NOT_NUMERIC]	= "Values must be numeric",
	[HERR_NAMED_MISMATCH]	= "Named hist trigger doesn't match existing named trigger (includes variables)",
	[HERR_UNSUPPORTED]	= "Variables and actions are not supported yet",
};

static_assert(ARRAY_SIZE(hist_errs) == HERR_MAX);

/* The parser's state: the buffer, and its offset in the command. */
struct hparse {
	char			*s;
	u16			base;
	struct hist_spec	*spec;
	struct hist_error	*err;
};

static int herr(struct hparse *p, enum hist_err code, const char *at)
{
	p->err->code = code;
	p->err->pos = p->base + (at - p->s);
	return -EINVAL;
}

/* Length of the item at @s: up to a ':' outside parentheses. */
static size_t item_len(const char *s)
{
	int depth = 0;
	size_t n;

	for (n = 0; s[n]; n++) {
		if (s[n] == '(')
			depth++;
		else if (s[n] == ')' && depth)
			depth--;
		else if (s[n] == ':' && !depth)
			break;
	}
	return n;
}

static bool word_is(const char *s, size_t len, const char *word)
{
	return strlen(word) == len && !memcmp(s, word, len);
}

/*
 * Parse one field "name[.mod[=N]]" of @len bytes at @s into @f, the
 * modifier allowed at @where.  For sort keys the order modifiers are
 * taken separately by the caller.
 */
static int parse_field(struct hparse *p, char *s, size_t len,
		       unsigned int where, struct hist_field_spec *f)
{
	const struct field_mod *mod;
	char *dot = memchr(s, '.', len);
	size_t mlen;
	char *eq;

	memset(f, 0, sizeof(*f));
	f->name = s;
	f->pos = p->base + (s - p->s);
	f->len = dot ? dot - s : len;
	if (!f->len)
		return herr(p, HERR_EMPTY_FIELD, s);
	if (!dot)
		return 0;
	dot++;
	f->mod_pos = p->base + (dot - p->s);
	mlen = s + len - dot;
	eq = memchr(dot, '=', mlen);
	mod = trace_field_mod_find(dot, eq ? eq - dot : mlen, where);
	if (!mod || mod->where == FMW_SORT || !!eq != mod->arg)
		return herr(p, HERR_BAD_MODIFIER, dot);
	f->mods = BIT(mod - trace_field_mods);
	if (eq) {
		char num[24];
		size_t nlen = s + len - (eq + 1);

		if (!nlen || nlen >= sizeof(num))
			return herr(p, HERR_BAD_BUCKETS, eq + 1);
		memcpy(num, eq + 1, nlen);
		num[nlen] = '\0';
		if (kstrtou64(num, 0, &f->buckets) || !f->buckets)
			return herr(p, HERR_BAD_BUCKETS, eq + 1);
	}
	return 0;
}

/* A comma-separated list of fields; @max of them at most. */
static int parse_fields(struct hparse *p, char *item, char *s, size_t len,
			unsigned int where, struct hist_field_spec *fields,
			u8 *nr, unsigned int max, enum hist_err too_many)
{
	char *end = s + len;

	while (s <= end) {
		char *comma = memchr(s, ',', end - s);
		size_t n = comma ? comma - s : end - s;

		if (*nr >= max)
			return herr(p, too_many, item);
		if (parse_field(p, s, n, where, &fields[*nr]))
			return -EINVAL;
		(*nr)++;
		if (!comma)
			break;
		s = comma + 1;
	}
	return 0;
}

static int parse_vals(struct hparse *p, char *item, char *s, size_t len)
{
	struct hist_spec *spec = p->spec;
	struct hist_field_spec f;
	char *end = s + len;

	while (s <= end) {
		char *comma = memchr(s, ',', end - s);
		size_t n = comma ? comma - s : end - s;

		if (parse_field(p, s, n, FMW_VAL, &f))
			return -EINVAL;
		if (word_is(f.name, f.len, "hitcount")) {
			spec->hitcount_mods |= f.mods;
		} else {
			if (spec->nr_vals >= HIST_VALS_MAX)
				return herr(p, HERR_TOO_MANY_VALS, s);
			spec->vals[spec->nr_vals++] = f;
		}
		if (!comma)
			break;
		s = comma + 1;
	}
	return 0;
}

static char *last_dot(char *s, size_t n)
{
	while (n--)
		if (s[n] == '.')
			return s + n;
	return NULL;
}

static int parse_sort(struct hparse *p, char *item, char *s, size_t len)
{
	struct hist_spec *spec = p->spec;
	char *end = s + len;

	if (!len || s[len - 1] == ',')
		return herr(p, HERR_EMPTY_SORT_FIELD, item);
	while (s < end) {
		char *comma = memchr(s, ',', end - s);
		size_t n = comma ? comma - s : end - s;
		struct hist_sort_spec *ss;
		char *dot;

		if (spec->nr_sort >= HIST_SORT_MAX)
			return herr(p, HERR_TOO_MANY_SORT, item);
		if (!n)
			return herr(p, HERR_EMPTY_SORT_FIELD, item);
		ss = &spec->sort[spec->nr_sort];
		ss->descending = false;
		/* A trailing order modifier, then what the key was written as. */
		dot = last_dot(s, n);
		if (dot) {
			size_t ml = s + n - dot - 1;
			const struct field_mod *mod;

			mod = trace_field_mod_find(dot + 1, ml, FMW_SORT);
			if (mod) {
				ss->descending =
					mod == &trace_field_mods[FMOD_DESCENDING];
				n = dot - s;
			} else if (!trace_field_mod_find(dot + 1, ml,
							 FMW_KEY | FMW_VAL) &&
				   !memchr(dot + 1, '=', ml)) {
				return herr(p, HERR_BAD_SORT_MOD, dot + 1);
			}
		}
		if (parse_field(p, s, n, FMW_KEY | FMW_VAL, &ss->field))
			return -EINVAL;
		spec->nr_sort++;
		if (!comma)
			break;
		s = comma + 1;
	}
	return 0;
}

static int parse_size(struct hparse *p, char *item, char *s, size_t len)
{
	char num[16];
	unsigned int size;

	if (len >= sizeof(num))
		return herr(p, HERR_BAD_SIZE, s);
	memcpy(num, s, len);
	num[len] = '\0';
	/* Rounded up first, as mainline: 65 to 128 all give 128. */
	if (kstrtouint(num, 0, &size) || !size ||
	    order_base_2(size) < TRACING_MAP_BITS_MIN ||
	    order_base_2(size) > TRACING_MAP_BITS_MAX)
		return herr(p, HERR_BAD_SIZE, s);
	p->spec->bits = order_base_2(size);
	return 0;
}

static int parse_name(struct hparse *p, char *item, char *s, size_t len)
{
	size_t i;

	if (len >= HIST_NAME_MAX)
		return herr(p, HERR_BAD_NAME, s);
	for (i = 0; i < len; i++)
		if (!isalnum(s[i]) && s[i] != '_' && s[i] != '-')
			return herr(p, HERR_BAD_NAME, s + i);
	p->spec->name = s;
	p->spec->name_len = len;
	p->spec->name_pos = p->base + (s - p->s);
	return 0;
}

/**
 * enum hist_item - the items of a hist command, in hist_items[]
 * @HI_KEYS: keys=
 * @HI_VALS: vals=
 * @HI_SORT: sort=
 * @HI_SIZE: size=
 * @HI_NAME: name=
 * @HI_PAUSE: pause
 * @HI_CONT: cont
 * @HI_CLEAR: clear
 * @HI_NOHC: nohitcount
 * @HI_MAX: number of items
 */
enum hist_item {
	HI_KEYS, HI_VALS, HI_SORT, HI_SIZE, HI_NAME,
	HI_PAUSE, HI_CONT, HI_CLEAR, HI_NOHC, HI_MAX
};

/**
 * struct hist_item_def - one item of a hist command
 * @names: its spellings, NULL-terminated
 * @id: enum hist_item
 * @assign: written "name=value"
 * @parse: parse the value (@assign items)
 */
struct hist_item_def {
	const char	*names[4];
	u8		id;
	bool		assign;
	int		(*parse)(struct hparse *p, char *item, char *s,
				 size_t len);
};

static int parse_keys(struct hparse *p, char *item, char *s, size_t len)
{
	p->spec->keys_pos = p->base + (item - p->s);
	return parse_fields(p, item, s, len, FMW_KEY, p->spec->keys,
			    &p->spec->nr_keys, HIST_KEYS_MAX,
			    HERR_TOO_MANY_KEYS);
}

static const struct hist_item_def hist_items[] = {
	{ { "keys", "key" },		HI_KEYS,  true, parse_keys },
	{ { "values", "vals", "val" },	HI_VALS,  true, parse_vals },
	{ { "sort" },			HI_SORT,  true, parse_sort },
	{ { "size" },			HI_SIZE,  true, parse_size },
	{ { "name" },			HI_NAME,  true, parse_name },
	{ { "pause" },			HI_PAUSE },
	{ { "cont", "continue" },	HI_CONT },
	{ { "clear" },			HI_CLEAR },
	{ { "nohitcount", "NOHC" },	HI_NOHC },
};

static const struct hist_item_def *item_find(const char *s, size_t len)
{
	size_t i, j;

	for (i = 0; i < ARRAY_SIZE(hist_items); i++)
		for (j = 0; hist_items[i].names[j]; j++)
			if (word_is(s, len, hist_items[i].names[j]))
				return &hist_items[i];
	return NULL;
}

static int parse_item(struct hparse *p, char *s, size_t len, u32 *seen)
{
	char *eq = memchr(s, '=', len);
	size_t nlen = eq ? eq - s : len;
	const struct hist_item_def *def = item_find(s, nlen);
	struct hist_spec *spec = p->spec;

	if (!def) {
		/* name=expr variables and handler.action()s come later. */
		if (eq || memchr(s, '(', len))
			return herr(p, HERR_UNSUPPORTED, s);
		return herr(p, HERR_BAD_PARAM, s);
	}
	if (!!eq != def->assign)
		return herr(p, eq ? HERR_BAD_PARAM : HERR_EMPTY_ASSIGNMENT, s);
	if (*seen & BIT(def->id))
		return herr(p, HERR_DUP_PARAM, s);
	*seen |= BIT(def->id);
	switch (def->id) {
	case HI_PAUSE:
		spec->pause = true;
		return 0;
	case HI_CONT:
		spec->cont = true;
		return 0;
	case HI_CLEAR:
		spec->clear = true;
		return 0;
	case HI_NOHC:
		spec->nohitcount = true;
		return 0;
	}
	if (eq + 1 == s + len)
		return herr(p, HERR_EMPTY_ASSIGNMENT, s);
	return def->parse(p, s, eq + 1, s + len - eq - 1);
}

/**
 * hist_parse() - parse the arguments of a hist command
 * @args: the text after "hist:", NUL-terminated, without the filter;
 *	@spec points into it
 * @base: offset of @args in the whole command, for error positions
 * @spec: filled in
 * @err: on failure, why and where
 *
 * Context: any; no allocation, no lock.
 * Return: 0, or -EINVAL with @err set.
 */
int hist_parse(char *args, u16 base, struct hist_spec *spec,
	       struct hist_error *err)
{
	struct hparse p = { .s = args, .base = base, .spec = spec,
			    .err = err };
	char *s = args;
	u32 seen = 0;

	memset(spec, 0, sizeof(*spec));
	err->code = HERR_NONE;
	err->pos = 0;
	if (!*args)
		return herr(&p, HERR_NO_KEYS, args);
	for (;;) {
		size_t n = item_len(s);

		if (!n)
			return herr(&p, HERR_BAD_PARAM, s);
		if (parse_item(&p, s, n, &seen))
			return -EINVAL;
		if (!s[n])
			break;
		s += n + 1;
	}
	if (!spec->nr_keys)
		return herr(&p, HERR_NO_KEYS, args);
	if (spec->nohitcount && !spec->nr_vals &&
	    !(spec->hitcount_mods & (BIT(FMOD_PERCENT) | BIT(FMOD_GRAPH))))
		return herr(&p, HERR_NOHC, args);
	return 0;
}

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/trace_hist_parse-kunit.h"
#endif
