/* SPDX-License-Identifier: MIT */
/* pit8254.h - the Intel 8254 programmable interval timer (PIT), ports 0x40-0x43.
 *
 * Offsets: 0-2 counters 0-2 (count bytes in, count or status bytes out),
 * 3 the control word (write only; a read floats high). On a PC counter 0's
 * OUT drives IRQ 0, counter 1 paced DRAM refresh (its OUT toggles port 0x61
 * bit 4, see port61.h) and counter 2 drives the speaker; GATE0 and GATE1 are
 * tied high, GATE2 is port 0x61 bit 0.
 *
 * Time is passed in, never read: every call takes the guest time in ns (the
 * caller stops that clock while the guest is paused), so the model is a pure,
 * deterministic state machine. The input clock is PIT_HZ; clock pulse k
 * happens at the first ns t with floor(t * PIT_HZ / 1e9) >= k, computed from
 * guest time 0 in integers, so edges never drift, however long the run.
 * A state queried at time t includes the clock pulse at t; a write at t
 * happens just after it, and "the next CLK pulse" of the data sheet is the
 * following one. Time never runs backwards: an earlier now_ns than one
 * already seen counts as that latest time.
 *
 * Each counter is kept as "the count N was loaded at clock L" plus the clocks
 * counted since, so OUT, the count and the rising edges of OUT at any time
 * come from arithmetic, not from stepping the clock: an hour of a 1 MHz
 * square wave costs no more than a millisecond of it.
 */
#ifndef KVMTUI_PIT8254_H
#define KVMTUI_PIT8254_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PIT_HZ 1193182u /* 14.31818 MHz / 12, the PC's PIT input clock */
#define PIT_BASE 0x40
#define PIT_NPORTS 4
#define PIT_NCHANNELS 3
#define PIT_CONTROL 3 /* the control word's offset */
#define PIT_IRQ 0

/* Control word fields (data sheet figure 7) */
#define PIT_CW_SC(v) (((v) >> 6) & 3u)  /* select counter; 3 = read-back */
#define PIT_CW_RW(v) (((v) >> 4) & 3u)  /* 0 latch, 1 LSB, 2 MSB, 3 LSB then MSB */
#define PIT_CW_MODE(v) (((v) >> 1) & 7u)
#define PIT_CW_BCD 0x01

/* Read-back command bits (SC = 3); COUNT and STATUS are active low */
#define PIT_RB_NOCOUNT 0x20
#define PIT_RB_NOSTATUS 0x10
#define PIT_RB_CH(ch) (2u << (ch))

/* Status byte: OUT, null count, then the control word's bits 5-0 as written */
#define PIT_ST_OUT 0x80
#define PIT_ST_NULL 0x40

typedef uint64_t (*pit_now_fn)(void *ctx); /* guest time in ns */

/* A count in the counting element: loaded with n (1..65536, or 1..10000 in
 * BCD) and having counted j0 clocks by clock `base`; mode 3's off shifts
 * where in its period the wave starts (a load at the end of a high half
 * starts with the low half). */
struct pit_run {
	uint32_t n, off;
	uint64_t base, j0;
};

/* The fields are the device's state; use the functions below. */
struct pit_channel {
	uint8_t ctrl;        /* control word bits 5-0: the status byte's low bits */
	uint8_t mode;        /* 0-5: modes 6 and 7 are 2 and 3 */
	uint8_t rw;          /* 1 LSB, 2 MSB, 3 LSB then MSB */
	bool bcd;
	uint16_t cr;         /* count register: the last whole count written */
	bool cr_valid;       /* a count was written since the control word */
	uint8_t cr_lsb;      /* the first byte of a two-byte count */
	bool write_msb;      /* write flip-flop: the next byte written is the MSB */
	bool read_msb;       /* read flip-flop: the next byte read is the MSB */
	bool count_latched, status_latched;
	uint16_t latch;
	uint8_t status;
	bool gate;
	bool null_count;     /* CR written, not yet in the counting element */
	bool running;        /* the counting element holds a count (run) */
	struct pit_run run;
	bool idle_out;       /* OUT, and the element's value, while not running */
	uint16_t idle_raw;
	bool pend;           /* CR goes into the counting element at clock pend_tick */
	bool pend_low;       /* mode 3: that load starts a low half */
	uint64_t pend_tick;
	uint64_t mark, edges; /* rising edges of OUT up to clock mark */
};

