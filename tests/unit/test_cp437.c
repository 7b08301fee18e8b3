/* SPDX-License-Identifier: MIT */
/* test_cp437.c - code page 437 to Unicode: the whole table against the
 * published code page, known points, the UTF-8 encoding and the ASCII
 * stand-ins. */
#include "check.h"
#include "cp437.h"

/* The code page as text, 0x80-0xFF, written the way it is printed in
 * IBM's and Unicode's tables (the last is U+00A0, no-break space). */
static const char high_text[] =
	"ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»"
	"░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀"
	"αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";
/* 0x01-0x1F: the IBM glyphs the character ROM has for the control codes. */
static const char low_text[] = "☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼";

/* One UTF-8 character from *p (well-formed input: the literals above). */
static uint32_t next_code_point(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;
	uint32_t cp;
	int n;
	if (s[0] < 0x80) {
		cp = s[0];
		n = 1;
	} else if (s[0] < 0xe0) {
		cp = s[0] & 0x1f;
		n = 2;
	} else {
		cp = s[0] & 0x0f;
		n = 3;
	}
	for (int i = 1; i < n; i++)
		cp = cp << 6 | (s[i] & 0x3f);
	*p += n;
	return cp;
}

static void check_run(const char *text, unsigned first, unsigned count)
{
	const char *p = text;
	unsigned bad = 0;
	for (unsigned i = 0; i < count; i++) {
		uint32_t want = next_code_point(&p);
		if (cp437_to_unicode((uint8_t)(first + i)) != want) {
			fprintf(stderr, "0x%02x: U+%04X, want U+%04X\n", first + i,
				cp437_to_unicode((uint8_t)(first + i)), want);
			bad++;
		}
	}
	CHECK_EQ(bad, 0);
	CHECK_EQ(*p, '\0'); /* the text had exactly `count` characters */
}

static void test_whole_table(void)
{
	check_run(high_text, 0x80, 128);
	check_run(low_text, 0x01, 31);
	unsigned bad = 0;
	for (unsigned c = 0x20; c < 0x7f; c++)
		bad += cp437_to_unicode((uint8_t)c) != c; /* ASCII is ASCII */
	CHECK_EQ(bad, 0);
	/* No byte shows as a control code: the screen has none. */
	for (unsigned c = 0; c < 256; c++) {
		uint32_t cp = cp437_to_unicode((uint8_t)c);
		bad += cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
	}
	CHECK_EQ(bad, 0);
	/* Every byte its own glyph, but for 0x00, blank like the space. */
	for (unsigned a = 1; a < 256; a++)
		for (unsigned b = a + 1; b < 256; b++)
			bad += cp437_to_unicode((uint8_t)a) == cp437_to_unicode((uint8_t)b);
	CHECK_EQ(bad, 0);
}

static void test_known_points(void)
{
	static const struct {
		uint8_t ch;
		uint32_t cp;
	} points[] = {
		{ 0x00, 0x0020 }, { 0x01, 0x263a }, { 0x02, 0x263b }, { 0x03, 0x2665 },
		{ 0x07, 0x2022 }, { 0x0d, 0x266a }, { 0x10, 0x25ba }, { 0x13, 0x203c },
		{ 0x14, 0x00b6 }, { 0x15, 0x00a7 }, { 0x18, 0x2191 }, { 0x1b, 0x2190 },
		{ 0x1f, 0x25bc }, { 0x20, 0x0020 }, { 0x41, 0x0041 }, { 0x7e, 0x007e },
		{ 0x7f, 0x2302 }, { 0x80, 0x00c7 }, { 0x81, 0x00fc }, { 0x9e, 0x20a7 },
		{ 0x9f, 0x0192 }, { 0xa9, 0x2310 }, { 0xb0, 0x2591 }, { 0xb1, 0x2592 },
		{ 0xb2, 0x2593 }, { 0xb3, 0x2502 }, { 0xba, 0x2551 }, { 0xbb, 0x2557 },
		{ 0xbc, 0x255d }, { 0xc4, 0x2500 }, { 0xc5, 0x253c }, { 0xc8, 0x255a },
		{ 0xc9, 0x2554 }, { 0xcd, 0x2550 }, { 0xce, 0x256c }, { 0xda, 0x250c },
		{ 0xd9, 0x2518 }, { 0xdb, 0x2588 }, { 0xdc, 0x2584 }, { 0xdf, 0x2580 },
		{ 0xe0, 0x03b1 }, { 0xe1, 0x00df }, { 0xe3, 0x03c0 }, { 0xe6, 0x00b5 },
		{ 0xea, 0x03a9 }, { 0xf8, 0x00b0 }, { 0xfb, 0x221a }, { 0xfd, 0x00b2 },
		{ 0xfe, 0x25a0 }, { 0xff, 0x00a0 },
	};
	for (size_t i = 0; i < sizeof(points) / sizeof(points[0]); i++)
		CHECK_EQ(cp437_to_unicode(points[i].ch), points[i].cp);
}

