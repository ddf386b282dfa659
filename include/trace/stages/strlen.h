/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stages/strlen.h - the length of a __string's source, for the sizes
 * stage (stages/sizes.h).
 *
 * Every event with a __string measures it before its record is reserved.
 * Where the architecture can load a word that may run past the end of a
 * string (CONFIG_DCACHE_WORD_ACCESS: a load that crosses into an unmapped
 * page reads zeroes there), the length is found a word at a time, as the
 * dcache hashes path names; elsewhere it is strlen().
 */
#ifndef _TRACE_STAGES_STRLEN_H
#define _TRACE_STAGES_STRLEN_H

#include <linux/string.h>
#ifdef CONFIG_DCACHE_WORD_ACCESS
#include <asm/word-at-a-time.h>
#endif

/**
 * trace_event_strlen() - strlen() for a trace event's string
 * @s: the string, in kernel memory
 *
 * Context: any.
 * Return: the bytes before its NUL.
 */
static __always_inline size_t trace_event_strlen(const char *s)
{
#ifdef CONFIG_DCACHE_WORD_ACCESS
	const struct word_at_a_time constants = WORD_AT_A_TIME_CONSTANTS;
	unsigned long word, bits;
	size_t len = 0;

	for (;;) {
		word = load_unaligned_zeropad(s + len);
		if (has_zero(word, &bits, &constants))
			break;
		len += sizeof(word);
	}
	bits = prep_zero_mask(word, bits, &constants);
	return len + find_zero(create_zero_mask(bits));
#else
	return strlen(s);
#endif
}

#endif /* _TRACE_STAGES_STRLEN_H */