struct pit8254 {
	struct pit_channel ch[PIT_NCHANNELS];
	uint64_t last_tick;  /* the latest clock seen */
	uint64_t irq0_taken; /* OUT0 rising edges already handed out */
	pit_now_fn now;
	void *now_ctx;
};

/* Guest ns to clock pulses since time 0, and back: the ns of clock pulse k. */
uint64_t pit_ns_to_ticks(uint64_t ns);
uint64_t pit_ticks_to_ns(uint64_t ticks);

/* now may be NULL (the bus adapters then see time 0). init resets at now(). */
void pit_init(struct pit8254 *p, pit_now_fn now, void *now_ctx);
/* The state a PC BIOS leaves, from now_ns: counter 0 mode 3 count 65536
 * (18.2 Hz), counter 1 mode 2 count 18 (15 us refresh), counter 2 given a
 * mode 3 LSB/MSB control word but no count, its GATE low. Keeps the now
 * callback. */
void pit_reset(struct pit8254 *p, uint64_t now_ns);

uint8_t pit_read(struct pit8254 *p, unsigned offset, uint64_t now_ns);
void pit_write(struct pit8254 *p, unsigned offset, uint8_t value, uint64_t now_ns);
void pit_set_gate(struct pit8254 *p, unsigned ch, bool level, uint64_t now_ns);

/* What a probe on the chip would see, without touching latches or flip-flops. */
bool pit_out(const struct pit8254 *p, unsigned ch, uint64_t now_ns);
uint16_t pit_count(const struct pit8254 *p, unsigned ch, uint64_t now_ns); /* as read: BCD in BCD */
unsigned pit_mode(const struct pit8254 *p, unsigned ch);                   /* 0-5 */
/* Rising edges of OUT since reset, including those a write caused at once. */
uint64_t pit_edges(const struct pit8254 *p, unsigned ch, uint64_t now_ns);
/* PIT_HZ / N for the count in the counting element; 0 while none is loaded. */
double pit_channel_hz(const struct pit8254 *p, unsigned ch, uint64_t now_ns);

/* IRQ 0. The ns of the next rising edge of OUT0 after now_ns (now_ns itself
 * if edges are already due and not taken), UINT64_MAX if none will come
 * without a new write: arm one host timer for it. pit_irq0_edges takes the
 * rising edges since its last call (saturating): raise IRQ 0 once and count
 * the rest as coalesced. A guest may ask for 1.19 MHz (count 1): the caller
 * should keep its own minimum between timer shots (say 100 us) and let
 * pit_irq0_edges count what came in between. */
uint64_t pit_next_irq0_ns(const struct pit8254 *p, uint64_t now_ns);
unsigned pit_irq0_edges(struct pit8254 *p, uint64_t now_ns);

/* Adapters for bus_add_pio (ctx is the struct pit8254; time from its now
 * callback). A 2- or 4-byte access acts on its first port only. */
uint32_t pit_pio_read(void *ctx, uint16_t offset, uint8_t size);
void pit_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value);

/* The exit log's line for one access to ports 0x40-0x43 or 0x61, from the
 * value alone: "PIT control: ch0 lo/hi mode 3 binary". The length of the
 * text in buf (always terminated when len > 0); 0 for any other port. */
size_t pit_describe(uint16_t port, bool is_write, uint8_t value, char *buf, size_t len);
/* What a counter was told, once its count is in: "ch0 mode 3 count 1193 = 1000.15 Hz". */
size_t pit_describe_channel(const struct pit8254 *p, unsigned ch, char *buf, size_t len);

#endif
