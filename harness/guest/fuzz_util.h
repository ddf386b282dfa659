/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fuzz_util.h - what the guest's fuzzers share: a xorshift generator,
 * failure reports (the first 20), whole-file reads and writes of tracefs
 * files, string building and mutation.  Each fuzzer defines FUZZ_NAME,
 * the prefix of its reports, before including this; the counters are
 * its results.
 */
#ifndef FUZZ_UTIL_H
#define FUZZ_UTIL_H

#ifndef FUZZ_NAME
#error "define FUZZ_NAME first"
#endif

#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define T		"/sys/kernel/tracing/"
#define BUF		16384

static unsigned long long rng;
static int failures, accepted, refused, checks;

static unsigned int rnd(unsigned int n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return n ? (unsigned int)(rng >> 11) % n : 0;
}

static void fail(const char *fmt, ...)
{
	va_list ap;

	if (failures++ >= 20)
		return;
	va_start(ap, fmt);
	printf(FUZZ_NAME ": FAIL: ");
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
}

static int read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n, len = 0;

	if (fd < 0)
		return -1;
	while (len < (ssize_t)size - 1 &&
	       (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	return len;
}

/* Write with open(2) flags @flags.  Return: 0, or the errno of the write. */
static int write_flags(const char *path, const char *s, size_t len,
		       int flags)
{
	int fd = open(path, O_WRONLY | flags);
	int err = 0;

	if (fd < 0)
		return errno;
	if (write(fd, s, len) != (ssize_t)len)
		err = errno;
	close(fd);
	return err;
}

/* A write that replaces (O_TRUNC).  Return: 0, or the errno. */
static int write_file(const char *path, const char *s, size_t len)
{
	return write_flags(path, s, len, O_TRUNC);
}

static const char *pick(const char *const *v, int n)
{
	return v[rnd(n)];
}
#define PICK(v) pick(v, sizeof(v) / sizeof(v[0]))

static int cat(char *buf, int len, const char *s)
{
	int n = strlen(s);

	if (len + n >= BUF - 1)
		return len;
	memcpy(buf + len, s, n);
	buf[len + n] = '\0';
	return len + n;
}

static int mutate(char *buf, int len)
{
	static const char chars[] = "()&|!\"'=<>~*?[]{}, \t\n0123456789abcxyz_-.";
	int i, n = 1 + rnd(3), a, b;

	for (i = 0; i < n && len > 0; i++) {
		a = rnd(len);
		switch (rnd(5)) {
		case 0:		/* delete a byte */
			memmove(buf + a, buf + a + 1, len - a);
			len--;
			break;
		case 1:		/* insert one */
			if (len + 1 >= BUF - 1)
				break;
			memmove(buf + a + 1, buf + a, len - a + 1);
			buf[a] = chars[rnd(sizeof(chars) - 1)];
			len++;
			break;
		case 2:		/* cut the end */
			buf[a] = '\0';
			len = a;
			break;
		case 3:		/* swap two bytes */
			b = rnd(len);
			buf[a] ^= buf[b];
			buf[b] ^= buf[a];
			buf[a] ^= buf[b];
			break;
		default:	/* repeat a piece */
			b = a + rnd(len - a + 1);
			if (len + b - a >= BUF - 1)
				break;
			memmove(buf + b + (b - a), buf + b, len - b + 1);
			memcpy(buf + b, buf + a, b - a);
			len += b - a;
			break;
		}
	}
	return len;
}

/**
 * struct listing_fuzz - a fuzzer of two command files that list what they
 * define (synthetic_events and dynamic_events, kprobe_events and
 * dynamic_events)
 * @file:      the two files
 * @poke_odds: one write in this many is preceded by poke()
 * @clear_odds: one write in this many is a clear (O_TRUNC) instead
 * @gen:       build a line for file @which; returns its length
 * @poke:      change some event's state (enable, triggers...)
 * @check:     judge a line: the errno of its write, the listings before
 *	       and after
 * @cleared:   whether a clear of file @which left the listings empty
 */
struct listing_fuzz {
	const char	*file[2];
	unsigned int	poke_odds;
	unsigned int	clear_odds;
	int		(*gen)(char *buf, int which);
	void		(*poke)(void);
	void		(*check)(const char *line, int len, int which, int err,
				 const char *a0, const char *b0,
				 const char *a1, const char *b1);
	int		(*cleared)(int which, const char *a, const char *b);
};

/*
 * @writes writes: lines, and now and then a clear, which must remove
 * everything or, refused with EBUSY, nothing.
 */
static inline void listing_fuzz_run(const struct listing_fuzz *f, int writes)
{
	char *buf = malloc(BUF), *a0 = malloc(BUF), *b0 = malloc(BUF);
	char *a1 = malloc(BUF), *b1 = malloc(BUF);
	int i, len, which, err;

	for (i = 0; i < writes; i++) {
		if (!rnd(f->poke_odds))
			f->poke();
		read_file(f->file[0], a0, BUF);
		read_file(f->file[1], b0, BUF);
		which = rnd(2);
		if (!rnd(f->clear_odds)) {
			err = write_file(f->file[which], "", 0);
			read_file(f->file[0], a1, BUF);
			read_file(f->file[1], b1, BUF);
			if (err && (err != EBUSY || strcmp(a0, a1) ||
				    strcmp(b0, b1)))
				fail("clear refused with %d, listing '%s' -> '%s'",
				     err, b0, b1);
			else if (!err && !f->cleared(which, a1, b1))
				fail("clear left '%s'", b1);
			else
				checks++;
			continue;
		}
		len = f->gen(buf, which);
		err = write_flags(f->file[which], buf, len, O_APPEND);
		read_file(f->file[0], a1, BUF);
		read_file(f->file[1], b1, BUF);
		/* A mutated line may be two lines; judge single ones only. */
		if (memchr(buf, '\n', len) &&
		    memchr(buf, '\n', len) != buf + len - 1)
			continue;
		f->check(buf, len, which, err, a0, b0, a1, b1);
	}
	free(buf);
	free(a0);
	free(b0);
	free(a1);
	free(b1);
}

#endif /* FUZZ_UTIL_H */
