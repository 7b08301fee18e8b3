/* SPDX-License-Identifier: MIT */
/* test_disasm.c - the disassembler (src/disasm) on known encodings in each
 * code size and syntax, on bytes that are no instruction or are cut off
 * (always one byte on, never a read past the buffer: the buffers end at a
 * guard page), and its helpers: bytes in hex, real-mode addresses, the
 * code size of a CPU state, the exit detail's line. No KVM. */
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"
#include "disasm.h"

/* One instruction from a literal byte string: its text in both syntaxes. */
struct known {
	enum disasm_bits bits;
	uint64_t addr;
	const char *bytes;
	size_t size;
	size_t len;
	const char *intel;
	const char *att;
};

#define B(s) s, sizeof(s) - 1

static const struct known KNOWN[] = {
	/* 16-bit: the boot sectors' far jump that sets CS (boot.inc), as
	 * GNU as wrote it: ljmp $0, $start */
	{ DISASM_16, 0x7c0d, B("\xea\x12\x7c\x00\x00"), 5, "ljmp 0:0x7c12", "ljmpw $0x0:$0x7c12" },
	{ DISASM_16, 0x7c1d, B("\xee"), 1, "out dx, al", "outb %al, %dx" },
	{ DISASM_16, 0x7c1d, B("\xec"), 1, "in al, dx", "inb %dx, %al" },
	{ DISASM_16, 0x7c18, B("\xac"), 1, "lodsb al, byte ptr [si]", "lodsb (%si), %al" },
	{ DISASM_16, 0x7c20, B("\xf4"), 1, "hlt", "hlt" },
	/* a relative jump's target from the address given ... */
	{ DISASM_16, 0x7c21, B("\xeb\xfd"), 2, "jmp 0x7c20", "jmp 0x7c20" },
	/* ... and wrapping at 64 KiB in 16-bit code, as IP does */
	{ DISASM_16, 0xfffe, B("\xeb\x02"), 2, "jmp 2", "jmp 2" },
	{ DISASM_16, 0x7c00, B("\xb8\x78\x56\x34\x12"), 3, "mov ax, 0x5678", "movw $0x5678, %ax" },
	{ DISASM_16, 0x7c00, B("\x66\xb8\x00\x00\x00\x00"), 6, "mov eax, 0", "movl $0, %eax" },
	{ DISASM_16, 0x7c00, B("\x0f\x20\xc0"), 3, "mov eax, cr0", "movl %cr0, %eax" },
	{ DISASM_16, 0x7c00, B("\xcd\x10"), 2, "int 0x10", "int $0x10" },
	{ DISASM_16, 0x7c00, B("\xf3\xa4"), 2, "rep movsb byte ptr es:[di], byte ptr [si]",
	  "rep movsb (%si), %es:(%di)" },
	/* 32-bit: the same first bytes are a longer instruction */
	{ DISASM_32, 0x7c34, B("\xb8\x78\x56\x34\x12"), 5, "mov eax, 0x12345678",
	  "movl $0x12345678, %eax" },
	{ DISASM_32, 0x7c00, B("\xea\x00\x00\x00\x00\x08\x00"), 7, "ljmp 8:0", "ljmpl $0x8:$0x0" },
	{ DISASM_32, 0x7c00, B("\x0f\x0b"), 2, "ud2", "ud2" },
	/* 64-bit: RIP-relative, and a 64-bit immediate */
	{ DISASM_64, 0x1000, B("\x48\x8b\x05\x10\x00\x00\x00"), 7, "mov rax, qword ptr [rip + 0x10]",
	  "movq 0x10(%rip), %rax" },
	{ DISASM_64, 0x1000, B("\x48\xb8\x88\x77\x66\x55\x44\x33\x22\x11"), 10,
	  "movabs rax, 0x1122334455667788", "movabsq $0x1122334455667788, %rax" },
	{ DISASM_64, 0x7c7b, B("\x66\xb8\x10\x00"), 4, "mov ax, 0x10", "movw $0x10, %ax" },
	/* the longest: 14 prefixes and an opcode is still an instruction */
	{ DISASM_16, 0, B("\x66\x66\x66\x66\x66\x66\x66\x66\x66\x66\x66\x66\x66\x66\x90"), 15, "nop",
	  "nop" },
};

