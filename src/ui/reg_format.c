/* SPDX-License-Identifier: MIT */
/* reg_format.c - register names, values, bits and segment attributes. */
#include "reg_format.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

int reg_gpr_count(int width)
{
	return width == 64 ? 16 : 8;
}

const char *reg_gpr_name(enum gpr r, int width)
{
	static const char *const names[3][GPR_COUNT] = {
		{ "AX", "BX", "CX", "DX", "SI", "DI", "SP", "BP",
		  "R8W", "R9W", "R10W", "R11W", "R12W", "R13W", "R14W", "R15W" },
		{ "EAX", "EBX", "ECX", "EDX", "ESI", "EDI", "ESP", "EBP",
		  "R8D", "R9D", "R10D", "R11D", "R12D", "R13D", "R14D", "R15D" },
		{ "RAX", "RBX", "RCX", "RDX", "RSI", "RDI", "RSP", "RBP",
		  "R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15" },
	};
	if ((unsigned)r >= GPR_COUNT)
		return "?";
	return names[width == 64 ? 2 : width == 32 ? 1 : 0][r];
}

const char *reg_ip_name(int width)
{
	return width == 64 ? "RIP" : width == 32 ? "EIP" : "IP";
}

const char *reg_flags_name(int width)
{
	return width == 64 ? "RFLAGS" : width == 32 ? "EFLAGS" : "FLAGS";
}

const char *reg_seg_name(enum seg_index s)
{
	static const char *const names[SEG_COUNT] = { "CS", "DS", "ES", "FS", "GS", "SS", "TR", "LDT" };
	return (unsigned)s < SEG_COUNT ? names[s] : "?";
}

void reg_format_hex(char *buf, size_t n, uint64_t value, int width)
{
	if (width < 64)
		value &= (1ull << width) - 1;
	snprintf(buf, n, "%0*" PRIx64, width / 4, value);
}

/* ---- named bits ---- */

struct bit_name {
	uint8_t bit, nbits;
	bool core;
	const char *name;
};

static const struct bit_name rflags_bits[] = {
	{ 21, 1, false, "ID" }, { 20, 1, false, "VIP" }, { 19, 1, false, "VIF" },
	{ 18, 1, false, "AC" }, { 17, 1, false, "VM" },	 { 16, 1, false, "RF" },
	{ 14, 1, false, "NT" }, { 12, 2, false, "IOPL" }, { 11, 1, true, "OF" },
	{ 10, 1, true, "DF" },	{ 9, 1, true, "IF" },	 { 8, 1, true, "TF" },
	{ 7, 1, true, "SF" },	{ 6, 1, true, "ZF" },	 { 4, 1, true, "AF" },
	{ 2, 1, true, "PF" },	{ 0, 1, true, "CF" },
};

static const struct bit_name cr0_bits[] = {
	{ 31, 1, true, "PG" }, { 30, 1, false, "CD" }, { 29, 1, false, "NW" },
	{ 18, 1, false, "AM" }, { 16, 1, false, "WP" }, { 5, 1, false, "NE" },
	{ 4, 1, false, "ET" },	{ 3, 1, false, "TS" },	{ 2, 1, false, "EM" },
	{ 1, 1, false, "MP" },	{ 0, 1, true, "PE" },
};

static const struct bit_name cr4_bits[] = {
	{ 24, 1, false, "PKS" },	{ 23, 1, false, "CET" },     { 22, 1, false, "PKE" },
	{ 21, 1, false, "SMAP" },	{ 20, 1, false, "SMEP" },    { 18, 1, false, "OSXSAVE" },
	{ 17, 1, false, "PCIDE" },	{ 16, 1, false, "FSGSBASE" }, { 14, 1, false, "SMXE" },
	{ 13, 1, false, "VMXE" },	{ 12, 1, false, "LA57" },    { 11, 1, false, "UMIP" },
	{ 10, 1, false, "OSXMMEXCPT" }, { 9, 1, false, "OSFXSR" },   { 8, 1, false, "PCE" },
	{ 7, 1, false, "PGE" },		{ 6, 1, false, "MCE" },	     { 5, 1, true, "PAE" },
	{ 4, 1, true, "PSE" },		{ 3, 1, false, "DE" },	     { 2, 1, false, "TSD" },
	{ 1, 1, false, "PVI" },		{ 0, 1, false, "VME" },
};

static const struct bit_name efer_bits[] = {
	{ 12, 1, false, "SVME" }, { 11, 1, true, "NXE" }, { 10, 1, true, "LMA" },
	{ 8, 1, true, "LME" },	  { 0, 1, false, "SCE" },
};

static const struct bit_name *bit_table(enum reg_bits_kind kind, size_t *count)
{
#define TABLE(t) (*count = sizeof(t) / sizeof(t[0]), t)
	switch (kind) {
	case BITS_RFLAGS: return TABLE(rflags_bits);
	case BITS_CR0: return TABLE(cr0_bits);
	case BITS_CR4: return TABLE(cr4_bits);
	case BITS_EFER: return TABLE(efer_bits);
	}
	*count = 0;
	return NULL;
#undef TABLE
}

