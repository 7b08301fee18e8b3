/* SPDX-License-Identifier: MIT */
/* pane_stats.c - how many exits, of which kind, how fast, and how many KVM
 * handled in the kernel without ever telling kvm-tui.
 *
 * Counts come from the seam's exact counters, never from the bounded exit
 * log. The in-kernel numbers are KVM's own per-vCPU binary statistics.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "exit_format.h"
#include "irq_describe.h"
#include "numfmt.h"
#include "panes.h"
#include "screen_slot.h"
#include "sparkline.h"

/* KVM's statistics worth a student's eye, in the order they are shown;
 * the zoomed pane shows every one the kernel publishes. With KVM's own
 * irqchip the interrupts and HLTs that never reach kvm-tui show up here:
 * halt_exits, irq_injections and halt_wakeup, early enough to stay on a
 * short pane. */
static const char *const kstat_names[] = {
	"exits",	"io_exits",	    "mmio_exits",	"halt_exits",
	"irq_injections", "halt_wakeup",    "irq_exits",	"signal_exits",
	"insn_emulation", "insn_emulation_fail", "irq_window_exits", "nmi_window_exits",
	"request_irq_exits", "hypercalls",  "pf_taken",	"l1d_flush",
};

struct stat_row {
	int y;
	struct rect in;
};

static bool row_room(const struct stat_row *s)
{
	return s->y < s->in.y + s->in.h;
}

static void stats_state_line(struct tui *t, struct stat_row *s, uint64_t now)
{
	char state[48], uptime[24];
	tui_state_text(t, state, sizeof(state));
	numfmt_duration(uptime, sizeof(uptime), tui_state_uptime(t, now));
	int x = s->in.x, end = s->in.x + s->in.w;
	/* "HALTED, waiting for an interrupt" does not fit a narrow pane: its
	 * state name says the same in fewer columns (the title has it too). */
	if (6 + (int)strlen(state) > s->in.w)
		snprintf(state, sizeof(state), "%s", vcpu_state_name(t->state));
	x += draw_text(s->y, x, end - x, draw_attr(THEME_DIM), "state ");
	x += draw_text(s->y, x, end - x, draw_attr(tui_state_slot(t->state)), state);
	draw_textf(s->y, x, end - x, draw_attr(THEME_NORMAL), "  %s %s",
		   vcpu_state_is_final(t->state) ? "ran" : "uptime", uptime);
	s->y++;
}

/* Its own line: on an 80-column screen it would not fit beside the uptime. */
static void stats_slow_motion_line(struct tui *t, struct stat_row *s)
{
	if (!t->rate_limit || !row_room(s))
		return;
	draw_textf(s->y++, s->in.x, s->in.w, draw_attr(THEME_STATE_PAUSED), "slow %" PRIu32 "/s",
		   t->rate_limit);
}

static void stats_rate_line(struct tui *t, struct stat_row *s)
{
	char total[16], now[16];
	numfmt_count(total, sizeof(total), counters_total(&t->seam->counters));
	if (t->state == VCPU_RUNNING)
		numfmt_count(now, sizeof(now), rate_history_now(&t->rate));
	else
		snprintf(now, sizeof(now), "0");
	draw_textf(s->y++, s->in.x, s->in.w, draw_attr(THEME_NORMAL), "total %s exits  now %s/s",
		   total, now);
}

static void stats_sparkline(struct tui *t, struct stat_row *s)
{
	const char *label = "last 60s ";
	int room = s->in.w - (int)strlen(label);
	if (room <= 0)
		return;
	uint64_t samples[RATE_SECONDS];
	uint8_t levels[RATE_SECONDS];
	size_t want = (size_t)room < RATE_SECONDS ? (size_t)room : RATE_SECONDS;
	size_t n = rate_history_samples(&t->rate, samples, want);
	sparkline_levels(samples, n, levels);
	int x = s->in.x + draw_text(s->y, s->in.x, s->in.w, draw_attr(THEME_DIM), label);
	attr_t attr = draw_attr(THEME_SPARKLINE);
	for (size_t i = 0; i < n; i++)
		draw_glyph(s->y, x + (int)i, attr, sparkline_glyph(levels[i], draw_utf8()));
	if (n == 0)
		draw_text(s->y, x, room, draw_attr(THEME_DIM), "(after the first second)");
	s->y++;
}

struct reason_count {
	unsigned reason;
	uint64_t count;
};

static int by_count_desc(const void *a, const void *b)
{
	const struct reason_count *x = a, *y = b;
	return x->count < y->count ? 1 : x->count > y->count ? -1 : (int)x->reason - (int)y->reason;
}

static size_t reason_counts(const struct tui *t, struct reason_count *out)
{
	size_t n = 0;
	for (unsigned r = 0; r < EXIT_REASON_MAX; r++) {
		uint64_t c = counters_get(&t->seam->counters, r);
		if (c)
			out[n++] = (struct reason_count){ r, c };
	}
	qsort(out, n, sizeof(*out), by_count_desc);
	return n;
}