static void test_known(void)
{
	for (size_t i = 0; i < sizeof(KNOWN) / sizeof(KNOWN[0]); i++) {
		const struct known *k = &KNOWN[i];
		for (int s = 0; s < 2; s++) {
			struct disasm *d = disasm_open(k->bits, s ? DISASM_ATT : DISASM_INTEL);
			CHECK(d != NULL);
			if (!d)
				continue;
			struct disasm_insn insn;
			size_t len = disasm_one(d, (const uint8_t *)k->bytes, k->size, k->addr, &insn);
			CHECK_EQ(len, k->len);
			CHECK_EQ(insn.len, k->len);
			CHECK_EQ(insn.addr, k->addr);
			CHECK_EQ(insn.status, DISASM_OK);
			CHECK_STR(insn.text, s ? k->att : k->intel);
			CHECK(memcmp(insn.bytes, k->bytes, k->len) == 0);
			disasm_close(d);
		}
	}
}

/* The text's parts: mnemonic and operands apart, and together. */
static void test_parts(void)
{
	struct disasm *d = disasm_open(DISASM_16, DISASM_ATT);
	struct disasm_insn insn;
	disasm_one(d, (const uint8_t *)"\xea\x12\x7c\x00\x00", 5, 0x7c0d, &insn);
	CHECK_STR(insn.mnemonic, "ljmpw");
	CHECK_STR(insn.operands, "$0x0:$0x7c12");
	char hex[DISASM_HEX_MAX];
	disasm_hex(&insn, hex, sizeof(hex));
	CHECK_STR(hex, "ea 12 7c 00 00");
	/* too small a buffer: whole bytes only, never half of one */
	char small[7];
	disasm_hex(&insn, small, sizeof(small));
	CHECK_STR(small, "ea 12");
	disasm_one(d, (const uint8_t *)"\xf4", 1, 0, &insn);
	CHECK_STR(insn.mnemonic, "hlt");
	CHECK_STR(insn.operands, "");
	CHECK_STR(insn.text, "hlt"); /* no trailing space */
	disasm_close(d);
}

/* Bytes that are no instruction: one byte as data, and on to the next. */
static void test_bad(void)
{
	struct disasm *d16 = disasm_open(DISASM_16, DISASM_INTEL);
	struct disasm *d64 = disasm_open(DISASM_64, DISASM_ATT);
	struct disasm_insn insn;
	/* FF /7 is undefined */
	CHECK_EQ(disasm_one(d16, (const uint8_t *)"\xff\xff\x00\x00", 4, 0x7d68, &insn), 1);
	CHECK_EQ(insn.status, DISASM_BAD);
	CHECK_STR(insn.text, ".byte 0xff");
	CHECK_STR(insn.mnemonic, ".byte");
	CHECK_EQ(insn.bytes[0], 0xff);
	/* PUSH ES: valid in 16-bit code, gone in 64-bit */
	CHECK_EQ(disasm_one(d64, (const uint8_t *)"\x06\x90", 2, 0, &insn), 1);
	CHECK_EQ(insn.status, DISASM_BAD);
	CHECK_STR(insn.text, ".byte 0x06");
	CHECK_EQ(disasm_one(d16, (const uint8_t *)"\x06\x90", 2, 0, &insn), 1);
	CHECK_EQ(insn.status, DISASM_OK);
	CHECK_STR(insn.text, "push es");
	/* 16 bytes is one too many for any instruction: the first is bad,
	 * the rest (15) decode */
	const uint8_t too_long[] = { 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
				     0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x90 };
	CHECK_EQ(disasm_one(d16, too_long, sizeof(too_long), 0, &insn), 1);
	CHECK_EQ(insn.status, DISASM_BAD);
	CHECK_EQ(disasm_one(d16, too_long + 1, sizeof(too_long) - 1, 1, &insn), 15);
	CHECK_EQ(insn.status, DISASM_OK);
	/* a run of them goes on a byte at a time */
	struct disasm_insn run[8];
	CHECK_EQ(disasm_many(d16, (const uint8_t *)"\xff\xff\xff\xff\xf4", 5, 0x100, run, 8), 4);
	CHECK_EQ(run[0].status, DISASM_BAD);
	CHECK_EQ(run[1].addr, 0x101);
	CHECK_EQ(run[2].status, DISASM_BAD);
	CHECK_EQ(run[3].addr, 0x103);
	CHECK_EQ(run[3].len, 2); /* ff f4: push sp */
	CHECK_STR(run[3].text, "push sp");
	disasm_close(d16);
	disasm_close(d64);
}

