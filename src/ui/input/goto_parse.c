/* SPDX-License-Identifier: MIT */
/* goto_parse.c - exit numbers and times for the "go to" prompt (see goto_parse.h). */
#include "goto_parse.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "control.h"
#include "numfmt.h"

#define NS_PER_S 1000000000ull
/* Targets carry CONTROL_SEEK_TIME in bit 63: anything at or above it is too large. */
#define TARGET_LIMIT CONTROL_SEEK_TIME
#define FRACTION_DIGITS 9 /* nanoseconds of a second: finer digits mean nothing */
#define WHAT_TO_TYPE "type an exit (4711) or a time (12.5s)"
#define NEEDS_UNIT "a time needs a unit: s, ms, us, m, h"

static const struct {
	const char *name;
	uint64_t ns;
} units[] = {
	/* matched whole and in any case: "ms" is never "m" then "s" */
	{ "ns", 1 }, { "us", 1000 }, { "ms", 1000000 }, { "s", NS_PER_S },
	{ "m", 60 * NS_PER_S }, { "h", 3600 * NS_PER_S },
};

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static const char *skip_spaces(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Digits into *v; false if there are none or they pass TARGET_LIMIT. */
static bool read_number(const char **s, uint64_t *v)
{
	const char *p = *s;
	uint64_t n = 0;
	if (!is_digit(*p))
		return false;
	for (; is_digit(*p); p++) {
		uint64_t d = (uint64_t)(*p - '0');
		if (n > (TARGET_LIMIT - 1 - d) / 10)
			return false;
		n = n * 10 + d;
	}
	*s = p;
	*v = n;
	return true;
}

/* ".5" as billionths: 500000000. */
static uint64_t read_fraction(const char **s, int *digits)
{
	uint64_t f = 0;
	int d = 0;
	const char *p = *s;
	for (; is_digit(*p); p++)
		if (d < FRACTION_DIGITS) {
			f = f * 10 + (uint64_t)(*p - '0');
			d++;
		}
	*digits = (int)(p - *s);
	for (; d < FRACTION_DIGITS; d++)
		f *= 10;
	*s = p;
	return f;
}

/* The unit at *s, or 0 if the letters there are none of ours. */
static uint64_t read_unit(const char **s)
{
	size_t len = 0;
	while (is_letter((*s)[len]))
		len++;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strlen(units[i].name) == len && strncasecmp(*s, units[i].name, len) == 0) {
			*s += len;
			return units[i].ns;
		}
	return 0;
}

/* The exact ns of whole * unit + billionths * unit, without overflow:
 * false if it passes TARGET_LIMIT. */
static bool part_ns(uint64_t whole, uint64_t billionths, uint64_t unit, uint64_t *ns)
{
	if (whole > (TARGET_LIMIT - 1) / unit)
		return false;
	uint64_t frac = unit >= NS_PER_S ? billionths * (unit / NS_PER_S) : billionths * unit / NS_PER_S;
	*ns = whole * unit + frac;
	return *ns < TARGET_LIMIT;
}

static bool fail(char *err, size_t errlen, const char *why)
{
	snprintf(err, errlen, "go to: %s", why);
	return false;
}

static bool parse_exit(const char *s, uint64_t *target, char *err, size_t errlen)
{
	uint64_t n;
	s = skip_spaces(s);
	if (!read_number(&s, &n))
		return fail(err, errlen, is_digit(*s) ? "exit number too large" : "# needs an exit number");
	if (*skip_spaces(s))
		return fail(err, errlen, "an exit number is digits only");
	*target = n;
	return true;
}

/* One part of a time: "12", "12.5s", "3m". */
static bool parse_part(const char **s, uint64_t *ns, bool *unitless, char *err, size_t errlen)
{
	uint64_t whole, billionths = 0;
	int digits = -1;
	if (!read_number(s, &whole))
		return fail(err, errlen, is_digit(**s) ? "number too large" : WHAT_TO_TYPE);
	if (**s == '.') {
		(*s)++;
		billionths = read_fraction(s, &digits);
		if (digits == 0)
			return fail(err, errlen, "a digit must follow the point");
		if (**s == '.')
			return fail(err, errlen, "one point in a number");
	}
	*s = skip_spaces(*s); /* "12 s" as well as "12s" */
	uint64_t unit = read_unit(s);
	*unitless = unit == 0 && !is_letter(**s);
	if (*unitless) {
		/* Only a whole number alone is an exit; "12.5" and "2m3" are times
		 * that lack a unit. */
		*ns = whole;
		return digits < 0 || fail(err, errlen, NEEDS_UNIT);
	}
	if (unit == 0)
		return fail(err, errlen, "unknown unit (use h, m, s, ms, us, ns)");
	if (!part_ns(whole, billionths, unit, ns))
		return fail(err, errlen, "time too large");
	return true;
}

bool goto_parse(const char *text, uint64_t *target, char *err, size_t errlen)
{
	const char *s = skip_spaces(text);
	if (*s == '#')
		return parse_exit(s + 1, target, err, errlen);
	if (!*s)
		return fail(err, errlen, WHAT_TO_TYPE);
	uint64_t total = 0;
	for (int part = 0; *s; part++) {
		uint64_t ns;
		bool unitless;
		if (!parse_part(&s, &ns, &unitless, err, errlen))
			return false;
		s = skip_spaces(s);
		if (unitless && (part > 0 || *s))
			return fail(err, errlen, NEEDS_UNIT);
		if (unitless) {
			*target = ns; /* a bare number: an exit */
			return true;
		}
		total += ns;
		if (total >= TARGET_LIMIT)
			return fail(err, errlen, "time too large");
	}
	*target = total | CONTROL_SEEK_TIME;
	return true;
}

bool goto_in_range(uint64_t target, uint64_t exits, char *err, size_t errlen)
{
	if ((target & CONTROL_SEEK_TIME) || exits == 0 || target <= exits)
		return true;
	snprintf(err, errlen, "go to: the recording has %" PRIu64 " exit%s", exits, exits == 1 ? "" : "s");
	return false;
}

void goto_hint(char *buf, size_t n, uint64_t exits, uint64_t duration_ns)
{
	char d[24];
	numfmt_duration(d, sizeof(d), duration_ns);
	if (exits && duration_ns)
		snprintf(buf, n, "#1-%" PRIu64 ", 0-%s", exits, d);
	else if (exits)
		snprintf(buf, n, "#1-%" PRIu64 ", 12.5s, 2m3s", exits);
	else if (duration_ns)
		snprintf(buf, n, "4711, 0-%s", d);
	else
		snprintf(buf, n, "4711, 12.5s, 2m3s");
}
