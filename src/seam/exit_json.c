/* SPDX-License-Identifier: MIT */
/* exit_json.c - each reason's own fields in a --trace line, and the JSON
 * member writers they (and the trace writer) use. The fields:
 *   IO: dir ("in"/"out"), port, size, count, data (hex, first bytes moved)
 *   MMIO: dir ("read"/"write"), addr, len, data
 *   FAIL_ENTRY: hardware_reason; INTERNAL_ERROR: suberror, insn (hex bytes)
 *   DEBUG: exception, dr6; SYSTEM_EVENT: type; X86_RDMSR/WRMSR: index, data
 * The trace writer (src/app/trace_json.c) adds "decode" to an IO exit at a
 * device port (src/decode) and writes interrupts as lines of their own
 * (irq_json in irq_describe.c).
 *
 * Addresses and data are hex strings ("0x3f8"): JSON numbers lose precision
 * past 2^53 in most readers, and hex is how the guest's source spells them.
 */
#include <inttypes.h>

#include "bios_describe.h"
#include "exit_decoders.h"

/* Keys are this file's literals; only values can carry unexpected bytes. */
void exit_json_string(struct exit_text *out, const char *key, const char *value)
{
	exit_text_printf(out, ",\"%s\":\"", key);
	for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
		if (*p == '"' || *p == '\\')
			exit_text_printf(out, "\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7f) /* non-ASCII too: a guest's bytes need not be UTF-8 */
			exit_text_printf(out, "\\u%04x", *p);
		else
			exit_text_printf(out, "%c", *p);
	}
	exit_text_printf(out, "\"");
}

void exit_json_uint(struct exit_text *out, const char *key, uint64_t value)
{
	exit_text_printf(out, ",\"%s\":%" PRIu64, key, value);
}

void exit_json_hex(struct exit_text *out, const char *key, uint64_t value)
{
	exit_text_printf(out, ",\"%s\":\"0x%" PRIx64 "\"", key, value);
}

static uint64_t little_endian(const uint8_t *data, unsigned len)
{
	uint64_t v = 0;
	for (unsigned i = len < 8 ? len : 8; i-- > 0;)
		v = (v << 8) | data[i];
	return v;
}

void exit_json_io(const struct event *ev, struct exit_text *out)
{
	exit_json_string(out, "dir", ev->u.io.dir == IO_OUT ? "out" : "in");
	exit_json_hex(out, "port", ev->u.io.port);
	exit_json_uint(out, "size", ev->u.io.size);
	exit_json_uint(out, "count", ev->u.io.count);
	if (ev->flags & EVENT_F_BIOS) {
		char what[120];
		bios_describe(ev, what, sizeof what);
		exit_json_hex(out, "bios_vector", ev->u.bios.vector);
		exit_json_hex(out, "bios_ax", ev->u.bios.ax);
		exit_json_string(out, "bios", what);
		return;
	}
	/* The first element moved: a rep string's later bytes are not in the record. */
	exit_json_hex(out, "data", little_endian(ev->u.io.data, ev->u.io.size));
}

void exit_json_mmio(const struct event *ev, struct exit_text *out)
{
	exit_json_string(out, "dir", ev->u.mmio.is_write ? "write" : "read");
	exit_json_hex(out, "addr", ev->u.mmio.addr);
	exit_json_uint(out, "len", ev->u.mmio.len);
	exit_json_hex(out, "data", little_endian(ev->u.mmio.data, ev->u.mmio.len));
}

void exit_json_fail_entry(const struct event *ev, struct exit_text *out)
{
	exit_json_hex(out, "hardware_reason", ev->u.fail_entry.hardware_reason);
}

void exit_json_internal(const struct event *ev, struct exit_text *out)
{
	char insn[15 * 3 + 1];
	exit_insn_hex(ev, insn, sizeof(insn));
	exit_json_uint(out, "suberror", ev->u.internal.suberror);
	exit_json_string(out, "insn", insn);
}

void exit_json_debug(const struct event *ev, struct exit_text *out)
{
	exit_json_uint(out, "exception", ev->u.debug.exception);
	exit_json_hex(out, "dr6", ev->u.debug.dr6);
}

void exit_json_system_event(const struct event *ev, struct exit_text *out)
{
	exit_json_uint(out, "type", ev->u.system_event.type);
}

void exit_json_msr(const struct event *ev, struct exit_text *out)
{
	exit_json_hex(out, "index", ev->u.msr.index);
	exit_json_hex(out, "data", ev->u.msr.data);
}
