/* SPDX-License-Identifier: MIT */
/* exit_format.h - one exit record as a line of the exit log.
 *
 * The log line is split into fields so the exit pane can drop the less
 * important ones on a narrow terminal and right-align the RIP. Pure: the
 * words come from the exit table.
 */
#ifndef KVMTUI_EXIT_FORMAT_H
#define KVMTUI_EXIT_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"
#include "exit_table.h"
#include "theme.h"

struct exit_line {
	char num[24];    /* "#12" */
	char time[24];   /* "0.421337s" since the VM (re)started */
	char reason[24]; /* "IO", "HLT", ... (KVM's names) */
	char detail[96]; /* "outb 0x3f8 COM1 THR 48 'H'" */
	char rip[24];    /* "rip 000c" */
};

void exit_format_line(const struct event *ev, struct exit_line *out);
/* An entry of the exit log: an exit, with the port decoder's words when
 * it has some (decode may be NULL), or an interrupt between the exits
 * (EVENT_IRQ): no number, reason or RIP of its own, since it is not an
 * exit; its text, "IRQ0 timer -> vector 08h injected", is the detail, and
 * utf8 draws the arrow as U+2192. */
void exit_format_entry(const struct event *ev, const char *decode, bool utf8, struct exit_line *out);

/* The colour an exit is drawn in: its class's theme slot. */
enum theme_slot exit_class_slot(enum exit_class cls);
enum theme_slot exit_reason_slot(unsigned reason);
/* An entry's colour: its reason's, or exit.irq for an interrupt. */
enum theme_slot exit_event_slot(const struct event *ev);

#endif
