// SPDX-License-Identifier: GPL-2.0
/*
 * trace-printk.c - every trace_printk() flavour from a module, in task
 * context and in hard interrupt context (an irq_work), for ftracetest.
 *
 *  - trace_puts() of a constant string records a bputs record;
 *  - trace_puts() of a string built at run time records a print record;
 *  - trace_printk() with arguments records a bprint record, whose format
 *    must appear in printk_formats;
 *  - trace_printk() with a run-time format records a print record.
 *
 * Locking: none; each context formats into its own stack buffer.
 */

#include <linux/irq_work.h>
#include <linux/kernel.h>
#include <linux/module.h>

static void trace_printk_sample(const char *where, const char *prefix)
{
	char buf[64];

	/* Constant strings: bputs and bprint, formats in printk_formats */
	if (*prefix) {
		trace_puts("(irq) This is a static string that will use trace_bputs\n");
		trace_printk("(irq) This is a %s that will use trace_bprintk()\n",
			     "static string");
	} else {
		trace_puts("This is a static string that will use trace_bputs\n");
		trace_printk("This is a %s that will use trace_bprintk()\n",
			     "static string");
	}

	/* Run-time strings: print records */
	snprintf(buf, sizeof(buf),
		 "%sThis is a dynamic string that will use trace_puts\n",
		 prefix);
	trace_puts(buf);
	snprintf(buf, sizeof(buf),
		 "%sThis is a dynamic string that will use trace_printk\n",
		 prefix);
	trace_printk(buf);
	pr_debug("trace-printk: recorded from %s\n", where);
}

static void trace_printk_irq_work(struct irq_work *work)
{
	trace_printk_sample("irq", "(irq) ");
}

static struct irq_work trace_printk_work =
	IRQ_WORK_INIT_HARD(trace_printk_irq_work);

static int __init trace_printk_sample_init(void)
{
	irq_work_queue(&trace_printk_work);
	trace_printk_sample("task", "");
	irq_work_sync(&trace_printk_work);
	return 0;
}

static void __exit trace_printk_sample_exit(void)
{
}

module_init(trace_printk_sample_init);
module_exit(trace_printk_sample_exit);

MODULE_DESCRIPTION("trace_printk() and trace_puts() from a module, for tests");
MODULE_LICENSE("GPL");
