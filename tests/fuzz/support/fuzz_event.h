/* SPDX-License-Identifier: MIT */
/* fuzz_event.h - one ring record through everything that turns records into
 * text: the port decoder (src/decode), the exit table's decoders (the exit
 * log's line, the full decode, the run's outcome), the console's exit log
 * entry and report (src/ui), the interrupt and BIOS describers, and the
 * --trace JSON line (src/app/trace_json.c). Guest bytes reach all of them.
 *
 * What must hold, else fuzz_fail: a --trace line fits the 512 bytes the
 * headless console writes it from and is one valid JSON object of printable
 * ASCII; the decoder's words fit PORT_DECODE_MAX; every text meant for the
 * screen has no control byte (a raw ESC would reach the host terminal) and,
 * where it may hold UTF-8, valid UTF-8 only.
 */
#ifndef KVMTUI_FUZZ_EVENT_H
#define KVMTUI_FUZZ_EVENT_H

#include <stdbool.h>
#include <stddef.h>

#include "event.h"
#include "port_decoder.h"

/* The record through the decoder first (decoder may be NULL: no words),
 * then through the --trace writer, and with full through fuzz_event_check
 * (the device targets leave that to fuzz_exits: it is most of their time). */
void fuzz_event_feed(struct port_decoder *decoder, const struct event *ev, bool full);
/* Every writer above, on one record and the decoder's words for it. */
void fuzz_event_check(const struct event *ev, const char *decode);
/* Text for the screen: no control bytes (newlines only if lines is true);
 * bytes above 0x7e only as valid UTF-8, and only if utf8. what names it. */
void fuzz_text_check(const char *what, const char *text, bool utf8, bool lines);

#endif
