/* SPDX-License-Identifier: MIT */
/* test_addr_expr.c - typed guest addresses: numbers, seg:off, registers,
 * displacements, the physical space, ADDR:LEN, and clear refusals. */
#include "addr_expr.h"
#include "check.h"

static struct cpu_state cpu;

static uint64_t eval(const char *text)
{
	struct addr_expr e;
	char err[128] = "";
	if (addr_expr_parse(text, &e, err, sizeof err)) {
		fprintf(stderr, "'%s': %s\n", text, err);
		return ~0ull;
	}
	return addr_expr_eval(&e, &cpu);
}

static void refused(const char *text, const char *why)
{
	struct addr_expr e;
	char err[128] = "";
	CHECK(addr_expr_parse(text, &e, err, sizeof err) != 0);
	CHECK_CONTAINS(err, why);
}

static void setup_cpu(void)
{
	memset(&cpu, 0, sizeof cpu);
	cpu.rip = 0x7c12;
	cpu.gpr[GPR_RSP] = 0x12345ffe0ull; /* only SP counts in real mode */
	cpu.gpr[GPR_RSI] = 0x0010;
	cpu.gpr[GPR_RDI] = 0xfffe;
	cpu.gpr[GPR_R8] = 0x100000;
	cpu.seg[SEG_CS].base = 0;
	cpu.seg[SEG_SS].base = 0x9000 << 4;
	cpu.seg[SEG_DS].base = 0x1000 << 4;
	cpu.seg[SEG_ES].base = 0xb800 << 4;
}

int main(void)
{
	setup_cpu();
	/* An empty offset after the colon: refused, and nothing read past the
	 * text (tests/fuzz/fuzz_breakpoints found a read past its end). */
	refused("0:", "");
	refused("b800:", "");
	/* Numbers: decimal, 0x, h; never octal. */
	CHECK_EQ(eval("31744"), 0x7c00);
	CHECK_EQ(eval("0x7c00"), 0x7c00);
	CHECK_EQ(eval("7c00h"), 0x7c00);
	CHECK_EQ(eval("0777"), 777);
	CHECK_EQ(eval("  0X7C00  "), 0x7c00);
	/* seg:off, hex as real-mode tools write it. */
	CHECK_EQ(eval("0:7c00"), 0x7c00);
	CHECK_EQ(eval("b800:0"), 0xb8000);
	CHECK_EQ(eval("0xb800:0x10"), 0xb8010);
	CHECK_EQ(eval("ffff:10"), 0x100000); /* past 1 MiB: A20 is on */
	CHECK_EQ(eval("b800:fffe+4"), 0xb8002); /* the offset wraps in its segment */
	/* Registers, following what they hold. */
	CHECK_EQ(eval("ss:sp"), 0x90000 + 0xffe0);
	CHECK_EQ(eval("sp"), 0x90000 + 0xffe0); /* SP is in SS */
	CHECK_EQ(eval("ss:sp+4"), 0x90000 + 0xffe4);
	CHECK_EQ(eval("ss:sp+0x40"), 0x90000 + 0x0020); /* wraps at 64K */
	CHECK_EQ(eval("ds:si"), 0x10010);
	CHECK_EQ(eval("si"), 0x10010); /* SI is in DS */
	CHECK_EQ(eval("es:di+4"), 0xb8000 + 0x0002);
	CHECK_EQ(eval("cs:ip"), 0x7c12);
	CHECK_EQ(eval("rip"), 0x7c12);
	CHECK_EQ(eval("rip-0x12"), 0x7c00);
	CHECK_EQ(eval("RIP"), 0x7c12);
	CHECK_EQ(eval("ds:r8"), 0x10000 + 0x100000);
	CHECK_EQ(eval("ss:esp"), 0x90000 + 0x2345ffe0);
	CHECK_EQ(eval("phys:0x1000"), 0x1000);
	CHECK_EQ(eval("lin:7c00h"), 0x7c00);
	cpu.rip = 0x7c20; /* a step later, rip follows */
	CHECK_EQ(eval("rip"), 0x7c20);

	struct addr_expr e;
	char err[128];
	CHECK_EQ(addr_expr_parse("ss:sp", &e, err, sizeof err), 0);
	CHECK(e.follows);
	CHECK_EQ(addr_expr_parse("0x7c00", &e, err, sizeof err), 0);
	CHECK(!e.follows);
	CHECK_EQ(e.space, ADDR_LINEAR);
	CHECK_EQ(addr_expr_parse("phys:0x10", &e, err, sizeof err), 0);
	CHECK_EQ(e.space, ADDR_PHYSICAL);

	/* Refusals, each with its reason. */
	refused("", "no address");
	refused("   ", "no address");
	refused("xz", "unknown register 'xz'");
	refused("qs:sp", "unknown segment register 'qs'");
	refused("12ab", "not a number");
	refused("0x", "not a number");
	refused("1:2:3", "more than one ':'");
	refused(":7c00", "segment is missing");
	refused("0:", "address is missing");
	refused("10000:0", "larger than ffffh");
	refused("0:10000", "larger than ffffh");
	refused("99999999999999999999999", "too large");
	refused("phys:0:7c00", "physical address has no segment");
	refused("sp+zz", "not a displacement");
	refused("0x1234567890123456789012345678901234567890123456789012345678901234567890", "too long");

	/* ADDR:LEN for --dump. */
	uint64_t len = 0;
	CHECK_EQ(addr_expr_parse_range("0x7c00:512", &e, &len, 1u << 20, err, sizeof err), 0);
	CHECK_EQ(len, 512);
	CHECK_EQ(addr_expr_eval(&e, &cpu), 0x7c00);
	CHECK_EQ(addr_expr_parse_range("ss:sp:32", &e, &len, 1u << 20, err, sizeof err), 0);
	CHECK_EQ(len, 32);
	CHECK_EQ(addr_expr_eval(&e, &cpu), 0x90000 + 0xffe0);
	CHECK_EQ(addr_expr_parse_range("0:7c00:0x10", &e, &len, 1u << 20, err, sizeof err), 0);
	CHECK_EQ(len, 16);
	CHECK_EQ(addr_expr_eval(&e, &cpu), 0x7c00);
	CHECK(addr_expr_parse_range("0x7c00", &e, &len, 1u << 20, err, sizeof err) != 0);
	CHECK_CONTAINS(err, "expected ADDR:LEN");
	CHECK(addr_expr_parse_range("0x7c00:0", &e, &len, 1u << 20, err, sizeof err) != 0);
	CHECK_CONTAINS(err, "the length is 1 to 1048576 bytes");
	CHECK(addr_expr_parse_range("0x7c00:2000000", &e, &len, 1u << 20, err, sizeof err) != 0);
	return check_done();
}
