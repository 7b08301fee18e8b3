/* SPDX-License-Identifier: MIT */
/* fuzz_input.h - what every fuzz target shares: reading libFuzzer's bytes as
 * little typed fields, a file that holds an input for the path-based APIs,
 * a JSON checker, and a way to stop with a message that names the broken
 * rule.
 *
 * The readers never fail: past the end of the input they give zeros, so a
 * target reads the fields it needs without counting, and a short input is
 * just an input whose last fields are zero (libFuzzer learns to extend it).
 */
#ifndef KVMTUI_FUZZ_INPUT_H
#define KVMTUI_FUZZ_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* libFuzzer's entry points (declared for -Wmissing-prototypes). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

struct fuzz_in {
	const uint8_t *p;
	size_t n;
};

static inline struct fuzz_in fuzz_in_init(const uint8_t *data, size_t size)
{
	return (struct fuzz_in){ .p = data, .n = size };
}

static inline bool fuzz_in_empty(const struct fuzz_in *in)
{
	return in->n == 0;
}

static inline uint8_t fuzz_u8(struct fuzz_in *in)
{
	if (in->n == 0)
		return 0;
	in->n--;
	return *in->p++;
}

static inline uint16_t fuzz_u16(struct fuzz_in *in)
{
	uint16_t lo = fuzz_u8(in);
	return (uint16_t)(lo | fuzz_u8(in) << 8);
}

static inline uint32_t fuzz_u32(struct fuzz_in *in)
{
	uint32_t lo = fuzz_u16(in);
	return lo | (uint32_t)fuzz_u16(in) << 16;
}

static inline uint64_t fuzz_u64(struct fuzz_in *in)
{
	uint64_t lo = fuzz_u32(in);
	return lo | (uint64_t)fuzz_u32(in) << 32;
}

/* Copies up to len bytes into dst, zero-filling what the input lacks;
 * returns how many came from the input. */
static inline size_t fuzz_bytes(struct fuzz_in *in, void *dst, size_t len)
{
	size_t n = len < in->n ? len : in->n;
	memcpy(dst, in->p, n);
	memset((uint8_t *)dst + n, 0, len - n);
	in->p += n;
	in->n -= n;
	return n;
}

/* The next up-to-len bytes in place (no copy); *got says how many. */
static inline const uint8_t *fuzz_take(struct fuzz_in *in, size_t len, size_t *got)
{
	const uint8_t *p = in->p;
	*got = len < in->n ? len : in->n;
	in->p += *got;
	in->n -= *got;
	return p;
}

/* Stops the run: prints "fuzz: what" and aborts, so libFuzzer saves the
 * input as a crash. For a rule the code under test broke without a
 * sanitizer noticing (a truncated JSON line, a cell out of range). */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* A file whose contents are the input, for APIs that take a path: a memfd,
 * reopened by path through /proc/self/fd (a regular file, as the loaders
 * require). Created once, rewritten for each input. Returns the path. */
const char *fuzz_file_path(void);
const char *fuzz_file_set(const uint8_t *data, size_t size);

/* Whether text[0..len) is exactly one JSON value (RFC 8259, no trailing
 * bytes), and only printable ASCII: what one --trace line must be. */
bool fuzz_json_valid(const char *text, size_t len);

#endif
