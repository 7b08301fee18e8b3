/* SPDX-License-Identifier: MIT */
/* fuzz_ports.c - the port bus with every device of the PC on it, driven by
 * what a guest can do: IN and OUT (and rep strings) of 1, 2 or 4 bytes at
 * any port, in any order, with time passing and interrupts taken between.
 *
 * A guest reaches the devices only through port I/O exits, so a sequence
 * of accesses is the whole of what a hostile guest can try. The devices
 * (src/dev: 8259A pair and ELCR, 8254, port 61h, CMOS clock, 8042 and port
 * 92h, COM1, VGA ports, debug ports) sit on one bus as the vmm puts them
 * (support/fuzz_board.c); each access also goes, as its exit record, to
 * the port decoder and the text writers of the exit log and --trace.
 * Besides the sanitizers, fuzz_board_check's invariants must hold after
 * every step, and the VGA capture of a text screen from random memory
 * must stay in the screen.
 *
 * The input is an op-code stream: one byte says what, the bytes after it
 * with what (see step()). Ports are mostly picked from the devices' ports,
 * so the fuzzer spends its time where the devices are; a raw 16-bit port
 * reaches the rest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bios_mem.h"
#include "fuzz_board.h"
#include "fuzz_input.h"
#include "kbd_feed.h"
#include "text_screen_dump.h"

static const uint16_t ports[] = {
	0x20, 0x21, 0xa0, 0xa1, 0x4d0, 0x4d1,             /* PICs, ELCR */
	0x40, 0x41, 0x42, 0x43, 0x61,                     /* PIT, port 61h */
	0x70, 0x71, 0x60, 0x64, 0x92,                     /* CMOS, 8042, port 92h */
	0x3f8, 0x3f9, 0x3fa, 0x3fb, 0x3fc, 0x3fd, 0x3fe, 0x3ff, /* COM1 */
	0xe9, 0xf4,                                       /* debug ports */
	0x3c0, 0x3c1, 0x3c4, 0x3c5, 0x3c6, 0x3c7, 0x3c8, 0x3c9, 0x3ca, 0x3cc,
	0x3ce, 0x3cf, 0x3d4, 0x3d5, 0x3da, 0x3b4, 0x3b5, 0x3ba, /* VGA */
	0x1f, 0x22, 0x62, 0x72, 0x80, 0xef, 0x3f7, 0x400, 0x4cf, 0x4d2, 0xffff, /* edges, nobody */
};
#define NPORTS (sizeof ports / sizeof ports[0])

/* Text memory the capture reads: 0xB8000 + 32 KiB is inside it. */
#define RAM_SIZE 0xc0000u
static uint8_t *ram;

static uint16_t pick_port(struct fuzz_in *in)
{
	uint8_t i = fuzz_u8(in);
	return i < NPORTS ? ports[i] : ports[i % NPORTS] + (i >> 6); /* neighbours too */
}

static uint8_t pick_size(uint8_t op)
{
	static const uint8_t sizes[4] = { 1, 1, 2, 4 };
	return sizes[(op >> 4) & 3];
}

/* The screen the console would show, from text memory the input fills. */
static void capture(struct fuzz_board *b, struct fuzz_in *in)
{
	size_t got;
	uint16_t at = fuzz_u16(in) & (VGA_TEXT_SIZE - 1);
	const uint8_t *bytes = fuzz_take(in, fuzz_u8(in), &got);
	size_t room = VGA_TEXT_SIZE - at;
	memcpy(ram + VGA_TEXT_BASE + at, bytes, got < room ? got : room);
	struct bios_mem mem = { .ram = ram, .size = RAM_SIZE };
	struct text_screen s;
	memset(&s, 0xa5, sizeof s);
	vga_capture(&b->vga, &mem, &s);
	if (s.cols == 0 || s.cols > TEXT_SCREEN_COLS || s.rows == 0 || s.rows > TEXT_SCREEN_ROWS)
		fuzz_fail("captured screen of %ux%u", s.cols, s.rows);
	if (s.cursor_visible && (s.cursor_row >= s.rows || s.cursor_col >= s.cols))
		fuzz_fail("visible cursor at %u,%u on a %ux%u screen", s.cursor_row, s.cursor_col,
			  s.cols, s.rows);
	static FILE *null;
	if (!null && !(null = fopen("/dev/null", "w")))
		fuzz_fail("cannot open /dev/null");
	text_screen_dump(&s, null);
}

