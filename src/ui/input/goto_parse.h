/* SPDX-License-Identifier: MIT */
/* goto_parse.h - what the user typed at the replay's "go to" prompt, as a
 * control_seek target.
 *
 * An exit number ("4711" or "#4711") or a time since the run began, in
 * parts with units ("12.5s", "1500ms", "2m3s", "1h2m", "250us"; spaces
 * between parts are fine). The same shapes numfmt_duration prints, so a
 * time read off the screen can be typed back. Pure.
 */
#ifndef KVMTUI_GOTO_PARSE_H
#define KVMTUI_GOTO_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* true and *target (an exit number, or ns | CONTROL_SEEK_TIME); false with
 * a short reason in err (it goes to the status bar, so a few words). */
bool goto_parse(const char *text, uint64_t *target, char *err, size_t errlen);

/* A target the recording cannot reach: an exit number past its last exit
 * (when the number of exits is known, i.e. exits > 0). A time past the end
 * is fine: the seek stops at the last exit at or before it. */
bool goto_in_range(uint64_t target, uint64_t exits, char *err, size_t errlen);

/* What may be typed, for the prompt: "#1-4711, 0-12.5s" (parts that are
 * unknown, 0, are left out; "4711, 12.5s, 2m3s" if both are). */
void goto_hint(char *buf, size_t n, uint64_t exits, uint64_t duration_ns);

#endif
