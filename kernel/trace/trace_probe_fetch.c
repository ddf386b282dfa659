// SPDX-License-Identifier: GPL-2.0
/*
 * trace_probe_fetch.c - run the fetch programs of probe events, and print
 * and list their arguments.
 *
 * A hit runs each program twice when the probe has string arguments:
 * once to size the strings (probe_dynamic_size()), then, in the reserved
 * record, to store everything (probe_store_args()).  A string that grew in
 * between is cut to the size reserved.  Every read of memory goes through
 * the *_nofault() accessors: a bad address stores zeroes (a string: an
 * empty data location, printed "(fault)"), and never oopses.
 *
 * A dereference or a string without "u" reads kernel memory; where user
 * and kernel addresses cannot overlap (x86-64 and the other
 * CONFIG_ARCH_HAS_NON_OVERLAPPING_ADDRESS_SPACE architectures), an address
 * below TASK_SIZE_MAX is user memory, and is read as such, as mainline does:
 * "+0(%si):string" on a system call's path works.  "+u" and "ustring"
 * read user memory only.
 *
 * Locking: none.  The programs are fixed once compiled; the hit runs with
 * preemption disabled (kprobe handler, or the attached event's trigger).
 */

#include <linux/kallsyms.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/trace_seq.h>
#include <linux/uaccess.h>
#include <linux/unaligned.h>
#include <asm/tlb.h>

#include "trace_probe.h"

/*
 * The record's largest string part, so that one hit fits in a page; each
 * string gets an equal share of it (at most PROBE_STRING_MAX).
 */
#define PROBE_DYN_MAX	3072

/*
 * Whether a read without "u" of @addr is a read of user memory.  The
 * largest task size, not current's: a kernel address is above it, and the
 * user accessors check the rest.
 */
static __always_inline bool user_addr(unsigned long addr)
{
	return IS_ENABLED(CONFIG_ARCH_HAS_NON_OVERLAPPING_ADDRESS_SPACE) &&
	       addr < TASK_SIZE_MAX;
}

/*
 * The user memory of the task the hit interrupted, if that is the address
 * space in use (not a kernel thread's borrowed one, nor an NMI's while
 * the mm switches): as copy_from_user_nofault() checks it.
 */
static bool user_readable(void)
{
	return nmi_uaccess_okay();
}

/* Read @size bytes at @addr, kernel or user memory; false if it faults. */
static noinline bool copy_mem(void *dst, unsigned long addr, int size)
{
	if (user_addr(addr))
		return !copy_from_user_nofault(dst, (const void __user *)addr,
					       size);
	return !copy_from_kernel_nofault(dst, (const void *)addr, size);
}

/*
 * copy_from_kernel_nofault() of one scalar, in line: one check of the
 * address, one load that may fault.  @size is 1, 2, 4 or 8.  A user
 * address takes copy_mem(), and so, where unaligned loads are slow or
 * trap, does an unaligned one.  Returns false if the read faults (@dst is
 * then undefined).
 */
static __always_inline bool read_mem(void *dst, unsigned long addr, int size)
{
	const void *src = (const void *)addr;

	if (unlikely(user_addr(addr)) ||
	    (!IS_ENABLED(CONFIG_HAVE_EFFICIENT_UNALIGNED_ACCESS) &&
	     ((addr | (unsigned long)dst) & (size - 1))))
		return copy_mem(dst, addr, size);
	if (!copy_from_kernel_nofault_allowed(src, size))
		return false;
	pagefault_disable();
	switch (size) {
	case 1:
		__get_kernel_nofault(dst, src, u8, fault);
		break;
	case 2:
		__get_kernel_nofault(dst, src, u16, fault);
		break;
	case 4:
		__get_kernel_nofault(dst, src, u32, fault);
		break;
	default:
		__get_kernel_nofault(dst, src, u64, fault);
	}
	pagefault_enable();
	return true;
fault:
	pagefault_enable();
	return false;
}

/*
 * Run the source and dereference steps; returns the store step.  *@limit
 * is the most bytes a string at the value may take: the end of the
 * attached record's field or data it points into, else INT_MAX.
 */
