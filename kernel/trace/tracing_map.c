// SPDX-License-Identifier: GPL-2.0
/*
 * tracing_map.c - a lock-free hash map of sums (see tracing_map.h).
 *
 * The map is an open-addressing table of 2 * max_elts buckets over an
 * array of max_elts entries.  A bucket holds a 32-bit hash (0: free) and
 * the index + 1 of its entry (0: not published yet).
 *
 * Insert, for a key with hash h (never 0):
 *
 *  1. Walk the buckets from h's home, linearly.  A bucket with hash h
 *     whose published entry has the key is the answer.  A bucket with
 *     another hash, or with h but no entry yet, is passed over.
 *  2. At a free bucket, take a fresh entry (an atomic increment of the
 *     count of entries taken, refused once all are taken: the hit is
 *     then dropped), copy the key into it, claim the bucket with a
 *     cmpxchg of its hash from 0, and publish the entry with a release
 *     store.  If another writer claimed the bucket first, look at it
 *     again and go on walking, keeping the fresh entry for the next free
 *     bucket.
 *
 * The walk is bounded by construction, which is what makes a full map
 * that loops for ever (CVE-2024-43890) impossible: a bucket is claimed
 * only by a writer that holds an entry, so at most max_elts of the
 * 2 * max_elts buckets are ever taken and a walk meets a free bucket
 * within max_elts + 1 steps; and the loop counts its steps and gives up
 * (dropping the hit) after visiting every bucket once, whatever happens.
 *
 * Two writers adding the same new key at once may both publish it, in
 * two buckets; a writer interrupted between taking an entry and claiming
 * a bucket, which then finds its key added by someone else, leaves the
 * entry unpublished.  Neither loses a hit: snapshots merge entries of
 * equal keys and skip unpublished ones.  Both cost an entry of the map's
 * capacity, and happen only in such races.
 *
 * An entry's sums are atomic counters.  A hit first increments
 * elt->begun, then adds its values, then increments the hit count.  A
 * snapshot reads the hit count, then the sums, then begun: if begun
 * equals the hit count read first, every hit that had begun had ended
 * before the sums were read, so they hold exactly that many hits.
 * Otherwise it reads again, a bounded number of times (a hit in flight
 * runs with preemption off and ends in a moment), and never waits on a
 * writer.
 *
 * Locking: see tracing_map.h.
 */

#include <linux/hash.h>
#include <linux/jhash.h>
#include <linux/log2.h>
#include <linux/processor.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <linux/unaligned.h>

#include "tracing_map.h"

/* Reads of an entry that a snapshot makes before taking what it has. */
#define SNAP_TRIES	1000

static inline unsigned int max_elts(const struct tracing_map *map)
{
	return 1U << map->bits;
}

static inline struct tracing_map_elt *elt_at(const struct tracing_map *map,
					     unsigned int i)
{
	return map->elts + i * map->elt_size;
}

static inline void *elt_key(const struct tracing_map *map,
			    struct tracing_map_elt *elt)
{
	return (void *)elt + map->key_off;
}

static inline void *elt_priv(const struct tracing_map *map,
			     struct tracing_map_elt *elt)
{
	return elt_key(map, elt) + ALIGN(map->key_size, 8);
}

/*
 * Keys of whole u64 words (hist's numeric keys) are hashed and compared
 * a word at a time; others byte-wise.
 */
#define WORDS_MAX	TRACING_MAP_WORDS_MAX

static inline bool key_is_words(u32 len)
{
	return !(len & 7) && len <= WORDS_MAX * sizeof(u64);
}

static inline u32 key_hash(const void *key, u32 len)
{
	u32 h;

	if (key_is_words(len))
		return tracing_map_hash_words(key, len / sizeof(u64));
	h = jhash(key, len, 0);
	return h ?: 1;
}

static inline bool key_equal(const void *a, const void *b, u32 len)
{
	const u64 *x = a, *y = b;

	if (!key_is_words(len))
		return !memcmp(a, b, len);
	for (; len; len -= sizeof(u64))
		if (get_unaligned(x++) != get_unaligned(y++))
			return false;
	return true;
}

/**
 * tracing_map_create() - allocate a map
 * @bits: log2 of its number of entries, TRACING_MAP_BITS_MIN to _MAX
 * @key_size: the longest key, in bytes
 * @n_sums: sums per entry, the hit count included, 1 to
 *	TRACING_MAP_SUMS_MAX
 * @priv_size: bytes of private data an entry is created with
 *
 * Context: process context; sleeps.
 * Return: the map, or an ERR_PTR().
 */
