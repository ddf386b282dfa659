// SPDX-License-Identifier: GPL-2.0
/*
 * ring_buffer_ctl.c - switches of a buffer: recording on and off, the
 * overwrite mode, the clock and absolute time stamps.
 *
 * Writers read these without locks at every reservation.  Turning
 * recording off or on is immediate (a writer already inside finishes); the
 * mode and the time stamp switches take effect at the next reservation.
 * Changing the clock under running writers is allowed but mixes two time
 * bases in the buffer; the trace core resets the buffer when it does so.
 */

#include <linux/trace_clock.h>

#include "ring_buffer_types.h"

/**
 * ring_buffer_record_disable - stop writers, nestable
 * @buffer: the buffer
 *
 * Each call needs a matching ring_buffer_record_enable().
 *
 * Context: any.
 */
void ring_buffer_record_disable(struct trace_buffer *buffer)
{
	atomic_inc(&buffer->record_disabled);
}
EXPORT_SYMBOL_GPL(ring_buffer_record_disable);

/**
 * ring_buffer_record_enable - undo one ring_buffer_record_disable()
 * @buffer: the buffer
 *
 * Context: any.
 */
void ring_buffer_record_enable(struct trace_buffer *buffer)
{
	atomic_dec(&buffer->record_disabled);
}
EXPORT_SYMBOL_GPL(ring_buffer_record_enable);

/**
 * ring_buffer_record_off - switch recording off (tracing_on = 0)
 * @buffer: the buffer
 *
 * Not nested: one ring_buffer_record_on() switches it back on.
 *
 * Context: any.
 */
void ring_buffer_record_off(struct trace_buffer *buffer)
{
	atomic_or(RB_BUFFER_OFF, &buffer->record_disabled);
}
EXPORT_SYMBOL_GPL(ring_buffer_record_off);

/**
 * ring_buffer_record_on - switch recording on (tracing_on = 1)
 * @buffer: the buffer
 *
 * Writers stay out while record_disable() calls are pending.
 *
 * Context: any.
 */
void ring_buffer_record_on(struct trace_buffer *buffer)
{
	atomic_andnot(RB_BUFFER_OFF, &buffer->record_disabled);
}
EXPORT_SYMBOL_GPL(ring_buffer_record_on);

/**
 * ring_buffer_record_is_on - whether writers may write now
 * @buffer: the buffer
 *
 * Context: any.
 * Return: true if neither switched off nor disabled.
 */
bool ring_buffer_record_is_on(struct trace_buffer *buffer)
{
	return !atomic_read(&buffer->record_disabled);
}
EXPORT_SYMBOL_GPL(ring_buffer_record_is_on);

/**
 * ring_buffer_record_is_set_on - whether recording is switched on
 * @buffer: the buffer
 *
 * Temporary ring_buffer_record_disable() calls do not count.
 *
 * Context: any.
 * Return: true unless ring_buffer_record_off() is in effect.
 */
bool ring_buffer_record_is_set_on(struct trace_buffer *buffer)
{
	return !(atomic_read(&buffer->record_disabled) & RB_BUFFER_OFF);
}
EXPORT_SYMBOL_GPL(ring_buffer_record_is_set_on);

/**
 * ring_buffer_record_disable_cpu - stop the writers of one CPU, nestable
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Context: any.
 */
void ring_buffer_record_disable_cpu(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);

	if (c)
		atomic_inc(&c->record_disabled);
}
EXPORT_SYMBOL_GPL(ring_buffer_record_disable_cpu);

/**
 * ring_buffer_record_enable_cpu - undo ring_buffer_record_disable_cpu()
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Context: any.
 */
void ring_buffer_record_enable_cpu(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);

	if (c)
		atomic_dec(&c->record_disabled);
}
EXPORT_SYMBOL_GPL(ring_buffer_record_enable_cpu);

/**
 * ring_buffer_change_overwrite - choose overwrite or producer/consumer mode
 * @buffer: the buffer
 * @val: nonzero to overwrite the oldest records when full
 *
 * Context: process.
 */
void ring_buffer_change_overwrite(struct trace_buffer *buffer, int val)
{
	mutex_lock(&buffer->mutex);
	if (val)
		WRITE_ONCE(buffer->flags, buffer->flags | RB_FL_OVERWRITE);
	else
		WRITE_ONCE(buffer->flags, buffer->flags & ~RB_FL_OVERWRITE);
	mutex_unlock(&buffer->mutex);
}
EXPORT_SYMBOL_GPL(ring_buffer_change_overwrite);

/**
 * ring_buffer_set_clock - choose the clock of a buffer
 * @buffer: the buffer
 * @clock: the clock; trace_clock_local by default
 *
 * Context: process.
 */
void ring_buffer_set_clock(struct trace_buffer *buffer, u64 (*clock)(void))
{
	WRITE_ONCE(buffer->clock, clock);
}
EXPORT_SYMBOL_GPL(ring_buffer_set_clock);

/**
 * ring_buffer_time_stamp - read a buffer's clock
 * @buffer: the buffer
 *
 * Context: any.
 * Return: the current time stamp.
 */
u64 ring_buffer_time_stamp(struct trace_buffer *buffer)
{
	return rb_clock_read(buffer);
}
EXPORT_SYMBOL_GPL(ring_buffer_time_stamp);

/**
 * ring_buffer_normalize_time_stamp - turn a time stamp into nanoseconds
 * @buffer: the buffer
 * @cpu: the CPU
 * @ts: the time stamp, changed in place
 *
 * Time stamps are stored as the clock gives them; there is nothing to do.
 *
 * Context: any.
 */
void ring_buffer_normalize_time_stamp(struct trace_buffer *buffer, int cpu,
				      u64 *ts)
{
}
EXPORT_SYMBOL_GPL(ring_buffer_normalize_time_stamp);

/**
 * ring_buffer_set_time_stamp_abs - precede records with absolute stamps
 * @buffer: the buffer
 * @abs: true for absolute time stamps, false for deltas
 *
 * Context: process.
 */
void ring_buffer_set_time_stamp_abs(struct trace_buffer *buffer, bool abs)
{
	WRITE_ONCE(buffer->time_stamp_abs, abs);
	WRITE_ONCE(buffer->fast_delta_end, abs ? 0 : RB_DELTA_MAX + 1);
}
EXPORT_SYMBOL_GPL(ring_buffer_set_time_stamp_abs);

/**
 * ring_buffer_time_stamp_abs - whether records carry absolute stamps
 * @buffer: the buffer
 *
 * Context: any.
 * Return: the setting.
 */
bool ring_buffer_time_stamp_abs(struct trace_buffer *buffer)
{
	return READ_ONCE(buffer->time_stamp_abs);
}
EXPORT_SYMBOL_GPL(ring_buffer_time_stamp_abs);
