// SPDX-License-Identifier: GPL-2.0
/*
 * probe_fuzz.c - guest side of make check: write kprobe, kretprobe and
 * event probe definitions and removals, built from the grammar and some
 * mutated, to kprobe_events and dynamic_events, while some of the events
 * are enabled.
 *
 *	probe_fuzz [writes [seed]]
 *
 * The places come from a small safe set (the fuzzer tests the parser, not
 * kprobes).  A refused write must leave both listings exactly as they
 * were and fail with an errno these files use; an accepted definition
 * must show up in both; kprobe_events must always be the p/r lines of
 * dynamic_events; a clear that a busy probe refuses must remove nothing.
 *
 * Splats are the kernel log scan's business (harness/results.py).
 * Prints one line, "probe_fuzz: ...", and the first failures; exits 1 if
 * there were any.
 */
#define FUZZ_NAME	"probe_fuzz"

#include "fuzz_util.h"

#define KPROBE		T "kprobe_events"
#define DYN		T "dynamic_events"

static const char *const names[] = {
	"fz0", "fz1", "fz2", "fz3", "fz0", "fz1", "", "fz-bad", "9fz",
	"fz_a_name_that_is_far_too_long_for_an_event_name_of_64_characters__",
};
static const char *const groups[] = {
	"", "", "", "kprobes/", "fzg/", "eprobes/", "/", "fz.g/",
};
static const char *const places[] = {
	"vfs_read", "vfs_read+0", "vfs_read+4", "do_sys_openat2",
	"kernel_clone", "vfs_read%return", "do_sys_openat2%return",
	"trace_printk:trace_printk_irq_work", "no_such_function",
	"vfs_read+1", "vfs_read%hoge", "vfs_read-4", "0x10", "", "vfs_read+",
};
static const char *const args[] = {
	"%ax", "%di:u32", "a=%si:s16", "+0(%di):u8", "+8(%si):x32[2]",
	"$stack", "$stack1", "$stack9999", "$arg1", "$arg2:s64", "$arg10000",
	"$retval", "$comm", "c=$comm:string", "\\1", "\\-2:s8", "\\\"str\"",
	"+0(%si):string", "+0(%si):ustring", "+u0(%si):string", "@jiffies",
	"@jiffies+8:u16", "@no_such_sym", "%ip:symbol", "%ip:symstr",
	"%di:%pd", "%di:%pD", "%ax:b4@4/32", "%ax:b40@4/32", "+0(+8(%di))",
	"%none", "&1", "+0(%ax", "x=", "=%ax", "a.b=%ax", "%ax:u8[4]",
	"+0(%ax):u8[65]", "$comm:x64", "%ax:string", "a=%ax", "a=%di",
};
static const char *const eplaces[] = {
	"syscalls/sys_enter_openat", "syscalls.sys_enter_openat",
	"sched/sched_switch", "sched.sched_waking", "nosys/noevent", "a.",
};
static const char *const eargs[] = {
	"$filename", "f=+0($filename):ustring", "$flags:u32", "$dfd:s32",
	"$mode", "$prev_pid", "$next_comm", "$comm", "$nope", "dfd",
	"x=$filename:string", "+0($flags)",
};
static const char *const rm_pre[] = {
	"-:", "-:kprobes/", "-:fzg/", "-:eprobes/", "-:nogroup/", "-",
	"!p:", "!r:", "!e:",
};

static int gen_args(char *buf, int len, int eprobe)
{
	int i, n = rnd(5);

	for (i = 0; i < n; i++) {
		len = cat(buf, len, " ");
		len = cat(buf, len, eprobe ? PICK(eargs) : PICK(args));
	}
	return len;
}

/* One line for kprobe_events (@dyn 0) or dynamic_events (@dyn 1). */
static int gen_line(char *buf, int dyn)
{
	static const char *const kinds[] = { "p", "r", "r10", "p3", "r0", "" };
	int len = 0, e = dyn && !rnd(3);

	buf[0] = '\0';
	if (!rnd(3)) {		/* a removal */
		len = cat(buf, len, PICK(rm_pre));
		len = cat(buf, len, PICK(names));
		if (!rnd(3)) {
			len = cat(buf, len, " ");
			len = cat(buf, len, PICK(places));
		}
	} else {
		len = cat(buf, len, e ? "e" : PICK(kinds));
		if (rnd(4)) {
			len = cat(buf, len, ":");
			len = cat(buf, len, PICK(groups));
			len = cat(buf, len, PICK(names));
		}
		len = cat(buf, len, " ");
		len = cat(buf, len, e ? PICK(eplaces) : PICK(places));
		len = gen_args(buf, len, e);
		if (e && !rnd(4))
			len = cat(buf, len, rnd(2) ? " if flags == 0" : " if");
	}
	if (rnd(10) < 2)
		len = mutate(buf, len);
	if (rnd(2))
		len = cat(buf, len, "\n");
	return len;
}

