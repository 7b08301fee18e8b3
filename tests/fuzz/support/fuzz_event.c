/* SPDX-License-Identifier: MIT */
/* fuzz_event.c - a record through every text writer (see fuzz_event.h). */
#include "fuzz_event.h"

#include <string.h>

#include "bios_describe.h"
#include "exit_format.h"
#include "exit_report.h"
#include "exit_table.h"
#include "fuzz_input.h"
#include "irq_describe.h"
#include "trace_json.h"

#define TRACE_LINE 512 /* headless.c's trace_line buffer */
#define TEXT_ROOM 2048  /* for the writers that may grow: sections, reports */

/* Length of the UTF-8 sequence at s (valid, shortest form, no surrogates,
 * no C1 controls), or 0. */
static size_t utf8_len(const unsigned char *s)
{
	unsigned char c = s[0];
	size_t n;
	uint32_t cp, min;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, cp = c & 0x1fu, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, cp = c & 0x0fu, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, cp = c & 0x07u, min = 0x10000;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3fu);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp < 0xa0)
		return 0;
	return n;
}

void fuzz_text_check(const char *what, const char *text, bool utf8, bool lines)
{
	const unsigned char *s = (const unsigned char *)text;
	for (size_t i = 0; s[i];) {
		if (s[i] == '\n' && lines) {
			i++;
			continue;
		}
		if (s[i] < 0x20 || s[i] == 0x7f)
			fuzz_fail("%s: control byte 0x%02x at %zu in \"%s\"", what, s[i], i, text);
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = utf8 ? utf8_len(s + i) : 0;
		if (n == 0)
			fuzz_fail("%s: byte 0x%02x at %zu is not %s in \"%s\"", what, s[i], i,
				  utf8 ? "valid UTF-8" : "ASCII", text);
		i += n;
	}
}

static void check_trace(const struct event *ev, const char *decode)
{
	char line[TRACE_LINE];
	size_t len = trace_json_decoded(ev, decode, line, sizeof line);
	if (len >= sizeof line - 1 || strlen(line) != len)
		fuzz_fail("trace line of %zu bytes does not fit its %d-byte buffer: %s", len, TRACE_LINE, line);
	if (!fuzz_json_valid(line, len))
		fuzz_fail("trace line is not one JSON object of printable ASCII: %s", line);
	if (line[0] != '{')
		fuzz_fail("trace line is not an object: %s", line);
}

static void check_entry(const struct event *ev, const char *decode, bool utf8)
{
	struct exit_line l;
	memset(&l, 0, sizeof l);
	exit_format_entry(ev, decode, utf8, &l);
	fuzz_text_check("exit log number", l.num, false, false);
	fuzz_text_check("exit log time", l.time, false, false);
	fuzz_text_check("exit log reason", l.reason, false, false);
	fuzz_text_check("exit log detail", l.detail, utf8, false);
	fuzz_text_check("exit log rip", l.rip, false, false);
}

static void check_report(const struct event *ev, const char *decode)
{
	char lines[EXIT_REPORT_LINES][EXIT_REPORT_COLS];
	size_t wrap = 20 + ev->seq % 70;
	size_t n = exit_report(ev, decode, lines, EXIT_REPORT_LINES, wrap);
	if (n > EXIT_REPORT_LINES)
		fuzz_fail("exit report of %zu lines, room for %d", n, EXIT_REPORT_LINES);
	for (size_t i = 0; i < n; i++)
		fuzz_text_check("exit report", lines[i], true, false);
}

/* The exit table's own decoders, each into a buffer that is large enough
 * and into one that is not (they must truncate, not overflow). */
static void check_decoder(exit_decode_fn *fn, const struct event *ev, const char *what, bool lines)
{
	static char big[TEXT_ROOM];
	char small[7];
	if (!fn)
		return;
	struct exit_text t = exit_text_init(big, sizeof big);
	fn(ev, &t);
	if (exit_text_length(&t) != strlen(big))
		fuzz_fail("%s: length %zu but %zu bytes of text", what, exit_text_length(&t), strlen(big));
	fuzz_text_check(what, big, false, lines);
	t = exit_text_init(small, sizeof small);
	fn(ev, &t);
	if (strlen(small) >= sizeof small)
		fuzz_fail("%s: overran a small buffer", what);
	t = exit_text_init(NULL, 0);
	fn(ev, &t);
}

static void check_irq(const struct event *ev)
{
	static char big[TEXT_ROOM];
	struct exit_text t = exit_text_init(big, sizeof big);
	irq_describe_line(ev, true, &t);
	fuzz_text_check("irq line", big, true, false);
	t = exit_text_init(big, sizeof big);
	irq_describe_line(ev, false, &t);
	fuzz_text_check("irq line (ASCII)", big, false, false);
	t = exit_text_init(big, sizeof big);
	irq_describe_section(ev, &t);
	fuzz_text_check("irq section", big, true, true);
	fuzz_text_check("irq explanation", irq_explain(ev), true, true);
}

/* COM1's bytes in a record, as the consoles feed them to the scrollback
 * and stdout: inside the record. */
static void check_serial(const struct event *ev)
{
	const uint8_t *serial = NULL;
	size_t n = event_serial_bytes(ev, &serial);
	if (n && (serial < (const uint8_t *)ev || serial + n > (const uint8_t *)(ev + 1)))
		fuzz_fail("event_serial_bytes: %zu bytes at offset %td of a %zu-byte record", n,
			  serial - (const uint8_t *)ev, sizeof *ev);
}

void fuzz_event_check(const struct event *ev, const char *decode)
{
	check_serial(ev);
	check_trace(ev, decode);
	check_entry(ev, decode, true);
	check_entry(ev, decode, false);
	check_report(ev, decode);
	if (ev->kind == EVENT_IRQ) {
		check_irq(ev);
		return;
	}
	const struct exit_info *info = exit_info(ev->reason);
	if (!info || !info->name)
		fuzz_fail("no exit table entry for reason %u", ev->reason);
	check_decoder(info->line, ev, "exit line", false);
	check_decoder(info->section, ev, "exit section", true);
	check_decoder(info->outcome, ev, "exit outcome", false);
	if (decode && decode[0] && ev->reason == EXIT_IO) {
		static char big[TEXT_ROOM];
		struct exit_text t = exit_text_init(big, sizeof big);
		exit_line_io_decoded(ev, decode, &t);
		fuzz_text_check("decoded exit line", big, false, false);
	}
	if (ev->flags & EVENT_F_BIOS) {
		char what[160];
		bios_describe(ev, what, sizeof what);
		fuzz_text_check("BIOS call", what, false, false);
		fuzz_text_check("BIOS service", bios_service_name(ev->u.bios.vector), false, false);
	}
}

void fuzz_event_feed(struct port_decoder *decoder, const struct event *ev, bool full)
{
	char decode[PORT_DECODE_MAX];
	decode[0] = '\0';
	if (decoder) {
		size_t len = port_decoder_feed(decoder, ev, decode, sizeof decode);
		if (len >= sizeof decode || strlen(decode) != len)
			fuzz_fail("port decoder: length %zu, text \"%s\"", len, decode);
		fuzz_text_check("port decoder", decode, false, false);
	}
	if (full)
		fuzz_event_check(ev, decode);
	else
		check_trace(ev, decode);
}
