/* SPDX-License-Identifier: MIT */
/* cp437.h - the PC's character set, code page 437, as Unicode.
 *
 * A VGA text cell holds one byte for its character, and the card draws
 * code page 437's glyph for it: box-drawing lines, shaded blocks, accented
 * and Greek letters, and below 0x20 the IBM symbols (☺ ♥ ♪ ►) rather than
 * control codes, because the screen has no control codes: every byte is a
 * picture. The screen pane and --screen-dump show those glyphs. Pure. */
#ifndef KVMTUI_CP437_H
#define KVMTUI_CP437_H

#include <stddef.h>
#include <stdint.h>

/* The code point the byte shows as. 0x00 (which the card draws blank) is
 * a space, so a blank screen is spaces; 0xFF is U+00A0, no-break space. */
uint32_t cp437_to_unicode(uint8_t ch);

/* The byte's glyph as UTF-8: writes 1 to 3 bytes and a NUL after them
 * (every glyph is in the Basic Multilingual Plane), returns how many
 * bytes, NUL excluded. */
size_t cp437_to_utf8(uint8_t ch, char out[4]);

/* A printable ASCII stand-in for terminals without UTF-8: the letter
 * under an accent, '-' '|' '+' '=' for lines, '#' for blocks. */
char cp437_to_ascii(uint8_t ch);

#endif