struct tracing_map *tracing_map_create(unsigned int bits,
				       unsigned int key_size,
				       unsigned int n_sums,
				       unsigned int priv_size)
{
	struct tracing_map *map;

	if (bits < TRACING_MAP_BITS_MIN || bits > TRACING_MAP_BITS_MAX ||
	    !key_size || !n_sums || n_sums > TRACING_MAP_SUMS_MAX)
		return ERR_PTR(-EINVAL);
	map = kzalloc(sizeof(*map), GFP_KERNEL);
	if (!map)
		return ERR_PTR(-ENOMEM);
	map->bits = bits;
	map->key_size = key_size;
	map->n_sums = n_sums;
	map->priv_size = priv_size;
	map->priv_copy = priv_size;
	map->key_off = offsetof(struct tracing_map_elt, sums[n_sums]);
	map->mask = 2 * max_elts(map) - 1;
	map->elt_size = sizeof(struct tracing_map_elt) +
			n_sums * sizeof(atomic64_t) + ALIGN(key_size, 8) +
			ALIGN(priv_size, 8);
	map->buckets = kvcalloc(2 * max_elts(map), sizeof(*map->buckets),
				GFP_KERNEL);
	map->elts = kvcalloc(max_elts(map), map->elt_size, GFP_KERNEL);
	if (!map->buckets || !map->elts) {
		tracing_map_destroy(map);
		return ERR_PTR(-ENOMEM);
	}
	return map;
}

/**
 * tracing_map_destroy() - free a map
 * @map: the map, or NULL; no writer or reader may be using it
 *
 * Context: process context.
 */
void tracing_map_destroy(struct tracing_map *map)
{
	if (!map)
		return;
	kvfree(map->buckets);
	kvfree(map->elts);
	kfree(map);
}

/*
 * Take a fresh entry holding @key; Return: its index, or -1 when full,
 * or for a key longer than the map's key size (which has no room for it:
 * a caller's bug, counted as a drop rather than written past the entry).
 */
static int elt_take(struct tracing_map *map, const void *key, u32 len,
		    const void *priv)
{
	struct tracing_map_elt *elt;
	int i;

	if (unlikely(len > map->key_size))
		return -1;
	i = atomic_fetch_add_unless(&map->taken, 1, max_elts(map));
	if (i >= max_elts(map))
		return -1;
	elt = elt_at(map, i);
	elt->key_len = len;
	memcpy(elt_key(map, elt), key, len);
	if (priv)
		memcpy(elt_priv(map, elt), priv, map->priv_copy);
	return i;
}

/**
 * tracing_map_insert() - find a key's entry, adding it if it is new
 * @map: the map
 * @key: the key
 * @key_len: its length, at most the map's key size
 * @priv: if the key is new, the private data its entry is created with
 *	(priv_size bytes), or NULL for zeroes
 *
 * Context: any, NMI included; no lock, no allocation, a bounded walk.
 * Return: the entry, or NULL if the map is full or @key_len is over the
 * key size (the hit is counted as dropped).
 */
struct tracing_map_elt *tracing_map_insert(struct tracing_map *map,
					   const void *key, u32 key_len,
					   const void *priv)
{
	u32 hash = key_hash(key, key_len);
	u32 mask = map->mask;
	u32 idx = hash & mask, steps = 0;
	int fresh = -1;

	while (steps <= mask) {
		struct tracing_map_bucket *b = &map->buckets[idx];
		u32 h = READ_ONCE(b->hash);

		if (h == hash) {
			/* Pairs with the release that published the entry. */
			u32 e = smp_load_acquire(&b->elt);
			struct tracing_map_elt *elt;

			if (e) {
				elt = elt_at(map, e - 1);
				if (elt->key_len == key_len &&
				    key_equal(elt_key(map, elt), key, key_len))
					return elt;
			}
		} else if (!h) {
			if (fresh < 0) {
				fresh = elt_take(map, key, key_len, priv);
				if (fresh < 0)
					break;
			}
			if (!cmpxchg(&b->hash, 0, hash)) {
				/* The key is in place before the entry is seen. */
				smp_store_release(&b->elt, fresh + 1);
				return elt_at(map, fresh);
			}
			continue;	/* taken meanwhile: look at it again */
		}
		idx = (idx + 1) & mask;
		steps++;
	}
	atomic64_inc(&map->drops);
	return NULL;
}

/**
 * tracing_map_lookup() - find a key's entry, without adding it
 * @map: the map
 * @key: the key
 * @key_len: its length
 *
 * Context: any, NMI included; no lock, a bounded walk.
 * Return: the entry, or NULL.
 */
struct tracing_map_elt *tracing_map_lookup(struct tracing_map *map,
					   const void *key, u32 key_len)
{
	u32 hash = key_hash(key, key_len);
	u32 mask = map->mask, idx = hash & mask, steps;

	for (steps = 0; steps <= mask; steps++, idx = (idx + 1) & mask) {
		struct tracing_map_bucket *b = &map->buckets[idx];
		u32 h = READ_ONCE(b->hash), e;
		struct tracing_map_elt *elt;

		if (!h)
			return NULL;
		if (h != hash)
			continue;
		/* Pairs with the release that published the entry. */
		e = smp_load_acquire(&b->elt);
		if (!e)
			continue;
		elt = elt_at(map, e - 1);
		if (elt->key_len == key_len &&
		    key_equal(elt_key(map, elt), key, key_len))
			return elt;
	}
	return NULL;
}

