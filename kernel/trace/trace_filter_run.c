// SPDX-License-Identifier: GPL-2.0
/*
 * trace_filter_run.c - run a compiled event filter on a record.
 *
 * The program (trace_filter.h) is a list of predicates with forward
 * jumps; running it is a loop of at most nr_preds steps.  Numeric
 * predicates, the common case, are tested inline; the others call out.
 *
 * A "char *" field pointing into the kernel, or a ".ustring" field
 * pointing into user space, is copied (at most FILTER_PTR_STR_MAX bytes)
 * with a copy that cannot fault into a scratch level of its CPU
 * (trace_scratch.h), so that an interrupting event does not overwrite the
 * copy of the event it interrupted.  A failed copy, or one with no free
 * level, never matches, with or without "!=".
 *
 * Locking: none.  Called with preemption disabled, in the RCU read-side
 * section that keeps the program alive.
 */

#include <linux/sched.h>
#include <linux/string.h>
#include <linux/trace_events.h>
#include <linux/uaccess.h>
#include <linux/unaligned.h>

#include "trace_filter.h"
#include "trace_scratch.h"

static __always_inline u64 load_num(int kind, const void *p)
{
	switch (kind) {
	case FP_S8:
		return (s64)*(const s8 *)p;
	case FP_U8:
		return *(const u8 *)p;
	case FP_S16:
		return (s64)get_unaligned((const s16 *)p);
	case FP_U16:
		return get_unaligned((const u16 *)p);
	case FP_S32:
		return (s64)get_unaligned((const s32 *)p);
	case FP_U32:
		return get_unaligned((const u32 *)p);
	default:
		return get_unaligned((const u64 *)p);
	}
}

static __always_inline bool num_match(const struct filter_pred *pred, u64 v,
				      bool is_signed)
{
	switch (pred->op) {
	case FOP_EQ:
		return v == pred->val;
	case FOP_LT:
		return is_signed ? (s64)v < (s64)pred->val : v < pred->val;
	case FOP_LE:
		return is_signed ? (s64)v <= (s64)pred->val : v <= pred->val;
	default:
		return v & pred->val;
	}
}

static const char *pool_of(const struct filter_prog *prog,
			   const struct filter_pred *pred)
{
	return (const char *)&prog->preds[prog->nr_preds] + pred->pool;
}

/*
 * Glob match of @pat against @s, both with lengths: '*' any run, '?' any
 * byte, "[a-z]" / "[!a-z]" a class.  Iterative: on a mismatch after a
 * '*', that '*' swallows one more byte and matching resumes after it.
 */
static bool class_match(const char *pat, u32 plen, u32 *pp, char c)
{
	u32 p = *pp + 1;
	bool neg = false, hit = false;
	u32 first;

	if (p < plen && (pat[p] == '!' || pat[p] == '^')) {
		neg = true;
		p++;
	}
	for (first = p; p < plen && (pat[p] != ']' || p == first); p++) {
		char lo = pat[p], hi = lo;

		if (p + 2 < plen && pat[p + 1] == '-' && pat[p + 2] != ']') {
			hi = pat[p + 2];
			p += 2;
		}
		if (c >= lo && c <= hi)
			hit = true;
	}
	if (p >= plen) {	/* no ']': the '[' is an ordinary byte */
		if (c != '[')
			return false;
		*pp += 1;
		return true;
	}
	*pp = p + 1;
	return hit != neg;
}

static bool glob_match_len(const char *pat, u32 plen, const char *s, u32 len)
{
	u32 p = 0, i = 0, star_p = U32_MAX, star_i = 0;

	while (i < len) {
		if (p < plen) {
			if (pat[p] == '*') {
				star_p = ++p;
				star_i = i;
				continue;
			}
			if (pat[p] == '?' ||
			    (pat[p] != '[' && pat[p] == s[i])) {
				p++;
				i++;
				continue;
			}
			if (pat[p] == '[' && class_match(pat, plen, &p, s[i])) {
				i++;
				continue;
			}
		}
		if (star_p == U32_MAX)
			return false;
		p = star_p;
		i = ++star_i;
	}
	while (p < plen && pat[p] == '*')
		p++;
	return p == plen;
}

static bool str_match(const struct filter_pred *pred, const char *pat,
		      const char *s, u32 len)
{
	u32 plen = pred->len, i;

	switch (pred->op) {
	case FOP_EQ:
		return len == plen && !memcmp(s, pat, len);
	case FOP_PREFIX:
		return len >= plen && !memcmp(s, pat, plen);
	case FOP_SUFFIX:
		return len >= plen && !memcmp(s + len - plen, pat, plen);
	case FOP_SUBSTR:
		for (i = 0; i + plen <= len; i++)
			if (!memcmp(s + i, pat, plen))
				return true;
		return false;
	default:
		return glob_match_len(pat, plen, s, len);
	}
}

/* A __data_loc or __rel_loc word: where its data starts, and its length. */
static const u8 *dyn_data(const struct filter_pred *pred, const void *rec,
			  bool rel, u32 *len)
{
	u32 loc = get_unaligned((const u32 *)(rec + pred->offset));

	*len = loc >> 16;
	return rec + (rel ? pred->offset + sizeof(u32) : 0) + (loc & 0xffff);
}