/* An instruction the buffer cuts off: one byte, marked truncated (more
 * bytes would decide), not bad. */
static void test_truncated(void)
{
	struct disasm *d = disasm_open(DISASM_16, DISASM_ATT);
	struct disasm_insn insn;
	CHECK_EQ(disasm_one(d, (const uint8_t *)"\xea\x12\x7c", 3, 0x7c0d, &insn), 1);
	CHECK_EQ(insn.status, DISASM_TRUNCATED);
	CHECK_STR(insn.text, ".byte 0xea");
	CHECK_EQ(disasm_one(d, (const uint8_t *)"\x66", 1, 0, &insn), 1);
	CHECK_EQ(insn.status, DISASM_TRUNCATED);
	/* LEA with a disp16 operand, its displacement missing */
	CHECK_EQ(disasm_one(d, (const uint8_t *)"\x8d\x36", 2, 0, &insn), 1);
	CHECK_EQ(insn.status, DISASM_TRUNCATED);
	/* nothing to decode */
	CHECK_EQ(disasm_one(d, (const uint8_t *)"", 0, 0x42, &insn), 0);
	CHECK_EQ(insn.addr, 0x42);
	CHECK_EQ(insn.len, 0);
	disasm_close(d);
}

/* Buffers that end at a guard page: a read past the end would crash. */
static void test_never_past_the_end(void)
{
	long page = sysconf(_SC_PAGESIZE);
	uint8_t *map = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(map != MAP_FAILED);
	if (map == MAP_FAILED)
		return;
	CHECK(mprotect(map + page, (size_t)page, PROT_NONE) == 0);
	uint8_t *end = map + page;
	static const enum disasm_bits BITS[] = { DISASM_16, DISASM_32, DISASM_64 };
	srand(11);
	for (size_t b = 0; b < 3; b++) {
		struct disasm *d = disasm_open(BITS[b], b == 1 ? DISASM_ATT : DISASM_INTEL);
		/* every first byte, alone and followed by every second byte */
		bool all_one = true, all_sum = true;
		for (unsigned x = 0; x < 256; x++) {
			struct disasm_insn insn;
			end[-1] = (uint8_t)x;
			all_one &= disasm_one(d, end - 1, 1, 0, &insn) == 1;
			for (unsigned y = 0; y < 256; y++) {
				end[-2] = (uint8_t)x;
				end[-1] = (uint8_t)y;
				size_t len = disasm_one(d, end - 2, 2, 0, &insn);
				all_one &= len >= 1 && len <= 2 && insn.len == len;
			}
		}
		CHECK(all_one);
		/* random bytes: the instructions tile the buffer exactly */
		for (int round = 0; round < 200; round++) {
			size_t size = 1 + (size_t)rand() % 64;
			for (size_t i = 0; i < size; i++)
				end[-(long)size + (long)i] = (uint8_t)rand();
			struct disasm_insn insns[64];
			size_t n = disasm_many(d, end - size, size, 0x1000, insns, 64);
			uint64_t at = 0x1000;
			for (size_t i = 0; i < n; i++) {
				all_sum &= insns[i].addr == at && insns[i].len >= 1 &&
					   insns[i].len <= DISASM_MAX_LEN;
				all_sum &= insns[i].status == DISASM_OK || insns[i].len == 1;
				at += insns[i].len;
			}
			all_sum &= at == 0x1000 + size;
		}
		CHECK(all_sum);
		disasm_close(d);
	}
	munmap(map, (size_t)page * 2);
}