/**
 * tracing_map_max_elts() - the number of entries a map can hold
 * @map: the map
 *
 * Context: any.
 * Return: the number.
 */
unsigned int tracing_map_max_elts(const struct tracing_map *map)
{
	return max_elts(map);
}

/**
 * tracing_map_n_sums() - the number of sums of an entry
 * @map: the map
 *
 * Context: any.
 * Return: the number, the hit count included.
 */
unsigned int tracing_map_n_sums(const struct tracing_map *map)
{
	return map->n_sums;
}

/* Copy @elt's sums into @sums, all from the same set of hits if we can. */
static void elt_read(const struct tracing_map *map,
		     struct tracing_map_elt *elt, u64 *sums)
{
	int tries, i;

	for (tries = 0; tries < SNAP_TRIES; tries++) {
		sums[0] = atomic64_read_acquire(&elt->sums[0]);
		for (i = 1; i < map->n_sums; i++)
			sums[i] = atomic64_read(&elt->sums[i]);
		/* The sums are read before begun: see the top of the file. */
		smp_rmb();
		if (atomic64_read(&elt->begun) == sums[0])
			return;
		cpu_relax();
	}
}

static int entry_key_cmp(const void *a, const void *b)
{
	const struct tracing_map_entry *x = a, *y = b;

	if (x->key_len != y->key_len)
		return x->key_len < y->key_len ? -1 : 1;
	return memcmp(x->key, y->key, x->key_len);
}

/* Fold entries of equal keys (see the top of the file) into one. */
static unsigned int entries_merge(struct tracing_map_entry *e,
				  unsigned int nr, unsigned int n_sums)
{
	unsigned int i, out = 0, k;

	if (!nr)
		return 0;
	sort(e, nr, sizeof(*e), entry_key_cmp, NULL);
	for (i = 1; i < nr; i++) {
		if (!entry_key_cmp(&e[out], &e[i])) {
			for (k = 0; k < n_sums; k++)
				e[out].sums[k] += e[i].sums[k];
			continue;
		}
		e[++out] = e[i];
	}
	return out + 1;
}

/**
 * tracing_map_snapshot() - copy a map's entries
 * @map: the map; destroy must wait for the snapshot
 * @snap: filled in; free with tracing_map_snap_free()
 *
 * Writers go on while the copy is made; each entry is copied with the
 * sums of a whole number of hits.  Entries are in no particular order.
 *
 * Context: process context; sleeps.
 * Return: 0 or -ENOMEM.
 */
int tracing_map_snapshot(struct tracing_map *map,
			 struct tracing_map_snap *snap)
{
	unsigned int b, nr = 0, nb = 2 * max_elts(map);
	u64 *sums;

	memset(snap, 0, sizeof(*snap));
	snap->entries = kvcalloc(max_elts(map), sizeof(*snap->entries),
				 GFP_KERNEL);
	sums = kvcalloc(max_elts(map), map->n_sums * sizeof(u64), GFP_KERNEL);
	if (!snap->entries || !sums) {
		kvfree(snap->entries);
		kvfree(sums);
		snap->entries = NULL;
		return -ENOMEM;
	}
	snap->sums_buf = sums;
	snap->drops = atomic64_read(&map->drops);
	for (b = 0; b < nb && nr < max_elts(map); b++) {
		struct tracing_map_entry *ent = &snap->entries[nr];
		/* Pairs with the release that published the entry. */
		u32 e = smp_load_acquire(&map->buckets[b].elt);
		struct tracing_map_elt *elt;

		if (!e)
			continue;
		elt = elt_at(map, e - 1);
		ent->key = elt_key(map, elt);
		ent->key_len = elt->key_len;
		ent->priv = map->priv_size ? elt_priv(map, elt) : NULL;
		ent->sums = sums + nr * map->n_sums;
		elt_read(map, elt, ent->sums);
		snap->hits += ent->sums[0];
		nr++;
	}
	snap->hits += snap->drops;
	snap->nr = entries_merge(snap->entries, nr, map->n_sums);
	return 0;
}

/**
 * tracing_map_snap_free() - free what a snapshot allocated
 * @snap: the snapshot
 *
 * Context: process context.
 */
void tracing_map_snap_free(struct tracing_map_snap *snap)
{
	kvfree(snap->sums_buf);
	kvfree(snap->entries);
	memset(snap, 0, sizeof(*snap));
}

#ifdef CONFIG_TRACE_KUNIT_TEST
#include "tests/tracing_map-kunit.h"
#endif
