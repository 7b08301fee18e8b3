/* SPDX-License-Identifier: MIT */
/* test_theme.c - the theme parser, its error messages, and theme lookup. */
#include "check.h"
#include "theme.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmp[256];
static char err[512];

static const char *write_file(const char *name, const char *text)
{
	static char path[512];
	snprintf(path, sizeof path, "%s/%s", tmp, name);
	FILE *f = fopen(path, "w");
	if (!f)
		return path;
	fputs(text, f);
	fclose(f);
	return path;
}

/* Loads text as x.theme; on error err holds the message with the path cut off. */
static int load_text(const char *text, struct theme *t)
{
	const char *path = write_file("x.theme", text);
	err[0] = '\0';
	int rc = theme_load_file(path, t, err, sizeof err);
	size_t n = strlen(path);
	if (strncmp(err, path, n) == 0)
		memmove(err, err + n, strlen(err + n) + 1);
	return rc;
}

static bool color_equal(struct theme_color a, struct theme_color b)
{
	if (a.kind != b.kind)
		return false;
	if (a.kind == COLOR_KIND_ANSI)
		return a.ansi == b.ansi;
	return a.kind == COLOR_KIND_DEFAULT || (a.r == b.r && a.g == b.g && a.b == b.b);
}

static bool style_equal(struct theme_style a, struct theme_style b)
{
	return color_equal(a.fg, b.fg) && color_equal(a.bg, b.bg) && a.attrs == b.attrs;
}

static int differing_slot(const struct theme *a, const struct theme *b)
{
	for (int i = 0; i < THEME_SLOT_COUNT; i++)
		if (!style_equal(a->style[i], b->style[i]))
			return i;
	return -1;
}

static void test_slots(void)
{
	int bad = 0;
	for (int i = 0; i < THEME_SLOT_COUNT; i++) {
		bad += theme_slot_from_key(theme_slot_key((enum theme_slot)i)) != i;
		bad += theme_slot_about((enum theme_slot)i) == NULL;
	}
	CHECK_EQ(bad, 0);
	CHECK_EQ(theme_slot_from_key("exit.iox"), -1);
	CHECK_STR(theme_slot_key(THEME_EXIT_IO), "exit.io");
	CHECK_STR(theme_slot_key(THEME_SLOT_COUNT), "?");
}

static void test_good_file(void)
{
	struct theme t, def;
	theme_builtin_default(&def);
	int rc = load_text("# a comment\n"
			   "\n"
			   "   \t\n"
			   "   # an indented comment\n"
			   "exit.io = cyan on default bold\n"
			   "exit.mmio = bold underline #102030 on #A0b0C0\n"
			   "exit.hlt = on blue\n"
			   "reg.changed\t=\treverse\r\n"
			   "exit.debug=Bright-Magenta DIM\n"
			   "dim = grey # a trailing comment\n"
			   "border = gray\n"
			   "normal = default",  /* no newline at the end */
			   &t);
	CHECK_EQ(rc, 0);
	CHECK_STR(err, "");
	CHECK_STR(t.name, "x");
	struct theme_style s = t.style[THEME_EXIT_IO];
	CHECK(s.fg.kind == COLOR_KIND_ANSI && s.fg.ansi == 6);
	CHECK(s.bg.kind == COLOR_KIND_DEFAULT);
	CHECK_EQ(s.attrs, THEME_ATTR_BOLD);
	s = t.style[THEME_EXIT_MMIO];
	CHECK(s.fg.kind == COLOR_KIND_RGB && s.fg.r == 0x10 && s.fg.g == 0x20 && s.fg.b == 0x30);
	CHECK(s.bg.kind == COLOR_KIND_RGB && s.bg.r == 0xa0 && s.bg.g == 0xb0 && s.bg.b == 0xc0);
	CHECK_EQ(s.attrs, THEME_ATTR_BOLD | THEME_ATTR_UNDERLINE);
	s = t.style[THEME_EXIT_HLT];
	CHECK(s.fg.kind == COLOR_KIND_DEFAULT && s.bg.kind == COLOR_KIND_ANSI && s.bg.ansi == 4);
	CHECK_EQ(s.attrs, 0);
	s = t.style[THEME_REG_CHANGED];
	CHECK(s.fg.kind == COLOR_KIND_DEFAULT && s.attrs == THEME_ATTR_REVERSE);
	s = t.style[THEME_EXIT_DEBUG];
	CHECK(s.fg.kind == COLOR_KIND_ANSI && s.fg.ansi == 13 && s.attrs == THEME_ATTR_DIM);
	CHECK(t.style[THEME_DIM].fg.ansi == 8 && t.style[THEME_BORDER].fg.ansi == 8);
	/* Keys the file leaves out keep the default theme's values. */
	CHECK(style_equal(t.style[THEME_STATE_RUNNING], def.style[THEME_STATE_RUNNING]));
	CHECK(style_equal(t.style[THEME_STATUS_BAR], def.style[THEME_STATUS_BAR]));
	CHECK(style_equal(t.style[THEME_EXIT_ERROR], def.style[THEME_EXIT_ERROR]));
}

