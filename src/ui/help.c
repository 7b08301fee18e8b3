/* SPDX-License-Identifier: MIT */
/* help.c - the help screen (? or F1): every key, and what each colour means.
 *
 * Colour samples are drawn in the very theme slots the panes use, next to
 * words that say the same thing, so the legend is right for every theme
 * and readable without colour.
 */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "panes.h"

enum help_kind { H_TITLE, H_HEAD, H_KEY, H_TEXT, H_COLOUR, H_BLANK, H_IRQCHIP };

struct help_line {
	enum help_kind kind;
	const char *key;  /* key name, or the colour sample's text */
	const char *text;
	enum theme_slot slot; /* H_COLOUR: the slot the sample is drawn in */
};

#define KEY(k, t) { H_KEY, k, t, THEME_NORMAL }
#define HEAD(t) { H_HEAD, NULL, t, THEME_NORMAL }
#define TEXT(t) { H_TEXT, NULL, t, THEME_NORMAL }
#define COLOUR(sample, slot, t) { H_COLOUR, sample, t, slot }
#define BLANK { H_BLANK, NULL, NULL, THEME_NORMAL }

static const struct help_line help[] = {
	{ H_TITLE, NULL, "kvm-tui: a KVM virtual machine, watched live", THEME_NORMAL },
	{ H_IRQCHIP, NULL, NULL, THEME_NORMAL }, /* which interrupt controller: this run's */
	BLANK,
	HEAD("Running the guest"),
	KEY("p", "pause the vCPU"),
	KEY("r", "resume"),
	KEY("space", "pause or resume"),
	KEY("s", "execute one instruction, then pause (single step)"),
	KEY("n", "run to the next VM exit, then pause"),
	KEY("+  -", "slow motion: cap the exits per second, 1/s .. unlimited"),
	KEY("R", "reset: a fresh VM from the same image"),
	KEY("q  Ctrl-C", "quit (the terminal is restored)"),
	BLANK,
	HEAD("Moving around"),
	KEY("Tab  S-Tab", "focus the next / previous pane"),
	KEY("1 2 3 4", "zoom serial (or screen) / registers / exits / statistics; again back"),
	KEY("v", "pane 1: the guest's text screen or the serial console (with the BIOS)"),
	KEY("Esc", "close this help, an exit decode, or a zoom"),
	KEY("? F1 h", "this help"),
	KEY("Ctrl-L", "redraw the screen"),
	BLANK,
	HEAD("Exit log (pane 3)"),
	KEY("Up Down j k", "select an exit; the log stops following"),
	KEY("PgUp PgDn", "a page at a time"),
	KEY("Home End", "oldest / newest; End follows the newest again"),
	KEY("Enter", "full decode of the selected exit, and why it happened"),
	BLANK,
	HEAD("Serial console (pane 1)"),
	TEXT("With the focus here, every key goes to the guest, except Ctrl-A: to its COM1"),
	TEXT("UART as a terminal's bytes, or after K to its 8042 keyboard controller as"),
	TEXT("scan codes (make and break, Shift for capitals) on IRQ 1. The title says which."),
	KEY("K  Ctrl-A K", "typed keys to the 8042 / back to COM1 (--keyboard kbc|uart)"),
	KEY("Ctrl-A x", "quit"),
	KEY("Ctrl-A Tab", "leave the console"),
	KEY("Ctrl-A ?", "this help"),
	KEY("Ctrl-A Ctrl-A", "send one Ctrl-A to the guest"),
	KEY("Ctrl-A key", "any console key above: Ctrl-A p pauses, Ctrl-A 2 zooms..."),
	KEY("Shift-PgUp/Dn", "scroll the console back and forth (Ctrl-A PgUp/PgDn too)"),
	TEXT("Control bytes from the guest show as ^[ or \\x9b: they never reach your terminal."),
	TEXT("In a replay there is no guest to type to: keys here are commands."),
	BLANK,
	HEAD("Text screen (pane 1, with the BIOS)"),
	TEXT("A guest that writes to its VGA text screen (int 10h, or memory at 0xB8000) gets"),
	TEXT("it in the serial console's place, once; from then on v switches between the two."),
	TEXT("With the focus here every key goes to the 8042 keyboard (int 16h reads it), and"),
	TEXT("Ctrl-A works as in the serial console. The colours are the guest's own; where the"),
	TEXT("pane is smaller than the screen, the title says which rows and columns it shows."),
	KEY("v  Ctrl-A v", "the serial console / the text screen again"),
	BLANK,
	HEAD("Code and memory (pane 4's place; the statistics come back with the same key)"),
	KEY("c", "code: the instructions around CS:RIP, decoded for the CPU's mode; c again:"),
	KEY("", "the guest's source at that line (NAME.elf beside NAME.bin), then statistics"),
	TEXT("The current one is highlighted; the one the last exit came from says <- exit"),
	TEXT("(KVM leaves RIP past an OUT or HLT that completed, on an IN or MMIO access)."),
	KEY("y", "Intel or AT&T syntax (--syntax intel|att)"),
	KEY("b", "add a breakpoint: io:0x3f8 in:0x60 hlt mmio:0xb8000 mode int:8 (--break)"),
	KEY("B", "the breakpoints: space on/off, d delete, Esc close; they survive R"),
	KEY("m", "memory: hex and text at an address, following the registers it names"),
	KEY("g", "(memory focused) a new address: 0x7c00 b800:0 ss:sp ds:si+4 phys:0x1000"),
	KEY("Up Dn PgUp PgDn", "(memory focused) a line or a page through memory; Home back"),
	KEY("w", "the memory view as a stack, one word a line, or as hex again"),
	TEXT("Bytes changed since the last pause or step show like a changed register; ??"),
	TEXT("is memory that cannot be read. In a replay, memory is the guest as loaded."),
	BLANK,
	HEAD("Replay only (kvm-tui --replay FILE: a recorded run, no KVM)"),
	TEXT("p r space R, zoom, decode work as live; s and n go to the next exit."),
	TEXT("Live, the keys below only say that they need a replay."),
	KEY("Left  S", "back one exit, then pause (also at the end)"),
	KEY("Right", "forward one exit, then pause (as n)"),
	KEY(":", "go to an exit or a time: 4711 #4711 12.5s 1500ms 2m3s"),
	KEY("", "Enter goes, Esc cancels, Backspace edits"),
	KEY("+  -", "past 1x: 2x 4x 8x 16x 64x max; below 1x: slow motion"),
	KEY("l", "loop: start over at the end, or stop there"),
	KEY("R", "start the replay over"),
	TEXT("END: the recording stops with no final state (the run was killed)."),
	BLANK,
	HEAD("Colours (each also said in words)"),
	COLOUR("IO", THEME_EXIT_IO, "port I/O exit (IN/OUT): the UART, debug ports"),
	COLOUR("MMIO", THEME_EXIT_MMIO, "memory-mapped I/O exit: an address with no RAM"),
	COLOUR("HLT", THEME_EXIT_HLT, "the guest halted"),
	COLOUR("DEBUG", THEME_EXIT_DEBUG, "single step or breakpoint"),
	COLOUR("SHUTDOWN", THEME_EXIT_ERROR, "errors: triple fault, entry failure, internal error"),
	COLOUR("INTR", THEME_EXIT_OTHER, "other exits: a kick (signal), interrupt windows..."),
	COLOUR("IRQ0", THEME_EXIT_IRQ, "an interrupt injected: a line between exits, not an exit"),
	COLOUR("RUNNING", THEME_STATE_RUNNING, "vCPU state: running"),
	COLOUR("PAUSED", THEME_STATE_PAUSED, "vCPU state: paused (also slow motion)"),
	COLOUR("HALTED", THEME_STATE_STOPPED, "vCPU state: stopped (halted, exited, quit, END)"),
	COLOUR("FAILED", THEME_STATE_ERROR, "vCPU state: shutdown or failure"),
	COLOUR("ZF", THEME_FLAG_SET, "a flag or control bit that is set (upper case)"),
	COLOUR("zf", THEME_FLAG_CLEAR, "a flag or control bit that is clear (lower case)"),
	COLOUR("0a21", THEME_REG_CHANGED, "a register that changed at the last exit or step (reverse)"),
	COLOUR("^[", THEME_SERIAL_ESCAPE, "a control byte from the guest, shown as text"),
	COLOUR("blink", THEME_SCREEN_BLINK, "text screen: blinking text (VGA attribute bit 7)"),
	COLOUR("#12", THEME_SELECTION, "the selected exit in the log"),
	COLOUR("\u25b6 7c1e", THEME_CODE_CURRENT, "the instruction at CS:RIP in the code view"),
	COLOUR("\u2582\u2584\u2586\u2588", THEME_SPARKLINE, "exits per second over the last minute"),
	COLOUR("\u266a 440 Hz", THEME_STATUS_KEY, "key bar: the PC speaker's note while it sounds (not known"),
	TEXT("              with --irqchip kernel: KVM's PIT and port 61h never exit)"),
};

