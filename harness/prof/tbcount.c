// SPDX-License-Identifier: GPL-2.0
/*
 * tbcount.c - a QEMU TCG plugin that counts the guest kernel's executed
 * instructions by translation block, for harness/prof.sh.
 *
 * Every translated block of kernel text gets a counter, bumped by a
 * callback each time the block runs (the guest is run with -icount,
 * single-threaded TCG, so no two vCPUs bump at once).  At exit the plugin writes
 * one line per block, "<start address> <instructions> <executions>", to
 * the file named by its "out" argument; prof.sh turns that into
 * instructions per function.  A block cut short by an interrupt still
 * counts whole: the error is a few instructions per interrupt.
 *
 * Usage: -plugin tbcount.so,out=FILE
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

struct block {
	uint64_t pc;
	uint64_t insns;
	uint64_t count;
};

/* Open addressing on (pc, insns); never shrinks, never moves a block. */
#define TABLE_BITS	20
#define TABLE_SIZE	(1u << TABLE_BITS)

static struct block **table;
static char *out_path;

static struct block *lookup(uint64_t pc, uint64_t insns)
{
	uint64_t h = (pc ^ (insns << 48)) * 0x9e3779b97f4a7c15ull;
	unsigned int i = h >> (64 - TABLE_BITS);

	for (;; i = (i + 1) & (TABLE_SIZE - 1)) {
		struct block *b = table[i];

		if (!b) {
			b = calloc(1, sizeof(*b));
			if (!b)
				abort();
			b->pc = pc;
			b->insns = insns;
			table[i] = b;
			return b;
		}
		if (b->pc == pc && b->insns == insns)
			return b;
	}
}

static void tb_exec(unsigned int vcpu, void *udata)
{
	((struct block *)udata)->count++;
}

/* Translation runs under QEMU's own lock with single-threaded TCG. */
static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	uint64_t pc = qemu_plugin_tb_vaddr(tb);
	struct block *b;

	if (pc < 0xffff800000000000ull)
		return;		/* user space */
	b = lookup(pc, qemu_plugin_tb_n_insns(tb));
	qemu_plugin_register_vcpu_tb_exec_cb(tb, tb_exec, QEMU_PLUGIN_CB_NO_REGS,
					     b);
}

static void at_exit(qemu_plugin_id_t id, void *p)
{
	FILE *f = fopen(out_path, "w");
	unsigned int i;

	if (!f) {
		perror(out_path);
		return;
	}
	for (i = 0; i < TABLE_SIZE; i++)
		if (table[i] && table[i]->count)
			fprintf(f, "%" PRIx64 " %" PRIu64 " %" PRIu64 "\n",
				table[i]->pc, table[i]->insns, table[i]->count);
	fclose(f);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
					   const qemu_info_t *info,
					   int argc, char **argv)
{
	int i;

	for (i = 0; i < argc; i++)
		if (!strncmp(argv[i], "out=", 4))
			out_path = argv[i] + 4;
	if (!out_path) {
		fprintf(stderr, "tbcount: out=FILE is required\n");
		return -1;
	}
	table = calloc(TABLE_SIZE, sizeof(*table));
	if (!table)
		return -1;
	qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
	qemu_plugin_register_atexit_cb(id, at_exit, NULL);
	return 0;
}
