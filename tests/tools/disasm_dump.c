/* SPDX-License-Identifier: MIT */
/* disasm_dump.c - a file's bytes decoded by kvm-tui's disassembler, one
 * instruction a line, for the tests to compare with objdump (built, not
 * installed):
 *
 *     disasm_dump [-b 16|32|64] [-s intel|att] [-a BASE] [-f FROM] [-t TO] FILE
 *
 * The file's first byte is at guest address BASE (default 0); only the
 * bytes at addresses FROM..TO (default: the whole file) are decoded. Each
 * line: address, length, bytes, text, tab-separated:
 *
 *     7c0d	5	ea 12 7c 00 00	ljmpw $0x0:$0x7c12
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "disasm.h"

#define DUMP_MAX_FILE (16u << 20)

static void usage(void)
{
	fprintf(stderr, "usage: disasm_dump [-b 16|32|64] [-s intel|att] [-a BASE] [-f FROM] [-t TO] FILE\n");
	exit(2);
}

static uint64_t number(const char *s)
{
	char *end;
	errno = 0;
	uint64_t v = strtoull(s, &end, 0);
	if (errno || end == s || *end)
		usage();
	return v;
}

static uint8_t *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "disasm_dump: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	uint8_t *buf = malloc(DUMP_MAX_FILE);
	if (!buf) {
		fprintf(stderr, "disasm_dump: out of memory\n");
		exit(1);
	}
	*size = fread(buf, 1, DUMP_MAX_FILE, f);
	if (ferror(f) || !feof(f)) {
		fprintf(stderr, "disasm_dump: %s: cannot read it whole (at most %u bytes)\n", path,
			DUMP_MAX_FILE);
		exit(1);
	}
	fclose(f);
	return buf;
}

int main(int argc, char **argv)
{
	enum disasm_bits bits = DISASM_16;
	enum disasm_syntax syntax = DISASM_INTEL;
	uint64_t base = 0, from = 0, to = UINT64_MAX;
	int opt;
	while ((opt = getopt(argc, argv, "b:s:a:f:t:")) != -1) {
		switch (opt) {
		case 'b': bits = (enum disasm_bits)number(optarg); break;
		case 's':
			if (strcmp(optarg, "intel") == 0)
				syntax = DISASM_INTEL;
			else if (strcmp(optarg, "att") == 0)
				syntax = DISASM_ATT;
			else
				usage();
			break;
		case 'a': base = number(optarg); break;
		case 'f': from = number(optarg); break;
		case 't': to = number(optarg); break;
		default: usage();
		}
	}
	if (optind != argc - 1)
		usage();
	struct disasm *d = disasm_open(bits, syntax);
	if (!d) {
		fprintf(stderr, "disasm_dump: cannot open a %d-bit decoder\n", (int)bits);
		return 1;
	}
	size_t size;
	uint8_t *buf = slurp(argv[optind], &size);
	if (from < base)
		from = base;
	if (to > base + size)
		to = base + size;
	for (uint64_t addr = from; addr < to;) {
		struct disasm_insn insn;
		char hex[DISASM_HEX_MAX];
		size_t len = disasm_one(d, buf + (addr - base), (size_t)(to - addr), addr, &insn);
		disasm_hex(&insn, hex, sizeof(hex));
		printf("%" PRIx64 "\t%zu\t%s\t%s\n", addr, len, hex, insn.text);
		addr += len;
	}
	free(buf);
	disasm_close(d);
	return ferror(stdout) ? 1 : 0;
}