/* A run of instructions: a boot sector's first ones, and a cap on them. */
static void test_many(void)
{
	const uint8_t code[] = { 0xfa, 0x31, 0xc0, 0x8e, 0xd8, 0xea, 0x0a, 0x7c, 0x00, 0x00, 0xf4 };
	struct disasm *d = disasm_open(DISASM_16, DISASM_ATT);
	struct disasm_insn insns[8];
	CHECK_EQ(disasm_many(d, code, sizeof(code), 0x7c00, insns, 8), 5);
	CHECK_STR(insns[0].text, "cli");
	CHECK_STR(insns[1].text, "xorw %ax, %ax");
	CHECK_STR(insns[2].text, "movw %ax, %ds");
	CHECK_STR(insns[3].text, "ljmpw $0x0:$0x7c0a");
	CHECK_EQ(insns[3].addr, 0x7c05);
	CHECK_STR(insns[4].text, "hlt");
	CHECK_EQ(insns[4].addr, 0x7c0a);
	CHECK_EQ(disasm_many(d, code, sizeof(code), 0x7c00, insns, 2), 2);
	CHECK_EQ(disasm_many(d, code, 0, 0x7c00, insns, 8), 0);
	disasm_close(d);
}

static void test_open(void)
{
	CHECK(disasm_open((enum disasm_bits)8, DISASM_INTEL) == NULL);
	CHECK(disasm_open(DISASM_32, (enum disasm_syntax)7) == NULL);
	disasm_close(NULL);
}

static void test_format_real(void)
{
	char buf[32];
	disasm_format_real(buf, sizeof(buf), 0x0000, 0x0, 0x7c12);
	CHECK_STR(buf, "0000:7c12 (07c12)");
	disasm_format_real(buf, sizeof(buf), 0x1234, 0x12340, 0x0010);
	CHECK_STR(buf, "1234:0010 (12350)");
	/* after a reset: the base is not the selector times 16 */
	disasm_format_real(buf, sizeof(buf), 0xf000, 0xffff0000, 0xfff0);
	CHECK_STR(buf, "f000:fff0 (fffffff0)");
	/* the top of the 1 MiB + 64 KiB real mode reaches */
	disasm_format_real(buf, sizeof(buf), 0xffff, 0xffff0, 0xffff);
	CHECK_STR(buf, "ffff:ffff (10ffef)");
}

static void test_bits_of(void)
{
	struct cpu_state cpu;
	memset(&cpu, 0, sizeof(cpu));
	CHECK_EQ(disasm_bits_of(&cpu), DISASM_16); /* real mode */
	cpu.seg[SEG_CS].db = 1;                    /* a 32-bit CS left over: still real mode */
	CHECK_EQ(disasm_bits_of(&cpu), DISASM_16);
	cpu.cr0 = 1;                               /* CR0.PE */
	CHECK_EQ(disasm_bits_of(&cpu), DISASM_32);
	cpu.seg[SEG_CS].db = 0;                    /* a 16-bit code segment */
	CHECK_EQ(disasm_bits_of(&cpu), DISASM_16);
	cpu.cr0 = 1 | (1ull << 31);                /* paging too */
	cpu.seg[SEG_CS].db = 1;
	CHECK_EQ(disasm_bits_of(&cpu), DISASM_32);
	cpu.efer = 1ull << 10;                     /* EFER.LMA, CS.L = 0: compatibility mode */
	CHECK_EQ(disasm_bits_of(&cpu), DISASM_32);
	cpu.seg[SEG_CS].db = 0;
	cpu.seg[SEG_CS].l = 1;                     /* 64-bit code */
	CHECK_EQ(disasm_bits_of(&cpu), DISASM_64);
	cpu.efer = 0;
	cpu.cr0 = 1;
	cpu.seg[SEG_CS].l = 0;
	cpu.seg[SEG_CS].db = 1;
	cpu.rflags = 1ull << 17;                   /* RFLAGS.VM: virtual-8086 */
	CHECK_EQ(disasm_bits_of(&cpu), DISASM_16);
}