static void draw_bar(int y, int x, int width, uint64_t value, uint64_t max)
{
	unsigned e = bar_eighths(value, max, (unsigned)width);
	attr_t attr = draw_attr(THEME_BAR);
	for (int i = 0; i < width && e > 0; i++) {
		unsigned cell = e >= 8 ? 8 : e;
		draw_glyph(y, x + i, attr, bar_glyph(cell, draw_utf8()));
		e -= cell;
	}
}

/* reserve: rows to leave below for the in-kernel summary. */
static void stats_reasons(struct tui *t, struct stat_row *s, int reserve)
{
	struct reason_count rc[EXIT_REASON_MAX];
	size_t n = reason_counts(t, rc);
	uint64_t total = counters_total(&t->seam->counters);
	if (n == 0 && row_room(s)) {
		draw_text(s->y++, s->in.x, s->in.w, draw_attr(THEME_DIM), "no exits yet");
		return;
	}
	int name_w = 2;
	for (size_t i = 0; i < n; i++) {
		int l = (int)strlen(exit_reason_name(rc[i].reason));
		name_w = l > name_w ? l : name_w;
	}
	int last = s->in.y + s->in.h - reserve;
	for (size_t i = 0; i < n && s->y < last; i++, s->y++) {
		char count[16];
		numfmt_count(count, sizeof(count), rc[i].count);
		double share = total ? 100.0 * (double)rc[i].count / (double)total : 0;
		attr_t attr = draw_attr(exit_reason_slot(rc[i].reason));
		int x = s->in.x + draw_textf(s->y, s->in.x, s->in.w, attr, "%-*s", name_w,
					     exit_reason_name(rc[i].reason));
		x += draw_textf(s->y, x, s->in.x + s->in.w - x, draw_attr(THEME_NORMAL), " %5s %5.1f%% ",
				count, share);
		int bar_w = s->in.x + s->in.w - x;
		if (bar_w > 0)
			draw_bar(s->y, x, bar_w, rc[i].count, rc[0].count);
	}
}

/* Interrupts per IRQ line, under the exits: "IRQ0 timer  47  100/s ███",
 * counted from the interrupt records (not exits: they have no share of the
 * exit total), the bar against the busiest line. */
static void stats_irqs(struct tui *t, struct stat_row *s, int reserve)
{
	uint64_t most = 0;
	for (unsigned line = 0; line < IRQ_LINES; line++)
		most = t->irqs.by_line[line] > most ? t->irqs.by_line[line] : most;
	int last = s->in.y + s->in.h - reserve;
	for (unsigned line = 0; line < IRQ_LINES && s->y < last; line++) {
		uint64_t n = t->irqs.by_line[line];
		if (!n)
			continue;
		char label[24], count[16], rate[16];
		snprintf(label, sizeof(label), "IRQ%u %s", line, irq_source_name(line));
		numfmt_count(count, sizeof(count), n);
		numfmt_count(rate, sizeof(rate), vcpu_state_is_live(t->state) ? rate_history_now(&t->irq_rate[line]) : 0);
		int x = s->in.x + draw_textf(s->y, s->in.x, s->in.w, draw_attr(THEME_EXIT_IRQ), "%-13s", label);
		x += draw_textf(s->y, x, s->in.x + s->in.w - x, draw_attr(THEME_NORMAL), " %5s %5s/s ", count, rate);
		if (s->in.x + s->in.w - x > 0)
			draw_bar(s->y, x, s->in.x + s->in.w - x, n, most);
		s->y++;
	}
}

/* With the BIOS the text screen is RAM the guest writes without a single
 * exit; what shows it working is KVM's dirty log: how many of its pages
 * the guest changed, and how many screens that made. */
static void stats_screen(struct tui *t, struct stat_row *s)
{
	if (!screen_slot_available(t) || !row_room(s))
		return;
	char pages[16], screens[16];
	numfmt_count(pages, sizeof(pages), t->screen.page.dirty_pages);
	numfmt_count(screens, sizeof(screens), t->screen.page.refreshes);
	draw_textf(s->y++, s->in.x, s->in.w, draw_attr(THEME_NORMAL), "VGA dirty pages %s, screens %s",
		   pages, screens);
}

/* KVM's own exit count includes the ones it passed up to kvm-tui; the rest
 * it handled in the kernel. The two are sampled at different moments (the
 * kernel's a few times a second), so a busy guest can briefly show fewer
 * kernel exits than user-space ones: that reads as none stayed inside. */
static void stats_kernel_summary(struct tui *t, struct stat_row *s)
{
	int64_t kexits = kstats_find(&t->kstats, "exits");
	uint64_t user = counters_total(&t->seam->counters);
	if (kexits < 0 || !row_room(s))
		return;
	char k[16], in[16];
	uint64_t kernel_only = (uint64_t)kexits > user ? (uint64_t)kexits - user : 0;
	numfmt_count(k, sizeof(k), (uint64_t)kexits);
	numfmt_count(in, sizeof(in), kernel_only);
	int x = s->in.x + draw_text(s->y, s->in.x, s->in.w, draw_attr(THEME_NORMAL), "KVM handled ");
	x += draw_text(s->y, x, s->in.x + s->in.w - x, draw_attr(THEME_TITLE) | A_BOLD, in);
	draw_textf(s->y, x, s->in.x + s->in.w - x, draw_attr(THEME_NORMAL), " of %s exits itself", k);
	s->y++;
}

