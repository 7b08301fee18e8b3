/* SPDX-License-Identifier: MIT */
/* theme_parse.c - reads a theme file over the built-in default theme.
 *
 * The syntax is in theme.h. Every mistake stops the load with
 * "FILE:LINE: what is wrong", because a theme that silently ignores a typo
 * leaves a lecturer wondering why the projector still shows the old colours.
 */
#include "theme.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Longer lines are not themes; refusing them keeps messages short. */
#define LINE_MAX_LEN 1000

struct parser {
	const char *path;
	unsigned line;
	char *err;
	size_t errlen;
	unsigned set_on[THEME_SLOT_COUNT]; /* line that set each key, 0 = none */
};

static const char *const color_names[16] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
	"bright-black", "bright-red", "bright-green", "bright-yellow",
	"bright-blue", "bright-magenta", "bright-cyan", "bright-white",
};

static const struct {
	const char *name;
	unsigned flag;
} attr_names[] = {
	{"bold", THEME_ATTR_BOLD},
	{"reverse", THEME_ATTR_REVERSE},
	{"underline", THEME_ATTR_UNDERLINE},
	{"dim", THEME_ATTR_DIM},
	{"blink", THEME_ATTR_BLINK}, /* for screen.blink; the terminal's own blink */
};

#define COLOR_HELP "default, black..white, bright-black..bright-white or #RRGGBB"
#define ATTR_HELP "bold, reverse, underline, dim or blink"