static const struct fetch_step *fetch_value(const struct fetch_step *s,
					    struct probe_fetch_ctx *ctx,
					    unsigned long *valp, bool *fault,
					    int *limit)
{
	unsigned long val = 0;
	u32 loc;

	*fault = false;
	*limit = INT_MAX;
	for (;; s++) {
		switch (s->op) {
		case FOP_REG:	/* the offset was checked when compiled */
			val = *(unsigned long *)((void *)ctx->regs + s->param);
			break;
		case FOP_STACK:
			val = regs_get_kernel_stack_nth(ctx->regs, s->param);
			break;
		case FOP_STACKP:
			val = kernel_stack_pointer(ctx->regs);
			break;
		case FOP_RETVAL:
			val = regs_return_value(ctx->regs);
			break;
		case FOP_ARG:
			val = regs_get_kernel_argument(ctx->regs, s->param);
			break;
		case FOP_EARG:
			val = ctx->eargs ? ctx->eargs[s->param] : 0;
			break;
		case FOP_IMM:
			val = s->param;
			break;
		case FOP_FIELD: {
			const void *p = ctx->rec + s->param;

			switch (s->size) {
			case 1:
				val = s->sign ? (long)*(s8 *)p : *(u8 *)p;
				break;
			case 2:
				val = s->sign ? (long)get_unaligned((s16 *)p) :
						get_unaligned((u16 *)p);
				break;
			case 4:
				val = s->sign ? (long)get_unaligned((s32 *)p) :
						get_unaligned((u32 *)p);
				break;
			default:
				val = get_unaligned((u64 *)p);
			}
			break;
		}
		case FOP_FIELDP:
			val = (unsigned long)ctx->rec + s->param;
			*limit = s->count;
			if (s->size == PFL_ADDR)
				break;
			/* The data's address: from the record, or the word's end. */
			loc = get_unaligned((u32 *)val);
			*limit = loc >> 16;
			val = (unsigned long)ctx->rec + (loc & 0xffff) +
			      (s->size == PFL_REL_LOC ? s->param + sizeof(u32) : 0);
			break;
		case FOP_COMM:
			val = (unsigned long)current->comm;
			break;
		case FOP_IMMSTR:
			val = (unsigned long)s->str;
			break;
		case FOP_DEREF:
			if (!read_mem(&val, val + s->param, sizeof(val)))
				goto fault;
			*limit = INT_MAX;
			break;
		case FOP_UDEREF:
			if (copy_from_user_nofault(&val,
					(void __user *)(val + s->param),
					sizeof(val)))
				goto fault;
			*limit = INT_MAX;
			break;
		default:
			*valp = val;
			return s;
		}
	}
fault:
	*fault = true;
	/* Skip to the store. */
	while (s->op != FOP_END && s->op <= FOP_UDEREF)
		s++;
	*valp = 0;
	return s;
}

/* The length of a user string with its NUL, at most @max (> 0); 0 on fault. */
static int user_strlen(unsigned long addr, int max)
{
	if (!user_readable())
		return 0;
	return min_t(long, strnlen_user_nofault((const void __user *)addr, max),
		     max);
}

/*
 * Copy a user string to @dst, at most @max bytes (> 0) with its NUL;
 * returns the bytes used (an empty string takes one), 0 on fault.
 */
static int user_strcpy(char *dst, unsigned long addr, int max)
{
	long len;

	if (!user_readable())
		return 0;
	/* The length counts the NUL when the string was cut, else not. */
	len = strncpy_from_user_nofault(dst, (const void __user *)addr, max);
	if (len < 0)
		return 0;
	if (!len) {
		dst[0] = '\0';
		return 1;
	}
	return len;
}

/*
 * The length of a string with its NUL, at most @max (> 0); 0 on fault.
 * As strncpy_from_kernel_nofault() reads: the address checked once, then
 * a byte at a time with page faults off.  A user address: user_strlen().
 */
static int mem_strlen(unsigned long addr, int max)
{
	const char *src = (const char *)addr;
	int len = 0;
	char c;

	if (user_addr(addr))
		return user_strlen(addr, max);
	if (!copy_from_kernel_nofault_allowed(src, max))
		return 0;
	pagefault_disable();
	do {
		__get_kernel_nofault(&c, src + len, u8, fault);
		len++;
	} while (c && len < max);
	pagefault_enable();
	return len;
fault:
	pagefault_enable();
	return 0;
}

/*
 * "symbol+offset/size" of @addr into @dyn, at most @max bytes, or its
 * length when @dyn is NULL; both with the NUL.  Out of line: the name's
 * buffer is large, and the other string types should not carry it.
 */
