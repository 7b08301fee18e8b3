/* SPDX-License-Identifier: MIT */
/* exit_table.h - everything kvm-tui knows about each exit reason, in one table.
 *
 * Name, colour class, the text decodes, the explanation for students, the
 * --trace JSON fields and what the exit does to the vCPU: adding or changing
 * an exit reason means editing one entry in src/seam/exit_table.c, and every
 * consumer follows: the exit log, the full decode, the colours, the
 * statistics, --trace, the run outcome, and the vCPU loop through .effect.
 * No KVM and no curses here: the UI and the VMM both read it.
 */
#ifndef KVMTUI_EXIT_TABLE_H
#define KVMTUI_EXIT_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "event.h"

/* How an exit is coloured; the UI maps each class to a theme slot. Zero is
 * OTHER so a class nobody chose falls back to the plain colour. */
enum exit_class {
	EXIT_CLASS_OTHER = 0, /* kicks, interrupt windows, everything unclassified */
	EXIT_CLASS_IO,
	EXIT_CLASS_MMIO,
	EXIT_CLASS_HALT,
	EXIT_CLASS_DEBUG,
	EXIT_CLASS_ERROR,     /* the guest failed: triple fault, entry failure, ... */
	EXIT_CLASS_COUNT
};

/* What the exit does to the vCPU's state once it is handled. */
enum exit_effect {
	EXIT_EFFECT_CONTINUE,       /* run on */
	EXIT_EFFECT_HALT,           /* nothing can wake the guest: HALTED */
	EXIT_EFFECT_STEP,           /* ends a single step (pause) if one was asked for, else run on */
	EXIT_EFFECT_SHUTDOWN,       /* triple fault: SHUTDOWN */
	EXIT_EFFECT_FAIL_ENTRY,     /* FAIL_ENTRY */
	EXIT_EFFECT_INTERNAL_ERROR, /* INTERNAL_ERROR */
	EXIT_EFFECT_SYSTEM_EVENT,   /* decided by the event's type (reset, shutdown, ...) */
	EXIT_EFFECT_ERROR,          /* kvm-tui cannot go on: ERROR */
};

/* An output buffer the decoders append to. Like snprintf it never writes
 * past len, keeps the text NUL-terminated and counts what did not fit, so
 * used may exceed len (then the text was truncated). */
struct exit_text {
	char *buf;
	size_t len, used;
};

/* Starts an empty text in buf (len may be 0: then only counts). */
struct exit_text exit_text_init(char *buf, size_t len);
void exit_text_printf(struct exit_text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The length written, at most len - 1 (0 for an empty buffer). */
size_t exit_text_length(const struct exit_text *t);

/* Writes what one exit record says into out. */
typedef void exit_decode_fn(const struct event *ev, struct exit_text *out);

struct exit_info {
	const char *name;        /* KVM's name without KVM_EXIT_: "IO", "HLT" */
	enum exit_class cls;
	enum exit_effect effect;
	const char *explain;     /* why KVM hands this exit to user space, for students */
	/* The exit log's one-line detail ("outb 0x3f8 COM1 THR 48 'H'"); NULL: none. */
	exit_decode_fn *line;
	/* The full decode's section of its own, one fact a line, each ending in
	 * '\n' ("Port:       0x03f8  16550 UART ..."); NULL: none. */
	exit_decode_fn *section;
	/* The reason's own --trace fields, each written as ,"key":value; NULL: none. */
	exit_decode_fn *json;
	/* One line saying how the run ended when this exit ended it (the triple
	 * fault, the refused entry); NULL for exits after which kvm-tui says only
	 * that the vCPU stopped. */
	exit_decode_fn *outcome;
};

/* An IO exit's log line when the port decoder (src/decode) put the access
 * in words: the instruction, the port and the value, then the words in
 * place of the port's name ("outb 0x20 20: PIC1 OCW2 EOI (ends IRQ0)"). */
void exit_line_io_decoded(const struct event *ev, const char *decode, struct exit_text *out);

/* Never NULL: a number kvm-tui does not know gets the UNKNOWN entry
 * (EXIT_EFFECT_ERROR), as KVM_EXIT_UNKNOWN itself does. */
const struct exit_info *exit_info(unsigned reason);

/* Writes the rest of a JSON object's members: ,"key":"value" with value
 * escaped (quotes, backslashes, control and non-ASCII bytes), so nothing a
 * guest puts in an event can break a trace line. */
void exit_json_string(struct exit_text *out, const char *key, const char *value);
void exit_json_uint(struct exit_text *out, const char *key, uint64_t value);
void exit_json_hex(struct exit_text *out, const char *key, uint64_t value); /* "0x3f8" */

#endif
