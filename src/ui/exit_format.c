/* exit_format.c - exit records as text (see exit_format.h).
 *
 * Port I/O is written as the instruction that caused it (outb, inw, rep
 * outsb) because that is what the student wrote in the guest's source.
 */
#include "exit_format.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "port_names.h"

#define COM1_THR 0x3f8
#define DEBUGCON_PORT 0xe9

enum theme_slot exit_reason_slot(unsigned reason)
{
	switch (reason) {
	case EXIT_IO:
		return THEME_EXIT_IO;
	case EXIT_MMIO:
		return THEME_EXIT_MMIO;
	case EXIT_HLT:
		return THEME_EXIT_HLT;
	case EXIT_DEBUG:
		return THEME_EXIT_DEBUG;
	case EXIT_SHUTDOWN:
	case EXIT_FAIL_ENTRY:
	case EXIT_INTERNAL_ERROR:
		return THEME_EXIT_ERROR;
	default:
		return THEME_EXIT_OTHER;
	}
}

void exit_format_char(unsigned char c, char *buf, size_t n)
{
	static const char *const named[] = {
		['\0'] = "\\0", ['\a'] = "\\a", ['\b'] = "\\b", ['\t'] = "\\t",
		['\n'] = "\\n", ['\v'] = "\\v", ['\f'] = "\\f", ['\r'] = "\\r",
	};
	if (c < sizeof(named) / sizeof(named[0]) && named[c])
		snprintf(buf, n, "'%s'", named[c]);
	else if (c == 0x1b)
		snprintf(buf, n, "ESC");
	else if (c == '\'' || c == '\\')
		snprintf(buf, n, "'\\%c'", c);
	else if (c >= 0x20 && c < 0x7f)
		snprintf(buf, n, "'%c'", c);
	else
		buf[0] = '\0';
}

/* Little-endian bytes as the value the instruction moved: 1234 for a word. */
void exit_format_value(char *buf, size_t n, const uint8_t *data, unsigned size)
{
	uint64_t v = 0;
	if (size > 8)
		size = 8;
	for (unsigned i = size; i-- > 0;)
		v = (v << 8) | data[i];
	snprintf(buf, n, "%0*" PRIx64, (int)(size ? size * 2 : 2), v);
}

static char size_suffix(unsigned size)
{
	return size == 1 ? 'b' : size == 2 ? 'w' : size == 4 ? 'l' : '?';
}

/* Appends to a NUL-terminated buffer, truncating quietly. */
static void appendf(char *buf, size_t n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void appendf(char *buf, size_t n, const char *fmt, ...)
{
	size_t len = strlen(buf);
	if (len + 1 >= n)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + len, n - len, fmt, ap);
	va_end(ap);
}

static void format_io(const struct event *ev, char *out, size_t n)
{
	int is_out = ev->u.io.dir == IO_OUT;
	uint16_t port = ev->u.io.port;
	char value[24], chr[12] = "";
	exit_format_value(value, sizeof(value), ev->u.io.data, ev->u.io.size);
	if (is_out && ev->u.io.size == 1 && (port == COM1_THR || port == DEBUGCON_PORT))
		exit_format_char(ev->u.io.data[0], chr, sizeof(chr));
	struct port_name name = port_name_of(port, ev->u.io.dir);

	snprintf(out, n, "%s%s%s%c 0x%" PRIx16, ev->u.io.count > 1 ? "rep " : "",
		 is_out ? "out" : "in", ev->u.io.count > 1 ? "s" : "", size_suffix(ev->u.io.size),
		 port);
	if (name.short_name)
		appendf(out, n, " %s", name.short_name);
	appendf(out, n, " %s%s", is_out ? "" : "-> ", value);
	if (chr[0])
		appendf(out, n, " %s", chr);
	if (ev->u.io.count > 1)
		appendf(out, n, " x%" PRIu32, ev->u.io.count);
}

