// SPDX-License-Identifier: GPL-2.0
/*
 * trace_pipe_raw.c - per_cpu/cpuN/trace_pipe_raw and snapshot_raw: one
 * CPU's records as binary sub-buffers, consumed, laid out as
 * events/header_page says (what trace-cmd and libtracefs read).
 *
 * read() hands out one sub-buffer at a time, in as many reads as the
 * caller needs; splice() moves whole sub-buffers into a pipe.  Both
 * block while the CPU's buffer is empty unless the file or the splice is
 * non-blocking; splice and poll() wait until buffer_percent of the
 * buffer is used (snapshot_raw: for any record).
 *
 * Locking: one reader at a time per open file (raw->lock, held over a
 * read or a splice, dropped while waiting).  Records are taken under the
 * CPU buffer's consumer lock (ring_buffer_consumer_lock()), which the
 * other consumers of the CPU (trace_pipe, other trace_pipe_raw files)
 * hold too and which keeps the sub-buffer size as it is: the size of the
 * page is read, the page allocated and filled under it.  read() hands out
 * a copy; splice() takes whole sub-buffers out of the ring buffer without
 * copying them (ring_buffer_read_page() exchanges pages).
 */

#include <linux/fs.h>
#include <linux/pipe_fs_i.h>
#include <linux/poll.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/splice.h>
#include <linux/uaccess.h>

#include "trace_array.h"

/**
 * struct pipe_raw - an open trace_pipe_raw or snapshot_raw
 * @lock: one reader at a time; covers the fields below
 * @ab: the live or the snapshot buffer of the instance
 * @cpu: the CPU
 * @snapshot: @ab is the snapshot buffer, which nothing writes to: waits
 *	are for any record, not for buffer_percent
 * @page: the sub-buffer a read() is handing out, a copy
 * @page_buffer: the buffer @page was allocated for
 * @page_size: bytes of @page
 * @read: bytes of @page handed out
 * @len: bytes of @page to hand out
 */
struct pipe_raw {
	struct mutex			lock;	/* see above */
	struct array_buffer		*ab;
	int				cpu;
	bool				snapshot;
	struct buffer_data_read_page	*page;
	struct trace_buffer		*page_buffer;
	unsigned int			page_size;
	unsigned int			read;
	unsigned int			len;
};

static int pipe_raw_open_common(struct inode *inode, struct file *filp,
				bool snapshot)
{
	struct trace_array *tr;
	struct pipe_raw *raw;
	int ret;

	ret = trace_open_ref(inode, filp);
	if (ret)
		return ret;
	tr = trace_file_tr(filp);
	raw = kzalloc(sizeof(*raw), GFP_KERNEL);
	if (!raw) {
		trace_release_ref(inode, filp);
		return -ENOMEM;
	}
	mutex_init(&raw->lock);
	raw->ab = snapshot ? &tr->max_buffer : &tr->array_buffer;
	raw->snapshot = snapshot;
	raw->cpu = trace_file_cpu(filp);
	filp->private_data = raw;
	return nonseekable_open(inode, filp);
}

static int pipe_raw_open(struct inode *inode, struct file *filp)
{
	return pipe_raw_open_common(inode, filp, false);
}

static int snapshot_raw_open(struct inode *inode, struct file *filp)
{
	return pipe_raw_open_common(inode, filp, true);
}

static void pipe_raw_drop_page(struct pipe_raw *raw)
{
	if (raw->page)
		ring_buffer_free_read_page(raw->page_buffer, raw->cpu,
					   raw->page);
	raw->page = NULL;
	raw->read = 0;
	raw->len = 0;
}

static int pipe_raw_release(struct inode *inode, struct file *filp)
{
	struct pipe_raw *raw = filp->private_data;

	pipe_raw_drop_page(raw);
	mutex_destroy(&raw->lock);
	kfree(raw);
	return trace_release_ref(inode, filp);
}

/*
 * A read page of the buffer's sub-buffer size, under the CPU's consumer
 * lock, which keeps that size.
 */
