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
	[HERR_EXPR_EMPTY]	= "Empty expression",
	[HERR_EXPR_SYNTAX]	= "Invalid expression",
	[HERR_EXPR_TOO_MANY]	= "Too many subexpressions (3 max)",
	[HERR_EXPR_UNARY]	= "Unary minus not supported in sub-expressions",
	[HERR_EXPR_DIV_ZERO]	= "Division by zero",
	[HERR_EXPR_NUMBER]	= "Invalid number",
	[HERR_EXPR_MOD]		= "Invalid field modifier",
	[HERR_EXPR_TOO_BIG]	= "Expressions too large",
	[HERR_VAR_NAME]		= "Invalid variable name",
	[HERR_VAR_DUP]		= "Variable already defined",
	[HERR_TOO_MANY_VARS]	= "Too many variables defined",
	[HERR_BAD_HANDLER]	= "Invalid handler",
	[HERR_BAD_ACTION]	= "Invalid action",
	[HERR_BAD_PAIR]		= "Action not supported with this handler",
	[HERR_TOO_MANY_ACTIONS]	= "Too many actions",
	[HERR_TOO_MANY_PARAMS]	= "Too many action params",
	[HERR_BAD_CLOCK]	= "Couldn't find trace clock",
	[HERR_VAR_NOT_FOUND]	= "Couldn't find variable",
	[HERR_VAR_NOT_UNIQUE]	= "Variable name not unique, need to use fully qualified name (subsys.event.var) for variable",
	[HERR_EVENT_NOT_FOUND]	= "Couldn't find target event",
	[HERR_SYNTH_NOT_FOUND]	= "Couldn't find synthetic event",
	[HERR_SYNTH_COUNT]	= "Param count doesn't match synthetic event field count",
	[HERR_SYNTH_TYPE]	= "Param type doesn't match synthetic event field type",
	[HERR_NOT_NUMBER]	= "Expression operands must be numbers",
	[HERR_TRACK_VAR]	= "Couldn't find tracked variable of this trigger",
	[HERR_FIELD_VAR]	= "Couldn't create or find field variable",
	[HERR_KEY_VAR]		= "A key variable can't use another event's variable",
	[HERR_VAR_BUSY]		= "Variable is in use by another trigger",
	[HERR_NO_SNAPSHOT]	= "Couldn't allocate the snapshot buffer",
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

static bool var_name_ok(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!isalnum(s[i]) && s[i] != '_')
			return false;
	return len && len < HIST_NAME_MAX;
}

/* Report an expression's refusal as the hist command's. */
static int expr_parse(struct hparse *p, char *s, size_t len, u8 *root)
{
	u8 code;
	u16 pos;

	if (!hist_expr_parse(&p->spec->pool, s, len, p->base + (s - p->s),
			     root, &code, &pos))
		return 0;
	p->err->code = HERR_EXPR_EMPTY + code;
	p->err->pos = pos;
	return -EINVAL;
}

