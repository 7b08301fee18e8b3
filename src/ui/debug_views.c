/* SPDX-License-Identifier: MIT */
/* debug_views.c - the code and memory views' state and their windows onto
 * guest memory (debug_views.h). */
#include "debug_views.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "code_view.h"
#include "mem_format.h"
#include "srcmap.h"
#include "tui_state.h"

#define INSN_BEFORE 16 /* bytes read before an exit's RIP: the instruction may have completed */

void debug_views_init(struct tui *t, enum disasm_syntax syntax)
{
	struct tui_debug *dv = &t->debug;
	memset(dv, 0, sizeof(*dv));
	dv->syntax = syntax;
	char err[64];
	debug_views_set_address(t, "ss:sp", err, sizeof(err));
	/* The line information and every source file it names are read now,
	 * before the console confines itself (the sandbox forbids opening
	 * files later): a lesson's are a few kilobytes. */
	struct srcmap *map = debug_views_source(t);
	for (size_t f = 0; map && f < srcmap_file_count(map); f++) {
		struct src_text text;
		char why[160];
		(void)srcmap_file_lines(map, (srcmap_file_id)f, &text, why, sizeof(why));
	}
}

static bool lower_on_screen(const struct tui *t)
{
	if (t->layout.kind == LAYOUT_TOO_SMALL)
		return false;
	return t->zoom == PANE_STATS || (t->zoom == PANE_COUNT && t->layout.shown[PANE_STATS]);
}

static void want_memory(struct tui *t)
{
	struct addr_expr e = t->debug.addr;
	e.disp += t->debug.scroll;
	t->debug.mem_request = mem_view_want(&t->seam->memory, MEM_WIN_DATA, &e, MEM_VIEW_MAX);
}

/* Asks for what is on screen and drops the rest; a paused vCPU is woken to
 * answer at once. */
static void sync_wants(struct tui *t)
{
	struct tui_debug *dv = &t->debug;
	bool lower = lower_on_screen(t);
	bool code = dv->lower == LOWER_CODE || dv->lower == LOWER_SOURCE; /* the source follows CS:RIP too */
	uint32_t want = (lower && code ? 1u << MEM_WIN_CODE : 0) |
			(lower && dv->lower == LOWER_MEMORY ? 1u << MEM_WIN_DATA : 0) |
			(t->exit_view.detail_open && dv->insn_request ? 1u << MEM_WIN_INSN : 0);
	if (want == dv->wanted)
		return;
	struct mem_view *mv = &t->seam->memory;
	for (int id = 0; id < MEM_WIN_COUNT; id++) {
		uint32_t bit = 1u << id;
		if ((dv->wanted & bit) && !(want & bit))
			mem_view_drop(mv, (enum mem_window_id)id);
	}
	if ((want & (1u << MEM_WIN_CODE)) && !(dv->wanted & (1u << MEM_WIN_CODE))) {
		struct addr_expr e;
		code_view_window_expr(&e);
		mem_view_want(mv, MEM_WIN_CODE, &e, CODE_VIEW_LEN);
	}
	if ((want & (1u << MEM_WIN_DATA)) && !(dv->wanted & (1u << MEM_WIN_DATA)))
		want_memory(t);
	dv->wanted = want;
	control_notify(&t->seam->control, CTRL_PEEK);
}

/* A new memory window: the one at each pause or step becomes the base the
 * next one is compared with. */
static void take_memory(struct tui *t, const struct mem_window *w)
{
	struct tui_debug *dv = &t->debug;
	bool stopped = !vcpu_state_is_live(t->state);
	if (stopped && (w->exits != dv->mem_stop.exits || w->generation != dv->mem_stop.generation)) {
		if (dv->mem_stop.len && dv->mem_stop.generation == w->generation) {
			dv->mem_base = dv->mem_stop;
			dv->has_base = true;
		} else {
			dv->has_base = false;
		}
		dv->mem_stop = *w;
	}
	dv->mem = *w;
}

