// SPDX-License-Identifier: GPL-2.0
/*
 * trace_eprobe.c - event probes: an event that fires with another event
 * and records what its fetch arguments read from that event's record.
 *
 *	e[:[GRP/][EVENT]] SYSTEM.EVENT|SYSTEM/EVENT [FETCHARGS] [if FILTER]
 *
 * $FIELD reads a field of the attached event, as C would: a scalar's
 * value, an array's address, the address of a __data_loc or __rel_loc
 * field's data.  A string field (char array, __data_loc or __rel_loc
 * char[]) is recorded as a string by default, and refuses numeric types;
 * "string" on another field reads the string its value points to.  So on
 * raw_syscalls/sys_enter, "+8($args):x64" is the second argument and
 * "+0(+8($args)):ustring" the user string it points to.  The rest of the
 * fetch language (dereferences, $comm, immediates, types) works as for
 * kprobes.  The default group is "eprobes", the default name the attached
 * event's.
 *
 * Enabling the event probe in an instance puts an internal trigger on the
 * attached event's file of that instance (trace_trigger_attach()); the
 * trigger runs on the attached record, after the optional filter, and
 * writes the probe's record.  While perf events are open on the probe
 * event, one more trigger, on the attached event's file of the top-level
 * instance, writes the record for perf.  The triggers are not listed in
 * the attached event's trigger file.  The attached event is pinned while the probe
 * exists.
 *
 * Locking: dyn_event_mutex for the probes; trace_mutex inside it for the
 * events, the links and the triggers.
 */

#include <linux/ctype.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include "trace_array.h"
#include "trace_event_types.h"
#include "trace_filter.h"
#include "trace_perf.h"
#include "trace_probe.h"
#include "trace_trigger.h"

/**
 * struct trace_eprobe - one event probe
 * @tp:     the probe: dynamic event, event, arguments
 * @system: the attached event's system
 * @event:  the attached event's name
 * @ecall:  the attached event, pinned
 * @filter: the filter text after "if", or NULL
 * @links:  the instances that record it (struct eprobe_link), under
 *	    trace_mutex
 */
struct trace_eprobe {
	struct trace_probe		tp;
	char				*system;
	char				*event;
	struct trace_event_call		*ecall;
	char				*filter;
	struct list_head		links;
};

/**
 * struct eprobe_link - the trigger that feeds one instance's file
 * @list:  in trace_eprobe::links
 * @ep:    the probe
 * @own:   the probe event's file in the instance; NULL: feeds perf
 * @file:  the attached event's file there, or NULL once it went
 * @trig:  the trigger on @file, or NULL once it went
 */
struct eprobe_link {
	struct list_head		list;
	struct trace_eprobe		*ep;
	struct trace_event_file		*own;
	struct trace_event_file		*file;
	struct event_trigger		*trig;
};

static struct dyn_event_operations eprobe_dyn_ops;

static struct trace_eprobe *to_ep(struct dyn_event *ev)
{
	if (ev->ops != &eprobe_dyn_ops)
		return NULL;
	return container_of(ev, struct trace_eprobe, tp.devent);
}

/* ---- the trigger on the attached event */

static void eprobe_fire(struct event_trigger *t, void *rec)
{
	struct eprobe_link *link = t->data;
	struct probe_fetch_ctx ctx = { .rec = rec };
	int dsize = -1;

	if (!rec)
		return;
	if (link->own)
		probe_record_file(&link->ep->tp, link->own, &ctx, NULL, &dsize);
	else
		probe_perf_record(&link->ep->tp, &ctx, NULL, NULL);
}

/* The attached event's triggers were cleared (the event is going). */
static void eprobe_unbind(struct event_trigger *t)
{
	struct eprobe_link *link = t->data;

	link->trig = NULL;
	link->file = NULL;
}

static bool eprobe_trig_match(const struct event_trigger *a,
			      const struct event_trigger *b)
{
	return a == b;
}

static void eprobe_trig_print(struct seq_file *m, struct event_trigger *t)
{
}

static const struct trigger_cmd eprobe_trigger_cmd = {
	.name		= "eprobe",
	.type		= ETT_EVENT_EPROBE,
	.needs_rec	= true,
	.fire		= eprobe_fire,
	.unbind		= eprobe_unbind,
	.match		= eprobe_trig_match,
	.print		= eprobe_trig_print,
};

/*
 * Feed @own, the probe event's file in an instance, from the attached
 * event's file of the same instance; or, with @own NULL, feed perf from
 * the attached event's file of the top-level instance.
 */
