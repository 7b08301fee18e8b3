/* SPDX-License-Identifier: MIT */
/* pit_counter.h - one 8254 counter's counting element and OUT pin (internal
 * to the PIT: pit8254.c handles the ports, flip-flops and latches).
 *
 * Times here are clock pulses (ticks), not ns. "The next CLK pulse" after
 * a change at tick t is t + 1. Functions taking const answer for any tick at
 * or after the last change; the others change the state at tick t and expect
 * pit_counter_sync(c, t) to have run first.
 */
#ifndef KVMTUI_PIT_COUNTER_H
#define KVMTUI_PIT_COUNTER_H

#include "pit8254.h"

/* Counts as numbers: 0 written means 65536 (10000 in BCD). */
uint32_t pit_count_decode(uint16_t raw, bool bcd);
uint16_t pit_count_encode(uint32_t value, bool bcd);

bool pit_counter_out(const struct pit_channel *c, uint64_t t);
uint16_t pit_counter_read(const struct pit_channel *c, uint64_t t);
bool pit_counter_null(const struct pit_channel *c, uint64_t t);
/* The count N in the counting element at t; 0 if none is loaded. */
uint32_t pit_counter_loaded(const struct pit_channel *c, uint64_t t);
/* Rising edges of OUT at ticks in (a, b], a no earlier than the last change. */
uint64_t pit_counter_edges(const struct pit_channel *c, uint64_t a, uint64_t b);
/* The first tick after a with a rising edge of OUT; false if none comes. */
bool pit_counter_next_edge(const struct pit_channel *c, uint64_t a, uint64_t *tick);

/* Carry out a load whose clock pulse has come by t. */
void pit_counter_sync(struct pit_channel *c, uint64_t t);
/* Stop: the element keeps the value it has at t, OUT is set to out. */
void pit_counter_stop(struct pit_channel *c, uint64_t t, bool out);
/* Load CR on the next clock pulse (a new run, mode 3 starting high). */
void pit_counter_load_next(struct pit_channel *c, uint64_t t);
/* Modes 2 and 3 while counting: load CR at the end of the current period
 * (mode 2) or half period (mode 3). */
void pit_counter_load_at_reload(struct pit_channel *c, uint64_t t);
/* GATE changes at t: pauses and resumes (0, 2, 3, 4), triggers (1, 2, 3, 5). */
void pit_counter_set_gate(struct pit_channel *c, bool level, uint64_t t);

#endif
