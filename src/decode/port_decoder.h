/* SPDX-License-Identifier: MIT */
/* port_decoder.h - device port accesses in words, for the exit log and --trace.
 *
 * "PIT ch0 mode 2 rate 11932 = 100.0 Hz", "PIC1 OCW2 EOI (ends IRQ0)",
 * "CMOS read 0x04 hours = 0x13", "KBC read scan 0x1e 'a' make".
 *
 * Many of these need what came before: the CMOS byte a read returns was
 * selected by an earlier OUT 0x70, a PIT count arrives as two bytes behind a
 * flip-flop, a byte written to a PIC's data port is ICW2, 3, 4 or a mask
 * depending on where the init sequence stands, and a non-specific EOI ends
 * whichever IRQ the PIC has in service. The devices know all of that, but a
 * replay has no devices, and the console must not reach into the vCPU
 * thread's. So the decoder sits on the consumer's side of the ring: it is
 * fed every record in ring order (the ring never drops exits) and keeps a
 * small shadow of just that index and sequence state, learnt from the
 * accesses themselves and from the injections (EVENT_IRQ); it starts over
 * when a record's generation changes (a reset, a replay's seek). The words
 * for each single access come from the devices' own pure describers in
 * src/dev; this adds what only the sequence can tell.
 *
 * Pure and single-threaded: one decoder per consumer (the TUI's intake, the
 * headless trace). No KVM, no curses.
 */
#ifndef KVMTUI_PORT_DECODER_H
#define KVMTUI_PORT_DECODER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"

#define PORT_DECODE_MAX 80 /* room for any decode, with its NUL */

/* One 8259: where its init sequence stands and what is in service. */
struct decode_pic {
	uint8_t init_next; /* 0: initialized; 2, 3 or 4: the ICW its data port expects */
	uint8_t icw1;
	uint8_t base;      /* vector base from ICW2 */
	bool aeoi;         /* ICW4 auto-EOI: nothing stays in service */
	bool rotated;      /* priorities rotated: "which IRQ an EOI ends" is no longer known */
	uint8_t isr;       /* IRQs injected and not yet ended, as far as the records tell */
	bool read_isr;     /* OCW3: the command port reads ISR (else IRR) */
	bool poll;         /* OCW3 poll: the next read is the poll word */
};

/* One 8254 counter: its control word, its two flip-flops and its count. */
struct decode_pit {
	bool known;        /* its control word is known (from reset or a write) */
	uint8_t rw, mode;  /* access 1 lo, 2 hi, 3 lo/hi; mode 0-5 */
	bool bcd;
	bool write_msb;    /* lo/hi: the low byte is in, the high byte comes next */
	uint8_t lsb;
	bool read_msb;     /* lo/hi: the next byte read is the high one */
	bool count_known;  /* a whole count was written since the control word */
	uint16_t count;    /* that count as written (0 = 65536; BCD if bcd) */
};

struct port_decoder {
	bool started;
	uint16_t generation;
	struct decode_pic pic[2];
	struct decode_pit pit[3];
	bool cmos_known;
	uint8_t cmos_index;
	uint8_t kbc_param_for; /* a controller command waiting for its data byte, or 0 */
	uint8_t kbc_reply_to;  /* a controller command whose answer the next 0x60 read is, or 0 */
	bool port61_known;
	uint8_t port61;        /* the last byte written to port 61h (gate 2, speaker data) */
};

/* What the PC speaker does, as far as the records tell. */
struct speaker_tone {
	bool on;   /* sounding a tone */
	double hz; /* its frequency; 0 when silent */
};

/* As a fresh machine is: the state a PC BIOS leaves (kvm-tui's devices
 * start there too). */
void port_decoder_reset(struct port_decoder *d);

/* Feeds one record, in ring order. For an IO exit at a device port it
 * knows (PIC, ELCR, PIT, port 61h, CMOS, 8042, port 92h) writes the words
 * into buf and returns their length; otherwise returns 0 with buf empty
 * (len > 0). Every record teaches it: injections, a new generation. */
size_t port_decoder_feed(struct port_decoder *d, const struct event *ev, char *buf, size_t len);

/* The speaker from the shadow: on when port 61h's last write set both GATE2
 * (bit 0) and speaker data (bit 1) and channel 2 has a whole count in mode 3,
 * the square wave, at PIT_HZ / count. Modes 2 and 6 make a pulse train at
 * the same rate, OUT low for one clock (838 ns) a period: a faint click
 * train, not the square wave BIOSes and games use for a tone, so it is
 * silent here, as the device's port61_speaker has it. Nothing is known of a
 * machine whose PIT and port 61h never reach kvm-tui (--irqchip kernel):
 * with no write to port 61h seen, it stays off. Pure; returns tone->on. */
bool port_decoder_speaker(const struct port_decoder *d, struct speaker_tone *tone);

#endif