/* The interrupt lines' slot: parsed like the others; a theme written before
 * it existed keeps the default's; a misspelling is an error naming it. */
static void test_irq_slot(void)
{
	struct theme t, def;
	theme_builtin_default(&def);
	CHECK_STR(theme_slot_key(THEME_EXIT_IRQ), "exit.irq");
	CHECK_EQ(theme_slot_from_key("exit.irq"), THEME_EXIT_IRQ);
	CHECK_CONTAINS(theme_slot_about(THEME_EXIT_IRQ), "interrupt");
	CHECK_EQ(load_text("exit.irq = black on bright-magenta bold\n", &t), 0);
	struct theme_style s = t.style[THEME_EXIT_IRQ];
	CHECK(s.fg.kind == COLOR_KIND_ANSI && s.fg.ansi == 0 && s.bg.ansi == 13 && s.attrs == THEME_ATTR_BOLD);
	CHECK_EQ(load_text("exit.io = cyan\nexit.other = default\n", &t), 0);
	CHECK(style_equal(t.style[THEME_EXIT_IRQ], def.style[THEME_EXIT_IRQ]));
	/* Told apart from every exit class in the default theme. */
	for (int slot = THEME_EXIT_IO; slot <= THEME_EXIT_OTHER; slot++)
		CHECK(!style_equal(def.style[THEME_EXIT_IRQ], def.style[slot]));
	CHECK_EQ(load_text("\nexit.irqs = red\n", &t), -1);
	CHECK_CONTAINS(err, ":2: unknown key 'exit.irqs'");
	CHECK_EQ(load_text("exit.irq = red\nexit.irq = blue\n", &t), -1);
	CHECK_CONTAINS(err, ":2: 'exit.irq' is already set on line 1");
	CHECK_EQ(load_text("exit.irq = purple\n", &t), -1);
	CHECK_CONTAINS(err, ":1: unknown colour or attribute 'purple'");
}

/* How the guest's blinking text is shown: bold by default, the terminal's
 * own blink with the attribute of that name (any slot may use it). */
