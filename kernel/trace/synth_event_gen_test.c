// SPDX-License-Identifier: GPL-2.0
/*
 * synth_event_gen_test.c - the in-kernel synthetic event API, call by
 * call, with a check of what each call leaves in the trace.
 *
 * On load the module creates three synthetic events (one through the
 * gen_cmd calls, one started empty and filled field by field and from
 * an array, one with synth_event_create()), traces them in its own
 * instance in every way the API offers, reads each record back from the
 * instance's buffer and compares it field by field with what was
 * passed.  It also checks the refusals: wrong numbers of values, unknown
 * field names, mixed piecewise styles, piecewise tracing of an event
 * with a dynamic field, a name in use, deleting an enabled event.  Any
 * failure fails the load.  The events stay, disabled, until the module
 * is unloaded.
 *
 * With top_trace=1 it also records one event with a stack field in the
 * top-level buffer, for tools to read.  With fail_init=1 it enables one of
 * its events in the top-level instance and then fails to load: the events
 * go with the module while enabled, which nothing must notice.
 *
 * Locking: init and exit run alone; nothing here is shared.
 */

#include <linux/module.h>
#include <linux/ring_buffer.h>
#include <linux/slab.h>
#include <linux/trace_events.h>

#include "trace_array.h"
#include "trace_synth.h"

#define INSTANCE	"synth_event_gen_test"

static bool fail_init;
module_param(fail_init, bool, 0444);
MODULE_PARM_DESC(fail_init, "enable an event, then fail to load");

static bool top_trace;
module_param(top_trace, bool, 0444);
MODULE_PARM_DESC(top_trace, "also record one event in the top-level buffer");

static struct trace_array *tr;
static struct trace_event_file *gen_file, *empty_file, *create_file;
static int failures;

