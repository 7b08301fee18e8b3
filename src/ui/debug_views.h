/* SPDX-License-Identifier: MIT */
/* debug_views.h - the code and memory views, and the exit's instruction.
 *
 * Pane 4's place shows the statistics, the code around CS:RIP (c) or guest
 * memory (m); the exit detail shows the instruction an exit came from.
 * Each asks the vCPU for a window onto guest memory (mem_view.h) only
 * while it is on screen, so nothing costs anything unseen. The memory view
 * shows an address typed at its prompt (g: "ss:sp", "b800:0", "0x7c00",
 * "phys:0x1000"), following the registers it names; w switches it to the
 * stack layout, one word a line; bytes that changed since the last pause
 * or step are marked as changed registers are. No curses. */
#ifndef KVMTUI_DEBUG_VIEWS_H
#define KVMTUI_DEBUG_VIEWS_H

#include <stdbool.h>
#include <stdint.h>

#include "addr_expr.h"
#include "disasm.h"
#include "mem_view.h"

enum lower_view { LOWER_STATS, LOWER_CODE, LOWER_SOURCE, LOWER_MEMORY };

struct srcmap;

#define DEBUG_ADDR_TEXT_MAX 40

struct tui_debug {
	enum lower_view lower;        /* what pane 4's place shows */
	enum disasm_syntax syntax;    /* Intel, or AT&T (y; --syntax) */
	struct mem_window code;       /* the latest code window */
	uint64_t code_seq;
	/* the memory view */
	char addr_text[DEBUG_ADDR_TEXT_MAX]; /* as typed: the title shows it */
	struct addr_expr addr;
	int64_t scroll;               /* bytes from the address, by the arrows and pages */
	bool stack;                   /* one word a line (w) */
	struct mem_window mem;        /* the latest memory window */
	uint64_t mem_seq;
	struct mem_window mem_stop;   /* the window at the latest pause or step */
	struct mem_window mem_base;   /* ... and at the one before: what changed is marked */
	bool has_base;
	/* the exit detail's instruction */
	struct mem_window insn;
	uint64_t insn_seq, insn_request, insn_rip;
	/* the guest's source lines (src/debuginfo), opened the first time the
	 * code view shows */
	struct srcmap *src;
	bool src_tried;
	char src_why[160];            /* why there are none */
	/* what was last asked of the vCPU */
	uint32_t wanted;
	uint64_t mem_request;
};

struct tui;

void debug_views_init(struct tui *t, enum disasm_syntax syntax);
/* Asks for the windows on screen now, drops the others, takes new ones. */
void debug_views_intake(struct tui *t);
/* A window it wants has news not yet taken (checked before sleeping: the
 * vCPU's ring_notify may have come just before the console slept). */
bool debug_views_pending(struct tui *t);
/* c and m: that view in pane 4's place, or the statistics back. */
void debug_views_toggle(struct tui *t, enum lower_view view);
/* The guest's line information, opened on first use; NULL (src_why says
 * why) if it has none. */
struct srcmap *debug_views_source(struct tui *t);
void debug_views_free(struct tui *t);
/* y: Intel or AT&T. */
void debug_views_toggle_syntax(struct tui *t);
/* The memory view: a new address (false and a reason in err if it is not
 * one), scrolling by bytes, the stack layout. */
bool debug_views_set_address(struct tui *t, const char *text, char *err, size_t errlen);
void debug_views_scroll(struct tui *t, int64_t bytes);
void debug_views_toggle_stack(struct tui *t);
/* Bytes a line of the memory view holds at this inner width. */
int debug_views_bytes_per_line(const struct tui *t, int width);
/* Byte i of the memory window changed since the pause or step before. */
bool debug_views_byte_changed(const struct tui *t, uint32_t i);
/* The exit detail: the instruction exit ev came from, in one line (asks
 * for its bytes the first time; "reading..." until they come). */
void debug_views_exit_insn(struct tui *t, const struct event *ev, char *out, size_t n);

#endif
