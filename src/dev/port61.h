/* SPDX-License-Identifier: MIT */
/* port61.h - the PC's system control port B (port 0x61), the board latch
 * between the PIT's counters 1 and 2 and the speaker.
 *
 * Write: bit 0 GATE2 (counter 2's gate), bit 1 speaker data enable (OUT2 to
 * the speaker), bits 2-3 mask the parity and I/O channel check NMIs (stored,
 * nothing here raises them). Read: bits 0-3 as written; bit 4 the refresh
 * toggle, which flips on every rising edge of OUT1 (every 15.09 us with the
 * BIOS's count of 18): old delay loops count its flips; bit 5 OUT2, live, for
 * guests that time short delays by polling it; bits 6-7 (parity and I/O
 * check errors) read 0. Writes to bits 4-7 are ignored.
 *
 * It is a separate device from the PIT because it is one on the board: a
 * different port, bits that are not the timer's, and a reader of two PIT
 * outputs rather than a part of the 8254. Time comes from the PIT's clock.
 */
#ifndef KVMTUI_PORT61_H
#define KVMTUI_PORT61_H

#include <stdbool.h>
#include <stdint.h>

#include "pit8254.h"

#define PORT61_PORT 0x61
#define PORT61_GATE2 0x01
#define PORT61_SPEAKER 0x02
#define PORT61_PARITY_OFF 0x04
#define PORT61_IOCHK_OFF 0x08
#define PORT61_REFRESH 0x10
#define PORT61_OUT2 0x20
#define PORT61_WRITABLE 0x0f

struct port61 {
	struct pit8254 *pit;
	uint8_t bits; /* bits 0-3 as written */
};

/* Starts with every bit clear (GATE2 low, speaker off), at the PIT's now. */
void port61_init(struct port61 *s, struct pit8254 *pit);
void port61_reset(struct port61 *s, uint64_t now_ns);
uint8_t port61_read(const struct port61 *s, uint64_t now_ns);
void port61_write(struct port61 *s, uint8_t value, uint64_t now_ns);
/* Whether the speaker sounds a tone: GATE2 and speaker data enabled with
 * counter 2 making a square wave (mode 3, a count loaded); *hz (may be
 * NULL) its frequency, 0 when silent. */
bool port61_speaker(const struct port61 *s, uint64_t now_ns, double *hz);

/* Adapters for bus_add_pio (ctx is the struct port61, one port). */
uint32_t port61_pio_read(void *ctx, uint16_t offset, uint8_t size);
void port61_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value);

#endif
