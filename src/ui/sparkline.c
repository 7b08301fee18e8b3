/* SPDX-License-Identifier: MIT */
/* sparkline.c - scaling and glyphs for sparklines and bars. */
#include "sparkline.h"

void sparkline_levels(const uint64_t *values, size_t n, uint8_t *levels)
{
	uint64_t max = 0;
	for (size_t i = 0; i < n; i++)
		if (values[i] > max)
			max = values[i];
	for (size_t i = 0; i < n; i++) {
		if (values[i] == 0 || max == 0) {
			levels[i] = 0;
			continue;
		}
		/* Round up so the top is reached only by the maximum. */
		uint64_t l = (values[i] * SPARK_LEVELS + max - 1) / max;
		levels[i] = (uint8_t)(l < 1 ? 1 : l > SPARK_LEVELS ? SPARK_LEVELS : l);
	}
}

const char *sparkline_glyph(unsigned level, bool utf8)
{
	static const char *const blocks[SPARK_LEVELS + 1] = {
		" ", "\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588",
	};
	static const char *const ascii[SPARK_LEVELS + 1] = {
		" ", "_", ".", ",", "-", "=", "+", "*", "#",
	};
	if (level > SPARK_LEVELS)
		level = SPARK_LEVELS;
	return utf8 ? blocks[level] : ascii[level];
}

unsigned bar_eighths(uint64_t value, uint64_t max, unsigned width)
{
	if (value == 0 || max == 0 || width == 0)
		return 0;
	if (value >= max)
		return width * 8;
	/* value < max here, so this cannot overflow for any sane width. */
	unsigned __int128 e = (unsigned __int128)value * width * 8 / max;
	return e == 0 ? 1 : (unsigned)e;
}

const char *bar_glyph(unsigned eighths, bool utf8)
{
	static const char *const blocks[9] = {
		" ", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589", "\u2588",
	};
	if (eighths > 8)
		eighths = 8;
	if (!utf8)
		return eighths == 0 ? " " : eighths >= 4 ? "#" : "|";
	return blocks[eighths];
}
