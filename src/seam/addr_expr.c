/* SPDX-License-Identifier: MIT */
/* addr_expr.c - parsing and evaluating a typed guest address (addr_expr.h). */
#include "addr_expr.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MAX_TEXT 64

struct reg_name {
	const char *name;
	uint8_t reg, width;
};

/* The offset registers, in their 16-, 32- and 64-bit names. */
static const struct reg_name offset_regs[] = {
	{ "ax", GPR_RAX, 2 }, { "bx", GPR_RBX, 2 }, { "cx", GPR_RCX, 2 }, { "dx", GPR_RDX, 2 },
	{ "si", GPR_RSI, 2 }, { "di", GPR_RDI, 2 }, { "sp", GPR_RSP, 2 }, { "bp", GPR_RBP, 2 },
	{ "ip", ADDR_REG_RIP, 2 },
	{ "eax", GPR_RAX, 4 }, { "ebx", GPR_RBX, 4 }, { "ecx", GPR_RCX, 4 }, { "edx", GPR_RDX, 4 },
	{ "esi", GPR_RSI, 4 }, { "edi", GPR_RDI, 4 }, { "esp", GPR_RSP, 4 }, { "ebp", GPR_RBP, 4 },
	{ "eip", ADDR_REG_RIP, 4 },
	{ "rax", GPR_RAX, 8 }, { "rbx", GPR_RBX, 8 }, { "rcx", GPR_RCX, 8 }, { "rdx", GPR_RDX, 8 },
	{ "rsi", GPR_RSI, 8 }, { "rdi", GPR_RDI, 8 }, { "rsp", GPR_RSP, 8 }, { "rbp", GPR_RBP, 8 },
	{ "rip", ADDR_REG_RIP, 8 },
	{ "r8", GPR_R8, 8 }, { "r9", GPR_R9, 8 }, { "r10", GPR_R10, 8 }, { "r11", GPR_R11, 8 },
	{ "r12", GPR_R12, 8 }, { "r13", GPR_R13, 8 }, { "r14", GPR_R14, 8 }, { "r15", GPR_R15, 8 },
};

static const struct reg_name segment_regs[] = {
	{ "cs", SEG_CS, 2 }, { "ds", SEG_DS, 2 }, { "es", SEG_ES, 2 },
	{ "fs", SEG_FS, 2 }, { "gs", SEG_GS, 2 }, { "ss", SEG_SS, 2 },
};

static const struct reg_name *find_reg(const struct reg_name *table, size_t n, const char *word)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(table[i].name, word) == 0)
			return &table[i];
	return NULL;
}

#define FIND(table, word) find_reg(table, sizeof(table) / sizeof(table[0]), word)

static int fail(char *err, size_t errlen, const char *fmt, const char *word)
{
	snprintf(err, errlen, fmt, word);
	return -1;
}

/* Decimal, 0x hex, or hex with an h suffix (7c00h, 0b800h); hex anyway
 * where hex_default says (the parts of seg:off, written in hex by every
 * real-mode tool: b800:0, 0:7c00). No octal: 0777 is seven hundred
 * seventy-seven. */
static int parse_number(const char *w, bool hex_default, uint64_t *out)
{
	size_t n = strlen(w);
	int base = hex_default ? 16 : 10;
	if (n > 2 && w[0] == '0' && (w[1] == 'x' || w[1] == 'X')) {
		w += 2;
		n -= 2;
		base = 16;
	} else if (n > 1 && (w[n - 1] == 'h' || w[n - 1] == 'H')) {
		n--;
		base = 16;
	}
	if (n == 0)
		return -1;
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		int c = tolower((unsigned char)w[i]), d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (base == 16 && c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else
			return -1;
		if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
			return -2;
		v = v * (uint64_t)base + (uint64_t)d;
	}
	*out = v;
	return 0;
}

/* A register's name, or else a number (hex in seg:off). */
static int parse_term(const char *w, bool segment, bool hex_default, struct addr_term *t, char *err,
		      size_t errlen)
{
	memset(t, 0, sizeof *t);
	if (!*w)
		return fail(err, errlen, "%s", segment ? "a segment is missing before ':'" : "an address is missing");
	const struct reg_name *r = segment ? FIND(segment_regs, w) : FIND(offset_regs, w);
	if (!r) {
		int rc = parse_number(w, hex_default, &t->value);
		if (rc == -2)
			return fail(err, errlen, "'%s' is too large", w);
		if (rc && isdigit((unsigned char)w[0]))
			return fail(err, errlen, "'%s' is not a number (decimal, 0x1f or 1fh)", w);
		if (rc)
			return fail(err, errlen, segment ? "unknown segment register '%s' (cs ds es fs gs ss)"
							 : "unknown register '%s'", w);
		if (segment && t->value > 0xffff)
			return fail(err, errlen, "segment '%s' is larger than ffffh", w);
		if (hex_default && !segment && t->value > 0xffff)
			return fail(err, errlen, "offset '%s' is larger than ffffh", w);
		return 0;
	}
	t->is_reg = true;
	t->reg = r->reg;
	t->width = r->width;
	return 0;
}

