/* SPDX-License-Identifier: MIT */
/* text_screen.h - the guest's text screen, published through a seqlock.
 *
 * With the BIOS on, VGA text memory (0xB8000) is guest RAM: the guest
 * writes it without exits. The vCPU thread looks at KVM's dirty log for
 * that memory now and then and, when a page changed (or int 10h wrote it),
 * publishes the visible page here: one writer, readers that never block it
 * (the same seqlock as the register snapshot). The console draws it in the
 * screen pane; --screen-dump writes it as text. */
#ifndef KVMTUI_TEXT_SCREEN_H
#define KVMTUI_TEXT_SCREEN_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#define TEXT_SCREEN_COLS 80
#define TEXT_SCREEN_ROWS 25

struct text_screen {
	uint16_t cols, rows;     /* 80x25, or 40x25 in modes 0 and 1 */
	uint8_t mode;            /* the BIOS video mode (3: 80x25 colour text) */
	uint8_t cursor_row, cursor_col;
	uint8_t cursor_visible;  /* the CRTC shows a cursor */
	uint8_t blink;           /* attribute bit 7 blinks (1) or is a bright background (0) */
	uint8_t used;            /* the guest has used the screen since its start */
	uint8_t pad[6];
	uint64_t dirty_pages;    /* VGA text pages KVM's dirty log reported, in all */
	uint64_t refreshes;      /* screens published */
	/* Row-major: cells[(row * cols + col) * 2] is the character (code page
	 * 437), the byte after it the attribute (bits 0-3 foreground, 4-6
	 * background, 7 blink or bright background). */
	uint8_t cells[TEXT_SCREEN_ROWS * TEXT_SCREEN_COLS * 2];
};

#define TEXT_SCREEN_WORDS (sizeof(struct text_screen) / sizeof(uint64_t))
_Static_assert(sizeof(struct text_screen) % sizeof(uint64_t) == 0, "the screen is whole words");

struct text_screen_box {
	_Alignas(64) _Atomic uint64_t seq; /* odd while a write is in progress */
	_Atomic uint64_t words[TEXT_SCREEN_WORDS];
};

void text_screen_box_init(struct text_screen_box *box);
void text_screen_box_publish(struct text_screen_box *box, const struct text_screen *view);
/* Copies the latest screen; returns its sequence number (0: never published:
 * *out is zeroed then). */
uint64_t text_screen_box_read(struct text_screen_box *box, struct text_screen *out);

#endif
