// SPDX-License-Identifier: GPL-2.0
/*
 * trace_hist_show.c - an event's hist file: every hist trigger's table,
 * sorted and printed in mainline's layout.
 *
 *	# event histogram
 *	#
 *	# trigger info: hist:keys=...:vals=...:sort=...:size=N [active]
 *	#
 *
 *	{ key: value, ... } hitcount:          N  val:          N
 *	...
 *
 *	Totals:
 *	    Hits: N
 *	    Entries: N
 *	    Dropped: N
 *
 * The table is copied with tracing_map_snapshot(), which never blocks
 * the probes, then sorted by the sort keys and printed entry by entry,
 * each key and value as its modifiers say (key_print_ops[] below).
 *
 * Locking: the file is read under trace_mutex, which keeps the triggers,
 * their tables and the maps' memory in place; the maps go on filling.
 */

#include <linux/kallsyms.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <linux/unaligned.h>

#include "trace_array.h"
#include "trace_event_types.h"
#include "trace_field_mod.h"
#include "trace_hist.h"
#include "trace_trigger.h"

/* Width of a .graph bar. */
#define HIST_BAR_WIDTH	20

/* A key as a number: how it was stored. */
static u64 key_num(const struct tracing_map_entry *e, const struct hist_col *c)
{
	return get_unaligned((const u64 *)(e->key + c->key_off));
}

/* A string key: at most its slot, or what the entry holds of it. */
static const char *key_str(const struct tracing_map_entry *e,
			   const struct hist_col *c, unsigned int *len)
{
	unsigned int have = e->key_len > c->key_off ? e->key_len - c->key_off
						    : 0;

	*len = strnlen(e->key + c->key_off,
		       min_t(unsigned int, have, c->key_size));
	return e->key + c->key_off;
}

static int col_cmp(const struct hist_table *tab, u8 idx,
		   const struct tracing_map_entry *a,
		   const struct tracing_map_entry *b)
{
	const struct hist_col *c;
	u64 x, y;

	if (idx >= HIST_KEYS_MAX) {
		x = a->sums[idx - HIST_KEYS_MAX];
		y = b->sums[idx - HIST_KEYS_MAX];
		return x < y ? -1 : x > y;
	}
	c = &tab->keys[idx];
	if (c->is_string) {
		unsigned int la, lb;
		const char *sa = key_str(a, c, &la), *sb = key_str(b, c, &lb);
		int r = memcmp(sa, sb, min(la, lb));

		return r ?: (la < lb ? -1 : la > lb);
	}
	if (c->is_stack)
		return memcmp(a->key + c->key_off, b->key + c->key_off,
			      c->key_size);
	x = key_num(a, c);
	y = key_num(b, c);
	if (c->is_signed)
		return (s64)x < (s64)y ? -1 : (s64)x > (s64)y;
	return x < y ? -1 : x > y;
}

static int entry_cmp(const void *pa, const void *pb, const void *priv)
{
	const struct hist_table *tab = priv;
	unsigned int i;

	for (i = 0; i < tab->nr_sort; i++) {
		int r = col_cmp(tab, tab->sort[i], pa, pb);

		if (r)
			return tab->sort_desc[i] ? -r : r;
	}
	return 0;
}

static void stack_print(struct seq_file *m, const unsigned long *frames)
{
	unsigned int i;

	for (i = 0; i < HIST_STACK_DEPTH && frames[i]; i++)
		seq_printf(m, "%*c%pS\n", 9, ' ', (void *)frames[i]);
}

static void key_print(struct seq_file *m, const struct hist_col *c,
		      const struct tracing_map_entry *e)
{
	char buf[KSYM_SYMBOL_LEN];
	const char *name;
	unsigned int len;
	u64 v;

	if (c->is_stack) {
		if (c->src == HSRC_STACK)
			seq_printf(m, "%s:\n", c->name);
		else
			hist_col_print(m, c);
		stack_print(m, e->key + c->key_off);
		return;
	}
	if (c->is_string) {
		name = key_str(e, c, &len);
		seq_printf(m, "%s: %-50.*s", c->name, len, name);
		return;
	}
	v = key_num(e, c);
	if (c->mods & BIT(FMOD_HEX)) {
		seq_printf(m, "%s: %llx", c->name, v);
	} else if (c->mods & BIT(FMOD_SYM)) {
		sprint_symbol_no_offset(buf, v);
		seq_printf(m, "%s: [%llx] %-45s", c->name, v, buf);
	} else if (c->mods & BIT(FMOD_SYM_OFFSET)) {
		sprint_symbol(buf, v);
		seq_printf(m, "%s: [%llx] %-55s", c->name, v, buf);
	} else if (c->mods & BIT(FMOD_EXECNAME)) {
		name = e->priv ?: "<...>";
		seq_printf(m, "%s: %-16s[%10llu]", c->name, name, v);
	} else if (c->mods & BIT(FMOD_SYSCALL)) {
		name = trace_syscall_name(v) ?: "unknown_syscall";
		seq_printf(m, "%s: %-30s[%3llu]", c->name, name, v);
	} else if (c->mods & BIT(FMOD_LOG2)) {
		seq_printf(m, "%s: ~ 2^%-2llu", c->name, v);
	} else if (c->mods & BIT(FMOD_BUCKETS)) {
		seq_printf(m, "%s: ~ %llu-%llu", c->name, v,
			   v + c->buckets - 1);
	} else if (c->is_signed) {
		seq_printf(m, "%s: %10lld", c->name, (s64)v);
	} else {
		seq_printf(m, "%s: %10llu", c->name, v);
	}
}