static void format_mmio(const struct event *ev, char *out, size_t n)
{
	char value[24];
	unsigned len = ev->u.mmio.len;
	exit_format_value(value, sizeof(value), ev->u.mmio.data, len);
	snprintf(out, n, "%s 0x%" PRIx64 " %uB %s%s", ev->u.mmio.is_write ? "write" : "read",
		 ev->u.mmio.addr, len, ev->u.mmio.is_write ? "" : "-> ", value);
}

const char *exit_system_event_name(uint32_t type)
{
	switch (type) {
	case 1: return "shutdown";
	case 2: return "reset";
	case 3: return "crash";
	case 4: return "wakeup";
	case 5: return "suspend";
	case 6: return "SEV termination";
	}
	return "event";
}

const char *exit_suberror_name(uint32_t sub)
{
	switch (sub) {
	case 1: return "emulation failure";
	case 2: return "simultaneous exception";
	case 3: return "delivery event";
	case 4: return "unexpected exit reason";
	}
	return "internal error";
}

static void format_debug(const struct event *ev, char *out, size_t n)
{
	uint32_t exc = ev->u.debug.exception;
	const char *what = (ev->flags & EVENT_F_STEP) ? "single step"
			   : exc == 3			? "#BP breakpoint"
			   : exc == 1			? "#DB debug trap"
							: "debug";
	snprintf(out, n, "%s dr6 %" PRIx64, what, ev->u.debug.dr6);
}

static void format_detail(const struct event *ev, char *out, size_t n)
{
	out[0] = '\0';
	switch (ev->reason) {
	case EXIT_IO:
		format_io(ev, out, n);
		break;
	case EXIT_MMIO:
		format_mmio(ev, out, n);
		break;
	case EXIT_HLT:
		snprintf(out, n, "hlt: wait for an interrupt");
		break;
	case EXIT_DEBUG:
		format_debug(ev, out, n);
		break;
	case EXIT_SHUTDOWN:
		snprintf(out, n, "triple fault: the CPU shut down");
		break;
	case EXIT_FAIL_ENTRY:
		snprintf(out, n, "entry refused, hw reason 0x%" PRIx64,
			 ev->u.fail_entry.hardware_reason);
		break;
	case EXIT_INTERNAL_ERROR:
		snprintf(out, n, "%s (suberror %" PRIu32 ")",
			 exit_suberror_name(ev->u.internal.suberror), ev->u.internal.suberror);
		break;
	case EXIT_SYSTEM_EVENT:
		snprintf(out, n, "%s", exit_system_event_name(ev->u.system_event.type));
		break;
	case EXIT_X86_RDMSR:
		snprintf(out, n, "rdmsr 0x%" PRIx32, ev->u.msr.index);
		break;
	case EXIT_X86_WRMSR:
		snprintf(out, n, "wrmsr 0x%" PRIx32 " = %" PRIx64, ev->u.msr.index, ev->u.msr.data);
		break;
	case EXIT_INTR:
		snprintf(out, n, "signal: the vCPU was kicked");
		break;
	}
}

/* RIP with at least four digits, more only when the address needs them. */
static void format_rip(char *buf, size_t n, uint64_t rip)
{
	int digits = rip <= 0xffff ? 4 : rip <= 0xffffffffull ? 8 : 16;
	snprintf(buf, n, "rip %0*" PRIx64, digits, rip);
}

void exit_format_line(const struct event *ev, struct exit_line *out)
{
	snprintf(out->num, sizeof(out->num), "#%" PRIu64, ev->seq);
	/* Microseconds: hello's whole run fits in a millisecond. */
	snprintf(out->time, sizeof(out->time), "%.6fs", (double)ev->time_ns / 1e9);
	snprintf(out->reason, sizeof(out->reason), "%s", exit_reason_name(ev->reason));
	format_detail(ev, out->detail, sizeof(out->detail));
	format_rip(out->rip, sizeof(out->rip), ev->rip);
}
