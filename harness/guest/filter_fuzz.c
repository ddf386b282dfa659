// SPDX-License-Identifier: GPL-2.0
/*
 * filter_fuzz.c - guest side of make check: write random and mutated
 * filter expressions to the filter files of events with every kind of
 * field, while the events fire, and check what each write did; or, as
 * "filter_fuzz trigger", trigger commands to their trigger files.
 *
 *	filter_fuzz [writes [seed]]
 *	filter_fuzz trigger [writes [seed]]
 *	filter_fuzz hist [writes [seed]]
 *
 * Hist mode: hist commands built from the hist grammar (keys, values
 * and sort keys from the event's fields and the special ones, every
 * modifier and some that do not exist, sizes in and out of bounds, names
 * shared between events, pause/cont/clear, filters, removals; variables
 * and expressions over fields, numbers and other events' variables,
 * clocks, onmatch/onmax/onchange with trace, save and snapshot, firing
 * two synthetic events the program makes), some mutated; a refused write must leave the trigger file as it was, and the
 * hist files are read back now and then while the events fire.
 *
 * Trigger mode: commands are built from the trigger grammar (commands,
 * targets, counts, filters from the expression generator, removals),
 * some mutated.  A refused write must leave the trigger file as it was
 * (counts aside, which the firing events use up meanwhile), and fail
 * with one of the errnos trigger files use.
 *
 * A write must either succeed, and the file then reads back the
 * expression; or fail with EINVAL, and the file then shows the
 * expression, a caret line and "parse_error: <message>", while the filter
 * in force before stays in force.  That last part is checked by what
 * gets recorded on task:task_rename, which this program fires itself:
 * before each write there the filter is set to a known one, and after a
 * refused write the program renames itself three times and checks that
 * exactly the renames the known filter passes were recorded.
 *
 * Splats are the kernel log scan's business (harness/results.py).
 * Prints one line, "filter_fuzz: ...", and the first failures; exits 1
 * if there were any.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_WRITE	4096	/* what the kernel reads of one write */
#define FUZZ_NAME	"filter_fuzz"

#include "fuzz_util.h"

static const char *const targets[] = {
	"events/sched/sched_switch",
	"events/sched/sched_wakeup",
	"events/signal/signal_generate",
	"events/task/task_rename",
	"events/syscalls/sys_enter_openat",
	"events/syscalls/sys_exit_openat",
	"events/kmem/kmem_cache_free",
	"events/irq/irq_handler_entry",
	"events/sample-trace/foo_bar",
	"events/sample-trace/foo_rel_loc",
	"events/sched",
	"events/sample-trace",
};
#define NR_TARGETS	(sizeof(targets) / sizeof(targets[0]))
#define RENAME		3	/* index of task_rename */

/* Known filters of task_rename, and which of fzA, fzB1, fzC each passes. */
static const struct {
	const char *expr;
	const char *passes;
} sentinels[] = {
	{ "newcomm == \"fzA\"", "fzA " },
	{ "newcomm ~ \"fzB*\"", "fzB1 " },
	{ "newcomm ~ \"fz[AC]\" && common_pid != 0", "fzA fzC " },
	{ "0", "fzA fzB1 fzC " },
};

static struct target {
	int present;
	int nr_fields;
	char fields[64][64];
	char types[64][64];
} tg[NR_TARGETS];

/*
 * Write @len bytes of @s to @path, then read the file back into @text
 * (BUF * 2 bytes).  Return: the write's errno (0: it succeeded), or -1
 * if the file could not be read back, which is recorded as a failure.
 */
static int write_read_back(const char *path, const char *s, int len,
			   char *text)
{
	int err = write_file(path, s, len);

	if (read_file(path, text, BUF * 2) < 0) {
		fail("%s: cannot read back", path);
		return -1;
	}
	return err;
}

static void path_of(char *path, int t, const char *file)
{
	snprintf(path, 256, T "%s/%s", targets[t], file);
}

