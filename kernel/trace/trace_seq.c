// SPDX-License-Identifier: GPL-2.0
/*
 * trace_seq.c - a bounded text buffer for trace output.
 *
 * Each write is all or nothing: when the text does not fit, the buffer is
 * rolled back to its length before the write and the sequence is marked
 * full, which refuses every later write until trace_seq_init().  A reader
 * that sees trace_seq_has_overflowed() flushes what it has and formats the
 * line again into an empty buffer, so no line is ever emitted truncated.
 *
 * A zero-filled struct trace_seq is valid: the first write initialises it.
 *
 * Locking: none; a trace_seq has one user at a time (see trace_seq.h).
 */

#include <linux/bitmap.h>
#include <linux/export.h>
#include <linux/seq_file.h>
#include <linux/trace_seq.h>
#include <linux/uaccess.h>

/*
 * Start a write: initialise a zeroed sequence, refuse if already full and
 * remember the length to roll back to.
 */
static bool ts_begin(struct trace_seq *s, unsigned int *save)
{
	if (unlikely(!s->seq.size))
		trace_seq_init(s);
	if (unlikely(s->full))
		return false;
	*save = s->seq.len;
	return true;
}

/* Finish a write: undo it entirely if it overflowed. */
static void ts_end(struct trace_seq *s, unsigned int save)
{
	if (unlikely(seq_buf_has_overflowed(&s->seq))) {
		s->seq.len = save;
		s->full = 1;
	}
}

/**
 * trace_seq_vprintf() - append formatted text
 * @s:    the trace_seq
 * @fmt:  printf format
 * @args: its arguments
 *
 * Context: any context.
 */
void trace_seq_vprintf(struct trace_seq *s, const char *fmt, va_list args)
{
	unsigned int save;

	if (!ts_begin(s, &save))
		return;
	seq_buf_vprintf(&s->seq, fmt, args);
	ts_end(s, save);
}
EXPORT_SYMBOL_GPL(trace_seq_vprintf);

/**
 * trace_seq_printf() - append formatted text
 * @s:   the trace_seq
 * @fmt: printf format, followed by its arguments
 *
 * Nothing is written unless all of the text fits.
 *
 * Context: any context.
 */
void trace_seq_printf(struct trace_seq *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	trace_seq_vprintf(s, fmt, ap);
	va_end(ap);
}
EXPORT_SYMBOL_GPL(trace_seq_printf);

/**
 * trace_seq_bprintf() - append text from a binary printf record
 * @s:      the trace_seq
 * @fmt:    the format the record was made with
 * @binary: the arguments as vbin_printf() packed them
 *
 * Context: any context.
 * Return: 1 if the text was appended, 0 if it did not fit.
 */
int trace_seq_bprintf(struct trace_seq *s, const char *fmt, const u32 *binary)
{
	unsigned int save;

	if (!ts_begin(s, &save))
		return 0;
	seq_buf_bprintf(&s->seq, fmt, binary);
	ts_end(s, save);
	return !s->full;
}
EXPORT_SYMBOL_GPL(trace_seq_bprintf);

/**
 * trace_seq_puts() - append a string
 * @s:   the trace_seq
 * @str: NUL-terminated string
 *
 * Context: any context.
 */
void trace_seq_puts(struct trace_seq *s, const char *str)
{
	unsigned int save;

	if (!ts_begin(s, &save))
		return;
	seq_buf_puts(&s->seq, str);
	ts_end(s, save);
}
EXPORT_SYMBOL_GPL(trace_seq_puts);

/**
 * trace_seq_putc() - append one character
 * @s: the trace_seq
 * @c: the character
 *
 * Context: any context.
 */
void trace_seq_putc(struct trace_seq *s, unsigned char c)
{
	unsigned int save;

	if (!ts_begin(s, &save))
		return;
	seq_buf_putc(&s->seq, c);
	ts_end(s, save);
}
EXPORT_SYMBOL_GPL(trace_seq_putc);

/**
 * trace_seq_putmem() - append raw bytes
 * @s:   the trace_seq
 * @mem: the bytes
 * @len: how many
 *
 * Context: any context.
 */
void trace_seq_putmem(struct trace_seq *s, const void *mem, unsigned int len)
{
	unsigned int save;

	if (!ts_begin(s, &save))
		return;
	seq_buf_putmem(&s->seq, mem, len);
	ts_end(s, save);
}
EXPORT_SYMBOL_GPL(trace_seq_putmem);

/**
 * trace_seq_putmem_hex() - append bytes as hexadecimal digits
 * @s:   the trace_seq
 * @mem: the bytes
 * @len: how many
 *
 * Context: any context.
 */