static int pipe_raw_get_page(struct pipe_raw *raw, struct trace_buffer *b)
{
	unsigned int size = PAGE_SIZE << ring_buffer_subbuf_order_get(b);
	int ret;

	if (raw->page && raw->page_buffer == b && raw->page_size == size)
		return 0;
	pipe_raw_drop_page(raw);
	ret = ring_buffer_alloc_read_page(b, raw->cpu, &raw->page);
	if (ret)
		return ret;
	raw->page_buffer = b;
	raw->page_size = ring_buffer_read_page_size(raw->page);
	return 0;
}

/*
 * Wait, if @block, until the CPU's buffer has records for a reader that
 * wants @full percent of it used.  raw->lock held, dropped meanwhile; the
 * consumer lock not held.  Return 0 to try again, or an error (-EAGAIN
 * when not blocking).
 */
static int pipe_raw_wait(struct pipe_raw *raw, struct trace_buffer *b,
			 bool block, int full)
{
	int ret;

	if (!block)
		return -EAGAIN;
	/* Never spin unkillably should the wait and the read disagree. */
	if (signal_pending(current))
		return -ERESTARTSYS;
	mutex_unlock(&raw->lock);
	ret = ring_buffer_wait(b, raw->cpu, full, NULL, NULL);
	mutex_lock(&raw->lock);
	return ret;
}

/*
 * Fill raw->page with the next sub-buffer of records, waiting for one if
 * @block.  Return 0 or an error (-EAGAIN when empty and not blocking).
 */
static int pipe_raw_fill(struct pipe_raw *raw, bool block)
{
	struct trace_buffer *b;
	int ret;

	for (;;) {
		b = READ_ONCE(raw->ab->buffer);
		if (!b)
			return -ENODATA;
		ret = ring_buffer_consumer_lock(b, raw->cpu);
		if (ret)
			return ret;
		ret = pipe_raw_get_page(raw, b);
		if (!ret)
			ret = ring_buffer_read_page(b, raw->page,
						    raw->page_size, raw->cpu, 0);
		ring_buffer_consumer_unlock(b, raw->cpu);
		if (ret != -ENODATA)
			break;
		ret = pipe_raw_wait(raw, b, block, 0);
		if (ret)
			return ret;
	}
	if (ret < 0)
		return ret;
	raw->read = 0;
	raw->len = raw->page_size;
	return 0;
}

/*
 * Take the next sub-buffer of @b into a page for the pipe, if it fits in
 * @len (-EFBIG if not).  The CPU's consumer lock is held: the sub-buffer
 * size cannot change between the check and the read.  A whole sub-buffer
 * comes out of the ring buffer without a copy (ring_buffer_read_page()
 * exchanges pages); one of larger order is copied into a compound page,
 * which the pipe can hold, allocated first so that no failure comes
 * after the records are taken.  Return 0 with the page in @pagep and its
 * size in @sizep, or an error (-ENODATA when there is nothing to read).
 */
static int pipe_raw_take_locked(struct pipe_raw *raw, struct trace_buffer *b,
				size_t len, struct page **pagep, size_t *sizep)
{
	struct buffer_data_read_page *rp;
	struct page *page = NULL;
	size_t size;
	int ret;

	size = PAGE_SIZE << ring_buffer_subbuf_order_get(b);
	if (len < size)
		return -EFBIG;
	ret = ring_buffer_alloc_read_page(b, raw->cpu, &rp);
	if (ret)
		return ret;
	if (size > PAGE_SIZE) {
		page = alloc_pages(GFP_KERNEL | __GFP_COMP, get_order(size));
		if (!page) {
			ret = -ENOMEM;
			goto out;
		}
	}
	ret = ring_buffer_read_page(b, rp, size, raw->cpu, 0);
	if (ret < 0)
		goto out;
	if (page) {
		memcpy(page_address(page), ring_buffer_read_page_data(rp),
		       size);
	} else {
		page = virt_to_page(ring_buffer_read_page_data(rp));
		get_page(page);		/* the pipe's; rp's is freed below */
	}
	*pagep = page;
	*sizep = size;
	page = NULL;
out:
	if (page)
		__free_pages(page, get_order(size));
	ring_buffer_free_read_page(b, raw->cpu, rp);
	return ret;
}

