/* SPDX-License-Identifier: MIT */
/* tui_state.h - everything the terminal UI knows, in one struct.
 *
 * Filled by the intake (events from the ring, snapshots, counters) and by
 * the keys; read by the panes when they draw. Nothing here needs curses, so
 * the intake and the commands can be unit-tested against a real seam.
 */
#ifndef KVMTUI_TUI_STATE_H
#define KVMTUI_TUI_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "console_keys.h"
#include "debug_views.h"
#include "exit_history.h"
#include "goto_prompt.h"
#include "guest_input.h"
#include "irq_counts.h"
#include "kstats.h"
#include "layout.h"
#include "port_decoder.h"
#include "rate_history.h"
#include "screen_view.h"
#include "scrollback.h"
#include "seam.h"
#include "tui.h"

struct tui_regs_view {
	struct cpu_state cpu;   /* what is on screen */
	uint64_t seq;           /* its snapshot sequence; 0 = none yet */
	uint64_t raw_seq;       /* the seqlock word when last looked at */
	uint64_t changed;       /* REG_BIT()s that differ from the state before */
	bool drawn;             /* a frame has shown these marks */
};

/* The guest's text screen (with the BIOS), and pane 1's place: the serial
 * console or this screen (screen_slot.h). */
struct tui_screen_view {
	struct text_screen page; /* the latest published page */
	uint64_t seq;            /* its sequence number; 0: never published (no BIOS) */
	uint64_t raw_seq;        /* the seqlock word when last looked at */
	bool in_slot;            /* pane 1 shows the screen rather than COM1 */
	bool chosen;             /* the automatic switch was made, or the user chose (v) */
	struct screen_view view; /* the part shown, as the last frame drew it */
};

struct tui_exit_view {
	bool follow;            /* stick to the newest exit */
	uint64_t selected;      /* absolute history position (when not following) */
	bool detail_open;       /* the full decode of `selected` is on screen */
};

struct tui {
	struct seam *seam;
	const struct tui_config *cfg;

	/* what the guest produced, this generation */
	struct scrollback serial;   /* COM1 */
	struct scrollback debugcon; /* port 0xe9 */
	struct exit_history exits;  /* exits and the interrupts between them */
	struct port_decoder decoder; /* device port accesses in words, fed in ring order */
	struct irq_counts irqs;     /* interrupts per IRQ line, this generation */
	struct rate_history irq_rate[IRQ_LINES];
	uint32_t generation;
	uint64_t resets;            /* generations seen after the first */

	/* the vCPU as last seen */
	enum vcpu_state state;
	uint64_t state_since_ns;    /* when the UI saw the state change */
	int32_t exit_status;
	struct tui_regs_view regs;
	struct tui_screen_view screen;
	struct kstats kstats;
	uint64_t kstats_raw_seq;
	struct rate_history rate;
	uint32_t rate_limit;        /* exits/s cap, 0 = unlimited */

	/* a replay's own controls (see tui_is_replay) */
	uint32_t replay_speed;      /* REPLAY_SPEED_*, as last set */
	bool replay_loop;
	struct goto_prompt prompt;  /* the "go to" line in the status bar */
	enum prompt_for { PROMPT_GOTO, PROMPT_ADDRESS, PROMPT_BREAK } prompt_for; /* what the prompt asks */
	bool breaks_open;           /* the breakpoint list (B) is on screen */
	int breaks_sel;             /* its selected line */

	/* keys on their way to the guest */
	struct console_keys console; /* .target: where they go (K switches) */
	struct guest_input input;    /* for COM1 */
	struct guest_input keyboard; /* for the 8042 */

	/* the view */
	struct layout layout;
	enum pane_id focus;
	enum pane_id zoom;          /* PANE_COUNT: none */
	bool help_open;
	int help_scroll;
	struct tui_exit_view exit_view;
	struct tui_debug debug;     /* the code and memory views (debug_views.h) */
	size_t serial_scroll;       /* rows scrolled back from the bottom */
	bool utf8;                  /* the terminal takes UTF-8 (blocks, lines) */
	bool cursor_shown;          /* the guest's cursor, placed after drawing */
	int cursor_y, cursor_x;

	char message[128];          /* a passing note in the status bar */
	uint64_t message_until_ns;

	bool dirty;                 /* something on screen is out of date */
	bool redraw_all;            /* repaint every cell (Ctrl-L) */
	bool quit;
	int exit_code;
};

int tui_state_init(struct tui *t, struct seam *seam, const struct tui_config *cfg);
void tui_state_free(struct tui *t);
/* A replay of a recording rather than a live VM. */
bool tui_is_replay(const struct tui *t);
/* No interrupts counted yet (a new generation's start). */
void tui_state_clear_irqs(struct tui *t, uint64_t now_ns);
/* A fresh VM after a reset: its console and exits start empty. */
void tui_state_new_generation(struct tui *t, uint32_t generation);
/* Records a new vCPU state (and when it was seen). */
void tui_state_set_vcpu(struct tui *t, enum vcpu_state state, uint64_t now_ns);
/* How long the VM has been up; for a stopped guest, how long it ran. */
uint64_t tui_state_uptime(const struct tui *t, uint64_t now_ns);
/* The colour a vCPU state is shown in. */
enum theme_slot tui_state_slot(enum vcpu_state state);
/* "RUNNING", "EXITED 3" (the guest's own status), ... */
void tui_state_text(const struct tui *t, char *buf, size_t n);
/* The process exit status for the state the guest is in when the user quits. */
int tui_state_exit_code(const struct tui *t);

/* A note in the status bar for a few seconds. */
void tui_state_message(struct tui *t, uint64_t now_ns, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