static noinline int symstr(unsigned long addr, char *dyn, int max)
{
	char sym[KSYM_SYMBOL_LEN];
	int len = sprint_symbol(sym, addr);

	if (!dyn)
		return min(len + 1, max);
	len = strscpy(dyn, sym, max);
	return len < 0 ? max : len + 1;
}

/*
 * The most bytes of a string at @val + @st->param, from @limit, the most
 * at @val (fetch_value()): a string in the attached record stops at the
 * end of its field or data.
 */
static int string_limit(const struct fetch_step *st, int limit)
{
	if (st->op != FOP_ST_STR)
		return INT_MAX;
	if (limit == INT_MAX || !st->param)
		return limit;
	return st->param > 0 && st->param < limit ? limit - st->param :
						    INT_MAX;
}

/* A string store's length with its NUL, 0 if it faults. */
static int string_len(const struct fetch_step *st, unsigned long val,
		      bool fault, int max)
{
	if (fault || max <= 0)
		return 0;
	switch (st->op) {
	case FOP_ST_STR:
		return mem_strlen(val + st->param, max);
	case FOP_ST_USTR:
		return user_strlen(val + st->param, max);
	case FOP_ST_SYMSTR:
		return symstr(val, NULL, max);
	default:
		return 0;
	}
}

/* The most bytes one string may take: the strings share PROBE_DYN_MAX. */
static int string_cap(const struct probe_arg *args, int nr)
{
	int i, n = 0;

	for (i = 0; i < nr; i++)
		n += args[i].dynamic;
	return n ? min(PROBE_STRING_MAX, PROBE_DYN_MAX / n) : 0;
}

/**
 * probe_dynamic_size() - the bytes a hit's strings need
 * @args: the probe's arguments
 * @nr:   their number
 * @ctx:  what the programs read
 *
 * Context: the probe's hit, preemption disabled.
 * Return: the size of the record's string part.
 */
int probe_dynamic_size(const struct probe_arg *args, int nr,
		       struct probe_fetch_ctx *ctx)
{
	int i, size = 0, cap = string_cap(args, nr), limit;
	const struct fetch_step *st;
	unsigned long val;
	bool fault;

	for (i = 0; i < nr; i++) {
		if (!args[i].dynamic)
			continue;
		st = fetch_value(args[i].code, ctx, &val, &fault, &limit);
		size += string_len(st, val, fault,
				   min(cap, string_limit(st, limit)));
	}
	return size;
}

/* Store a string at @dyn, at most @max bytes; returns the bytes used. */
static int store_string(const struct fetch_step *st, unsigned long val,
			bool fault, char *dyn, int max)
{
	unsigned long addr = val + st->param;
	long len;

	if (fault || max <= 0)
		return 0;
	switch (st->op) {
	case FOP_ST_STR:
		if (user_addr(addr))
			len = user_strcpy(dyn, addr, max);
		else
			len = strncpy_from_kernel_nofault(dyn, (void *)addr, max);
		break;
	case FOP_ST_USTR:
		len = user_strcpy(dyn, addr, max);
		break;
	case FOP_ST_SYMSTR:
		len = symstr(val, dyn, max);
		break;
	default:
		len = 0;
	}
	return len > 0 ? len : 0;
}

static u64 load_raw(const void *src, int size)
{
	switch (size) {
	case 1:
		return *(u8 *)src;
	case 2:
		return get_unaligned((u16 *)src);
	case 4:
		return get_unaligned((u32 *)src);
	default:
		return get_unaligned((u64 *)src);
	}
}

/* Store @st's elements from kernel memory at @addr; zeroes if it faults. */
static void store_mem(void *dst, const struct fetch_step *st,
		      unsigned long addr, bool fault)
{
	int size = st->size * st->count;
	bool ok;

	if (fault)
		ok = false;
	else if (st->count == 1 && size <= sizeof(u64) && is_power_of_2(size))
		ok = read_mem(dst, addr, size);
	else
		ok = copy_mem(dst, addr, size);
	if (!ok)
		memset(dst, 0, size);
}

/**
 * probe_store_args() - fill a reserved record's arguments
 * @args:  the probe's arguments (offsets from the record's start)
 * @nr:    their number
 * @ctx:   what the programs read
 * @rec:   the record
 * @fixed_size: where the string part starts
 * @dyn_size: its size, from probe_dynamic_size()
 *
 * Context: the probe's hit, preemption disabled.
 */