/*
 * The next sub-buffer of records as a page for the pipe, if it fits in
 * @len, waiting for one if @block (until @full percent of the buffer is
 * used).  Return the page, its size in @sizep, or an ERR_PTR() (-EAGAIN
 * when empty and not blocking, -ENODATA when the buffer is gone, -EFBIG
 * when a sub-buffer is larger than @len).
 */
static struct page *pipe_raw_take(struct pipe_raw *raw, bool block, int full,
				  size_t len, size_t *sizep)
{
	struct trace_buffer *b;
	struct page *page;
	int ret;

	for (;;) {
		/* The buffer may have been swapped (snapshot) meanwhile. */
		b = READ_ONCE(raw->ab->buffer);
		if (!b)
			return ERR_PTR(-ENODATA);
		ret = ring_buffer_consumer_lock(b, raw->cpu);
		if (ret)
			return ERR_PTR(ret);
		ret = pipe_raw_take_locked(raw, b, len, &page, sizep);
		ring_buffer_consumer_unlock(b, raw->cpu);
		if (ret != -ENODATA)
			break;
		ret = pipe_raw_wait(raw, b, block, full);
		if (ret)
			return ERR_PTR(ret);
	}
	return ret ? ERR_PTR(ret) : page;
}

static ssize_t pipe_raw_read(struct file *filp, char __user *ubuf,
			     size_t cnt, loff_t *ppos)
{
	struct pipe_raw *raw = filp->private_data;
	size_t n;
	int ret;

	if (!cnt)
		return 0;
	mutex_lock(&raw->lock);
	if (raw->read >= raw->len) {
		ret = pipe_raw_fill(raw, !(filp->f_flags & O_NONBLOCK));
		/* No snapshot buffer: nothing to read, ever. */
		if (ret == -ENODATA)
			ret = 0;
		if (ret)
			goto out;
	}
	n = min_t(size_t, cnt, raw->len - raw->read);
	if (copy_to_user(ubuf, ring_buffer_read_page_data(raw->page) +
			 raw->read, n)) {
		ret = -EFAULT;
		goto out;
	}
	raw->read += n;
	ret = n;
out:
	mutex_unlock(&raw->lock);
	return ret;
}

static void pipe_raw_buf_release(struct pipe_inode_info *pipe,
				 struct pipe_buffer *buf)
{
	put_page(buf->page);
}

static const struct pipe_buf_operations pipe_raw_buf_ops = {
	.release	= pipe_raw_buf_release,
	.get		= generic_pipe_buf_get,
};

static void pipe_raw_spd_release(struct splice_pipe_desc *spd, unsigned int i)
{
	put_page(spd->pages[i]);
}