static bool kstat_listed(const char *name)
{
	for (size_t i = 0; i < sizeof(kstat_names) / sizeof(kstat_names[0]); i++)
		if (strncmp(name, kstat_names[i], KSTATS_NAME) == 0)
			return true;
	return false;
}

/* "name value" cells flowing across the pane. */
static void kstat_cell(struct stat_row *s, int *x, const char *name, int64_t value)
{
	char v[16], cell[KSTATS_NAME + 20];
	numfmt_count(v, sizeof(v), (uint64_t)value);
	snprintf(cell, sizeof(cell), "%.*s %s", KSTATS_NAME, name, v);
	int len = (int)strlen(cell);
	if (*x > s->in.x && *x + len > s->in.x + s->in.w) {
		s->y++;
		*x = s->in.x;
	}
	if (!row_room(s))
		return;
	int used = draw_text(s->y, *x, s->in.x + s->in.w - *x, draw_attr(THEME_DIM), name);
	draw_text(s->y, *x + used + 1, s->in.x + s->in.w - *x - used - 1, draw_attr(THEME_NORMAL), v);
	*x += len + 2;
}

static void stats_kernel(struct tui *t, struct stat_row *s)
{
	if (!row_room(s))
		return;
	if (!t->kstats.available) {
		const char *why = t->cfg ? t->cfg->kstats_why : NULL;
		char line[192];
		snprintf(line, sizeof line, "KVM's own counters: not available%s%s", why ? ": " : " here",
			 why ? why : "");
		draw_text(s->y++, s->in.x, s->in.w, draw_attr(THEME_DIM), line);
		return;
	}
	stats_kernel_summary(t, s);
	if (row_room(s))
		draw_text(s->y++, s->in.x, s->in.w, draw_attr(THEME_TITLE), "KVM's own counts for this vCPU:");
	int x = s->in.x;
	bool all = t->zoom == PANE_STATS;
	for (size_t i = 0; i < sizeof(kstat_names) / sizeof(kstat_names[0]) && row_room(s); i++) {
		int64_t v = kstats_find(&t->kstats, kstat_names[i]);
		if (v >= 0)
			kstat_cell(s, &x, kstat_names[i], v);
	}
	uint32_t n = t->kstats.count < KSTATS_MAX ? t->kstats.count : KSTATS_MAX;
	for (uint32_t i = 0; all && i < n && row_room(s); i++)
		if (!kstat_listed(t->kstats.item[i].name))
			kstat_cell(s, &x, t->kstats.item[i].name, (int64_t)t->kstats.item[i].value);
	if (x > s->in.x)
		s->y++;
}

/* Which interrupt controller runs decides which exits reach kvm-tui (with
 * KVM's, the PIC's and PIT's ports and HLT stay in the kernel and show only
 * in KVM's counts below), so the title says it: the whole label where it
 * fits, "irqchip: kernel" where not. A replay has none to name. */
static void stats_title(const struct tui *t, int width, char *buf, size_t n)
{
	const char *chip = t->cfg ? t->cfg->irqchip : NULL;
	const char *sep = draw_utf8() ? " \u00b7 " : " - ";
	if (!chip) {
		snprintf(buf, n, "4 statistics");
		return;
	}
	int room = width - 4; /* the corners and a space each side */
	int len = snprintf(buf, n, "4 statistics%sirqchip: %s", sep, chip);
	if (len - (draw_utf8() ? 1 : 0) > room) /* "·" is 2 bytes, 1 column */
		snprintf(buf, n, "4 statistics%sirqchip: %.*s", sep, (int)strcspn(chip, " "), chip);
}

void pane_stats_draw(struct tui *t, struct rect r)
{
	char title[96];
	stats_title(t, r.w, title, sizeof(title));
	draw_fill(r, THEME_NORMAL);
	draw_frame(r, title, t->focus == PANE_STATS);
	struct stat_row s = { .in = draw_inner(r) };
	s.y = s.in.y;
	if (s.in.w <= 0)
		return;
	uint64_t now = seam_now_ns();
	/* The most telling first: a short pane still says what matters. */
	if (row_room(&s))
		stats_state_line(t, &s, now);
	stats_slow_motion_line(t, &s);
	if (row_room(&s))
		stats_rate_line(t, &s);
	if (row_room(&s))
		stats_sparkline(t, &s);
	/* Rows kept below the per-reason lines for the summaries that follow. */
	int reserve = (t->kstats.available ? 1 : 0) + (screen_slot_available(t) ? 1 : 0);
	stats_reasons(t, &s, reserve);
	stats_irqs(t, &s, reserve);
	stats_screen(t, &s);
	stats_kernel(t, &s);
}