static int eprobe_link_add(struct trace_eprobe *ep, struct trace_event_file *own)
{
	struct trace_array *tr = own ? own->tr : &global_trace;
	struct trace_event_file *file;
	struct eprobe_link *link;
	struct event_trigger *t;
	struct filter_error ferr;
	int ret = -ENOMEM;

	file = __trace_find_event_file(tr, ep->system, ep->event);
	if (!file)
		return -ENOENT;
	link = kzalloc(sizeof(*link), GFP_KERNEL);
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!link || !t)
		goto fail;
	t->cmd = &eprobe_trigger_cmd;
	t->data = link;
	atomic_long_set(&t->count, TRIGGER_UNLIMITED);
	if (ep->filter) {
		ret = trace_filter_compile(ep->ecall, ep->filter, &t->prog,
					   &ferr);
		if (ret)
			goto fail;
	}
	link->ep = ep;
	link->own = own;
	link->file = file;
	link->trig = t;
	ret = trace_trigger_attach(file, t);
	if (ret)
		goto fail;
	list_add_tail(&link->list, &ep->links);
	return 0;
fail:
	if (t)
		kfree(t->prog);
	kfree(t);
	kfree(link);
	return ret;
}

static void eprobe_link_del(struct trace_eprobe *ep, struct trace_event_file *own)
{
	struct eprobe_link *link;

	list_for_each_entry(link, &ep->links, list) {
		if (link->own != own)
			continue;
		list_del(&link->list);
		if (link->trig)
			trace_trigger_detach(link->file, link->trig);
		kfree(link);
		return;
	}
}

static void eprobe_links_del(struct trace_probe_event *pe,
			     struct trace_event_file *own)
{
	struct trace_probe *tp;

	list_for_each_entry(tp, &pe->probes, list)
		eprobe_link_del(container_of(tp, struct trace_eprobe, tp), own);
}

static int eprobe_links_add(struct trace_probe_event *pe,
			    struct trace_event_file *own)
{
	struct trace_probe *tp;
	int ret;

	list_for_each_entry(tp, &pe->probes, list) {
		ret = eprobe_link_add(container_of(tp, struct trace_eprobe, tp),
				      own);
		if (ret) {
			eprobe_links_del(pe, own);
			return ret;
		}
	}
	return 0;
}

/*
 * The event's reg(): one trigger per instance that records it, and one
 * in the top-level instance, with no file to record into, while perf
 * events are open on it.
 */
static int eprobe_event_reg(struct trace_event_call *call,
			    enum trace_reg type, void *data)
{
	struct trace_probe_event *pe =
		container_of(call, struct trace_probe_event, call);
	int ret __maybe_unused;

	if (trace_reg_perf_noop(type))
		return 0;
	switch (type) {
	case TRACE_REG_REGISTER:
		return eprobe_links_add(pe, data);
	case TRACE_REG_UNREGISTER:
		eprobe_links_del(pe, data);
		return 0;
#ifdef CONFIG_PERF_EVENTS
	case TRACE_REG_PERF_REGISTER:
		ret = eprobe_links_add(pe, NULL);
		if (!ret)
			WRITE_ONCE(pe->flags, pe->flags | TP_FLAG_PROFILE);
		return ret;
	case TRACE_REG_PERF_UNREGISTER:
		WRITE_ONCE(pe->flags, pe->flags & ~TP_FLAG_PROFILE);
		eprobe_links_del(pe, NULL);
		return 0;
#endif
	default:
		return -EOPNOTSUPP;
	}
}

/* ---- parsing a definition */

/*
 * What a field of the attached event is to a fetch argument.  The event
 * layer keeps a fixed array's element type and length apart ("char", 16),
 * and most fields' filter type is FILTER_OTHER: the type and the length
 * tell, as they tell the filter compiler.
 */
static bool find_field(void *data, const char *name,
		       struct probe_field_info *info)
{
	struct ftrace_event_field *f = trace_find_event_field(data, name);
	const char *type;

	if (!f)
		return false;
	type = f->type;
	*info = (struct probe_field_info){ .offset = f->offset, .size = f->size,
					   .is_signed = f->is_signed };
	if (f->filter_type == FILTER_DYN_STRING ||
	    f->filter_type == FILTER_RDYN_STRING ||
	    str_has_prefix(type, "__data_loc") ||
	    str_has_prefix(type, "__rel_loc")) {
		info->loc = f->filter_type == FILTER_RDYN_STRING ||
			    str_has_prefix(type, "__rel_loc") ?
			    PFL_REL_LOC : PFL_DATA_LOC;
		info->is_string = f->filter_type == FILTER_DYN_STRING ||
				  f->filter_type == FILTER_RDYN_STRING ||
				  (f->filter_type == FILTER_OTHER &&
				   strstr(type, "char[]"));
	} else if (f->filter_type == FILTER_STATIC_STRING || f->len ||
		   strchr(type, '[') || f->size > sizeof(u64) ||
		   !is_power_of_2(f->size)) {
		info->loc = PFL_ADDR;
		info->is_string = f->filter_type == FILTER_STATIC_STRING ||
				  strstr(type, "char");
	} else {
		info->loc = PFL_VALUE;
	}
	return true;
}