static ssize_t pipe_raw_splice(struct file *filp, loff_t *ppos,
			       struct pipe_inode_info *pipe, size_t len,
			       unsigned int flags)
{
	struct pipe_raw *raw = filp->private_data;
	struct page *pages_def[PIPE_DEF_BUFFERS];
	struct partial_page partial_def[PIPE_DEF_BUFFERS];
	struct splice_pipe_desc spd = {
		.pages		= pages_def,
		.partial	= partial_def,
		.nr_pages_max	= PIPE_DEF_BUFFERS,
		.ops		= &pipe_raw_buf_ops,
		.spd_release	= pipe_raw_spd_release,
	};
	bool block = !(filp->f_flags & O_NONBLOCK) &&
		     !(flags & SPLICE_F_NONBLOCK);
	struct trace_array *tr = trace_file_tr(filp);
	int full = raw->snapshot ? 0 : READ_ONCE(tr->buffer_percent);
	struct page *page;
	ssize_t ret = 0;
	size_t size;

	if (splice_grow_spd(pipe, &spd))
		return -ENOMEM;
	mutex_lock(&raw->lock);
	while (len && spd.nr_pages < spd.nr_pages_max) {
		if (raw->read < raw->len) {
			/* A sub-buffer a read() began is spliced whole. */
			size = raw->page_size;
			if (len < size) {
				ret = spd.nr_pages ? 0 : -EINVAL;
				break;
			}
			page = alloc_pages(GFP_KERNEL | __GFP_COMP,
					   get_order(size));
			if (!page) {
				ret = -ENOMEM;
				break;
			}
			memcpy(page_address(page),
			       ring_buffer_read_page_data(raw->page), size);
			raw->read = raw->len;
		} else {
			page = pipe_raw_take(raw, block && !spd.nr_pages, full,
					     len, &size);
			if (IS_ERR(page)) {
				ret = PTR_ERR(page);
				/* Whole sub-buffers only. */
				if (ret == -EFBIG)
					ret = spd.nr_pages ? 0 : -EINVAL;
				/* No snapshot buffer: nothing, ever. */
				if (ret == -ENODATA)
					ret = 0;
				break;
			}
		}
		spd.pages[spd.nr_pages] = page;
		spd.partial[spd.nr_pages].offset = 0;
		spd.partial[spd.nr_pages].len = size;
		spd.nr_pages++;
		len -= size;
		block = false;
	}
	mutex_unlock(&raw->lock);
	if (spd.nr_pages)
		ret = splice_to_pipe(pipe, &spd);
	splice_shrink_spd(&spd);
	return ret;
}

/*
 * Readable once buffer_percent of the buffer is used, as a splice waits
 * for (snapshot_raw: once it holds a record); at once with the "block"
 * option, with the rest of a sub-buffer a read() began, or with no
 * snapshot buffer (a read() says end of file).
 */
static __poll_t pipe_raw_poll(struct file *filp, poll_table *pt)
{
	struct pipe_raw *raw = filp->private_data;
	struct trace_array *tr = trace_file_tr(filp);
	struct trace_buffer *b;
	bool leftover;

	if (READ_ONCE(tr->flags) & TRACE_ITER_BLOCK)
		return EPOLLIN | EPOLLRDNORM;
	mutex_lock(&raw->lock);
	leftover = raw->read < raw->len;
	mutex_unlock(&raw->lock);
	b = READ_ONCE(raw->ab->buffer);
	if (leftover || !b)
		return EPOLLIN | EPOLLRDNORM;
	return ring_buffer_poll_wait(b, raw->cpu, filp, pt, raw->snapshot ? 0 :
				     READ_ONCE(tr->buffer_percent));
}

static const struct file_operations pipe_raw_fops = {
	.open		= pipe_raw_open,
	.read		= pipe_raw_read,
	.splice_read	= pipe_raw_splice,
	.poll		= pipe_raw_poll,
	.release	= pipe_raw_release,
};

static const struct file_operations snapshot_raw_fops = {
	.open		= snapshot_raw_open,
	.read		= pipe_raw_read,
	.splice_read	= pipe_raw_splice,
	.poll		= pipe_raw_poll,
	.release	= pipe_raw_release,
};

static const struct trace_file_spec pipe_raw_files[] = {
	{ "trace_pipe_raw",	TRACE_MODE_READ, &pipe_raw_fops },
	{ "snapshot_raw",	TRACE_MODE_READ, &snapshot_raw_fops },
};

/**
 * trace_pipe_raw_percpu_create() - per_cpu/cpuN/trace_pipe_raw and
 *	snapshot_raw
 * @tr: the instance
 * @cpu: the CPU
 * @dir: per_cpu/cpuN
 *
 * Context: process context, trace_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_pipe_raw_percpu_create(struct trace_array *tr, int cpu,
				 struct dentry *dir)
{
	return trace_create_files(tr, dir, pipe_raw_files,
				  ARRAY_SIZE(pipe_raw_files), cpu);
}
