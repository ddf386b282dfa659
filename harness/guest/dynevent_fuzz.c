// SPDX-License-Identifier: GPL-2.0
/*
 * dynevent_fuzz.c - guest side of make check: write synthetic event
 * definitions and removals, built from the grammar and some mutated, to
 * synthetic_events and dynamic_events, while some of the events are
 * enabled, carry triggers and are fed through inject.
 *
 *	dynevent_fuzz [writes [seed]]
 *
 * A refused write must leave both listings exactly as they were and fail
 * with an errno these files use; an accepted definition must show up in
 * both, an accepted removal must take its event out of both, and a clear
 * (O_TRUNC) that a busy event refuses must remove nothing.
 *
 * Splats are the kernel log scan's business (harness/results.py).
 * Prints one line, "dynevent_fuzz: ...", and the first failures; exits 1
 * if there were any.
 */
#define FUZZ_NAME	"dynevent_fuzz"

#include "fuzz_util.h"

#define SYNTH		T "synthetic_events"
#define DYN		T "dynamic_events"

static const char *const names[] = {
	"fz0", "fz1", "fz2", "fz3", "fz_long_name_4",
	"fz0", "fz1", "fz2", "fz3", "fz-bad", "9fz", "",
};
static const char *const types[] = {
	"u64", "u32", "u16", "u8", "s64", "s32", "s16", "s8", "char", "short",
	"int", "long", "unsigned int", "unsigned long", "unsigned char",
	"unsigned short", "pid_t", "gfp_t", "bool",
	"long[]", "unsigned long[]", "char[16]", "u64[2]",
};
static const char *const bad_types[] = { "unsigned", "chr", "float", "" };
static const char *const arrays[] = { "[]", "[16]", "[256]", "[4]" };
static const char *const bad_arrays[] = { "[257]", "[0]", "[x]", "[", "]" };
static const char *const seps[] = { "; ", ";", " ", " ; ", ";;", "\t" };

static int gen_fields(char *buf, int len)
{
	int i, n = rnd(6);
	char f[32];

	for (i = 0; i < n; i++) {
		if (i)
			len = cat(buf, len, PICK(seps));
		len = cat(buf, len, rnd(16) ? PICK(types) : PICK(bad_types));
		snprintf(f, sizeof(f), " f%u%s", rnd(8),
			 rnd(4) ? "" : rnd(8) ? PICK(arrays) : PICK(bad_arrays));
		len = cat(buf, len, f);
	}
	return len;
}

/* One line for synthetic_events (@dyn 0) or dynamic_events (@dyn 1). */
static int gen_line(char *buf, int dyn)
{
	static const char *const dyn_pre[] = {
		"s:", "s:", "s:synthetic/", "s:junk/", "s:/", "p:", "",
	};
	static const char *const rm_pre[] = {
		"-:", "-:synthetic/", "-:junk/", "!s:", "!s:synthetic/", "-",
	};
	int len = 0;

	buf[0] = '\0';
	if (!rnd(2)) {		/* a removal */
		if (dyn)
			len = cat(buf, len, PICK(rm_pre));
		else
			len = cat(buf, len, "!");
		len = cat(buf, len, PICK(names));
		if (rnd(2)) {
			len = cat(buf, len, " ");
			len = gen_fields(buf, len);
		}
	} else {
		if (dyn)
			len = cat(buf, len, PICK(dyn_pre));
		len = cat(buf, len, PICK(names));
		len = cat(buf, len, " ");
		len = gen_fields(buf, len);
	}
	if (rnd(10) < 2)
		len = mutate(buf, len);
	if (rnd(2))
		len = cat(buf, len, "\n");
	return len;
}

/* Switch an event on or off, add or drop a trigger, or inject into it. */
static void poke(void)
{
	static const char *const acts[] = {
		"enable", "1", "enable", "0", "trigger", "traceon",
		"trigger", "!traceon", "trigger", "hist:keys=common_pid",
		"trigger", "!hist:keys=common_pid", "inject", "f0=1 f1=\"x\"",
		"inject", "f9=1", "format", NULL,
	};
	char path[256], text[4096];
	int a = rnd(sizeof(acts) / sizeof(acts[0]) / 2) * 2;

	snprintf(path, sizeof(path), T "events/synthetic/%s/%s",
		 names[rnd(5)], acts[a]);
	if (acts[a + 1])
		write_file(path, acts[a + 1], strlen(acts[a + 1]));
	else
		read_file(path, text, sizeof(text));
}

