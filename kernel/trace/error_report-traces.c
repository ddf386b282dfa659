// SPDX-License-Identifier: GPL-2.0
/*
 * error_report-traces.c - instantiate the error_report tracepoints
 * (include/trace/events/error_report.h), fired by KASAN, KFENCE and
 * other error detectors when they report.
 */

#define CREATE_TRACE_POINTS
#include <trace/events/error_report.h>

EXPORT_TRACEPOINT_SYMBOL_GPL(error_report_end);
