/* SPDX-License-Identifier: MIT */
/* exit_history.h - the most recent exits, for the exit log.
 *
 * Bounded: the oldest records go when it is full. The exact counts live in
 * the seam's counters; this is only what can be scrolled back through.
 * Positions are absolute (0 = the first exit ever pushed since the last
 * clear), so a selection stays on its exit while older ones are dropped.
 */
#ifndef KVMTUI_EXIT_HISTORY_H
#define KVMTUI_EXIT_HISTORY_H

#include <stddef.h>
#include <stdint.h>

#include "event.h"
#include "port_decoder.h"

#define EXIT_HISTORY_DEFAULT 65536

/* Records kept are the exits and the interrupts between them (EVENT_IRQ),
 * in ring order; an IO exit keeps the port decoder's words with it, which
 * only the order of the records could give (src/decode). */
struct exit_history {
	struct event *ev;
	char (*decode)[PORT_DECODE_MAX];
	size_t cap;
	uint64_t begin; /* absolute position of the oldest kept record */
	uint64_t end;   /* one past the newest */
};

int exit_history_init(struct exit_history *h, size_t cap);
void exit_history_free(struct exit_history *h);
void exit_history_clear(struct exit_history *h);
/* decode may be NULL or empty: nothing decoded. */
void exit_history_push(struct exit_history *h, const struct event *ev, const char *decode);

size_t exit_history_count(const struct exit_history *h);
/* The record at absolute position pos, or NULL if dropped or not yet there. */
const struct event *exit_history_at(const struct exit_history *h, uint64_t pos);
/* Its decode, "" if none (or the record is gone). */
const char *exit_history_decode(const struct exit_history *h, uint64_t pos);

#endif