void debug_views_intake(struct tui *t)
{
	struct tui_debug *dv = &t->debug;
	sync_wants(t);
	struct mem_view *mv = &t->seam->memory;
	struct mem_window w;
	uint64_t seq;
	if ((dv->wanted & (1u << MEM_WIN_CODE)) && (seq = mem_view_read(mv, MEM_WIN_CODE, &dv->code)) != dv->code_seq) {
		dv->code_seq = seq;
		t->dirty = true;
	}
	if ((dv->wanted & (1u << MEM_WIN_DATA)) && (seq = mem_view_read(mv, MEM_WIN_DATA, &w)) != dv->mem_seq) {
		dv->mem_seq = seq;
		if (w.request == dv->mem_request)
			take_memory(t, &w);
		t->dirty = true;
	}
	if ((dv->wanted & (1u << MEM_WIN_INSN)) && (seq = mem_view_read(mv, MEM_WIN_INSN, &w)) != dv->insn_seq) {
		dv->insn_seq = seq;
		if (w.request == dv->insn_request)
			dv->insn = w;
		t->dirty = true;
	}
}

bool debug_views_pending(struct tui *t)
{
	struct tui_debug *dv = &t->debug;
	struct mem_view *mv = &t->seam->memory;
	return ((dv->wanted & (1u << MEM_WIN_CODE)) && mem_view_seq(mv, MEM_WIN_CODE) != dv->code_seq) ||
	       ((dv->wanted & (1u << MEM_WIN_DATA)) && mem_view_seq(mv, MEM_WIN_DATA) != dv->mem_seq) ||
	       ((dv->wanted & (1u << MEM_WIN_INSN)) && mem_view_seq(mv, MEM_WIN_INSN) != dv->insn_seq);
}

struct srcmap *debug_views_source(struct tui *t)
{
	struct tui_debug *dv = &t->debug;
	if (dv->src_tried)
		return dv->src;
	dv->src_tried = true;
	const char *file = t->cfg ? t->cfg->guest_file : NULL;
	if (!file || !file[0])
		snprintf(dv->src_why, sizeof(dv->src_why), "no source lines: the guest file is not known");
	else
		dv->src = srcmap_open(file, dv->src_why, sizeof(dv->src_why));
	return dv->src;
}

void debug_views_free(struct tui *t)
{
	srcmap_close(t->debug.src);
	t->debug.src = NULL;
}

/* c: statistics, code, the source (where the guest has line information),
 * statistics again. */
static enum lower_view next_code_view(struct tui *t)
{
	switch (t->debug.lower) {
	case LOWER_CODE: return debug_views_source(t) ? LOWER_SOURCE : LOWER_STATS;
	case LOWER_SOURCE: return LOWER_STATS;
	default: return LOWER_CODE;
	}
}

void debug_views_toggle(struct tui *t, enum lower_view view)
{
	struct tui_debug *dv = &t->debug;
	if (view == LOWER_CODE)
		dv->lower = next_code_view(t);
	else
		dv->lower = dv->lower == view ? LOWER_STATS : view;
	if (dv->lower != LOWER_STATS && t->layout.kind != LAYOUT_FULL && t->zoom == PANE_COUNT)
		t->zoom = PANE_STATS; /* the compact layout has no pane 4: show it alone */
	t->focus = PANE_STATS;
	sync_wants(t);
}

void debug_views_toggle_syntax(struct tui *t)
{
	t->debug.syntax = t->debug.syntax == DISASM_INTEL ? DISASM_ATT : DISASM_INTEL;
	tui_state_message(t, seam_now_ns(), "disassembly in %s syntax",
			  t->debug.syntax == DISASM_INTEL ? "Intel" : "AT&T");
}

bool debug_views_set_address(struct tui *t, const char *text, char *err, size_t errlen)
{
	struct tui_debug *dv = &t->debug;
	struct addr_expr e;
	if (addr_expr_parse(text, &e, err, errlen))
		return false;
	dv->addr = e;
	dv->scroll = 0;
	dv->has_base = false;
	memset(&dv->mem_stop, 0, sizeof(dv->mem_stop));
	memset(&dv->mem, 0, sizeof(dv->mem));
	snprintf(dv->addr_text, sizeof(dv->addr_text), "%s", text);
	/* A stack is read a word at a time. */
	dv->stack = e.offset.is_reg && e.offset.reg == GPR_RSP && !e.disp;
	if (dv->wanted & (1u << MEM_WIN_DATA)) {
		want_memory(t);
		control_notify(&t->seam->control, CTRL_PEEK);
	}
	return true;
}

void debug_views_scroll(struct tui *t, int64_t bytes)
{
	t->debug.scroll += bytes;
	if (t->debug.wanted & (1u << MEM_WIN_DATA)) {
		want_memory(t);
		control_notify(&t->seam->control, CTRL_PEEK);
	}
}

