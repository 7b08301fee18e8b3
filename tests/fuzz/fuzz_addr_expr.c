/* SPDX-License-Identifier: MIT */
/* fuzz_addr_expr.c - the address expressions of the memory view, the
 * breakpoint prompt and --dump (src/seam/addr_expr.c), typed by a user or
 * given on the command line: "0x7c00", "ss:sp-2", "b800:0", "ADDR:LEN".
 *
 * The first byte picks the range's maximum length, the next 8 bytes the
 * registers' fill; the rest is the text. Rules: a failure always says why
 * (a NUL-terminated, non-empty reason), a success evaluates without
 * trouble, a range's length is within 1..max, and a parse is the same
 * twice (no state kept).
 */
#include <string.h>

#include "addr_expr.h"
#include "fuzz_input.h"

#define MAX_TEXT 256

static void check_parse(const char *text, const struct cpu_state *cpu)
{
	struct addr_expr e, again;
	char err[96], err2[96];
	memset(err, 0x55, sizeof err);
	int rc = addr_expr_parse(text, &e, err, sizeof err);
	if (rc != 0 && (rc != -1 || !memchr(err, 0, sizeof err) || err[0] == 0))
		fuzz_fail("addr_expr_parse(\"%s\") = %d without a reason", text, rc);
	if (rc == 0) {
		(void)addr_expr_eval(&e, cpu);
		if (addr_expr_parse(text, &again, err2, sizeof err2) != 0 || memcmp(&e, &again, sizeof e) != 0)
			fuzz_fail("addr_expr_parse(\"%s\") differs the second time", text);
	}
}

static void check_range(const char *text, uint64_t max, const struct cpu_state *cpu)
{
	struct addr_expr e;
	uint64_t len = 0;
	char err[96];
	memset(err, 0x55, sizeof err);
	int rc = addr_expr_parse_range(text, &e, &len, max, err, sizeof err);
	if (rc != 0 && (!memchr(err, 0, sizeof err) || err[0] == 0))
		fuzz_fail("addr_expr_parse_range(\"%s\") failed without a reason", text);
	if (rc == 0 && (len == 0 || len > max))
		fuzz_fail("addr_expr_parse_range(\"%s\") gave length %llu, max %llu", text,
			  (unsigned long long)len, (unsigned long long)max);
	if (rc == 0)
		(void)addr_expr_eval(&e, cpu);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = fuzz_in_init(data, size);
	uint64_t max = 1 + fuzz_u8(&in) * 4096ull;
	uint64_t fill = fuzz_u64(&in);
	struct cpu_state cpu;
	memset(&cpu, 0, sizeof cpu);
	for (int i = 0; i < GPR_COUNT; i++)
		cpu.gpr[i] = fill * (uint64_t)(i + 1);
	cpu.rip = fill ^ 0x7c00;
	for (int i = 0; i < SEG_COUNT; i++)
		cpu.seg[i].base = (fill >> i) & 0xffff0;
	char text[MAX_TEXT + 1];
	size_t got;
	const uint8_t *p = fuzz_take(&in, MAX_TEXT, &got);
	memcpy(text, p, got);
	text[got] = 0;
	check_parse(text, &cpu);
	check_range(text, max, &cpu);
	return 0;
}
