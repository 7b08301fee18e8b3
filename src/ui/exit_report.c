/* exit_report.c - the full decode of one exit, one fact a line (Enter in
 * the exit log), ending with why KVM handed the exit to user space. */
#include "exit_report.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "exit_explain.h"
#include "exit_format.h"
#include "port_names.h"

struct report {
	char (*lines)[EXIT_REPORT_COLS];
	size_t max, n, wrap;
};

static void report_add(struct report *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void report_add(struct report *d, const char *fmt, ...)
{
	if (d->n >= d->max)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->lines[d->n++], EXIT_REPORT_COLS, fmt, ap);
	va_end(ap);
}

/* Word-wraps a paragraph into detail lines. */
static void report_wrap(struct report *d, const char *text)
{
	const size_t width = d->wrap;
	while (*text && d->n < d->max) {
		size_t len = strlen(text);
		size_t take = len;
		if (len > width) {
			take = width;
			while (take > 0 && text[take] != ' ')
				take--;
			if (take == 0)
				take = width;
		}
		report_add(d, "%.*s", (int)take, text);
		text += take;
		while (*text == ' ')
			text++;
	}
}

static void report_io(struct report *d, const struct event *ev)
{
	struct port_name name = port_name_of(ev->u.io.port, ev->u.io.dir);
	char value[24], chr[12] = "";
	exit_format_value(value, sizeof(value), ev->u.io.data, ev->u.io.size);
	exit_format_char(ev->u.io.data[0], chr, sizeof(chr));
	report_add(d, "Direction:  %s (%s)", ev->u.io.dir == IO_OUT ? "out" : "in",
		   ev->u.io.dir == IO_OUT ? "guest -> device" : "device -> guest");
	report_add(d, "Port:       0x%04" PRIx16 "%s%s", ev->u.io.port, name.long_name ? "  " : "",
		   name.long_name ? name.long_name : "");
	report_add(d, "Size:       %u byte%s, count %" PRIu32, ev->u.io.size,
		   ev->u.io.size == 1 ? "" : "s", ev->u.io.count);
	report_add(d, "Data:       0x%s%s%s", value, ev->u.io.size == 1 && chr[0] ? "  " : "",
		   ev->u.io.size == 1 ? chr : "");
}

static void report_mmio(struct report *d, const struct event *ev)
{
	char value[24];
	exit_format_value(value, sizeof(value), ev->u.mmio.data, ev->u.mmio.len);
	report_add(d, "Access:     %s", ev->u.mmio.is_write ? "write (guest -> device)"
						     : "read (device -> guest)");
	report_add(d, "Address:    0x%" PRIx64 " (guest physical)", ev->u.mmio.addr);
	report_add(d, "Length:     %u bytes", ev->u.mmio.len);
	report_add(d, "Data:       0x%s", value);
}

static void report_internal(struct report *d, const struct event *ev)
{
	char bytes[15 * 3 + 1] = "";
	unsigned n = ev->u.internal.insn_len > 15 ? 15 : ev->u.internal.insn_len;
	for (unsigned i = 0; i < n; i++)
		snprintf(bytes + 3 * i, sizeof(bytes) - 3 * i, "%02x ", ev->u.internal.insn[i]);
	report_add(d, "Suberror:   %" PRIu32 " (%s)", ev->u.internal.suberror,
		   exit_suberror_name(ev->u.internal.suberror));
	if (n)
		report_add(d, "Insn bytes: %s", bytes);
}

static void report_specific(struct report *d, const struct event *ev)
{
	switch (ev->reason) {
	case EXIT_IO:
		report_io(d, ev);
		break;
	case EXIT_MMIO:
		report_mmio(d, ev);
		break;
	case EXIT_INTERNAL_ERROR:
		report_internal(d, ev);
		break;
	case EXIT_FAIL_ENTRY:
		report_add(d, "HW reason:  0x%" PRIx64 " (on cpu %" PRIu32 ")",
			   ev->u.fail_entry.hardware_reason, ev->u.fail_entry.cpu);
		break;
	case EXIT_DEBUG:
		report_add(d, "Exception:  %" PRIu32 "%s", ev->u.debug.exception,
			   (ev->flags & EVENT_F_STEP) ? " (ended a single step)" : "");
		report_add(d, "DR6:        0x%" PRIx64 "  PC 0x%" PRIx64, ev->u.debug.dr6,
			   ev->u.debug.pc);
		break;
	case EXIT_SYSTEM_EVENT:
		report_add(d, "Event:      %" PRIu32 " (%s), data 0x%" PRIx64,
			   ev->u.system_event.type, exit_system_event_name(ev->u.system_event.type),
			   ev->u.system_event.data0);
		break;
	case EXIT_X86_RDMSR:
	case EXIT_X86_WRMSR:
		report_add(d, "MSR:        0x%" PRIx32 "  data 0x%" PRIx64 "  error %" PRIu32,
			   ev->u.msr.index, ev->u.msr.data, ev->u.msr.error);
		break;
	}
}

size_t exit_report(const struct event *ev, char lines[][EXIT_REPORT_COLS], size_t max,
			  size_t wrap)
{
	if (wrap < 20 || wrap > EXIT_REPORT_COLS - 1)
		wrap = wrap < 20 ? 20 : EXIT_REPORT_COLS - 1;
	struct report d = { lines, max, 0, wrap };
	struct exit_line l;
	exit_format_line(ev, &l);
	report_add(&d, "Exit %s at %.6f s since the VM started (generation %" PRIu32 ")",
		   l.num, (double)ev->time_ns / 1e9, ev->generation);
	report_add(&d, "Reason:     %s (KVM_EXIT_%s = %u)", l.reason, l.reason, ev->reason);
	report_add(&d, "RIP:        0x%" PRIx64 " (linear: CS base + RIP)", ev->rip);
	report_specific(&d, ev);
	if (l.detail[0])
		report_add(&d, "In short:   %s", l.detail);
	report_add(&d, "%s", "");
	report_wrap(&d, exit_explain(ev->reason));
	return d.n;
}