#define HELP_LINES ((int)(sizeof(help) / sizeof(help[0])))
#define KEY_COL 16

int help_lines(void)
{
	return HELP_LINES;
}

static void help_colour_sample(int y, int x, const struct help_line *l)
{
	attr_t attr = draw_attr(l->slot);
	if (l->slot == THEME_REG_CHANGED)
		attr |= A_REVERSE; /* as the register pane draws it */
	if (l->slot == THEME_SPARKLINE && !draw_utf8()) {
		draw_text(y, x, 4, attr, ".-+#");
		return;
	}
	if (l->slot == THEME_STATUS_KEY && !draw_utf8()) { /* the speaker's note */
		draw_text(y, x, 11, attr, "spk 440 Hz");
		return;
	}
	attrset(attr);
	mvaddstr(y, x, l->key);
}

/* The run's interrupt controller, and what it means for the exits shown. */
static void help_irqchip(const struct tui *t, int y, int x, int w)
{
	const char *chip = t->cfg ? t->cfg->irqchip : NULL;
	char line[160];
	if (!chip)
		snprintf(line, sizeof(line), "irqchip: none in a replay (the recording holds what the devices did)");
	else if (strncmp(chip, "kernel", 6) == 0)
		snprintf(line, sizeof(line), "irqchip: %s; their ports and HLT stay in the kernel: "
			 "see KVM's counts", chip);
	else
		snprintf(line, sizeof(line), "irqchip: %s (kvm-tui's PIC, PIT: their ports exit; "
			 "--irqchip kernel for KVM's)", chip);
	draw_text(y, x + 2, w - 2, draw_attr(THEME_HELP), line);
}