static void test_screen_blink_slot(void)
{
	struct theme t, def;
	theme_builtin_default(&def);
	CHECK_STR(theme_slot_key(THEME_SCREEN_BLINK), "screen.blink");
	CHECK_CONTAINS(theme_slot_about(THEME_SCREEN_BLINK), "blinking");
	CHECK_EQ(def.style[THEME_SCREEN_BLINK].attrs, THEME_ATTR_BOLD);
	theme_builtin_mono(&t);
	CHECK_EQ(t.style[THEME_SCREEN_BLINK].attrs, THEME_ATTR_BOLD);
	CHECK_EQ(load_text("screen.blink = blink\n", &t), 0);
	CHECK_EQ(t.style[THEME_SCREEN_BLINK].attrs, THEME_ATTR_BLINK);
	CHECK_EQ(load_text("screen.blink = BLINK bold\nexit.io = cyan blink\n", &t), 0);
	CHECK_EQ(t.style[THEME_SCREEN_BLINK].attrs, THEME_ATTR_BLINK | THEME_ATTR_BOLD);
	CHECK_EQ(t.style[THEME_EXIT_IO].attrs, THEME_ATTR_BLINK);
	CHECK_EQ(load_text("screen.blink = blinking\n", &t), -1);
	CHECK_CONTAINS(err, "(colours: ");
	CHECK_CONTAINS(err, "attributes: bold, reverse, underline, dim or blink)");
}

static void test_empty_file_is_default(void)
{
	struct theme t, def;
	theme_builtin_default(&def);
	CHECK_EQ(load_text("", &t), 0);
	CHECK_EQ(differing_slot(&t, &def), -1);
	CHECK_EQ(load_text("# only a comment\n\n", &t), 0);
	CHECK_EQ(differing_slot(&t, &def), -1);
}

/* Each error names the line and what is wrong, and leaves the theme alone. */
static void expect_error(const char *text, const char *message)
{
	struct theme t;
	memset(&t, 0, sizeof t);
	strcpy(t.name, "untouched");
	CHECK_EQ(load_text(text, &t), -1);
	CHECK_CONTAINS(err, message);
	CHECK_STR(t.name, "untouched");
}

