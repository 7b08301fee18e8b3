/* trace_json.h - one exit as one line of JSON (--trace). */
#ifndef KVMTUI_TRACE_JSON_H
#define KVMTUI_TRACE_JSON_H

#include <stddef.h>

#include "event.h"

/* Writes a JSON object (no newline) for an EVENT_EXIT record; returns its
 * length (truncated to len - 1 like snprintf). Fields: seq, time_ns, reason,
 * rip, the reason's own fields (listed in src/seam/exit_json.c), then
 * "step":true if the exit ended a single step. */
size_t trace_json_format(const struct event *ev, char *buf, size_t len);

#endif