/* Whether a value is more than "field[.mod]": a variable or arithmetic. */
static bool is_expr(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (strchr("$+*/()", s[i]))
			return true;
		if (s[i] == '-' && !(i >= 3 && !memcmp(s + i - 3, "sym", 3)))
			return true;
		if (isdigit(s[i]) && !i)
			return true;
	}
	return false;
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
	if (*s == '$') {
		/* A variable of the trigger, as a key: no modifier. */
		f->kind = HFS_VAR;
		f->name++;
		f->len--;
		if (dot || !var_name_ok(f->name, f->len))
			return herr(p, HERR_VAR_NAME, s);
		return 0;
	}
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

		if (is_expr(s, n)) {
			const struct hist_node *node;

			memset(&f, 0, sizeof(f));
			if (expr_parse(p, s, n, &f.root))
				return -EINVAL;
			node = &spec->pool.nodes[f.root];
			f.name = s;
			f.len = n;
			f.pos = p->base + (s - p->s);
			/* "$var" keeps its '$': the hist file shows it so. */
			f.kind = node->kind == HX_VAR && !node->sys ? HFS_VAR
								   : HFS_EXPR;
		} else if (parse_field(p, s, n, FMW_VAL, &f)) {
			return -EINVAL;
		}
		if (f.kind == HFS_FIELD && word_is(f.name, f.len, "hitcount")) {
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

static int parse_clock(struct hparse *p, char *item, char *s, size_t len)
{
	p->spec->clock = s;
	p->spec->clock_len = len;
	p->spec->clock_pos = p->base + (s - p->s);
	return 0;
}

/* "name=expr[,name=expr...]": variables. */
static int parse_vars(struct hparse *p, char *s, size_t len)
{
	struct hist_spec *spec = p->spec;
	char *end = s + len;

	for (;;) {
		char *comma = memchr(s, ',', end - s);
		size_t n = comma ? comma - s : end - s;
		char *eq = memchr(s, '=', n);
		struct hist_var_spec *v;
		unsigned int i;

		if (!eq || !var_name_ok(s, eq - s))
			return herr(p, eq ? HERR_VAR_NAME : HERR_BAD_PARAM, s);
		for (i = 0; i < spec->nr_vars; i++)
			if (spec->vars[i].len == eq - s &&
			    !memcmp(spec->vars[i].name, s, eq - s))
				return herr(p, HERR_VAR_DUP, s);
		if (spec->nr_vars >= HIST_VARS_MAX)
			return herr(p, HERR_TOO_MANY_VARS, s);
		if (eq + 1 == s + n)
			return herr(p, HERR_EMPTY_ASSIGNMENT, s);
		v = &spec->vars[spec->nr_vars++];
		v->name = s;
		v->len = eq - s;
		v->pos = p->base + (s - p->s);
		if (expr_parse(p, eq + 1, s + n - eq - 1, &v->root))
			return -EINVAL;
		if (!comma)
			return 0;
		s = comma + 1;
	}
}

static const struct {
	const char	*name;
	u8		kind;
} hist_handlers[] = {
	{ "onmatch",	HH_MATCH },
	{ "onmax",	HH_MAX },
	{ "onchange",	HH_CHANGE },
};

/* The handler an item starts with, "name(", or -1. */
static int handler_find(const char *s, size_t len)
{
	size_t i, n;

	for (i = 0; i < ARRAY_SIZE(hist_handlers); i++) {
		n = strlen(hist_handlers[i].name);
		if (len > n && !memcmp(s, hist_handlers[i].name, n) &&
		    s[n] == '(')
			return i;
	}
	return -1;
}

/* Split "a,b,c" (between the action's parentheses) into @a's params. */
static int parse_params(struct hparse *p, struct hist_action_spec *a,
			char *s, char *end)
{
	while (s < end) {
		char *comma = memchr(s, ',', end - s);
		size_t n = comma ? comma - s : end - s;

		if (!n)
			return herr(p, HERR_BAD_ACTION, s);
		if (a->nr_params >= HIST_PARAMS_MAX)
			return herr(p, HERR_TOO_MANY_PARAMS, s);
		a->params[a->nr_params].s = s;
		a->params[a->nr_params].len = n;
		a->params[a->nr_params].pos = p->base + (s - p->s);
		a->nr_params++;
		if (!comma)
			break;
		s = comma + 1;
		if (s == end)
			return herr(p, HERR_BAD_ACTION, s);
	}
	return 0;
}

/* "handler(arg).action(params)" */
static int parse_action(struct hparse *p, char *s, size_t len, int h)
{
	struct hist_spec *spec = p->spec;
	char *end = s + len, *open, *close, *act, *paren;
	struct hist_action_spec *a;
	int depth = 0;

	if (spec->nr_actions >= HIST_ACTIONS_MAX)
		return herr(p, HERR_TOO_MANY_ACTIONS, s);
	a = &spec->actions[spec->nr_actions];
	memset(a, 0, sizeof(*a));
	a->handler = hist_handlers[h].kind;
	a->text = s;
	a->text_len = len;
	a->pos = p->base + (s - p->s);
	open = s + strlen(hist_handlers[h].name);
	for (close = open; close < end; close++) {
		if (*close == '(')
			depth++;
		else if (*close == ')' && !--depth)
			break;
	}
	if (close == end || close == open + 1)
		return herr(p, HERR_BAD_HANDLER, open + 1);
	a->arg = open + 1;
	a->arg_len = close - open - 1;
	a->arg_pos = p->base + (a->arg - p->s);
	act = close + 1;
	if (act == end || *act != '.')
		return herr(p, HERR_BAD_ACTION, act);
	act++;
	paren = memchr(act, '(', end - act);
	if (!paren || paren == act || end[-1] != ')')
		return herr(p, HERR_BAD_ACTION, act);
	if (parse_params(p, a, paren + 1, end - 1))
		return -EINVAL;
	if (word_is(act, paren - act, "save")) {
		a->action = HA_SAVE;
		if (!a->nr_params)
			return herr(p, HERR_BAD_ACTION, act);
	} else if (word_is(act, paren - act, "snapshot")) {
		a->action = HA_SNAPSHOT;
		if (a->nr_params)
			return herr(p, HERR_BAD_ACTION, act);
	} else if (word_is(act, paren - act, "trace")) {
		/* trace(<synthetic>,params...) */
		if (!a->nr_params)
			return herr(p, HERR_BAD_ACTION, act);
		a->action = HA_TRACE;
		a->trace_kw = true;
		a->synth = a->params[0].s;
		a->synth_len = a->params[0].len;
		a->synth_pos = a->params[0].pos;
		a->nr_params--;
		memmove(a->params, a->params + 1,
			a->nr_params * sizeof(a->params[0]));
	} else if (a->handler == HH_MATCH && var_name_ok(act, paren - act)) {
		/* The legacy form, <synthetic>(params...) */
		a->action = HA_TRACE;
		a->synth = act;
		a->synth_len = paren - act;
		a->synth_pos = p->base + (act - p->s);
	} else {
		return herr(p, HERR_BAD_ACTION, act);
	}
	if (a->handler == HH_MATCH && a->action != HA_TRACE)
		return herr(p, HERR_BAD_PAIR, act);
	spec->nr_actions++;
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
 * @HI_CLOCK: clock=
 * @HI_MAX: number of items
 */
enum hist_item {
	HI_KEYS, HI_VALS, HI_SORT, HI_SIZE, HI_NAME,
	HI_PAUSE, HI_CONT, HI_CLEAR, HI_NOHC, HI_CLOCK, HI_MAX
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
	{ { "clock" },			HI_CLOCK, true, parse_clock },
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
		int h = handler_find(s, len);

		if (h >= 0)
			return parse_action(p, s, len, h);
		if (eq)
			return parse_vars(p, s, len);
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
