/* SPDX-License-Identifier: MIT */
/* bios_video_internal.h - what the int 10h files share, not for other
 * users: the text pages' geometry, their cells, the cursor of each page,
 * and one entry point per group of functions.
 *
 * Geometry (columns, rows) comes from the VGA's state, which only a mode
 * set changes; the cursor positions and the active page come from the BDA,
 * where guests read and write them. Whatever a guest left there is
 * clamped before use, so no call writes outside the page it names. */
#ifndef KVMTUI_BIOS_VIDEO_INTERNAL_H
#define KVMTUI_BIOS_VIDEO_INTERNAL_H

#include "bios.h"
#include "vga_text.h"

#define VIDEO_PAGES 8
#define VIDEO_BLANK 0x0720   /* a space, grey on black */
#define VIDEO_DEFAULT_ATTR 0x07
#define VIDEO_CURSOR_SHAPE 0x0607 /* CGA lines 6-7: an underline */

struct video_pos {
	uint8_t row, col;
};

/* ---- bios_video_page.c ---- */
uint16_t video_cols(const struct bios *b);
uint16_t video_rows(const struct bios *b);
uint16_t video_page_bytes(const struct bios *b); /* 4 KiB at 80 columns, 2 KiB at 40 */
uint8_t video_active_page(const struct bios *b);
/* int 10h changed the screen: the guest used it, the console must redraw. */
void video_touch(struct bios *b);
/* Cells by index (row * cols + col) on a page; index < cols * rows. */
uint16_t video_cell(const struct bios *b, uint8_t page, unsigned index);
void video_set_cell(struct bios *b, uint8_t page, unsigned index, uint16_t cell);
/* The BDA's cursor of a page, as stored (maybe off the screen) ... */
struct video_pos video_cursor(const struct bios *b, uint8_t page);
/* ... and pulled onto the screen, for the calls that write at it. */
struct video_pos video_cursor_on_screen(const struct bios *b, uint8_t page);
/* Stores it in the BDA; the CRTC follows when the page is the active one. */
void video_set_cursor(struct bios *b, uint8_t page, struct video_pos p);
/* CX as AH=01h takes it: BDA 0x460, and the CRTC with CGA emulation. */
void video_set_cursor_shape(struct bios *b, uint16_t cx);
/* AH=05h: the page the CRTC shows. */
void video_select_page(struct bios *b, uint8_t page);
/* Scroll lines up (up) or down inside rows top..bottom, columns
 * left..right of a page, blanking with attr; lines 0 (or more than the
 * window) clears it. A window past the screen's edge is cut at the edge. */
struct video_window {
	uint8_t top, left, bottom, right;
};
void video_scroll(struct bios *b, uint8_t page, struct video_window w, uint8_t lines, bool up, uint8_t attr);

/* ---- the functions, by file; each returns false for one it lacks ---- */
bool video_mode_call(struct bios *b, struct bios_regs *r);  /* 00h (bios_video_mode.c) */
bool video_text_call(struct bios *b, struct bios_regs *r);  /* 06h-0Ah (bios_video_text.c) */
bool video_tty_call(struct bios *b, struct bios_regs *r);   /* 0Eh, 13h (bios_video_tty.c) */
bool video_info_call(struct bios *b, struct bios_regs *r);  /* 0Bh, 10h-12h, 1Ah (bios_video_info.c) */

#endif