/* Learn each event's fields from its format file. */
static void load_targets(void)
{
	char path[256], *buf = malloc(BUF), *p;
	int t;

	for (t = 0; t < (int)NR_TARGETS; t++) {
		path_of(path, t, "filter");
		tg[t].present = access(path, W_OK) == 0;
		path_of(path, t, "format");
		if (!tg[t].present || read_file(path, buf, BUF) < 0)
			continue;
		for (p = strstr(buf, "field:"); p && tg[t].nr_fields < 64;
		     p = strstr(p + 1, "field:")) {
			char decl[128], *name, *br;
			int n = tg[t].nr_fields;

			if (sscanf(p, "field:%127[^;]", decl) != 1)
				continue;
			name = strrchr(decl, ' ');
			if (!name)
				continue;
			*name++ = '\0';
			br = strchr(name, '[');
			if (br)
				*br = '\0';
			snprintf(tg[t].fields[n], 64, "%s", name);
			snprintf(tg[t].types[n], 64, "%.60s%s", decl,
				 br ? "[]" : "");
			tg[t].nr_fields++;
		}
	}
	free(buf);
}

static const char *const nums[] = {
	"0", "1", "-1", "17", "0x10", "0777", "18446744073709551615",
	"99999999999999999999", "-9223372036854775808", "1x", "abc", "\"5\"",
};
static const char *const strs[] = {
	"bash", "\"*sh\"", "\"ba*sh\"", "\"sh*\"", "\"*a*\"", "\"[a-z]?sh\"",
	"\"[\"", "'x'", "\"\"", "\"unterminated", "\"[!abc]*\"", "swapper/0",
	"\"*\"", "\"a b c\"", "'it\"s'",
};
static const char *const masks[] = {
	"CPUS{0}", "CPUS{0-1}", "CPUS{1}", "CPUS{}", "CPUS{0-999}", "CPUS{x}",
	"CPUS{0,1", "1", "CPUS{0,1}",
};
static const char *const funcs[] = {
	"kfree", "schedule", "0xffffffff81000000", "no_such_fn", "do_exit",
	"kmem_cache_free",
};
static const char *const ops[] = {
	"==", "=", "!=", "<", "<=", ">", ">=", "&", "~", "=~", "<>", "!",
	"===", "", "=<",
};
static const char *const pseudo[] = {
	"common_pid", "common_type", "common_flags", "common_preempt_count",
	"COMM", "comm", "CPU", "cpu", "nosuch",
};
static const char *const mods[] = { ".ustring", ".function", ".bogus" };

static int gen_pred(struct target *t, char *buf, int len)
{
	const char *field, *type = "";
	const char *const sp[] = { " ", "", "  ", "\t" };
	int i;

	if (t->nr_fields && rnd(4)) {
		i = rnd(t->nr_fields);
		field = t->fields[i];
		type = t->types[i];
	} else {
		field = PICK(pseudo);
	}
	len = cat(buf, len, field);
	if (!rnd(8))
		len = cat(buf, len, PICK(mods));
	len = cat(buf, len, PICK(sp));
	if (rnd(4)) {		/* an operator and value that fit the type */
		if (strstr(type, "char") || !strcmp(field, "comm")) {
			len = cat(buf, len, rnd(2) ? "~" : rnd(2) ? "==" : "!=");
			len = cat(buf, len, PICK(sp));
			return cat(buf, len, PICK(strs));
		}
		if (strstr(type, "cpumask")) {
			len = cat(buf, len, rnd(2) ? "&" : "==");
			len = cat(buf, len, PICK(sp));
			return cat(buf, len, PICK(masks));
		}
		len = cat(buf, len, PICK(ops));
		len = cat(buf, len, PICK(sp));
		return cat(buf, len, rnd(6) ? PICK(nums) : PICK(funcs));
	}
	len = cat(buf, len, PICK(ops));
	len = cat(buf, len, PICK(sp));
	switch (rnd(4)) {
	case 0:
		return cat(buf, len, PICK(nums));
	case 1:
		return cat(buf, len, PICK(strs));
	case 2:
		return cat(buf, len, PICK(masks));
	default:
		return cat(buf, len, PICK(funcs));
	}
}

