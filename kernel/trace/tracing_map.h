/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tracing_map.h - a lock-free hash map of sums, for hist triggers.
 *
 * A map holds at most max_elts entries, each a key (up to key_size bytes,
 * of any length up to that) and n_sums running sums, sum 0 being the
 * entry's hit count.  All its memory is allocated when it is created:
 * inserting never allocates, never takes a lock and never waits, so that
 * it works from any context, NMI included.  A hit that finds the map full
 * is counted as dropped; every hit is either in an entry's hit count or
 * in the dropped count.
 *
 * Writers (tracing_map.c has the details):
 *
 *	elt = tracing_map_insert(map, key, len, NULL);	finds or adds the key
 *	if (elt) {
 *		tracing_map_hit_begin(elt);
 *		tracing_map_add(elt, 1, bytes);		the other sums
 *		tracing_map_hit_end(elt);		the hit count, last
 *	}
 *
 * Readers take a copy with tracing_map_snapshot(), which never blocks the
 * writers; it reads each entry again (a bounded number of times) until its
 * sums hold a whole number of hits.
 *
 * Locking:
 *
 *  ========================  ============================================
 *  insert, hit_*()           any context, concurrently, no lock
 *  snapshot                  process context; concurrent with writers;
 *                            the caller keeps destroy away
 *  destroy                   process context; no writer may be running
 *                            (the caller stops them and waits for RCU)
 *  ========================  ============================================
 */
#ifndef _TRACING_MAP_H
#define _TRACING_MAP_H

#include <linux/atomic.h>
#include <linux/hash.h>
#include <linux/types.h>
#include <linux/unaligned.h>

/* Bounds on the number of entries, which is a power of two. */
#define TRACING_MAP_BITS_MIN	7
#define TRACING_MAP_BITS_MAX	17
#define TRACING_MAP_BITS_DEFAULT 11

/* The most sums an entry has, the hit count included. */
#define TRACING_MAP_SUMS_MAX	16
/* Keys of up to this many whole u64 words are hashed a word at a time. */
#define TRACING_MAP_WORDS_MAX	4

/**
 * struct tracing_map_elt - one entry
 * @begun: hits that have started to update the sums
 * @key_len: bytes of the key
 * @pad: keeps the sums 8-byte aligned
 * @sums: the running sums; @sums[0] is the hit count, incremented last
 *
 * The key follows the sums, 8-byte aligned, then the private data.
 */
struct tracing_map_elt {
	atomic64_t	begun;
	u32		key_len;
	u32		pad;
	atomic64_t	sums[];
};

/**
 * struct tracing_map_entry - one entry of a snapshot
 * @key: the key, inside the map (valid until it is destroyed)
 * @key_len: its length
 * @priv: what the entry was created with (see tracing_map_insert())
 * @sums: a copy of the sums, hit count first
 */
struct tracing_map_entry {
	const void	*key;
	const void	*priv;
	u32		key_len;
	u64		*sums;
};

/**
 * struct tracing_map_snap - a copy of a map's entries
 * @entries: the entries, one per key
 * @nr: how many
 * @hits: every hit the map has seen: the entries' hit counts and @drops
 * @drops: hits that found the map full
 * @sums_buf: the memory of the entries' sums
 */
struct tracing_map_snap {
	struct tracing_map_entry	*entries;
	u64				*sums_buf;
	unsigned int			nr;
	u64				hits;
	u64				drops;
};

/**
 * struct tracing_map_bucket - one bucket of a map
 * @hash: the hash of its key, 0 while free
 * @elt: index + 1 of its entry, 0 until published
 */
struct tracing_map_bucket {
	u32	hash;
	u32	elt;
};

/**
 * struct tracing_map - the map
 * @bits: log2 of max_elts
 * @key_size: the longest key
 * @n_sums: sums per entry, the hit count included
 * @priv_size: bytes of private data per entry
 * @priv_copy: bytes of it that tracing_map_insert() copies from its @priv
 *	(all of it unless the owner says otherwise; the rest starts zeroed)
 * @elt_size: bytes of one entry, sums, key and private data
 * @key_off: offset of the key in an entry
 * @mask: number of buckets - 1
 * @taken: entries taken so far (may pass max_elts by the refused ones)
 * @drops: hits that found no room
 * @buckets: 2 * max_elts buckets
 * @elts: max_elts entries of @elt_size bytes
 */