static void step(struct fuzz_board *b, struct fuzz_in *in)
{
	uint8_t op = fuzz_u8(in);
	uint8_t size = pick_size(op);
	switch (op & 0x0f) {
	case 0: /* IN at a device port */
		fuzz_board_in(b, pick_port(in), size);
		break;
	case 1: case 2: { /* OUT at a device port */
		uint16_t port = pick_port(in);
		fuzz_board_out(b, port, size, fuzz_u32(in));
		break;
	}
	case 3: /* IN anywhere */
		fuzz_board_in(b, fuzz_u16(in), size);
		break;
	case 4: { /* OUT anywhere */
		uint16_t port = fuzz_u16(in);
		fuzz_board_out(b, port, size, fuzz_u32(in));
		break;
	}
	case 5: { /* rep insb/outsb/...: count elements at one port */
		uint16_t port = pick_port(in);
		unsigned count = fuzz_u8(in) % 64 + 1;
		bool out = op & 0x40;
		for (unsigned i = 0; i < count; i++) {
			if (out)
				fuzz_board_out(b, port, size, fuzz_u8(in) * 0x01010101u);
			else
				fuzz_board_in(b, port, size);
		}
		break;
	}
	case 6: /* time passes: from a nanosecond to about a day */
		fuzz_board_advance(b, (uint64_t)fuzz_u16(in) << (fuzz_u8(in) % 31));
		break;
	case 7: case 8: /* the vCPU's poll, taking an interrupt if one is due */
		fuzz_board_poll(b, true);
		break;
	case 9: /* a key typed for the 8042, as the keyboard queue hands it over */
		kbc_key(&b->kbc, kbd_feed_kbc_key(fuzz_u32(in) % 0x110000));
		break;
	case 10: /* a byte typed for COM1 */
		fuzz_board_rx(b, fuzz_u8(in));
		break;
	case 11: /* a device moves its line (as the board would not; the PIC must cope) */
		pic_set_irq(&b->pic, fuzz_u8(in) % 20, op & 0x40);
		break;
	case 12: /* the 8042's reset line or the user's reset */
		fuzz_board_reset(b);
		break;
	case 13:
		capture(b, in);
		break;
	case 14: { /* what the console asks of the devices */
		char buf[96];
		double hz;
		pit_describe_channel(&b->pit, fuzz_u8(in) % PIT_NCHANNELS, buf, sizeof buf);
		port61_speaker(&b->port61, b->guest_ns, &hz);
		struct speaker_tone tone;
		port_decoder_speaker(&b->decoder, &tone);
		break;
	}
	default: /* a few plain reads in a row: the common polling loop */
		for (int i = 0; i < 4; i++)
			fuzz_board_in(b, pick_port(in), size);
		break;
	}
	fuzz_board_check(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fuzz_board b;
	struct fuzz_in in = fuzz_in_init(data, size);

	if (!ram && !(ram = calloc(1, RAM_SIZE)))
		fuzz_fail("out of memory");
	memset(ram + VGA_TEXT_BASE, 0, VGA_TEXT_SIZE); /* each input starts from the same memory */
	/* The time of day: any second from 1970 to 2106, as the host's clock may say. */
	fuzz_board_init(&b, 16u << 20, (int64_t)fuzz_u32(&in) * 1000000000ll);
	while (!fuzz_in_empty(&in))
		step(&b, &in);
	return 0;
}