static int fail(struct parser *p, const char *fmt, ...)
{
	int n = snprintf(p->err, p->errlen, "%s:%u: ", p->path, p->line);
	if (n >= 0 && (size_t)n < p->errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static bool parse_hex(const char *w, struct theme_color *c)
{
	uint8_t v[3];
	if (w[0] != '#' || strlen(w) != 7)
		return false;
	for (int i = 0; i < 3; i++) {
		int hi = hex_digit(w[1 + 2 * i]), lo = hex_digit(w[2 + 2 * i]);
		if (hi < 0 || lo < 0)
			return false;
		v[i] = (uint8_t)(hi * 16 + lo);
	}
	*c = (struct theme_color){.kind = COLOR_KIND_RGB, .r = v[0], .g = v[1], .b = v[2]};
	return true;
}

static bool parse_color(const char *w, struct theme_color *c)
{
	if (strcasecmp(w, "default") == 0) {
		*c = (struct theme_color){.kind = COLOR_KIND_DEFAULT};
		return true;
	}
	if (strcasecmp(w, "gray") == 0 || strcasecmp(w, "grey") == 0)
		w = "bright-black";
	for (unsigned i = 0; i < 16; i++) {
		if (strcasecmp(w, color_names[i]) == 0) {
			*c = (struct theme_color){.kind = COLOR_KIND_ANSI, .ansi = (uint8_t)i};
			return true;
		}
	}
	return parse_hex(w, c);
}

static unsigned parse_attr(const char *w)
{
	for (size_t i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++)
		if (strcasecmp(w, attr_names[i].name) == 0)
			return attr_names[i].flag;
	return 0;
}

/* A word that is neither colour nor attribute: say what was probably meant. */
static int bad_word(struct parser *p, const char *w, bool have_fg)
{
	if (w[0] == '#')
		return fail(p, "bad colour '%s' (write #RRGGBB; a comment needs a space after '#')", w);
	if (have_fg)
		return fail(p, "unknown attribute '%s' (use " ATTR_HELP ")", w);
	return fail(p, "unknown colour or attribute '%s' (colours: " COLOR_HELP
		    "; attributes: " ATTR_HELP ")", w);
}

static bool is_comment(const char *w)
{
	return w == NULL || strcmp(w, "#") == 0;
}

static int parse_background(struct parser *p, char **save, bool *have_bg,
			    struct theme_color *bg)
{
	const char *w = strtok_r(NULL, " \t", save);
	if (is_comment(w))
		return fail(p, "'on' needs a background colour (" COLOR_HELP ")");
	if (*have_bg)
		return fail(p, "two background colours: there can be only one 'on COLOUR'");
	if (!parse_color(w, bg)) {
		if (w[0] == '#')
			return bad_word(p, w, false);
		return fail(p, "unknown colour '%s' (use " COLOR_HELP ")", w);
	}
	*have_bg = true;
	return 0;
}

static int parse_style(struct parser *p, char *text, struct theme_style *out)
{
	struct theme_style s = {0};
	bool have_fg = false, have_bg = false, empty = true;
	char *save = NULL;
	for (char *w = strtok_r(text, " \t", &save); !is_comment(w);
	     w = strtok_r(NULL, " \t", &save)) {
		unsigned attr = parse_attr(w);
		struct theme_color c;
		empty = false;
		if (strcasecmp(w, "on") == 0) {
			if (parse_background(p, &save, &have_bg, &s.bg) < 0)
				return -1;
		} else if (attr) {
			s.attrs |= attr;
		} else if (parse_color(w, &c)) {
			if (have_fg)
				return fail(p, "two foreground colours before '%s' (write FG on BG)", w);
			s.fg = c;
			have_fg = true;
		} else {
			return bad_word(p, w, have_fg);
		}
	}
	if (empty)
		return fail(p, "missing style after '=' (e.g. 'cyan on default bold')");
	*out = s;
	return 0;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	char *end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return s;
}

static int parse_setting(struct parser *p, char *text, struct theme *t)
{
	char *eq = strchr(text, '=');
	if (!eq)
		return fail(p, "expected 'key = style', not '%.40s'", text);
	*eq = '\0';
	char *key = trim(text);
	if (!*key)
		return fail(p, "missing key before '='");
	int slot = theme_slot_from_key(key);
	if (slot < 0)
		return fail(p, "unknown key '%.40s'", key);
	if (p->set_on[slot])
		return fail(p, "'%s' is already set on line %u", key, p->set_on[slot]);
	if (parse_style(p, eq + 1, &t->style[slot]) < 0)
		return -1;
	p->set_on[slot] = p->line;
	return 0;
}

/* Control bytes mean a binary file or a mangled copy: say so, not "unknown key". */
static int check_bytes(struct parser *p, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return fail(p, "unexpected control character 0x%02x (is this a theme file?)", c);
	}
	return 0;
}

static int parse_line(struct parser *p, char *line, size_t len, struct theme *t)
{
	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	if (len > LINE_MAX_LEN)
		return fail(p, "line too long (more than %d characters)", LINE_MAX_LEN);
	if (check_bytes(p, line, len) < 0)
		return -1;
	char *text = trim(line);
	if (!*text || *text == '#')
		return 0;
	return parse_setting(p, text, t);
}

/* "dir/projector.theme" -> "projector". */
static void name_from_path(const char *path, char *name, size_t size)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 6 && strcmp(base + n - 6, ".theme") == 0)
		n -= 6;
	if (n >= size)
		n = size - 1;
	memcpy(name, base, n);
	name[n] = '\0';
}

/* Lines end at '\n'; a NUL inside one is left for check_bytes to report. */
static int parse_text(struct parser *p, char *text, size_t len, struct theme *t)
{
	static const char bom[] = "\xef\xbb\xbf";
	if (len >= 3 && memcmp(text, bom, 3) == 0) {
		text += 3;
		len -= 3;
	}
	while (len > 0) {
		char *nl = memchr(text, '\n', len);
		size_t n = nl ? (size_t)(nl - text) : len;
		text[n] = '\0'; /* the newline, or the NUL after the buffer */
		p->line++;
		if (parse_line(p, text, n, t) < 0)
			return -1;
		n += nl ? 1 : 0;
		text += n;
		len -= n;
	}
	return 0;
}

int theme_load_file(const char *path, struct theme *t, char *err, size_t errlen)
{
	struct parser p = {.path = path, .err = err, .errlen = errlen};
	char *text;
	size_t len;
	if (theme_file_read(path, &text, &len, err, errlen))
		return -1;
	struct theme next;
	theme_builtin_default(&next);
	name_from_path(path, next.name, sizeof next.name);
	int rc = parse_text(&p, text, len, &next);
	free(text);
	if (rc == 0)
		*t = next;
	return rc;
}
