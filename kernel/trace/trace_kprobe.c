// SPDX-License-Identifier: GPL-2.0
/*
 * trace_kprobe.c - kprobe and kretprobe events: kprobe_events,
 * kprobe_profile, and their part of dynamic_events.
 *
 *	p[:[GRP/][EVENT]] [MOD:]SYM[+offs]|MEMADDR [FETCHARGS]
 *	r[MAXACTIVE][:[GRP/][EVENT]] [MOD:]SYM[+0] [FETCHARGS]
 *	p[:[GRP/][EVENT]] [MOD:]SYM%return [FETCHARGS]	(a return probe)
 *	-:[GRP/]EVENT
 *
 * Each definition registers a kprobe (or kretprobe), disarmed, and joins
 * or creates the event GRP/EVENT (default group "kprobes", default name
 * p_<place> or r_<place>).  Enabling the event in any instance, or
 * opening a perf event on it, arms every kprobe that feeds it.  A probe
 * on "MOD:SYM" whose module is not loaded waits: it is registered when
 * the module comes; when the module goes, kprobes marks it gone, and the
 * event stays.
 *
 * The kprobe handlers count the hit (kprobe_profile) and write the record
 * through trace_probe.c, for the instances and for perf.  perf's kprobe
 * PMU gets probes of its own, in no list (perf_kprobe_init()).  A return
 * probe that reads $argN saves the first PROBE_ENTRY_ARGS_MAX arguments
 * at the entry, in the kretprobe instance.
 *
 * Locking: dyn_event_mutex for the probes; trace_mutex inside it for the
 * events and for arming (reg()); kprobe_mutex (kernel/kprobes.c) inside
 * both.  A probe joins an event, and is armed if the event is in use,
 * under trace_mutex: one step against reg(), which arms and disarms the
 * event's probes under it.  The handlers take no lock.
 */

#include <linux/ctype.h>
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include "trace_array.h"
#include "trace_event_types.h"
#include "trace_kprobe.h"
#include "trace_perf.h"

static struct dyn_event_operations kprobe_dyn_ops;

static struct trace_kprobe *to_tk(struct dyn_event *ev)
{
	if (ev->ops != &kprobe_dyn_ops)
		return NULL;
	return container_of(ev, struct trace_kprobe, tp.devent);
}

static bool tk_is_return(const struct trace_kprobe *tk)
{
	return tk->rp.handler != NULL;
}

static unsigned long tk_nhit(const struct trace_kprobe *tk)
{
	unsigned long n = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		n += *per_cpu_ptr(tk->nhit, cpu);
	return n;
}

/* ---- the handlers */

static int kprobe_hit(struct kprobe *kp, struct pt_regs *regs)
{
	struct trace_kprobe *tk = container_of(kp, struct trace_kprobe, rp.kp);
	struct probe_fetch_ctx ctx = { .regs = regs };
	unsigned long head = (unsigned long)kp->addr;

	raw_cpu_inc(*tk->nhit);
	/* perf first: nothing is live across the last call. */
	if (unlikely(probe_event_perf(tk->tp.event)))
		probe_perf_record(&tk->tp, &ctx, &head, regs);
	probe_record(&tk->tp, &ctx, &head);
	return 0;
}
NOKPROBE_SYMBOL(kprobe_hit);

static int kretprobe_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct kretprobe *rp = get_kretprobe(ri);
	unsigned long *saved = (unsigned long *)ri->data;
	int i, n;

	if (unlikely(!rp))
		return 0;
	/* The data holds the arguments the probe reads, $arg1 up. */
	n = rp->data_size / sizeof(long);
	for (i = 0; i < n; i++)
		saved[i] = regs_get_kernel_argument(regs, i);
	return 0;
}
NOKPROBE_SYMBOL(kretprobe_entry);

static int kretprobe_hit(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct kretprobe *rp = get_kretprobe(ri);
	struct trace_kprobe *tk;
	struct probe_fetch_ctx ctx = { .regs = regs };
	unsigned long head[2] __uninitialized;

	if (unlikely(!rp))
		return 0;
	tk = container_of(rp, struct trace_kprobe, rp);
	if (rp->data_size)
		ctx.eargs = (unsigned long *)ri->data;
	head[0] = (unsigned long)rp->kp.addr;
	head[1] = get_kretprobe_retaddr(ri);
	raw_cpu_inc(*tk->nhit);
	if (unlikely(probe_event_perf(tk->tp.event)))
		probe_perf_record(&tk->tp, &ctx, head, regs);
	probe_record(&tk->tp, &ctx, head);
	return 0;
}
NOKPROBE_SYMBOL(kretprobe_hit);

