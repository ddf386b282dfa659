/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_dynevent.h - events defined at run time: the command builder
 * (struct dynevent_cmd is public, in linux/trace_events.h; its argument
 * helpers are here), and the types of dynamic event behind the
 * dynamic_events file.
 *
 * Each type of dynamic event (synthetic now, probes later) registers one
 * struct dyn_event_operations and embeds a struct dyn_event in each of its
 * events.  The generic layer (trace_dynevent.c) keeps the list of them,
 * parses the lines of dynamic_events, and lists and removes events
 * through the operations.
 *
 * Locking:
 *
 *  ===================  ==================================================
 *  dyn_event_mutex      the list of dynamic events and of types; creating
 *                       and removing events.  Taken before trace_mutex.
 *  trace_mutex          held with dyn_event_mutex around ->is_busy() and
 *                       ->free(), so that a check of every event and the
 *                       removal that follows are one step.
 *  ===================  ==================================================
 */
#ifndef _TRACE_DYNEVENT_H
#define _TRACE_DYNEVENT_H

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/trace_events.h>

struct seq_file;

/**
 * struct dynevent_arg - one argument of a command
 * @str: the text
 * @separator: a character appended after it, or 0
 * @check_arg: called with the argument before it is added; a non-zero
 *	return refuses it, and is what the add returns.  May be NULL.
 */
struct dynevent_arg {
	const char	*str;
	char		separator;
	int		(*check_arg)(void *arg);
};

/**
 * struct dynevent_arg_pair - an argument made of two parts
 * @lhs: the first part
 * @rhs: the second part
 * @operator: the character between them, or 0 for a space
 * @separator: a character appended after the pair, or 0
 * @check_arg: as in struct dynevent_arg
 */
struct dynevent_arg_pair {
	const char	*lhs;
	const char	*rhs;
	char		operator;
	char		separator;
	int		(*check_arg)(void *arg);
};

void dynevent_cmd_init(struct dynevent_cmd *cmd, char *buf, int maxlen,
		       enum dynevent_type type,
		       dynevent_create_fn_t run_command);
void dynevent_arg_init(struct dynevent_arg *arg,
		       int (*check_arg)(void *arg), char separator);
int dynevent_arg_add(struct dynevent_cmd *cmd, struct dynevent_arg *arg);
void dynevent_arg_pair_init(struct dynevent_arg_pair *arg_pair,
			    int (*check_arg)(void *arg), char operator,
			    char separator);
int dynevent_arg_pair_add(struct dynevent_cmd *cmd,
			  struct dynevent_arg_pair *arg_pair);
int dynevent_str_add(struct dynevent_cmd *cmd, const char *str);

struct dyn_event;

/**
 * struct dyn_event_operations - one type of dynamic event
 * @list: in the list of types (dyn_event_mutex)
 * @create: parse one line of dynamic_events and create the event it
 *	defines; -ECANCELED if the line is not of this type.  Called with
 *	dyn_event_mutex held.
 * @show: print the event's line of dynamic_events, without the newline
 * @is_busy: whether the event is in use (enabled, with triggers, pinned)
 * @free: remove the event, which is not busy, and free it
 * @match: whether the event is the one named by a removal: @kind is the
 *	type letter of a "!" line or 0 for "-:", @system may be NULL, and
 *	@argc/@argv are the rest of a "!" line (to compare, if given)
 */
struct dyn_event_operations {
	struct list_head	list;
	int	(*create)(const char *cmd);
	int	(*show)(struct seq_file *m, struct dyn_event *ev);
	bool	(*is_busy)(struct dyn_event *ev);
	int	(*free)(struct dyn_event *ev);
	bool	(*match)(struct dyn_event *ev, char kind, const char *system,
			 const char *event, int argc, const char **argv);
};

/**
 * struct dyn_event - the generic part of a dynamic event
 * @list: in the list of dynamic events (dyn_event_mutex)
 * @ops: its type
 */
struct dyn_event {
	struct list_head			list;
	const struct dyn_event_operations	*ops;
};

extern struct mutex dyn_event_mutex;
extern struct list_head dyn_event_list;

int dyn_event_register(struct dyn_event_operations *ops);
void dyn_event_add(struct dyn_event *ev, const struct dyn_event_operations *ops);
int dyn_events_release_all(const struct dyn_event_operations *type);
int dyn_events_remove_match(const struct dyn_event_operations *type,
			    char kind, const char *system, const char *event,
			    int argc, const char **argv);
int __dyn_event_remove(struct dyn_event *ev);
void *dyn_event_seq_start(struct seq_file *m, loff_t *pos);
void *dyn_event_seq_next(struct seq_file *m, void *v, loff_t *pos);
void dyn_event_seq_stop(struct seq_file *m, void *v);
ssize_t dyn_event_write_lines(const char __user *ubuf, size_t cnt,
			      loff_t *ppos, int (*run)(const char *line));

#define for_each_dyn_event(ev)	\
	list_for_each_entry(ev, &dyn_event_list, list)

#define for_each_dyn_event_safe(ev, n)	\
	list_for_each_entry_safe(ev, n, &dyn_event_list, list)

#endif /* _TRACE_DYNEVENT_H */
