/* exit_format.h - one exit record as a line of the exit log.
 *
 * The log line is split into fields so the exit pane can drop the less
 * important ones on a narrow terminal and right-align the RIP. Pure.
 */
#ifndef KVMTUI_EXIT_FORMAT_H
#define KVMTUI_EXIT_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "event.h"
#include "theme.h"

struct exit_line {
	char num[24];    /* "#12" */
	char time[24];   /* "0.421337s" since the VM (re)started */
	char reason[24]; /* "IO", "HLT", ... (KVM's names) */
	char detail[96]; /* "outb 0x3f8 COM1 THR 48 'H'" */
	char rip[24];    /* "rip 000c" */
};

void exit_format_line(const struct event *ev, struct exit_line *out);

/* The colour an exit reason is drawn in. */
enum theme_slot exit_reason_slot(unsigned reason);

/* 'H', '\n', 0x1b: a data byte the way a C programmer reads it. */
void exit_format_char(unsigned char c, char *buf, size_t n);
/* size little-endian bytes as the value moved: "1234" for a word. */
void exit_format_value(char *buf, size_t n, const uint8_t *data, unsigned size);
/* KVM_SYSTEM_EVENT_* and KVM_INTERNAL_ERROR_* numbers in words. */
const char *exit_system_event_name(uint32_t type);
const char *exit_suberror_name(uint32_t sub);

#endif
