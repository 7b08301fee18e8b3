/* SPDX-License-Identifier: MIT */
/* trace_json.h - one record as one line of JSON (--trace). */
#ifndef KVMTUI_TRACE_JSON_H
#define KVMTUI_TRACE_JSON_H

#include <stddef.h>

#include "event.h"

/* Writes a JSON object (no newline) for an EVENT_EXIT or EVENT_IRQ record;
 * returns its length (truncated to len - 1 like snprintf).
 * An exit: seq, time_ns, reason, rip, the reason's own fields (listed in
 * src/seam/exit_json.c), then "decode" when decode is non-empty (a device
 * port access in words, src/decode), then "step":true if the exit ended a
 * single step.
 * An interrupt: seq (the exit it came after), time_ns, then "kind":"irq"
 * and its fields (irq_json in src/seam/irq_describe.c). Exit lines have no
 * "kind": they are what traces always held. */
size_t trace_json_decoded(const struct event *ev, const char *decode, char *buf, size_t len);
/* The same without a decode. */
size_t trace_json_format(const struct event *ev, char *buf, size_t len);

#endif