static void help_line_draw(const struct tui *t, const struct help_line *l, int y, int x, int w)
{
	attr_t normal = draw_attr(THEME_HELP);
	switch (l->kind) {
	case H_TITLE:
		draw_text(y, x, w, normal | A_BOLD, l->text);
		break;
	case H_HEAD:
		draw_text(y, x, w, draw_attr(THEME_TITLE) | A_BOLD, l->text);
		break;
	case H_KEY:
		draw_text(y, x + 2, KEY_COL - 3, draw_attr(THEME_STATUS_KEY), l->key);
		draw_text(y, x + KEY_COL, w - KEY_COL, normal, l->text);
		break;
	case H_TEXT:
		draw_text(y, x + 2, w - 2, normal, l->text);
		break;
	case H_COLOUR:
		if (w > KEY_COL) {
			help_colour_sample(y, x + 2, l);
			draw_text(y, x + KEY_COL, w - KEY_COL, normal, l->text);
		}
		break;
	case H_IRQCHIP:
		help_irqchip(t, y, x, w);
		break;
	case H_BLANK:
		break;
	}
}

void help_draw(struct tui *t)
{
	int w = t->layout.cols - 4 < 96 ? t->layout.cols - 4 : 96;
	int h = t->layout.lines - 3 < HELP_LINES + 2 ? t->layout.lines - 3 : HELP_LINES + 2;
	if (w < 20 || h < 4)
		return;
	struct rect r = { (t->layout.lines - 1 - h) / 2, (t->layout.cols - w) / 2, h, w };
	int rows = h - 2;
	int max_scroll = HELP_LINES - rows > 0 ? HELP_LINES - rows : 0;
	if (t->help_scroll > max_scroll)
		t->help_scroll = max_scroll;
	if (t->help_scroll < 0)
		t->help_scroll = 0;
	char title[64];
	if (max_scroll)
		snprintf(title, sizeof(title), "help - %d/%d, arrows scroll, Esc closes",
			 t->help_scroll + rows, HELP_LINES);
	else
		snprintf(title, sizeof(title), "help - Esc closes");
	draw_fill(r, THEME_HELP);
	draw_frame(r, title, true);
	struct rect in = draw_inner(r);
	for (int i = 0; i < rows && t->help_scroll + i < HELP_LINES; i++)
		help_line_draw(t, &help[t->help_scroll + i], in.y + i, in.x + 1, in.w - 2);
}
