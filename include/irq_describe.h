/* SPDX-License-Identifier: MIT */
/* irq_describe.h - an interrupt record (EVENT_IRQ) in a student's words.
 *
 * The exit log shows each interrupt as a line of its own between the exits
 * ("IRQ0 timer -> vector 08h injected"), the full decode explains what
 * happened, --trace writes it as JSON and the statistics count it per line.
 * The words live here, once, next to the exit table's, so the UI and the
 * headless console say the same thing. Pure: no KVM, no curses.
 */
#ifndef KVMTUI_IRQ_DESCRIBE_H
#define KVMTUI_IRQ_DESCRIBE_H

#include <stdbool.h>

#include "event.h"
#include "exit_table.h"

#define IRQ_LINES 16 /* the two 8259s' inputs, IRQ 0-15 */

/* What a PC wires to the line: "timer", "keyboard", "COM1", "RTC", ...;
 * "?" past IRQ 15. */
const char *irq_source_name(unsigned irq);
/* The same, as a sentence fragment: "the 8254 PIT's channel 0". */
const char *irq_source_about(unsigned irq);
/* "injected", "raised", "lowered"; "?" for a value a newer kvm-tui wrote. */
const char *irq_how_name(unsigned how);

/* The exit log's line: "IRQ0 timer -> vector 08h injected (+3 ticks
 * coalesced)", "IRQ4 COM1 line raised (KVM_IRQ_LINE)". utf8: the arrow
 * is U+2192, else "->". */
void irq_describe_line(const struct event *ev, bool utf8, struct exit_text *out);
/* The full decode's facts, one a line, each ending in '\n' (labels padded
 * like the exit table's sections); the exit it followed is the caller's. */
void irq_describe_section(const struct event *ev, struct exit_text *out);
/* Why this line is in the log and what it teaches, for the full decode. */
const char *irq_explain(const struct event *ev);
/* The --trace members after seq and time_ns: ,"kind":"irq","line":0,
 * "source":"timer","vector":8 (injected only),"how":"injected","coalesced":0 */
void irq_json(const struct event *ev, struct exit_text *out);

#endif
