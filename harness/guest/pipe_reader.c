// SPDX-License-Identifier: GPL-2.0
/*
 * pipe_reader.c - splices a trace_pipe_raw file into /dev/null, as
 * trace-cmd record does (the ev_reader bench case, rb_stress.sh), on the
 * CPU it is given, until SIGTERM, then prints "READER <bytes>": the bytes
 * spliced since the last SIGUSR1 (the harness sends one once the reader
 * has drained what the buffer held before the timed window).
 *
 * Usage: pipe_reader <trace_pipe_raw> <cpu>
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t stop, zero;

static void on_signal(int sig)
{
	if (sig == SIGTERM)
		stop = 1;
	else
		zero = 1;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_signal };	/* no SA_RESTART */
	long long total = 0;
	int fd, null, p[2];
	cpu_set_t set;
	ssize_t n;

	if (argc != 3) {
		fprintf(stderr, "usage: %s <trace_pipe_raw> <cpu>\n", argv[0]);
		return 2;
	}
	CPU_ZERO(&set);
	CPU_SET(atoi(argv[2]), &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		perror("sched_setaffinity");
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	fd = open(argv[1], O_RDONLY);
	null = open("/dev/null", O_WRONLY);
	if (fd < 0 || null < 0 || pipe(p)) {
		perror(argv[1]);
		return 1;
	}
	while (!stop) {
		n = splice(fd, NULL, p[1], NULL, 1 << 16, SPLICE_F_MOVE);
		if (zero) {
			zero = 0;
			total = 0;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			perror("splice");
			return 1;
		}
		total += n;
		while (n > 0) {
			ssize_t m = splice(p[0], NULL, null, NULL, n,
					   SPLICE_F_MOVE);

			if (m <= 0)
				break;
			n -= m;
		}
	}
	printf("READER %lld\n", total);
	return 0;
}