static int gen_expr(struct target *t, char *buf, int len, int depth)
{
	unsigned int r = depth ? rnd(10) : 9;

	if (r < 2) {
		len = cat(buf, len, "(");
		len = gen_expr(t, buf, len, depth - 1);
		return cat(buf, len, ")");
	}
	if (r < 3) {
		len = cat(buf, len, rnd(2) ? "!" : "! ");
		return gen_expr(t, buf, len, depth - 1);
	}
	if (r < 6) {
		len = gen_expr(t, buf, len, depth - 1);
		len = cat(buf, len, rnd(2) ? " && " : "||");
		return gen_expr(t, buf, len, depth - 1);
	}
	return gen_pred(t, buf, len);
}

/* An expression for target @t in @buf; Return: its length. */
static int generate(int t, char *buf)
{
	int len = 0, i;

	buf[0] = '\0';
	switch (rnd(100)) {
	case 0:			/* too long */
		while (len < 5000)
			len = cat(buf, len, "common_pid == 1 || ");
		return cat(buf, len, "common_pid == 2");
	case 1:			/* too many predicates */
		for (i = 0; i < 513; i++)
			len = cat(buf, len, i ? "||cpu<1" : "cpu<1");
		return len;
	case 2:
		return cat(buf, len, rnd(2) ? "0" : " 0\n");
	case 3:
		return cat(buf, len, rnd(2) ? "" : "  \n");
	}
	len = gen_expr(&tg[t], buf, 0, rnd(5));
	if (rnd(10) < 3)
		len = mutate(buf, len);
	if (rnd(2))
		len = cat(buf, len, "\n");
	return len;
}

/* What the kernel makes of a write: its first bytes, up to a NUL, stripped. */
static void stripped(const char *s, int len, char *out)
{
	int n = len < MAX_WRITE ? len : MAX_WRITE;
	const char *end;

	n = strnlen(s, n);
	while (n && strchr(" \t\n\v\f\r", *s)) {
		s++;
		n--;
	}
	end = s + n;
	while (end > s && strchr(" \t\n\v\f\r", end[-1]))
		end--;
	memcpy(out, s, end - s);
	out[end - s] = '\0';
}

/* The file after a refused write: expression, caret line, message. */
static int is_error_text(const char *text, const char *expr)
{
	size_t n = strlen(expr), sp = 0;
	const char *p;

	if (strncmp(text, expr, n) || text[n] != '\n')
		return 0;
	p = text + n + 1;
	while (p[sp] == ' ')
		sp++;
	if (sp > n || strncmp(p + sp, "^\nparse_error: ", 15))
		return 0;
	p = strchr(p + sp + 15, '\n');
	return p && p[1] == '\0' && p > text + n + sp + 17;
}

/* After a refused write on task_rename: is sentinel @s still in force? */
static void check_rename(int s, int mypid)
{
	char *buf = malloc(BUF * 8), got[256] = "", key[64], *p;
	static const char *const names[] = { "fzA", "fzB1", "fzC" };
	int i;

	checks++;
	write_file(T "trace", "", 0);
	for (i = 0; i < 3; i++)
		write_file("/proc/self/comm", names[i], strlen(names[i]));
	write_file("/proc/self/comm", "filter_fuzz", 11);
	if (read_file(T "trace", buf, BUF * 8) < 0) {
		fail("cannot read trace");
		free(buf);
		return;
	}
	snprintf(key, sizeof(key), "task_rename: pid=%d ", mypid);
	for (p = strstr(buf, key); p; p = strstr(p + 1, key)) {
		char name[32];
		char *nc = strstr(p, "newcomm=");

		if (!nc || sscanf(nc, "newcomm=%31s", name) != 1 ||
		    !strcmp(name, "filter_fuzz"))
			continue;
		strcat(got, name);
		strcat(got, " ");
	}
	if (strcmp(got, sentinels[s].passes))
		fail("task_rename: after a refused write, filter '%s' passed '%s', not '%s'",
		     sentinels[s].expr, got, sentinels[s].passes);
	free(buf);
}

