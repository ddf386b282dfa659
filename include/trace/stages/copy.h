/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stages/copy.h - the copy of a few bytes into a record: a __string's
 * text (stages/probe.h), a record written whole (ring_buffer_write()).
 *
 * Those copies are short and their length varies: memcpy() is a call,
 * and on x86 a "rep movsb", whose start-up costs more than the copy of a
 * few words.  Up to TRACE_COPY_SMALL_MAX bytes are copied here a machine
 * word at a time instead, the last word overlapping the one before it
 * rather than copying the tail byte by byte.  Nothing outside [@src,
 * @src + @len) is read and nothing outside [@dst, @dst + @len) written:
 * the bytes after a record may belong to a writer that nested in ours.
 */
#ifndef _TRACE_STAGES_COPY_H
#define _TRACE_STAGES_COPY_H

#include <linux/string.h>
#include <linux/types.h>
#include <linux/unaligned.h>

#define TRACE_COPY_SMALL_MAX	64

/**
 * trace_copy() - memcpy() for the bytes of a record
 * @dst: where to
 * @src: where from
 * @len: how many bytes
 *
 * Context: any.
 */
static __always_inline void trace_copy(void *dst, const void *src, size_t len)
{
	size_t i;

	if (unlikely(len > TRACE_COPY_SMALL_MAX)) {
		memcpy(dst, src, len);
	} else if (len >= sizeof(u64)) {
		for (i = 0; i + sizeof(u64) < len; i += sizeof(u64))
			put_unaligned(get_unaligned((const u64 *)(src + i)),
				      (u64 *)(dst + i));
		i = len - sizeof(u64);
		put_unaligned(get_unaligned((const u64 *)(src + i)),
			      (u64 *)(dst + i));
	} else if (len >= sizeof(u32)) {
		put_unaligned(get_unaligned((const u32 *)src), (u32 *)dst);
		i = len - sizeof(u32);
		put_unaligned(get_unaligned((const u32 *)(src + i)),
			      (u32 *)(dst + i));
	} else if (len >= sizeof(u16)) {
		put_unaligned(get_unaligned((const u16 *)src), (u16 *)dst);
		put_unaligned(get_unaligned((const u16 *)(src + len - 2)),
			      (u16 *)(dst + len - 2));
	} else if (len) {
		*(u8 *)dst = *(const u8 *)src;
	}
}

#endif /* _TRACE_STAGES_COPY_H */
