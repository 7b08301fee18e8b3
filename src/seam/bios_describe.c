/* SPDX-License-Identifier: MIT */
/* bios_describe.c - each BIOS function by name, with the arguments a student
 * would look at (Ralf Brown's interrupt list's names, shortened). */
#include "bios_describe.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

struct line {
	char *buf;
	size_t n, used;
};

static void put(struct line *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(struct line *l, const char *fmt, ...)
{
	if (l->used >= l->n)
		return;
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(l->buf + l->used, l->n - l->used, fmt, ap);
	va_end(ap);
	if (k > 0)
		l->used += (size_t)k < l->n - l->used ? (size_t)k : l->n - l->used - 1;
}

/* A character argument: 'A', or its code where quoting would mislead. */
static void put_char(struct line *l, unsigned c)
{
	if (c == '\r')
		put(l, "CR");
	else if (c == '\n')
		put(l, "LF");
	else if (c == 8)
		put(l, "BS");
	else if (c == 7)
		put(l, "BEL");
	else if (c >= 0x20 && c < 0x7f && c != '\'')
		put(l, "'%c'", (char)c);
	else
		put(l, "%02Xh", c);
}

const char *bios_service_name(unsigned vector)
{
	switch (vector) {
	case 0x09: return "keyboard interrupt";
	case 0x10: return "video";
	case 0x11: return "equipment";
	case 0x12: return "memory size";
	case 0x13: return "disk";
	case 0x14: return "serial";
	case 0x15: return "system";
	case 0x16: return "keyboard";
	case 0x17: return "printer";
	case 0x18: return "boot failed";
	case 0x19: return "bootstrap";
	case 0x1a: return "clock";
	default: return "BIOS";
	}
}

static unsigned ah(const struct event *ev) { return ev->u.bios.ax >> 8; }
static unsigned al(const struct event *ev) { return ev->u.bios.ax & 0xff; }

static void video(struct line *l, const struct event *ev)
{
	const typeof(ev->u.bios) *b = &ev->u.bios;
	switch (ah(ev)) {
	case 0x00: put(l, "set mode %02Xh", al(ev) & 0x7f); break;
	case 0x01: put(l, "cursor shape lines %u-%u", (b->cx >> 8) & 0x1f, b->cx & 0x1f); break;
	case 0x02: put(l, "set cursor row %u col %u", b->dx >> 8, b->dx & 0xff); break;
	case 0x03: put(l, "get cursor"); break;
	case 0x05: put(l, "select page %u", al(ev)); break;
	case 0x06: case 0x07:
		put(l, "scroll %s %u lines rows %u-%u cols %u-%u", ah(ev) == 6 ? "up" : "down", al(ev),
		    b->cx >> 8, b->dx >> 8, b->cx & 0xff, b->dx & 0xff);
		break;
	case 0x08: put(l, "read char+attr -> "); put_char(l, b->al_out); put(l, " attr %02Xh", b->ah_out); break;
	case 0x09: put(l, "write char+attr "); put_char(l, al(ev)); put(l, " attr %02Xh x%u", b->bx & 0xff, b->cx); break;
	case 0x0a: put(l, "write char "); put_char(l, al(ev)); put(l, " x%u", b->cx); break;
	case 0x0e: put(l, "teletype "); put_char(l, al(ev)); break;
	case 0x0f: put(l, "get mode -> %02Xh", b->al_out); break;
	case 0x13: put(l, "write string %u chars at row %u col %u", b->cx, b->dx >> 8, b->dx & 0xff); break;
	case 0x1a: put(l, "display combination"); break;
	case 0x12: put(l, "alternate select BL=%02Xh", b->bx & 0xff); break;
	case 0x11: put(l, "character generator AL=%02Xh", al(ev)); break;
	case 0x0b: case 0x10: put(l, "palette AL=%02Xh", al(ev)); break;
	default: put(l, "function"); break;
	}
}

static void chs(struct line *l, const struct event *ev)
{
	const typeof(ev->u.bios) *b = &ev->u.bios;
	unsigned cyl = (b->cx >> 8) | (b->cx & 0xc0) << 2, sector = b->cx & 0x3f;
	put(l, "%u sector%s C%u H%u S%u drive %02Xh", al(ev), al(ev) == 1 ? "" : "s", cyl, b->dx >> 8,
	    sector, b->dx & 0xff);
}

static void disk(struct line *l, const struct event *ev)
{
	const typeof(ev->u.bios) *b = &ev->u.bios;
	switch (ah(ev)) {
	case 0x00: put(l, "reset drive %02Xh", b->dx & 0xff); break;
	case 0x01: put(l, "status of drive %02Xh", b->dx & 0xff); break;
	case 0x02: put(l, "read "); chs(l, ev); put(l, " -> %04x:%04x", b->es, b->bx); break;
	case 0x03: put(l, "write "); chs(l, ev); put(l, " <- %04x:%04x", b->es, b->bx); break;
	case 0x04: put(l, "verify "); chs(l, ev); break;
	case 0x08: put(l, "get parameters of drive %02Xh", b->dx & 0xff); break;
	case 0x15: put(l, "disk type of drive %02Xh", b->dx & 0xff); break;
	case 0x41: put(l, "extensions check drive %02Xh", b->dx & 0xff); break;
	case 0x42: put(l, "extended read drive %02Xh LBA %u", b->dx & 0xff, b->detail); break;
	case 0x43: put(l, "extended write drive %02Xh LBA %u", b->dx & 0xff, b->detail); break;
	case 0x48: put(l, "drive parameters drive %02Xh", b->dx & 0xff); break;
	default: put(l, "function"); break;
	}
}

static void serial(struct line *l, const struct event *ev)
{
	switch (ah(ev)) {
	case 0x00: put(l, "init COM%u", ev->u.bios.dx + 1u); break;
	case 0x01: put(l, "send "); put_char(l, al(ev)); break;
	case 0x02:
		put(l, "receive");
		if (!(ev->u.bios.result & BIOS_EV_RETRY)) {
			put(l, " -> ");
			put_char(l, ev->u.bios.al_out);
		}
		break;
	case 0x03: put(l, "status"); break;
	default: put(l, "function"); break;
	}
}

static void system_call(struct line *l, const struct event *ev)
{
	const typeof(ev->u.bios) *b = &ev->u.bios;
	switch (ah(ev)) {
	case 0x86: put(l, "wait %u us", (unsigned)b->cx << 16 | b->dx); break;
	case 0x88: put(l, "extended memory size"); break;
	case 0x24: put(l, "A20 %s", al(ev) == 0 ? "off" : al(ev) == 1 ? "on" : al(ev) == 2 ? "status" : "support"); break;
	case 0xe8:
		if (al(ev) == 0x20)
			put(l, "memory map entry %u", b->detail);
		else
			put(l, "memory size (AX=%04Xh)", b->ax);
		return;
	default: put(l, "function"); break;
	}
}

static void key_word(struct line *l, uint32_t word)
{
	put(l, " -> ");
	put_char(l, word & 0xff);
	put(l, " scan %02Xh", (word >> 8) & 0xff);
}

static void keyboard(struct line *l, const struct event *ev)
{
	const typeof(ev->u.bios) *b = &ev->u.bios;
	switch (ah(ev)) {
	case 0x00: case 0x10:
		put(l, "read key");
		if (!(b->result & BIOS_EV_RETRY))
			key_word(l, b->detail);
		break;
	case 0x01: case 0x11:
		put(l, "key available?");
		if (b->result & BIOS_EV_ZERO)
			put(l, " no");
		else
			key_word(l, b->detail);
		break;
	case 0x02: case 0x12: put(l, "shift flags -> %02Xh", b->al_out); break;
	case 0x03: put(l, "typematic rate"); break;
	case 0x05: put(l, "store key %04Xh", b->cx); break;
	default: put(l, "function"); break;
	}
}

static void clock_call(struct line *l, const struct event *ev)
{
	static const char *const names[] = { "get ticks", "set ticks", "get time", "set time", "get date", "set date" };
	if (ah(ev) < 6)
		put(l, "%s", names[ah(ev)]);
	else
		put(l, "function");
	if (ah(ev) == 0)
		put(l, " -> %u", ev->u.bios.detail);
}

static void keyboard_irq(struct line *l, const struct event *ev)
{
	put(l, "int 09h keyboard: scan code %02Xh", ev->u.bios.al_out);
	if (ev->u.bios.detail)
		put(l, ", key %04Xh into the buffer", ev->u.bios.detail);
}

static void outcome(struct line *l, const struct event *ev)
{
	uint8_t r = ev->u.bios.result;
	if (r & BIOS_EV_UNKNOWN)
		put(l, r & BIOS_EV_CARRY ? ": unknown to this BIOS, CF set" : ": unknown to this BIOS, ignored");
	else if (r & BIOS_EV_RETRY)
		put(l, " (waiting)");
	else if (r & BIOS_EV_CARRY)
		put(l, ": failed, AH=%02Xh", ev->u.bios.ah_out);
}

void bios_describe(const struct event *ev, char *buf, size_t n)
{
	struct line l = { .buf = buf, .n = n };
	if (!n)
		return;
	buf[0] = 0;
	unsigned vector = ev->u.bios.vector;
	if (ev->u.bios.result & BIOS_EV_IRQ) {
		keyboard_irq(&l, ev);
		return;
	}
	bool uses_ax = vector == 0x15 && ah(ev) == 0xe8;
	if (uses_ax)
		put(&l, "int %02Xh AX=%04Xh ", vector, ev->u.bios.ax);
	else
		put(&l, "int %02Xh AH=%02Xh ", vector, ah(ev));
	switch (vector) {
	case 0x10: video(&l, ev); break;
	case 0x13: disk(&l, ev); break;
	case 0x14: serial(&l, ev); break;
	case 0x15: system_call(&l, ev); break;
	case 0x16: keyboard(&l, ev); break;
	case 0x1a: clock_call(&l, ev); break;
	case 0x11: put(&l, "equipment list"); break;
	case 0x12: put(&l, "base memory size"); break;
	case 0x17: put(&l, "printer"); break;
	case 0x18: put(&l, "no bootable disk: reboot"); break;
	case 0x19: put(&l, "bootstrap: reboot"); break;
	default: put(&l, "%s", bios_service_name(vector)); break;
	}
	outcome(&l, ev);
}