static void enable_all(const char *v)
{
	char path[256];
	int t;

	for (t = 0; t < (int)NR_TARGETS; t++) {
		if (!tg[t].present)
			continue;
		path_of(path, t, "filter");
		write_file(path, "0", 1);
		path_of(path, t, "enable");
		write_file(path, v, 1);
	}
}

static const char *const trig_cmds[] = {
	"traceon", "traceoff", "snapshot", "stacktrace", "enable_event",
	"disable_event", "hist", "enable_hist", "disable_hist", "tracoff",
	"", "stacktrace+1",
};
static const char *const trig_counts[] = {
	"1", "5", "0", "0x3", "unlimited", "count=2", "-1", "", "x", "1:2",
};

/* A trigger command for target @t in @buf; Return: its length. */
static int gen_trigger(int t, char *buf)
{
	const char *cmd = PICK(trig_cmds);
	int len = 0, o;

	buf[0] = '\0';
	if (!rnd(4))
		len = cat(buf, len, "!");
	len = cat(buf, len, cmd);
	if (strstr(cmd, "_event") || strstr(cmd, "_hist")) {
		do
			o = rnd(NR_TARGETS);
		while (!strchr(targets[o] + 7, '/') && rnd(4));
		len = cat(buf, len, ":");
		if (rnd(8)) {	/* "events/<sys>/<event>" as "<sys>:<event>" */
			char name[64], *sl;

			snprintf(name, sizeof(name), "%s", targets[o] + 7);
			sl = strchr(name, '/');
			if (sl)
				*sl = ':';
			len = cat(buf, len, name);
		} else {
			len = cat(buf, len, rnd(2) ? "nosuch:event" : "sched");
		}
	} else if (!strcmp(cmd, "hist")) {
		len = cat(buf, len, ":keys=common_pid");
	}
	if (!rnd(3)) {
		len = cat(buf, len, ":");
		len = cat(buf, len, PICK(trig_counts));
	}
	if (!rnd(3)) {
		len = cat(buf, len, rnd(8) ? " if " : rnd(2) ? " iff " : " if");
		len = gen_expr(&tg[t], buf, len, rnd(3));
	}
	if (rnd(10) < 2)
		len = mutate(buf, len);
	if (rnd(2))
		len = cat(buf, len, "\n");
	return len;
}

/*
 * A trigger listing with what firing events change left out: the counts,
 * and whether a hist trigger is paused (enable_hist/disable_hist).
 */
static void no_counts(char *text)
{
	static const char *const live[] = { " [paused]", " [active]" };
	char *p = text, *q;
	size_t i;

	while ((p = strstr(p, ":count=")) != NULL) {
		q = p + 7;
		while (*q >= '0' && *q <= '9')
			q++;
		memmove(p + 6, q, strlen(q) + 1);
		p += 6;
	}
	for (i = 0; i < sizeof(live) / sizeof(live[0]); i++)
		for (p = text; (p = strstr(p, live[i])) != NULL; )
			memmove(p, p + strlen(live[i]),
				strlen(p + strlen(live[i])) + 1);
}

/*
 * What a write to a trigger file did: accepted (@err 0), or refused with
 * an errno trigger files use and the listing (@before, @after, counts
 * left out) unchanged.
 */
