/* SPDX-License-Identifier: MIT */
/* test_ui_reg_format.c - register names, flags, control bits, segments, diffs. */
#include "check.h"
#include "reg_diff.h"
#include "reg_format.h"

static void test_names(void)
{
	CHECK_STR(reg_gpr_name(GPR_RAX, 16), "AX");
	CHECK_STR(reg_gpr_name(GPR_RSP, 32), "ESP");
	CHECK_STR(reg_gpr_name(GPR_RBP, 64), "RBP");
	CHECK_STR(reg_gpr_name(GPR_R15, 64), "R15");
	CHECK_EQ(reg_gpr_count(16), 8);
	CHECK_EQ(reg_gpr_count(32), 8);
	CHECK_EQ(reg_gpr_count(64), 16);
	CHECK_STR(reg_ip_name(16), "IP");
	CHECK_STR(reg_flags_name(64), "RFLAGS");
	CHECK_STR(reg_seg_name(SEG_SS), "SS");
	char buf[32];
	reg_format_hex(buf, sizeof(buf), 0x12345a21, 16);
	CHECK_STR(buf, "5a21");
	reg_format_hex(buf, sizeof(buf), 0xa21, 32);
	CHECK_STR(buf, "00000a21");
	reg_format_hex(buf, sizeof(buf), 0xa21, 64);
	CHECK_STR(buf, "0000000000000a21");
}

static void test_flags(void)
{
	char buf[256];
	/* 0x246: IF, ZF, PF and the always-one bit 1 */
	reg_bits_format(buf, sizeof(buf), 0x246, BITS_RFLAGS, false);
	CHECK_STR(buf, "id vip vif ac vm rf nt iopl=0 of df IF tf sf ZF af PF cf");
	reg_bits_format(buf, sizeof(buf), 0x3000 | 0x801, BITS_RFLAGS, false);
	CHECK_CONTAINS(buf, "IOPL=3 OF");
	CHECK_CONTAINS(buf, " CF");
	reg_bits_format(buf, sizeof(buf), 0x246, BITS_RFLAGS, true);
	CHECK_STR(buf, "IF ZF PF");
	struct reg_bit bits[32];
	size_t n = reg_bits(0x246, BITS_RFLAGS, bits, 32);
	CHECK_EQ(n, 17);
	CHECK(bits[n - 1].core && !bits[n - 1].set); /* CF */
	CHECK(!bits[0].core);                        /* ID */
}

static void test_control_bits(void)
{
	char buf[256];
	reg_bits_format(buf, sizeof(buf), 0x10, BITS_CR0, false);
	CHECK_STR(buf, "pg cd nw am wp ne ET ts em mp pe");
	reg_bits_format(buf, sizeof(buf), 0x80000011, BITS_CR0, true);
	CHECK_STR(buf, "PG ET PE");
	reg_bits_format(buf, sizeof(buf), 0x20, BITS_CR4, true);
	CHECK_STR(buf, "PAE");
	reg_bits_format(buf, sizeof(buf), 0x500, BITS_EFER, false);
	CHECK_STR(buf, "svme nxe LMA LME sce");
	reg_bits_format(buf, sizeof(buf), 0, BITS_EFER, true);
	CHECK_STR(buf, "");
}

