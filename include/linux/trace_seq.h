/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_seq.h - a bounded text buffer for formatting trace output.
 *
 * A struct trace_seq collects the text of one or more trace lines.  Writes
 * never fail part-way: a write that does not fit in full leaves the buffer
 * as it was and marks the sequence as overflowed, so a caller can flush
 * what it has and retry the whole line with an empty buffer.
 *
 * Locking: none.  A trace_seq belongs to one reader at a time (a struct
 * trace_iterator, or a caller's stack); callers serialise.
 */
#ifndef _LINUX_TRACE_SEQ_H
#define _LINUX_TRACE_SEQ_H

#include <linux/seq_buf.h>
#include <linux/types.h>
#include <asm/page.h>

struct seq_file;
struct path;

/*
 * Two pages minus the bookkeeping that follows, so a struct trace_seq
 * kmalloc()ed on its own fits an order-1 allocation.
 */
#define TRACE_SEQ_BUFFER_SIZE	(PAGE_SIZE * 2 - sizeof(struct seq_buf) - \
				 sizeof(size_t) - sizeof(int))

/**
 * struct trace_seq - text being formatted for trace output
 * @buffer:  the text
 * @seq:     fill level and capacity of @buffer
 * @readpos: how much of the text trace_seq_to_user() has already copied out
 * @full:    set once a write did not fit; later writes are refused
 */
struct trace_seq {
	char			buffer[TRACE_SEQ_BUFFER_SIZE];
	struct seq_buf		seq;
	size_t			readpos;
	int			full;
};

/**
 * trace_seq_init() - empty a trace_seq and make it usable
 * @s: the trace_seq
 */
static inline void trace_seq_init(struct trace_seq *s)
{
	seq_buf_init(&s->seq, s->buffer, TRACE_SEQ_BUFFER_SIZE);
	s->full = 0;
	s->readpos = 0;
}

/**
 * trace_seq_used() - number of bytes of text held
 * @s: the trace_seq
 *
 * Return: the length of the text, never more than the buffer size.
 */
static inline int trace_seq_used(struct trace_seq *s)
{
	return seq_buf_used(&s->seq);
}

/**
 * trace_seq_buffer_ptr() - where the next write will land
 * @s: the trace_seq
 *
 * Used by output helpers that format into the buffer and return a pointer
 * to what they wrote (the __print_*() helpers of event output).
 *
 * Return: a pointer just past the text written so far.
 */
static inline char *trace_seq_buffer_ptr(struct trace_seq *s)
{
	return s->buffer + seq_buf_used(&s->seq);
}

/**
 * trace_seq_has_overflowed() - did a write not fit?
 * @s: the trace_seq
 *
 * Return: true once any write has been refused for lack of room.
 */
static inline bool trace_seq_has_overflowed(struct trace_seq *s)
{
	return s->full || seq_buf_has_overflowed(&s->seq);
}

#ifdef CONFIG_TRACING
__printf(2, 3)
void trace_seq_printf(struct trace_seq *s, const char *fmt, ...);
__printf(2, 0)
void trace_seq_vprintf(struct trace_seq *s, const char *fmt, va_list args);
int trace_seq_bprintf(struct trace_seq *s, const char *fmt, const u32 *binary);
int trace_print_seq(struct seq_file *m, struct trace_seq *s);
int trace_seq_to_user(struct trace_seq *s, char __user *ubuf, int cnt);
void trace_seq_puts(struct trace_seq *s, const char *str);
void trace_seq_putc(struct trace_seq *s, unsigned char c);
void trace_seq_putmem(struct trace_seq *s, const void *mem, unsigned int len);
void trace_seq_putmem_hex(struct trace_seq *s, const void *mem,
			  unsigned int len);
int trace_seq_path(struct trace_seq *s, const struct path *path);
void trace_seq_bitmask(struct trace_seq *s, const unsigned long *maskp,
		       int nmaskbits);
int trace_seq_hex_dump(struct trace_seq *s, const char *prefix_str,
		       int prefix_type, int rowsize, int groupsize,
		       const void *buf, size_t len, bool ascii);
char *trace_seq_acquire(struct trace_seq *s, unsigned int len);
#else
static inline __printf(2, 3)
void trace_seq_printf(struct trace_seq *s, const char *fmt, ...)
{
}

static inline __printf(2, 0)
void trace_seq_vprintf(struct trace_seq *s, const char *fmt, va_list args)
{
}

static inline int
trace_seq_bprintf(struct trace_seq *s, const char *fmt, const u32 *binary)
{
	return 0;
}

static inline int trace_print_seq(struct seq_file *m, struct trace_seq *s)
{
	return 0;
}

static inline int trace_seq_to_user(struct trace_seq *s, char __user *ubuf,
				    int cnt)
{
	return 0;
}

static inline void trace_seq_puts(struct trace_seq *s, const char *str)
{
}

static inline void trace_seq_putc(struct trace_seq *s, unsigned char c)
{
}

static inline void trace_seq_putmem(struct trace_seq *s, const void *mem,
				    unsigned int len)
{
}

static inline void trace_seq_putmem_hex(struct trace_seq *s, const void *mem,
					unsigned int len)
{
}

static inline int trace_seq_path(struct trace_seq *s, const struct path *path)
{
	return 0;
}

static inline void trace_seq_bitmask(struct trace_seq *s,
				     const unsigned long *maskp, int nmaskbits)
{
}

static inline int trace_seq_hex_dump(struct trace_seq *s,
				     const char *prefix_str, int prefix_type,
				     int rowsize, int groupsize,
				     const void *buf, size_t len, bool ascii)
{
	return 0;
}

static inline char *trace_seq_acquire(struct trace_seq *s, unsigned int len)
{
	return NULL;
}
#endif /* CONFIG_TRACING */

#endif /* _LINUX_TRACE_SEQ_H */