static void check_write(const char *path, const char *buf, int len,
			int err, char *before, char *after)
{
	if (!err) {
		accepted++;
		return;
	}
	refused++;
	no_counts(before);
	no_counts(after);
	if (err != EINVAL && err != EEXIST && err != ENOENT &&
	    err != E2BIG && err != EBUSY)
		fail("%s: '%.*s' refused with errno %d", path, len, buf, err);
	else if (strcmp(before, after))
		fail("%s: '%.*s' refused, but the triggers went from '%s' to '%s'",
		     path, len, buf, before, after);
	else
		checks++;
}

/* Remove every trigger of @t, by writing back each listed line with '!'. */
static void clear_triggers(int t, char *text)
{
	char path[256], line[BUF], *p, *nl;

	path_of(path, t, "trigger");
	if (read_file(path, text, BUF * 2) < 0)
		return;
	for (p = text; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl)
			break;
		if (*p != '#') {
			snprintf(line, sizeof(line), "!%.*s", (int)(nl - p), p);
			write_file(path, line, strlen(line));
		}
	}
}

/*
 * Remove the triggers of every event target: a few rounds, since a hist
 * trigger whose variables others use goes only after them.
 */
static void clear_all(char *text)
{
	int t, round;

	for (round = 0; round < 4; round++)
		for (t = 0; t < (int)NR_TARGETS; t++)
			if (tg[t].present && strchr(targets[t] + 7, '/'))
				clear_triggers(t, text);
}

static const char *const hist_mods[] = {
	"", "", "", "", ".hex", ".sym", ".sym-offset", ".syscall",
	".execname", ".log2", ".buckets=10", ".buckets=0", ".usecs",
	".percent", ".graph", ".stacktrace", ".bogus", ".descending",
};
static const char *const hist_specials[] = {
	"common_pid", "common_cpu", "cpu", "common_stacktrace", "stacktrace",
	"common_timestamp", "hitcount", "nosuch", "",
};
static const char *const hist_sizes[] = {
	"128", "100", "256", "2048", "64", "131073", "0", "x", "", "0x200",
};
static const char *const hist_names[] = { "fz1", "fz2", "fz 3", "" };
static const char *const hist_flags[] = {
	"pause", "cont", "continue", "clear", "nohitcount", "NOHC",
};
static const char *const hist_junk[] = {
	"junk", "x=1", "onmax($x).save(a)", "", "keys", "size",
};

/* Whether field @i of @t is a number (what values must be). */
static int is_num(struct target *t, int i)
{
	return !strstr(t->types[i], "char") && !strstr(t->types[i], "[");
}

/*
 * A field of @t, or a special one, with a modifier now and then; @num:
 * mostly numbers.
 */
static int hist_field(struct target *t, char *buf, int len, int mods,
		      int num)
{
	int i = t->nr_fields ? rnd(t->nr_fields) : 0;

	if (num && t->nr_fields && !is_num(t, i) && rnd(8))
		i = rnd(t->nr_fields);
	if (num && t->nr_fields && !is_num(t, i) && rnd(8))
		i = rnd(t->nr_fields);
	if (rnd(10) < 7 && t->nr_fields)
		len = cat(buf, len, t->fields[i]);
	else
		len = cat(buf, len, PICK(hist_specials));
	if (mods)
		len = cat(buf, len, PICK(hist_mods));
	return len;
}

static int hist_list(struct target *t, char *buf, int len, const char *item,
		     int max, int num)
{
	int i, n = rnd(8) ? 1 + rnd(max - 1) : max;

	len = cat(buf, len, item);
	for (i = 0; i < n; i++) {
		if (i)
			len = cat(buf, len, ",");
		len = hist_field(t, buf, len, rnd(5) == 0, num);
	}
	return len;
}

