// SPDX-License-Identifier: GPL-2.0
/*
 * kprobe_event_gen_test.c - the in-kernel kprobe event API, call by call
 * (Documentation/trace/events.rst, 7.3, with its examples on do_sys_open).
 *
 * On load the module builds "gen_kprobe_test" (a kprobe with four fields,
 * two given at the start and two added after) and "gen_kretprobe_test"
 * (a kretprobe with $retval), enables both in the top-level instance,
 * and checks the refusals: a command of another type, a name in use, a
 * bad field, deleting an enabled event, a command too long for its
 * buffer.  Any failure fails the load.  On unload it disables the events,
 * gives their files back and deletes them.
 *
 * Locking: init and exit run alone; nothing here is shared.
 */

#include <linux/module.h>
#include <linux/slab.h>
#include <linux/trace_events.h>

#define KPROBE_GEN_FUNC		"do_sys_open"

static struct trace_event_file *gen_kprobe_test, *gen_kretprobe_test;
static int failures;

#define CHECK(cond, fmt, ...)						\
	do {								\
		if (!(cond)) {						\
			failures++;					\
			pr_err("kprobe_event_gen_test: %s:%d: " fmt "\n", \
			       __func__, __LINE__, ##__VA_ARGS__);	\
		}							\
	} while (0)

static struct trace_event_file *enable(const char *name)
{
	struct trace_event_file *file;
	int ret;

	file = trace_get_event_file(NULL, "kprobes", name);
	CHECK(!IS_ERR(file), "trace_get_event_file(%s): %ld", name,
	      PTR_ERR(file));
	if (IS_ERR(file))
		return NULL;
	ret = trace_array_set_clr_event(file->tr, "kprobes", name, true);
	CHECK(!ret, "trace_array_set_clr_event(%s): %d", name, ret);
	if (ret) {
		trace_put_event_file(file);
		return NULL;
	}
	return file;
}

static void disable_and_delete(struct trace_event_file **file,
			       const char *name)
{
	int ret;

	if (*file) {
		trace_array_set_clr_event((*file)->tr, "kprobes", name, false);
		trace_put_event_file(*file);
		*file = NULL;
	}
	ret = kprobe_event_delete(name);
	if (ret && ret != -ENOENT)
		pr_err("kprobe_event_gen_test: delete %s: %d\n", name, ret);
}

static void test_kprobe(char *buf)
{
	struct dynevent_cmd cmd;
	int ret;

	kprobe_event_cmd_init(&cmd, buf, MAX_DYNEVENT_CMD_LEN);
	ret = kprobe_event_gen_cmd_start(&cmd, "gen_kprobe_test",
					 KPROBE_GEN_FUNC,
					 "dfd=%ax", "filename=%dx");
	CHECK(!ret, "kprobe_event_gen_cmd_start: %d", ret);
	ret = kprobe_event_add_fields(&cmd, "flags=%cx", "mode=+4($stack)");
	CHECK(!ret, "kprobe_event_add_fields: %d", ret);
	CHECK(!strcmp(buf, "p:kprobes/gen_kprobe_test " KPROBE_GEN_FUNC
		      " dfd=%ax filename=%dx flags=%cx mode=+4($stack)"),
	      "command: %s", buf);
	ret = kprobe_event_gen_cmd_end(&cmd);
	CHECK(!ret, "kprobe_event_gen_cmd_end: %d", ret);
	if (ret)
		return;
	gen_kprobe_test = enable("gen_kprobe_test");

	/* Refusals: the same name again, a bad field, an enabled event. */
	kprobe_event_cmd_init(&cmd, buf, MAX_DYNEVENT_CMD_LEN);
	ret = kprobe_event_gen_cmd_start(&cmd, "gen_kprobe_test",
					 KPROBE_GEN_FUNC, "dfd=%ax");
	ret = ret ?: kprobe_event_gen_cmd_end(&cmd);
	CHECK(ret == -EINVAL, "a second gen_kprobe_test of another layout: %d",
	      ret);
	kprobe_event_cmd_init(&cmd, buf, MAX_DYNEVENT_CMD_LEN);
	ret = kprobe_event_gen_cmd_start(&cmd, "gen_kprobe_bad",
					 KPROBE_GEN_FUNC, "dfd=%nosuchreg");
	ret = ret ?: kprobe_event_gen_cmd_end(&cmd);
	CHECK(ret == -EINVAL, "a bad register: %d", ret);
	if (gen_kprobe_test) {
		ret = kprobe_event_delete("gen_kprobe_test");
		CHECK(ret == -EBUSY, "deleting an enabled event: %d", ret);
	}
}

static void test_kretprobe(char *buf)
{
	struct dynevent_cmd cmd;
	char small[32];
	int ret;

	kprobe_event_cmd_init(&cmd, buf, MAX_DYNEVENT_CMD_LEN);
	ret = kretprobe_event_gen_cmd_start(&cmd, "gen_kretprobe_test",
					    KPROBE_GEN_FUNC, "$retval");
	CHECK(!ret, "kretprobe_event_gen_cmd_start: %d", ret);
	ret = kretprobe_event_gen_cmd_end(&cmd);
	CHECK(!ret, "kretprobe_event_gen_cmd_end: %d", ret);
	if (!ret)
		gen_kretprobe_test = enable("gen_kretprobe_test");

	/* A buffer too small: E2BIG, and the command is left as it was. */
	kprobe_event_cmd_init(&cmd, small, sizeof(small));
	ret = kprobe_event_gen_cmd_start(&cmd, "small", KPROBE_GEN_FUNC);
	CHECK(!ret, "a short command: %d", ret);
	ret = kprobe_event_add_fields(&cmd, "a_long_field_name=+1234($stack)");
	CHECK(ret == -E2BIG, "a command past its buffer: %d", ret);
	CHECK(!strcmp(small, "p:kprobes/small " KPROBE_GEN_FUNC),
	      "command after E2BIG: %s", small);
	/* Another type's command is refused. */
	synth_event_cmd_init(&cmd, buf, MAX_DYNEVENT_CMD_LEN);
	ret = kprobe_event_add_fields(&cmd, "x=%ax");
	CHECK(ret == -EINVAL, "a synthetic command: %d", ret);
}

static int __init kprobe_event_gen_test_init(void)
{
	char *buf;

	buf = kzalloc(MAX_DYNEVENT_CMD_LEN, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	test_kprobe(buf);
	test_kretprobe(buf);
	kfree(buf);
	if (!failures) {
		pr_info("kprobe_event_gen_test: all checks passed\n");
		return 0;
	}
	disable_and_delete(&gen_kretprobe_test, "gen_kretprobe_test");
	disable_and_delete(&gen_kprobe_test, "gen_kprobe_test");
	pr_err("kprobe_event_gen_test: %d check(s) failed\n", failures);
	return -EINVAL;
}

static void __exit kprobe_event_gen_test_exit(void)
{
	disable_and_delete(&gen_kprobe_test, "gen_kprobe_test");
	disable_and_delete(&gen_kretprobe_test, "gen_kretprobe_test");
}

module_init(kprobe_event_gen_test_init);
module_exit(kprobe_event_gen_test_exit);

MODULE_DESCRIPTION("Checks of the in-kernel kprobe event API");
MODULE_LICENSE("GPL");
