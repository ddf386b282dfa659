// SPDX-License-Identifier: GPL-2.0
/*
 * trace_marker.c - user space writing into the trace: trace_marker
 * (text, recorded as "print" records) and trace_marker_raw (an id and
 * binary data, recorded as "raw_data").
 *
 * A text write longer than a record takes (or than TRACE_MARKER_MAX) is
 * cut into several records, each ending in a newline, so that reading the trace gives
 * the whole text back line by line.  The "markers" option refuses all
 * writes with -EINVAL.
 *
 * A write also runs the triggers of the instance's ftrace/print event
 * (trace_trigger.c), as an event of that type would.
 *
 * Locking: none of ours; the user's data is copied before the record is
 * reserved, since reserving disables preemption.  tr->marker_file lives
 * as long as the instance, which an open file pins.
 */

#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "trace_entries.h"
#include "trace_output.h"
#include "trace_scratch.h"

/* The longest text in one record; longer writes make several. */
#define TRACE_MARKER_MAX	(4096 - 2)

static int marker_record(struct trace_array *tr, unsigned short type,
			 size_t hdr, const void *data, size_t len,
			 unsigned int id, bool newline, unsigned long ip)
{
	struct trace_buffer *buffer;
	struct ring_buffer_event *ev;
	unsigned int trace_ctx;
	/* Text is NUL-terminated in the record; raw data is not. */
	bool nul = type == TRACE_PRINT;
	size_t text = len + newline;
	size_t size = hdr + text + nul;
	char *p;

	trace_ctx = tracing_gen_ctx();
	preempt_disable_notrace();
	buffer = READ_ONCE(tr->array_buffer.buffer);
	ev = trace_core_reserve(buffer, type, size, trace_ctx);
	if (!ev) {
		preempt_enable_notrace();
		return -EBADF;
	}
	p = ring_buffer_event_data(ev);
	if (type == TRACE_PRINT)
		((struct print_entry *)p)->ip = ip;
	else
		((struct raw_data_entry *)p)->id = id;
	memcpy(p + hdr, data, len);
	if (newline)
		p[hdr + len] = '\n';
	if (nul)
		p[hdr + text] = '\0';
	ring_buffer_unlock_commit(buffer);
	preempt_enable_notrace();
	return 0;
}

/*
 * A trace_marker record when ftrace/print has triggers: built in scratch,
 * NUL-terminated for filters on buf, run through the triggers (before
 * the newline a write without one gets, so that 'buf == "start"' matches
 * "echo -n start"), then written; the post triggers (snapshot, traceoff) see it recorded.
 * Without a free scratch level it is written as usual, untriggered.
 */
static int marker_record_triggered(struct trace_array *tr,
				   struct trace_event_file *file,
				   const char *data, size_t len, bool newline,
				   unsigned long ip)
{
	size_t hdr = sizeof(struct print_entry);
	size_t size = hdr + len + newline + 1;	/* the text, '\n', NUL */
	enum event_trigger_type tt;
	struct print_entry *ent;
	int ret = 0;

	preempt_disable_notrace();
	ent = trace_scratch_get(hdr + len + 2);
	if (!ent) {
		preempt_enable_notrace();
		return marker_record(tr, TRACE_PRINT, hdr, data, len, 0,
				     newline, ip);
	}
	tracing_generic_entry_update(&ent->ent, TRACE_PRINT,
				     tracing_gen_ctx_dec());
	ent->ip = ip;
	memcpy(ent->buf, data, len);
	ent->buf[len] = '\0';
	/* The triggers see the text as written, as mainline's do. */
	tt = event_triggers_call(file, NULL, ent, NULL);
	if (newline) {
		ent->buf[len++] = '\n';
		ent->buf[len] = '\0';
	}
	if (ring_buffer_write(READ_ONCE(tr->array_buffer.buffer), size, ent))
		ret = -EBADF;
	trace_scratch_put();
	if (tt)
		event_triggers_post_call(file, tt);
	preempt_enable_notrace();
	return ret;
}

