/* exit_format.h - one exit record as text: a log line and a full decode.
 *
 * The log line is split into fields so the exit pane can drop the less
 * important ones on a narrow terminal and right-align the RIP. Pure.
 */
#ifndef KVMTUI_EXIT_FORMAT_H
#define KVMTUI_EXIT_FORMAT_H

#include <stddef.h>

#include "event.h"
#include "theme.h"

struct exit_line {
	char num[24];    /* "#12" */
	char time[24];   /* "0.421s" since the VM (re)started */
	char reason[24]; /* "IO", "HLT", ... (KVM's names) */
	char detail[96]; /* "outb 0x3f8 COM1 THR 48 'H'" */
	char rip[24];    /* "rip 000c" */
};

void exit_format_line(const struct event *ev, struct exit_line *out);

/* The colour an exit reason is drawn in. */
enum theme_slot exit_reason_slot(unsigned reason);

#define EXIT_DETAIL_LINES 24
#define EXIT_DETAIL_COLS 96

/* Everything the record holds, one fact a line, with the why of the exit
 * word-wrapped at wrap columns (at most EXIT_DETAIL_COLS - 1). Returns the
 * lines written. */
size_t exit_format_detail(const struct event *ev, char lines[][EXIT_DETAIL_COLS], size_t max,
			  size_t wrap);

/* 'H', '\n', 0x1b: a data byte the way a C programmer reads it. */
void exit_format_char(unsigned char c, char *buf, size_t n);

#endif