static void test_segments(void)
{
	struct cpu_segment real_cs = { .selector = 0, .limit = 0xffff, .type = 0xb, .s = 1, .present = 1 };
	struct cpu_segment real_ds = { .limit = 0xffff, .type = 0x3, .s = 1, .present = 1 };
	char buf[64];
	CHECK_EQ(reg_seg_ar(&real_ds), 0x93);
	CHECK_EQ(reg_seg_ar(&real_cs), 0x9b);
	reg_format_seg_type(buf, sizeof(buf), &real_cs);
	CHECK_STR(buf, "code xr-a");
	reg_format_seg_attrs(buf, sizeof(buf), &real_ds);
	CHECK_STR(buf, "data rw-a DPL0 P 16-bit byte");
	struct cpu_segment cs64 = { .type = 0xa, .s = 1, .present = 1, .l = 1, .g = 1 };
	reg_format_seg_attrs(buf, sizeof(buf), &cs64);
	CHECK_STR(buf, "code xr-- DPL0 P 64-bit 4K");
	CHECK_EQ(reg_seg_ar(&cs64), 0xa09a);
	struct cpu_segment tr = { .type = 11, .s = 0, .present = 1 };
	reg_format_seg_type(buf, sizeof(buf), &tr);
	CHECK_STR(buf, "TSS busy");
	struct cpu_segment ldt = { .type = 2, .s = 0, .present = 1, .dpl = 3 };
	reg_format_seg_attrs(buf, sizeof(buf), &ldt);
	CHECK_STR(buf, "LDT DPL3 P 16-bit byte");
	struct cpu_segment gone = { .unusable = 1 };
	reg_format_seg_attrs(buf, sizeof(buf), &gone);
	CHECK_STR(buf, "unusable");
	struct cpu_segment down = { .type = 0x7, .s = 1, .present = 0, .db = 1, .dpl = 2 };
	reg_format_seg_attrs(buf, sizeof(buf), &down);
	CHECK_STR(buf, "data rwea DPL2 NP 32-bit byte");
}

static void test_diff(void)
{
	struct cpu_state a, b;
	memset(&a, 0, sizeof(a));
	b = a;
	CHECK_EQ(reg_diff(&a, &b), 0);
	b.gpr[GPR_RCX] = 1;
	b.rip = 2;
	b.seg[SEG_DS].selector = 0x10;
	b.cr0 = 1;
	b.idt.limit = 0x3ff;
	uint64_t d = reg_diff(&a, &b);
	CHECK_EQ(d, REG_BIT(RF_GPR + GPR_RCX) | REG_BIT(RF_RIP) | REG_BIT(RF_SEG + SEG_DS) |
			   REG_BIT(RF_CR0) | REG_BIT(RF_IDT));
	b = a;
	b.exits = 99; /* bookkeeping, not a register */
	CHECK_EQ(reg_diff(&a, &b), 0);
}

static void test_irq_lines(void)
{
	char buf[96];
	struct cpu_irq_lines l = { .irr = 0x0011, .isr = 0x0001, .imr = 0xfff8, .valid = CPU_IRQ_LINES_VALID };
	reg_format_irq_lines(buf, sizeof(buf), &l);
	CHECK_STR(buf, "pend 0,4  serv 0  mask f8/ff");
	l = (struct cpu_irq_lines){ .irr = 0, .isr = 0, .imr = 0x00fe };
	reg_format_irq_lines(buf, sizeof(buf), &l);
	CHECK_STR(buf, "pend -  serv -  mask fe/00");
	/* The slave's IRQ 8 in service through the cascade: IR2 is not news. */
	l = (struct cpu_irq_lines){ .irr = 0x0104, .isr = 0x0104, .imr = 0 };
	reg_format_irq_lines(buf, sizeof(buf), &l);
	CHECK_STR(buf, "pend 8  serv 8  mask 00/00");
	/* Every line at once still fits, and a short buffer stays a string. */
	l = (struct cpu_irq_lines){ .irr = 0xffff, .isr = 0, .imr = 0 };
	reg_format_irq_lines(buf, sizeof(buf), &l);
	CHECK_STR(buf, "pend 0,1,3,4,5,6,7,8,9,10,11,12,13,14,15  serv -  mask 00/00");
	reg_format_irq_lines(buf, 8, &l);
	CHECK_STR(buf, "pend 0,");
}

int main(void)
{
	test_names();
	test_flags();
	test_control_bits();
	test_segments();
	test_diff();
	test_irq_lines();
	return check_done();
}