static void test_errors(void)
{
	struct theme t;
	char want[600];
	const char *path = write_file("bad.theme", "# 1\n# 2\n\nnormal = default\n# 5\n\n"
						  "exit.iox = cyan\nexit.io = red\n");
	CHECK_EQ(theme_load_file(path, &t, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s:7: unknown key 'exit.iox'", path);
	CHECK_STR(err, want);

	expect_error("\n\nexit.io = purple\n", ":3: unknown colour or attribute 'purple'");
	expect_error("exit.io = bold purple\n", ":1: unknown colour or attribute 'purple'");
	expect_error("exit.io = cyan on purple\n", ":1: unknown colour 'purple'");
	expect_error("exit.io = #12345\n", ":1: bad colour '#12345'");
	expect_error("exit.io = #12345g\n", ":1: bad colour '#12345g'");
	expect_error("exit.io = #1234567\n", ":1: bad colour '#1234567'");
	expect_error("exit.io = red on #abc\n", ":1: bad colour '#abc'");
	expect_error("exit.io = red #comment\n", ":1: bad colour '#comment'");
	expect_error("# ok\nexit.io = cyan italic\n", ":2: unknown attribute 'italic'");
	expect_error("exit.io = cyan boldd\n", ":1: unknown attribute 'boldd'");
	expect_error("hello world\n", ":1: expected 'key = style', not 'hello world'");
	expect_error("exit.io: cyan\n", ":1: expected 'key = style'");
	expect_error("exit.io =\n", ":1: missing style after '='");
	expect_error("exit.io =   # nothing\n", ":1: missing style after '='");
	expect_error("= cyan\n", ":1: missing key before '='");
	expect_error("exit.io = cyan on\n", ":1: 'on' needs a background colour");
	expect_error("exit.io = cyan on # x\n", ":1: 'on' needs a background colour");
	expect_error("exit.io = cyan red\n", ":1: two foreground colours");
	expect_error("exit.io = on red on blue\n", ":1: two background colours");
	expect_error("exit.io = red\n\nexit.hlt = green\n\nexit.io = blue\n",
		     ":5: 'exit.io' is already set on line 1");
	expect_error("exit.io = cy\001an\n", ":1: unexpected control character 0x01");
	expect_error("\177ELF\n", ":1: unexpected control character 0x7f");
	expect_error("Exit.IO = red\n", ":1: unknown key 'Exit.IO'");

	char longline[1200];
	memset(longline, 'x', sizeof longline - 2);
	longline[sizeof longline - 2] = '\n';
	longline[sizeof longline - 1] = '\0';
	expect_error(longline, ":1: line too long");
}

static void test_unreadable(void)
{
	struct theme t;
	char path[512], want[600];
	snprintf(path, sizeof path, "%s/missing.theme", tmp);
	CHECK_EQ(theme_load_file(path, &t, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s: cannot open: ", path);
	CHECK_CONTAINS(err, want);
	CHECK_EQ(theme_load_file(tmp, &t, err, sizeof err), -1);
	CHECK_CONTAINS(err, "cannot read");
}

/* Files that are not themes: refused at once, whatever they are. Without
 * the guards /dev/zero grew one line until memory ran out and a FIFO with
 * no writer blocked forever (main's alarm turns a hang into a failure). */
static void test_hostile_files(void)
{
	struct theme t;
	char path[512];
	CHECK_EQ(theme_load_file("/dev/zero", &t, err, sizeof err), -1);
	CHECK_CONTAINS(err, "/dev/zero: cannot read: not a regular file");
	snprintf(path, sizeof path, "%s/fifo.theme", tmp);
	CHECK_EQ(mkfifo(path, 0600), 0);
	CHECK_EQ(theme_load_file(path, &t, err, sizeof err), -1);
	CHECK_CONTAINS(err, "fifo.theme: cannot read: not a regular file (a device, pipe or socket)");
	/* a read error is an error, not the end of the file (EIO at address 0) */
	CHECK_EQ(theme_load_file("/proc/self/mem", &t, err, sizeof err), -1);
	CHECK_CONTAINS(err, "/proc/self/mem: cannot read: ");

	static char big[THEME_FILE_MAX + 2];
	memset(big, '#', sizeof big - 1); /* one comment line, no newline, one byte too many */
	CHECK_EQ(load_text(big, &t), -1);
	CHECK_STR(err, ": too big for a theme file (more than 64 KiB)");
	for (size_t i = 0; i + 1 < THEME_FILE_MAX; i += 100)
		big[i] = '\n'; /* now 64 KiB of short comment lines exactly: fine */
	big[THEME_FILE_MAX] = '\0';
	CHECK_EQ(load_text(big, &t), 0);
}

/* A UTF-8 byte order mark at the start is skipped: editors on some systems
 * add it, and "unknown key" with the mark invisible helped nobody. */
static void test_bom(void)
{
	struct theme t;
	CHECK_EQ(load_text("\xef\xbb\xbf" "exit.io = red\n", &t), 0);
	CHECK(t.style[THEME_EXIT_IO].fg.kind == COLOR_KIND_ANSI && t.style[THEME_EXIT_IO].fg.ansi == 1);
	CHECK_EQ(load_text("\xef\xbb\xbf", &t), 0); /* a mark and nothing else: empty */
	CHECK_EQ(load_text("\xef\xbb\xbf\r\n# x\r\nexit.io = red\r\n", &t), 0);
}

static void test_builtins_match_files(void)
{
	struct theme file, builtin;
	theme_builtin_default(&builtin);
	CHECK_EQ(theme_load_file(TEST_SOURCE_DIR "/themes/default.theme", &file, err, sizeof err), 0);
	CHECK_EQ(differing_slot(&file, &builtin), -1);
	theme_builtin_mono(&builtin);
	CHECK_EQ(theme_load_file(TEST_SOURCE_DIR "/themes/mono.theme", &file, err, sizeof err), 0);
	CHECK_EQ(differing_slot(&file, &builtin), -1);
	CHECK(!theme_has_color(&builtin));
	theme_builtin_default(&builtin);
	CHECK(theme_has_color(&builtin));
}

static void test_resolve(void)
{
	struct theme t;
	CHECK_EQ(load_text("normal = black on #ffffff\nexit.io = red\nselection = reverse\n", &t), 0);
	struct theme_style s = theme_resolve(&t, THEME_EXIT_IO);
	CHECK(s.fg.kind == COLOR_KIND_ANSI && s.fg.ansi == 1);
	CHECK(s.bg.kind == COLOR_KIND_RGB && s.bg.r == 0xff);
	s = theme_resolve(&t, THEME_SELECTION);
	CHECK(s.fg.kind == COLOR_KIND_ANSI && s.fg.ansi == 0 && s.attrs == THEME_ATTR_REVERSE);
	CHECK(theme_resolve(&t, THEME_NORMAL).bg.kind == COLOR_KIND_RGB);
}

static void test_use_color(void)
{
	unsetenv("NO_COLOR");
	CHECK(theme_use_color(false));
	CHECK(!theme_use_color(true));
	setenv("NO_COLOR", "", 1);
	CHECK(theme_use_color(false));  /* empty means unset, says no-color.org */
	setenv("NO_COLOR", "1", 1);
	CHECK(!theme_use_color(false));
	unsetenv("NO_COLOR");
}

static void test_dirs(void)
{
	char dirs[8][THEME_PATH_MAX], want[600];
	setenv("XDG_CONFIG_HOME", tmp, 1);
	size_t n = theme_dirs(dirs, 8);
	CHECK(n >= 2);
	CHECK_STR(dirs[0], TEST_SOURCE_DIR "/themes");
	snprintf(want, sizeof want, "%s/kvm-tui/themes", tmp);
	CHECK_STR(dirs[n - 1], want);
	CHECK_EQ(theme_dirs(dirs, 1), 1);

	setenv("XDG_CONFIG_HOME", "relative/dir", 1);  /* invalid per the XDG spec */
	setenv("HOME", "/home/someone", 1);
	n = theme_dirs(dirs, 8);
	CHECK_STR(dirs[n - 1], "/home/someone/.config/kvm-tui/themes");
	unsetenv("XDG_CONFIG_HOME");
	n = theme_dirs(dirs, 8);
	CHECK_STR(dirs[n - 1], "/home/someone/.config/kvm-tui/themes");
}

static void test_load_by_name(void)
{
	struct theme t;
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", tmp, 1);  /* no ~/.config/kvm-tui here */
	CHECK_EQ(theme_load("projector", &t, err, sizeof err), 0);
	CHECK_STR(t.name, "projector");
	CHECK(t.style[THEME_NORMAL].bg.kind == COLOR_KIND_RGB && t.style[THEME_NORMAL].bg.r == 0xff);
	CHECK_EQ(theme_load("light", &t, err, sizeof err), 0);
	CHECK_STR(t.name, "light");

	CHECK_EQ(theme_load("nosuch", &t, err, sizeof err), -1);
	CHECK_CONTAINS(err, "theme 'nosuch' not found in " TEST_SOURCE_DIR "/themes");
	CHECK_CONTAINS(err, "--list-themes");
	CHECK_EQ(theme_load(".hidden", &t, err, sizeof err), -1);
	CHECK_CONTAINS(err, "bad theme name '.hidden'");
	CHECK_EQ(theme_load("a b", &t, err, sizeof err), -1);
	CHECK_CONTAINS(err, "bad theme name");
	CHECK_EQ(theme_load("", &t, err, sizeof err), -1);
}

static void test_load_by_path(void)
{
	struct theme t;
	char cwd[512], path[600], want[700];
	const char *p = write_file("mine.theme", "exit.io = bright-red\n");
	CHECK_EQ(theme_load(p, &t, err, sizeof err), 0);
	CHECK_STR(t.name, "mine");
	CHECK_EQ(t.style[THEME_EXIT_IO].fg.ansi, 9);
	/* A bare file name ending .theme is a path, relative to the current dir. */
	CHECK(getcwd(cwd, sizeof cwd) != NULL);
	CHECK_EQ(chdir(tmp), 0);
	CHECK_EQ(theme_load("mine.theme", &t, err, sizeof err), 0);
	write_file("noext", "exit.io = green\n");
	CHECK_EQ(theme_load("./noext", &t, err, sizeof err), 0);
	CHECK_EQ(t.style[THEME_EXIT_IO].fg.ansi, 2);
	CHECK_EQ(theme_load("other.theme", &t, err, sizeof err), -1);
	CHECK_CONTAINS(err, "other.theme: cannot open");
	CHECK_EQ(chdir(cwd), 0);
	/* A path's parse error names that path. */
	snprintf(path, sizeof path, "%s/x.theme", tmp);
	write_file("x.theme", "\nexit.io = nope\n");
	CHECK_EQ(theme_load(path, &t, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s:2: unknown colour or attribute 'nope'", path);
	CHECK_CONTAINS(err, want);
}

static char *list_themes(void)
{
	static char buf[8192];
	FILE *f = fmemopen(buf, sizeof buf - 1, "w");
	if (!f)
		return strcpy(buf, "");
	theme_list(f);
	fclose(f);
	return buf;
}

/* The user's config dir wins over the repository's, name by name. */
static void test_xdg_overrides(void)
{
	struct theme t;
	char dir[400], line[600];
	snprintf(dir, sizeof dir, "%s/kvm-tui", tmp);
	mkdir(dir, 0755);
	snprintf(dir, sizeof dir, "%s/kvm-tui/themes", tmp);
	mkdir(dir, 0755);
	write_file("kvm-tui/themes/projector.theme", "normal = red on #ffffff\n");
	write_file("kvm-tui/themes/room101.theme", "exit.io = blue\n");
	write_file("kvm-tui/themes/README", "not a theme\n");
	setenv("XDG_CONFIG_HOME", tmp, 1);

	CHECK_EQ(theme_load("projector", &t, err, sizeof err), 0);
	CHECK(t.style[THEME_NORMAL].fg.kind == COLOR_KIND_ANSI && t.style[THEME_NORMAL].fg.ansi == 1);
	CHECK_EQ(theme_load("room101", &t, err, sizeof err), 0);
	CHECK_STR(t.name, "room101");

	const char *out = list_themes();
	snprintf(line, sizeof line, "projector    %s/projector.theme\n", dir);
	CHECK_CONTAINS(out, line);
	snprintf(line, sizeof line, "room101      %s/room101.theme\n", dir);
	CHECK_CONTAINS(out, line);
	CHECK_CONTAINS(out, "light        " TEST_SOURCE_DIR "/themes/light.theme\n");
	CHECK_CONTAINS(out, "default      ");
	CHECK_CONTAINS(out, "mono         ");
	CHECK(strstr(out, TEST_SOURCE_DIR "/themes/projector.theme") == NULL);
	CHECK(strstr(out, "README") == NULL);
	/* Sorted by name. */
	CHECK(strstr(out, "default") < strstr(out, "light"));
	CHECK(strstr(out, "projector") < strstr(out, "room101"));
	unsetenv("XDG_CONFIG_HOME");
}

int main(void)
{
	alarm(60); /* a file that blocks the loader fails the test, not the run */
	snprintf(tmp, sizeof tmp, "/tmp/kvmtui-test-theme-XXXXXX");
	if (!mkdtemp(tmp)) {
		perror("mkdtemp");
		return 1;
	}
	test_slots();
	test_good_file();
	test_irq_slot();
	test_screen_blink_slot();
	test_empty_file_is_default();
	test_errors();
	test_unreadable();
	test_hostile_files();
	test_bom();
	test_builtins_match_files();
	test_resolve();
	test_use_color();
	test_dirs();
	test_load_by_name();
	test_load_by_path();
	test_xdg_overrides();

	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmp);
	return check_done();
}
