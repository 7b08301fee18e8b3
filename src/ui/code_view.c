/* SPDX-License-Identifier: MIT */
/* code_view.c - the code pane's listing (code_view.h). */
#include "code_view.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

void code_view_window_expr(struct addr_expr *out)
{
	memset(out, 0, sizeof(*out));
	out->space = ADDR_LINEAR;
	out->has_segment = true;
	out->segment.is_reg = true;
	out->segment.reg = SEG_CS;
	out->offset.is_reg = true;
	out->offset.reg = ADDR_REG_RIP;
	out->offset.width = 8;
	out->disp = -CODE_VIEW_BEFORE;
	out->follows = true;
}

/* The offset in CS the CPU fetches from: IP in real mode, EIP in protected
 * mode (relative branches are shown from it), RIP in 64-bit mode. */
static uint64_t offset_of(const struct cpu_state *cpu, enum disasm_bits bits, uint64_t linear)
{
	uint64_t off = linear - cpu->seg[SEG_CS].base;
	return bits == DISASM_16 ? off & 0xffff : bits == DISASM_32 ? off & 0xffffffffull : linear;
}

static void format_where(char *out, size_t n, const struct cpu_state *cpu, enum disasm_bits bits, uint64_t linear)
{
	enum cpu_mode_now mode = cpu_mode_of(cpu);
	if (mode == MODE_REAL || mode == MODE_VM86)
		snprintf(out, n, "%04x:%04" PRIx64, cpu->seg[SEG_CS].selector, offset_of(cpu, bits, linear));
	else if (bits == DISASM_64 && linear > 0xffffffffull)
		snprintf(out, n, "%016" PRIx64, linear);
	else
		snprintf(out, n, "%08" PRIx64, offset_of(cpu, bits, linear));
}

/* The readable run of the window around byte `at`: [*from, *to). */
static void readable_run(const struct mem_window *w, uint32_t at, uint32_t *from, uint32_t *to)
{
	*from = at;
	while (*from > 0 && mem_window_readable(w, *from - 1))
		(*from)--;
	*to = at;
	while (*to < w->len && mem_window_readable(w, *to))
		(*to)++;
}

/* Decoding from `start` lands exactly on `target` with no invalid byte on
 * the way; when `must` is within reach, an instruction starts there too. */
static bool lands(struct disasm *d, const struct mem_window *w, uint32_t start, uint32_t target, uint32_t must)
{
	bool met = must >= target || must < start;
	uint32_t at = start;
	while (at < target) {
		struct disasm_insn insn;
		disasm_one(d, w->bytes + at, w->len - at, at, &insn);
		if (insn.status != DISASM_OK)
			return false;
		met |= at == must;
		at += insn.len;
	}
	return at == target && met;
}

static void add_line(struct code_view *cv, const struct disasm_insn *insn, const struct cpu_state *cpu,
		     uint64_t linear)
{
	if (cv->count >= CODE_VIEW_LINES)
		return;
	struct code_line *l = &cv->line[cv->count++];
	memset(l, 0, sizeof(*l));
	l->linear = linear;
	format_where(l->where, sizeof(l->where), cpu, cv->bits, linear);
	disasm_hex(insn, l->hex, sizeof(l->hex));
	snprintf(l->text, sizeof(l->text), "%s", insn->text);
	l->bad = insn->status != DISASM_OK;
}

/* The instruction the exit came from, as an index into the window; or the
 * window's length if these registers are not an exit's. */
static uint32_t find_cause(struct code_view *cv, struct disasm *d, const struct mem_window *w,
			   const struct cpu_state *cpu, const struct event *ev, uint32_t rip_at, uint32_t from,
			   uint32_t to)
{
	if (!ev || ev->kind != EVENT_EXIT || ev->seq != cpu->exits || ev->seq != w->exits)
		return w->len;
	struct disasm_insn insn;
	enum disasm_cause c = disasm_exit_cause(d, w->bytes + from, to - from, from, rip_at, ev, &insn);
	if (c != CAUSE_AT_RIP && c != CAUSE_BEFORE_RIP)
		return w->len;
	cv->cause_behind = c == CAUSE_BEFORE_RIP;
	return (uint32_t)insn.addr;
}

void code_view_build(struct code_view *cv, const struct mem_window *w, const struct cpu_state *cpu,
		     enum disasm_syntax syntax, const struct event *last_exit, int before)
{
	memset(cv, 0, sizeof(*cv));
	cv->current = -1;
	cv->bits = disasm_bits_of(cpu);
	if (w->flags & MEM_F_NO_MEMORY) {
		snprintf(cv->note, sizeof(cv->note), "no memory to show: the recording's guest file was not found");
		return;
	}
	uint64_t rip_at64 = w->anchor - w->addr;
	if (w->len == 0 || rip_at64 >= w->len || !mem_window_readable(w, (uint32_t)rip_at64)) {
		snprintf(cv->note, sizeof(cv->note), "CS:RIP (%#" PRIx64 ") is not in readable memory", w->anchor);
		return;
	}
	uint32_t rip_at = (uint32_t)rip_at64, from, to;
	readable_run(w, rip_at, &from, &to);
	struct disasm *d = disasm_open(cv->bits, syntax);
	if (!d) {
		snprintf(cv->note, sizeof(cv->note), "no disassembler for %d-bit code", (int)cv->bits);
		return;
	}
	uint32_t cause = find_cause(cv, d, w, cpu, last_exit, rip_at, from, to);
	/* Window offsets are the addresses while decoding; lines get real ones. */
	uint32_t start = rip_at;
	for (uint32_t s = from; s < rip_at; s++)
		if (lands(d, w, s, rip_at, cause)) {
			start = s;
			break;
		}
	struct disasm_insn insns[CODE_VIEW_LINES];
	size_t n = 0;
	for (uint32_t at = start; at < to && n < CODE_VIEW_LINES;) {
		disasm_one(d, w->bytes + at, to - at, offset_of(cpu, cv->bits, w->addr + at), &insns[n]);
		insns[n].addr = at; /* the index, for now */
		at += insns[n++].len;
	}
	disasm_close(d);
	/* Keep `before` of those that come before RIP. */
	size_t first = 0, cur = 0;
	while (cur < n && insns[cur].addr < rip_at)
		cur++;
	if (before >= 0 && cur > (size_t)before)
		first = cur - (size_t)before;
	for (size_t i = first; i < n; i++) {
		uint64_t linear = w->addr + insns[i].addr;
		bool is_cause = insns[i].addr == cause;
		insns[i].addr = offset_of(cpu, cv->bits, linear);
		add_line(cv, &insns[i], cpu, linear);
		cv->line[cv->count - 1].current = i == cur;
		cv->line[cv->count - 1].cause = is_cause;
		if (i == cur)
			cv->current = cv->count - 1;
	}
}
