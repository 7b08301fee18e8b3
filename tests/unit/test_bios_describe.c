/* SPDX-License-Identifier: MIT */
/* test_bios_describe.c - each BIOS call as the exit log words it, from the
 * exit record alone (what a replay has too). */
#include "bios_describe.h"
#include "check.h"

static struct event call(uint8_t vector, uint16_t ax)
{
	struct event ev;
	memset(&ev, 0, sizeof ev);
	ev.kind = EVENT_EXIT;
	ev.reason = EXIT_IO;
	ev.flags = EVENT_F_BIOS;
	ev.u.bios.port = 0xef;
	ev.u.bios.size = 1;
	ev.u.bios.dir = IO_OUT;
	ev.u.bios.count = 1;
	ev.u.bios.vector = vector;
	ev.u.bios.ax = ax;
	return ev;
}

static void check_line(const struct event *ev, const char *want)
{
	char line[160];
	bios_describe(ev, line, sizeof line);
	CHECK_STR(line, want);
}

static void test_video(void)
{
	struct event ev = call(0x10, 0x0e41);
	check_line(&ev, "int 10h AH=0Eh teletype 'A'");
	ev = call(0x10, 0x0e0d);
	check_line(&ev, "int 10h AH=0Eh teletype CR");
	ev = call(0x10, 0x0e27);
	check_line(&ev, "int 10h AH=0Eh teletype 27h"); /* a quote would mislead */
	ev = call(0x10, 0x0003);
	check_line(&ev, "int 10h AH=00h set mode 03h");
	ev = call(0x10, 0x0200);
	ev.u.bios.dx = 0x0c28;
	check_line(&ev, "int 10h AH=02h set cursor row 12 col 40");
	ev = call(0x10, 0x0601);
	ev.u.bios.cx = 0x0000;
	ev.u.bios.dx = 0x184f;
	check_line(&ev, "int 10h AH=06h scroll up 1 lines rows 0-24 cols 0-79");
	ev = call(0x10, 0x0800);
	ev.u.bios.al_out = 'x';
	ev.u.bios.ah_out = 0x1f;
	check_line(&ev, "int 10h AH=08h read char+attr -> 'x' attr 1Fh");
	ev = call(0x10, 0x4f00);
	ev.u.bios.result = BIOS_EV_UNKNOWN;
	check_line(&ev, "int 10h AH=4Fh function: unknown to this BIOS, ignored");
}

static void test_disk(void)
{
	struct event ev = call(0x13, 0x0201);
	ev.u.bios.cx = 0x0002;
	ev.u.bios.dx = 0x0080;
	ev.u.bios.bx = 0x7e00;
	check_line(&ev, "int 13h AH=02h read 1 sector C0 H0 S2 drive 80h -> 0000:7e00");
	/* Cylinder bits 8-9 ride in CL's top bits. */
	ev = call(0x13, 0x0302);
	ev.u.bios.cx = 0x05c1;
	ev.u.bios.dx = 0x0100;
	ev.u.bios.es = 0x1000;
	check_line(&ev, "int 13h AH=03h write 2 sectors C773 H1 S1 drive 00h <- 1000:0000");
	ev = call(0x13, 0x0201);
	ev.u.bios.dx = 0x0080;
	ev.u.bios.cx = 0x0001;
	ev.u.bios.result = BIOS_EV_CARRY;
	ev.u.bios.ah_out = 0x04;
	check_line(&ev, "int 13h AH=02h read 1 sector C0 H0 S1 drive 80h -> 0000:0000: failed, AH=04h");
	ev = call(0x13, 0x4200);
	ev.u.bios.dx = 0x0080;
	ev.u.bios.detail = 1234;
	check_line(&ev, "int 13h AH=42h extended read drive 80h LBA 1234");
	ev = call(0x13, 0x7700);
	ev.u.bios.result = BIOS_EV_UNKNOWN | BIOS_EV_CARRY;
	check_line(&ev, "int 13h AH=77h function: unknown to this BIOS, CF set");
}

static void test_keyboard_and_others(void)
{
	struct event ev = call(0x16, 0x0000);
	ev.u.bios.result = BIOS_EV_RETRY;
	check_line(&ev, "int 16h AH=00h read key (waiting)");
	ev = call(0x16, 0x0000);
	ev.u.bios.detail = 0x1e61;
	check_line(&ev, "int 16h AH=00h read key -> 'a' scan 1Eh");
	ev = call(0x16, 0x0100);
	ev.u.bios.result = BIOS_EV_ZERO;
	check_line(&ev, "int 16h AH=01h key available? no");
	ev = call(0x09, 0);
	ev.u.bios.result = BIOS_EV_IRQ;
	ev.u.bios.al_out = 0x1e;
	ev.u.bios.detail = 0x1e61;
	check_line(&ev, "int 09h keyboard: scan code 1Eh, key 1E61h into the buffer");
	ev = call(0x15, 0xe820);
	ev.u.bios.detail = 2;
	check_line(&ev, "int 15h AX=E820h memory map entry 2");
	ev = call(0x15, 0x8600);
	ev.u.bios.cx = 0x000f;
	ev.u.bios.dx = 0x4240;
	check_line(&ev, "int 15h AH=86h wait 1000000 us");
	ev = call(0x1a, 0x0000);
	ev.u.bios.detail = 65543;
	check_line(&ev, "int 1Ah AH=00h get ticks -> 65543");
	ev = call(0x14, 0x0141);
	check_line(&ev, "int 14h AH=01h send 'A'");
	ev = call(0x19, 0x0000);
	check_line(&ev, "int 19h AH=00h bootstrap: reboot");
	ev = call(0x11, 0x0000);
	check_line(&ev, "int 11h AH=00h equipment list");
	CHECK_STR(bios_service_name(0x13), "disk");
	CHECK_STR(bios_service_name(0x99), "BIOS");
}

/* A short buffer is cut, never overrun, and always terminated. */
static void test_short_buffer(void)
{
	struct event ev = call(0x13, 0x0201);
	char small[12];
	memset(small, 'x', sizeof small);
	bios_describe(&ev, small, sizeof small);
	CHECK_EQ(strlen(small), sizeof small - 1);
	CHECK(strncmp(small, "int 13h AH=", 11) == 0);
	char none[1] = { 'x' };
	bios_describe(&ev, none, 0);
	CHECK_EQ(none[0], 'x');
}

int main(void)
{
	test_video();
	test_disk();
	test_keyboard_and_others();
	test_short_buffer();
	return check_done();
}
