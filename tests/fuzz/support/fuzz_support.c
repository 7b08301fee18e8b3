/* SPDX-License-Identifier: MIT */
/* fuzz_support.c - the helpers of fuzz_input.h: stopping with a reason, an
 * input as a file, and a strict JSON checker for the trace lines. */
#define _GNU_SOURCE /* memfd_create */
#include "fuzz_input.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

void fuzz_fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("fuzz: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	abort();
}

static int memfd = -1;
static char memfd_path[64];

const char *fuzz_file_path(void)
{
	if (memfd < 0) {
		memfd = memfd_create("kvmtui-fuzz", MFD_CLOEXEC);
		if (memfd < 0)
			fuzz_fail("memfd_create failed");
		snprintf(memfd_path, sizeof memfd_path, "/proc/self/fd/%d", memfd);
	}
	return memfd_path;
}

const char *fuzz_file_set(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file_path();
	if (ftruncate(memfd, 0) != 0 || (size && pwrite(memfd, data, size, 0) != (ssize_t)size))
		fuzz_fail("cannot write the input file");
	return path;
}

/* ---- JSON: a recursive-descent recognizer, nothing kept ---- */

struct json {
	const char *p, *end;
	int depth;
};

static bool json_value(struct json *j);

static void json_space(struct json *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static bool json_lit(struct json *j, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n) != 0)
		return false;
	j->p += n;
	return true;
}

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool json_string(struct json *j)
{
	if (j->p >= j->end || *j->p != '"')
		return false;
	j->p++;
	while (j->p < j->end) {
		unsigned char c = (unsigned char)*j->p++;
		if (c == '"')
			return true;
		if (c < 0x20)
			return false;
		if (c != '\\')
			continue;
		if (j->p >= j->end)
			return false;
		c = (unsigned char)*j->p++;
		if (c == 'u') {
			for (int i = 0; i < 4; i++)
				if (j->p >= j->end || !is_hex(*j->p++))
					return false;
		} else if (!strchr("\"\\/bfnrt", c) || c == 0) {
			return false;
		}
	}
	return false;
}

static bool digits(struct json *j)
{
	const char *start = j->p;
	while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
		j->p++;
	return j->p > start;
}

static bool json_number(struct json *j)
{
	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p < j->end && *j->p == '0')
		j->p++;
	else if (!digits(j))
		return false;
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (!digits(j))
			return false;
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (!digits(j))
			return false;
	}
	return true;
}

/* Members or elements up to the closing bracket; the opening one is read. */
static bool json_items(struct json *j, char close, bool object)
{
	json_space(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		return true;
	}
	for (;;) {
		json_space(j);
		if (object) {
			if (!json_string(j))
				return false;
			json_space(j);
			if (j->p >= j->end || *j->p++ != ':')
				return false;
		}
		if (!json_value(j))
			return false;
		json_space(j);
		if (j->p >= j->end)
			return false;
		char c = *j->p++;
		if (c == close)
			return true;
		if (c != ',')
			return false;
	}
}

static bool json_value(struct json *j)
{
	bool ok;
	json_space(j);
	if (j->p >= j->end || ++j->depth > 64)
		return false;
	switch (*j->p) {
	case '{':
		j->p++;
		ok = json_items(j, '}', true);
		break;
	case '[':
		j->p++;
		ok = json_items(j, ']', false);
		break;
	case '"':
		ok = json_string(j);
		break;
	case 't':
		ok = json_lit(j, "true");
		break;
	case 'f':
		ok = json_lit(j, "false");
		break;
	case 'n':
		ok = json_lit(j, "null");
		break;
	default:
		ok = json_number(j);
		break;
	}
	j->depth--;
	return ok;
}

bool fuzz_json_valid(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)text[i] < 0x20 || (unsigned char)text[i] > 0x7e)
			return false;
	struct json j = { .p = text, .end = text + len };
	if (!json_value(&j))
		return false;
	json_space(&j);
	return j.p == j.end;
}
