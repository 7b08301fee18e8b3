/* SPDX-License-Identifier: MIT */
/* test_theme_contrast.c - the shipped themes keep their promises:
 * projector.theme reads at 7:1 (WCAG AAA) everywhere and never says
 * anything by colour alone; light.theme reads at 4.5:1 (AA); every shipped
 * theme parses and spells out every key. */
#include "check.h"
#include "color_map.h"
#include "theme.h"

#include <dirent.h>
#include <stdlib.h>

#define THEMES TEST_SOURCE_DIR "/themes"

static char err[512];

static struct color_rgb rgb_of(struct theme_color c)
{
	if (c.kind == COLOR_KIND_ANSI)
		return color_ansi_rgb(c.ansi);
	return (struct color_rgb){c.r, c.g, c.b};
}

/* What a 256-colour terminal shows for the colour. */
static struct color_rgb shown_256(struct theme_color c)
{
	if (c.kind == COLOR_KIND_ANSI)
		return color_ansi_rgb(c.ansi);
	return color_xterm_rgb(color_rgb_to_256(rgb_of(c)));
}

/* Every slot's text against its background, "default" being the theme's
 * normal colours, both as written and as a 256-colour terminal shows them. */
static void check_contrast(const struct theme *t, double min)
{
	for (int i = 0; i < THEME_SLOT_COUNT; i++) {
		struct theme_style s = theme_resolve(t, (enum theme_slot)i);
		const char *key = theme_slot_key((enum theme_slot)i);
		if (s.fg.kind == COLOR_KIND_DEFAULT || s.bg.kind == COLOR_KIND_DEFAULT) {
			fprintf(stderr, "%s: %s: colour left to the terminal\n", t->name, key);
			CHECK(!"every colour declared");
			continue;
		}
		double written = color_contrast(rgb_of(s.fg), rgb_of(s.bg));
		double shown = color_contrast(shown_256(s.fg), shown_256(s.bg));
		if (written < min || shown < min)
			fprintf(stderr, "%s: %s: contrast %.2f (%.2f in 256 colours) < %.1f\n",
				t->name, key, written, shown, min);
		CHECK(written >= min);
		CHECK(shown >= min);
	}
}

#define MARKS (THEME_ATTR_BOLD | THEME_ATTR_REVERSE | THEME_ATTR_UNDERLINE)

/* A slot that must stand out from another by bold, reverse or underline. */
static void check_marked(const struct theme *t, enum theme_slot slot, enum theme_slot from)
{
	unsigned a = t->style[slot].attrs & MARKS, b = t->style[from].attrs & MARKS;
	if (a == b)
		fprintf(stderr, "%s: %s looks like %s without colour\n", t->name,
			theme_slot_key(slot), theme_slot_key(from));
	CHECK(a != b);
}

static void test_projector(void)
{
	struct theme t;
	CHECK_EQ(theme_load_file(THEMES "/projector.theme", &t, err, sizeof err), 0);
	const struct theme_style *normal = &t.style[THEME_NORMAL];
	CHECK(normal->fg.kind != COLOR_KIND_DEFAULT && normal->bg.kind != COLOR_KIND_DEFAULT);
	CHECK(color_luminance(rgb_of(normal->bg)) > 0.5); /* a light background */
	check_contrast(&t, 7.0);
	for (int i = 0; i < THEME_SLOT_COUNT; i++) {
		struct theme_style s = t.style[i];
		/* Dim's brightness is up to the terminal: the contrast could not hold. */
		CHECK(!(s.attrs & THEME_ATTR_DIM));
		/* Palette names look different on every terminal: exact colours only. */
		CHECK(s.fg.kind != COLOR_KIND_ANSI && s.bg.kind != COLOR_KIND_ANSI);
	}
	const enum theme_slot from_normal[] = {
		THEME_REG_CHANGED, THEME_STATE_RUNNING, THEME_STATE_PAUSED, THEME_STATE_STOPPED,
		THEME_STATE_ERROR, THEME_SELECTION, THEME_TITLE_FOCUS, THEME_FLAG_SET,
		THEME_SERIAL_ESCAPE,
	};
	for (size_t i = 0; i < sizeof from_normal / sizeof from_normal[0]; i++)
		check_marked(&t, from_normal[i], THEME_NORMAL);
	check_marked(&t, THEME_TITLE_FOCUS, THEME_TITLE);
	check_marked(&t, THEME_FLAG_SET, THEME_FLAG_CLEAR);
	check_marked(&t, THEME_STATUS_KEY, THEME_STATUS_BAR);
	/* The four states also differ from one another without colour. */
	for (int a = THEME_STATE_RUNNING; a <= THEME_STATE_ERROR; a++)
		for (int b = a + 1; b <= THEME_STATE_ERROR; b++)
			check_marked(&t, (enum theme_slot)a, (enum theme_slot)b);
}

static void test_light(void)
{
	struct theme t;
	CHECK_EQ(theme_load_file(THEMES "/light.theme", &t, err, sizeof err), 0);
	CHECK(color_luminance(rgb_of(t.style[THEME_NORMAL].bg)) > 0.5);
	check_contrast(&t, 4.5);
}

/* A theme file is its own documentation: every key written out. */
static void check_every_key(const char *path)
{
	char seen[THEME_SLOT_COUNT] = {0}, line[1024];
	FILE *f = fopen(path, "r");
	CHECK(f != NULL);
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		char key[64];
		if (sscanf(line, " %63[a-z.]", key) == 1 && theme_slot_from_key(key) >= 0)
			seen[theme_slot_from_key(key)] = 1;
	}
	fclose(f);
	for (int i = 0; i < THEME_SLOT_COUNT; i++) {
		if (!seen[i])
			fprintf(stderr, "%s: no line for '%s'\n", path, theme_slot_key((enum theme_slot)i));
		CHECK(seen[i]);
	}
}

static void test_shipped_themes(void)
{
	DIR *d = opendir(THEMES);
	CHECK(d != NULL);
	if (!d)
		return;
	int count = 0;
	char names[1024] = " ";
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		size_t n = strlen(e->d_name);
		if (n <= 6 || strcmp(e->d_name + n - 6, ".theme") != 0)
			continue;
		char path[1024];
		struct theme t;
		snprintf(path, sizeof path, "%s/%s", THEMES, e->d_name);
		int rc = theme_load_file(path, &t, err, sizeof err);
		if (rc != 0)
			fprintf(stderr, "%s\n", err);
		CHECK_EQ(rc, 0);
		check_every_key(path);
		snprintf(names + strlen(names), sizeof names - strlen(names), "%s ", t.name);
		count++;
	}
	closedir(d);
	CHECK(count >= 4);
	CHECK_CONTAINS(names, " default ");
	CHECK_CONTAINS(names, " light ");
	CHECK_CONTAINS(names, " projector ");
	CHECK_CONTAINS(names, " mono ");
}

int main(void)
{
	test_projector();
	test_light();
	test_shipped_themes();
	return check_done();
}
