/* trace_json.h - one exit as one line of JSON (--trace). */
#ifndef KVMTUI_TRACE_JSON_H
#define KVMTUI_TRACE_JSON_H

#include <stddef.h>

#include "event.h"

/* Writes a JSON object (no newline) for an EVENT_EXIT record; returns its
 * length (truncated to len - 1 like snprintf). Fields: seq, time_ns, reason,
 * rip, then the detail for the reason:
 *   IO: dir ("in"/"out"), port, size, count, data (hex, first bytes moved)
 *   MMIO: dir ("read"/"write"), addr, len, data
 *   FAIL_ENTRY: hardware_reason; INTERNAL_ERROR: suberror, insn (hex bytes)
 *   DEBUG: exception, dr6; SYSTEM_EVENT: type; X86_RDMSR/WRMSR: index, data
 * Numbers that are addresses or data are strings in hex ("0x3f8"). */
size_t trace_json_format(const struct event *ev, char *buf, size_t len);

#endif