static void ep_free(struct trace_eprobe *ep)
{
	if (!ep)
		return;
	if (ep->ecall)
		trace_event_put_ref(ep->ecall);
	probe_args_free(ep->tp.args, ep->tp.nr_args);
	kfree(ep->system);
	kfree(ep->event);
	kfree(ep->filter);
	kfree(ep);
}

/* "SYSTEM.EVENT" or "SYSTEM/EVENT": find and pin the event. */
static int attach_event(struct trace_eprobe *ep, const char *place, int pos,
			struct probe_perr *err)
{
	const char *sep = strpbrk(place, "./");
	struct trace_event_file *file;

	err->pos = pos;
	err->code = PERR_NO_EVENT_INFO;
	if (!sep || sep == place || !sep[1])
		return -EINVAL;
	ep->system = kstrndup(place, sep - place, GFP_KERNEL);
	ep->event = kstrdup(sep + 1, GFP_KERNEL);
	if (!ep->system || !ep->event)
		return -ENOMEM;
	err->code = PERR_BAD_ATTACH_EVENT;
	mutex_lock(&trace_mutex);
	file = __trace_find_event_file(&global_trace, ep->system, ep->event);
	if (file && trace_event_try_get_ref(file->event_call))
		ep->ecall = file->event_call;
	mutex_unlock(&trace_mutex);
	return ep->ecall ? 0 : -ENOENT;
}

/* Where " if " starts in @cmd (the filter follows), or NULL. */
static const char *find_if(const char *cmd)
{
	const char *p = cmd;

	while ((p = strstr(p, " if")) != NULL) {
		if (!p[3] || isspace(p[3]))
			return p;
		p += 3;
	}
	return NULL;
}

/* "if FILTER": kept, and compiled once now to refuse a bad one. */
static int parse_filter(struct trace_eprobe *ep, const char *cmd,
			const char *ifp, struct probe_perr *err)
{
	const char *f = skip_spaces(ifp + 3);
	struct filter_prog *prog = NULL;
	struct filter_error ferr;
	int ret;

	if (!*f) {
		/* Just after "if " (the line lost its trailing blanks). */
		err->code = PERR_NO_EP_FILTER;
		err->pos = ifp + 4 - cmd;
		return -EINVAL;
	}
	ep->filter = kstrdup(f, GFP_KERNEL);
	if (!ep->filter)
		return -ENOMEM;
	mutex_lock(&trace_mutex);
	ret = trace_filter_compile(ep->ecall, f, &prog, &ferr);
	mutex_unlock(&trace_mutex);
	if (ret == -EINVAL) {
		/* The filter compiler's own message; nothing more to log. */
		trace_filter_log_err(NULL, "event_probe", cmd, f - cmd, &ferr);
		err->code = PERR_LOGGED;
	}
	kfree(prog);
	return ret;
}

/* Everything but the event: attached event, filter, arguments. */
static int eprobe_build(struct trace_eprobe *ep, const struct probe_cmd *pc,
			const char *cmd, const char *ifp,
			struct probe_perr *err)
{
	struct probe_parse_ctx pctx = { .flags = PCTX_EPROBE,
					.find_field = find_field };
	struct probe_arg *args;
	int i, ret;

	ret = attach_event(ep, pc->argv[1], pc->pos[1], err);
	if (ret)
		return ret == -ENOMEM ? ret : -EINVAL;
	ret = ifp ? parse_filter(ep, cmd, ifp, err) : 0;
	if (ret)
		return ret;
	/* A bare word is a field name without its '$'. */
	for (i = 2; i < pc->argc; i++) {
		if (!strchr(pc->argv[i], '=') && isalpha(pc->argv[i][0])) {
			err->code = PERR_BAD_ATTACH_ARG;
			err->pos = pc->pos[i];
			return -EINVAL;
		}
	}
	pctx.data = ep->ecall;
	mutex_lock(&trace_mutex);
	ret = probe_parse_args(pc->argc - 2, pc->argv + 2, pc->pos + 2,
			       &args, &pctx, sizeof(struct trace_entry), err);
	mutex_unlock(&trace_mutex);
	if (ret < 0)
		return ret;
	probe_set_args(&ep->tp, args, pc->argc - 2);
	return 0;
}