/* Whether the listing @text holds event @name. */
static int listed(const char *text, const char *name, int dyn)
{
	char want[80];

	snprintf(want, sizeof(want), "%s%s\t", dyn ? "s:synthetic/" : "",
		 name);
	return !strncmp(text, want, strlen(want)) ||
	       (snprintf(want, sizeof(want), "\n%s%s\t",
			 dyn ? "s:synthetic/" : "", name),
		strstr(text, want) != NULL);
}

/* The event name a generated line is about, or "" if none. */
static void name_of(const char *line, char *name, int size)
{
	const char *p = line;
	int n = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '!' || *p == '-')
		p++;
	if (strchr(p, ':') && strchr(p, ':') < p + 2)
		p = strchr(p, ':') + 1;
	if (!strncmp(p, "synthetic/", 10))
		p += 10;
	while (p[n] && p[n] != ' ' && p[n] != '\t' && p[n] != '\n' &&
	       n < size - 1)
		n++;
	memcpy(name, p, n);
	name[n] = '\0';
}

static void disable_all(void)
{
	char path[256];
	size_t i;

	for (i = 0; i < 5; i++) {
		snprintf(path, sizeof(path), T "events/synthetic/%s/trigger",
			 names[i]);
		write_file(path, "!traceon", 8);
		write_file(path, "!hist:keys=common_pid", 21);
		snprintf(path, sizeof(path), T "events/synthetic/%s/enable",
			 names[i]);
		write_file(path, "0", 1);
	}
}

static void check_line(const char *line, int len, int dyn, int err,
		       const char *s_before, const char *d_before,
		       const char *s_after, const char *d_after)
{
	char name[64];
	int gone;

	if (err) {
		refused++;
		if (err != EINVAL && err != ENOENT && err != EBUSY &&
		    err != E2BIG)
			fail("'%.*s' refused with errno %d", len, line, err);
		else if (strcmp(s_before, s_after) || strcmp(d_before, d_after))
			fail("'%.*s' refused, but the listing went from '%s' to '%s'",
			     len, line, d_before, d_after);
		else
			checks++;
		return;
	}
	accepted++;
	name_of(line, name, sizeof(name));
	/* A comment or a blank line does nothing to check. */
	if (!name[0] || memchr(line, '#', len))
		return;
	gone = line[0] == '!' || line[0] == '-';
	if (listed(s_after, name, 0) == gone || listed(d_after, name, 1) == gone)
		fail("'%.*s' (%s) accepted, but the listing reads '%s'", len,
		     line, dyn ? "dynamic_events" : "synthetic_events",
		     d_after);
	else
		checks++;
}

/* A clear of synthetic_events (0) or dynamic_events (1) empties both. */
static int cleared(int which, const char *s, const char *d)
{
	return !s[0] && !d[0];
}

int main(int argc, char **argv)
{
	static const struct listing_fuzz f = {
		.file		= { SYNTH, DYN },
		.poke_odds	= 4,
		.clear_odds	= 50,
		.gen		= gen_line,
		.poke		= poke,
		.check		= check_line,
		.cleared	= cleared,
	};
	int writes;

	writes = argc > 1 ? atoi(argv[1]) : 10000;
	rng = argc > 2 ? strtoull(argv[2], NULL, 0) : 0x2545f4914f6cdd1dULL;
	write_file(SYNTH, "", 0);
	listing_fuzz_run(&f, writes);
	disable_all();
	if (write_file(DYN, "", 0))
		fail("final clear refused");
	printf("dynevent_fuzz: %d writes: %d accepted, %d refused, %d checks of the listings, %d failures\n",
	       writes, accepted, refused, checks, failures);
	return failures ? 1 : 0;
}