/* Splits "BASE+DISP" / "BASE-DISP" at the first sign after the start. */
static int split_disp(char *text, bool hex_default, int64_t *disp, char *err, size_t errlen)
{
	/* Not from text + 1 of an empty offset ("0:"): that is past its end
	 * (found by tests/fuzz/fuzz_breakpoints). */
	char *sign = text[0] ? strpbrk(text + 1, "+-") : NULL;
	*disp = 0;
	if (!sign)
		return 0;
	bool minus = *sign == '-';
	*sign = 0;
	uint64_t v;
	if (parse_number(sign + 1, hex_default, &v) || v > (uint64_t)INT64_MAX)
		return fail(err, errlen, "'%s' is not a displacement", sign + 1);
	*disp = minus ? -(int64_t)v : (int64_t)v;
	return 0;
}

/* Copies text without blanks around or inside; false if too long or empty. */
static bool squeeze(const char *text, char *out, size_t outlen)
{
	size_t n = 0;
	for (; *text; text++) {
		if (isspace((unsigned char)*text))
			continue;
		if (n + 1 >= outlen)
			return false;
		out[n++] = *text;
	}
	out[n] = 0;
	return n > 0;
}

static int parse_parts(char *s, struct addr_expr *e, char *err, size_t errlen)
{
	char *colon = strchr(s, ':');
	if (colon && strchr(colon + 1, ':'))
		return fail(err, errlen, "'%s' has more than one ':'", s);
	if (colon) {
		*colon = 0;
		e->has_segment = true;
		if (parse_term(s, true, true, &e->segment, err, errlen))
			return -1;
		s = colon + 1;
	}
	bool hex = e->has_segment;
	if (split_disp(s, hex, &e->disp, err, errlen) || parse_term(s, false, hex, &e->offset, err, errlen))
		return -1;
	e->follows = e->offset.is_reg || (e->has_segment && e->segment.is_reg);
	return 0;
}

int addr_expr_parse(const char *text, struct addr_expr *out, char *err, size_t errlen)
{
	char s[MAX_TEXT];
	memset(out, 0, sizeof *out);
	if (!squeeze(text, s, sizeof s))
		return fail(err, errlen, "%s", text[strspn(text, " \t")] ? "the address is too long" : "no address given");
	char *rest = s;
	if (strncasecmp(rest, "phys:", 5) == 0) {
		out->space = ADDR_PHYSICAL;
		rest += 5;
	} else if (strncasecmp(rest, "lin:", 4) == 0) {
		rest += 4;
	}
	if (out->space == ADDR_PHYSICAL && strchr(rest, ':'))
		return fail(err, errlen, "%s", "a physical address has no segment");
	return parse_parts(rest, out, err, errlen);
}

static uint64_t reg_value(const struct addr_term *t, const struct cpu_state *cpu)
{
	uint64_t v = t->reg == ADDR_REG_RIP ? cpu->rip : cpu->gpr[t->reg];
	return t->width >= 8 ? v : v & ((1ull << (8 * t->width)) - 1);
}

/* The segment an offset register is used in when none is typed. */
static enum seg_index default_segment(const struct addr_term *off)
{
	if (off->reg == ADDR_REG_RIP)
		return SEG_CS;
	if (off->reg == GPR_RSP || off->reg == GPR_RBP)
		return SEG_SS;
	return SEG_DS;
}

uint64_t addr_expr_eval(const struct addr_expr *e, const struct cpu_state *cpu)
{
	uint64_t base = 0;
	uint64_t off = e->offset.is_reg ? reg_value(&e->offset, cpu) : e->offset.value;
	if (e->has_segment)
		base = e->segment.is_reg ? cpu->seg[e->segment.reg].base : e->segment.value << 4;
	else if (e->offset.is_reg)
		base = cpu->seg[default_segment(&e->offset)].base;
	/* A 16-bit offset (sp, si, a seg:off number) wraps in its segment, as
	 * the CPU's address arithmetic does in real mode. */
	if (e->offset.width == 2 || (e->has_segment && !e->offset.is_reg))
		return base + (uint16_t)(off + (uint64_t)e->disp);
	return base + off + (uint64_t)e->disp;
}

int addr_expr_parse_range(const char *text, struct addr_expr *out, uint64_t *len, uint64_t max, char *err,
			  size_t errlen)
{
	char s[MAX_TEXT];
	if (!squeeze(text, s, sizeof s))
		return fail(err, errlen, "%s", "expected ADDR:LEN");
	char *colon = strrchr(s, ':');
	if (!colon)
		return fail(err, errlen, "'%s': expected ADDR:LEN (0x7c00:512, ss:sp:32)", s);
	*colon = 0;
	if (parse_number(colon + 1, false, len) || *len == 0 || *len > max) {
		snprintf(err, errlen, "'%s': the length is 1 to %llu bytes", colon + 1, (unsigned long long)max);
		return -1;
	}
	return addr_expr_parse(s, out, err, errlen);
}