/* Copy a pointed-to string; Return: its length, or -1 if it faulted. */
static int copy_ptr_str(const struct filter_pred *pred, const void *rec,
			char *s)
{
	unsigned long addr = get_unaligned((unsigned long *)(rec +
							     pred->offset));
	long n;

	if (pred->kind == FP_STR_USER)
		n = strncpy_from_user_nofault(s, (const void __user *)addr,
					      FILTER_PTR_STR_MAX);
	else
		n = strncpy_from_kernel_nofault(s, (const void *)addr,
						FILTER_PTR_STR_MAX);
	return n > 0 ? n - 1 : -1;
}

/* A pointed-to string, copied into a scratch level for the comparison. */
static bool pred_ptr_string(const struct filter_prog *prog,
			    const struct filter_pred *pred, const void *rec)
{
	char *copy = trace_scratch_get(FILTER_PTR_STR_MAX);
	bool ret;
	int n;

	if (!copy)
		return false;
	n = copy_ptr_str(pred, rec, copy);
	ret = n >= 0 &&
	      str_match(pred, pool_of(prog, pred), copy, n) != pred->neg;
	trace_scratch_put();
	return ret;
}

static bool pred_string(const struct filter_prog *prog,
			const struct filter_pred *pred, const void *rec)
{
	const char *s;
	u32 len;

	switch (pred->kind) {
	case FP_STR_FIXED:
		s = rec + pred->offset;
		len = strnlen(s, pred->size);
		break;
	case FP_STR_DYN:
	case FP_STR_RDYN:
		s = dyn_data(pred, rec, pred->kind == FP_STR_RDYN, &len);
		len = strnlen(s, len);
		break;
	case FP_COMM:
		s = current->comm;
		len = strnlen(s, TASK_COMM_LEN);
		break;
	default:
		return pred_ptr_string(prog, pred, rec);
	}
	return str_match(pred, pool_of(prog, pred), s, len) != pred->neg;
}

static bool mask_match(const struct filter_pred *pred, const u8 *mask,
		       const u8 *bits, u32 len)
{
	u32 i, n = max(len, pred->len);

	if (pred->op == FOP_AND) {
		for (i = 0; i < min(len, pred->len); i++)
			if (bits[i] & mask[i])
				return true;
		return false;
	}
	for (i = 0; i < n; i++)
		if ((i < len ? bits[i] : 0) != (i < pred->len ? mask[i] : 0))
			return false;
	return true;
}

static bool cpu_in_mask(const struct filter_pred *pred, const char *mask,
			u64 cpu)
{
	if (pred->op == FOP_EQ)
		return cpu == pred->val;
	return cpu < pred->len * BITS_PER_BYTE &&
	       test_bit(cpu, (const unsigned long *)mask);
}

static noinline bool pred_other(const struct filter_prog *prog,
				const struct filter_pred *pred, void *rec)
{
	static const u8 uint_kind[] = { [1] = FP_U8, [2] = FP_U16,
					[4] = FP_U32, [8] = FP_U64 };
	const u8 *bits;
	u64 v;
	u32 len;

	if (pred->kind <= FP_U64)	/* "&", or a field in bytes 0 to 7 */
		return num_match(pred, load_num(pred->kind, rec + pred->offset),
				 !(pred->kind & 1));
	switch (pred->kind) {
	case FP_CPU:
		return num_match(pred, raw_smp_processor_id(), false);
	case FP_FUNC:
		v = get_unaligned((unsigned long *)(rec + pred->offset));
		return v >= pred->val && v < pred->end;
	case FP_MASK_DYN:
	case FP_MASK_RDYN:
		bits = dyn_data(pred, rec, pred->kind == FP_MASK_RDYN, &len);
		return mask_match(pred, pool_of(prog, pred), bits, len);
	case FP_MASK_CPU:
		return cpu_in_mask(pred, pool_of(prog, pred),
				   raw_smp_processor_id());
	case FP_MASK_NUM:
		v = load_num(uint_kind[pred->size], rec + pred->offset);
		return cpu_in_mask(pred, pool_of(prog, pred), v);
	default:
		return pred_string(prog, pred, rec);
	}
}

/**
 * trace_filter_run() - run a compiled filter on a record, the general way
 * @prog: the program
 * @rec: the record, common fields first
 *
 * trace_filter_match() calls this for a program that is not
 * filter_prog.simple.
 *
 * Context: as trace_filter_match().
 * Return: true if the record passes the filter.
 */
bool trace_filter_run(const struct filter_prog *prog, void *rec)
{
	const struct filter_pred *pred;
	unsigned int i = 0, n = prog->nr_preds;
	bool hit;

	while (i < n) {
		pred = &prog->preds[i];
		if (likely(pred->op == FOP_RANGE))
			hit = trace_filter_range(pred, rec);
		else
			hit = pred_other(prog, pred, rec);
		i = hit ? pred->on_true : pred->on_false;
	}
	return i == n;
}

/**
 * filter_match_preds() - run an event filter on a record
 * @filter: the filter (an event file's)
 * @rec: the record
 *
 * Context: as trace_filter_match().
 * Return: 1 if the record passes (or no program is in force), else 0.
 */
int filter_match_preds(struct event_filter *filter, void *rec)
{
	struct filter_prog *prog = READ_ONCE(filter->prog);

	return !prog || trace_filter_match(prog, rec);
}
EXPORT_SYMBOL_GPL(filter_match_preds);
