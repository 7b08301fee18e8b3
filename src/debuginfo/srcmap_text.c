/* SPDX-License-Identifier: MIT */
/* srcmap_text.c - a source file's lines, read once, safe to draw.
 *
 * The pane hands these lines to curses as they are, so whatever a file
 * holds must not reach the terminal as a command (ESC, a C1 CSI) or as
 * bytes it cannot show (broken UTF-8): those become U+FFFD here, once, and
 * not at every frame. Printable text, tabs included, is kept byte for byte
 * (the source view marks a line by its number and may show it as it is in
 * the editor). */
#include <stdlib.h>
#include <string.h>

#include "srcmap_internal.h"

static const char REPLACEMENT[] = "\xef\xbf\xbd"; /* U+FFFD */
#define REPLACEMENT_LEN 3

static bool is_cont(unsigned char b)
{
	return (b & 0xc0) == 0x80;
}

/* The length of the valid UTF-8 sequence of 2..4 bytes at p (end: where
 * the line stops), or 0 if it is not one: truncated, overlong, a
 * surrogate or beyond U+10FFFF. The bounds are the Unicode standard's
 * table of well-formed sequences (its section 3.9). */
static size_t multibyte_len(const unsigned char *p, const unsigned char *end)
{
	unsigned char b = p[0];
	size_t len;
	unsigned char lo = 0x80, hi = 0xbf; /* the second byte's range */
	if (b >= 0xc2 && b <= 0xdf)
		len = 2;
	else if (b >= 0xe0 && b <= 0xef)
		len = 3;
	else if (b >= 0xf0 && b <= 0xf4)
		len = 4;
	else
		return 0;
	if (b == 0xe0)
		lo = 0xa0; /* overlong */
	else if (b == 0xed)
		hi = 0x9f; /* surrogates */
	else if (b == 0xf0)
		lo = 0x90; /* overlong */
	else if (b == 0xf4)
		hi = 0x8f; /* beyond U+10FFFF */
	if ((size_t)(end - p) < len || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if (!is_cont(p[i]))
			return 0;
	return len;
}

/* C1 controls, U+0080..U+009F: C2 80 .. C2 9F (0x9b is CSI to a terminal). */
static bool is_c1(const unsigned char *p, size_t len)
{
	return len == 2 && p[0] == 0xc2 && p[1] <= 0x9f;
}

/* One line [p, end) into out, made safe: the bytes written. */
static size_t clean_line(const unsigned char *p, const unsigned char *end, char *out)
{
	char *o = out;
	while (p < end) {
		unsigned char b = *p;
		size_t len = b < 0x80 ? 1 : multibyte_len(p, end);
		bool ok;
		if (b < 0x80)
			ok = b == '\t' || (b >= 0x20 && b != 0x7f);
		else
			ok = len > 0 && !is_c1(p, len);
		if (!ok) {
			memcpy(o, REPLACEMENT, REPLACEMENT_LEN);
			o += REPLACEMENT_LEN;
			p += len > 1 ? len : 1; /* a C1 control is one character */
			continue;
		}
		memcpy(o, p, len);
		o += len;
		p += len;
	}
	*o = '\0';
	return (size_t)(o - out);
}

static size_t count_lines(const char *text, size_t size)
{
	size_t n = 0;
	for (size_t i = 0; i < size; i++)
		n += text[i] == '\n';
	return n + (size > 0 && text[size - 1] != '\n');
}

/* Where the line starting at p ends, without its "\n" or "\r\n". */
static const char *line_end(const char *p, const char *end, const char **next)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	if (!nl) {
		*next = end;
		return end;
	}
	*next = nl + 1;
	return nl > p && nl[-1] == '\r' ? nl - 1 : nl;
}

bool srcmap_split_text(struct srcmap_file *f, const char *text, size_t size)
{
	size_t n = count_lines(text, size);
	/* Each byte may become 3 (U+FFFD), and each line has its NUL. */
	char *buf = malloc(size * REPLACEMENT_LEN + n + 1);
	const char **line = calloc(n ? n : 1, sizeof(*line));
	size_t *len = calloc(n ? n : 1, sizeof(*len));
	if (!buf || !line || !len) {
		free(buf);
		free(line);
		free(len);
		return false;
	}
	const char *p = text, *end = text + size;
	char *o = buf;
	for (size_t i = 0; i < n; i++) {
		const char *next;
		const char *stop = line_end(p, end, &next);
		line[i] = o;
		len[i] = clean_line((const unsigned char *)p, (const unsigned char *)stop, o);
		o += len[i] + 1;
		p = next;
	}
	f->text_buf = buf;
	f->text = (struct src_text){ .count = n, .line = line, .len = len };
	return true;
}

/* Reads and splits f once; on failure f->text_err says why. */
static void read_text(struct srcmap *map, srcmap_file_id id, struct srcmap_file *f)
{
	char why[512];
	const char *path = srcmap_file_resolved(map, id);
	if (!path) {
		srcmap_fail(why, sizeof(why), "%s: not found (DWARF says %s; not beside %s either)",
			    srcmap_basename(f->path), f->path, srcmap_elf_path(map));
		f->text_err = strdup(why);
		return;
	}
	char *data;
	size_t size;
	if (srcmap_read_file(path, SRCMAP_TEXT_MAX, &data, &size, why, sizeof(why)) != 0) {
		f->text_err = strdup(why);
		return;
	}
	if (!srcmap_split_text(f, data, size)) {
		srcmap_fail(why, sizeof(why), "%s: out of memory", path);
		f->text_err = strdup(why);
	}
	free(data);
}

bool srcmap_file_lines(struct srcmap *map, srcmap_file_id file, struct src_text *out,
		       char *err, size_t errlen)
{
	if (file >= map->nfiles)
		return srcmap_fail(err, errlen, "no source file %u in %s", file, srcmap_elf_path(map));
	struct srcmap_file *f = &map->files[file];
	if (f->read == LOOK_NOT_YET) {
		read_text(map, file, f);
		f->read = LOOK_DONE;
	}
	if (!f->text_buf)
		return srcmap_fail(err, errlen, "%s", f->text_err ? f->text_err : "out of memory");
	*out = f->text;
	return true;
}
