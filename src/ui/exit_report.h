/* SPDX-License-Identifier: MIT */
/* exit_report.h - everything an exit record says, as lines of text: the
 * full decode behind Enter in the exit log. Pure. */
#ifndef KVMTUI_EXIT_REPORT_H
#define KVMTUI_EXIT_REPORT_H

#include <stddef.h>

#include "event.h"

#define EXIT_REPORT_LINES 24
#define EXIT_REPORT_COLS 96

/* One fact a line, then the why of the exit word-wrapped at wrap columns
 * (20 .. EXIT_REPORT_COLS - 1). decode: the port decoder's words for the
 * access (may be NULL). An interrupt record (EVENT_IRQ) gets its own
 * facts and why. Returns the lines written (at most max). */
size_t exit_report(const struct event *ev, const char *decode, char lines[][EXIT_REPORT_COLS], size_t max,
		   size_t wrap);

#endif
