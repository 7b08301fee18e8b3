/* SPDX-License-Identifier: MIT */
/* gdb_tdesc.c - target description XML from the register tables. */
#include "gdb_tdesc.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

struct text {
	char *buf;
	size_t cap, len;
	bool full;
};

__attribute__((format(printf, 2, 3))) static void put(struct text *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = t->full ? -1 : vsnprintf(t->buf + t->len, t->cap - t->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= t->cap - t->len)
		t->full = true;
	else
		t->len += (size_t)n;
}

/* gdb's i386_eflags type is defined by the description that uses it. */
static void put_eflags_type(struct text *t)
{
	static const struct { const char *name; int bit; } flags[] = {
		{ "CF", 0 }, { "", 1 }, { "PF", 2 }, { "AF", 4 }, { "ZF", 6 }, { "SF", 7 },
		{ "TF", 8 }, { "IF", 9 }, { "DF", 10 }, { "OF", 11 }, { "NT", 14 }, { "RF", 16 },
		{ "VM", 17 }, { "AC", 18 }, { "VIF", 19 }, { "VIP", 20 }, { "ID", 21 },
	};
	put(t, "<flags id=\"i386_eflags\" size=\"4\">\n");
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
		put(t, "<field name=\"%s\" start=\"%d\" end=\"%d\"/>\n", flags[i].name, flags[i].bit,
		    flags[i].bit);
	put(t, "</flags>\n");
}

static void put_reg(struct text *t, const struct gdb_reg *r, size_t regnum)
{
	put(t, "<reg name=\"%s\" bitsize=\"%u\" type=\"%s\" regnum=\"%zu\"", r->name, r->bits, r->type,
	    regnum);
	if (r->group)
		put(t, " group=\"%s\"", r->group);
	put(t, "/>\n");
}

size_t gdb_tdesc_xml(enum gdb_arch arch, char *buf, size_t cap)
{
	struct text t = { buf, cap, 0, false };
	size_t n;
	const struct gdb_reg *regs = gdb_regs_table(arch, &n);
	put(&t, "<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
		"<target version=\"1.0\">\n<architecture>%s</architecture>\n"
		/* a bare machine: gdb's default GNU/Linux ABI has no i8086 handler and would warn */
		"<osabi>none</osabi>\n",
	    arch == GDB_ARCH_X86_64 ? "i386:x86-64" : arch == GDB_ARCH_I8086 ? "i8086" : "i386");
	const char *feature = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!feature || strcmp(feature, regs[i].feature) != 0) {
			if (feature)
				put(&t, "</feature>\n");
			feature = regs[i].feature;
			put(&t, "<feature name=\"%s\">\n", feature);
			if (strcmp(feature, "org.gnu.gdb.i386.core") == 0)
				put_eflags_type(&t);
		}
		put_reg(&t, &regs[i], i);
	}
	put(&t, "</feature>\n</target>\n");
	return t.full ? 0 : t.len;
}
