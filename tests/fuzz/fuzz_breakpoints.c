/* SPDX-License-Identifier: MIT */
/* fuzz_breakpoints.c - breakpoints as a user types them (b, --break) and
 * exits matched against them (src/seam/breakpoints.c).
 *
 * The input is text up to a newline, then the bytes of exit records. Rules:
 * a failed parse says why; a parsed breakpoint has its tidy text (which
 * parses again to the same kind and address), a length for ranges, a
 * known kind; it goes into a list and comes out by id; matching any record
 * against it returns -1 or its slot, never more. */
#include <string.h>

#include "breakpoints.h"
#include "fuzz_input.h"

#define MAX_TEXT 128

static void check_tidy(const struct breakpoint *b)
{
	if (!memchr(b->text, 0, sizeof(b->text)) || !b->text[0])
		fuzz_fail("breakpoint without its text");
	if (b->kind > BRK_WATCH)
		fuzz_fail("unknown kind %u", b->kind);
	struct breakpoint again;
	char err[192];
	if (bp_parse(b->text, &again, err, sizeof(err)) != 0)
		fuzz_fail("its own text '%s' does not parse: %s", b->text, err);
	else if (again.kind != b->kind || again.addr != b->addr)
		fuzz_fail("'%s' parses to another breakpoint", b->text);
}

static void check_match(const struct breakpoint *b, const uint8_t *data, size_t size)
{
	struct breakpoint list[2] = { *b, *b };
	list[1].enabled = false;
	for (size_t off = 0; off + sizeof(struct event) <= size; off += sizeof(struct event)) {
		struct event ev;
		memcpy(&ev, data + off, sizeof(ev));
		int slot = bp_match(list, 2, &ev, data[off] & 7, data[off + 1] & 7);
		if (slot != -1 && slot != 0)
			fuzz_fail("bp_match returned slot %d of 2 (the second is off)", slot);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size < MAX_TEXT ? size : MAX_TEXT);
	size_t len = nl ? (size_t)(nl - data) : (size < MAX_TEXT ? size : MAX_TEXT);
	char text[MAX_TEXT + 1];
	memcpy(text, data, len);
	text[len] = 0;
	struct breakpoint b;
	char err[192];
	memset(err, 0x55, sizeof(err));
	if (bp_parse(text, &b, err, sizeof(err)) != 0) {
		if (!memchr(err, 0, sizeof(err)) || !err[0])
			fuzz_fail("bp_parse(\"%s\") failed without a reason", text);
		return 0;
	}
	check_tidy(&b);
	(void)bp_supported(&b, err, sizeof(err));
	static struct bp_list list;
	static int ready;
	if (!ready) {
		bp_list_init(&list);
		ready = 1;
	}
	int id = bp_add(&list, &b, err, sizeof(err));
	if (id <= 0 || bp_remove(&list, (unsigned)id) != 0)
		fuzz_fail("a breakpoint added (%d) could not be removed", id);
	size_t rest = nl ? size - len - 1 : 0;
	check_match(&b, nl ? (const uint8_t *)nl + 1 : data, rest);
	return 0;
}
