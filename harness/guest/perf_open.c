// SPDX-License-Identifier: GPL-2.0
/*
 * perf_open - open one perf event on a trace event or a kprobe of perf's
 * kprobe PMU, as a given user, count it over some openat() calls, and
 * print what happened:
 *
 *	ok <count> [<samples>]
 *	err <errno name>	(perf_event_open() or the filter refused)
 *
 *	perf_open [-u UID] [-a] [-s] [-f FILTER] [-n N] -t ID
 *	perf_open [-u UID] [-a] [-r] [-n N] -k SYMBOL[+OFFSET] | -K ADDRESS
 *
 * -t ID	 the trace event of that id (PERF_TYPE_TRACEPOINT)
 * -k, -K	 a kprobe (-r: kretprobe) through the "kprobe" PMU
 * -a		 system-wide, on CPU 0; else this task, on any CPU
 * -s		 sampling every hit with PERF_SAMPLE_RAW (the raw-data rule);
 *		 the samples are counted in a ring buffer
 * -u UID	 drop to that user (and group) first
 * -f FILTER	 PERF_EVENT_IOC_SET_FILTER
 * -n N		 the number of openat() calls to make (default 100)
 * -F FILTER	 a second filter after -f, which must be refused (EEXIST)
 *
 * Built static: the guest has no libc of its own.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/perf_event.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define RING_PAGES	8

static const char *errname(int e)
{
	static const struct { int e; const char *n; } names[] = {
		{ EACCES, "EACCES" }, { EPERM, "EPERM" }, { ENOENT, "ENOENT" },
		{ EINVAL, "EINVAL" }, { EEXIST, "EEXIST" }, { E2BIG, "E2BIG" },
		{ ENODEV, "ENODEV" }, { EOPNOTSUPP, "EOPNOTSUPP" },
		{ EBUSY, "EBUSY" }, { EADDRNOTAVAIL, "EADDRNOTAVAIL" },
		{ EILSEQ, "EILSEQ" }, { EFAULT, "EFAULT" },
	};
	static char buf[16];
	unsigned int i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].e == e)
			return names[i].n;
	snprintf(buf, sizeof(buf), "E%d", e);
	return buf;
}

static int read_int(const char *path)
{
	FILE *f = fopen(path, "r");
	int v = -1;

	if (!f || fscanf(f, "%d", &v) != 1)
		v = -1;
	if (f)
		fclose(f);
	return v;
}

/* Count the PERF_RECORD_SAMPLEs in the ring. */
static long count_samples(void *ring, size_t page)
{
	struct perf_event_mmap_page *meta = ring;
	char *data = (char *)ring + page;
	uint64_t head = meta->data_head, tail = meta->data_tail;
	size_t size = RING_PAGES * page;
	long n = 0;

	__sync_synchronize();
	while (tail < head) {
		struct perf_event_header *h = (void *)(data + tail % size);

		if (h->type == PERF_RECORD_SAMPLE)
			n++;
		if (!h->size)
			break;
		tail += h->size;
	}
	return n;
}

int main(int argc, char **argv)
{
	struct perf_event_attr attr = { .size = sizeof(attr) };
	const char *filter = NULL, *filter2 = NULL, *sym = NULL;
	int uid = -1, all = 0, sample = 0, ret = 0, opt, fd, n = 100, i;
	unsigned long long addr = 0, offs = 0;
	size_t page = sysconf(_SC_PAGESIZE);
	void *ring = NULL;
	long long count;
	char *plus;

	attr.type = PERF_TYPE_TRACEPOINT;
	attr.config = ~0ULL;
	while ((opt = getopt(argc, argv, "u:asf:F:n:t:k:K:r")) != -1) {
		switch (opt) {
		case 'u': uid = atoi(optarg); break;
		case 'a': all = 1; break;
		case 's': sample = 1; break;
		case 'f': filter = optarg; break;
		case 'F': filter2 = optarg; break;
		case 'n': n = atoi(optarg); break;
		case 't': attr.config = strtoull(optarg, NULL, 0); break;
		case 'k': sym = optarg; break;
		case 'K': addr = strtoull(optarg, NULL, 0); break;
		case 'r': ret = 1; break;
		default:
			fprintf(stderr, "usage: see the source\n");
			return 2;
		}
	}
	if (sym || addr) {
		attr.type = read_int("/sys/bus/event_source/devices/kprobe/type");
		attr.config = ret;	/* format: retprobe is config:0 */
		if (sym) {
			char *s = strdup(sym);

			plus = strchr(s, '+');
			if (plus) {
				*plus = '\0';
				offs = strtoull(plus + 1, NULL, 0);
			}
			attr.kprobe_func = (uintptr_t)s;
			attr.probe_offset = offs;
		} else {
			attr.kprobe_addr = addr;
		}
	}
	attr.disabled = 1;
	if (sample) {
		attr.sample_period = 1;
		attr.sample_type = PERF_SAMPLE_RAW;
		attr.wakeup_events = 1;
	}
	if (uid >= 0 && (setgid(uid) || setuid(uid))) {
		printf("err setuid\n");
		return 1;
	}
	fd = syscall(SYS_perf_event_open, &attr, all ? -1 : 0, all ? 0 : -1,
		     -1, 0);
	if (fd < 0) {
		printf("err %s\n", errname(errno));
		return 0;
	}
	if (filter && ioctl(fd, PERF_EVENT_IOC_SET_FILTER, filter)) {
		printf("err %s\n", errname(errno));
		return 0;
	}
	if (filter2) {
		if (!ioctl(fd, PERF_EVENT_IOC_SET_FILTER, filter2)) {
			printf("err second-filter-taken\n");
			return 0;
		}
		if (errno != EEXIST) {
			printf("err second-filter-%s\n", errname(errno));
			return 0;
		}
	}
	if (sample) {
		ring = mmap(NULL, (RING_PAGES + 1) * page,
			    PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (ring == MAP_FAILED) {
			printf("err mmap-%s\n", errname(errno));
			return 0;
		}
	}
	ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
	for (i = 0; i < n; i++) {
		int f = open("/proc/version", O_RDONLY);
		char c;

		if (f >= 0) {
			if (read(f, &c, 1) < 0)
				perror("read");
			close(f);
		}
	}
	ioctl(fd, PERF_EVENT_IOC_DISABLE, 0);
	if (read(fd, &count, sizeof(count)) != sizeof(count)) {
		printf("err read\n");
		return 0;
	}
	if (sample)
		printf("ok %lld %ld\n", count, count_samples(ring, page));
	else
		printf("ok %lld\n", count);
	return 0;
}