#define CHECK(cond, fmt, ...)						\
	do {								\
		if (!(cond)) {						\
			failures++;					\
			pr_err("synth_event_gen_test: %s:%d: " fmt "\n",	\
			       __func__, __LINE__, ##__VA_ARGS__);	\
		}							\
	} while (0)

/* The one record the last trace left in the instance, or NULL. */
static void *record;

static int take_records(void)
{
	struct ring_buffer_event *ev;
	int cpu, n = 0;

	kfree(record);
	record = NULL;
	for_each_online_cpu(cpu) {
		while ((ev = ring_buffer_consume(tr->array_buffer.buffer, cpu,
						 NULL, NULL))) {
			n++;
			kfree(record);
			record = kmemdup(ring_buffer_event_data(ev),
					 ring_buffer_event_length(ev),
					 GFP_KERNEL);
		}
	}
	return n;
}

static const struct synth_field *field_of(struct trace_event_file *file,
					  const char *name)
{
	struct synth_event *se = synth_event_of_file(file);
	int i;

	for (i = 0; se && i < se->def.n_fields; i++)
		if (!strcmp(se->def.fields[i].name, name))
			return &se->def.fields[i];
	return NULL;
}

/* A number field of @record, sign-extended as its type says. */
static s64 num(struct trace_event_file *file, const char *name)
{
	const struct synth_field *f = field_of(file, name);
	const void *p;

	if (!f || !record)
		return -0xbad;
	p = record + f->offset;
	/* Each arm converted on its own: a ?: of s32 and u32 is unsigned. */
	switch (f->base->size) {
	case 1:
		return f->base->is_signed ? (s64)*(s8 *)p : (s64)*(u8 *)p;
	case 2:
		return f->base->is_signed ? (s64)*(s16 *)p : (s64)*(u16 *)p;
	case 4:
		return f->base->is_signed ? (s64)*(s32 *)p : (s64)*(u32 *)p;
	default:
		return *(s64 *)p;
	}
}

/* A string field of @record, fixed or dynamic. */
static const char *str(struct trace_event_file *file, const char *name)
{
	const struct synth_field *f = field_of(file, name);
	u32 loc;

	if (!f || !record)
		return "(none)";
	if (f->kind == SYNTH_STR)
		return record + f->offset;
	loc = *(u32 *)(record + f->offset);
	return record + (loc & 0xffff);
}

/* The entries of a stack field, and where they are. */
static unsigned int stack(struct trace_event_file *file, const char *name,
			  const unsigned long **ips)
{
	const struct synth_field *f = field_of(file, name);
	u32 loc;

	if (!f || !record)
		return 0;
	loc = *(u32 *)(record + f->offset);
	*ips = record + (loc & 0xffff);
	return (loc >> 16) / sizeof(long);
}

static struct trace_event_file *open_event(const char *event)
{
	struct trace_event_file *file;

	file = trace_get_event_file(INSTANCE, "synthetic", event);
	CHECK(!IS_ERR(file), "no file for %s: %ld", event, PTR_ERR(file));
	if (IS_ERR(file))
		return NULL;
	CHECK(!trace_array_set_clr_event(tr, "synthetic", event, true),
	      "cannot enable %s", event);
	return file;
}

/* A synthetic event command in a new buffer, which the caller frees. */
static char *new_cmd(struct dynevent_cmd *cmd)
{
	char *buf = kzalloc(MAX_DYNEVENT_CMD_LEN, GFP_KERNEL);

	CHECK(buf, "no memory");
	if (buf)
		synth_event_cmd_init(cmd, buf, MAX_DYNEVENT_CMD_LEN);
	return buf;
}

/* 7.1, the gen_cmd way: a command started with fields, then more. */
static void test_gen_synth_cmd(void)
{
	struct dynevent_cmd cmd;
	u64 vals[7];
	char *buf = new_cmd(&cmd);

	if (!buf)
		return;
	CHECK(!synth_event_gen_cmd_start(&cmd, "gen_synth_test", THIS_MODULE,
					 "pid_t", "next_pid_field",
					 "char[16]", "next_comm_field",
					 "u64", "ts_ns"), "gen_cmd_start");
	CHECK(!synth_event_add_field(&cmd, "u64", "ts_ms"), "add ts_ms");
	CHECK(!synth_event_add_field(&cmd, "unsigned int", "cpu"), "add cpu");
	CHECK(!synth_event_add_field(&cmd, "char[64]", "my_string_field"),
	      "add my_string_field");
	CHECK(!synth_event_add_field(&cmd, "int", "my_int_field"),
	      "add my_int_field");
	/* A bad field is refused by the check and leaves the command alone. */
	CHECK(synth_event_add_field(&cmd, "float", "x") == -EINVAL,
	      "float accepted");
	CHECK(!strcmp(buf, "gen_synth_test pid_t next_pid_field; "
		      "char[16] next_comm_field; u64 ts_ns; u64 ts_ms; "
		      "unsigned int cpu; char[64] my_string_field; "
		      "int my_int_field;"), "command: %s", buf);
	CHECK(!synth_event_gen_cmd_end(&cmd), "gen_cmd_end");
	kfree(buf);

	gen_file = open_event("gen_synth_test");
	if (!gen_file)
		return;
	vals[0] = 777;
	vals[1] = (u64)(uintptr_t)"hula hoops";
	vals[2] = 1000000;
	vals[3] = 1000;
	vals[4] = 3;
	vals[5] = (u64)(uintptr_t)"thneed";
	vals[6] = 598;
	take_records();
	CHECK(!synth_event_trace_array(gen_file, vals, ARRAY_SIZE(vals)),
	      "trace_array");
	CHECK(take_records() == 1, "no record");
	CHECK(num(gen_file, "next_pid_field") == 777, "pid");
	CHECK(!strcmp(str(gen_file, "next_comm_field"), "hula hoops"), "comm");
	CHECK(num(gen_file, "ts_ns") == 1000000, "ts_ns");
	CHECK(num(gen_file, "ts_ms") == 1000, "ts_ms");
	CHECK(num(gen_file, "cpu") == 3, "cpu");
	CHECK(!strcmp(str(gen_file, "my_string_field"), "thneed"), "string");
	CHECK(num(gen_file, "my_int_field") == 598, "int");
}

static struct synth_field_desc empty_fields[] = {
	{ .type = "pid_t",		.name = "next_pid_field" },
	{ .type = "char[16]",		.name = "next_comm_field" },
	{ .type = "u64",		.name = "ts_ns" },
	{ .type = "u64",		.name = "ts_ms" },
};

/* 7.1: an empty command, then fields from an array and as strings. */
static void test_empty_synth_event(void)
{
	struct dynevent_cmd cmd;
	char *buf = new_cmd(&cmd);

	if (!buf)
		return;
	CHECK(!synth_event_gen_cmd_start(&cmd, "empty_synth_test",
					 THIS_MODULE), "gen_cmd_start");
	CHECK(!synth_event_add_fields(&cmd, empty_fields,
				      ARRAY_SIZE(empty_fields)), "add_fields");
	CHECK(!synth_event_add_field_str(&cmd, "unsigned int cpu"),
	      "add_field_str");
	CHECK(!synth_event_add_field_str(&cmd, "int my_int_field"),
	      "add_field_str");
	CHECK(!synth_event_gen_cmd_end(&cmd), "gen_cmd_end");
	kfree(buf);

	empty_file = open_event("empty_synth_test");
	if (!empty_file)
		return;
	take_records();
	CHECK(!synth_event_trace(empty_file, 6, (u64)-5,
				 (u64)(uintptr_t)"tiddlywinks", (u64)1, (u64)2,
				 (u64)1, (u64)-1), "trace");
	CHECK(take_records() == 1, "no record");
	CHECK(num(empty_file, "next_pid_field") == -5, "pid");
	CHECK(!strcmp(str(empty_file, "next_comm_field"), "tiddlywinks"),
	      "comm");
	CHECK(num(empty_file, "ts_ns") == 1, "ts_ns");
	CHECK(num(empty_file, "cpu") == 1, "cpu");
	CHECK(num(empty_file, "my_int_field") == -1, "int");
	/* Too few or too many values: refused, nothing recorded. */
	CHECK(synth_event_trace(empty_file, 5, (u64)1, (u64)0, (u64)1,
				(u64)1, (u64)1) == -EINVAL, "5 values");
	CHECK(synth_event_trace(empty_file, 7, (u64)1, (u64)0, (u64)1, (u64)1,
				(u64)1, (u64)1, (u64)1) == -EINVAL,
	      "7 values");
	CHECK(take_records() == 0, "recorded a refused trace");
}

static struct synth_field_desc create_fields[] = {
	{ .type = "pid_t",		.name = "next_pid_field" },
	{ .type = "char[16]",		.name = "next_comm_field" },
	{ .type = "u64",		.name = "ts_ns" },
	{ .type = "char[]",		.name = "dyn_string_field" },
	{ .type = "unsigned long[]",	.name = "stack_field" },
	{ .type = "u8",			.name = "small" },
};

/* 7.1, synth_event_create(), with a dynamic string and a stack. */
static void test_create_synth_event(void)
{
	static const unsigned long stack_vals[] = {
		3, (unsigned long)synth_event_trace,
		(unsigned long)synth_event_create, (unsigned long)kfree };
	struct synth_event_trace_state state;
	const unsigned long *ips = NULL;
	u64 vals[6];

	CHECK(!synth_event_create("create_synth_test", create_fields,
				  ARRAY_SIZE(create_fields), THIS_MODULE),
	      "create");
	CHECK(synth_event_create("create_synth_test", create_fields,
				 ARRAY_SIZE(create_fields), THIS_MODULE) ==
	      -EINVAL, "created twice");
	create_file = open_event("create_synth_test");
	if (!create_file)
		return;
	vals[0] = 12;
	vals[1] = (u64)(uintptr_t)"a very long name, cut at 15";
	vals[2] = 99;
	vals[3] = (u64)(uintptr_t)"a dynamic string";
	vals[4] = (u64)(uintptr_t)stack_vals;
	vals[5] = 0x1ff;
	take_records();
	CHECK(!synth_event_trace_array(create_file, vals, ARRAY_SIZE(vals)),
	      "trace_array");
	CHECK(take_records() == 1, "no record");
	CHECK(num(create_file, "next_pid_field") == 12, "pid");
	CHECK(!strcmp(str(create_file, "next_comm_field"), "a very long nam"),
	      "comm: %s", str(create_file, "next_comm_field"));
	CHECK(!strcmp(str(create_file, "dyn_string_field"), "a dynamic string"),
	      "dynamic string");
	CHECK(stack(create_file, "stack_field", &ips) == 3, "stack length");
	CHECK(ips && ips[0] == stack_vals[1] && ips[2] == stack_vals[3],
	      "stack entries");
	CHECK(num(create_file, "small") == 0xff, "u8");
	/* Piecewise tracing needs a fixed size. */
	CHECK(synth_event_trace_start(create_file, &state) == -EINVAL,
	      "piecewise with a dynamic field");
	CHECK(synth_event_trace_end(&state) == -EINVAL, "end");
	CHECK(take_records() == 0, "recorded a refused trace");
}

/* 7.2.2: piecewise, by position and by name, and the refusals. */
static void test_piecewise(void)
{
	struct synth_event_trace_state st;
	int i;

	if (!gen_file)
		return;
	take_records();
	CHECK(!synth_event_trace_start(gen_file, &st), "start");
	CHECK(!synth_event_add_next_val(777, &st), "next");
	CHECK(!synth_event_add_next_val((u64)(uintptr_t)"slinky", &st), "next");
	CHECK(!synth_event_add_next_val(1000000, &st), "next");
	CHECK(!synth_event_add_next_val(1000, &st), "next");
	CHECK(!synth_event_add_next_val(1, &st), "next");
	CHECK(!synth_event_add_next_val((u64)(uintptr_t)"thneed_2.01", &st),
	      "next");
	CHECK(!synth_event_add_next_val(395, &st), "next");
	CHECK(synth_event_add_val("ts_ns", 1, &st) == -EINVAL, "mixed styles");
	CHECK(!synth_event_trace_end(&st), "end");
	CHECK(take_records() == 1, "no record");
	CHECK(!strcmp(str(gen_file, "next_comm_field"), "slinky"), "comm");
	CHECK(!strcmp(str(gen_file, "my_string_field"), "thneed_2.01"),
	      "string");
	CHECK(num(gen_file, "my_int_field") == 395, "int");

	CHECK(!synth_event_trace_start(gen_file, &st), "start");
	CHECK(!synth_event_add_val("my_int_field", 3999, &st), "val");
	CHECK(synth_event_add_val("no_such_field", 5, &st) == -EINVAL,
	      "unknown field");
	CHECK(synth_event_add_next_val(1, &st) == -EINVAL, "mixed styles");
	CHECK(!synth_event_add_val("next_pid_field", 777, &st), "val");
	CHECK(!synth_event_add_val("next_comm_field",
				   (u64)(uintptr_t)"silly putty", &st), "val");
	CHECK(!synth_event_add_val("ts_ns", 1000000, &st), "val");
	CHECK(!synth_event_add_val("ts_ms", 1000, &st), "val");
	CHECK(!synth_event_add_val("cpu", 2, &st), "val");
	CHECK(!synth_event_add_val("my_string_field",
				   (u64)(uintptr_t)"thneed_9", &st), "val");
	CHECK(!synth_event_trace_end(&st), "end");
	CHECK(take_records() == 1, "no record");
	CHECK(num(gen_file, "my_int_field") == 3999, "int");
	CHECK(!strcmp(str(gen_file, "next_comm_field"), "silly putty"),
	      "comm");
	CHECK(num(gen_file, "cpu") == 2, "cpu");

	/* Too few by name, too few and too many by position. */
	CHECK(!synth_event_trace_start(gen_file, &st), "start");
	CHECK(!synth_event_add_val("cpu", 2, &st), "val");
	CHECK(synth_event_trace_end(&st) == -EINVAL, "too few by name");
	CHECK(!synth_event_trace_start(gen_file, &st), "start");
	CHECK(!synth_event_add_next_val(1, &st), "next");
	CHECK(synth_event_trace_end(&st) == -EINVAL, "too few by position");
	CHECK(!synth_event_trace_start(gen_file, &st), "start");
	for (i = 0; i < 7; i++)
		synth_event_add_next_val(0, &st);
	CHECK(synth_event_add_next_val(1, &st) == -EINVAL, "8th value");
	CHECK(synth_event_trace_end(&st) == -EINVAL, "too many");
	CHECK(take_records() == 0, "recorded a refused trace");
}

/* Disabled events record nothing and are not an error; enabled ones
 * cannot be deleted.
 */
static void test_disabled(void)
{
	struct synth_event_trace_state st;

	if (!gen_file)
		return;
	CHECK(synth_event_delete("gen_synth_test") == -EBUSY,
	      "deleted while enabled");
	CHECK(!trace_array_set_clr_event(tr, "synthetic", "gen_synth_test",
					 false), "disable");
	take_records();
	CHECK(!synth_event_trace(gen_file, 7, (u64)1, (u64)0, (u64)1, (u64)1,
				 (u64)1, (u64)0, (u64)1), "trace disabled");
	CHECK(!synth_event_trace_start(gen_file, &st), "start disabled");
	CHECK(synth_event_add_val("nope", 1, &st) == -EINVAL, "unknown field");
	CHECK(synth_event_trace_end(&st) == -EINVAL, "nothing set");
	CHECK(take_records() == 0, "recorded while disabled");
	/* Held by trace_get_event_file(): still in use. */
	CHECK(synth_event_delete("gen_synth_test") == -EBUSY,
	      "deleted while held");
}

/*
 * One create_synth_test event in the top-level buffer, with a stack of
 * three known functions, for tools to read (trace-cmd in the guest tests).
 */
static void trace_in_top(void)
{
	struct trace_event_file *file;
	unsigned long st[] = { 3, (unsigned long)synth_event_trace,
			       (unsigned long)synth_event_create,
			       (unsigned long)kfree };
	u64 vals[6];

	file = trace_get_event_file(NULL, "synthetic", "create_synth_test");
	CHECK(!IS_ERR(file), "no top-level file");
	if (IS_ERR(file))
		return;
	vals[0] = current->pid;
	vals[1] = (u64)(uintptr_t)current->comm;
	vals[2] = 4242;
	vals[3] = (u64)(uintptr_t)"a dynamic string";
	vals[4] = (u64)(uintptr_t)st;
	vals[5] = 7;
	CHECK(!trace_array_set_clr_event(file->tr, "synthetic",
					 "create_synth_test", true), "enable");
	CHECK(!synth_event_trace_array(file, vals, ARRAY_SIZE(vals)), "trace");
	trace_array_set_clr_event(file->tr, "synthetic", "create_synth_test",
				  false);
	trace_put_event_file(file);
}

static void put_files(void)
{
	struct trace_event_file **files[] = {
		&gen_file, &empty_file, &create_file };
	int i;

	for (i = 0; i < ARRAY_SIZE(files); i++) {
		if (!*files[i])
			continue;
		trace_array_set_clr_event((*files[i])->tr, "synthetic",
					  trace_event_name((*files[i])->event_call),
					  false);
		trace_put_event_file(*files[i]);
		*files[i] = NULL;
	}
}

static void delete_events(void)
{
	static const char *const names[] = {
		"gen_synth_test", "empty_synth_test", "create_synth_test" };
	int i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		synth_event_delete(names[i]);
}

static void remove_instance(void)
{
	kfree(record);
	record = NULL;
	if (!tr)
		return;
	trace_array_put(tr);
	trace_array_destroy(tr);
	tr = NULL;
}

static int __init synth_event_gen_test_init(void)
{
	tr = trace_array_get_by_name(INSTANCE, NULL);
	if (!tr)
		return -ENOMEM;
	test_gen_synth_cmd();
	test_empty_synth_event();
	test_create_synth_event();
	test_piecewise();
	test_disabled();
	/* Leave the events disabled: an enabled one pins this module. */
	put_files();
	if (top_trace)
		trace_in_top();
	if (fail_init) {
		trace_set_clr_event("synthetic", "create_synth_test", 1);
		remove_instance();
		return -EAGAIN;
	}
	if (failures) {
		pr_err("synth_event_gen_test: %d checks failed\n", failures);
		delete_events();
		remove_instance();
		return -EINVAL;
	}
	pr_info("synth_event_gen_test: all checks passed\n");
	return 0;
}

static void __exit synth_event_gen_test_exit(void)
{
	delete_events();
	remove_instance();
}

module_init(synth_event_gen_test_init);
module_exit(synth_event_gen_test_exit);

MODULE_DESCRIPTION("Checks of the in-kernel synthetic event API");
MODULE_LICENSE("GPL");
