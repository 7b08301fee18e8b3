/* SPDX-License-Identifier: MIT */
/* panes.h - the four panes (the first the serial console or the text screen), the key bar and the overlays, as draw calls.
 *
 * Each pane draws itself, frame included, into the rectangle the layout
 * gave it, from the UI state alone.
 */
#ifndef KVMTUI_PANES_H
#define KVMTUI_PANES_H

#include "tui_state.h"

void pane_serial_draw(struct tui *t, struct rect r);
/* The guest's text screen, in the serial console's place (screen_slot.h). */
void pane_screen_draw(struct tui *t, struct rect r);
void pane_regs_draw(struct tui *t, struct rect r);
/* Rows the register pane would like at this inner width (frame excluded). */
int pane_regs_rows(const struct tui *t, int inner_width);
void pane_exits_draw(struct tui *t, struct rect r);
void pane_stats_draw(struct tui *t, struct rect r);
/* In the statistics' place, by c and m (debug_views.h). */
void pane_code_draw(struct tui *t, struct rect r);
void pane_memory_draw(struct tui *t, struct rect r);
void pane_source_draw(struct tui *t, struct rect r);
void status_bar_draw(struct tui *t, struct rect r);
/* The replay's "go to" prompt, in the status bar's place while it is open. */
void status_prompt_draw(struct tui *t, struct rect r);
void help_draw(struct tui *t);
/* Lines in the help text (for scrolling). */
int help_lines(void);
void exit_detail_draw(struct tui *t);
/* The breakpoint list (B). */
void breaks_list_draw(struct tui *t);
void too_small_draw(const struct tui *t);

#endif