static void test_exit_line(void)
{
	char line[DISASM_LINE_MAX];
	disasm_exit_line((const uint8_t *)"\xee\xeb\xf8", 3, 0x7c1d, DISASM_16, DISASM_INTEL, line, sizeof(line));
	CHECK_STR(line, "out dx, al  [ee]");
	disasm_exit_line((const uint8_t *)"\xee", 1, 0x7c1d, DISASM_16, DISASM_ATT, line, sizeof(line));
	CHECK_STR(line, "outb %al, %dx  [ee]");
	/* a branch's target comes from rip */
	disasm_exit_line((const uint8_t *)"\xeb\xfd", 2, 0x7c21, DISASM_16, DISASM_INTEL, line, sizeof(line));
	CHECK_STR(line, "jmp 0x7c20  [eb fd]");
	/* an MMIO write in 64-bit code */
	disasm_exit_line((const uint8_t *)"\x89\x07\x90\x90", 4, 0x100000, DISASM_64, DISASM_INTEL, line,
			 sizeof(line));
	CHECK_STR(line, "mov dword ptr [rdi], eax  [89 07]");
	disasm_exit_line((const uint8_t *)"\xff\xff\x00", 3, 0, DISASM_16, DISASM_INTEL, line, sizeof(line));
	CHECK_STR(line, "(bad)  [ff ff 00]  no valid 16-bit instruction starts here");
	disasm_exit_line((const uint8_t *)"\x06\x01\x02\x03\x04\x05\x06\x07\x08\x09", 10, 0, DISASM_64,
			 DISASM_INTEL, line, sizeof(line));
	CHECK_STR(line, "(bad)  [06 01 02 03 04 05 06 07 ...]  no valid 64-bit instruction starts here");
	disasm_exit_line((const uint8_t *)"\x66\x0f", 2, 0, DISASM_32, DISASM_INTEL, line, sizeof(line));
	CHECK_STR(line, "(truncated)  [66 0f]  the instruction goes on past the 2 bytes read");
	disasm_exit_line(NULL, 0, 0, DISASM_16, DISASM_INTEL, line, sizeof(line));
	CHECK_STR(line, "(no code bytes at RIP to decode)");
	/* a short buffer: cut, terminated */
	char small[8];
	disasm_exit_line((const uint8_t *)"\xee", 1, 0, DISASM_16, DISASM_INTEL, small, sizeof(small));
	CHECK_STR(small, "out dx,");
}

/* ---- which instruction made an exit ---- */

static struct event io_exit(enum io_direction dir, uint32_t count, uint64_t rip)
{
	struct event ev = { .kind = EVENT_EXIT, .reason = EXIT_IO, .rip = rip };
	ev.u.io.port = 0x3f8;
	ev.u.io.size = 1;
	ev.u.io.dir = (uint8_t)dir;
	ev.u.io.count = count;
	return ev;
}

