/* SPDX-License-Identifier: MIT */
/* theme_find.c - where themes live, and loading one by name or path.
 *
 * Directories are searched so that the most personal one wins: the
 * repository's themes/ (running from a build tree), then the installed
 * share/kvm-tui/themes, then the user's $XDG_CONFIG_HOME/kvm-tui/themes.
 * A lecturer can copy projector.theme to their config dir, tune it for one
 * room, and keep calling it "projector".
 */
#include "theme.h"

#include "install_dir.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_DIRS 5
#define SUFFIX ".theme"
#define SUFFIX_LEN 6

static size_t add_dir(char dirs[][THEME_PATH_MAX], size_t n, size_t max,
		      const char *base, const char *sub)
{
	char buf[THEME_PATH_MAX];
	int len = snprintf(buf, sizeof buf, "%s%s", base, sub);
	/* A truncated path would name some other directory: leave it out. */
	if (n >= max || len < 0 || (size_t)len >= sizeof buf)
		return n;
	for (size_t i = 0; i < n; i++)
		if (strcmp(dirs[i], buf) == 0)
			return n;
	memcpy(dirs[n], buf, (size_t)len + 1);
	return n + 1;
}

/* <prefix>/bin/kvm-tui finds <prefix>/share/kvm-tui/themes even when the
 * install was moved (or made with --prefix) after the build. */
static size_t add_beside_binary(char dirs[][THEME_PATH_MAX], size_t n, size_t max)
{
	char dir[THEME_PATH_MAX];
	if (!install_dir_beside_binary("themes", dir, sizeof(dir)))
		return n;
	return add_dir(dirs, n, max, dir, "");
}

size_t theme_dirs(char dirs[][THEME_PATH_MAX], size_t max)
{
	size_t n = 0;
#ifdef KVMTUI_SOURCE_DIR
	n = add_dir(dirs, n, max, KVMTUI_SOURCE_DIR, "/themes");
#endif
#ifdef KVMTUI_DATADIR
	n = add_dir(dirs, n, max, KVMTUI_DATADIR, "/themes");
#endif
	n = add_beside_binary(dirs, n, max);
	/* The XDG spec says a relative $XDG_CONFIG_HOME is invalid: ignore it. */
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		n = add_dir(dirs, n, max, xdg, "/kvm-tui/themes");
	else if (home && *home)
		n = add_dir(dirs, n, max, home, "/.config/kvm-tui/themes");
	return n;
}

static bool ends_with_suffix(const char *s)
{
	size_t n = strlen(s);
	return n > SUFFIX_LEN && strcmp(s + n - SUFFIX_LEN, SUFFIX) == 0;
}

static bool is_path(const char *s)
{
	return strchr(s, '/') != NULL || ends_with_suffix(s);
}

/* Names become file names: keep them to what cannot climb out of a dir. */
static bool valid_name(const char *s)
{
	if (!*s || *s == '.' || strlen(s) >= sizeof ((struct theme *)0)->name)
		return false;
	for (; *s; s++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", *s))
			return false;
	return true;
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The last directory holding NAME.theme wins. */
static bool find_theme(const char *name, char *path, size_t size)
{
	char dirs[MAX_DIRS][THEME_PATH_MAX];
	for (size_t i = theme_dirs(dirs, MAX_DIRS); i-- > 0;) {
		int len = snprintf(path, size, "%s/%s" SUFFIX, dirs[i], name);
		if (len > 0 && (size_t)len < size && is_file(path))
			return true;
	}
	return false;
}

static void not_found(const char *name, char *err, size_t errlen)
{
	char dirs[MAX_DIRS][THEME_PATH_MAX];
	size_t n = theme_dirs(dirs, MAX_DIRS);
	int len = snprintf(err, errlen, "theme '%s' not found in", name);
	for (size_t i = 0; i < n && len >= 0 && (size_t)len < errlen; i++)
		len += snprintf(err + len, errlen - (size_t)len, "%s %s", i ? "," : "", dirs[i]);
	if (len >= 0 && (size_t)len < errlen)
		snprintf(err + len, errlen - (size_t)len, " (--list-themes shows what there is)");
}

int theme_load(const char *name_or_path, struct theme *t, char *err, size_t errlen)
{
	char path[THEME_PATH_MAX + 80];
	if (is_path(name_or_path))
		return theme_load_file(name_or_path, t, err, errlen);
	if (!valid_name(name_or_path)) {
		snprintf(err, errlen, "bad theme name '%.40s': use a name such as 'projector' "
			 "or a path such as ./my.theme", name_or_path);
		return -1;
	}
	if (find_theme(name_or_path, path, sizeof path))
		return theme_load_file(path, t, err, errlen);
	/* Built in, so an install without its themes/ still starts. */
	if (strcmp(name_or_path, "default") == 0) {
		theme_builtin_default(t);
		return 0;
	}
	if (strcmp(name_or_path, "mono") == 0) {
		theme_builtin_mono(t);
		return 0;
	}
	not_found(name_or_path, err, errlen);
	return -1;
}

struct found {
	char name[64];
	char path[THEME_PATH_MAX + 80];
};

struct found_list {
	struct found *v;
	size_t n, cap;
};

/* Later directories replace an earlier entry of the same name, as in theme_load. */
static void found_add(struct found_list *l, const char *name, const char *path)
{
	size_t i = 0;
	while (i < l->n && strcmp(l->v[i].name, name) != 0)
		i++;
	if (i == l->n) {
		if (l->n == l->cap) {
			size_t cap = l->cap ? l->cap * 2 : 16;
			struct found *v = realloc(l->v, cap * sizeof *v);
			if (!v)
				return;
			l->v = v;
			l->cap = cap;
		}
		l->n++;
		snprintf(l->v[i].name, sizeof l->v[i].name, "%s", name);
	}
	snprintf(l->v[i].path, sizeof l->v[i].path, "%s", path);
}

/* theme_load falls back to these when no directory has the file. */
static void found_add_builtin(struct found_list *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0)
			return;
	found_add(l, name, "(built in)");
}

static void scan_dir(struct found_list *l, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		char name[64], path[THEME_PATH_MAX + 80];
		size_t len = strlen(e->d_name);
		if (!ends_with_suffix(e->d_name) || len - SUFFIX_LEN >= sizeof name)
			continue;
		memcpy(name, e->d_name, len - SUFFIX_LEN);
		name[len - SUFFIX_LEN] = '\0';
		int plen = snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (valid_name(name) && plen > 0 && (size_t)plen < sizeof path && is_file(path))
			found_add(l, name, path);
	}
	closedir(d);
}

static int found_cmp(const void *a, const void *b)
{
	return strcmp(((const struct found *)a)->name, ((const struct found *)b)->name);
}

void theme_list(FILE *out)
{
	char dirs[MAX_DIRS][THEME_PATH_MAX];
	struct found_list l = {0};
	size_t n = theme_dirs(dirs, MAX_DIRS);
	for (size_t i = 0; i < n; i++)
		scan_dir(&l, dirs[i]);
	found_add_builtin(&l, "default");
	found_add_builtin(&l, "mono");
	if (l.v)
		qsort(l.v, l.n, sizeof *l.v, found_cmp);
	for (size_t i = 0; i < l.n; i++)
		fprintf(out, "%-12s %s\n", l.v[i].name, l.v[i].path);
	free(l.v);
}
