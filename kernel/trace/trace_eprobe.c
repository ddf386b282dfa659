// SPDX-License-Identifier: GPL-2.0
/*
 * trace_eprobe.c - event probes: an event that fires with another event
 * and records what its fetch arguments read from that event's record.
 *
 *	e[:[GRP/][EVENT]] SYSTEM.EVENT|SYSTEM/EVENT [FETCHARGS] [if FILTER]
 *
 * $FIELD reads a field of the attached event; the rest of the fetch
 * language (dereferences, $comm, immediates, types) works as for kprobes.
 * The default group is "eprobes", the default name the attached event's.
 *
 * Enabling the event probe in an instance puts an internal trigger on the
 * attached event's file of that instance (trace_trigger_attach()); the
 * trigger runs on the attached record, after the optional filter, and
 * writes the probe's record.  The trigger is not listed in the attached
 * event's trigger file.  The attached event is pinned while the probe
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
 * @own:   the probe event's file in the instance
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
	probe_record_file(&link->ep->tp, link->own, &ctx, NULL, &dsize);
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

static int eprobe_link_add(struct trace_eprobe *ep, struct trace_event_file *own)
{
	struct trace_event_file *file;
	struct eprobe_link *link;
	struct event_trigger *t;
	struct filter_error ferr;
	int ret = -ENOMEM;

	file = __trace_find_event_file(own->tr, ep->system, ep->event);
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

/* The event's reg(): one trigger per instance that records it. */
static int eprobe_event_reg(struct trace_event_call *call,
			    enum trace_reg type, void *data)
{
	struct trace_probe_event *pe =
		container_of(call, struct trace_probe_event, call);
	struct trace_probe *tp;

	switch (type) {
	case TRACE_REG_REGISTER:
		list_for_each_entry(tp, &pe->probes, list) {
			struct trace_eprobe *ep =
				container_of(tp, struct trace_eprobe, tp);
			int ret = eprobe_link_add(ep, data);

			if (ret)
				return ret;
		}
		return 0;
	case TRACE_REG_UNREGISTER:
		list_for_each_entry(tp, &pe->probes, list)
			eprobe_link_del(container_of(tp, struct trace_eprobe, tp),
					data);
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}

/* ---- parsing a definition */

static bool find_field(void *data, const char *name,
		       struct probe_field_info *info)
{
	struct ftrace_event_field *f = trace_find_event_field(data, name);