void trace_seq_putmem_hex(struct trace_seq *s, const void *mem,
			  unsigned int len)
{
	unsigned int save;

	if (!ts_begin(s, &save))
		return;
	seq_buf_putmem_hex(&s->seq, mem, len);
	ts_end(s, save);
}
EXPORT_SYMBOL_GPL(trace_seq_putmem_hex);

/**
 * trace_seq_path() - append the path name of a file
 * @s:    the trace_seq
 * @path: the path
 *
 * Newlines in the name are escaped so the text stays one line.
 *
 * Context: process context (d_path() may sleep on some filesystems).
 * Return: 1 if the name was appended, 0 if it did not fit.
 */
int trace_seq_path(struct trace_seq *s, const struct path *path)
{
	unsigned int save;

	if (!ts_begin(s, &save))
		return 0;
	seq_buf_path(&s->seq, path, "\n");
	ts_end(s, save);
	return !s->full;
}
EXPORT_SYMBOL_GPL(trace_seq_path);

/**
 * trace_seq_bitmask() - append a bitmap in hexadecimal ("%*pb")
 * @s:         the trace_seq
 * @maskp:     the bitmap
 * @nmaskbits: its length in bits
 *
 * Context: any context.
 */
void trace_seq_bitmask(struct trace_seq *s, const unsigned long *maskp,
		       int nmaskbits)
{
	trace_seq_printf(s, "%*pb", nmaskbits, maskp);
}
EXPORT_SYMBOL_GPL(trace_seq_bitmask);

/**
 * trace_seq_hex_dump() - append a hex dump, as print_hex_dump() lays it out
 * @s:           the trace_seq
 * @prefix_str:  text at the start of each line
 * @prefix_type: DUMP_PREFIX_NONE, _ADDRESS or _OFFSET
 * @rowsize:     bytes per line (16 or 32)
 * @groupsize:   bytes per group (1, 2, 4 or 8)
 * @buf:         the data
 * @len:         its length
 * @ascii:       also show the printable characters
 *
 * Context: any context.
 * Return: 1 if the dump was appended, 0 if it did not fit.
 */
int trace_seq_hex_dump(struct trace_seq *s, const char *prefix_str,
		       int prefix_type, int rowsize, int groupsize,
		       const void *buf, size_t len, bool ascii)
{
	unsigned int save;

	if (!ts_begin(s, &save))
		return 0;
	seq_buf_hex_dump(&s->seq, prefix_str, prefix_type, rowsize, groupsize,
			 buf, len, ascii);
	ts_end(s, save);
	return !s->full;
}
EXPORT_SYMBOL_GPL(trace_seq_hex_dump);

/**
 * trace_seq_acquire() - reserve room to format into directly
 * @s:   the trace_seq
 * @len: bytes wanted
 *
 * The bytes count as written; the caller fills them.
 *
 * Context: any context.
 * Return: the reserved bytes, or NULL (and the sequence marked full) when
 * @len bytes do not fit.
 */
char *trace_seq_acquire(struct trace_seq *s, unsigned int len)
{
	char *p;

	if (unlikely(!s->seq.size))
		trace_seq_init(s);
	if (s->full || len > seq_buf_buffer_left(&s->seq)) {
		s->full = 1;
		return NULL;
	}
	p = trace_seq_buffer_ptr(s);
	seq_buf_commit(&s->seq, len);
	return p;
}
EXPORT_SYMBOL_GPL(trace_seq_acquire);

/**
 * trace_print_seq() - move the text to a seq_file
 * @m: the seq_file being read
 * @s: the trace_seq
 *
 * On success the trace_seq is emptied for the next line.
 *
 * Context: process context.
 * Return: 0, or -1 if the seq_file had no room (the text is kept).
 */
int trace_print_seq(struct seq_file *m, struct trace_seq *s)
{
	int ret = seq_buf_print_seq(m, &s->seq);

	if (!ret)
		trace_seq_init(s);
	return ret;
}
EXPORT_SYMBOL_GPL(trace_print_seq);

/**
 * trace_seq_to_user() - copy not yet read text to user space
 * @s:    the trace_seq
 * @ubuf: user buffer
 * @cnt:  its size
 *
 * Successive calls continue where the previous one stopped, so one line
 * may be read in several pieces.
 *
 * Context: process context; may fault.
 * Return: bytes copied, -EBUSY when everything has been read, -EFAULT.
 */
int trace_seq_to_user(struct trace_seq *s, char __user *ubuf, int cnt)
{
	int ret;

	if (unlikely(!s->seq.size))
		trace_seq_init(s);
	ret = seq_buf_to_user(&s->seq, ubuf, s->readpos, cnt);
	if (ret > 0)
		s->readpos += ret;
	return ret;
}
EXPORT_SYMBOL_GPL(trace_seq_to_user);

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/trace_seq-kunit.h"
#endif
