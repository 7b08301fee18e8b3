/* SPDX-License-Identifier: MIT */
/* pane_regs.c - the vCPU's registers, sized to its mode, changes marked.
 *
 * The text flows into however many columns the pane has: the same code
 * measures (how many rows would this take?) and draws, so the layout can
 * give the pane exactly the rows it needs. Values that changed since the
 * previous snapshot shown are drawn in reverse video.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "panes.h"
#include "reg_diff.h"
#include "reg_format.h"

#define WIDE_FLAGS 58    /* every RFLAGS bit fits on one or two rows */
#define WIDE_SEGMENTS 64 /* a segment's base, limit and attributes on one row */
#define WIDE_CR0 50      /* every CR0 bit, not just the set ones */
#define TALL_TERMINAL 40 /* room for TR and LDT without zooming */

struct flow {
	bool draw;      /* false: only measure */
	struct rect r;
	int row, col;
};

static attr_t value_attr(bool changed)
{
	return changed ? draw_attr(THEME_REG_CHANGED) | A_REVERSE : draw_attr(THEME_REG_VALUE);
}

static void flow_newline(struct flow *f)
{
	if (f->col > 0) {
		f->row++;
		f->col = 0;
	}
}

static void flow_put(struct flow *f, const char *text, attr_t attr)
{
	int len = (int)strlen(text);
	if (f->draw && f->row < f->r.h)
		draw_text(f->r.y + f->row, f->r.x + f->col, f->r.w - f->col, attr, text);
	f->col += len;
}

/* Starts a unit of `len` columns: on this row after a gap if it fits, else
 * on the next. */
static void flow_begin(struct flow *f, int len, int gap)
{
	if (f->col > 0 && f->col + gap + len > f->r.w)
		flow_newline(f);
	else if (f->col > 0)
		f->col += gap;
}

/* "NAME value" as one unit; the value marked if it changed. */
static void flow_reg(struct flow *f, const char *name, int name_w, const char *value, bool changed)
{
	char label[16];
	snprintf(label, sizeof(label), "%-*s ", name_w, name);
	flow_begin(f, (int)strlen(label) + (int)strlen(value), 2);
	flow_put(f, label, draw_attr(THEME_REG_NAME));
	flow_put(f, value, value_attr(changed));
}

static void flow_bits(struct flow *f, uint64_t value, enum reg_bits_kind kind, bool only_set,
		      bool core_only)
{
	struct reg_bit bits[32];
	size_t n = reg_bits(value, kind, bits, 32);
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		if ((only_set && !bits[i].set) || (core_only && !bits[i].core))
			continue;
		flow_begin(f, (int)strlen(bits[i].text), 1);
		flow_put(f, bits[i].text, draw_attr(bits[i].set ? THEME_FLAG_SET : THEME_FLAG_CLEAR));
		any = true;
	}
	if (!any && only_set) {
		flow_begin(f, 6, 1);
		flow_put(f, "(none)", draw_attr(THEME_DIM));
	}
}

static bool changed(const struct tui *t, int field)
{
	return (t->regs.changed & REG_BIT(field)) != 0;
}

/* General registers in a grid whose columns divide the register count, so
 * the rows read as AX BX CX DX / SI DI SP BP rather than wrapping raggedly. */
static int gpr_columns(int count, int cell_w, int room)
{
	int cols = 1;
	while (cols * 2 <= count && (cols * 2) * (cell_w + 2) - 2 <= room)
		cols *= 2;
	return cols;
}

static void flow_gprs(struct flow *f, const struct tui *t, int width)
{
	const struct cpu_state *cpu = &t->regs.cpu;
	int name_w = width == 16 ? 2 : 3;
	int count = reg_gpr_count(width);
	int cols = gpr_columns(count, name_w + 1 + width / 4, f->r.w);
	char value[24];
	for (int i = 0; i < count; i++) {
		if (i % cols == 0)
			flow_newline(f);
		reg_format_hex(value, sizeof(value), cpu->gpr[i], width);
		flow_reg(f, reg_gpr_name((enum gpr)i, width), name_w, value, changed(t, RF_GPR + i));
	}
	flow_newline(f);
	reg_format_hex(value, sizeof(value), cpu->rip, width);
	flow_reg(f, reg_ip_name(width), name_w, value, changed(t, RF_RIP));
	reg_format_hex(value, sizeof(value), cpu->rflags, width);
	flow_reg(f, reg_flags_name(width), 0, value, changed(t, RF_RFLAGS));
	flow_newline(f);
	bool all = f->r.w >= WIDE_FLAGS || t->zoom == PANE_REGS;
	flow_bits(f, cpu->rflags, BITS_RFLAGS, false, !all);
	flow_newline(f);
}

/* The PICs under the flags (IF is there): why an interrupt does or does not
 * come. Only when the snapshot has them (not in older recordings). */
static void flow_irq(struct flow *f, const struct tui *t)
{
	const struct cpu_irq_lines *l = &t->regs.cpu.irq;
	if (l->valid != CPU_IRQ_LINES_VALID)
		return;
	char value[96];
	reg_format_irq_lines(value, sizeof(value), l);
	flow_reg(f, "IRQ", 2, value, false);
	flow_newline(f);
}

