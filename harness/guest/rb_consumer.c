// SPDX-License-Identifier: GPL-2.0
/*
 * rb_consumer.c - the writer and the binary reader of the ring buffer
 * regression cases (guest/regress/04-*, 07-*, 09-*).
 *
 * Usage:
 *   rb_consumer mark <seconds> <cpu>
 *	on <cpu>, writes "rbc <n>" to trace_marker, n = 0, 1, 2..., for
 *	<seconds>, then prints "MARKED <count>" (with no newline: the
 *	kernel adds it, and the NUL after it);
 *   rb_consumer raw <trace_pipe_raw> <seconds>
 *	read()s sub-buffers for <seconds> and prints "R <n>" for each
 *	"rbc <n>" marker record in them, in order; "ERR <errno>" for a
 *	failed read (a signal ending a blocking read is not one) and
 *	"BAD <what>" for a sub-buffer that does not decode as
 *	events/header_page and header_event say;
 *   rb_consumer waitread <file> <seconds>
 *	one blocking read() of at most 1 MiB; prints "READ <bytes> <ms>",
 *	or "TIMEOUT" if nothing came within <seconds>;
 *   rb_consumer poll <file> <ms>
 *	one poll() for input of at most <ms>; prints "POLLIN <ms>" or
 *	"NONE".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MARKER		"/sys/kernel/tracing/trace_marker"
#define BUF_SIZE	(1 << 20)

/* Payload of a trace_marker record: trace_entry, ip, then the text. */
#define PRINT_TEXT_OFF	16

static volatile sig_atomic_t expired;

static void on_alarm(int sig)
{
	expired = 1;
}

static void arm(unsigned int seconds)
{
	struct sigaction sa = { .sa_handler = on_alarm };	/* no SA_RESTART */

	sigaction(SIGALRM, &sa, NULL);
	alarm(seconds);
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static int pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set)) {
		perror("sched_setaffinity");
		return -1;
	}
	return 0;
}

static int do_mark(unsigned int seconds, int cpu)
{
	unsigned long n = 0;
	char line[64];
	int fd, len;

	if (pin(cpu))
		return 1;
	fd = open(MARKER, O_WRONLY);
	if (fd < 0) {
		perror(MARKER);
		return 1;
	}
	arm(seconds);
	while (!expired) {
		len = snprintf(line, sizeof(line), "rbc %lu", n);
		if (write(fd, line, len) == len)
			n++;
	}
	printf("MARKED %lu\n", n);
	return 0;
}

/* The "rbc <n>" marker of a data record's payload, or -1. */
static long marker_seq(const unsigned char *data, unsigned int len)
{
	char text[32];
	unsigned int n;
	long seq;

	if (len <= PRINT_TEXT_OFF + 4)
		return -1;
	n = len - PRINT_TEXT_OFF;
	if (n >= sizeof(text))
		n = sizeof(text) - 1;
	memcpy(text, data + PRINT_TEXT_OFF, n);
	text[n] = 0;
	if (sscanf(text, "rbc %ld", &seq) != 1)
		return -1;
	return seq;
}

/*
 * Decode one sub-buffer: u64 time stamp, a long of commit (the low 30
 * bits are the bytes of records), the records.
 */
static void decode(const unsigned char *page, size_t size)
{
	size_t off = 16, end;
	uint64_t commit;
	uint32_t word, arg, type, len, dlen;
	const unsigned char *data;
	long seq;

	if (size < 16) {
		printf("BAD short read %zu\n", size);
		return;
	}
	memcpy(&commit, page + 8, 8);
	end = 16 + (commit & ((1UL << 30) - 1));
	if (end > size) {
		printf("BAD commit %llu in %zu bytes\n",
		       (unsigned long long)commit, size);
		return;
	}
	while (off + 4 <= end) {
		memcpy(&word, page + off, 4);
		arg = 0;
		if (off + 8 <= end)
			memcpy(&arg, page + off + 4, 4);
		type = word & 31;
		switch (type) {
		case 0:
			len = 4 + arg;
			data = page + off + 8;
			dlen = arg >= 4 ? arg - 4 : 0;
			break;
		case 29:	/* padding; with no length, the end of the page */
			if (!arg && !(word >> 5))
				return;
			len = 4 + arg;
			data = NULL;
			dlen = 0;
			break;
		case 30:
		case 31:
			len = 8;
			data = NULL;
			dlen = 0;
			break;
		default:
			len = 4 + type * 4;
			data = page + off + 4;
			dlen = type * 4;
			break;
		}
		if (len < 4 || off + len > end) {
			printf("BAD record of %u bytes at %zu of %zu\n", len,
			       off, end);
			return;
		}
		if (data) {
			seq = marker_seq(data, dlen);
			if (seq >= 0)
				printf("R %ld\n", seq);
		}
		off += len;
	}
}

static int do_raw(const char *path, unsigned int seconds)
{
	unsigned char *buf = malloc(BUF_SIZE);
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0 || !buf) {
		perror(path);
		return 1;
	}
	arm(seconds);
	while (!expired) {
		n = read(fd, buf, BUF_SIZE);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			printf("ERR %d\n", errno);
			continue;
		}
		if (n)
			decode(buf, n);
	}
	return 0;
}

static int do_waitread(const char *path, unsigned int seconds)
{
	char *buf = malloc(BUF_SIZE);
	long long start;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0 || !buf) {
		perror(path);
		return 1;
	}
	arm(seconds);
	start = now_ms();
	n = read(fd, buf, BUF_SIZE);
	if (n < 0 && errno == EINTR) {
		printf("TIMEOUT\n");
		return 1;
	}
	if (n < 0) {
		printf("ERR %d\n", errno);
		return 1;
	}
	printf("READ %zd %lld\n", n, now_ms() - start);
	return 0;
}

static int do_poll(const char *path, int ms)
{
	struct pollfd pfd = { .events = POLLIN };
	long long start;
	int n;

	pfd.fd = open(path, O_RDONLY | O_NONBLOCK);
	if (pfd.fd < 0) {
		perror(path);
		return 1;
	}
	start = now_ms();
	n = poll(&pfd, 1, ms);
	if (n < 0) {
		printf("ERR %d\n", errno);
		return 1;
	}
	if (n && (pfd.revents & POLLIN))
		printf("POLLIN %lld\n", now_ms() - start);
	else
		printf("NONE\n");
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 4 && !strcmp(argv[1], "mark"))
		return do_mark(atoi(argv[2]), atoi(argv[3]));
	if (argc == 4 && !strcmp(argv[1], "raw"))
		return do_raw(argv[2], atoi(argv[3]));
	if (argc == 4 && !strcmp(argv[1], "waitread"))
		return do_waitread(argv[2], atoi(argv[3]));
	if (argc == 4 && !strcmp(argv[1], "poll"))
		return do_poll(argv[2], atoi(argv[3]));
	fprintf(stderr,
		"usage: %s mark <seconds> <cpu> | raw <file> <seconds> |\n"
		"       waitread <file> <seconds> | poll <file> <ms>\n",
		argv[0]);
	return 2;
}
