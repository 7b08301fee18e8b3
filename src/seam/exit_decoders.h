/* SPDX-License-Identifier: MIT */
/* exit_decoders.h - the per-reason functions the exit table points at.
 *
 * Private to src/seam: everyone else reaches them through exit_info(), so
 * the table stays the one place that says which reason has which decode.
 * One file per kind of text: exit_line.c (the exit log), exit_section.c (the
 * full decode), exit_json.c (--trace), exit_outcome.c (how a run ended).
 */
#ifndef KVMTUI_SEAM_EXIT_DECODERS_H
#define KVMTUI_SEAM_EXIT_DECODERS_H

#include <stddef.h>
#include <stdint.h>

#include "exit_table.h"

exit_decode_fn exit_line_io, exit_line_mmio, exit_line_hlt, exit_line_debug, exit_line_shutdown,
	exit_line_fail_entry, exit_line_internal, exit_line_system_event, exit_line_rdmsr,
	exit_line_wrmsr, exit_line_intr, exit_line_irq_window;

exit_decode_fn exit_section_io, exit_section_mmio, exit_section_fail_entry, exit_section_internal,
	exit_section_debug, exit_section_system_event, exit_section_msr;

exit_decode_fn exit_json_io, exit_json_mmio, exit_json_fail_entry, exit_json_internal,
	exit_json_debug, exit_json_system_event, exit_json_msr;

exit_decode_fn exit_outcome_shutdown, exit_outcome_fail_entry, exit_outcome_internal,
	exit_outcome_system_event;

/* 'H', '\n', ESC: a data byte the way a C programmer reads it ("" if none). */
void exit_char_name(unsigned char c, char *buf, size_t n);
/* size little-endian bytes (at most 8) as the value moved: "1234" for a word. */
void exit_value_hex(char *buf, size_t n, const uint8_t *data, unsigned size);
/* KVM_SYSTEM_EVENT_* and KVM_INTERNAL_ERROR_* numbers in words. */
const char *exit_system_event_name(uint32_t type);
const char *exit_suberror_name(uint32_t sub);
/* The emulator's instruction bytes as "0f a2" (at most the 15 an event holds). */
void exit_insn_hex(const struct event *ev, char *buf, size_t n);

#endif