static void flow_segment(struct flow *f, const struct tui *t, enum seg_index s)
{
	const struct cpu_segment *seg = &t->regs.cpu.seg[s];
	char value[96], attrs[48];
	bool wide = f->r.w >= WIDE_SEGMENTS;
	int base_digits = seg->base > 0xffffffffull ? 16 : 8;
	reg_format_seg_attrs(attrs, sizeof(attrs), seg);
	if (wide)
		snprintf(value, sizeof(value), "%04x base %0*" PRIx64 " limit %08" PRIx32,
			 seg->selector, base_digits, seg->base, seg->limit);
	else
		snprintf(value, sizeof(value), "%04x %0*" PRIx64 "/%08" PRIx32, seg->selector,
			 base_digits, seg->base, seg->limit);
	flow_reg(f, reg_seg_name(s), 3, value, changed(t, RF_SEG + (int)s));
	if (!wide)
		reg_format_seg_type(attrs, sizeof(attrs), seg);
	flow_begin(f, (int)strlen(attrs), 1);
	flow_put(f, attrs, draw_attr(THEME_DIM));
	flow_newline(f);
}

static void flow_segments(struct flow *f, const struct tui *t, int lines)
{
	int count = t->zoom == PANE_REGS || lines >= TALL_TERMINAL ? SEG_COUNT : SEG_TR;
	for (int s = 0; s < count; s++)
		flow_segment(f, t, (enum seg_index)s);
}

static void flow_cr(struct flow *f, const struct tui *t, const char *name, uint64_t v,
		    int field, int digits)
{
	char value[24];
	snprintf(value, sizeof(value), "%0*" PRIx64, digits, v);
	flow_reg(f, name, 4, value, changed(t, field));
}

static void flow_control(struct flow *f, const struct tui *t, int width)
{
	const struct cpu_state *cpu = &t->regs.cpu;
	bool zoomed = t->zoom == PANE_REGS;
	int wide = width == 64 ? 16 : 8;
	flow_cr(f, t, "CR0", cpu->cr0, RF_CR0, 8);
	flow_bits(f, cpu->cr0, BITS_CR0, f->r.w < WIDE_CR0 && !zoomed, false);
	flow_newline(f);
	flow_cr(f, t, "CR2", cpu->cr2, RF_CR2, wide);
	flow_cr(f, t, "CR3", cpu->cr3, RF_CR3, wide);
	flow_newline(f);
	flow_cr(f, t, "CR4", cpu->cr4, RF_CR4, 8);
	flow_bits(f, cpu->cr4, BITS_CR4, !zoomed, false);
	flow_newline(f);
	flow_cr(f, t, "EFER", cpu->efer, RF_EFER, 8);
	flow_bits(f, cpu->efer, BITS_EFER, f->r.w < WIDE_CR0 && !zoomed, false);
	flow_newline(f);
}

static void flow_tables(struct flow *f, const struct tui *t)
{
	const struct cpu_state *cpu = &t->regs.cpu;
	char value[48];
	snprintf(value, sizeof(value), "%08" PRIx64 "/%04x", cpu->gdt.base, cpu->gdt.limit);
	flow_reg(f, "GDTR", 4, value, changed(t, RF_GDT));
	snprintf(value, sizeof(value), "%08" PRIx64 "/%04x", cpu->idt.base, cpu->idt.limit);
	flow_reg(f, "IDTR", 4, value, changed(t, RF_IDT));
	flow_newline(f);
	if (t->zoom != PANE_REGS)
		return;
	flow_cr(f, t, "CR8", cpu->cr8, RF_CR8, 2);
	flow_cr(f, t, "APIC", cpu->apic_base, RF_APIC_BASE, 8);
	flow_newline(f);
	char note[96];
	snprintf(note, sizeof(note), "captured at exit #%" PRIu64 " (generation %" PRIu32 ")",
		 cpu->exits, cpu->generation);
	flow_put(f, note, draw_attr(THEME_DIM));
	flow_newline(f);
}

static void flow_all(struct flow *f, const struct tui *t, int lines)
{
	if (!t->regs.seq || !t->regs.cpu.valid) {
		flow_put(f, "waiting for the first register snapshot", draw_attr(THEME_DIM));
		flow_newline(f);
		return;
	}
	int width = cpu_mode_width(cpu_mode_of(&t->regs.cpu));
	flow_gprs(f, t, width);
	flow_irq(f, t);
	flow_segments(f, t, lines);
	flow_control(f, t, width);
	flow_tables(f, t);
}

int pane_regs_rows(const struct tui *t, int inner_width)
{
	struct flow f = { .draw = false, .r = { 0, 0, 1000, inner_width } };
	flow_all(&f, t, t->layout.lines);
	return f.row;
}

void pane_regs_draw(struct tui *t, struct rect r)
{
	char title[96];
	const char *sep = draw_utf8() ? " \u00b7 " : " - ";
	if (t->regs.seq && t->regs.cpu.valid)
		snprintf(title, sizeof(title), "2 vCPU 0%s%s MODE%s%s", sep,
			 cpu_mode_name(cpu_mode_of(&t->regs.cpu)), sep, vcpu_state_name(t->state));
	else
		snprintf(title, sizeof(title), "2 vCPU 0%s%s", sep, vcpu_state_name(t->state));
	draw_fill(r, THEME_NORMAL);
	draw_frame(r, title, t->focus == PANE_REGS);
	struct flow f = { .draw = true, .r = draw_inner(r) };
	flow_all(&f, t, t->layout.lines);
}