/* Inter-event hist: variables, expressions and handler.action pairs. */
static const char *const hv_names[] = { "v1", "v2", "ts0", "v-bad", "" };
static const char *const hv_refs[] = {
	"$v1", "$v2", "$ts0", "$nosuch", "sched.sched_switch.$v1",
	"sched.sched_wakeup.$ts0", "task.task_rename.$v2", "no.such.$v1", "$",
};
static const char *const hv_consts[] = { "0", "1", "16", "1000000", "0x10" };
static const char *const hv_ops[] = { "+", "-", "*", "/", "" };
static const char *const hv_events[] = {
	"sched.sched_switch", "sched.sched_wakeup", "task.task_rename",
	"signal.signal_generate", "nosuch.event", "sched",
};
static const char *const hv_handlers[] = { "onmatch", "onmax", "onchange" };
static const char *const hv_clocks[] = { "global", "local", "mono", "nosuch" };

/* An operand of an expression: a field, a number or a reference. */
static int hv_operand(struct target *t, char *buf, int len)
{
	switch (rnd(6)) {
	case 0:
		return cat(buf, len, PICK(hv_consts));
	case 1:
	case 2:
		return cat(buf, len, PICK(hv_refs));
	case 3:
		return cat(buf, len, rnd(2) ? "common_timestamp.usecs"
					    : "common_timestamp");
	default:
		return hist_field(t, buf, len, !rnd(6), 1);
	}
}

/* An expression: up to five operators (mainline takes three). */
static int hv_expr(struct target *t, char *buf, int len)
{
	int i, n = rnd(3) ? rnd(3) : rnd(6);

	if (!rnd(10))
		len = cat(buf, len, rnd(2) ? "-" : "-(");
	len = hv_operand(t, buf, len);
	for (i = 0; i < n; i++) {
		len = cat(buf, len, PICK(hv_ops));
		len = hv_operand(t, buf, len);
	}
	if (!rnd(12))
		len = cat(buf, len, ")");
	return len;
}

/* ":name=expr[,name=expr]" */
static int hv_vars(struct target *t, char *buf, int len)
{
	int i, n = 1 + rnd(2);

	len = cat(buf, len, ":");
	for (i = 0; i < n; i++) {
		if (i)
			len = cat(buf, len, ",");
		len = cat(buf, len, PICK(hv_names));
		len = cat(buf, len, "=");
		len = hv_expr(t, buf, len);
	}
	return len;
}

/* The parameters of an action: references, fields, fields of others. */
static int hv_params(struct target *t, char *buf, int len, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (i)
			len = cat(buf, len, ",");
		switch (rnd(4)) {
		case 0:
			len = cat(buf, len, PICK(hv_refs));
			break;
		case 1:
			len = cat(buf, len, rnd(2) ? "sched.sched_switch.prev_pid"
						   : "sched.sched_wakeup.pid");
			break;
		default:
			len = hist_field(t, buf, len, 0, 1);
			break;
		}
	}
	return len;
}

/* ":handler(arg).action(params)" */
static int hv_action(struct target *t, char *buf, int len)
{
	const char *h = PICK(hv_handlers);

	len = cat(buf, len, ":");
	len = cat(buf, len, h);
	len = cat(buf, len, "(");
	len = cat(buf, len, !strcmp(h, "onmatch") ? PICK(hv_events)
						  : PICK(hv_refs));
	len = cat(buf, len, ").");
	switch (rnd(5)) {
	case 0:
		len = cat(buf, len, "fzsyn(");
		len = hv_params(t, buf, len, rnd(4) ? 2 : rnd(4));
		break;
	case 1:
		len = cat(buf, len, "trace(fzsyn,");
		len = hv_params(t, buf, len, rnd(4) ? 2 : rnd(4));
		break;
	case 2:
		len = cat(buf, len, "save(");
		len = hv_params(t, buf, len, 1 + rnd(3));
		break;
	case 3:
		len = cat(buf, len, "snapshot(");
		break;
	default:
		len = cat(buf, len, rnd(2) ? "trace(fzstr," : "trace(nosuch,");
		len = hv_params(t, buf, len, 1);
		break;
	}
	return cat(buf, len, ")");
}