static void test_exit_cause(void)
{
	struct disasm *d = disasm_open(DISASM_16, DISASM_INTEL);
	/* 7c00: mov dx, 0x3fd; in al, dx; out dx, al; out dx, al; rep outsb; hlt; mov [bx], al; nop */
	static const uint8_t code[] = { 0xba, 0xfd, 0x03, 0xec, 0xee, 0xee, 0xf3, 0x6e, 0xf4, 0x88, 0x07, 0x90 };
	struct disasm_insn insn;
	/* OUT: RIP past it (hello's exit at 7c1e for the OUT at 7c1d). */
	struct event ev = io_exit(IO_OUT, 1, 0x7c05);
	CHECK_EQ(disasm_exit_cause(d, code, sizeof(code), 0x7c00, 0x7c05, &ev, &insn), CAUSE_BEFORE_RIP);
	CHECK_EQ(insn.addr, 0x7c04);
	CHECK_STR(insn.text, "out dx, al");
	/* ... the second of two, RIP on the rep outsb after it. */
	ev = io_exit(IO_OUT, 1, 0x7c06);
	CHECK_EQ(disasm_exit_cause(d, code, sizeof(code), 0x7c00, 0x7c06, &ev, &insn), CAUSE_BEFORE_RIP);
	CHECK_EQ(insn.addr, 0x7c05);
	/* IN: RIP on it (echo's exit at 7c1d). */
	ev = io_exit(IO_IN, 1, 0x7c03);
	CHECK_EQ(disasm_exit_cause(d, code, sizeof(code), 0x7c00, 0x7c03, &ev, &insn), CAUSE_AT_RIP);
	CHECK_STR(insn.text, "in al, dx");
	/* String output is emulated: RIP stays on it. */
	ev = io_exit(IO_OUT, 3, 0x7c06);
	CHECK_EQ(disasm_exit_cause(d, code, sizeof(code), 0x7c00, 0x7c06, &ev, &insn), CAUSE_AT_RIP);
	CHECK_STR(insn.mnemonic, "rep outsb");
	/* With cx = 1 it is a count of 1: nothing before fits, so the one at RIP. */
	static const uint8_t nop_outsb[] = { 0x90, 0xf3, 0x6e };
	ev = io_exit(IO_OUT, 1, 0x7c01);
	CHECK_EQ(disasm_exit_cause(d, nop_outsb, sizeof(nop_outsb), 0x7c00, 0x7c01, &ev, &insn), CAUSE_AT_RIP);
	CHECK_STR(insn.mnemonic, "rep outsb");
	/* HLT: past it. */
	ev = (struct event){ .kind = EVENT_EXIT, .reason = EXIT_HLT, .rip = 0x7c09 };
	CHECK_EQ(disasm_exit_cause(d, code, sizeof(code), 0x7c00, 0x7c09, &ev, &insn), CAUSE_BEFORE_RIP);
	CHECK_STR(insn.text, "hlt");
	/* MMIO: on it. */
	ev = (struct event){ .kind = EVENT_EXIT, .reason = EXIT_MMIO, .rip = 0x7c09 };
	CHECK_EQ(disasm_exit_cause(d, code, sizeof(code), 0x7c00, 0x7c09, &ev, &insn), CAUSE_AT_RIP);
	CHECK_STR(insn.text, "mov byte ptr [bx], al");
	/* An IO exit where no I/O instruction is: said, and RIP's shown. */
	ev = io_exit(IO_OUT, 1, 0x7c0b);
	CHECK_EQ(disasm_exit_cause(d, code, sizeof(code), 0x7c00, 0x7c0b, &ev, &insn), CAUSE_UNSURE);
	CHECK_STR(insn.text, "nop");
	/* Not an instruction's exit: what runs next. */
	ev = (struct event){ .kind = EVENT_EXIT, .reason = EXIT_INTR, .rip = 0x7c0b };
	CHECK_EQ(disasm_exit_cause(d, code, sizeof(code), 0x7c00, 0x7c0b, &ev, &insn), CAUSE_NEXT);
	/* RIP outside the bytes, or no bytes. */
	CHECK_EQ(disasm_exit_cause(d, code, sizeof(code), 0x7c00, 0x7d00, &ev, &insn), CAUSE_NONE);
	CHECK_EQ(disasm_exit_cause(d, code, sizeof(code), 0x7c00, 0x7bff, &ev, &insn), CAUSE_NONE);
	CHECK_EQ(disasm_exit_cause(d, NULL, 0, 0x7c00, 0x7c00, &ev, &insn), CAUSE_NONE);
	/* RIP at the window's very end: only what is before it. */
	ev = (struct event){ .kind = EVENT_EXIT, .reason = EXIT_HLT, .rip = 0x7c09 };
	CHECK_EQ(disasm_exit_cause(d, code, 9, 0x7c00, 0x7c09, &ev, &insn), CAUSE_BEFORE_RIP);
	disasm_close(d);
	/* AT&T spellings fit too. */
	d = disasm_open(DISASM_16, DISASM_ATT);
	ev = io_exit(IO_OUT, 1, 0x7c05);
	CHECK_EQ(disasm_exit_cause(d, code, sizeof(code), 0x7c00, 0x7c05, &ev, &insn), CAUSE_BEFORE_RIP);
	CHECK_EQ(insn.addr, 0x7c04);
	disasm_close(d);
}

int main(void)
{
	test_exit_cause();
	test_known();
	test_parts();
	test_bad();
	test_truncated();
	test_never_past_the_end();
	test_many();
	test_open();
	test_format_real();
	test_bits_of();
	test_exit_line();
	return check_done();
}