	if (!f)
		return false;
	info->name = f->name;
	info->offset = f->offset;
	info->size = f->size;
	info->is_signed = f->is_signed;
	info->is_dynamic = f->filter_type == FILTER_DYN_STRING;
	info->is_string = info->is_dynamic ||
			  f->filter_type == FILTER_STATIC_STRING;
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

#define EPROBE_WORDS_MAX	(PROBE_ARGS_MAX + 4)

struct eprobe_words {
	const char	*argv[EPROBE_WORDS_MAX];
	int		pos[EPROBE_WORDS_MAX];
};

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

/* Parse and create; errors are logged.  dyn_event_mutex held. */
static int eprobe_create(const char *cmd)
{
	struct probe_parse_ctx pctx = { .flags = PCTX_EPROBE,
					.find_field = find_field };
	struct probe_perr err = { .pos = 0 };
	const char **argv, *group, *event, *ifp;
	char *buf, *name = NULL, *grp = NULL, *colon;
	int *pos, argc, glen, elen, end0, ret, i;
	struct filter_prog *prog = NULL;
	struct eprobe_words *words;
	struct filter_error ferr;
	struct trace_eprobe *ep;

	if (cmd[0] != 'e' || (cmd[1] && cmd[1] != ':' && !isspace(cmd[1])))
		return -ECANCELED;
	ifp = find_if(cmd);
	buf = kstrndup(cmd, ifp ? ifp - cmd : strlen(cmd), GFP_KERNEL);
	ep = kzalloc(sizeof(*ep), GFP_KERNEL);
	words = kmalloc(sizeof(*words), GFP_KERNEL);
	if (!buf || !ep || !words) {
		kfree(buf);
		kfree(ep);
		kfree(words);
		return -ENOMEM;
	}
	INIT_LIST_HEAD(&ep->links);
	argv = words->argv;
	pos = words->pos;
	ret = -EINVAL;
	argc = probe_split_args(buf, argv, pos, EPROBE_WORDS_MAX);
	if (argc < 0) {
		err.code = PERR_TOO_MANY_ARGS;
		goto log;
	}
	if (argc < 2) {
		err.code = PERR_NO_EVENT_INFO;
		err.pos = strlen(cmd);
		goto log;
	}
	end0 = pos[0] + strlen(argv[0]);
	colon = strchr(argv[0], ':');
	group = event = NULL;
	glen = elen = 0;
	if (colon && probe_parse_event_name(cmd, colon + 1 - buf, end0, &group,
					    &glen, &event, &elen, &err))
		goto log;
	ret = attach_event(ep, argv[1], pos[1], &err);
	if (ret == -ENOMEM)
		goto fail;
	if (ret) {
		ret = -EINVAL;
		goto log;
	}
	ret = -EINVAL;
	if (ifp) {
		const char *f = skip_spaces(ifp + 3);

		if (!*f) {
			/* Just after "if " (the line lost its trailing blanks). */
			err.code = PERR_NO_EP_FILTER;
			err.pos = ifp + 4 - cmd;
			goto log;
		}
		ep->filter = kstrdup(f, GFP_KERNEL);
		if (!ep->filter) {
			ret = -ENOMEM;
			goto fail;
		}
		/* Refuse now a filter that would fail when enabled. */
		ret = trace_filter_compile(ep->ecall, f, &prog, &ferr);
		if (ret == -EINVAL)
			trace_filter_log_err(NULL, "event_probe", cmd, f - cmd,
					     &ferr);
		if (ret)
			goto fail;
		kfree(prog);
		ret = -EINVAL;
	}
	/* A bare word is a field name without its '$'. */
	for (i = 2; i < argc; i++) {
		if (!strchr(argv[i], '=') && isalpha(argv[i][0])) {
			err.code = PERR_BAD_ATTACH_ARG;
			err.pos = pos[i];
			goto log;
		}
	}
	pctx.data = ep->ecall;
	mutex_lock(&trace_mutex);
	ret = probe_parse_args(argc - 2, argv + 2, pos + 2, &ep->tp.args,
			       &pctx, sizeof(struct trace_entry), &err);
	mutex_unlock(&trace_mutex);
	if (ret < 0)
		goto log;
	ep->tp.nr_args = argc - 2;
	ret = -ENOMEM;
	grp = kstrndup(group ?: EPROBE_GROUP, group ? glen : strlen(EPROBE_GROUP),
		       GFP_KERNEL);
	name = kstrndup(event ?: ep->event, event ? elen : strlen(ep->event),
			GFP_KERNEL);
	if (!grp || !name)
		goto fail;
	if (probe_event_find(grp, name)) {
		/* One event probe per name: no multiprobe here. */
		err.code = PERR_EVENT_EXIST;
		err.pos = colon ? colon + 1 - buf : 0;
		ret = -EEXIST;
		goto log;
	}
	ret = probe_event_attach(&ep->tp, grp, name, false, 0, eprobe_event_reg,
				 &err);
	if (ret == -EINVAL || ret == -EEXIST) {
		err.pos = colon ? colon + 1 - buf : 0;
		goto log;
	}
	if (ret)
		goto fail;
	/* The trace line shows the attached event: "(system.event)". */
	ep->tp.event->call.data = kasprintf(GFP_KERNEL, "%s.%s", ep->system,
					    ep->event);
	dyn_event_add(&ep->tp.devent, &eprobe_dyn_ops);
	ep = NULL;
	ret = 0;
	goto out;
log:
	tracing_log_err(NULL, "event_probe", cmd, probe_errs, err.code, err.pos);
fail:
	ep_free(ep);
out:
	kfree(name);
	kfree(grp);
	kfree(buf);
	kfree(words);
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