/* A hist command for target @t in @buf; Return: its length. */
static int gen_hist(int t, char *buf)
{
	struct target *tt = &tg[t];
	int len = 0;

	buf[0] = '\0';
	if (!rnd(5))
		len = cat(buf, len, "!");
	len = cat(buf, len, "hist:");
	if (!rnd(6))
		len = cat(buf, len, rnd(2) ? "name=fz1:" : "name=fz2:");
	if (rnd(12))
		len = hist_list(tt, buf, len, rnd(4) ? "keys=" : "key=", 4, 0);
	if (rnd(10) < 4)
		len = hist_list(tt, buf, len, rnd(2) ? ":vals=" : ":values=", 3,
				1);
	if (rnd(10) < 2) {
		len = hist_list(tt, buf, len, ":sort=", 3, 0);
		if (rnd(2))
			len = cat(buf, len, rnd(2) ? ".descending" : ".ascending");
	}
	if (rnd(10) < 3) {
		len = cat(buf, len, ":size=");
		len = cat(buf, len, PICK(hist_sizes));
	}
	if (!rnd(10)) {
		len = cat(buf, len, ":name=");
		len = cat(buf, len, PICK(hist_names));
	}
	while (!rnd(5)) {
		len = cat(buf, len, ":");
		len = cat(buf, len, rnd(8) ? PICK(hist_flags) : PICK(hist_junk));
	}
	while (rnd(10) < 4)
		len = hv_vars(tt, buf, len);
	if (!rnd(12)) {
		len = cat(buf, len, ":clock=");
		len = cat(buf, len, PICK(hv_clocks));
	}
	while (rnd(10) < 3)
		len = hv_action(tt, buf, len);
	if (!rnd(6)) {
		len = cat(buf, len, " if ");
		len = gen_expr(tt, buf, len, rnd(3));
	}
	if (rnd(10) < 2)
		len = mutate(buf, len);
	if (rnd(2))
		len = cat(buf, len, "\n");
	return len;
}

/* How many hist triggers the listing @text has. */
static int hist_count(const char *text)
{
	int n = 0;

	for (; (text = strstr(text, "hist:")) != NULL; text++)
		n++;
	return n;
}

static int fuzz_hist(int writes)
{
	char *buf = malloc(BUF), *before = malloc(BUF * 2);
	char *after = malloc(BUF * 2), *text = malloc(1 << 20), path[256];
	int i, t, len, err;

	for (i = 0; i < writes; i++) {
		do
			t = rnd(NR_TARGETS);
		while (!tg[t].present || !strchr(targets[t] + 7, '/'));
		path_of(path, t, "trigger");
		if (read_file(path, before, BUF * 2) < 0) {
			fail("%s: cannot read", path);
			continue;
		}
		/* Keep the tables few: each holds its memory while it exists. */
		if (hist_count(before) > 3 || !rnd(64)) {
			clear_triggers(t, before);
			read_file(path, before, BUF * 2);
		}
		len = gen_hist(t, buf);
		err = write_read_back(path, buf, len, after);
		if (err < 0)
			continue;
		if (!rnd(4)) {
			path_of(path, t, "hist");
			if (read_file(path, text, 1 << 20) < 0)
				fail("%s: cannot read", path);
			path_of(path, t, "trigger");
		}
		check_write(path, buf, len, err, before, after);
	}
	clear_all(before);
	free(buf);
	free(before);
	free(after);
	free(text);
	return 0;
}

static int fuzz_triggers(int writes)
{
	char *buf = malloc(BUF), *before = malloc(BUF * 2);
	char *after = malloc(BUF * 2), path[256];
	int i, t, len, err;

	for (i = 0; i < writes; i++) {
		do
			t = rnd(NR_TARGETS);
		while (!tg[t].present || !strchr(targets[t] + 7, '/'));
		if (!rnd(64))
			clear_triggers(t, before);
		path_of(path, t, "trigger");
		len = gen_trigger(t, buf);
		if (read_file(path, before, BUF * 2) < 0) {
			fail("%s: cannot read", path);
			continue;
		}
		err = write_read_back(path, buf, len, after);
		if (err < 0)
			continue;
		check_write(path, buf, len, err, before, after);
	}
	clear_all(before);
	free(buf);
	free(before);
	free(after);
	return 0;
}