struct tracing_map {
	unsigned int			bits;
	unsigned int			key_size;
	unsigned int			n_sums;
	unsigned int			priv_size;
	unsigned int			priv_copy;
	size_t				elt_size;
	unsigned int			key_off;
	u32				mask;
	atomic_t			taken;
	atomic64_t			drops;
	struct tracing_map_bucket	*buckets;
	void				*elts;
};

struct tracing_map *tracing_map_create(unsigned int bits,
				       unsigned int key_size,
				       unsigned int n_sums,
				       unsigned int priv_size);
void tracing_map_destroy(struct tracing_map *map);
struct tracing_map_elt *tracing_map_insert(struct tracing_map *map,
					   const void *key, u32 key_len,
					   const void *priv);
struct tracing_map_elt *tracing_map_lookup(struct tracing_map *map,
					   const void *key, u32 key_len);
int tracing_map_snapshot(struct tracing_map *map,
			 struct tracing_map_snap *snap);
void tracing_map_snap_free(struct tracing_map_snap *snap);
unsigned int tracing_map_max_elts(const struct tracing_map *map);
unsigned int tracing_map_n_sums(const struct tracing_map *map);

/**
 * tracing_map_hash_words() - the hash of a key of whole u64 words
 * @key: the key
 * @n: its words, 1 to TRACING_MAP_WORDS_MAX
 *
 * Context: any.
 * Return: the hash, never 0.
 */
static __always_inline u32 tracing_map_hash_words(const void *key,
						  unsigned int n)
{
	const u64 *w = key;
	u64 x = get_unaligned(w);
	u32 h;

	while (--n)
		x = (x * GOLDEN_RATIO_64) ^ get_unaligned(++w);
	h = hash_64(x, 32);
	return h ?: 1;
}

/**
 * tracing_map_find_words() - the entry of a key of whole u64 words, if
 *	it sits in its home bucket
 * @map: the map
 * @key: the key
 * @n: its words, 1 to TRACING_MAP_WORDS_MAX
 *
 * The common case of a key seen before, inline in the caller: one
 * bucket looked at, no call.  NULL sends the caller to
 * tracing_map_insert(), which walks and adds.
 *
 * Context: any, NMI included.
 * Return: the entry, or NULL.
 */
static __always_inline struct tracing_map_elt *
tracing_map_find_words(struct tracing_map *map, const u64 *key,
		       unsigned int n)
{
	u32 hash = tracing_map_hash_words(key, n);
	struct tracing_map_bucket *b = &map->buckets[hash & map->mask];
	struct tracing_map_elt *elt;
	const u64 *k;
	unsigned int i;
	u32 e;

	if (READ_ONCE(b->hash) != hash)
		return NULL;
	/* Pairs with the release that published the entry. */
	e = smp_load_acquire(&b->elt);
	if (!e)
		return NULL;
	elt = map->elts + (e - 1) * map->elt_size;
	if (elt->key_len != n * sizeof(u64))
		return NULL;
	k = (void *)elt + map->key_off;
	for (i = 0; i < n; i++)
		if (k[i] != key[i])
			return NULL;
	return elt;
}

/**
 * tracing_map_elt_priv() - an entry's private data
 * @map: the map
 * @elt: one of its entries
 *
 * Context: any.
 * Return: the priv_size bytes the entry was created with.
 */
static inline void *tracing_map_elt_priv(const struct tracing_map *map,
					 struct tracing_map_elt *elt)
{
	return (void *)elt + map->key_off + ALIGN(map->key_size, 8);
}

/**
 * tracing_map_hit_begin() - start adding one hit to an entry
 * @elt: the entry
 *
 * Context: any.
 */
static inline void tracing_map_hit_begin(struct tracing_map_elt *elt)
{
	atomic64_inc(&elt->begun);
	/* begun counts the hit before any sum does (tracing_map.c). */
	smp_mb__after_atomic();
}

/**
 * tracing_map_add() - add to one of an entry's sums
 * @elt: the entry, between tracing_map_hit_begin() and _end()
 * @i: the sum, 1 to n_sums - 1
 * @val: what to add
 *
 * Context: any.
 */
static inline void tracing_map_add(struct tracing_map_elt *elt,
				   unsigned int i, u64 val)
{
	atomic64_add(val, &elt->sums[i]);
}

/**
 * tracing_map_hit_end() - count the hit, once its sums are added
 * @elt: the entry
 *
 * Context: any.
 */
static inline void tracing_map_hit_end(struct tracing_map_elt *elt)
{
	/* The sums are added before the hit count says so. */
	smp_mb__before_atomic();
	atomic64_inc(&elt->sums[0]);
}

#endif /* _TRACING_MAP_H */