/* ---- registration with kprobes */

/*
 * Registered armed or not: a new probe is registered disarmed, and armed
 * when it joins an event in use (kprobe_create()) or when the event is
 * enabled; one registered again (its module came back) is armed if its
 * event is in use.
 */
static int tk_register(struct trace_kprobe *tk, bool armed)
{
	int ret;

	if (tk->registered)
		return 0;
	/* kprobes fills these in; start again from the definition. */
	tk->rp.kp.addr = tk->symbol ? NULL : (kprobe_opcode_t *)tk->addr;
	tk->rp.kp.symbol_name = tk->symbol;
	tk->rp.kp.offset = tk->offset;
	tk->rp.kp.flags = armed ? 0 : KPROBE_FLAG_DISABLED;
	if (tk_is_return(tk))
		ret = register_kretprobe(&tk->rp);
	else
		ret = register_kprobe(&tk->rp.kp);
	if (!ret)
		tk->registered = true;
	return ret;
}

static void tk_unregister(struct trace_kprobe *tk)
{
	if (!tk->registered)
		return;
	if (tk_is_return(tk))
		unregister_kretprobe(&tk->rp);
	else
		unregister_kprobe(&tk->rp.kp);
	tk->registered = false;
	/* Forget what kprobes resolved, for the next registration. */
	INIT_HLIST_NODE(&tk->rp.kp.hlist);
	INIT_LIST_HEAD(&tk->rp.kp.list);
}

static void tk_arm(struct trace_kprobe *tk, bool on)
{
	if (!tk->registered)
		return;
	if (on)
		enable_kprobe(&tk->rp.kp);
	else
		disable_kprobe(&tk->rp.kp);
}

/* Context: trace_mutex held. */
static void tk_arm_all(struct trace_probe_event *pe, bool on)
{
	struct trace_probe *tp;

	lockdep_assert_held(&trace_mutex);
	list_for_each_entry(tp, &pe->probes, list)
		tk_arm(container_of(tp, struct trace_kprobe, tp), on);
}

/*
 * The event's reg(): arm its probes while some instance records it or
 * perf events are open on it (TP_FLAG_PROFILE).
 */
static int kprobe_event_reg(struct trace_event_call *call,
			    enum trace_reg type, void *data)
{
	struct trace_probe_event *pe =
		container_of(call, struct trace_probe_event, call);
	bool first;
	int ret;

	if (trace_reg_perf_noop(type))
		return 0;
	first = !probe_event_active(pe);
	switch (type) {
	case TRACE_REG_REGISTER:
		ret = event_file_link(&pe->files, data);
		if (ret)
			return ret;
		break;
	case TRACE_REG_UNREGISTER:
		event_file_unlink(&pe->files, data);
		break;
#ifdef CONFIG_PERF_EVENTS
	case TRACE_REG_PERF_REGISTER:
		WRITE_ONCE(pe->flags, pe->flags | TP_FLAG_PROFILE);
		break;
	case TRACE_REG_PERF_UNREGISTER:
		WRITE_ONCE(pe->flags, pe->flags & ~TP_FLAG_PROFILE);
		break;
#endif
	default:
		return -EOPNOTSUPP;
	}
	if (first != !probe_event_active(pe))
		tk_arm_all(pe, first);
	return 0;
}

static void tk_free(struct trace_kprobe *tk)
{
	if (!tk)
		return;
	probe_args_free(tk->tp.args, tk->tp.nr_args);
	free_percpu(tk->nhit);
	kfree(tk->symbol);
	kfree(tk);
}

/* ---- parsing a definition */

