/* SPDX-License-Identifier: MIT */
/* sparkline.h - numbers as eighth-block glyphs: sparklines and bars.
 *
 * Pure arithmetic plus the glyphs to draw it with: Unicode blocks where the
 * terminal speaks UTF-8, plain ASCII where it does not.
 */
#ifndef KVMTUI_SPARKLINE_H
#define KVMTUI_SPARKLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SPARK_LEVELS 8

/* levels[i] in 0..8 scaled to the largest value; any non-zero value gets at
 * least 1, so a single exit in a busy minute still shows. */
void sparkline_levels(const uint64_t *values, size_t n, uint8_t *levels);
const char *sparkline_glyph(unsigned level, bool utf8);

/* A bar for value/max over width cells, in eighths of a cell (at least one
 * eighth for any non-zero value). */
unsigned bar_eighths(uint64_t value, uint64_t max, unsigned width);
/* Glyph for a cell holding `eighths` (1..8) of the bar. */
const char *bar_glyph(unsigned eighths, bool utf8);

#endif