/*
 * A value's share of its column's total, in hundredths of a percent;
 * UINT_MAX if the total is 0.
 */
static unsigned int percent(u64 v, u64 total)
{
	if (!total)
		return UINT_MAX;
	/* v <= total: v * 10000 would overflow only above 2^50. */
	if (v > div64_u64(U64_MAX, 10000))
		return div64_u64(v, div64_u64(total, 10000) ?: 1);
	return div64_u64(v * 10000, total);
}

static void val_print(struct seq_file *m, const struct hist_col *c, u64 v,
		      u64 total, u64 max)
{
	char bar[HIST_BAR_WIDTH + 1];
	unsigned int pc, n;

	if (c->mods & BIT(FMOD_PERCENT)) {
		pc = percent(v, total);
		if (pc == UINT_MAX)
			seq_printf(m, " %s (%%):[ERROR]", c->name);
		else
			seq_printf(m, " %s (%%): %3u.%02u", c->name, pc / 100,
				   pc % 100);
	} else if (c->mods & BIT(FMOD_GRAPH)) {
		n = max ? div64_u64(v * HIST_BAR_WIDTH, max) : 0;
		n = min_t(unsigned int, n, HIST_BAR_WIDTH);
		memset(bar, '#', n);
		bar[n] = '\0';
		seq_printf(m, " %s: %-*s", c->name, HIST_BAR_WIDTH, bar);
	} else if (c->mods & BIT(FMOD_HEX)) {
		seq_printf(m, " %s: %10llx", c->name, v);
	} else {
		seq_printf(m, " %s: %10llu", c->name, v);
	}
}

static void entry_print(struct seq_file *m, const struct hist_table *tab,
			const struct tracing_map_entry *e, const u64 *totals,
			const u64 *maxes)
{
	unsigned int i;

	seq_puts(m, "{ ");
	for (i = 0; i < tab->nr_keys; i++) {
		if (i)
			seq_puts(m, ", ");
		key_print(m, &tab->keys[i], e);
	}
	seq_puts(m, tab->keys[tab->nr_keys - 1].is_stack ? "}" : " }");
	/* nohitcount hides the raw count, not its percent or graph. */
	if (!tab->nohitcount ||
	    tab->vals[0].mods & (BIT(FMOD_PERCENT) | BIT(FMOD_GRAPH)))
		val_print(m, &tab->vals[0], e->sums[0], totals[0], maxes[0]);
	for (i = 1; i < tab->nr_vals; i++) {
		seq_putc(m, ' ');
		val_print(m, &tab->vals[i], e->sums[i], totals[i], maxes[i]);
	}
	seq_putc(m, '\n');
}

/**
 * hist_key_print() - a key as the hist file shows it, "{ key: value }"
 * @m: the seq_file
 * @tab: the table it is a key of
 * @key: the compound key
 * @key_len: its length
 *
 * Context: trace_mutex held.
 */
void hist_key_print(struct seq_file *m, const struct hist_table *tab,
		    const void *key, u32 key_len)
{
	struct tracing_map_entry e = { .key = key, .key_len = key_len };
	unsigned int i;

	seq_puts(m, "{ ");
	for (i = 0; i < tab->nr_keys; i++) {
		if (i)
			seq_puts(m, ", ");
		key_print(m, &tab->keys[i], &e);
	}
	seq_puts(m, " }");
}

static void table_show(struct seq_file *m, struct hist_trigger *ht)
{
	struct hist_table *tab = ht->table;
	u64 totals[HIST_VALS_MAX + 1] = {}, maxes[HIST_VALS_MAX + 1] = {};
	struct tracing_map_snap snap;
	struct tracing_map *map;
	unsigned int i, j;

	map = rcu_dereference_protected(tab->map,
					lockdep_is_held(&trace_mutex));
	if (tracing_map_snapshot(map, &snap)) {
		seq_puts(m, "# out of memory\n");
		return;
	}
	for (i = 0; i < snap.nr; i++) {
		for (j = 0; j < tab->nr_vals; j++) {
			totals[j] += snap.entries[i].sums[j];
			maxes[j] = max(maxes[j], snap.entries[i].sums[j]);
		}
	}
	sort_r(snap.entries, snap.nr, sizeof(*snap.entries), entry_cmp, NULL,
	       tab);
	for (i = 0; i < snap.nr; i++) {
		entry_print(m, tab, &snap.entries[i], totals, maxes);
		if (ht->inter)
			hist_actions_show_entry(m, ht, snap.entries[i].priv);
	}
	if (ht->inter)
		hist_actions_show_snapshot(m, ht);
	seq_printf(m, "\nTotals:\n    Hits: %llu\n    Entries: %u\n    Dropped: %llu\n",
		   snap.hits, snap.nr, snap.drops);
	tracing_map_snap_free(&snap);
}

/**
 * hist_file_show() - the text of an event's hist file
 * @m: the seq_file
 * @file: the event file
 *
 * One block per hist trigger, in the order they were added.
 *
 * Context: process context, trace_mutex held; sleeps.
 */
void hist_file_show(struct seq_file *m, struct trace_event_file *file)
{
	struct event_trigger *t;
	unsigned int n = 0;

	lockdep_assert_held(&trace_mutex);
	list_for_each_entry(t, &file->triggers, list) {
		struct hist_trigger *ht = t->data;

		if (t->cmd->type != ETT_EVENT_HIST)
			continue;
		if (n++)
			seq_puts(m, "\n\n");
		seq_puts(m, "# event histogram\n#\n# trigger info: ");
		hist_trigger_print(m, t);
		seq_puts(m, "#\n\n");
		table_show(m, ht);
	}
}

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/trace_hist_show-kunit.h"
#endif
