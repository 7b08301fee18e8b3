/* SPDX-License-Identifier: MIT */
/* term_keys.h - a terminal's bytes (headless mode's stdin) as keys for the
 * keyboard queue (key_stream.h).
 *
 * A terminal sends Up as ESC [ A and a script sends Enter as "\n"; the
 * guest's keyboard wants Up and Enter. This decoder turns the byte stream
 * into key code points: characters as themselves (UTF-8 decoded), the keys
 * that are no character as KEY_STREAM_UP and its kin. It knows the
 * sequences xterm, the Linux console, VT100/VT220 and their descendants send:
 *   ESC [ A..D, ESC O A..D      arrows (normal and application mode)
 *   ESC [ H, ESC [ F, ESC O H, ESC O F, ESC [1~ [4~ [7~ [8~   Home, End
 *   ESC [2~ [3~ [5~ [6~         Insert, Delete, Page Up, Page Down
 *   ESC [ Z                     Shift+Tab (back-tab)
 *   ESC O P..S, ESC [11~..[15~, ESC [[A..[[E   F1-F4 / F1-F5
 *   ESC [17~..[21~, [23~, [24~  F6-F10, F11, F12
 *   ESC O M, ESC O j..y         the keypad in application mode
 * with modifiers (ESC [1;5A, ESC [3;2~) read as the plain key. Besides:
 *   LF (0x0A) is Enter, CR (0x0D): scripts pipe lines; a CR LF pair is one
 *     Enter, so a file with DOS line ends does not press it twice;
 *   DEL (0x7F), what terminals send for Backspace, is Backspace (0x08);
 *   an ESC and what follows it that is no sequence above come out as the
 *     keys they are: ESC x gives 0x1B then 'x' (Alt+x, as terminals send it);
 *   a byte that is not UTF-8 gives U+FFFD (KEY_STREAM_BAD).
 * An ESC may be the Esc key or the start of a sequence: only the next byte
 * tells. So the decoder holds it, and the caller calls term_keys_flush()
 * at the end of input, or when term_keys_pending() and nothing came for a
 * moment (a person pressing Esc; 50 ms is ample, a terminal sends a
 * sequence in one write).
 *
 * Pure: no I/O, no allocation, no curses; bounded state.
 */
#ifndef KVMTUI_TERM_KEYS_H
#define KVMTUI_TERM_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "key_stream.h"

#define TERM_KEYS_SEQ_MAX 16 /* bytes of one escape sequence, ESC included; longer is no sequence */
/* The most keys one feed or flush can give: a held sequence undone (each of
 * its bytes a key), then the byte that undid it, or U+FFFD and it. */
#define TERM_KEYS_MAX_KEYS (TERM_KEYS_SEQ_MAX + 2)

struct term_keys {
	struct key_stream_decoder utf8; /* a multibyte character under way */
	uint8_t seq[TERM_KEYS_SEQ_MAX]; /* the escape sequence so far (seq[0] is ESC) */
	uint8_t seq_len;                /* 0: none */
	bool after_cr;                  /* the last key was a CR byte: an LF now is the same Enter */
};

void term_keys_init(struct term_keys *t);

/* Feeds one byte; stores the keys it completed in keys[] and returns how
 * many (0 while a sequence or a character is unfinished). At most max are
 * stored: give TERM_KEYS_MAX_KEYS to lose none; the rest are dropped. */
size_t term_keys_feed(struct term_keys *t, uint8_t byte, uint32_t *keys, size_t max);

/* Ends what is held: a lone ESC comes out as the Esc key, an unfinished
 * sequence as its bytes, an unfinished character as U+FFFD. Returns the
 * number of keys stored (at most max; TERM_KEYS_MAX_KEYS is always enough). */
size_t term_keys_flush(struct term_keys *t, uint32_t *keys, size_t max);

/* Is anything held that only more bytes, or a flush, will give? */
bool term_keys_pending(const struct term_keys *t);

#endif