/* -EINVAL with the markers option off, -EBADF while tracing is off. */
static int marker_check(struct trace_array *tr)
{
	if (!(READ_ONCE(tr->flags) & TRACE_ITER_MARKERS))
		return -EINVAL;
	return trace_tracing_is_on(tr) ? 0 : -EBADF;
}

static ssize_t tracing_mark_write(struct file *filp, const char __user *ubuf,
				  size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = trace_file_tr(filp);
	struct trace_event_file *file;
	size_t max, done = 0, n;
	char *chunk;
	int ret = 0;

	ret = marker_check(tr);
	if (ret)
		return ret;
	if (READ_ONCE(tr->flags) & TRACE_ITER_RECORD_CMD)
		trace_save_cmdline(current);

	/*
	 * Room for the text, its newline and its NUL in one record, and
	 * never more than a line the trace can print in one piece.
	 */
	max = ring_buffer_max_event_size(tr->array_buffer.buffer) -
	      sizeof(struct print_entry) - 2;
	max = min_t(size_t, max, TRACE_MARKER_MAX);
	chunk = kmalloc(min(cnt, max) + 1, GFP_KERNEL);
	if (!chunk)
		return -ENOMEM;
	while (done < cnt) {
		n = min(cnt - done, max);
		if (copy_from_user(chunk, ubuf + done, n)) {
			ret = -EFAULT;
			break;
		}
		file = READ_ONCE(tr->marker_file);
		if (file && test_bit(EVENT_FILE_FL_TRIGGER_MODE_BIT,
				     &file->flags))
			ret = marker_record_triggered(tr, file, chunk, n,
						      chunk[n - 1] != '\n',
						      _THIS_IP_);
		else
			ret = marker_record(tr, TRACE_PRINT,
					    sizeof(struct print_entry), chunk,
					    n, 0, chunk[n - 1] != '\n',
					    _THIS_IP_);
		if (ret)
			break;
		done += n;
	}
	kfree(chunk);
	if (!done)
		return ret;
	*ppos += done;
	return done;
}

static ssize_t tracing_mark_raw_write(struct file *filp,
				      const char __user *ubuf, size_t cnt,
				      loff_t *ppos)
{
	struct trace_array *tr = trace_file_tr(filp);
	size_t max;
	void *buf;
	int ret;

	ret = marker_check(tr);
	if (ret)
		return ret;
	max = ring_buffer_max_event_size(tr->array_buffer.buffer) -
	      offsetof(struct raw_data_entry, buf) + sizeof(unsigned int);
	if (cnt < sizeof(unsigned int) || cnt > max)
		return -EINVAL;
	buf = memdup_user(ubuf, cnt);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	ret = marker_record(tr, TRACE_RAW_DATA,
			    offsetof(struct raw_data_entry, buf),
			    buf + sizeof(unsigned int),
			    cnt - sizeof(unsigned int), *(unsigned int *)buf,
			    false, 0);
	kfree(buf);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations trace_marker_fops = {
	.open		= trace_open_ref,
	.write		= tracing_mark_write,
	.release	= trace_release_ref,
	.llseek		= generic_file_llseek,
};

static const struct file_operations trace_marker_raw_fops = {
	.open		= trace_open_ref,
	.write		= tracing_mark_raw_write,
	.release	= trace_release_ref,
	.llseek		= generic_file_llseek,
};

static const struct trace_file_spec marker_files[] = {
	{ "trace_marker",	0220, &trace_marker_fops },
	{ "trace_marker_raw",	0220, &trace_marker_raw_fops },
};

/**
 * trace_marker_files_create() - create trace_marker and trace_marker_raw
 * @tr: the instance
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_marker_files_create(struct trace_array *tr)
{
	return trace_create_files(tr, tr->dir, marker_files,
				  ARRAY_SIZE(marker_files),
				  RING_BUFFER_ALL_CPUS);
}