/* Parse and create; errors are logged.  dyn_event_mutex held. */
static int eprobe_create(const char *cmd)
{
	struct probe_perr err = { .pos = 0 };
	char *name = NULL, *grp = NULL, *where;
	struct trace_eprobe *ep = NULL;
	struct probe_event_spec spec;
	struct probe_cmd *pc;
	const char *ifp;
	int ret;

	if (cmd[0] != 'e' || (cmd[1] && cmd[1] != ':' && !isspace(cmd[1])))
		return -ECANCELED;
	ifp = find_if(cmd);
	pc = probe_cmd_parse(cmd, ifp ? ifp - cmd : strlen(cmd),
			     PERR_NO_EVENT_INFO, &err);
	if (IS_ERR(pc)) {
		ret = PTR_ERR(pc);
		pc = NULL;
		goto log;
	}
	ep = kzalloc(sizeof(*ep), GFP_KERNEL);
	if (!ep) {
		ret = -ENOMEM;
		goto fail;
	}
	INIT_LIST_HEAD(&ep->links);
	ret = eprobe_build(ep, pc, cmd, ifp, &err);
	if (ret)
		goto log;
	ret = probe_cmd_names(pc, &grp, &name, EPROBE_GROUP, ep->event);
	if (ret)
		goto fail;
	err.pos = pc->name_pos;
	/* One event probe per name: no multiprobe here. */
	if (probe_event_find(grp, name)) {
		err.code = PERR_EVENT_EXIST;
		ret = -EEXIST;
		goto log;
	}
	/* The trace line shows the attached event: "(system.event)". */
	where = kasprintf(GFP_KERNEL, "%s.%s", ep->system, ep->event);
	if (!where) {
		ret = -ENOMEM;
		goto fail;
	}
	spec = (struct probe_event_spec){ .group = grp, .event = name,
					  .reg = eprobe_event_reg,
					  .where = where };
	ret = probe_event_create(&ep->tp, &spec, &err);
	kfree(where);
	if (ret)
		goto log;
	dyn_event_add(&ep->tp.devent, &eprobe_dyn_ops);
	ep = NULL;
	goto out;
log:
	if ((ret == -EINVAL || ret == -EEXIST) && err.code != PERR_LOGGED)
		tracing_log_err(NULL, "event_probe", cmd, probe_errs, err.code,
				err.pos);
fail:
	ep_free(ep);
out:
	kfree(name);
	kfree(grp);
	probe_cmd_free(pc);
	return ret;
}

/* ---- dynamic event operations */

static int eprobe_dyn_show(struct seq_file *m, struct dyn_event *ev)
{
	struct trace_eprobe *ep = to_ep(ev);
	struct trace_probe_event *pe = ep->tp.event;

	seq_printf(m, "e:%s/%s %s.%s", pe->class.system, pe->call.name,
		   ep->system, ep->event);
	probe_show_args(m, ep->tp.args, ep->tp.nr_args);
	if (ep->filter)
		seq_printf(m, " if %s", ep->filter);
	return 0;
}

/* Context: dyn_event_mutex and trace_mutex held. */
static bool eprobe_dyn_is_busy(struct dyn_event *ev)
{
	return probe_event_busy(to_ep(ev)->tp.event);
}

/* Context: dyn_event_mutex and trace_mutex held; the event is idle. */
static int eprobe_dyn_free(struct dyn_event *ev)
{
	struct trace_eprobe *ep = to_ep(ev);

	probe_event_detach(&ep->tp);
	ep_free(ep);
	return 0;
}

static bool eprobe_dyn_match(struct dyn_event *ev, char kind,
			     const char *system, const char *event, int argc,
			     const char **argv)
{
	struct trace_eprobe *ep = to_ep(ev);
	struct trace_probe_event *pe = ep->tp.event;
	size_t slen = strlen(ep->system);

	if ((kind && kind != 'e') || (event && strcmp(pe->call.name, event)) ||
	    (system && strcmp(pe->class.system, system)))
		return false;
	if (!argc)
		return true;
	if (strncmp(argv[0], ep->system, slen) ||
	    (argv[0][slen] != '.' && argv[0][slen] != '/') ||
	    strcmp(argv[0] + slen + 1, ep->event))
		return false;
	return probe_match_args(&ep->tp, argc - 1, argv + 1);
}

static struct dyn_event_operations eprobe_dyn_ops = {
	.create		= eprobe_create,
	.show		= eprobe_dyn_show,
	.is_busy	= eprobe_dyn_is_busy,
	.free		= eprobe_dyn_free,
	.match		= eprobe_dyn_match,
};

static __init int trace_eprobe_init(void)
{
	return dyn_event_register(&eprobe_dyn_ops);
}
core_initcall(trace_eprobe_init);