int main(int argc, char **argv)
{
	int trig = argc > 1 && !strcmp(argv[1], "trigger");
	int hist = argc > 1 && !strcmp(argv[1], "hist");
	int writes;
	char *buf = malloc(BUF), *want = malloc(BUF), *text = malloc(BUF * 2);
	char path[256];
	int i, t, s = 0, len, err, mypid = getpid(), nr = 0;

	if (trig || hist) {
		argc--;
		argv++;
	}
	writes = argc > 1 ? atoi(argv[1]) : 10000;
	rng = argc > 2 ? strtoull(argv[2], NULL, 0) : 0x9e3779b97f4a7c15ULL;
	write_file("/proc/self/comm", "filter_fuzz", 11);
	load_targets();
	for (t = 0; t < (int)NR_TARGETS; t++)
		nr += tg[t].present;
	if (!tg[RENAME].present || nr < 6) {
		printf("filter_fuzz: FAIL: only %d of the events found\n", nr);
		return 1;
	}
	write_file(T "buffer_size_kb", "256", 3);
	enable_all("1");
	if (hist) {
		/* What the actions fire: two numbers, and a string. */
		write_flags(T "synthetic_events", "fzsyn u64 a; u64 b", 18,
			    O_APPEND);
		write_flags(T "synthetic_events", "fzstr char s[16]", 16,
			    O_APPEND);
		fuzz_hist(writes);
		clear_all(buf);
		write_file(T "synthetic_events", "", 0);
		enable_all("0");
		write_file(T "trace", "", 0);
		printf("hist_fuzz: %d writes: %d accepted, %d refused, %d checks of the list, %d failures\n",
		       writes, accepted, refused, checks, failures);
		return failures ? 1 : 0;
	}
	if (trig) {
		fuzz_triggers(writes);
		enable_all("0");
		write_file(T "tracing_on", "1", 1);
		write_file(T "snapshot", "0", 1);
		write_file(T "trace", "", 0);
		printf("trigger_fuzz: %d writes: %d accepted, %d refused, %d checks of the list, %d failures\n",
		       writes, accepted, refused, checks, failures);
		return failures ? 1 : 0;
	}

	for (i = 0; i < writes; i++) {
		do
			t = rnd(NR_TARGETS);
		while (!tg[t].present);
		path_of(path, t, "filter");
		if (t == RENAME) {
			s = rnd(sizeof(sentinels) / sizeof(sentinels[0]));
			if (write_file(path, sentinels[s].expr,
				       strlen(sentinels[s].expr)))
				fail("sentinel '%s' refused", sentinels[s].expr);
		}
		len = generate(t, buf);
		stripped(buf, len, want);
		err = write_read_back(path, buf, len, text);
		if (err < 0)
			continue;
		if (!err) {
			accepted++;
			if (!strcmp(want, "0") ? strcmp(text, "none\n") :
			    strncmp(text, want, strlen(want)) ||
			    strcmp(text + strlen(want), "\n"))
				fail("%s: '%s' accepted, reads back '%s'",
				     path, want, text);
			continue;
		}
		refused++;
		if (err != EINVAL)
			fail("%s: '%s' refused with errno %d", path, want, err);
		else if (!is_error_text(text, want))
			fail("%s: '%s' refused, reads back '%s'", path, want,
			     text);
		else if (t == RENAME)
			check_rename(s, mypid);
	}

	enable_all("0");
	write_file(T "trace", "", 0);
	printf("filter_fuzz: %d writes: %d accepted, %d refused, %d checks of the filter in force, %d failures\n",
	       writes, accepted, refused, checks, failures);
	return failures ? 1 : 0;
}