/* Switch a probe event on or off. */
static void poke(void)
{
	static const char *const grp[] = { "kprobes", "fzg", "eprobes" };
	char path[256];

	snprintf(path, sizeof(path), T "events/%s/%s/enable", PICK(grp),
		 names[rnd(4)]);
	write_file(path, rnd(2) ? "1" : "0", 1);
}

static void disable_all(void)
{
	write_file(T "events/kprobes/enable", "0", 1);
	write_file(T "events/fzg/enable", "0", 1);
	write_file(T "events/eprobes/enable", "0", 1);
}

/* kprobe_events must be exactly the p and r lines of dynamic_events. */
static int agree(const char *k, const char *d)
{
	char want[BUF];
	const char *p = d;
	size_t n = 0;

	want[0] = '\0';
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t l = nl ? (size_t)(nl - p + 1) : strlen(p);

		if ((p[0] == 'p' || p[0] == 'r') && n + l < sizeof(want)) {
			memcpy(want + n, p, l);
			n += l;
			want[n] = '\0';
		}
		p += l;
	}
	return !strcmp(want, k);
}

/* The explicit event name of a definition, or "" for a default one. */
static void name_of(const char *line, char *name, int size)
{
	const char *p = strchr(line, ':'), *s = strpbrk(line, " \t");
	int n = 0;

	name[0] = '\0';
	if (!p || !s || p > s)
		return;
	p++;
	s = strchr(p, '/');
	if (s && s < strpbrk(p, " \t"))
		p = s + 1;
	while (p[n] && p[n] != ' ' && p[n] != '\t' && n < size - 1)
		n++;
	memcpy(name, p, n);
	name[n] = '\0';
}

static void check_line(const char *line, int len, int dyn, int err,
		       const char *k_before, const char *d_before,
		       const char *k_after, const char *d_after)
{
	char name[80], want[96];

	if (!agree(k_after, d_after)) {
		fail("after '%.*s' kprobe_events '%s' and dynamic_events '%s' differ",
		     len, line, k_after, d_after);
		return;
	}
	if (err) {
		refused++;
		if (err != EINVAL && err != ENOENT && err != EBUSY &&
		    err != E2BIG && err != EEXIST && err != EADDRNOTAVAIL)
			fail("'%.*s' refused with errno %d", len, line, err);
		else if (strcmp(k_before, k_after) || strcmp(d_before, d_after))
			fail("'%.*s' refused, but the listing went from '%s' to '%s'",
			     len, line, d_before, d_after);
		else
			checks++;
		return;
	}
	accepted++;
	if (line[0] == '-' || line[0] == '!' || memchr(line, '#', len))
		return;
	name_of(line, name, sizeof(name));
	if (!name[0])
		return;
	snprintf(want, sizeof(want), "/%s ", name);
	if (!strstr(d_after, want))
		fail("'%.*s' (%s) accepted, but dynamic_events reads '%s'", len,
		     line, dyn ? "dynamic_events" : "kprobe_events", d_after);
	else
		checks++;
}

/* A clear of kprobe_events (0) takes the kprobes, of dynamic_events all. */
static int cleared(int which, const char *k, const char *d)
{
	return which ? !d[0] : !k[0];
}

int main(int argc, char **argv)
{
	static const struct listing_fuzz f = {
		.file		= { KPROBE, DYN },
		.poke_odds	= 8,
		.clear_odds	= 60,
		.gen		= gen_line,
		.poke		= poke,
		.check		= check_line,
		.cleared	= cleared,
	};
	int writes;

	writes = argc > 1 ? atoi(argv[1]) : 10000;
	rng = argc > 2 ? strtoull(argv[2], NULL, 0) : 0x9e3779b97f4a7c15ULL;
	disable_all();
	write_file(DYN, "", 0);
	listing_fuzz_run(&f, writes);
	disable_all();
	if (write_file(DYN, "", 0))
		fail("final clear refused");
	printf("probe_fuzz: %d writes: %d accepted, %d refused, %d checks of the listings, %d failures\n",
	       writes, accepted, refused, checks, failures);
	return failures ? 1 : 0;
}