/* "[MOD:]SYM[+offs][%return]" or an address. */
static int parse_place(struct trace_kprobe *tk, const char *place, int pos,
		       bool *is_return, struct probe_perr *err)
{
	char *buf, *suffix, *plus, *colon;
	unsigned long off = 0;
	int ret = -EINVAL;

	err->pos = pos;
	err->code = PERR_BAD_PROBE_ADDR;
	if (isdigit(place[0])) {
		if (kstrtoul(place, 0, &tk->addr) || !tk->addr)
			return -EINVAL;
		return 0;
	}
	buf = kstrdup(place, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	suffix = strchr(buf, '%');
	if (suffix) {
		if (strcmp(suffix, "%return")) {
			err->code = PERR_BAD_ADDR_SUFFIX;
			err->pos = pos + (suffix - buf);
			goto out;
		}
		*suffix = '\0';
		*is_return = true;
	}
	plus = strpbrk(buf, "+-");
	if (plus) {
		if (*plus == '-' || kstrtoul(plus + 1, 0, &off))
			goto out;
		*plus = '\0';
	}
	colon = strchr(buf, ':');
	if (!buf[0] || (colon && (colon == buf || !colon[1])))
		goto out;
	if (*is_return && off) {
		err->code = PERR_BAD_RETPROBE;
		goto out;
	}
	tk->offset = off;
	tk->symbol = buf;
	tk->mod_len = colon ? colon - buf : 0;
	return 0;
out:
	kfree(buf);
	return ret;
}

static int count_match(void *data, unsigned long addr)
{
	(*(int *)data)++;
	return 0;
}

/* Check the symbol: it must exist (unless its module is away) and be one. */
static int check_symbol(struct trace_kprobe *tk, struct probe_perr *err)
{
	int n = 0;

	if (!tk->symbol)
		return 0;
	if (tk->mod_len) {
		char mod[MODULE_NAME_LEN];
		bool loaded;

		if (tk->mod_len >= MODULE_NAME_LEN)
			return -EINVAL;
		memcpy(mod, tk->symbol, tk->mod_len);
		mod[tk->mod_len] = '\0';
		rcu_read_lock_sched();
		loaded = find_module(mod);
		rcu_read_unlock_sched();
		if (!loaded)
			return 0;	/* registered when it comes */
		if (!kallsyms_lookup_name(tk->symbol))
			return -ENOENT;
		return 0;
	}
	kallsyms_on_each_match_symbol(count_match, tk->symbol, &n);
	if (n > 1) {
		err->code = PERR_NON_UNIQ_SYMBOL;
		return -EADDRNOTAVAIL;
	}
	if (!n && !kallsyms_lookup_name(tk->symbol))
		return -ENOENT;
	return 0;
}

/* The default event name: p_<sym>_<offs>, r_<sym>_<offs>, p_0x<addr>. */
static char *default_event_name(const struct trace_kprobe *tk)
{
	char c = tk_is_return(tk) ? 'r' : 'p', *name, *p;

	if (!tk->symbol)
		return kasprintf(GFP_KERNEL, "%c_0x%lx", c, tk->addr);
	name = kasprintf(GFP_KERNEL, "%c_%s_%u", c, tk->symbol, tk->offset);
	for (p = name; p && *p; p++)
		if (!isalnum(*p) && *p != '_')
			*p = '_';
	return name;
}

/* Whether @tk is already defined, at the same place with the same args. */
static bool same_probe(struct trace_probe_event *pe, struct trace_kprobe *tk)
{
	struct trace_probe *tp;
	int i;

	list_for_each_entry(tp, &pe->probes, list) {
		struct trace_kprobe *o = container_of(tp, struct trace_kprobe, tp);

		if (o->addr != tk->addr || o->offset != tk->offset ||
		    !o->symbol != !tk->symbol ||
		    (o->symbol && strcmp(o->symbol, tk->symbol)) ||
		    o->tp.nr_args != tk->tp.nr_args)
			continue;
		for (i = 0; i < tk->tp.nr_args; i++)
			if (strcmp(o->tp.args[i].text, tk->tp.args[i].text) ||
			    strcmp(o->tp.args[i].name, tk->tp.args[i].name))
				break;
		if (i == tk->tp.nr_args)
			return true;
	}
	return false;
}

static int reg_err_code(int ret)
{
	switch (ret) {
	case -EILSEQ:
		return PERR_BAD_INSN_BNDRY;
	case -ENOENT:
		return PERR_BAD_PROBE_ADDR;
	default:
		return PERR_FAIL_REG_PROBE;
	}
}

/* How many arguments a return probe reads ($argN: N), saved at the entry. */
static int tk_entry_args(const struct trace_kprobe *tk)
{
	const struct fetch_step *st;
	int i, n = 0;

	for (i = 0; i < tk->tp.nr_args; i++)
		for (st = tk->tp.args[i].code; st->op != FOP_END; st++)
			if (st->op == FOP_EARG)
				n = max_t(int, n, st->param + 1);
	return n;
}

/* "rN": the maxactive of a return probe. */
static int parse_maxactive(const char *p, bool is_return, unsigned long *max,
			   struct probe_perr *err)
{
	err->pos = 1;
	if (!*p)
		return 0;
	if (!is_return)
		err->code = PERR_BAD_MAXACT_TYPE;
	else if (kstrtoul(p, 0, max) || !*max)
		err->code = PERR_BAD_MAXACT;
	else if (*max > PROBE_MAXACT_MAX)
		err->code = PERR_MAXACT_TOO_BIG;
	else
		return 0;
	return -EINVAL;
}

/* Whether @tk may feed the event @pe exists as, or why not. */
static int check_multiprobe(struct trace_probe_event *pe,
			    struct trace_kprobe *tk, bool is_return,
			    const struct probe_cmd *pc, struct probe_perr *err)
{
	int i;

	err->pos = 0;
	/* Only then are its probes trace_kprobes. */
	if (pe->class.reg != kprobe_event_reg || pe->is_return != is_return) {
		err->code = PERR_DIFF_PROBE_TYPE;
		return -EINVAL;
	}
	if (same_probe(pe, tk)) {
		err->code = PERR_SAME_PROBE;
		return -EINVAL;
	}
	i = probe_fields_diff(pe->fields, pe->nr_fields, tk->tp.args,
			      tk->tp.nr_args);
	if (i < 0)
		return 0;
	err->code = PERR_DIFF_ARG_TYPE;
	err->pos = i + 2 < pc->argc ? pc->pos[i + 2] : pc->pos[pc->argc - 1];
	return -EINVAL;
}

/* The hit counters and handlers, once the arguments are set. */
static int tk_init_handlers(struct trace_kprobe *tk, bool is_return,
			    unsigned long maxact)
{
	int nr_saved;

	tk->nhit = alloc_percpu(unsigned long);
	if (!tk->nhit)
		return -ENOMEM;
	if (!is_return) {
		tk->rp.kp.pre_handler = kprobe_hit;
		return 0;
	}
	tk->rp.handler = kretprobe_hit;
	tk->rp.maxactive = maxact;
	tk->maxactive = maxact;
	nr_saved = tk_entry_args(tk);
	if (nr_saved) {
		tk->rp.entry_handler = kretprobe_entry;
		tk->rp.data_size = nr_saved * sizeof(long);
	}
	return 0;
}

/* Everything but the event: place, arguments, handlers.  Logs nothing. */
static int kprobe_build(struct trace_kprobe *tk, const struct probe_cmd *pc,
			bool *is_return, struct probe_perr *err)
{
	struct probe_parse_ctx pctx = { .flags = PCTX_KPROBE };
	unsigned long maxact = 0;
	struct probe_arg *args;
	int ret;

	ret = parse_maxactive(pc->argv[0] + 1, *is_return, &maxact, err);
	ret = ret ?: parse_place(tk, pc->argv[1], pc->pos[1], is_return, err);
	if (ret)
		return ret;
	if (maxact && !*is_return) {
		err->code = PERR_BAD_MAXACT_TYPE;
		err->pos = 1;
		return -EINVAL;
	}
	ret = check_symbol(tk, err);
	if (ret) {
		err->pos = pc->pos[1];
		if (err->code == PERR_NON_UNIQ_SYMBOL)
			return ret;
		err->code = PERR_BAD_PROBE_ADDR;
		return -EINVAL;
	}
	pctx.flags |= *is_return ? PCTX_RETURN : 0;
	if (tk->symbol && !tk->offset)
		pctx.flags |= PCTX_FUNC_ENTRY;
	ret = probe_parse_args(pc->argc - 2, pc->argv + 2, pc->pos + 2,
			       &args, &pctx, sizeof(struct trace_entry) +
			       (*is_return ? 2 : 1) * sizeof(long), err);
	if (ret < 0)
		return ret;
	probe_set_args(&tk->tp, args, pc->argc - 2);
	return tk_init_handlers(tk, *is_return, maxact);
}

/* Parse and create; errors are logged.  dyn_event_mutex held. */
static int kprobe_create(const char *cmd)
{
	struct probe_perr err = { .pos = 0 };
	char *name = NULL, *grp = NULL, *dname;
	bool is_return = cmd[0] == 'r';
	struct trace_probe_event *pe;
	struct trace_kprobe *tk;
	struct probe_cmd *pc;
	int ret;

	if (cmd[0] != 'p' && cmd[0] != 'r')
		return -ECANCELED;
	pc = probe_cmd_parse(cmd, strlen(cmd), PERR_BAD_PROBE_ADDR, &err);
	if (IS_ERR(pc)) {
		ret = PTR_ERR(pc);
		pc = NULL;
		tk = NULL;
		goto log;
	}
	tk = kzalloc(sizeof(*tk), GFP_KERNEL);
	if (!tk) {
		ret = -ENOMEM;
		goto fail;
	}
	ret = kprobe_build(tk, pc, &is_return, &err);
	if (ret)
		goto log;
	dname = default_event_name(tk);
	ret = dname ? probe_cmd_names(pc, &grp, &name, KPROBE_GROUP, dname) :
		      -ENOMEM;
	kfree(dname);
	if (ret)
		goto fail;
	pe = probe_event_find(grp, name);
	ret = pe ? check_multiprobe(pe, tk, is_return, pc, &err) : 0;
	if (ret)
		goto log;
	ret = tk_register(tk, false);
	/* A module probe may wait for its module. */
	if (ret == -ENOENT && tk->mod_len && !kallsyms_lookup_name(tk->symbol))
		ret = 0;
	if (ret) {
		err.code = reg_err_code(ret);
		err.pos = pc->pos[1];
		if (ret != -ENOMEM)
			ret = -EINVAL;
		goto log;
	}
	if (pe) {
		mutex_lock(&trace_mutex);
		__probe_event_join(&tk->tp, pe);
		/* Joining an event in use: arm at once. */
		if (probe_event_active(pe))
			tk_arm(tk, true);
		mutex_unlock(&trace_mutex);
	} else {
		struct probe_event_spec spec = {
			.group = grp, .event = name, .is_return = is_return,
			.head_size = (is_return ? 2 : 1) * sizeof(long),
			.reg = kprobe_event_reg, .flags = TRACE_EVENT_FL_KPROBE,
		};

		ret = probe_event_create(&tk->tp, &spec, &err);
		if (ret) {
			tk_unregister(tk);
			err.pos = pc->name_pos;
			goto log;
		}
	}
	dyn_event_add(&tk->tp.devent, &kprobe_dyn_ops);
	tk = NULL;
	goto out;
log:
	if (ret == -EINVAL || ret == -EEXIST || ret == -EADDRNOTAVAIL)
		tracing_log_err(NULL, "trace_kprobe", cmd, probe_errs, err.code,
				err.pos);
fail:
	tk_free(tk);
out:
	kfree(name);
	kfree(grp);
	probe_cmd_free(pc);
	return ret;
}

/* ---- dynamic event operations */

static int kprobe_dyn_show(struct seq_file *m, struct dyn_event *ev)
{
	struct trace_kprobe *tk = to_tk(ev);
	struct trace_probe_event *pe = tk->tp.event;

	seq_putc(m, tk_is_return(tk) ? 'r' : 'p');
	if (tk_is_return(tk) && tk->maxactive)
		seq_printf(m, "%d", tk->maxactive);
	seq_printf(m, ":%s/%s", pe->class.system, pe->call.name);
	if (!tk->symbol)
		seq_printf(m, " 0x%lx", tk->addr);
	else if (tk->offset)
		seq_printf(m, " %s+%u", tk->symbol, tk->offset);
	else
		seq_printf(m, " %s", tk->symbol);
	probe_show_args(m, tk->tp.args, tk->tp.nr_args);
	return 0;
}

/* Context: dyn_event_mutex and trace_mutex held. */
static bool kprobe_dyn_is_busy(struct dyn_event *ev)
{
	return probe_event_busy(to_tk(ev)->tp.event);
}

/* Context: dyn_event_mutex and trace_mutex held; the event is idle. */
static int kprobe_dyn_free(struct dyn_event *ev)
{
	struct trace_kprobe *tk = to_tk(ev);

	tk_unregister(tk);
	probe_event_detach(&tk->tp);
	tk_free(tk);
	return 0;
}

/* Whether @word is @tk's place as kprobe_events lists it. */
static bool place_matches(const struct trace_kprobe *tk, const char *word)
{
	char num[24];
	size_t n;

	if (!tk->symbol) {
		snprintf(num, sizeof(num), "0x%lx", tk->addr);
		return !strcmp(word, num);
	}
	n = strlen(tk->symbol);
	if (strncmp(word, tk->symbol, n))
		return false;
	if (!tk->offset)
		return !word[n];
	snprintf(num, sizeof(num), "+%u", tk->offset);
	return !strcmp(word + n, num);
}

static bool kprobe_dyn_match(struct dyn_event *ev, char kind,
			     const char *system, const char *event, int argc,
			     const char **argv)
{
	struct trace_kprobe *tk = to_tk(ev);
	struct trace_probe_event *pe = tk->tp.event;

	if ((kind && kind != 'p' && kind != 'r') ||
	    (event && strcmp(pe->call.name, event)) ||
	    (system && strcmp(pe->class.system, system)))
		return false;
	if (!argc)
		return true;
	if (!place_matches(tk, argv[0]))
		return false;
	return probe_match_args(&tk->tp, argc - 1, argv + 1);
}

static struct dyn_event_operations kprobe_dyn_ops = {
	.create		= kprobe_create,
	.show		= kprobe_dyn_show,
	.is_busy	= kprobe_dyn_is_busy,
	.free		= kprobe_dyn_free,
	.match		= kprobe_dyn_match,
};

/**
 * trace_kprobe_run_command() - create or remove kprobe events, one line
 * @line: a kprobe_events line
 *
 * Context: process context; takes dyn_event_mutex.
 * Return: 0 or a negative error; refusals are logged.
 */
int trace_kprobe_run_command(const char *line)
{
	char *buf, *p, *word, *name, *grp = NULL, *slash;
	const char **argv;
	int argc = 0, ret;

	if (line[0] != '-') {
		mutex_lock(&dyn_event_mutex);
		ret = kprobe_create(line);
		mutex_unlock(&dyn_event_mutex);
		return ret == -ECANCELED ? -EINVAL : ret;
	}
	/* "-:[GRP/]EVENT [place [args...]]": the probes that match. */
	if (line[1] != ':')
		return -EINVAL;
	buf = kstrdup(line + 2, GFP_KERNEL);
	argv = kcalloc(strlen(line) / 2 + 1, sizeof(*argv), GFP_KERNEL);
	ret = -ENOMEM;
	if (!buf || !argv)
		goto out;
	p = buf;
	name = strsep(&p, " \t");
	while (p && (word = strsep(&p, " \t")) != NULL)
		if (*word)
			argv[argc++] = word;
	slash = strchr(name, '/');
	if (slash) {
		*slash = '\0';
		grp = name;
		name = slash + 1;
	}
	ret = -EINVAL;
	if (!*name || (grp && !*grp))
		goto out;
	mutex_lock(&dyn_event_mutex);
	ret = dyn_events_remove_match(&kprobe_dyn_ops, 0, grp, name, argc,
				      argv);
	mutex_unlock(&dyn_event_mutex);
out:
	kfree(argv);
	kfree(buf);
	return ret;
}

/* ---- kprobe_events and kprobe_profile */

static int kprobe_seq_show(struct seq_file *m, void *v)
{
	struct dyn_event *ev = list_entry(v, struct dyn_event, list);

	if (to_tk(ev)) {
		kprobe_dyn_show(m, ev);
		seq_putc(m, '\n');
	}
	return 0;
}

static const struct seq_operations kprobe_seq_ops = {
	.start	= dyn_event_seq_start,
	.next	= dyn_event_seq_next,
	.stop	= dyn_event_seq_stop,
	.show	= kprobe_seq_show,
};

static int kprobe_events_open(struct inode *inode, struct file *filp)
{
	int ret;

	if ((filp->f_mode & FMODE_WRITE) && (filp->f_flags & O_TRUNC)) {
		ret = dyn_events_release_all(&kprobe_dyn_ops);
		if (ret)
			return ret;
	}
	return seq_open(filp, &kprobe_seq_ops);
}

static ssize_t kprobe_events_write(struct file *filp, const char __user *ubuf,
				   size_t cnt, loff_t *ppos)
{
	return dyn_event_write_lines(ubuf, cnt, ppos, trace_kprobe_run_command);
}

static const struct file_operations kprobe_events_fops = {
	.open		= kprobe_events_open,
	.read		= seq_read,
	.write		= kprobe_events_write,
	.llseek		= seq_lseek,
	.release	= seq_release,
};

static int kprobe_profile_show(struct seq_file *m, void *v)
{
	struct dyn_event *ev = list_entry(v, struct dyn_event, list);
	struct trace_kprobe *tk = to_tk(ev);
	unsigned long missed;

	if (!tk)
		return 0;
	missed = tk->rp.kp.nmissed + (tk_is_return(tk) ? tk->rp.nmissed : 0);
	seq_printf(m, "  %-44s %15lu %15lu\n", tk->tp.event->call.name,
		   tk_nhit(tk), missed);
	return 0;
}

static const struct seq_operations kprobe_profile_seq_ops = {
	.start	= dyn_event_seq_start,
	.next	= dyn_event_seq_next,
	.stop	= dyn_event_seq_stop,
	.show	= kprobe_profile_show,
};

static int kprobe_profile_open(struct inode *inode, struct file *filp)
{
	return seq_open(filp, &kprobe_profile_seq_ops);
}

static const struct file_operations kprobe_profile_fops = {
	.open		= kprobe_profile_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= seq_release,
};

static const struct trace_file_spec kprobe_files[] = {
	{ "kprobe_events", TRACE_MODE_WRITE, &kprobe_events_fops,
	  .top_only = true },
	{ "kprobe_profile", TRACE_MODE_READ, &kprobe_profile_fops,
	  .top_only = true },
};

/**
 * trace_kprobe_files_create() - create kprobe_events and kprobe_profile
 * @tr: the instance (only the top level gets them)
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_kprobe_files_create(struct trace_array *tr)
{
	return trace_create_files(tr, tr->dir, kprobe_files,
				  ARRAY_SIZE(kprobe_files), RING_BUFFER_ALL_CPUS);
}

#ifdef CONFIG_PERF_EVENTS
/*
 * ---- perf's kprobe PMU
 *
 * perf_event_open() with the "kprobe" PMU type makes a probe that only its
 * perf event sees: it is in no list (kprobe_events, dynamic_events,
 * events/) and its event has no id.  attr.kprobe_func (config1) names the
 * function and attr.probe_offset (config2) the offset in it; without a
 * function, attr.kprobe_addr (config2) is the address.  The perf core
 * checked CAP_PERFMON and passes PERF_PROBE_CONFIG_IS_RETPROBE as
 * @is_retprobe.  The probe has no arguments: its record is the head.
 */

static struct trace_kprobe *tk_of_call(struct trace_event_call *call)
{
	struct trace_probe_event *pe =
		container_of(call, struct trace_probe_event, call);

	return container_of(list_first_entry(&pe->probes, struct trace_probe,
					     list), struct trace_kprobe, tp);
}

static void tk_local_free(struct trace_kprobe *tk)
{
	/* Waits for running handlers. */
	tk_unregister(tk);
	probe_event_local_free(&tk->tp);
	tk_free(tk);
}

static struct trace_kprobe *tk_local_new(const char *func, unsigned long addr,
					 unsigned long offs, bool is_return)
{
	struct probe_perr err = { .code = PERR_BAD_PROBE_ADDR };
	struct trace_kprobe *tk;
	char *name;
	int ret;

	tk = kzalloc(sizeof(*tk), GFP_KERNEL);
	if (!tk)
		return ERR_PTR(-ENOMEM);
	ret = -ENOMEM;
	if (func) {
		tk->symbol = kstrdup(func, GFP_KERNEL);
		tk->offset = offs;
		if (!tk->symbol)
			goto fail;
	} else {
		tk->addr = addr;
	}
	ret = check_symbol(tk, &err);
	ret = ret ?: tk_init_handlers(tk, is_return, 0);
	if (ret)
		goto fail;
	name = default_event_name(tk);
	if (name) {
		struct probe_event_spec spec = {
			.group = KPROBE_GROUP, .event = name,
			.is_return = is_return,
			.head_size = (is_return ? 2 : 1) * sizeof(long),
			.reg = kprobe_event_reg, .flags = TRACE_EVENT_FL_KPROBE,
		};

		ret = probe_event_local(&tk->tp, &spec);
	} else {
		ret = -ENOMEM;
	}
	kfree(name);
	if (ret)
		goto fail;
	ret = tk_register(tk, false);
	if (ret) {
		probe_event_local_free(&tk->tp);
		goto fail;
	}
	return tk;
fail:
	tk_free(tk);
	return ERR_PTR(ret);
}

/**
 * perf_kprobe_init() - open a perf event on a probe of its own
 * @p_event:     the perf event, of the kprobe PMU
 * @is_retprobe: a return probe
 *
 * Context: process context (perf_event_open()).
 * Return: 0; -E2BIG for a function name longer than KSYM_NAME_LEN;
 * -ENOENT or -EADDRNOTAVAIL (a symbol that is not there, or not unique);
 * kprobes' error (-EINVAL, -EILSEQ...); -EFAULT; -ENOMEM.
 */
int perf_kprobe_init(struct perf_event *p_event, bool is_retprobe)
{
	struct trace_kprobe *tk;
	char *func = NULL;
	int ret;

	if (p_event->attr.kprobe_func) {
		func = strndup_user(u64_to_user_ptr(p_event->attr.kprobe_func),
				    KSYM_NAME_LEN);
		if (IS_ERR(func)) {
			ret = PTR_ERR(func);
			return ret == -EINVAL ? -E2BIG : ret;
		}
		if (!func[0]) {
			kfree(func);
			func = NULL;
		}
	}
	tk = tk_local_new(func, p_event->attr.kprobe_addr,
			  p_event->attr.probe_offset, is_retprobe);
	kfree(func);
	if (IS_ERR(tk))
		return PTR_ERR(tk);
	mutex_lock(&trace_mutex);
	ret = perf_trace_event_attach(&tk->tp.event->call, p_event);
	mutex_unlock(&trace_mutex);
	if (ret)
		tk_local_free(tk);
	return ret;
}

/**
 * perf_kprobe_destroy() - close a perf event made by perf_kprobe_init()
 * @p_event: the perf event
 *
 * Its probe goes with it.
 *
 * Context: process context.
 */
void perf_kprobe_destroy(struct perf_event *p_event)
{
	struct trace_kprobe *tk = tk_of_call(p_event->tp_event);

	mutex_lock(&trace_mutex);
	perf_trace_event_detach(p_event);
	mutex_unlock(&trace_mutex);
	tk_local_free(tk);
}
#endif /* CONFIG_PERF_EVENTS */

/* ---- modules */

static bool tk_in_module(const struct trace_kprobe *tk, const char *mod)
{
	return tk->mod_len && strlen(mod) == tk->mod_len &&
	       !strncmp(tk->symbol, mod, tk->mod_len);
}

static int kprobe_module_notify(struct notifier_block *nb, unsigned long val,
				void *data)
{
	struct module *mod = data;
	struct trace_kprobe *tk;
	struct dyn_event *ev;

	/*
	 * A going module's kprobes are marked gone by kprobes itself; they
	 * are unregistered here when the module comes back, then registered
	 * on the new text.
	 */
	if (val != MODULE_STATE_COMING)
		return NOTIFY_DONE;
	mutex_lock(&dyn_event_mutex);
	mutex_lock(&trace_mutex);
	for_each_dyn_event(ev) {
		tk = to_tk(ev);
		if (!tk || !tk_in_module(tk, mod->name))
			continue;
		tk_unregister(tk);
		if (tk_register(tk, probe_event_active(tk->tp.event)))
			pr_warn("trace_kprobe: cannot probe %s in the module\n",
				tk->symbol);
	}
	mutex_unlock(&trace_mutex);
	mutex_unlock(&dyn_event_mutex);
	return NOTIFY_DONE;
}

static struct notifier_block kprobe_module_nb = {
	.notifier_call	= kprobe_module_notify,
};

static __init int trace_kprobe_init(void)
{
	int ret = dyn_event_register(&kprobe_dyn_ops);

	if (ret)
		return ret;
	return register_module_notifier(&kprobe_module_nb);
}
core_initcall(trace_kprobe_init);