static void test_utf8(void)
{
	char out[4];
	CHECK_EQ(cp437_to_utf8(0x00, out), 1);
	CHECK_STR(out, " ");
	CHECK_EQ(cp437_to_utf8('A', out), 1);
	CHECK_STR(out, "A");
	CHECK_EQ(cp437_to_utf8(0x80, out), 2);
	CHECK_STR(out, "Ç");
	CHECK_EQ(cp437_to_utf8(0xe1, out), 2);
	CHECK_STR(out, "ß");
	CHECK_EQ(cp437_to_utf8(0x01, out), 3);
	CHECK_STR(out, "☺");
	CHECK_EQ(cp437_to_utf8(0xc9, out), 3);
	CHECK_STR(out, "╔");
	CHECK_EQ(cp437_to_utf8(0xdb, out), 3);
	CHECK_STR(out, "█");
	CHECK_EQ(cp437_to_utf8(0xfe, out), 3);
	CHECK_STR(out, "■");
	CHECK_EQ(cp437_to_utf8(0xff, out), 2);
	CHECK_STR(out, "\u00a0");
	/* Every byte: the length UTF-8 needs for its code point, NUL after. */
	unsigned bad = 0;
	for (unsigned c = 0; c < 256; c++) {
		uint32_t cp = cp437_to_unicode((uint8_t)c);
		size_t want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
		size_t n = cp437_to_utf8((uint8_t)c, out);
		const char *p = out;
		bad += n != want || out[n] != '\0' || next_code_point(&p) != cp;
	}
	CHECK_EQ(bad, 0);
}

static void test_ascii(void)
{
	unsigned bad = 0;
	for (unsigned c = 0; c < 256; c++) {
		char a = cp437_to_ascii((uint8_t)c);
		bad += a < 0x20 || a > 0x7e;
		if (c >= 0x20 && c < 0x7f)
			bad += a != (char)c;
	}
	CHECK_EQ(bad, 0);
	CHECK_EQ(cp437_to_ascii(0x00), ' ');
	CHECK_EQ(cp437_to_ascii(0x10), '>');
	CHECK_EQ(cp437_to_ascii(0x18), '^');
	CHECK_EQ(cp437_to_ascii(0x82), 'e');
	CHECK_EQ(cp437_to_ascii(0x9a), 'U');
	CHECK_EQ(cp437_to_ascii(0xb0), '#');
	CHECK_EQ(cp437_to_ascii(0xb3), '|');
	CHECK_EQ(cp437_to_ascii(0xba), '|');
	CHECK_EQ(cp437_to_ascii(0xc4), '-');
	CHECK_EQ(cp437_to_ascii(0xcd), '=');
	CHECK_EQ(cp437_to_ascii(0xc9), '+');
	CHECK_EQ(cp437_to_ascii(0xda), '+');
	CHECK_EQ(cp437_to_ascii(0xdb), '#');
	CHECK_EQ(cp437_to_ascii(0xe1), 'B');
	CHECK_EQ(cp437_to_ascii(0xfe), '#');
	CHECK_EQ(cp437_to_ascii(0xff), ' ');
}

int main(void)
{
	test_whole_table();
	test_known_points();
	test_utf8();
	test_ascii();
	return check_done();
}
