// SPDX-License-Identifier: GPL-2.0
/*
 * power-traces.c - instantiate the power management tracepoints
 * (include/trace/events/power.h), which the scheduler's idle loop,
 * cpufreq, cpuidle and PM QoS fire.
 */

#define CREATE_TRACE_POINTS
#include <trace/events/power.h>

EXPORT_TRACEPOINT_SYMBOL_GPL(cpu_idle);
EXPORT_TRACEPOINT_SYMBOL_GPL(cpu_frequency);
EXPORT_TRACEPOINT_SYMBOL_GPL(suspend_resume);
