/* SPDX-License-Identifier: MIT */
/* bios_keymap.h - what a key puts in the BIOS's buffer: set 1 scan codes
 * to the (scan << 8) | ASCII words of the IBM PC/AT BIOS (US layout, the
 * enhanced keyboard's codes), and what int 16h's classic and enhanced reads
 * make of a stored word. Pure tables (bios_keymap.c).
 *
 * Two ASCII values in the buffer are markers, as on an AT BIOS:
 *   0xE0 the grey keys the 101-key board added (arrows, Home, Del, ...,
 *        keypad Enter and /): enhanced reads return it, classic reads 0x00
 *        (keypad Enter and / also have scan 0xE0, which classic reads turn
 *        back into the keypad key's own 0x1C and 0x35);
 *   0xF0 keys only enhanced reads return (Alt+Esc, Alt+Backspace, keypad 5,
 *        ...): they read as 0x00 there and classic reads skip them, as they
 *        skip every key with a scan code above 0x84 (F11, F12, Ctrl+Up, ...).
 */
#ifndef KVMTUI_BIOS_KEYMAP_H
#define KVMTUI_BIOS_KEYMAP_H

#include <stdbool.h>
#include <stdint.h>

#define BIOS_KEY_GREY 0xe0 /* ASCII marker: a grey key (see above) */
#define BIOS_KEY_ENHANCED_ONLY 0xf0

/* The word for the make code `make` (bit 7 clear), after an E0 prefix if
 * `extended`, with the shift states of 0x417 (flags0); 0 when the key puts
 * nothing in the buffer (a modifier, or a combination with no code, such
 * as Ctrl+1). */
uint16_t bios_keymap_word(uint8_t make, bool extended, uint8_t flags0);

/* A stored word as int 16h returns it: `enhanced` for AH=10h/11h, else
 * the classic 00h/01h. False: a key the classic functions do not know,
 * which they skip. */
bool bios_keymap_for_read(uint16_t stored, bool enhanced, uint16_t *key);

#endif