void debug_views_toggle_stack(struct tui *t)
{
	t->debug.stack = !t->debug.stack;
}

int debug_views_bytes_per_line(const struct tui *t, int width)
{
	if (t->debug.stack)
		return cpu_mode_width(cpu_mode_of(&t->regs.cpu)) / 8;
	return mem_format_per_line(width);
}

bool debug_views_byte_changed(const struct tui *t, uint32_t i)
{
	const struct tui_debug *dv = &t->debug;
	if (!dv->has_base || !mem_window_readable(&dv->mem, i))
		return false;
	uint64_t linear = dv->mem.addr + i;
	if (linear < dv->mem_base.addr || linear - dv->mem_base.addr >= dv->mem_base.len)
		return false;
	uint32_t j = (uint32_t)(linear - dv->mem_base.addr);
	return mem_window_readable(&dv->mem_base, j) && dv->mem_base.bytes[j] != dv->mem.bytes[i];
}

static void ask_insn(struct tui *t, uint64_t rip)
{
	struct tui_debug *dv = &t->debug;
	struct addr_expr e = { .space = ADDR_LINEAR };
	e.offset.value = rip >= INSN_BEFORE ? rip - INSN_BEFORE : 0;
	dv->insn_rip = rip;
	memset(&dv->insn, 0, sizeof(dv->insn));
	dv->insn_request = mem_view_want(&t->seam->memory, MEM_WIN_INSN, &e, INSN_BEFORE + DISASM_MAX_LEN + 1);
	dv->wanted |= 1u << MEM_WIN_INSN;
	control_notify(&t->seam->control, CTRL_PEEK);
}

static void insn_line(struct tui *t, const struct event *ev, char *out, size_t n)
{
	const struct mem_window *w = &t->debug.insn;
	const struct cpu_state *cpu = &t->regs.cpu;
	enum disasm_bits bits = disasm_bits_of(cpu);
	/* Real mode decodes at IP, so branch targets read as in the source. */
	uint64_t base = bits == DISASM_16 && ev->rip >= cpu->seg[SEG_CS].base && w->addr >= cpu->seg[SEG_CS].base
				? cpu->seg[SEG_CS].base : 0;
	uint32_t valid = 0;
	while (valid < w->len && mem_window_readable(w, valid))
		valid++;
	struct disasm *d = disasm_open(bits, t->debug.syntax);
	struct disasm_insn insn;
	enum disasm_cause c = disasm_exit_cause(d, w->bytes, valid, w->addr - base, ev->rip - base, ev, &insn);
	disasm_close(d);
	if (c == CAUSE_NONE) {
		snprintf(out, n, "instruction: no code at RIP %#" PRIx64 " to decode", ev->rip);
		return;
	}
	char hex[DISASM_HEX_MAX], where[24];
	disasm_hex(&insn, hex, sizeof(hex));
	if (base || bits == DISASM_16)
		snprintf(where, sizeof(where), "%04x:%04" PRIx64, cpu->seg[SEG_CS].selector, insn.addr & 0xffff);
	else
		snprintf(where, sizeof(where), "%" PRIx64, insn.addr);
	static const char *const why[] = {
		[CAUSE_AT_RIP] = "at RIP: it completes when the guest runs on",
		[CAUSE_BEFORE_RIP] = "before RIP: it completed",
		[CAUSE_NEXT] = "at RIP: runs next",
		[CAUSE_UNSURE] = "at RIP: no instruction here fits this exit (the code changed?)",
	};
	snprintf(out, n, "instruction: %s  [%s]  at %s, %s%s", insn.text, hex, where, why[c],
		 (w->flags & MEM_F_AS_LOADED) ? " (memory as loaded)" : "");
}

void debug_views_exit_insn(struct tui *t, const struct event *ev, char *out, size_t n)
{
	struct tui_debug *dv = &t->debug;
	if (!ev || ev->kind != EVENT_EXIT) {
		snprintf(out, n, "%s", "");
		return;
	}
	if (dv->insn_rip != ev->rip || !dv->insn_request)
		ask_insn(t, ev->rip);
	if (dv->insn.request != dv->insn_request) {
		snprintf(out, n, "instruction: reading guest memory...");
		return;
	}
	if (dv->insn.flags & MEM_F_NO_MEMORY) {
		snprintf(out, n, "instruction: not known (the recording's guest file was not found)");
		return;
	}
	insn_line(t, ev, out, n);
}