static void bit_text(const struct bit_name *b, uint64_t field, struct reg_bit *out)
{
	out->set = field != 0;
	out->core = b->core;
	if (b->nbits > 1)
		snprintf(out->text, sizeof(out->text), "%s=%u", b->name, (unsigned)(field & 3));
	else
		snprintf(out->text, sizeof(out->text), "%s", b->name);
	if (!out->set)
		for (char *p = out->text; *p; p++)
			*p = (char)tolower((unsigned char)*p);
}

size_t reg_bits(uint64_t value, enum reg_bits_kind kind, struct reg_bit *out, size_t max)
{
	size_t count;
	const struct bit_name *table = bit_table(kind, &count);
	size_t n = 0;
	for (size_t i = 0; i < count && n < max; i++) {
		uint64_t field = (value >> table[i].bit) & ((1ull << table[i].nbits) - 1);
		bit_text(&table[i], field, &out[n++]);
	}
	return n;
}

size_t reg_bits_format(char *buf, size_t n, uint64_t value, enum reg_bits_kind kind,
		       bool only_set)
{
	struct reg_bit bits[32];
	size_t count = reg_bits(value, kind, bits, 32);
	size_t len = 0;
	if (n == 0)
		return 0;
	buf[0] = '\0';
	for (size_t i = 0; i < count; i++) {
		if (only_set && !bits[i].set)
			continue;
		int w = snprintf(buf + len, n - len, "%s%s", len ? " " : "", bits[i].text);
		if (w < 0 || (size_t)w >= n - len)
			break;
		len += (size_t)w;
	}
	return len;
}

/* ---- segments ---- */

uint16_t reg_seg_ar(const struct cpu_segment *s)
{
	return (uint16_t)((s->type & 15) | (s->s & 1) << 4 | (s->dpl & 3) << 5 |
			  (s->present & 1) << 7 | (s->avl & 1) << 12 | (s->l & 1) << 13 |
			  (s->db & 1) << 14 | (s->g & 1) << 15);
}

static const char *system_type_name(uint8_t type)
{
	static const char *const names[16] = {
		[1] = "TSS16 avail", [2] = "LDT",	  [3] = "TSS16 busy", [4] = "call gate16",
		[5] = "task gate",   [6] = "int gate16",  [7] = "trap gate16", [9] = "TSS avail",
		[11] = "TSS busy",   [12] = "call gate",  [14] = "int gate",   [15] = "trap gate",
	};
	return names[type & 15] ? names[type & 15] : "reserved";
}

void reg_format_seg_type(char *buf, size_t n, const struct cpu_segment *s)
{
	uint8_t t = s->type & 15;
	if (s->unusable)
		snprintf(buf, n, "unusable");
	else if (!s->s)
		snprintf(buf, n, "%s", system_type_name(t));
	else if (t & 8) /* code: execute, readable, conforming, accessed */
		snprintf(buf, n, "code x%c%c%c", t & 2 ? 'r' : '-', t & 4 ? 'c' : '-', t & 1 ? 'a' : '-');
	else /* data: read, writable, expand-down, accessed */
		snprintf(buf, n, "data r%c%c%c", t & 2 ? 'w' : '-', t & 4 ? 'e' : '-', t & 1 ? 'a' : '-');
}

void reg_format_seg_attrs(char *buf, size_t n, const struct cpu_segment *s)
{
	char type[24];
	reg_format_seg_type(type, sizeof(type), s);
	if (s->unusable) {
		snprintf(buf, n, "%s", type);
		return;
	}
	const char *size = s->l ? "64-bit" : s->db ? "32-bit" : "16-bit";
	snprintf(buf, n, "%s DPL%u %s %s %s", type, (unsigned)(s->dpl & 3), s->present ? "P" : "NP", size,
		 s->g ? "4K" : "byte");
}

/* "0,4" for IRQ 0 and 4, "-" for none: the lines a student looks for. */
static void irq_list(char *buf, size_t n, uint16_t bits)
{
	size_t used = 0;
	buf[0] = '\0';
	for (unsigned irq = 0; irq < 16 && used + 1 < n; irq++) {
		if (!(bits & (1u << irq)))
			continue;
		int w = snprintf(buf + used, n - used, "%s%u", used ? "," : "", irq);
		if (w < 0 || (size_t)w >= n - used)
			break;
		used += (size_t)w;
	}
	if (used == 0)
		snprintf(buf, n, "-");
}

void reg_format_irq_lines(char *buf, size_t n, const struct cpu_irq_lines *l)
{
	char pend[48], serv[48];
	/* IRR bit 2 is the slave's cascade: its own IRQ 8-15 say more. */
	irq_list(pend, sizeof(pend), (uint16_t)(l->irr & ~(1u << 2)));
	irq_list(serv, sizeof(serv), (uint16_t)(l->isr & ~(l->isr & 0xff00 ? 1u << 2 : 0u)));
	snprintf(buf, n, "pend %s  serv %s  mask %02x/%02x", pend, serv, l->imr & 0xff, l->imr >> 8);
}