void probe_store_args(const struct probe_arg *args, int nr,
		      struct probe_fetch_ctx *ctx, void *rec,
		      unsigned int fixed_size, int dyn_size)
{
	unsigned int dyn = fixed_size, end = fixed_size + dyn_size;
	int cap = dyn_size ? string_cap(args, nr) : 0;
	const struct fetch_step *st;
	unsigned long val;
	bool fault;
	int i, len, limit;

	for (i = 0; i < nr; i++) {
		void *dst = rec + args[i].offset;

		if (args[i].fast) {
			probe_store_fast_one(&args[i], ctx, rec);
			continue;
		}
		st = fetch_value(args[i].code, ctx, &val, &fault, &limit);
		switch (st->op) {
		case FOP_ST_RAW:
			probe_store_raw(dst, val, st->size);
			break;
		case FOP_ST_MEM:
			store_mem(dst, st, val + st->param, fault);
			break;
		case FOP_ST_UMEM:
			if (fault || copy_from_user_nofault(dst,
					(void __user *)(val + st->param),
					st->size * st->count))
				memset(dst, 0, st->size * st->count);
			break;
		default:
			len = store_string(st, val, fault, rec + dyn,
					   min3((int)(end - dyn), cap,
						string_limit(st, limit)));
			put_unaligned((u32)(len << 16 | dyn), (u32 *)dst);
			dyn += len;
			continue;
		}
		if (st[1].op == FOP_MOD_BF) {
			u64 v = load_raw(dst, st[1].size);

			v = (v << st[1].lshift) >> st[1].rshift;
			probe_store_raw(dst, v, st[1].size);
		}
	}
}

/* One element of a numeric argument. */
static void print_num(struct trace_seq *s, const struct fetch_type *t,
		      const void *p)
{
	u64 v = load_raw(p, t->size);
	int shift = 64 - 8 * t->size;

	switch (t->print) {
	case PP_SIGNED:
		trace_seq_printf(s, "%lld", (s64)(v << shift) >> shift);
		break;
	case PP_HEX:
		trace_seq_printf(s, "0x%llx", v);
		break;
	case PP_CHAR:
		trace_seq_printf(s, "'%c'", (char)v);
		break;
	case PP_SYMBOL:
		trace_seq_printf(s, "%pS", (void *)(unsigned long)v);
		break;
	default:
		trace_seq_printf(s, "%llu", v);
	}
}

/**
 * probe_print_fields() - print the argument fields of a record,
 *	" name=value"
 * @s:      the output
 * @fields: the event's fields
 * @nr:     their number
 * @rec:    the record
 * @rec_len: its length, which bounds the string data
 *
 * Context: the output path.
 */
void probe_print_fields(struct trace_seq *s, const struct probe_field *fields,
			int nr, const void *rec, unsigned int rec_len)
{
	int i, j;

	for (i = 0; i < nr; i++) {
		const struct probe_field *a = &fields[i];
		const void *p = rec + a->offset;

		trace_seq_printf(s, " %s=", a->name);
		if (a->dynamic) {
			u32 loc = get_unaligned((u32 *)p);
			unsigned int off = loc & 0xffff, len = loc >> 16;

			if (!len || off + len > rec_len)
				trace_seq_puts(s, "(fault)");
			else
				trace_seq_printf(s, "\"%.*s\"", len,
						 (const char *)rec + off);
			continue;
		}
		if (!a->count) {
			print_num(s, a->type, p);
			continue;
		}
		trace_seq_putc(s, '{');
		for (j = 0; j < a->count; j++) {
			if (j)
				trace_seq_putc(s, ',');
			print_num(s, a->type, p + j * a->type->size);
		}
		trace_seq_putc(s, '}');
	}
}

/**
 * probe_show_args() - list the arguments as written, " name=text"
 * @m:    the listing
 * @args: the probe's arguments
 * @nr:   their number
 *
 * Context: process context.
 */
void probe_show_args(struct seq_file *m, const struct probe_arg *args, int nr)
{
	int i;

	for (i = 0; i < nr; i++)
		seq_printf(m, " %s=%s", args[i].name, args[i].text);
}

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/trace_probe-kunit.h"
#endif
