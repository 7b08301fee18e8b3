/* SPDX-License-Identifier: MIT */
/* fuzz_theme.c - the theme parser (src/ui/theme_parse.c, theme_file.c) on
 * any file a user might hand to --theme.
 *
 * Themes are shared between people (a lecturer's projector theme, one from
 * the internet), so the parser meets files nobody here wrote. The input is
 * the file's bytes, written to a memfd and loaded by path as --theme does.
 * What must hold besides the sanitizers: a load either succeeds with every
 * colour in range, or fails with one line of text (no control byte from
 * the file but a tab may reach the user's terminal through the message); the colour
 * arithmetic the curses side applies to a loaded theme stays in range.
 */
#include <stdio.h>
#include <string.h>

#include "color_map.h"
#include "fuzz_input.h"
#include "theme.h"

static void check_message(const char *err)
{
	if (!err[0])
		fuzz_fail("a failed load with no message");
	for (const unsigned char *p = (const unsigned char *)err; *p; p++)
		if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
			fuzz_fail("control byte 0x%02x in the message: %s", *p, err);
}

static void check_color(const struct theme_color *c)
{
	switch (c->kind) {
	case COLOR_KIND_DEFAULT:
		break;
	case COLOR_KIND_ANSI: {
		bool bold;
		if (c->ansi > 15 || color_ansi_to_8(c->ansi, &bold) > 7)
			fuzz_fail("ANSI colour %u", c->ansi);
		break;
	}
	case COLOR_KIND_RGB: {
		struct color_rgb rgb = { c->r, c->g, c->b };
		if (color_rgb_to_256(rgb) > 255 || color_rgb_to_16(rgb) > 15 || color_rgb_to_8(rgb) > 7)
			fuzz_fail("RGB %02x%02x%02x maps out of range", c->r, c->g, c->b);
		double ratio = color_contrast(rgb, color_xterm_rgb(c->r));
		if (!(ratio >= 1.0 && ratio <= 21.0 + 1e-9))
			fuzz_fail("contrast ratio %f", ratio);
		break;
	}
	default:
		fuzz_fail("colour kind %d", (int)c->kind);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file_set(data, size);
	struct theme t, before;
	char err[512] = "";

	theme_builtin_default(&t);
	before = t;
	if (theme_load_file(path, &t, err, sizeof err) != 0) {
		check_message(err);
		if (memcmp(&t, &before, sizeof t) != 0)
			fuzz_fail("a failed load changed the theme");
		return 0;
	}
	for (int slot = 0; slot < THEME_SLOT_COUNT; slot++) {
		if (t.style[slot].attrs & ~(unsigned)(THEME_ATTR_BOLD | THEME_ATTR_REVERSE |
						     THEME_ATTR_UNDERLINE | THEME_ATTR_DIM |
						     THEME_ATTR_BLINK))
			fuzz_fail("slot %d has attributes 0x%x", slot, t.style[slot].attrs);
		check_color(&t.style[slot].fg);
		check_color(&t.style[slot].bg);
		struct theme_style s = theme_resolve(&t, (enum theme_slot)slot);
		check_color(&s.fg);
		check_color(&s.bg);
	}
	(void)theme_has_color(&t);
	if (memchr(t.name, '\0', sizeof t.name) == NULL)
		fuzz_fail("theme name not terminated");
	return 0;
}
